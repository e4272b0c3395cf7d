/**
 * Every `docker swarm …` case of test/support/swarm-cases.ts, replayed on tsw against the
 * same fake daemon docker ran against (test/capture/swarm.mjs wrote docker's answers to
 * test/golden/swarm/): same stdout, stderr and exit code, and the same requests, byte for
 * byte (method, URL with query, JSON body).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { main } from '../../src/cli.ts';
import { startFakeDaemon } from '../support/fake-daemon.ts';
import { fakeIO } from '../support/fakeio.ts';
import { swarmRoutes } from '../support/swarm-routes.ts';
import { goldenPath } from '../support/golden.ts';
import { swarmCases } from '../support/swarm-cases.ts';

interface Golden {
  args: string[];
  stdout: string;
  stderr: string;
  code: number;
  requests: Array<{ method: string; url: string; body: string }>;
}

/** A terminal's stdin: isTTY, raw mode accepted, the typed bytes. */
function terminalStdin(typed: string): Readable & { isTTY: boolean; setRawMode(raw: boolean): void } {
  const r = Readable.from([Buffer.from(typed)]) as Readable & { isTTY: boolean; setRawMode(raw: boolean): void };
  r.isTTY = true;
  r.setRawMode = () => {};
  return r;
}

async function runTsw(name: string): Promise<{ stdout: string; stderr: string; code: number; requests: Array<{ method: string; url: string; body: string }> }> {
  const c = swarmCases[name];
  assert.ok(c, `no case ${name} in test/support/swarm-cases.ts`);
  const daemon = await startFakeDaemon(swarmRoutes(c.scenario ?? {}));
  try {
    const tty = c.ttyColumns !== undefined;
    const f = fakeIO({
      env: { DOCKER_HOST: daemon.host },
      stdin: tty ? terminalStdin(c.input ?? '') : Readable.from([Buffer.from(c.input ?? '')]),
      uid: 0,
      cwd: process.cwd(),
      ...(c.ttyColumns !== undefined ? { ttyColumns: c.ttyColumns } : {}),
    });
    const code = await main(c.args, f.io);
    // On a terminal docker's output went through a pty (onlcr: "\n" became "\r\n"), stderr included.
    const stdout = tty ? (f.stdout() + f.stderr()).replace(/\n/g, '\r\n') : f.stdout();
    return { stdout, stderr: tty ? '' : f.stderr(), code, requests: daemon.requests.map(({ method, url, body }) => ({ method, url, body })) };
  } finally {
    await daemon.close();
  }
}

describe('swarm commands against a scripted daemon: what docker printed and sent', () => {
  const dir = goldenPath('swarm');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  it('every case has a golden and every golden a case', () => {
    assert.deepEqual(files.map((f) => f.replace(/\.json$/, '')).sort(), Object.keys(swarmCases).sort());
  });
  for (const file of files) {
    const name = file.replace(/\.json$/, '');
    const g = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as Golden;
    it(`${name}: docker ${g.args.join(' ')}`, async () => {
      const t = await runTsw(name);
      assert.equal(t.stderr, g.stderr, 'stderr');
      assert.equal(t.stdout, g.stdout, 'stdout');
      assert.equal(t.code, g.code, 'exit code');
      assert.deepEqual(t.requests, g.requests, 'requests');
    });
  }
});
