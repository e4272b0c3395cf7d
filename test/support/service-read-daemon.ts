/**
 * A fake Engine API on a unix socket for the `service` read commands (ls, ps, inspect, logs):
 * serves a fixed swarm state (nodes, services, tasks, networks, log lines). The capture
 * script (test/capture/service.mjs) serves it to docker 28 to record the goldens; the unit
 * tests serve the same state to tsw. Filters are applied as the daemon applies them for the
 * keys the fixtures use (service id/name prefixes; task service, node, desired-state, id,
 * name); ServiceStatus is dropped below API 1.41, as the daemon does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

export interface SeenRequest {
  readonly method: string;
  readonly url: string;
}

export interface ReadDaemon {
  readonly host: string;
  readonly requests: SeenRequest[];
  /** Replaces the state served from now on (the capture shifts times per case). */
  setState(state: ReadState): void;
  close(): Promise<void>;
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

export async function startReadDaemon(initial: ReadState): Promise<ReadDaemon> {
  let state = initial;
  const dir = mkdtempSync(join(tmpdir(), 'tsw-svc-fake-'));
  const socket = join(dir, 'docker.sock');
  const requests: SeenRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    for await (const _ of req) {
      // drain the request body
    }
    const url = new URL(req.url ?? '/', 'http://fake');
    const version = /^\/v(1\.\d+)/.exec(url.pathname)?.[1] ?? state.apiVersion ?? '1.41';
    const path = decodeURIComponent(url.pathname.replace(/^\/v1\.\d+/, ''));
    if (path !== '/_ping') requests.push({ method: req.method ?? '', url: req.url ?? '' });
    const api = state.apiVersion ?? '1.41';
    const json = (value: unknown) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Api-Version': api });
      res.end(`${JSON.stringify(value)}\n`);
    };
    const fail = (status: number, message: string) => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'Api-Version': api });
      res.end(`${JSON.stringify({ message })}\n`);
    };
    const filters = JSON.parse(url.searchParams.get('filters') ?? '{}') as Obj;
    const withStatus = (s: Obj): Obj => {
      if (Number(version.slice(2)) >= 41 && url.searchParams.get('status') === 'true') return s;
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

    if (path === '/_ping') {
      res.writeHead(200, { 'Api-Version': api, Ostype: 'linux', 'Docker-Experimental': 'false', Swarm: 'active/manager' });
      res.end(req.method === 'HEAD' ? undefined : 'OK');
      return;
    }
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

    function sendLogs(taskIDs: string[]): void {
      const details = url.searchParams.get('details') === '1';
      const timestamps = url.searchParams.get('timestamps') === '1';
      const tail = url.searchParams.get('tail') ?? 'all';
      let lines = (state.logs ?? []).filter((l) => taskIDs.includes(l.task));
      if (/^\d+$/.test(tail)) lines = lines.slice(Math.max(0, lines.length - Number(tail)));
      const tty = taskIDs.some((id) => field(state.tasks.find((t) => t['ID'] === id), 'Spec', 'ContainerSpec', 'TTY') === true);
      res.writeHead(200, { 'Content-Type': tty ? 'application/vnd.docker.raw-stream' : 'application/vnd.docker.multiplexed-stream', 'Api-Version': api });
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
        res.write(tty ? body : frame(l.stream, body));
      }
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return {
    host: `unix://${socket}`,
    requests,
    setState(s: ReadState) {
      state = s;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
