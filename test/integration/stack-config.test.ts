/**
 * `tsw stack config` against `docker stack config`, run side by side on every compose fixture
 * and bad-input file (test/fixtures/compose/cases.json): stdout, stderr (logrus timestamps
 * aside) and exit code; plus the stack group's help, usage errors and the deprecated
 * `--orchestrator` flag. Creates nothing on the swarm.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { labUp, runDocker, runTsw } from '../support/oracle.ts';

const dir = fileURLToPath(new URL('../fixtures/compose/', import.meta.url)).replace(/\/$/, '');

interface Case {
  name: string;
  args: string[];
  env?: Record<string, string>;
  unset?: string[];
  stdin?: string;
}

const cases = JSON.parse(readFileSync(`${dir}/cases.json`, 'utf8')) as { env: Record<string, string>; config: Case[] };

function expand(list: Case[]): Case[] {
  const out: Case[] = [];
  for (const c of list) {
    if (c.name !== 'bad/*') {
      out.push(c);
      continue;
    }
    for (const f of readdirSync(`${dir}/bad`).filter((x) => x.endsWith('.yml')).sort()) {
      out.push({ name: `bad/${f.replace(/\.yml$/, '')}`, args: ['-c', `bad/${f}`] });
    }
  }
  return out;
}

const strip = (s: string): string => s.replace(/time="[^"]*"/g, 'time="T"');

function assertSameIn(args: readonly string[], c: Partial<Case> = {}): void {
  const env: Record<string, string | undefined> = { TZ: 'UTC', ...cases.env, ...(c.env ?? {}) };
  for (const k of c.unset ?? []) env[k] = undefined;
  const input = c.stdin ? readFileSync(`${dir}/${c.stdin}`, 'utf8') : '';
  const d = runDocker(args, { env, input, cwd: dir });
  const t = runTsw(args, { env, input, cwd: dir });
  assert.equal(t.stdout, d.stdout, `stdout of ${args.join(' ')}`);
  assert.equal(strip(t.stderr), strip(d.stderr), `stderr of ${args.join(' ')}`);
  assert.equal(t.code, d.code, `exit code of ${args.join(' ')}`);
}

describe('stack config (differential, docker 28 side by side)', { skip: !labUp() && 'the lab is not up (TSW_LAB=1)' }, () => {
  for (const c of expand(cases.config)) {
    it(c.name, () => assertSameIn(['stack', 'config', ...c.args], c));
  }
  it('absolute paths and a file in another folder', () => {
    assertSameIn(['stack', 'config', '-c', `${dir}/resources.yml`, '-c', `${dir}/edge/logging-b.yml`]);
  });
  it('the deprecated --orchestrator before and after the subcommand', () => {
    assertSameIn(['stack', '--orchestrator', 'swarm', 'config', '-c', 'basic.yml']);
    assertSameIn(['stack', '--orchestrator=all', 'config', '-c', 'basic.yml']);
    assertSameIn(['stack', 'config', '--orchestrator', 'kubernetes', '-c', 'basic.yml']);
    assertSameIn(['stack', '--orchestrator']);
    assertSameIn(['stack', 'config', '--orchestrator']);
  });
  it('logrus warnings follow --log-level', () => {
    assertSameIn(['--log-level', 'error', 'stack', 'config', '-c', 'external-names.yml']);
    assertSameIn(['-l', 'warn', 'stack', 'config', '-c', 'external-names.yml']);
    assertSameIn(['-D', 'stack', 'config', '-c', 'ports.yml', '-c', 'bad/port-host-ip.yml']);
  });
  it('help and usage errors', () => {
    assertSameIn(['stack', 'config', '--help']);
    assertSameIn(['stack', 'config', '-h']);
    assertSameIn(['stack', 'nosuchcommand']);
    assertSameIn(['stack', '--bogus']);
    assertSameIn(['stack', 'config', '-c']);
    assertSameIn(['stack', 'config', '--skip-interpolation=maybe', '-c', 'basic.yml']);
    assertSameIn(['stack', 'config', '--skip-interpolation=true', '-c', 'interpolation.yml']);
    assertSameIn(['stack', 'config', '-c', 'a"b.yml']);
    assertSameIn(['stack', 'config', '-c=basic.yml']);
    assertSameIn(['stack', 'config', '-c=']);
  });
});
