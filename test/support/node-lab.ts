/**
 * Helpers for the differential `node` tests on the lab swarm: side-by-side runs, the Engine
 * API of node-1 for setting up and reading back state, and waiting.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { runBoth, runDocker, runTsw, type Outcome } from './oracle.ts';

export type Env = Record<string, string | undefined>;

/** Socket of lab node n. */
export function socketOf(n: number): string {
  return `/run/tsw-lab/node-${n}/docker.sock`;
}

export function hostOf(n: number): string {
  return `unix://${socketOf(n)}`;
}

function same(args: readonly string[], d: Outcome, t: Outcome): void {
  assert.equal(t.stdout, d.stdout, `stdout of ${args.join(' ')}`);
  assert.equal(t.stderr, d.stderr, `stderr of ${args.join(' ')}`);
  assert.equal(t.code, d.code, `exit code of ${args.join(' ')}`);
}

/** docker and tsw on the same arguments: same stdout, stderr and exit code. */
export function assertSame(args: readonly string[], env: Env = {}): Outcome {
  const { docker, tsw } = runBoth(args, { env });
  same(args, docker, tsw);
  return docker;
}

/**
 * For output with "… ago" texts: docker and tsw read the clock at different moments, so with
 * many rows one of them can tick over ("4 minutes ago" → "5 minutes ago") between the runs.
 * Run docker, then tsw, then docker again: tsw's clock reading lies between the two, so each
 * of its lines must equal the line docker printed before it or the one docker printed after
 * it. Everything else (row count, order, stderr, exit code) must be identical. Tried up to
 * three times, for when the two docker runs themselves see different rows.
 */
export function assertSameTimed(args: readonly string[], env: Env = {}): Outcome {
  let last: { before: Outcome; tsw: Outcome; after: Outcome } | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = runDocker(args, { env });
    const tsw = runTsw(args, { env });
    const after = runDocker(args, { env });
    last = { before, tsw, after };
    const [b, t, a] = [before.stdout.split('\n'), tsw.stdout.split('\n'), after.stdout.split('\n')];
    const linesOk = b.length === t.length && a.length === t.length && t.every((line, k) => line === b[k] || line === a[k]);
    const restOk = (tsw.stderr === before.stderr || tsw.stderr === after.stderr) && tsw.code === before.code && before.code === after.code;
    if (linesOk && restOk) return before;
  }
  if (!last) throw new Error('unreachable');
  // Report against the nearer run, so the diff shows what really differs.
  same(args, last.before, last.tsw);
  return last.before;
}

/**
 * docker, tsw, docker: when both docker runs agree, nothing changed in between and tsw must
 * print the same; when they differ (another test changed its services), try again.
 */
export function assertSameStable(args: readonly string[], env: Env = {}): Outcome {
  for (let i = 0; i < 10; i++) {
    const d1 = runDocker(args, { env });
    const t = runTsw(args, { env });
    const d2 = runDocker(args, { env });
    if (d1.stdout !== d2.stdout || d1.stderr !== d2.stderr || d1.code !== d2.code) continue;
    assert.equal(t.stdout, d1.stdout, `stdout of ${args.join(' ')}`);
    assert.equal(t.stderr, d1.stderr, `stderr of ${args.join(' ')}`);
    assert.equal(t.code, d1.code, `exit code of ${args.join(' ')}`);
    return d1;
  }
  return assert.fail(`the swarm never held still for ${args.join(' ')}`);
}
/** The docker CLI; throws with its stderr when it fails. */
export function mustDocker(args: readonly string[], env: Env = {}): string {
  const r = runDocker(args, { env });
  if (r.code !== 0) throw new Error(`docker ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return r.stdout;
}

/** One Engine API exchange with lab node n (node-1, the manager, by default). */
export function api<T = unknown>(method: string, path: string, body?: unknown, n = 1): Promise<{ status: number; value: T }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = request(
      {
        socketPath: socketOf(n),
        path: `/v1.41${path}`,
        method,
        headers: data ? { 'Content-Type': 'application/json', 'Content-Length': data.length } : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let value: unknown = text;
          try {
            value = text ? JSON.parse(text) : undefined;
          } catch {
            // plain-text body
          }
          resolve({ status: res.statusCode ?? 0, value: value as T });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

export interface LabNode {
  ID: string;
  Version: { Index: number };
  Spec: { Name?: string; Labels?: Record<string, string> | null; Role?: string; Availability?: string };
  Description: { Hostname: string };
  Status: { State: string };
  ManagerStatus?: { Leader?: boolean; Reachability?: string } | null;
}

export async function listNodes(): Promise<LabNode[]> {
  const r = await api<LabNode[]>('GET', '/nodes');
  assert.equal(r.status, 200, `GET /nodes: ${JSON.stringify(r.value)}`);
  return r.value;
}

/** The node with this hostname (the only one, or the newest). */
export async function nodeByHost(hostname: string): Promise<LabNode | undefined> {
  return (await listNodes()).filter((n) => n.Description.Hostname === hostname).pop();
}

/** Every node's spec, keyed by hostname: what a write is judged by. */
export async function specs(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const n of await listNodes()) out[`${n.Description.Hostname} ${n.ID}`] = n.Spec;
  return out;
}

/** Sets a node's whole spec through the API (for resetting state between runs). */
export async function setSpec(id: string, spec: LabNode['Spec']): Promise<void> {
  let last: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const node = await api<LabNode>('GET', `/nodes/${id}`);
    const r = await api('POST', `/nodes/${id}/update?version=${node.value.Version.Index}`, spec);
    if (r.status === 200) return;
    last = r.value;
    // A concurrent change bumped the version: read it again.
    await sleep(200);
  }
  throw new Error(`could not set the spec of node ${id}: ${JSON.stringify(last)}`);
}

export async function waitUntil(cond: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await cond()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(250);
  }
}

/** Worker join token and the manager's address, for joining spare engines. */
export function joinArgs(): string[] {
  const token = mustDocker(['swarm', 'join-token', '-q', 'worker']).trim();
  return ['swarm', 'join', '--token', token, '192.168.250.11:2377'];
}

/** The names of the lab's networks that start with prefix. */
export function networksNamed(prefix: string): string[] {
  return mustDocker(['network', 'ls', '--format', '{{.Name}}'])
    .split('\n')
    .filter((n) => n.startsWith(prefix));
}

/**
 * Removes the networks whose names start with prefix, again and again until none is left (a
 * network goes only once the tasks or containers on it are gone).
 */
export async function removeNetworksNamed(prefix: string): Promise<void> {
  await waitUntil(
    () => {
      const left = networksNamed(prefix);
      if (left.length > 0) runDocker(['network', 'rm', ...left]);
      return networksNamed(prefix).length === 0;
    },
    60_000,
    `the ${prefix} networks to go`,
  );
}
