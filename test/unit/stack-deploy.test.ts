/**
 * `tsw stack deploy` against what docker 28.2.2 did with the same compose files and the same
 * fake swarm (test/golden/stack-deploy/*.json, captured by test/capture/stack-deploy.mjs):
 * every request with its exact body (networks, secrets, configs, service create/update specs,
 * prunes, registry lookups and auth headers), stdout, stderr and exit code. docker ranges over
 * Go maps for networks and services, so requests are compared as a multiset and stdout lines
 * sorted within their kind; the kinds themselves must come in docker's order.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { goldenDir } from '../support/golden.ts';
import { tswBin } from '../support/oracle.ts';
import { cases, ENV, FIXTURES } from '../support/stack-deploy-cases.ts';
import { startFakeDaemon } from '../support/fake-daemon.ts';
import { type Recorded, recorded, stackRoutes } from '../support/stack-routes.ts';

interface Golden {
  readonly fixtures: string;
  readonly args: string[];
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
  readonly requests: Recorded[];
}

const KINDS = ['Removing service ', 'Creating network ', 'Creating secret ', 'Creating config ', 'Creating service ', 'Updating service '];

function kindOf(line: string): number {
  const i = KINDS.findIndex((k) => line.startsWith(k));
  return i === 5 ? 4 : i;
}

/** Lines sorted within their kind, the kinds in the order they appeared. */
export function canonStdout(text: string): string {
  const lines = text.split('\n').filter((l) => l !== '');
  return lines
    .map((l, i) => ({ l, i, k: kindOf(l) }))
    .sort((a, b) => (a.k === b.k && a.k >= 0 ? (a.l < b.l ? -1 : a.l > b.l ? 1 : 0) : a.i - b.i))
    .map((x) => x.l)
    .join('\n');
}

/** The per-service digest warnings (printed as each service is updated, in Go map order) sorted among themselves. */
export function canonStderr(text: string): string {
  const re = /image \S+ could not be accessed on a registry[\s\S]*?versions of the image\.\n\n/g;
  const blocks = [...text.matchAll(re)].map((m) => m[0]).sort();
  let i = 0;
  // logrus stamps its warnings with the time of the run
  return text.replace(re, () => blocks[i++] ?? '').replace(/^time="[^"]*"/gm, 'time="<T>"');
}

function requestKey(r: Recorded): string {
  return `${r.method} ${r.path}?${r.query} auth=${r.auth ?? ''}\n${r.body}`;
}

/** The request kinds in order of first appearance (creates of networks before secrets, …). */
function phases(rs: readonly Recorded[]): string[] {
  const out: string[] = [];
  for (const r of rs) {
    // The secret and config lookups of conversion come service by service, in Go map order.
    const k = r.method === 'GET' && (r.path === '/secrets' || r.path === '/configs') ? 'GET lookups' : `${r.method} ${r.path.split('/')[1] ?? ''}`;
    if (out[out.length - 1] !== k) out.push(k);
  }
  return out;
}

function runTswAsync(args: readonly string[], env: Record<string, string>): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    const p = spawn(tswBin, args, { env });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('close', (code) => resolve({ stdout, stderr, code: code ?? -1 }));
  });
}

const dir = join(goldenDir, 'stack-deploy');
const configDir = mkdtempSync(join(tmpdir(), 'tsw-stack-cfg-'));

describe('stack deploy against docker\'s requests (fake swarm)', () => {
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5));
  it('has a golden for every case', () => {
    assert.deepEqual([...names].sort(), Object.keys(cases).sort());
  });
  for (const name of names) {
    it(name, async () => {
      const g = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Golden;
      const c = cases[name];
      assert.ok(c, `no case ${name}`);
      const fix = (s: string) => s.split(g.fixtures).join(FIXTURES);
      const daemon = await startFakeDaemon(stackRoutes(c.state));
      let r: { stdout: string; stderr: string; code: number };
      try {
        r = await runTswAsync(g.args.map(fix), { PATH: process.env['PATH'] ?? '', HOME: '/nonexistent-tsw-home', DOCKER_CONFIG: configDir, DOCKER_HOST: daemon.host, ...ENV });
      } finally {
        await daemon.close();
      }
      assert.equal(canonStderr(r.stderr), canonStderr(fix(g.stderr)), 'stderr');
      assert.equal(canonStdout(r.stdout), canonStdout(fix(g.stdout)), 'stdout');
      assert.equal(r.code, g.code, 'exit code');
      const want = g.requests.map((q) => ({ ...q, body: fix(q.body) }));
      const seen = daemon.requests.map(recorded);
      assert.deepEqual(seen.map(requestKey).sort(), want.map(requestKey).sort(), 'requests');
      assert.deepEqual(phases(seen), phases(want), 'order of the request kinds');
    });
  }
});
