/**
 * Helpers for the differential `service` write tests (create, update, scale, rollback, rm) on the lab swarm: unique tsw-w-* names,
 * the spec read back through the Engine API (`GET /services/{id}` .Spec) with names and IDs
 * mapped, lab objects (networks, secrets, configs) and cleanup that runs even after failures.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { api } from './node-lab.ts';
import type { Outcome } from './oracle.ts';

export const REGISTRY = process.env['TSW_LAB_REGISTRY'] ?? '';
export const IMAGE = `${REGISTRY}/busybox:latest`;

let counter = 0;
/** A fresh service name: tsw-w-<tag>-<pid>-<n>. */
export function serviceName(tag: string): string {
  counter++;
  return `tsw-w-${tag}-${process.pid}-${counter}`;
}

export interface LabService {
  ID: string;
  Version: { Index: number };
  Spec: Record<string, unknown> & { Name?: string };
  PreviousSpec?: Record<string, unknown>;
  UpdateStatus?: { State?: string; Message?: string };
}

/** GET /services/{name}; undefined when it does not exist. */
export async function getService(name: string): Promise<LabService | undefined> {
  const r = await api<LabService>('GET', `/services/${encodeURIComponent(name)}`);
  if (r.status === 404) return undefined;
  assert.equal(r.status, 200, `GET /services/${name}: ${JSON.stringify(r.value)}`);
  return r.value;
}

/** Every service whose name starts with prefix. */
export async function servicesNamed(prefix: string): Promise<LabService[]> {
  const filters = encodeURIComponent(JSON.stringify({ name: { [prefix]: true } }));
  const r = await api<LabService[]>('GET', `/services?filters=${filters}`);
  return (r.value ?? []).filter((s) => (s.Spec.Name ?? '').startsWith(prefix));
}

/** Removes every service whose name starts with prefix (retried: the daemon may be busy). */
export async function removeServices(prefix: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const left = await servicesNamed(prefix);
    if (left.length === 0) return;
    for (const s of left) await api('DELETE', `/services/${s.ID}`);
    await sleep(200);
  }
}


/** A spec with its own service name replaced by a placeholder (the only field that differs by design). */
export function mapName(spec: Record<string, unknown> | undefined, name: string): unknown {
  if (spec === undefined) return undefined;
  const text = JSON.stringify(spec).split(JSON.stringify(name)).join('"<name>"');
  return JSON.parse(text) as unknown;
}

/**
 * Output normalised for comparison: the service's own ID and name become placeholders, and
 * logrus's `time="…"` stamp (the two runs happen seconds apart) becomes `time="<time>"`.
 */
export function normalise(o: Outcome, ids: Readonly<Record<string, string>>): Outcome {
  const fix = (s: string) => {
    let out = s.replace(/time="[^"]*"/g, 'time="<time>"');
    for (const [from, to] of Object.entries(ids)) if (from !== '') out = out.split(from).join(to);
    return out;
  };
  return { stdout: fix(o.stdout), stderr: fix(o.stderr), code: o.code };
}

export function assertSameOutcome(args: readonly string[], t: Outcome, d: Outcome): void {
  assert.equal(t.stderr, d.stderr, `stderr of ${args.join(' ')}`);
  assert.equal(t.stdout, d.stdout, `stdout of ${args.join(' ')}`);
  assert.equal(t.code, d.code, `exit code of ${args.join(' ')}`);
}

/** Lab objects the create/update tests attach: two overlay networks, two secrets, two configs. */
export interface LabObjects {
  readonly networks: string[];
  readonly secrets: string[];
  readonly configs: string[];
}

export async function createLabObjects(tag: string): Promise<LabObjects> {
  const base = `tsw-w-${tag}-${process.pid}`;
  const objs: LabObjects = {
    networks: [`${base}-net-a`, `${base}-net-b`],
    secrets: [`${base}-sec-a`, `${base}-sec-b`],
    configs: [`${base}-cfg-a`, `${base}-cfg-b`],
  };
  for (const n of objs.networks) {
    const r = await api('POST', '/networks/create', { Name: n, Driver: 'overlay', CheckDuplicate: true, Attachable: false });
    assert.equal(r.status, 201, `create network ${n}: ${JSON.stringify(r.value)}`);
  }
  for (const s of objs.secrets) {
    const r = await api('POST', '/secrets/create', { Name: s, Data: Buffer.from(`secret ${s}`).toString('base64') });
    assert.equal(r.status, 201, `create secret ${s}: ${JSON.stringify(r.value)}`);
  }
  for (const c of objs.configs) {
    const r = await api('POST', '/configs/create', { Name: c, Data: Buffer.from(`config ${c}`).toString('base64') });
    assert.equal(r.status, 201, `create config ${c}: ${JSON.stringify(r.value)}`);
  }
  return objs;
}

/** Removes the lab objects of a tag (services first, which hold them). */
export async function removeLabObjects(tag: string): Promise<void> {
  const base = `tsw-w-${tag}-${process.pid}`;
  await removeServices(`tsw-w-${tag}-`);
  for (const kind of ['secrets', 'configs'] as const) {
    const r = await api<Array<{ ID: string; Spec: { Name: string } }>>('GET', `/${kind}`);
    for (const o of r.value ?? []) if (o.Spec.Name.startsWith(base)) await api('DELETE', `/${kind}/${o.ID}`);
  }
  // Networks go once no task uses them any more.
  for (let attempt = 0; attempt < 20; attempt++) {
    const r = await api<Array<{ Id: string; Name: string }>>('GET', '/networks');
    const left = (r.value ?? []).filter((n) => n.Name.startsWith(base));
    if (left.length === 0) return;
    for (const n of left) await api('DELETE', `/networks/${n.Id}`);
    await sleep(500);
  }
}

/**
 * Progress output off a terminal, normalised for comparing two runs (after the ID and name were
 * mapped): runs of identical lines collapse to one (docker re-prints every 200 ms); partial
 * `overall progress: [rolling back update: ]k out of N tasks` (0 < k < N) and `overall progress: waiting for new
 * tasks` lines are dropped, of the job `active tasks:` lines only the first and the last are
 * kept, and of a `verify: Waiting N seconds` countdown only its first line (which partial
 * states a poll sees, and which seconds it lands in, is timing).
 */
export function normaliseProgress(stdout: string): string {
  const lines = stdout.split('\n');
  const active = lines.map((l, i) => (l.startsWith('active tasks: ') ? i : -1)).filter((i) => i >= 0);
  const keep = new Set([active[0], active[active.length - 1]]);
  const out: string[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.startsWith('active tasks: ') && !keep.has(i)) continue;
    const m = /^overall progress: (?:rolling back update: )?(\d+) out of (\d+) tasks$/.exec(line);
    if (m && Number(m[1]) > 0 && Number(m[1]) < Number(m[2])) continue;
    if (line === 'overall progress: waiting for new tasks') continue;
    // The countdown's numbers come from the time left at each poll: a slow poll skips one
    // (docker's 5, 4, 3, 2, converged against tsw's 5, 4, 3, 2, 1, converged). Only the first
    // line of a countdown is compared; countdownRuns checks each side's repetitions.
    if (line.startsWith('verify: Waiting ') && (out[out.length - 1] ?? '').startsWith('verify: Waiting ')) continue;
    if (out[out.length - 1] === line) continue;
    out.push(line);
  }
  return out.join('\n');
}

/** How many times each `verify: Waiting N seconds` line appears in a row. */
export function countdownRuns(stdout: string): number[] {
  const runs: number[] = [];
  let prev = '';
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('verify: Waiting ')) {
      prev = '';
      continue;
    }
    if (line === prev) runs[runs.length - 1] = (runs[runs.length - 1] ?? 0) + 1;
    else runs.push(1);
    prev = line;
  }
  return runs;
}

/**
 * The seconds of each `verify: Waiting N seconds` countdown, repeated lines once: [[5, 4, 3, 2, 1]].
 * A countdown ends at the first other line.
 */
export function countdownSeconds(stdout: string): number[][] {
  const out: number[][] = [];
  let run: number[] | undefined;
  for (const line of stdout.split('\n')) {
    const m = /^verify: Waiting (\d+) seconds to verify that tasks are stable\.\.\.$/.exec(line);
    if (!m) {
      run = undefined;
      continue;
    }
    const n = Number(m[1]);
    if (!run) out.push((run = []));
    if (run[run.length - 1] !== n) run.push(n);
  }
  return out;
}
