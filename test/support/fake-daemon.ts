/**
 * A fake Engine API on a unix socket serving fixed objects: the fixtures saved by
 * test/capture/node.mjs, which docker rendered through the same routes. Lets unit tests run
 * tsw's whole path (transport, engine, command, renderer) without a lab.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FakeState {
  readonly selfID?: string;
  /** Raw node bodies; found by ID or by hostname. */
  readonly nodes?: ReadonlyArray<{ readonly id: string; readonly hostname: string; readonly raw: string }>;
  readonly services?: Readonly<Record<string, unknown>>;
  readonly configs?: ReadonlyArray<{ readonly id: string; readonly raw: string }>;
  /** Tasks; /tasks honours the `node` filter only. */
  readonly tasks?: ReadonlyArray<{ readonly NodeID?: string }>;
}

/** A request as the fake daemon saw it (pings excluded). */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly body: string;
}

export interface FakeDaemon {
  readonly host: string;
  /** Every request seen except /_ping, in order, for asserting what tsw sent. */
  readonly requests: SeenRequest[];
  close(): Promise<void>;
}

export async function startFakeDaemon(state: FakeState): Promise<FakeDaemon> {
  const dir = mkdtempSync(join(tmpdir(), 'tsw-fake-'));
  const socket = join(dir, 'docker.sock');
  const requests: SeenRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname.replace(/^\/v1\.\d+/, '');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (path !== '/_ping') requests.push({ method: req.method ?? '', url: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
    const json = (text: string) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Api-Version': '1.41' });
      res.end(text);
    };
    const notFound = (message: string) => {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(`${JSON.stringify({ message })}\n`);
    };
    if (path === '/_ping') {
      res.writeHead(200, { 'Api-Version': '1.41', Ostype: 'linux', 'Docker-Experimental': 'false', Swarm: 'active/manager' });
      res.end(req.method === 'HEAD' ? undefined : 'OK');
      return;
    }
    if (path === '/info') {
      json(`${JSON.stringify({ Swarm: { NodeID: state.selfID ?? '', LocalNodeState: 'active', ControlAvailable: true } })}\n`);
      return;
    }
    let m = /^\/nodes\/([^/]+)(\/update)?$/.exec(path);
    if (m && (req.method === 'POST' || req.method === 'DELETE')) {
      // Writes are accepted (nothing changes) for nodes that exist.
      const ref = decodeURIComponent(m[1] ?? '');
      if (!state.nodes?.some((n) => n.id === ref || n.hostname === ref)) {
        notFound(`node ${ref} not found`);
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json', 'Api-Version': '1.41' });
      res.end(req.method === 'POST' ? '{}\n' : '');
      return;
    }
    m = /^\/nodes\/(.+)$/.exec(path);
    if (m) {
      const ref = decodeURIComponent(m[1] ?? '');
      const body = state.nodes?.find((n) => n.id === ref || n.hostname === ref);
      if (body) json(body.raw);
      else notFound(`node ${ref} not found`);
      return;
    }
    m = /^\/services\/(.+)$/.exec(path);
    if (m) {
      const ref = decodeURIComponent(m[1] ?? '');
      const svc = state.services?.[ref];
      if (svc) json(`${JSON.stringify(svc)}\n`);
      else notFound(`service ${ref} not found`);
      return;
    }
    m = /^\/configs\/(.+)$/.exec(path);
    if (m) {
      const ref = decodeURIComponent(m[1] ?? '');
      const c = state.configs?.find((x) => x.id === ref);
      if (c) json(c.raw);
      else notFound(`config ${ref} not found`);
      return;
    }
    if (path === '/tasks') {
      const filters = JSON.parse(url.searchParams.get('filters') ?? '{}') as { node?: Record<string, boolean> };
      const nodes = Object.keys(filters.node ?? {});
      json(`${JSON.stringify((state.tasks ?? []).filter((t) => nodes.length === 0 || nodes.includes(t.NodeID ?? '')))}\n`);
      return;
    }
    notFound(`page not found: ${path}`);
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
