/**
 * A scripted Engine API for the service convergence wait: POST /services/create answers the
 * script's service ID; each GET /services/{id} starts the next poll of the script
 * (test/support/service-progress-cases.ts), whose tasks and nodes GET /tasks and GET /nodes
 * then return. Records every request except /_ping.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ProgressScript, SERVICE_ID, nodesAt, serviceAt, tasksAt } from './service-progress-cases.ts';

export interface ProgressDaemon {
  readonly host: string;
  /** Requests seen (X-Registry-Auth in `auth` when sent). */
  readonly requests: Array<{ method: string; url: string; body: string; auth?: string }>;
  close(): Promise<void>;
}

/** A canned answer for "METHOD /path" (path without version and query), replacing the script's. */
export interface CannedReply {
  readonly status: number;
  readonly json: unknown;
}

export async function startProgressDaemon(script: ProgressScript, replies: Readonly<Record<string, CannedReply>> = {}): Promise<ProgressDaemon> {
  const dir = mkdtempSync(join(tmpdir(), 'tsw-progress-fake-'));
  const socket = join(dir, 'docker.sock');
  const requests: Array<{ method: string; url: string; body: string; auth?: string }> = [];
  let poll = -1;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '';
      const method = req.method ?? '';
      if (url === '/_ping') {
        res.writeHead(200, { 'Api-Version': '1.41', Ostype: 'linux', 'Docker-Experimental': 'false', Swarm: 'active/manager' });
        res.end(method === 'HEAD' ? undefined : 'OK');
        return;
      }
      const auth = req.headers['x-registry-auth'];
      requests.push({ method, url, body: Buffer.concat(chunks).toString('utf8'), ...(typeof auth === 'string' ? { auth } : {}) });
      const path = url.replace(/^\/v[\d.]+/, '').replace(/\?.*$/, '');
      const json = (status: number, v: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(`${JSON.stringify(v)}\n`);
      };
      const canned = replies[`${method} ${path}`];
      if (canned) return json(canned.status, canned.json);
      if (method === 'POST' && path === '/services/create') return json(201, { ID: SERVICE_ID });
      if (method === 'GET' && path === `/services/${SERVICE_ID}`) {
        poll++;
        return json(200, serviceAt(script, poll));
      }
      if (method === 'GET' && path === '/tasks') return json(200, tasksAt(script, Math.max(poll, 0)));
      if (method === 'GET' && path === '/nodes') return json(200, nodesAt(script, Math.max(poll, 0)));
      return json(404, { message: `page not found: ${method} ${path}` });
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
