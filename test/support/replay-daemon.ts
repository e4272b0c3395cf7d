/**
 * A daemon that replays what the lab answered docker (test/golden/spec/*.json, recorded by
 * test/capture/spec.mjs through a proxy), for running tsw on the same cases in-process: each
 * request gets the recorded answer to the same method and URL (in order), the service under
 * update its recorded `GET /services/{name}` body, and requests the recording kept no answer
 * for (the error cases record only method, URL and status) an answer built from the lab's
 * objects (network, secret and config IDs) or docker's error text. Every request except
 * /_ping is recorded, with its body and X-Registry-Auth header, for comparing with docker's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

export interface ReplayDaemon {
  readonly host: string;
  readonly requests: Recorded[];
  close(): Promise<void>;
}

function daemonMessage(stderr: string): string {
  const line = stderr.split('\n').find((l) => l.startsWith('Error response from daemon: ')) ?? '';
  return line.slice('Error response from daemon: '.length);
}

export async function startReplayDaemon(script: ReplayScript): Promise<ReplayDaemon> {
  const dir = mkdtempSync(join(tmpdir(), 'tsw-replay-'));
  const socket = join(dir, 'docker.sock');
  const requests: Recorded[] = [];
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

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '';
      const method = req.method ?? '';
      if (url === '/_ping') {
        res.writeHead(200, { 'Api-Version': script.apiVersion, Ostype: 'linux', 'Docker-Experimental': 'false', Swarm: 'active/manager' });
        res.end(method === 'HEAD' ? undefined : 'OK');
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      const auth = req.headers['x-registry-auth'];
      requests.push({
        method,
        url,
        status: 0,
        ...(body !== '' ? { body } : {}),
        ...(typeof auth === 'string' ? { registryAuth: auth } : {}),
      });
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
      const last = requests[requests.length - 1];
      if (last) last.status = status;
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return {
    host: `unix://${socket}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
