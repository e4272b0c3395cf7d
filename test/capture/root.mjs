#!/usr/bin/env node
// Captures docker's answers to global-flag edge cases (pflag parsing before the command word)
// into test/golden/cli/root-*.json, replayed by test/unit/cli.test.ts. No daemon involved.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../golden/cli/', import.meta.url));
const cases = {
  'root-bool-bad-value': ['--tlsverify=maybe', 'node', 'ls'],
  'root-debug-bad-value': ['-D=maybe', 'node', 'ls'],
  'root-combined-unknown': ['-Dx', 'node', 'ls'],
  'root-host-twice': ['-H', 'unix:///a.sock', '--host=unix:///b.sock', 'node', 'ls'],
  'root-host-and-context': ['-H', 'unix:///a.sock', '--context', 'x', 'node', 'ls'],
  'root-unknown-context': ['--context', 'nosuch', 'node', 'ls'],
  'root-unknown-long-value': ['--nope=1', 'node', 'ls'],
  'root-flag-after-command-is-the-commands': ['node', 'ls', '--tlsverify'],
  'root-context-missing-arg': ['-c'],
  'root-bad-host': ['-H', 'http://x', 'node', 'ls'],
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
