/**
 * `swarm ca` on a swarm of the spare node-4 (with node-5 as a worker for the terminal run):
 * the root CA shown, rotations with and without progress, with a given CA certificate and
 * key, and the progress drawn on a terminal (`script` gives both clients a pty). How many
 * times a poll repeats depends on timing, so repeated lines (or terminal frames) are
 * collapsed and digests numbered in order of appearance; everything else must match.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { labUp, oracle, runDocker, runTsw, tswBin, type Outcome } from '../support/oracle.ts';
import { A, acquireSpares, addrOf, apiGet, B, hostOf, releaseSpares, swarmOf } from '../support/spares.ts';

const at = { env: { DOCKER_HOST: hostOf(A) } };
const CERT = /-----BEGIN CERTIFICATE-----\n[\s\S]*?-----END CERTIFICATE-----/;

/** Digests numbered by first appearance, certificates masked, repeated units collapsed. */
function normalize(text: string, unit: 'line' | 'frame'): { text: string; digests: string[] } {
  const digests: string[] = [];
  let out = text.replace(/sha256:([0-9a-f]{64})/g, (_m, d: string) => {
    if (!digests.includes(d)) digests.push(d);
    return `sha256:<D${digests.indexOf(d) + 1}>`;
  });
  out = out.replace(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g, '<CERT>');
  const parts = unit === 'line' ? out.split('\n') : out.split('\x1b[3A');
  const kept = parts.filter((p, i) => i === 0 || p !== parts[i - 1]);
  return { text: kept.join(unit === 'line' ? '\n' : '\x1b[3A'), digests };
}

/** Waits until no rotation is in progress and every node trusts the current root. */
async function converged(): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const sw = await swarmOf(A);
    const nodes = JSON.parse((await apiGet(A, '/nodes')).body) as Array<{ Status: { State: string }; Description: { TLSInfo: { TrustRoot: string } } }>;
    const ready = nodes.filter((n) => n.Status.State === 'ready');
    if (!sw.RootRotationInProgress && ready.every((n) => n.Description.TLSInfo.TrustRoot === sw.TLSInfo.TrustRoot)) return;
    await sleep(250);
  }
  throw new Error('the root rotation did not converge');
}

/** The command's output on a pty of `cols` columns. */
function onTerminal(bin: string, args: string[], cols: number): Outcome {
  const line = `stty cols ${cols} rows 40; exec ${[bin, ...args].map((a) => `'${a}'`).join(' ')}`;
  const r = spawnSync('script', ['-qfec', line, '/dev/null'], { encoding: 'utf8', env: { ...process.env, DOCKER_HOST: hostOf(A) }, input: '', timeout: 180_000 });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', code: r.status ?? -1 };
}

/** The command's output when it gets SIGINT 900 ms after starting. */
function interrupted(bin: string, args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { env: { ...process.env, DOCKER_HOST: hostOf(A) } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGINT'), 900);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code: code ?? (signal ? 128 + 2 : -1) });
    });
    child.stdin.end();
  });
}

async function checkFinal(o: Outcome, digests: string[]): Promise<void> {
  const sw = await swarmOf(A);
  assert.equal(o.code, 0, o.stderr);
  assert.equal(o.stdout.replace(/\r\n/g, '\n').match(CERT)?.[0], sw.TLSInfo.TrustRoot.trim());
  assert.equal(digests[digests.length - 1], createHash('sha256').update(sw.TLSInfo.TrustRoot).digest('hex'));
}

describe('swarm ca (differential, spare node-4)', () => {
  before(async () => {
    assert.ok(labUp(), 'the lab swarm is not up: run the tests with npm test');
    await acquireSpares();
    const r = runDocker(['swarm', 'init', '--advertise-addr', addrOf(A)], at);
    assert.equal(r.code, 0, r.stderr);
  });
  after(() => releaseSpares());

  it('shows the root CA', async () => {
    const d = runDocker(['swarm', 'ca'], at);
    const t = runTsw(['swarm', 'ca'], at);
    assert.deepEqual(t, d);
    assert.equal(t.stdout, `${(await swarmOf(A)).TLSInfo.TrustRoot.trim()}\n`);
  });

  it('--rotate: progress lines, then the new root', async () => {
    const d = runDocker(['swarm', 'ca', '--rotate'], at);
    await converged();
    const t = runTsw(['swarm', 'ca', '--rotate'], at);
    const nd = normalize(d.stdout, 'line');
    const nt = normalize(t.stdout, 'line');
    assert.equal(nt.text, nd.text);
    assert.equal(t.stderr, d.stderr);
    assert.match(nt.text, /^desired root digest: \n {2}rotated TLS certificates: \n {2}rotated CA certificates: {2}\ndesired root digest: sha256:<D1>\n/);
    await checkFinal(t, nt.digests);
  });

  it('--rotate -d returns at once; --rotate -q waits without output', async () => {
    for (const args of [['swarm', 'ca', '--rotate', '-d'], ['swarm', 'ca', '--rotate', '--quiet']]) {
      await converged();
      const rootBefore = (await swarmOf(A)).TLSInfo.TrustRoot;
      const d = runDocker(args, at);
      await converged();
      const t = runTsw(args, at);
      assert.deepEqual(t, d);
      assert.equal(t.stdout, '');
      if (args.includes('--quiet')) {
        const sw = await swarmOf(A);
        assert.equal(sw.RootRotationInProgress, false);
        assert.notEqual(sw.TLSInfo.TrustRoot, rootBefore);
      }
    }
  });

  it('--rotate with --ca-cert and --ca-key: the given root becomes the trust root', async () => {
    const args = ['swarm', 'ca', '--rotate', '--ca-cert', 'test/fixtures/swarm/ca.pem', '--ca-key', 'test/fixtures/swarm/ca-key.pem', '--cert-expiry', '100h'];
    const want = readFileSync('test/fixtures/swarm/ca.pem', 'utf8');
    const forceRotate = async () => ((await swarmOf(A)).Spec as { CAConfig: { ForceRotate?: number } }).CAConfig.ForceRotate;
    await converged();
    const dForce = await forceRotate();
    const d = runDocker(args, at);
    const dSpec = (await swarmOf(A)).Spec;
    // Back to a generated root, so that tsw's rotation is a rotation too.
    await converged();
    assert.equal(runDocker(['swarm', 'ca', '--rotate', '-q'], at).code, 0);
    await converged();
    const tForce = await forceRotate();
    const t = runTsw(args, at);
    const tSpec = (await swarmOf(A)).Spec;
    // A given certificate and key are no forced rotation: ForceRotate stays as it was.
    assert.equal((dSpec as { CAConfig: { ForceRotate?: number } }).CAConfig.ForceRotate, dForce);
    assert.equal((tSpec as { CAConfig: { ForceRotate?: number } }).CAConfig.ForceRotate, tForce);
    (dSpec as { CAConfig: { ForceRotate?: number } }).CAConfig.ForceRotate = tForce;
    const nd = normalize(d.stdout, 'line');
    const nt = normalize(t.stdout, 'line');
    assert.equal(nt.text, nd.text);
    assert.deepEqual(tSpec, dSpec);
    assert.equal((tSpec as { CAConfig: { NodeCertExpiry: number } }).CAConfig.NodeCertExpiry, 100 * 3600e9);
    assert.equal((await swarmOf(A)).TLSInfo.TrustRoot, want);
    await checkFinal(t, nt.digests);
  });

  it('Ctrl-C while waiting: the rotation goes on in the background, exit 0', async () => {
    // docker races its cancelled command context against the progress goroutine: most runs
    // print both messages and exit 0, some print one or none, or exit 130. tsw does what most
    // runs do; compare with such a run.
    let d: Outcome = { stdout: '', stderr: '', code: -1 };
    for (let i = 0; i < 6 && !(d.stdout.includes('swarmctl') && d.code === 0); i++) {
      await converged();
      d = await interrupted(oracle(), ['swarm', 'ca', '--rotate']);
    }
    await converged();
    const t = await interrupted(tswBin, ['swarm', 'ca', '--rotate']);
    assert.equal(normalize(t.stdout, 'line').text, normalize(d.stdout, 'line').text);
    assert.equal(t.stderr, d.stderr);
    assert.equal(t.code, d.code);
    assert.match(t.stdout, /\nOperation continuing in background\.\nUse `swarmctl cluster inspect default` to check progress\.\n$/);
    assert.equal(t.code, 0);
    await converged();
  });

  it('on a terminal: redrawn lines and bars, with a worker to wait for', async () => {
    const token = runDocker(['swarm', 'join-token', '-q', 'worker'], at).stdout.trim();
    const j = runDocker(['swarm', 'join', '--token', token, `${addrOf(A)}:2377`], { env: { DOCKER_HOST: hostOf(B) } });
    assert.equal(j.code, 0, j.stderr);
    for (const cols of [150, 80]) {
      await converged();
      const d = onTerminal(oracle(), ['swarm', 'ca', '--rotate'], cols);
      await converged();
      const t = onTerminal(tswBin, ['swarm', 'ca', '--rotate'], cols);
      const nd = normalize(d.stdout, 'frame');
      const nt = normalize(t.stdout, 'frame');
      // Which intermediate counts a poll catches depends on timing: the first block, the
      // last frame and the shape of every frame must match.
      const df = nd.text.split('\x1b[3A');
      const tf = nt.text.split('\x1b[3A');
      assert.equal(tf[0], df[0], `first lines on ${cols} columns`);
      assert.equal(tf[tf.length - 1], df[df.length - 1], `last frame on ${cols} columns`);
      const bar = cols > 110 ? '\\[=*>[ ]*\\] ' : '';
      const frame = new RegExp(
        `^\x1b\\[2K\rdesired root digest: sha256:<D\\d> \r\x1b\\[3B\x1b\\[2A\x1b\\[2K\r {2}rotated TLS certificates: {2}${bar}[012]/2 nodes\r\x1b\\[2B` +
          `\x1b\\[1A\x1b\\[2K\r {2}rotated CA certificates: {3}${bar}[012]/2 nodes\r\x1b\\[1B$`,
      );
      for (const f of [...df.slice(1, -1), ...tf.slice(1, -1)]) assert.match(f, frame);
      assert.equal(nt.text.includes('] 2/2 nodes'), cols > 110);
      await checkFinal(t, nt.digests);
    }
  });
});
