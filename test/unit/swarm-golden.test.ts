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
import { main, type ProcessIO } from '../../src/cli.ts';
import type { Out } from '../../src/deps.ts';
import { startFakeDaemon } from '../support/fake-daemon.ts';
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

function sink(isTTY: boolean, columns: number): Out & { text: string } {
  const s = { text: '', isTTY, columns, write: (t: string) => void (s.text += t) };
  return s;
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
    const out = sink(tty, c.ttyColumns ?? 0);
    const err = sink(tty, c.ttyColumns ?? 0);
    const io: ProcessIO = {
      stdout: out,
      stderr: err,
      stdin: tty ? terminalStdin(c.input ?? '') : Readable.from([Buffer.from(c.input ?? '')]),
      env: { HOME: '/nonexistent-home', DOCKER_HOST: daemon.host },
      now: () => new Date('2026-01-02T03:04:05Z'),
      system: { platform: 'linux', uid: 0, cwd: process.cwd(), homedir: '/nonexistent-home', argv0: 'tsw', nodeVersion: 'v20.0.0', arch: 'amd64' },
      helpWidth: 80,
    };
    const code = await main(c.args, io);
    // On a terminal docker's output went through a pty (onlcr: "\n" became "\r\n"), stderr included.
    const stdout = tty ? (out.text + err.text).replace(/\n/g, '\r\n') : out.text;
    return { stdout, stderr: tty ? '' : err.text, code, requests: daemon.requests.map(({ method, url, body }) => ({ method, url, body })) };
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
