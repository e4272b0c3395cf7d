#!/usr/bin/env node
// Captures the reference docker client's answers for `stack ls|services|ps|rm` that never
// need a swarm: argument and flag errors, the stack name check, the hidden deprecated
// --orchestrator, help of each verb, and an unreachable daemon.
// Run: node test/capture/stack-cli.mjs   (writes test/golden/stack-cli/*.json)
// (`docker stack --help` is not captured: its command list includes config and deploy.)
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../golden/stack-cli/', import.meta.url));
mkdirSync(out, { recursive: true });

/** name → argv. DOCKER_HOST points nowhere, so a case that reaches for a daemon shows it. */
export const cases = {
  'ls-help': ['stack', 'ls', '--help'],
  'list-help': ['stack', 'list', '--help'],
  'services-help': ['stack', 'services', '--help'],
  'ps-help': ['stack', 'ps', '--help'],
  'rm-help': ['stack', 'rm', '--help'],
  'remove-help': ['stack', 'remove', '--help'],
  'down-help-short': ['stack', 'down', '-h'],
  'ls-arg': ['stack', 'ls', 'x'],
  'ls-quiet-unknown': ['stack', 'ls', '-q'],
  'ls-format-missing': ['stack', 'ls', '--format'],
  'ls-no-daemon': ['stack', 'ls'],
  'services-no-args': ['stack', 'services'],
  'services-two-args': ['stack', 'services', 'a', 'b'],
  'services-bad-filter': ['stack', 'services', '-f', 'name', 'a'],
  'services-bad-quiet': ['stack', 'services', '--quiet=maybe', 'a'],
  'services-empty-name': ['stack', 'services', ''],
  'services-quoted-name': ['stack', 'services', `"' \t'"`],
  'services-nbsp-name': ['stack', 'services', '\u00a0\u3000'],
  'services-no-daemon': ['stack', 'services', 'a'],
  'ps-no-args': ['stack', 'ps'],
  'ps-two-args': ['stack', 'ps', 'a', 'b'],
  'ps-bad-no-trunc': ['stack', 'ps', '--no-trunc=2', 'a'],
  'ps-unknown-shorthand': ['stack', 'ps', '-x', 'a'],
  'ps-blank-name': ['stack', 'ps', ' '],
  'ps-bom-name-is-valid': ['stack', 'ps', '\ufeff'],
  'rm-no-args': ['stack', 'rm'],
  'down-no-args': ['stack', 'down'],
  'rm-bad-detach': ['stack', 'rm', '--detach=maybe', 'a'],
  'rm-bad-detach-short': ['stack', 'rm', '-d=maybe', 'a'],
  'rm-detach-short-empty': ['stack', 'rm', '-d=', 'a'],
  'rm-second-name-blank': ['stack', 'rm', 'a', '""'],
  'rm-no-daemon': ['stack', 'rm', '-d=false', 'a'],
  'unknown-verb': ['stack', 'bogus'],
  'unknown-group-flag': ['stack', '--bogus'],
  'orchestrator-missing': ['stack', '--orchestrator'],
  'orchestrator-missing-leaf': ['stack', 'ps', 'a', '--orchestrator'],
  'orchestrator-then-bad-leaf-flag': ['stack', 'ls', '--orchestrator', 'x', '--bogus'],
  'orchestrator-group-then-bad-detach': ['stack', '--orchestrator', 'x', 'rm', '-d=maybe', 'a'],
  'orchestrator-twice-then-bad-name': ['stack', '--orchestrator=x', 'services', '--orchestrator', 'y', ' '],
  'orchestrator-help': ['stack', 'ps', '--orchestrator', 'x', '--help'],
};

/**
 * The same with DOCKER_API_VERSION=1.24, below the group's `version: 1.25` annotation: the
 * check comes before argument checks and flag errors, and replaces help.
 */
export const oldAPICases = {
  'api124-ls': ['stack', 'ls'],
  'api124-bare': ['stack'],
  'api124-unknown-verb': ['stack', 'foo'],
  'api124-group-help': ['stack', '--help'],
  'api124-orchestrator': ['stack', '--orchestrator', 'x'],
  'api124-ls-help': ['stack', 'ls', '--help'],
  'api124-down-no-args': ['stack', 'down'],
  'api124-services-two-args': ['stack', 'services', 'a', 'b'],
  'api124-ps-unknown-flag': ['stack', 'ps', '--bogus', 'a'],
  'api124-rm-bad-detach': ['stack', '--orchestrator', 'x', 'rm', '-d=maybe', 'a'],
  'api124-ls-format-missing': ['stack', 'ls', '--format'],
  'api124-blank-name': ['stack', 'services', ' '],
};

const docker = process.env.TSW_ORACLE ?? 'docker';
const all = [...Object.entries(cases).map(([n, a]) => [n, a, {}]), ...Object.entries(oldAPICases).map(([n, a]) => [n, a, { DOCKER_API_VERSION: '1.24' }])];
for (const [name, args, env] of all) {
  const r = spawnSync(docker, args, {
    encoding: 'utf8',
    input: '',
    env: { PATH: process.env.PATH, HOME: '/nonexistent-home', DOCKER_HOST: 'unix:///nonexistent/docker.sock', ...env },
  });
  writeFileSync(`${out}${name}.json`, `${JSON.stringify({ args, env, stdout: r.stdout, stderr: r.stderr, code: r.status }, null, 2)}\n`);
}
console.log(`captured ${all.length} cases into test/golden/stack-cli/`);
