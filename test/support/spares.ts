/**
 * The spare lab engines the swarm tests own (node-4 and node-5, outside the main swarm):
 * a lock so that test files running in parallel take turns, resetting them to "inactive",
 * reading GET /swarm directly, and masking the random parts of swarm output.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { dockerHostOf, nodeNames } from '../../src/lab/config.ts';
import { runDocker, type Outcome } from './oracle.ts';

export const A = 4;
export const B = 5;
export const hostOf = (n: number) => dockerHostOf(n);
export const addrOf = (n: number) => nodeNames(n).addr;

const LOCK = join(tmpdir(), 'tsw-swarm-spares.lock');

/** Waits for the spare engines (one test file at a time), then makes both inactive. */
export async function acquireSpares(): Promise<void> {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(`${LOCK}/pid`, String(process.pid));
      break;
    } catch {
      // A holder that died leaves its lock behind: take it over.
      let holder = 0;
      try {
        holder = Number(readFileSync(`${LOCK}/pid`, 'utf8'));
      } catch {
        /* being created or removed */
      }
      if (holder > 0 && !alive(holder)) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`the spare engines stayed locked by pid ${holder}`);
      await sleep(500);
    }
  }
  resetSpares();
}

/** Leaves node-4 and node-5 inactive and releases the lock. */
export function releaseSpares(): void {
  try {
    resetSpares();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `docker swarm leave --force` on both spares (an inactive node just says so). */
export function resetSpares(): void {
  for (const n of [B, A]) runDocker(['swarm', 'leave', '--force'], { env: { DOCKER_HOST: hostOf(n) } });
}

/** The raw JSON of an Engine API GET on a lab node. */
export function apiGet(n: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath: nodeNames(n).socket, path: `/v1.41${path}`, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** An Engine API POST with a JSON body (to restore a spec between runs). */
export function apiPost(n: number, path: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { socketPath: nodeNames(n).socket, path: `/v1.41${path}`, method: 'POST', headers: { 'Content-Type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export interface SwarmState {
  readonly Spec: Record<string, unknown>;
  readonly Version: { Index: number };
  readonly TLSInfo: { TrustRoot: string };
  readonly DefaultAddrPool: string[] | null;
  readonly SubnetSize: number;
  readonly DataPathPort: number;
  readonly JoinTokens: { Worker: string; Manager: string };
  readonly RootRotationInProgress: boolean;
}

export async function swarmOf(n: number): Promise<SwarmState> {
  const r = await apiGet(n, '/swarm');
  if (r.status !== 200) throw new Error(`GET /swarm on node-${n}: ${r.status} ${r.body}`);
  return JSON.parse(r.body) as SwarmState;
}

export async function localState(n: number): Promise<string> {
  const r = await apiGet(n, '/info');
  return (JSON.parse(r.body) as { Swarm: { LocalNodeState: string } }).Swarm.LocalNodeState;
}

export const NODE_ID = /^[0-9a-z]{25}$/;
export const JOIN_TOKEN = /^SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}$/;
export const UNLOCK_KEY = /^SWMKEY-1-[A-Za-z0-9+/]{43}$/;

/**
 * Replaces node IDs, join tokens, unlock keys and certificate bodies with placeholders, after
 * checking their shape; returns the masked text and the values found, in order.
 */
export function mask(text: string): { text: string; ids: string[]; tokens: string[]; keys: string[] } {
  const ids: string[] = [];
  const tokens: string[] = [];
  const keys: string[] = [];
  const out = text
    .replace(/SWMTKN-1-[0-9a-z]+-[0-9a-z]+/g, (t) => (tokens.push(t), '<TOKEN>'))
    .replace(/SWMKEY-1-[A-Za-z0-9+/]+/g, (k) => (keys.push(k), '<KEY>'))
    .replace(/current node \(([0-9a-z]+)\)/g, (_m, id: string) => (ids.push(id), 'current node (<ID>)'))
    .replace(/-----BEGIN CERTIFICATE-----\n[\s\S]*?-----END CERTIFICATE-----/g, '<CERT>');
  return { text: out, ids, tokens, keys };
}

/** Both clients' outcomes, masked. */
export function masked(o: Outcome): Outcome & { found: ReturnType<typeof mask> } {
  const found = mask(o.stdout);
  return { stdout: found.text, stderr: mask(o.stderr).text, code: o.code, found };
}
