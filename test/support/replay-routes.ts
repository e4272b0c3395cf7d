/**
 * Routes of the fake daemon (fake-daemon.ts) that replay what the lab answered docker (test/golden/spec/*.json, recorded by
 * test/capture/spec.mjs through a proxy), for running tsw on the same cases in-process: each
 * request gets the recorded answer to the same method and URL (in order), the service under
 * update its recorded `GET /services/{name}` body, and requests the recording kept no answer
 * for (the error cases record only method, URL and status) an answer built from the lab's
 * objects (network, secret and config IDs) or docker's error text. `recorded` turns what the
 * fake daemon saw into the recording's shape, for comparing with docker's requests.
 */
import type { FakeOptions, SeenRequest } from './fake-daemon.ts';

export interface Recorded {
  method: string;
  url: string;
  status: number;
  body?: string;
  response?: string;
  registryAuth?: string;
}

export interface LabInfo {
  image: string;
  cwd: string;
  work: string;
  env: Record<string, string>;
  networks: Record<string, string>;
  secrets: Record<string, string>;
  configs: Record<string, string>;
}

export interface ReplayScript {
  readonly lab: LabInfo;
  /** The API version the ping reports (1.41 for the lab; 1.50 for the `spoof` cases). */
  readonly apiVersion: string;
  readonly recorded: readonly Recorded[];
  /** The service under update: its name and raw `GET /services/{name}` body. */
  readonly service?: { readonly name: string; readonly raw: string };
  /** docker's stderr: the daemon message of an error answer recorded without a body. */
  readonly stderr: string;
  /** Answers for distribution lookups the script does not record (URL → body). */
  readonly distribution?: ReadonlyMap<string, string>;
}

/** A request the fake daemon saw, as the recording keeps it (no empty body). */
export function recorded(r: SeenRequest): Recorded {
  return {
    method: r.method,
    url: r.url,
    status: r.status,
    ...(r.body !== '' ? { body: r.body } : {}),
    ...(r.auth !== undefined ? { registryAuth: r.auth } : {}),
  };
}

function daemonMessage(stderr: string): string {
  const line = stderr.split('\n').find((l) => l.startsWith('Error response from daemon: ')) ?? '';
  return line.slice('Error response from daemon: '.length);
}

export function replayRoutes(script: ReplayScript): FakeOptions {
  const used = new Set<number>();

  const synthesize = (method: string, url: string): { status: number; body: string } => {
    const u = new URL(url, 'http://d');
    const path = u.pathname.replace(/^\/v[\d.]+/, '');
    let m = /^\/networks\/(.+)$/.exec(path);
    if (method === 'GET' && m) {
      const name = decodeURIComponent(m[1] ?? '');
      const id = script.lab.networks[name] ?? Object.values(script.lab.networks).find((x) => x === name);
      if (id === undefined) return { status: 404, body: JSON.stringify({ message: `network ${name} not found` }) };
      return { status: 200, body: JSON.stringify({ Name: name, Id: id, Scope: 'swarm', Driver: 'overlay' }) };
    }
    m = /^\/(secrets|configs)$/.exec(path);
    if (method === 'GET' && m) {
      const kind = m[1] as 'secrets' | 'configs';
      const filters = JSON.parse(u.searchParams.get('filters') ?? '{}') as { name?: Record<string, boolean> };
      const wanted = Object.keys(filters.name ?? {});
      const list = Object.entries(script.lab[kind])
        .filter(([name]) => wanted.some((w) => name.startsWith(w)))
        .map(([name, id]) => ({ ID: id, Spec: { Name: name } }));
      return { status: 200, body: JSON.stringify(list) };
    }
    if (method === 'GET' && path.startsWith('/distribution/')) {
      const body = script.distribution?.get(path);
      if (body !== undefined) return { status: 200, body };
    }
    if (method === 'GET' && script.service && /^\/services\/[^/]+$/.test(path) && decodeURIComponent(path.slice('/services/'.length)) === script.service.name) {
      return { status: 200, body: script.service.raw };
    }
    if (method === 'POST' && path === '/services/create') return { status: 201, body: '{"ID":"replayedserviceid0000000"}\n' };
    if (method === 'POST' && /^\/services\/[^/]+\/update$/.test(path)) return { status: 200, body: '{"Warnings":null}\n' };
    return { status: 404, body: JSON.stringify({ message: `page not found: ${method} ${path}` }) };
  };

  return {
    ping: () => ({ 'Api-Version': script.apiVersion }),
    route({ method, url }) {
      let status: number;
      let text: string;
      const i = script.recorded.findIndex((r, k) => !used.has(k) && r.method === method && r.url === url);
      const rec = script.recorded[i];
      if (rec) {
        used.add(i);
        status = rec.status;
        if (rec.response !== undefined) text = rec.response;
        else if (status >= 400) text = JSON.stringify({ message: daemonMessage(script.stderr) });
        else text = synthesize(method, url).body;
      } else {
        ({ status, body: text } = synthesize(method, url));
      }
      return { status, text, headers: { 'Content-Type': 'application/json' } };
    },
  };
}
