/**
 * The one fake Engine API of the tests: an HTTP server on a unix socket in a fresh temporary
 * directory that answers /_ping itself, records every other request (method, URL, body,
 * X-Registry-Auth, the status answered) and hands it to a route table for the answer. The
 * tables are the case modules next to this one: object-routes.ts (fixed nodes, services,
 * configs, tasks), swarm-routes.ts (the swarm commands), service-progress-cases.ts (the
 * convergence wait), service-read-routes.ts (service ls/ps/inspect/logs), stack-routes.ts
 * (stack deploy's fake swarm) and replay-routes.ts (answers the lab recorded for docker).
 * Unit tests point tsw at it, capture scripts docker.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A request as a route table sees it. */
export interface FakeRequest {
  readonly method: string;
  /** The URL as sent (version prefix and query included). */
  readonly url: string;
  /** The URL's path without the /v1.NN prefix and the query, still percent-encoded. */
  readonly path: string;
  /** The API version of the /v1.NN prefix, if any. */
  readonly version: string | undefined;
  readonly query: URLSearchParams;
  readonly body: string;
  readonly headers: IncomingHttpHeaders;
}

/**
 * An answer: `json` is written as JSON and a newline (bigints as numbers), `text` as is,
 * `chunks` one write each (a stream). Content-Type is application/json for `json`, text/plain
 * otherwise, unless `headers` says.
 */
export interface Reply {
  readonly status: number;
  readonly json?: unknown;
  readonly text?: string;
  readonly chunks?: readonly Buffer[];
  readonly headers?: Readonly<Record<string, string>>;
}

/** A request as the fake daemon saw it (pings excluded), and the status it answered. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly body: string;
  /** The X-Registry-Auth header, when sent. */
  readonly auth?: string;
  status: number;
}

export interface FakeOptions {
  /** Answers a request; a route table. */
  readonly route: (req: FakeRequest) => Reply;
  /** Headers of the /_ping answer over the defaults (API 1.41, linux, active manager). */
  readonly ping?: () => Readonly<Record<string, string>>;
}

export interface FakeDaemon {
  /** `unix://` + the socket, for DOCKER_HOST. */
  readonly host: string;
  /** Every request seen except /_ping, in order, for asserting what the client sent. */
  readonly requests: SeenRequest[];
  close(): Promise<void>;
}

/** JSON.stringify that writes bigints as numbers. */
export function toJSON(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `__big__${x}` : x)).replace(/"__big__(-?\d+)"/g, '$1');
}

/** The JSON error body the daemon sends: {"message": ...}. */
export function fail(status: number, message: string, headers?: Readonly<Record<string, string>>): Reply {
  return { status, json: { message }, ...(headers ? { headers } : {}) };
}

export async function startFakeDaemon(options: FakeOptions): Promise<FakeDaemon> {
  const dir = mkdtempSync(join(tmpdir(), 'tsw-fake-'));
  const socket = join(dir, 'docker.sock');
  const requests: SeenRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const method = req.method ?? '';
    const url = req.url ?? '/';
    const parsed = new URL(url, 'http://fake');
    const version = /^\/v(1\.\d+)/.exec(parsed.pathname)?.[1];
    const path = parsed.pathname.replace(/^\/v1\.\d+/, '');
    if (path === '/_ping') {
      res.writeHead(200, { 'Api-Version': '1.41', Ostype: 'linux', 'Docker-Experimental': 'false', Swarm: 'active/manager', ...options.ping?.() });
      res.end(method === 'HEAD' ? undefined : 'OK');
      return;
    }
    const body = Buffer.concat(chunks).toString('utf8');
    const auth = req.headers['x-registry-auth'];
    const seen: SeenRequest = { method, url, body, ...(typeof auth === 'string' ? { auth } : {}), status: 0 };
    requests.push(seen);
    const reply = options.route({ method, url, path, version, query: parsed.searchParams, body, headers: req.headers });
    seen.status = reply.status;
    const type = reply.json !== undefined ? 'application/json' : 'text/plain; charset=utf-8';
    res.writeHead(reply.status, { 'Content-Type': type, ...reply.headers });
    if (reply.json !== undefined) res.end(`${toJSON(reply.json)}\n`);
    else {
      for (const c of reply.chunks ?? []) res.write(c);
      res.end(reply.text ?? '');
    }
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return {
    host: `unix://${socket}`,
    requests,
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
