#!/usr/bin/env node
// Captures the reference docker client's answers to argument and flag errors, help and
// unknown commands: cases that never reach a daemon, so unit tests can replay them.
// Run: node test/capture/cli.mjs   (writes test/golden/cli/*.json)
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../golden/cli/', import.meta.url));
mkdirSync(out, { recursive: true });

/** name → argv. DOCKER_HOST points nowhere, so a case that did reach for a daemon would show it. */
export const cases = {
  'node-ls-extra-arg': ['node', 'ls', 'x'],
  'node-ls-unknown-flag': ['node', 'ls', '--foo'],
  'node-ls-unknown-flag-value': ['node', 'ls', '--foo=bar'],
  'node-ls-unknown-shorthand': ['node', 'ls', '-x'],
  'node-ls-unknown-shorthand-combined': ['node', 'ls', '-qx'],
  'node-ls-bad-bool': ['node', 'ls', '--quiet=maybe'],
  'node-ls-filter-missing-short': ['node', 'ls', '-f'],
  'node-ls-filter-missing-long': ['node', 'ls', '--filter'],
  'node-ls-filter-bad-format': ['node', 'ls', '--filter', 'role'],
  'node-ls-help': ['node', 'ls', '--help'],
  'node-ls-help-short': ['node', 'ls', '-h'],
  'node-list-help': ['node', 'list', '--help'],
  'node-help': ['node', '--help'],
  'node-bare': ['node'],
  'node-inspect-help': ['node', 'inspect', '--help'],
  'node-inspect-no-args': ['node', 'inspect'],
  'node-inspect-bad-pretty': ['node', 'inspect', '--pretty=maybe', 'self'],
  'node-inspect-format-missing': ['node', 'inspect', '-f'],
  'node-ps-help': ['node', 'ps', '--help'],
  'node-ps-bad-bool': ['node', 'ps', '--no-trunc=maybe'],
  'node-ps-filter-bad-format': ['node', 'ps', '-f', 'node'],
  'node-ps-unknown-shorthand': ['node', 'ps', '-x'],
  'node-promote-help': ['node', 'promote', '--help'],
  'node-promote-no-args': ['node', 'promote'],
  'node-promote-unknown-flag': ['node', 'promote', '--force', 'x'],
  'node-demote-help': ['node', 'demote', '--help'],
  'node-demote-no-args': ['node', 'demote'],
  'node-update-help': ['node', 'update', '--help'],
  'node-update-no-args': ['node', 'update'],
  'node-update-two-args': ['node', 'update', 'a', 'b'],
  'node-update-label-add-missing': ['node', 'update', 'x', '--label-add'],
  'node-update-role-missing': ['node', 'update', '--role'],
  'node-rm-help': ['node', 'rm', '--help'],
  'node-remove-help': ['node', 'remove', '--help'],
  'node-rm-no-args': ['node', 'rm'],
  'node-rm-bad-force': ['node', 'rm', '--force=maybe', 'x'],
  'node-unknown-subcommand': ['node', 'foo'],
  'node-unknown-flag': ['node', '--foo'],
  'root-unknown-command': ['nodex'],
  'root-unknown-flag': ['--foo', 'node', 'ls'],
  'root-host-missing-arg': ['-H'],
  'root-log-level-missing-arg': ['--log-level'],
  'root-bad-log-level': ['--log-level=bad', 'node', 'ls'],
  'version-extra-arg': ['version', 'x'],
  'version-help': ['version', '--help'],
  'version-unknown-flag': ['version', '--foo'],
};

const docker = process.env.TSW_ORACLE ?? 'docker';
for (const [name, args] of Object.entries(cases)) {
  const r = spawnSync(docker, args, {
    encoding: 'utf8',
    input: '',
    env: { PATH: process.env.PATH, HOME: '/nonexistent-home', DOCKER_HOST: 'unix:///nonexistent/docker.sock' },
  });
  writeFileSync(`${out}${name}.json`, `${JSON.stringify({ args, stdout: r.stdout, stderr: r.stderr, code: r.status }, null, 2)}\n`);
}
console.log(`captured ${Object.keys(cases).length} cases into test/golden/cli/`);
