/**
 * `tsw stack config` against the goldens captured from `docker stack config` on the compose
 * fixtures (test/capture/compose.mjs), run in-process: stdout, stderr and exit code.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main, type ProcessIO } from '../../src/cli.ts';
import type { Deps } from '../../src/deps.ts';
import { readGolden } from '../support/golden.ts';
import { fakeIO } from '../support/fakeio.ts';

const dir = fileURLToPath(new URL('../fixtures/compose/', import.meta.url)).replace(/\/$/, '');

interface Case {
  name: string;
  args: string[];
  env?: Record<string, string>;
  unset?: string[];
  stdin?: string;
}
interface Outcome {
  stdout: string;
  stderr: string;
  code: number;
}

const cases = JSON.parse(readFileSync(`${dir}/cases.json`, 'utf8')) as { env: Record<string, string>; config: Case[]; deploy: Case[] };
const golden = JSON.parse(readGolden('compose/config.json')) as { config: Record<string, Outcome>; deploy: Record<string, Outcome> };

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

function normalize(text: string): string {
  return text.split(dir).join('@DIR@').replace(/time="[^"]*"/g, 'time="@TIME@"');
}

function caseEnv(c: Case): Record<string, string> {
  const env: Record<string, string> = { PATH: '/usr/bin:/bin', TZ: 'UTC', ...cases.env, ...(c.env ?? {}) };
  for (const k of c.unset ?? []) delete env[k];
  return env;
}

async function runTsw(argv: string[], c: Case): Promise<Outcome> {
  const f = fakeIO();
  const input = c.stdin ? readFileSync(`${dir}/${c.stdin}`, 'utf8') : '';
  const io = { ...f.io, env: caseEnv(c), stdin: Readable.from([input]), system: { ...f.io.system, cwd: dir } };
  const code = await main(argv, io);
  return { stdout: normalize(f.stdout()), stderr: normalize(f.stderr()), code };
}

describe('stack config matches docker on the compose fixtures', () => {
  for (const c of expand(cases.config)) {
    it(c.name, async () => {
      const want = golden.config[c.name];
      assert.ok(want, `no golden for ${c.name}: run test/capture/compose.mjs`);
      const got = await runTsw(['stack', 'config', ...c.args], c);
      assert.deepEqual(got, want);
    });
  }
});

describe('the loader part of stack deploy matches docker', () => {
  for (const c of cases.deploy) {
    it(c.name, async () => {
      const want = golden.deploy[c.name];
      assert.ok(want, `no golden for ${c.name}: run test/capture/compose.mjs with the lab`);
      const { loadStack } = await import('../../src/commands/stack/load.ts');
      const f = fakeIO();
      const input = c.stdin ? readFileSync(`${dir}/${c.stdin}`, 'utf8') : '';
      const io = { ...f.io, env: caseEnv(c), stdin: Readable.from([input]), system: { ...f.io.system, cwd: dir } };
      const files: string[] = [];
      for (let i = 0; i < c.args.length; i += 2) files.push(c.args[i + 1] ?? '');
      const deps = depsFor(io);
      let code = 0;
      let err = '';
      try {
        await loadStack(files, deps, { forDeploy: true });
      } catch (e) {
        code = (e as { status?: number }).status ?? 1;
        err = `${(e as Error).message}\n`;
      }
      assert.deepEqual({ stdout: '', stderr: normalize(f.stderr() + err), code }, want);
    });
  }
});

/** The Deps loadStack needs, from a fake ProcessIO (no engine: loading never talks to one). */
function depsFor(io: ProcessIO): Deps {
  return {
    stdout: io.stdout,
    stderr: io.stderr,
    stdin: io.stdin,
    env: io.env,
    now: io.now,
    engine: () => Promise.reject(new Error('no engine in this test')),
    config: {} as Deps['config'],
    globals: { logLevel: 'info', debug: false } as unknown as Deps['globals'],
    system: io.system,
  };
}
