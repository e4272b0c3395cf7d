/**
 * `network create/ls/inspect/rm` replayed: test/capture/network.mjs recorded docker 28 on the
 * lab (what it printed, and every API exchange with the lab's answers); tsw runs the same
 * arguments against those answers (test/support/replay-routes.ts) and must print the same
 * bytes, exit the same way and send the same requests (method, URL, JSON body).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { main } from '../../src/cli.ts';
import { readGolden } from '../support/golden.ts';
import { startFakeDaemon } from '../support/fake-daemon.ts';
import { fakeIO } from '../support/fakeio.ts';
import { type Recorded, recorded, replayRoutes } from '../support/replay-routes.ts';

interface Case {
  readonly name: string;
  readonly args: string[];
  readonly input?: string;
  readonly env?: Record<string, string>;
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
  readonly recorded: Recorded[];
}

const cases = JSON.parse(readGolden('network/cases.json')) as Case[];
/** `network connect/disconnect/prune` (test/capture/network.mjs connect). */
const connectCases = JSON.parse(readGolden('network/connect-cases.json')) as Case[];

/** A request as compared: method, URL and the body byte for byte (encoding/json output). */
const view = (r: Recorded) => ({
  method: r.method,
  url: r.url,
  body: r.body,
});

async function runCase(c: Case): Promise<{ stdout: string; stderr: string; code: number; requests: Recorded[] }> {
  const daemon = await startFakeDaemon(replayRoutes({
    lab: { image: '', cwd: '/', work: '/', env: {}, networks: {}, secrets: {}, configs: {} },
    apiVersion: '1.41',
    recorded: c.recorded,
    stderr: c.stderr,
  }));
  try {
    const f = fakeIO({
      env: { TZ: 'UTC', DOCKER_HOST: daemon.host, ...c.env },
      now: new Date('2026-11-22T00:30:00Z'),
      uid: 0,
      ...(c.input ? { stdin: c.input } : {}),
    });
    const code = await main(c.args, f.io);
    return { stdout: f.stdout(), stderr: f.stderr(), code, requests: daemon.requests.map(recorded) };
  } finally {
    await daemon.close();
  }
}

function check(c: Case): void {
  it(c.name, async () => {
    const t = await runCase(c);
    assert.equal(t.stdout, c.stdout, 'stdout');
    assert.equal(t.stderr, c.stderr, 'stderr');
    assert.equal(t.code, c.code, 'exit code');
    assert.deepEqual(t.requests.map(view), c.recorded.map(view), 'requests');
  });
}

describe('network: docker 28 replayed (test/golden/network/cases.json)', () => {
  it('has the captured cases', () => assert.ok(cases.length >= 40));
  for (const c of cases) check(c);
});

describe('network connect/disconnect/prune: docker 28 replayed (test/golden/network/connect-cases.json)', () => {
  it('has the captured cases', () => assert.ok(connectCases.length >= 30));
  for (const c of connectCases) check(c);
});
