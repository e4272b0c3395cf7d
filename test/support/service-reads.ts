/**
 * Fixture services for the differential `service` read tests (ls, ps, inspect, logs): created
 * with the docker client on the lab, all named tsw-r-*, removed again in after() even when a
 * test failed. Only services are touched (never nodes).
 */
import { runDocker } from './oracle.ts';
import { api, mustDocker, waitUntil } from './node-lab.ts';

export const REGISTRY = process.env['TSW_LAB_REGISTRY'] ?? '';
export const IMAGE = `${REGISTRY}/busybox:latest`;
export const IMAGE1 = `${REGISTRY}/busybox:1`;
export const IMAGE2 = `${REGISTRY}/busybox:2`;

/** `docker service create -d -q --name NAME ARGS… [IMAGE CMD…]`; returns the full ID. */
export function createService(name: string, args: readonly string[], imageAndCmd: readonly string[] = []): string {
  return mustDocker(['service', 'create', '-d', '-q', '--name', name, ...args, ...imageAndCmd]).trim();
}

/** Every service whose name starts with prefix (left over by an earlier run, or this one's). */
export function removeLeftovers(prefix: string): void {
  const lines = runDocker(['service', 'ls', '--format', '{{.ID}} {{.Name}}', '--filter', `name=${prefix}`]).stdout;
  const ids = lines
    .split('\n')
    .map((l) => l.split(' '))
    .filter(([, n]) => (n ?? '').startsWith(prefix))
    .map(([id]) => id ?? '');
  if (ids.length > 0) runDocker(['service', 'rm', ...ids]);
}

export interface ApiService {
  ID: string;
  Spec: { Name: string; Mode: Record<string, unknown> };
  ServiceStatus?: { RunningTasks: number; DesiredTasks: number; CompletedTasks?: number };
  UpdateStatus?: { State: string };
}

export interface ApiTask {
  ID: string;
  ServiceID: string;
  Slot?: number;
  NodeID?: string;
  DesiredState: string;
  CreatedAt: string;
  Status: { State: string; Timestamp: string; Err?: string };
}

/** The services whose names start with prefix, with their status (API 1.41). */
export async function servicesOf(prefix: string): Promise<ApiService[]> {
  const filters = encodeURIComponent(JSON.stringify({ name: { [prefix]: true } }));
  const r = await api<ApiService[]>('GET', `/services?status=true&filters=${filters}`);
  return (r.value ?? []).filter((s) => s.Spec.Name.startsWith(prefix));
}

export async function tasksOfServices(ids: readonly string[]): Promise<ApiTask[]> {
  const filters = encodeURIComponent(JSON.stringify({ service: Object.fromEntries(ids.map((i) => [i, true])) }));
  return (await api<ApiTask[]>('GET', `/tasks?filters=${filters}`)).value ?? [];
}

/** Waits until cond holds for the tasks of these services. */
export async function waitTasks(ids: readonly string[], cond: (tasks: ApiTask[]) => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  await waitUntil(async () => cond(await tasksOfServices(ids)), timeoutMs, what);
}

/** Waits until the newest task state change of these services is older than ms ("… ago" texts then move slowly). */
export async function waitOlderThan(ids: readonly string[], ms: number): Promise<void> {
  const all = await tasksOfServices(ids);
  const newest = Math.max(0, ...all.map((t) => Date.parse(t.Status.Timestamp)));
  const wait = newest + ms - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}
