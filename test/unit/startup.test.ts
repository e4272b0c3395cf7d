/**
 * bin/tsw's two ways to start (scripts/build.mjs, src/snapshot.ts): from the start-up snapshot
 * when dist/tsw.node says this node binary made it, else the ES module bundle (bin/tsw.js).
 * Both must print the same bytes and exit the same way; the snapshot must never be used with a
 * node it was not built by (node aborts on a foreign blob). Needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { execFile, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoRoot } from '../support/oracle.ts';
import { type FakeDaemon, startFakeDaemon } from '../support/fake-daemon.ts';
import { objectRoutes } from '../support/object-routes.ts';

const dist = join(repoRoot, 'dist');
const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '', DOCKER_HOST: 'unix:///nonexistent/tsw-startup.sock', DOCKER_CONFIG: '/nonexistent' };

interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number | null;
}

function run(cmd: string, args: readonly string[], extraEnv: Record<string, string> = {}, input?: string): Run {
  const r = spawnSync(cmd, args, { env: { ...env, ...extraEnv }, encoding: 'utf8', ...(input !== undefined ? { input } : {}) });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** run() without blocking this process (the fake daemon answers from its event loop). */
function runAsync(cmd: string, args: readonly string[], extraEnv: Record<string, string> = {}, input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(cmd, [...args], { env: { ...env, ...extraEnv }, encoding: 'utf8', timeout: 20_000 }, (err, stdout, stderr) => {
      const status = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      resolve({ stdout, stderr, status });
    });
    child.stdin?.end(input);
  });
}

/** The command bin/tsw execs, read from `sh -x` (the last traced line). */
function execLine(bin: string): string {
  const r = spawnSync('sh', ['-x', bin, '--version'], { env, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stderr.split('\n').filter((l) => l.startsWith('+ exec '));
  return lines[lines.length - 1] ?? '';
}

describe('start-up snapshot', () => {
  let tmp = '';
  let daemon: FakeDaemon;
  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'tsw-startup-'));
    daemon = await startFakeDaemon(objectRoutes({ services: {}, tasks: [] }));
  });
  after(async () => {
    rmSync(tmp, { recursive: true, force: true });
    await daemon.close();
  });

  /** A copy of bin/ and dist/ (modification times kept, as an install would). */
  function copyTree(name: string): string {
    const dir = join(tmp, name);
    cpSync(join(repoRoot, 'bin'), join(dir, 'bin'), { recursive: true, preserveTimestamps: true });
    cpSync(dist, join(dir, 'dist'), { recursive: true, preserveTimestamps: true });
    return dir;
  }

  it('is built for the node on PATH', () => {
    assert.ok(existsSync(join(dist, 'tsw.blob')), 'dist/tsw.blob is missing: the build could not make the snapshot');
    const node = spawnSync('sh', ['-c', 'command -v node'], { env, encoding: 'utf8' }).stdout.trim();
    assert.match(readFileSync(join(dist, 'tsw.node'), 'utf8'), new RegExp(`^${node.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n(bundled)?\n$`));
  });

  it('bin/tsw starts node from the snapshot', () => {
    assert.match(execLine(join(repoRoot, 'bin/tsw')), /--snapshot-blob \S+\/dist\/tsw\.blob -- --version$/);
  });

  it('through a symlink (npm install -g links bin/tsw)', () => {
    const link = join(tmp, 'tsw-link');
    symlinkSync(join(repoRoot, 'bin/tsw'), link);
    assert.match(execLine(link), /--snapshot-blob \S+\/dist\/tsw\.blob -- --version$/);
    const v = run(link, ['--version']);
    assert.equal(v.status, 0, v.stderr);
    assert.match(v.stdout, /^tsw version \d+\.\d+\.\d+, build \S+\n$/);
  });

  it('falls back to the ES modules when the node binary changed since the build', () => {
    const dir = copyTree('changed');
    utimesSync(join(dir, 'dist/tsw.node'), new Date(0), new Date(0));
    assert.match(execLine(join(dir, 'bin/tsw')), /-- \S+\/bin\/tsw\.js --version$/);
    assert.equal(run(join(dir, 'bin/tsw'), ['--version']).stdout, run(join(repoRoot, 'bin/tsw'), ['--version']).stdout);
  });

  it('falls back when another node is on PATH', () => {
    const dir = copyTree('other-node');
    const bindir = join(tmp, 'other-bin');
    cpSync(join(repoRoot, 'bin'), bindir, { recursive: true });
    symlinkSync(process.execPath, join(bindir, 'node'));
    const r = spawnSync('sh', ['-x', join(dir, 'bin/tsw'), '--version'], { env: { ...env, PATH: `${bindir}:${env.PATH ?? ''}` }, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /\+ exec \S+\/other-bin\/node -- \S+\/bin\/tsw\.js --version\n/);
  });

  it('falls back when NODE_OPTIONS is set (V8 flags there make node refuse the snapshot)', () => {
    const r = spawnSync('sh', ['-x', join(repoRoot, 'bin/tsw'), '--version'], { env: { ...env, NODE_OPTIONS: '--max-old-space-size=200' }, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /\+ exec \S+ -- \S+\/bin\/tsw\.js --version\n/);
    assert.match(r.stdout, /^tsw version /);
  });

  it('keeps NODE_EXTRA_CA_CERTS from node start-up and gives it back to the commands tsw runs', () => {
    const roots = readFileSync(join(dist, 'tsw.node'), 'utf8').split('\n')[1];
    const bindir = join(tmp, 'fake-ssh');
    const out = join(tmp, 'ssh-env.txt');
    spawnSync('mkdir', ['-p', bindir]);
    spawnSync('sh', ['-c', `printf '#!/bin/sh\\nenv > ${out}\\nexit 255\\n' > ${bindir}/ssh && chmod +x ${bindir}/ssh`]);
    const e = { ...env, PATH: `${bindir}:${env.PATH ?? ''}`, NODE_EXTRA_CA_CERTS: '/nonexistent/extra-ca.pem' };
    const trace = spawnSync('sh', ['-x', join(repoRoot, 'bin/tsw'), '--version'], { env: e, encoding: 'utf8' });
    assert.equal(trace.status, 0, trace.stderr);
    if (roots === 'bundled') assert.match(trace.stderr, /\+ unset NODE_EXTRA_CA_CERTS\n/);
    const r = spawnSync(join(repoRoot, 'bin/tsw'), ['-H', 'ssh://me@example.invalid', 'node', 'ls'], { env: e, encoding: 'utf8' });
    assert.equal(r.status, 1);
    const childEnv = readFileSync(out, 'utf8').split('\n');
    assert.ok(childEnv.includes('NODE_EXTRA_CA_CERTS=/nonexistent/extra-ca.pem'), childEnv.join('\n'));
    assert.ok(!childEnv.some((l) => l.startsWith('TSW_NODE_EXTRA_CA_CERTS=')));
    // Node did not read the (unreadable) file at start-up: no warning (docker prints none either).
    if (roots === 'bundled') assert.doesNotMatch(r.stderr, /Ignoring extra certs/);
  });

  it('falls back when there is no snapshot', () => {
    const dir = copyTree('no-blob');
    rmSync(join(dir, 'dist/tsw.blob'));
    assert.match(execLine(join(dir, 'bin/tsw')), /-- \S+\/bin\/tsw\.js --version$/);
  });

  // Same bytes, same exit code from both starts: help, usage errors, daemon errors, stdin,
  // arguments node itself would take for its own options.
  const cases: Array<{ args: string[]; input?: string; daemon?: boolean }> = [
    { args: ['--version'] },
    { args: [] },
    { args: ['--help'] },
    { args: ['nope'] },
    { args: ['node'] },
    { args: ['service', 'ls', '-x'] },
    { args: ['service', 'ps'] },
    { args: ['service', 'create', '--env-file', '/nonexistent/env', 'busybox'] },
    { args: ['-l', 'bogus', 'node', 'ls'] },
    { args: ['node', 'ls'] },
    { args: ['service', 'ls', '--format', '{{.Name'] },
    { args: ['swarm', 'unlock'], input: 'SWMKEY-1-x\n' },
    { args: ['service', 'ls'], daemon: true },
    { args: ['service', 'ps', 'web'], daemon: true },
    { args: ['service', 'inspect', 'nosuch'], daemon: true },
    { args: ['node', 'ps', 'self'], daemon: true },
  ];
  for (const c of cases) {
    it(`same result from the snapshot and the ES modules: tsw ${c.args.join(' ')}`, async () => {
      const extra: Record<string, string> = c.daemon ? { DOCKER_HOST: daemon.host } : {};
      const snap = await runAsync(process.execPath, ['--snapshot-blob', join(dist, 'tsw.blob'), '--', ...c.args], extra, c.input);
      const esm = await runAsync(process.execPath, ['--', join(repoRoot, 'bin/tsw.js'), ...c.args], extra, c.input);
      assert.deepEqual(snap, esm);
      assert.ok(snap.stdout !== '' || snap.stderr !== '', 'the command printed nothing at all');
    });
  }
});

/**
 * Output into a pipe nobody reads any more (`tsw service ps x | head -1`): Go dies of SIGPIPE on
 * a write to a closed stdout, so a shell sees 141 and `set -o pipefail` scripts fail. The read
 * end is closed before the child has started, so the first write fails every time.
 */
describe('writing to a closed pipe', () => {
  function closedPipe(cmd: string, args: readonly string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(cmd, [...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code, signal) => resolve({ code, signal, stderr }));
    });
  }
  for (const args of [['service', '--help'], ['--version'], ['node', 'ls', '--help']]) {
    it(`tsw ${args.join(' ')} dies of SIGPIPE as docker does, silently`, async () => {
      const d = await closedPipe('docker', args);
      assert.deepEqual(d, { code: null, signal: 'SIGPIPE', stderr: '' }, 'docker');
      assert.deepEqual(await closedPipe(join(repoRoot, 'bin/tsw'), args), d, 'tsw from the snapshot');
      assert.deepEqual(await closedPipe(process.execPath, ['--', join(repoRoot, 'bin/tsw.js'), ...args]), d, 'tsw from the ES modules');
    });
  }
});
