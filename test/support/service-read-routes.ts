/**
 * Routes of the fake daemon (fake-daemon.ts) for the `service` read commands (ls, ps, inspect, logs):
 * serves a fixed swarm state (nodes, services, tasks, networks, log lines). The capture
 * script (test/capture/service.mjs) serves it to docker 28 to record the goldens; the unit
 * tests serve the same state to tsw. Filters are applied as the daemon applies them for the
 * keys the fixtures use (service id/name prefixes; task service, node, desired-state, id,
 * name); ServiceStatus is dropped below API 1.41, as the daemon does.
 */
import { type FakeOptions, type Reply, fail as failWith } from './fake-daemon.ts';

type Obj = Record<string, unknown>;

/** A canned log line: which task wrote it, on which stream, and when. */
export interface LogLine {
  readonly task: string;
  readonly stream: 1 | 2 | 3;
  readonly time: string;
  readonly text: string;
  /** Extra details after the swarm IDs ("k=v" already query-escaped, as the daemon sends them). */
  readonly extra?: readonly string[];
  /** Replaces the whole details field (to send malformed contexts). */
  readonly rawDetails?: string;
}

export interface ReadState {
  readonly selfID: string;
  /** The API version the fake daemon announces (ServiceStatus only from 1.41). */
  readonly apiVersion?: string;
  readonly nodes: readonly Obj[];
  readonly services: readonly Obj[];
  readonly tasks: readonly Obj[];
  readonly networks?: readonly Obj[];
  readonly logs?: readonly LogLine[];
}

export interface ReadRoutes extends FakeOptions {
  /** Replaces the state served from now on (the capture shifts times per case). */
  setState(state: ReadState): void;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function field(o: unknown, ...path: string[]): unknown {
  let cur = o;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Obj)[p];
  }
  return cur;
}

function filterValues(filters: Obj, key: string): string[] {
  const v = filters[key];
  return v && typeof v === 'object' ? Object.keys(v as Obj) : [];
}

function serviceMode(s: Obj): string {
  const mode = (field(s, 'Spec', 'Mode') ?? {}) as Obj;
  if (mode['Replicated']) return 'replicated';
  if (mode['Global']) return 'global';
  if (mode['ReplicatedJob']) return 'replicated-job';
  if (mode['GlobalJob']) return 'global-job';
  return '';
}

function frame(stream: number, text: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head[0] = stream;
  head.writeUInt32BE(text.length, 4);
  return Buffer.concat([head, text]);
}

export function readRoutes(initial: ReadState): ReadRoutes {
  let state = initial;
  return {
    setState(s: ReadState) {
      state = s;
    },
    ping: () => ({ 'Api-Version': state.apiVersion ?? '1.41' }),
    route: (req) => route(state, req.version ?? state.apiVersion ?? '1.41', decodeURIComponent(req.path), req.query),
  };
}

function route(state: ReadState, version: string, path: string, query: URLSearchParams): Reply {
  const api = { 'Api-Version': state.apiVersion ?? '1.41' };
  const json = (value: unknown): Reply => ({ status: 200, json: value, headers: api });
  const fail = (status: number, message: string): Reply => failWith(status, message, api);
  const filters = JSON.parse(query.get('filters') ?? '{}') as Obj;
  const withStatus = (s: Obj): Obj => {
    if (Number(version.slice(2)) >= 41 && query.get('status') === 'true') return s;
    const { ServiceStatus: _drop, ...rest } = s;
    return rest;
  };
  const findService = (ref: string): Obj | undefined =>
    state.services.find((s) => s['ID'] === ref) ??
    state.services.find((s) => field(s, 'Spec', 'Name') === ref) ??
    (() => {
      const byPrefix = state.services.filter((s) => str(s['ID']).startsWith(ref));
      return byPrefix.length === 1 ? byPrefix[0] : undefined;
    })();

  if (path === '/info') return json({ Swarm: { NodeID: state.selfID, LocalNodeState: 'active', ControlAvailable: true } });
  if (path === '/nodes') return json(state.nodes);
  let m = /^\/nodes\/(.+)$/.exec(path);
  if (m) {
    const ref = m[1] ?? '';
    const n = state.nodes.find((x) => x['ID'] === ref || field(x, 'Description', 'Hostname') === ref);
    return n ? json(n) : fail(404, `node ${ref} not found`);
  }
  if (path === '/services') {
    const ids = filterValues(filters, 'id');
    const names = filterValues(filters, 'name');
    const modes = filterValues(filters, 'mode');
    const list = state.services.filter(
      (s) =>
        (ids.length === 0 || ids.some((i) => str(s['ID']).startsWith(i))) &&
        (names.length === 0 || names.some((n) => str(field(s, 'Spec', 'Name')).startsWith(n))) &&
        (modes.length === 0 || modes.includes(serviceMode(s))),
    );
    return json(list.map(withStatus));
  }
  m = /^\/services\/([^/]+)\/logs$/.exec(path);
  if (m) {
    const svc = findService(m[1] ?? '');
    if (!svc) return fail(404, `service ${m[1]} not found`);
    return sendLogs(state.tasks.filter((t) => t['ServiceID'] === svc['ID']).map((t) => str(t['ID'])));
  }
  m = /^\/services\/(.+)$/.exec(path);
  if (m) {
    // GET /services/{id} never carries ServiceStatus.
    const svc = findService(m[1] ?? '');
    if (!svc) return fail(404, `service ${m[1]} not found`);
    const { ServiceStatus: _drop, ...rest } = svc;
    return json(rest);
  }
  if (path === '/tasks') {
    const svcs = filterValues(filters, 'service');
    const nodes = filterValues(filters, 'node');
    const desired = filterValues(filters, 'desired-state');
    const ids = filterValues(filters, 'id');
    const unknown = Object.keys(filters).filter((k) => !['service', 'node', 'desired-state', 'id', 'name'].includes(k));
    if (unknown.length > 0) return fail(400, `invalid filter '${unknown[0]}'`);
    const list = state.tasks.filter(
      (t) =>
        (svcs.length === 0 || svcs.includes(str(t['ServiceID']))) &&
        (nodes.length === 0 || nodes.includes(str(t['NodeID']))) &&
        (desired.length === 0 || desired.includes(str(t['DesiredState']))) &&
        (ids.length === 0 || ids.some((i) => str(t['ID']).startsWith(i))),
    );
    return json(list);
  }
  m = /^\/tasks\/([^/]+)\/logs$/.exec(path);
  if (m) {
    const t = state.tasks.find((x) => x['ID'] === m?.[1]);
    return t ? sendLogs([str(t['ID'])]) : fail(404, `task ${m[1]} not found`);
  }
  m = /^\/tasks\/(.+)$/.exec(path);
  if (m) {
    const t = state.tasks.find((x) => x['ID'] === m?.[1]);
    return t ? json(t) : fail(404, `task ${m[1]} not found`);
  }
  m = /^\/networks\/(.+)$/.exec(path);
  if (m) {
    const n = (state.networks ?? []).find((x) => x['Id'] === m?.[1] || x['Name'] === m?.[1]);
    return n ? json(n) : fail(404, `network ${m[1]} not found`);
  }
  return fail(404, `page not found: ${path}`);

  function sendLogs(taskIDs: string[]): Reply {
    const details = query.get('details') === '1';
    const timestamps = query.get('timestamps') === '1';
    const tail = query.get('tail') ?? 'all';
    let lines = (state.logs ?? []).filter((l) => taskIDs.includes(l.task));
    if (/^\d+$/.test(tail)) lines = lines.slice(Math.max(0, lines.length - Number(tail)));
    const tty = taskIDs.some((id) => field(state.tasks.find((t) => t['ID'] === id), 'Spec', 'ContainerSpec', 'TTY') === true);
    const chunks: Buffer[] = [];
    for (const l of lines) {
      const t = state.tasks.find((x) => x['ID'] === l.task) ?? {};
      let text = l.text;
      if (l.stream !== 3) {
        let d = l.rawDetails;
        if (d === undefined && details) {
          d = [
            `com.docker.swarm.node.id=${str(t['NodeID'])}`,
            `com.docker.swarm.service.id=${str(t['ServiceID'])}`,
            `com.docker.swarm.task.id=${str(t['ID'])}`,
            ...(l.extra ?? []),
          ].join(',');
        }
        if (d !== undefined) text = `${d} ${text}`;
        if (timestamps) text = `${l.time} ${text}`;
      }
      const body = Buffer.from(text, 'utf8');
      chunks.push(tty ? body : frame(l.stream, body));
    }
    return { status: 200, chunks, headers: { 'Content-Type': tty ? 'application/vnd.docker.raw-stream' : 'application/vnd.docker.multiplexed-stream', ...api } };
  }
}
