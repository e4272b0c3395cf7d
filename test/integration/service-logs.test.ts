/**
 * `tsw service logs` against `docker service logs` on the lab swarm: stdout and stderr
 * demultiplexed, the task/node prefix (slot padding, task IDs, names or IDs), --details with
 * extra attributes, timestamps, --tail, --since in every syntax, --raw, TTY services, a task
 * as the target, -f until interrupted (exit 130), and the errors.
 *
 * The daemon interleaves the lines of different tasks in arrival order, which differs from
 * one request to the next: for services with several tasks the lines are compared as sorted
 * lists (the order within one task is the daemon's and is kept by both); for one-task
 * services the bytes are compared as they are.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { labUp, oracle, runBoth, tswBin, type Outcome } from '../support/oracle.ts';
import { assertSame, waitUntil } from '../support/node-lab.ts';
import { createService, IMAGE, removeLeftovers, tasksOfServices } from '../support/service-reads.ts';

const P = 'tsw-r-lg-';
const ONE = `${P}one`;
const MULTI = `${P}multi`;
const GLOB = `${P}glob`;
const TTY = `${P}tty`;
const SCRIPT = [
  'echo "first line"',
  'echo "to stderr" >&2',
  'echo',
  'printf "no newline at the end"',
  'echo',
  'echo "  leading  spaces  and | bars"',
  'echo "ünïcödé ✓ 日本"',
  'printf "tab\\there\\n"',
  'echo "last" >&2',
  'sleep 86400',
].join('; ');

/** docker and tsw with the lines of each stream sorted (for services with several tasks). */
function assertSameLines(args: readonly string[]): Outcome {
  const { docker, tsw } = runBoth(args);
  const sort = (s: string) => s.split('\n').sort().join('\n');
  assert.equal(sort(tsw.stdout), sort(docker.stdout), `stdout lines of ${args.join(' ')}`);
  assert.equal(sort(tsw.stderr), sort(docker.stderr), `stderr lines of ${args.join(' ')}`);
  assert.equal(tsw.code, docker.code, `exit code of ${args.join(' ')}`);
  return docker;
}

/** Runs bin with args, sends SIGINT after ms, resolves with what it printed and its exit code. */
function interrupted(bin: string, args: readonly string[], ms: number): Promise<Outcome & { signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    const timer = setTimeout(() => child.kill('SIGINT'), ms);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code: code ?? -1, signal });
    });
  });
}

describe('service logs (differential, lab swarm)', () => {
  const ids: Record<string, string> = {};

  before(async () => {
    assert.ok(labUp(), 'the lab swarm is not up: run the tests with npm test');
    removeLeftovers(P);
    ids['one'] = createService(ONE, ['--replicas', '1'], [IMAGE, 'sh', '-c', SCRIPT]);
    ids['multi'] = createService(MULTI, ['--replicas', '10'], [IMAGE, 'sh', '-c', 'echo "hello from $(hostname)"; echo "bye" >&2; sleep 86400']);
    ids['glob'] = createService(GLOB, ['--mode', 'global'], [IMAGE, 'sh', '-c', 'echo "global hello"; sleep 86400']);
    ids['tty'] = createService(TTY, ['--replicas', '1', '--tty'], [IMAGE, 'sh', '-c', 'echo "on a tty"; sleep 86400']);
    await waitUntil(
      async () => {
        const ts = await tasksOfServices(Object.values(ids));
        const running = (k: string) => ts.filter((t) => t.ServiceID === ids[k] && t.Status.State === 'running').length;
        return running('one') === 1 && running('multi') === 10 && running('glob') >= 2 && running('tty') === 1;
      },
      120_000,
      'the logging services to run',
    );
    // Give every task a moment to write its lines and the log drivers to flush them.
    await new Promise((r) => setTimeout(r, 2000));
  });

  after(() => removeLeftovers(P));

  describe('one task: the bytes as they are', () => {
    for (const args of [
      [],
      ['-t'],
      ['--timestamps', '--details'],
      ['--details'],
      ['--no-task-ids'],
      ['--no-trunc'],
      ['--no-resolve'],
      ['--no-resolve', '--no-trunc', '--no-task-ids'],
      ['--raw'],
      ['--raw', '--details'],
      ['--raw', '-t'],
      ['--tail', '2'],
      ['-n', '0'],
      ['--tail', 'all'],
      ['--since', '0'],
      ['--since', '10m'],
      ['--since', '2000-01-02'],
      ['--since', '2000-01-02T03:04:05Z'],
      ['--since', '2000-01-02T03:04:05.123+01:00'],
      ['--since', '2000-01-02T03:04'],
      ['--since', '946782245'],
      ['--since', '946782245.5'],
      ['--since', '2999-01-01'],
      ['--since', '-1h'],
    ]) {
      it(args.join(' ') || '(no flags)', () => void assertSame(['service', 'logs', ...args, ONE]));
    }

    it('the lines are all there; --details with no extra attributes leaves an empty field', () => {
      const d = assertSame(['service', 'logs', '--details', ONE]);
      assert.match(d.stdout, /^tsw-r-lg-one\.1\.[a-z0-9]{12}@node-\d    \|  first line\n/);
      assert.match(d.stdout, /no newline at the end\n/);
      assert.match(d.stderr, /\|  to stderr\n/);
    });

    it('a task ID as the target (full, and the slot from the task)', async () => {
      const t = (await tasksOfServices([ids['one'] ?? ''])).find((x) => x.Status.State === 'running');
      assert.ok(t);
      assertSame(['service', 'logs', t.ID]);
      assertSame(['service', 'logs', '--since', 'xyz', t.ID]);
      assertSame(['service', 'logs', '--since', '2000-13-01', t.ID]);
    });
  });

  describe('several tasks: the same lines', () => {
    for (const args of [[], ['--no-task-ids'], ['--no-resolve'], ['--no-trunc', '--tail', '1'], ['--raw']]) {
      it(`${MULTI} ${args.join(' ')}`, () => {
        const d = assertSameLines(['service', 'logs', ...args, MULTI]);
        if (args.length === 0) assert.match(d.stdout, /tsw-r-lg-multi\.1\.[a-z0-9]{12}@node-\d {5}\| hello/, 'slot 1 padded to the width of 10');
      });
      it(`${GLOB} ${args.join(' ')}`, () => {
        const d = assertSameLines(['service', 'logs', ...args, GLOB]);
        if (args.length === 0) assert.match(d.stdout, /tsw-r-lg-glob\.0\.[a-z0-9]{12}@node-\d    \| global hello/);
      });
    }
  });

  describe('TTY services', () => {
    it('refused without --raw', () => {
      const d = assertSame(['service', 'logs', TTY]);
      assert.equal(d.stderr, 'tty service logs only supported with --raw\n');
    });
    it('copied as they are with --raw', () => {
      const d = assertSame(['service', 'logs', '--raw', TTY]);
      assert.match(d.stdout, /on a tty\r\n/);
    });
  });

  describe('-f until interrupted', () => {
    it('prints the lines, keeps following, exits 130 on SIGINT', async () => {
      const args = ['service', 'logs', '-f', ONE];
      const [d, t] = await Promise.all([interrupted(oracle(), args, 3000), interrupted(tswBin, args, 3000)]);
      assert.equal(t.stdout, d.stdout);
      assert.equal(t.stderr, d.stderr);
      assert.equal(t.code, d.code);
      assert.equal(d.code, 130);
      assert.match(d.stdout, /last|first line/);
    });
  });

  describe('errors', () => {
    it('no such service or task', () => void assertSame(['service', 'logs', `${P}nosuch`]));
    it('an empty name', () => void assertSame(['service', 'logs', ' ']));
    it('a bad --since', () => {
      assertSame(['service', 'logs', '--since', 'xyz', ONE]);
      assertSame(['service', 'logs', '--since', '2000-13-01', ONE]);
      assertSame(['service', 'logs', '--since', '2000-01-32', ONE]);
      assertSame(['service', 'logs', '--since', '2000-01-02T25:00', ONE]);
      assertSame(['service', 'logs', '--since', '1.2.3', ONE]);
      assertSame(['service', 'logs', '--since', '2000-01-02T03:04:05+0100', ONE]);
    });
    it('a bad --tail (daemon)', () => void assertSame(['service', 'logs', '--tail', 'abc', ONE]));
    it('--until is not a service logs flag', () => void assertSame(['service', 'logs', '--until', '1m', ONE]));
    it('no argument, two arguments', () => {
      assertSame(['service', 'logs']);
      assertSame(['service', 'logs', ONE, MULTI]);
    });
    it('a bad bool', () => void assertSame(['service', 'logs', '--raw=maybe', ONE]));
    it('help', () => void assertSame(['service', 'logs', '--help']));
  });
});
