/**
 * The engine client end to end (client.ts → negotiate.ts → transport.ts → docker-modem) against
 * a fake Engine API server on a temporary unix socket that records every request.
 *
 * Expected error texts are the ones the real docker 28.2.2 client printed for the same
 * situation; the "same as the real docker client" suite re-checks them live when a docker >= 28
 * client is on PATH (the only difference allowed: docker 28 falls back to /v1.50/ when it cannot
 * negotiate, tsw to its own maximum /v1.50/).
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DaemonError } from '../../src/errors.ts';
import { createEngine, filtersQuery } from '../../src/engine/client.ts';
import { jsonString } from '../../src/go/json.ts';
import { resolveEndpoint, type EndpointFlags } from '../../src/engine/endpoint.ts';
import {
  connectionErrorFrom,
  EngineConnectionError,
  goJSONSyntaxError,
} from '../../src/engine/errors.ts';
import { MAX_API_VERSION } from '../../src/engine/negotiate.ts';
import { compareVersions } from '../../src/go/versions.ts';
import { quote } from '../../src/go/quote.ts';
import { goEncodeQuery, goEscapeHost, goEscapePath, goPathJoin } from '../../src/engine/transport.ts';
import type { Engine } from '../../src/engine/types.ts';
import { oracle } from '../support/oracle.ts';

// ---------------------------------------------------------------------------------------------
// A fake daemon

interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (req: Recorded, res: ServerResponse) => void;

interface FakeDaemon {
  readonly socket: string;
  readonly requests: Recorded[];
  apiVersion: string | undefined;
  handler: Handler;
  close(): Promise<void>;
}

const tmp = mkdtempSync(join(tmpdir(), 'tsw-transport-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

let sockCount = 0;

async function fakeDaemon(handler: Handler = (_r, res) => json(res, 200, '[]')): Promise<FakeDaemon> {
  const socket = join(tmp, `d${sockCount++}.sock`);
  const requests: Recorded[] = [];
  const state: FakeDaemon = {
    socket,
    requests,
    apiVersion: '1.41',
    handler,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  const server: Server = createHttpServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const rec = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      requests.push(rec);
      if (req.url === '/_ping') {
        const h: Record<string, string> = { Ostype: 'linux', Swarm: 'active/manager', 'Docker-Experimental': 'false' };
        if (state.apiVersion !== undefined) h['Api-Version'] = state.apiVersion;
        // dockerd answers HEAD /_ping with an explicit empty body.
        if (req.method === 'HEAD') h['Content-Length'] = '0';
        res.writeHead(200, h);
        res.end(req.method === 'HEAD' ? undefined : 'OK');
        return;
      }
      state.handler(rec, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return state;
}

function json(res: ServerResponse, status: number, body: string, contentType = 'application/json'): void {
  res.writeHead(status, { 'Content-Type': contentType });
  res.end(body);
}

const nodeLsQuery = '?filters=%7B%22name%22%3A%7B%22a%22%3Atrue%7D%2C%22role%22%3A%7B%22manager%22%3Atrue%7D%7D';

function engineFor(
  host: string,
  opts: { env?: Record<string, string>; flags?: Partial<EndpointFlags>; files?: Record<string, string> } = {},
): Engine {
  const env = { HOME: '/nonexistent-home', ...opts.env };
  const flags = { host: [host], ...opts.flags };
  const r = resolveEndpoint({
    flags: { tls: false, tlsverify: false, ...flags, set: new Set(Object.keys(flags)) },
    env,
    homedir: '/nonexistent-home',
    readFile: (p) => {
      const v = opts.files?.[p];
      if (v === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT', syscall: 'open' });
      return v;
    },
  });
  return createEngine(r, { env, userAgent: 'Docker-Client/28.2.2 (linux)', nameserver: '10.255.255.53:53', dialTimeoutMs: 2000 });
}

async function errorOf(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  assert.fail('expected the call to fail');
}

// ---------------------------------------------------------------------------------------------

describe('requests', () => {
  let d: FakeDaemon;
  before(async () => (d = await fakeDaemon()));
  after(() => d.close());

  it('pings once (HEAD /_ping, unversioned), then prefixes the negotiated version', async () => {
    d.requests.length = 0;
    d.apiVersion = '1.41';
    const e = engineFor(`unix://${d.socket}`);
    await e.listNodes();
    await e.listNodes();
    e.close();
    assert.deepEqual(
      d.requests.map((r) => `${r.method} ${r.url}`),
      ['HEAD /_ping', 'GET /v1.41/nodes', 'GET /v1.41/nodes'],
    );
  });

  it('a newer daemon is capped at tsw\'s maximum (1.50)', async () => {
    d.requests.length = 0;
    d.apiVersion = '1.99';
    const e = engineFor(`unix://${d.socket}`);
    assert.equal(await e.apiVersion(), MAX_API_VERSION);
    await e.listNodes();
    e.close();
    assert.equal(d.requests.at(-1)?.url, '/v1.50/nodes');
    d.apiVersion = '1.41';
  });

  it('a ping without Api-Version means 1.24', async () => {
    d.requests.length = 0;
    d.apiVersion = undefined;
    const e = engineFor(`unix://${d.socket}`);
    await e.listNodes();
    e.close();
    assert.equal(d.requests.at(-1)?.url, '/v1.24/nodes');
    d.apiVersion = '1.41';
  });

  it('DOCKER_API_VERSION pins the version (with or without v) and skips negotiation', async () => {
    d.requests.length = 0;
    const e = engineFor(`unix://${d.socket}`, { env: { DOCKER_API_VERSION: 'v1.44' } });
    await e.listNodes();
    e.close();
    assert.deepEqual(d.requests.map((r) => `${r.method} ${r.url}`), ['GET /v1.44/nodes']);
  });

  it('concurrent first requests share one ping', async () => {
    d.requests.length = 0;
    const e = engineFor(`unix://${d.socket}`);
    await Promise.all([e.listNodes(), e.listNodes(), e.apiVersion()]);
    e.close();
    assert.equal(d.requests.filter((r) => r.url === '/_ping').length, 1);
  });

  it('ping() reports the daemon headers', async () => {
    const e = engineFor(`unix://${d.socket}`);
    assert.deepEqual(await e.ping(), { apiVersion: '1.41', osType: 'linux', experimental: false, swarm: 'active/manager' });
    e.close();
  });

  it('filters go as filters=<JSON> with sorted keys, exactly like docker node ls --filter', async () => {
    d.requests.length = 0;
    const e = engineFor(`unix://${d.socket}`);
    await e.listNodes({ role: { manager: true }, name: { a: true } });
    await e.listNodes({});
    e.close();
    // Recorded from docker 28.2.2: docker node ls --filter role=manager --filter name=a
    assert.equal(d.requests.at(-2)?.url, `/v1.41/nodes${nodeLsQuery}`);
    assert.equal(d.requests.at(-1)?.url, '/v1.41/nodes');
  });

  it('headers: User-Agent, Host, custom headers; the User-Agent cannot be overridden', async () => {
    d.requests.length = 0;
    const files = { '/cfg/config.json': '{"HttpHeaders":{"x-from-config":"c1","User-Agent":"nope"}}' };
    const e = engineFor(`unix://${d.socket}`, { env: { DOCKER_CONFIG: '/cfg' }, files });
    await e.listNodes();
    e.close();
    const h = d.requests.at(-1)?.headers ?? {};
    assert.equal(h['user-agent'], 'Docker-Client/28.2.2 (linux)');
    assert.equal(h['host'], 'api.moby.localhost');
    assert.equal(h['x-from-config'], 'c1');
    const e2 = engineFor(`unix://${d.socket}`, { env: { DOCKER_CONFIG: '/cfg', DOCKER_CUSTOM_HEADERS: 'x-env=e1' }, files });
    await e2.listNodes();
    e2.close();
    const h2 = d.requests.at(-1)?.headers ?? {};
    assert.equal(h2['x-env'], 'e1');
    assert.equal(h2['x-from-config'], undefined);
  });

  it('POST bodies are JSON and never copied into the URL (no secret data in query strings)', async () => {
    d.requests.length = 0;
    d.handler = (_r, res) => json(res, 201, '{"ID":"s1"}');
    const e = engineFor(`unix://${d.socket}`);
    const spec = { Name: 's', Data: 'dG9wc2VjcmV0', Labels: {} };
    const r = await e.request({ method: 'POST', path: '/secrets/create', body: spec });
    await e.request({ method: 'POST', path: '/nodes/n1/update', query: { version: 12 }, body: { Role: 'manager' } });
    await e.request({ method: 'POST', path: '/swarm/leave', query: { force: true } });
    e.close();
    d.handler = (_r, res) => json(res, 200, '[]');
    assert.deepEqual(r, { value: { ID: 's1' }, raw: '{"ID":"s1"}' });
    const [create, update, leave] = d.requests.filter((x) => x.method === 'POST');
    assert.equal(create?.url, '/v1.41/secrets/create');
    assert.equal(create?.body, `${JSON.stringify(spec)}\n`);
    assert.equal(create?.headers['content-type'], 'application/json');
    assert.equal(update?.url, '/v1.41/nodes/n1/update?version=12');
    assert.equal(update?.body, '{"Role":"manager"}\n');
    assert.equal(leave?.url, '/v1.41/swarm/leave?force=true');
    assert.equal(leave?.body, '');
    assert.equal(leave?.headers['content-type'], undefined);
    for (const x of d.requests) assert.doesNotMatch(x.url, /dG9wc2VjcmV0|Data=/);
  });

  it('paths are escaped and cleaned like Go (path.Join + url.URL.String)', async () => {
    d.requests.length = 0;
    const e = engineFor(`unix://${d.socket}`);
    await e.inspectNode(' a b?c ').catch(() => undefined);
    e.close();
    assert.equal(d.requests.at(-1)?.url, '/v1.41/nodes/a%20b%3Fc');
    assert.equal(goPathJoin('', '/v1.41', '/nodes/../x/'), '/v1.41/x');
    assert.equal(goPathJoin('/base/', '/v1.41', '/nodes'), '/base/v1.41/nodes');
    assert.equal(goEscapePath('/a:b@c$d&e+f,g;h=i/ä'), '/a:b@c$d&e+f,g;h=i/%C3%A4');
    assert.equal(goEscapeHost('/var/run/docker.sock'), '%2Fvar%2Frun%2Fdocker.sock');
    assert.equal(goEncodeQuery({ b: 'x y', a: '1&2', c: undefined, d: false }), 'a=1%262&b=x+y&d=false');
  });

  it('an empty node reference fails before any request', async () => {
    const e = engineFor(`unix://${d.socket}`);
    const err = await errorOf(e.inspectNode('  '));
    e.close();
    assert.equal(err.message, 'invalid node name or ID: value is empty');
  });

  it('inspect keeps the daemon\'s raw bytes', async () => {
    const raw = '{"ID":"abc","Spec":{"Role":"manager","Name":"x"},  "Description":{"Hostname":"h\\u003c"}}\n';
    d.handler = (_r, res) => json(res, 200, raw);
    const e = engineFor(`unix://${d.socket}`);
    const r = await e.inspectNode('abc');
    e.close();
    d.handler = (_r, res) => json(res, 200, '[]');
    assert.equal(r.raw, raw);
    assert.equal(r.value.ID, 'abc');
    assert.equal(r.value.Description?.Hostname, 'h<');
  });

  it('version() and info()', async () => {
    d.handler = (r, res) => json(res, 200, r.url.endsWith('/version') ? '{"ApiVersion":"1.41"}' : '{"Swarm":{"NodeID":"n"}}');
    const e = engineFor(`unix://${d.socket}`);
    assert.equal((await e.version()).ApiVersion, '1.41');
    assert.equal((await e.info()).Swarm?.NodeID, 'n');
    e.close();
    d.handler = (_r, res) => json(res, 200, '[]');
  });
});

describe('streams', () => {
  let d: FakeDaemon;
  before(
    async () =>
      (d = await fakeDaemon((r, res) => {
        if (r.url.includes('missing')) return json(res, 404, '{"message":"service missing not found"}');
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('{"a":1}\n');
        setTimeout(() => res.end('{"a":2}\n'), 20);
      })),
  );
  after(() => d.close());

  it('stream() hands over the body as it arrives', async () => {
    const { createTransport } = await import('../../src/engine/transport.ts');
    const r = resolveEndpoint({ flags: { host: [`unix://${d.socket}`], tls: false, tlsverify: false, set: new Set(['host']) }, env: {}, homedir: '/x', readFile: () => { throw Object.assign(new Error(), { code: 'ENOENT' }); } });
    assert.ok(r.ok);
    const t = await createTransport({ endpoint: r.endpoint, env: {}, userAgent: 'ua', version: async () => '1.41' });
    const stream = await t.stream({ method: 'GET', path: '/events' });
    let text = '';
    for await (const chunk of stream) text += String(chunk);
    assert.equal(text, '{"a":1}\n{"a":2}\n');
    const err = await errorOf(t.stream({ method: 'GET', path: '/services/missing/logs' }));
    assert.ok(err instanceof DaemonError);
    assert.equal(err.message, 'Error response from daemon: service missing not found');
    assert.equal(err.statusCode, 404);
    t.close();
    // The same through the Engine.
    const e = engineFor(`unix://${d.socket}`);
    let viaEngine = '';
    for await (const chunk of await e.stream({ method: 'GET', path: '/events', query: { since: '1' } })) viaEngine += String(chunk);
    assert.equal(viaEngine, '{"a":1}\n{"a":2}\n');
    assert.equal((await errorOf(e.stream({ method: 'GET', path: '/services/missing/logs' }))).message, 'Error response from daemon: service missing not found');
    e.close();
    assert.ok(d.requests.some((r) => r.url === '/v1.41/events?since=1'));
  });
});

describe('daemon error responses (client.checkResponseErr)', () => {
  const cases: Array<[string, Handler, string, number]> = [
    ['JSON message', (_r, res) => json(res, 404, '{"message":"node x not found\\n"}'), 'Error response from daemon: node x not found', 404],
    ['JSON without message', (_r, res) => json(res, 404, '{}'), 'Error response from daemon: API returned a 404 (Not Found) but provided no error-message', 404],
    ['broken JSON', (_r, res) => json(res, 500, '{nope'), "Error reading JSON: invalid character 'n' looking for beginning of object key string", 500],
    ['JSON with a charset is treated as text', (_r, res) => json(res, 500, '{"message":"x"}', 'application/json; charset=utf-8'), 'Error response from daemon: {"message":"x"}', 500],
    ['plain text', (_r, res) => json(res, 500, '  some text error \n', 'text/plain'), 'Error response from daemon: some text error', 500],
    [
      'empty body',
      (_r, res) => { res.writeHead(503); res.end(); },
      `request returned 503 Service Unavailable for API route and version http://%2F<sock>/v1.41/nodes${nodeLsQuery}, check if the server supports the requested API version`,
      503,
    ],
    [
      'unknown status, empty body',
      (_r, res) => { res.writeHead(599); res.end(); },
      `request returned 599 unknown for API route and version http://%2F<sock>/v1.41/nodes${nodeLsQuery}, check if the server supports the requested API version`,
      599,
    ],
    [
      'body over 1 MiB',
      (_r, res) => json(res, 500, 'x'.repeat(1024 * 1024 + 10), 'text/plain'),
      `request returned 500 Internal Server Error with a message (> 1048576 bytes) for API route and version http://%2F<sock>/v1.41/nodes${nodeLsQuery}, check if the server supports the requested API version`,
      500,
    ],
    [
      'swarm not active (503 JSON)',
      (_r, res) => json(res, 503, '{"message":"This node is not a swarm manager. Use \\"docker swarm init\\" or \\"docker swarm join\\" to connect this node to swarm and try again."}'),
      'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.',
      503,
    ],
  ];
  for (const [name, handler, want, status] of cases) {
    it(name, async () => {
      const d = await fakeDaemon(handler);
      const e = engineFor(`unix://${d.socket}`);
      const err = await errorOf(e.listNodes({ role: { manager: true }, name: { a: true } }));
      e.close();
      await d.close();
      assert.ok(err instanceof DaemonError);
      assert.equal(err.statusCode, status);
      assert.equal(err.message, want.replace('%2F<sock>', goEscapeHost(d.socket)));
    });
  }

  it('JSON error bodies of the wrong shape', () => {
    assert.equal(goJSONSyntaxError('{"a":1} x'), "invalid character 'x' after top-level value");
    assert.equal(goJSONSyntaxError('[1,]'), "invalid character ']' looking for beginning of value");
    assert.equal(goJSONSyntaxError('{"a" 1}'), "invalid character '1' after object key");
    assert.equal(goJSONSyntaxError('{"a":1 "b"}'), 'invalid character \'"\' after object key:value pair');
    assert.equal(goJSONSyntaxError('"\x01"'), "invalid character '\\x01' in string literal");
    assert.equal(goJSONSyntaxError('tru'), 'unexpected end of JSON input');
    assert.equal(goJSONSyntaxError('trux'), "invalid character 'x' in literal true (expecting 'e')");
    assert.equal(goJSONSyntaxError('-x'), "invalid character 'x' in numeric literal");
    assert.equal(goJSONSyntaxError('01'), "invalid character '1' after top-level value");
    assert.equal(goJSONSyntaxError('{"a":[1 2]}'), "invalid character '2' after array element");
    assert.equal(goJSONSyntaxError('{"a":1}'), undefined);
    assert.equal(goJSONSyntaxError('', true), 'EOF');
    assert.equal(goJSONSyntaxError('{"a":', true), 'unexpected EOF');
  });
});

describe('connection errors', () => {
  it('missing unix socket', async () => {
    const e = engineFor('unix:///nonexistent/docker.sock');
    const err = await errorOf(e.listNodes());
    e.close();
    assert.ok(err instanceof EngineConnectionError);
    assert.equal(err.message, 'Cannot connect to the Docker daemon at unix:///nonexistent/docker.sock. Is the docker daemon running?');
  });

  it('connection refused (tcp)', async () => {
    const port = await freePort();
    const e = engineFor(`tcp://127.0.0.1:${port}`);
    const err = await errorOf(e.listNodes());
    e.close();
    assert.equal(err.message, `Cannot connect to the Docker daemon at tcp://127.0.0.1:${port}. Is the docker daemon running?`);
  });

  it('the daemon hangs up without answering: EOF (and the maximum version, negotiation having failed)', async () => {
    const sock = join(tmp, 'hangup.sock');
    const srv = createNetServer((c) => c.destroy());
    await new Promise<void>((r) => srv.listen(sock, r));
    const e = engineFor(`unix://${sock}`);
    const err = await errorOf(e.listNodes({ role: { manager: true }, name: { a: true } }));
    e.close();
    srv.close();
    assert.equal(err.message, `error during connect: Get "http://${goEscapeHost(sock)}/v1.50/nodes${nodeLsQuery}": EOF`);
  });

  it('a TLS daemon answering a plain client', async () => {
    const sock = join(tmp, 'tlsalert.sock');
    const srv = createNetServer((c) => c.once('data', () => c.end(Buffer.from([0x15, 3, 1, 0, 2, 2, 0x16]))));
    await new Promise<void>((r) => srv.listen(sock, r));
    const e = engineFor(`unix://${sock}`);
    const err = await errorOf(e.listNodes());
    e.close();
    srv.close();
    assert.equal(
      err.message,
      `Get "http://${goEscapeHost(sock)}/v1.50/nodes": net/http: HTTP/1.x transport connection broken: malformed HTTP response "\\x15\\x03\\x01\\x00\\x02\\x02\\x16".\n* Are you trying to connect to a TLS-enabled daemon without TLS?`,
    );
  });

  it('a non-HTTP answer with a space in it: malformed status code', async () => {
    const sock = join(tmp, 'garbage.sock');
    const srv = createNetServer((c) => c.once('data', () => c.end('hello world\r\nfoo\r\n\r\n')));
    await new Promise<void>((r) => srv.listen(sock, r));
    const e = engineFor(`unix://${sock}`);
    const err = await errorOf(e.listNodes());
    e.close();
    srv.close();
    assert.equal(
      err.message,
      `error during connect: Get "http://${goEscapeHost(sock)}/v1.50/nodes": net/http: HTTP/1.x transport connection broken: malformed HTTP status code "world"`,
    );
  });

  it('Node error objects map to docker\'s texts', () => {
    const unix = { method: 'GET', url: 'http://%2Fs.sock/v1.50/nodes', host: 'unix:///s.sock', scheme: 'http' as const, socketPath: '/s.sock' };
    const tcp = { method: 'GET', url: 'http://foo:2375/v1.50/nodes', host: 'tcp://foo:2375', scheme: 'http' as const, hostname: 'foo', nameserver: '10.255.255.53:53' };
    const sys = (code: string, extra: object = {}) => Object.assign(new Error(code), { code, syscall: 'connect', ...extra });
    // Real docker 28.2.2 under setpriv (uid 65534) against a root-only socket:
    assert.equal(
      connectionErrorFrom(sys('EACCES', { address: '/s.sock' }), unix).message,
      'permission denied while trying to connect to the Docker daemon socket at unix:///s.sock: Get "http://%2Fs.sock/v1.50/nodes": dial unix /s.sock: connect: permission denied',
    );
    assert.equal(connectionErrorFrom(sys('ENOENT'), unix).message, 'Cannot connect to the Docker daemon at unix:///s.sock. Is the docker daemon running?');
    assert.equal(connectionErrorFrom(sys('ECONNREFUSED'), unix).message, 'Cannot connect to the Docker daemon at unix:///s.sock. Is the docker daemon running?');
    // docker 28.2.2, DOCKER_HOST=foo:
    assert.equal(
      connectionErrorFrom(Object.assign(new Error('getaddrinfo ENOTFOUND foo'), { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: 'foo' }), tcp).message,
      'error during connect: Get "http://foo:2375/v1.50/nodes": dial tcp: lookup foo on 10.255.255.53:53: no such host',
    );
    assert.equal(connectionErrorFrom(sys('ETIMEDOUT', { address: '10.1.1.1', port: 2375 }), tcp).message, 'Cannot connect to the Docker daemon at tcp://foo:2375. Is the docker daemon running?');
    assert.equal(
      connectionErrorFrom(sys('ENETUNREACH', { address: '10.1.1.1', port: 2375 }), tcp).message,
      'error during connect: Get "http://foo:2375/v1.50/nodes": dial tcp 10.1.1.1:2375: connect: network is unreachable',
    );
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    assert.equal(connectionErrorFrom(abort, tcp), abort);
  });

  it('Go quoting', () => {
    assert.equal(quote('a"b\\c\n\x7fé'), '"a\\"b\\\\c\\n\\x7fé"');
    assert.equal(compareVersions('1.9', '1.10'), -1);
    assert.equal(compareVersions('1.41', '1.41'), 0);
    assert.equal(jsonString('a<b>&"\n', true), '"a\\u003cb\\u003e\\u0026\\"\\n"');
    assert.deepEqual(filtersQuery({ role: { manager: true }, name: { a: true } }), {
      filters: '{"name":{"a":true},"role":{"manager":true}}',
    });
    assert.deepEqual(filtersQuery({}), {});
  });

  it('a failed resolution fails every call with docker\'s message', async () => {
    const e = engineFor('tcp://foo:bar');
    const msg = 'Failed to initialize: unable to resolve docker endpoint: parse "tcp://foo:bar": invalid port ":bar" after host';
    assert.equal((await errorOf(e.listNodes())).message, msg);
    assert.equal((await errorOf(e.apiVersion())).message, msg);
    e.close();
  });
});

async function freePort(): Promise<number> {
  const srv = createNetServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

// ---------------------------------------------------------------------------------------------
// ssh:// through a fake `ssh` on PATH

describe('ssh:// via the system ssh binary', () => {
  let d: FakeDaemon;
  let bin: string;
  let log: string;
  before(async () => {
    d = await fakeDaemon();
    bin = mkdtempSync(join(tmp, 'bin-'));
    log = join(bin, 'argv.log');
    // A fake ssh: records its argv, then relays its stdio to the fake daemon's socket.
    writeFileSync(
      join(bin, 'ssh'),
      `#!${process.execPath}
const fs = require('fs'), net = require('net');
fs.appendFileSync(process.env.FAKE_SSH_LOG, JSON.stringify(process.argv.slice(2)) + '\\n');
if (process.env.FAKE_SSH_FAIL) { process.stderr.write(process.env.FAKE_SSH_FAIL + '\\n'); process.exit(255); }
const c = net.connect(process.env.FAKE_SSH_SOCKET);
process.stdin.pipe(c); c.pipe(process.stdout);
c.on('close', () => process.exit(0));
process.stdin.on('end', () => c.end());
`,
    );
    chmodSync(join(bin, 'ssh'), 0o755);
  });
  after(() => d.close());

  const sshEnv = (extra: Record<string, string> = {}) => ({
    PATH: `${bin}:/usr/bin:/bin`,
    FAKE_SSH_LOG: log,
    FAKE_SSH_SOCKET: d.socket,
    ...extra,
  });
  const argvs = () => readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as string[]);

  it('runs ssh with docker\'s arguments and speaks HTTP over its stdio', async () => {
    writeFileSync(log, '');
    d.requests.length = 0;
    const e = engineFor('ssh://me@myhost:2222/var/run/x.sock', { env: sshEnv() });
    assert.equal(e.host, 'http://docker.example.com');
    await e.listNodes();
    await e.listNodes();
    e.close();
    assert.deepEqual(argvs()[0], [
      '-o ConnectTimeout=30', '-T', '-l', 'me', '-p', '2222', '--', 'myhost', 'docker', '--host', 'unix:///var/run/x.sock', 'system', 'dial-stdio',
    ]);
    // One ssh process serves the ping and both requests (keep-alive).
    assert.equal(argvs().length, 1);
    assert.deepEqual(d.requests.map((r) => `${r.method} ${r.url} ${r.headers.host}`), [
      'HEAD /_ping docker.example.com',
      'GET /v1.41/nodes docker.example.com',
      'GET /v1.41/nodes docker.example.com',
    ]);
  });

  it('ssh failing: docker\'s commandconn message with ssh\'s stderr', async () => {
    writeFileSync(log, '');
    const e = engineFor('ssh://myhost', { env: sshEnv({ FAKE_SSH_FAIL: 'ssh: connect to host myhost port 22: Connection refused' }) });
    const err = await errorOf(e.listNodes());
    e.close();
    assert.deepEqual(argvs()[0], ['-o ConnectTimeout=30', '-T', '--', 'myhost', 'docker', 'system', 'dial-stdio']);
    // docker 28.2.2 printed exactly this (with /v1.50/):
    assert.equal(
      err.message,
      'error during connect: Get "http://docker.example.com/v1.50/nodes": command [ssh -o ConnectTimeout=30 -T -- myhost docker system dial-stdio] has exited with exit status 255, make sure the URL is valid, and Docker 18.09 or later is installed on the remote host: stderr=ssh: connect to host myhost port 22: Connection refused\n',
    );
  });

  it('no ssh binary', async () => {
    const e = engineFor('ssh://host', { env: { PATH: mkdtempSync(join(tmp, 'empty-')) } });
    const err = await errorOf(e.listNodes());
    e.close();
    assert.equal(err.message, 'error during connect: Get "http://docker.example.com/v1.50/nodes": exec: "ssh": executable file not found in $PATH');
  });
});

// ---------------------------------------------------------------------------------------------
// https (certificates made with openssl when it is available)

const haveOpenssl = spawnSync('openssl', ['version']).status === 0;

describe('tcp + TLS', { skip: !haveOpenssl && 'openssl not available' }, () => {
  let dir: string;
  let port: number;
  let mtlsPort: number;
  const servers: Server[] = [];
  const pem = (f: string) => readFileSync(join(dir, f));

  before(async () => {
    dir = mkdtempSync(join(tmp, 'tls-'));
    const ssl = (...args: string[]) => {
      const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    };
    ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=test-ca');
    ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server-key.pem', '-out', 'server.csr', '-subj', '/CN=localhost');
    writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
    ssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', 'server-cert.pem', '-days', '2', '-extfile', 'ext.cnf');
    ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'client.csr', '-subj', '/CN=client');
    ssl('x509', '-req', '-in', 'client.csr', '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', 'cert.pem', '-days', '2');
    ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'other-key.pem', '-out', 'other-ca.pem', '-days', '2', '-subj', '/CN=other');
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      if (req.url === '/_ping') {
        res.writeHead(200, { 'Api-Version': '1.45', 'Content-Length': '0' });
        return res.end();
      }
      json(res, 200, '[]');
    };
    const listen = async (mtls: boolean) => {
      const s = createHttpsServer(
        { key: pem('server-key.pem'), cert: pem('server-cert.pem'), ca: pem('ca.pem'), requestCert: mtls, rejectUnauthorized: mtls },
        handler,
      );
      servers.push(s);
      await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
      return (s.address() as AddressInfo).port;
    };
    port = await listen(false);
    mtlsPort = await listen(true);
  });
  after(() => {
    for (const s of servers) {
      s.closeAllConnections();
      s.close();
    }
  });

  const run = async (p: number, flags: Partial<EndpointFlags>, host = '127.0.0.1') => {
    const files: Record<string, string> = {};
    for (const f of ['ca.pem', 'cert.pem', 'key.pem', 'other-ca.pem', 'other-key.pem']) files[join(dir, f)] = pem(f).toString();
    const e = engineFor(`tcp://${host}:${p}`, { flags, files });
    try {
      return await e.listNodes();
    } finally {
      e.close();
    }
  };

  it('--tls without verification, --tlsverify with the CA', async () => {
    assert.deepEqual(await run(port, { tls: true, tlscacert: join(dir, 'other-ca.pem') }), []);
    assert.deepEqual(await run(port, { tlsverify: true, tlscacert: join(dir, 'ca.pem') }), []);
    assert.deepEqual(await run(port, { tlsverify: true, tlscacert: join(dir, 'ca.pem') }, 'localhost'), []);
  });

  it('an unknown CA (docker 28.2.2: same text)', async () => {
    const err = await errorOf(run(port, { tlsverify: true, tlscacert: join(dir, 'other-ca.pem') }));
    assert.equal(
      err.message,
      `error during connect: Get "https://127.0.0.1:${port}/v1.50/nodes": tls: failed to verify certificate: x509: certificate signed by unknown authority`,
    );
  });

  it('a daemon that wants a client certificate', async () => {
    const err = await errorOf(run(mtlsPort, { tlsverify: true, tlscacert: join(dir, 'ca.pem') }));
    // docker 28.2.2 printed the same text (with the version it negotiated before the failure).
    assert.equal(err.message, `error during connect: Get "https://127.0.0.1:${mtlsPort}/v1.50/nodes": remote error: tls: certificate required`);
    assert.deepEqual(
      await run(mtlsPort, { tlsverify: true, tlscacert: join(dir, 'ca.pem'), tlscert: join(dir, 'cert.pem'), tlskey: join(dir, 'key.pem') }),
      [],
    );
  });

  it('NODE_EXTRA_CA_CERTS that bin/tsw kept from node start-up: added to the bundled roots when no CA is named', async () => {
    const flags = { host: [`tcp://127.0.0.1:${port}`], tls: false, tlsverify: true, tlscacert: join(dir, 'ca.pem') };
    const r = resolveEndpoint({
      flags: { ...flags, set: new Set(Object.keys(flags)) },
      env: {},
      homedir: '/nonexistent-home',
      readFile: (p) => readFileSync(p),
    });
    assert.ok(r.ok && r.endpoint.tls);
    // A context with TLS verification and no ca.pem: the default store.
    const { ca: _ca, ...noCA } = r.endpoint.tls;
    const resolution = { ...r, endpoint: { ...r.endpoint, tls: noCA } };
    const list = async (extraCACerts?: string) => {
      const e = createEngine(resolution, { env: {}, userAgent: 'x', dialTimeoutMs: 2000, ...(extraCACerts ? { extraCACerts } : {}) });
      try {
        return await e.listNodes();
      } finally {
        e.close();
      }
    };
    assert.deepEqual(await list(join(dir, 'ca.pem')), []);
    assert.match((await errorOf(list())).message, /certificate signed by unknown authority/);
    assert.match((await errorOf(list(join(dir, 'missing.pem')))).message, /certificate signed by unknown authority/);
    assert.match((await errorOf(list(join(dir, 'other-ca.pem')))).message, /certificate signed by unknown authority/);
  });

  it('bad certificate files fail at start-up like docker', async () => {
    const cases: Array<[Partial<EndpointFlags>, string]> = [
      [{ tlscacert: join(dir, 'key.pem') }, 'Failed to initialize: failed to retrieve context tls info: ca.pem seems invalid'],
      [
        { tlscacert: join(dir, 'ca.pem'), tlscert: join(dir, 'cert.pem'), tlskey: join(dir, 'ca.pem') },
        'Failed to initialize: failed to retrieve context tls info: tls: found a certificate rather than a key in the PEM for the private key',
      ],
      [
        { tlscacert: join(dir, 'ca.pem'), tlscert: join(dir, 'cert.pem'), tlskey: join(dir, 'other-key.pem') },
        'Failed to initialize: failed to retrieve context tls info: tls: private key does not match public key',
      ],
    ];
    for (const [flags, want] of cases) {
      const err = await errorOf(run(mtlsPort, { tlsverify: true, ...flags }));
      assert.equal(err.message, want);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Live comparison with the real docker client

let dockerBin: string | undefined;
try {
  dockerBin = oracle();
} catch {
  dockerBin = undefined;
}

function dockerStderr(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    execFile(dockerBin as string, args, { env: { PATH: process.env['PATH'] ?? '', HOME: join(tmp, 'home'), ...env }, timeout: 30_000 }, (_e, _out, stderr) =>
      resolve(String(stderr)),
    );
  });
}

describe('same as the real docker client', { skip: !dockerBin && 'no docker >= 28 on PATH' }, () => {
  /** docker 28 uses its own default version (1.50) when it could not negotiate. */
  const norm = (s: string) => s.replace('/v1.50/', `/v${MAX_API_VERSION}/`).replace(/\n$/, '');

  const scenarios: Array<[string, () => Promise<{ host: string; done(): Promise<void> | void }>]> = [
    ['missing socket', async () => ({ host: 'unix:///nonexistent/docker.sock', done: () => undefined })],
    [
      'connection refused',
      async () => ({ host: `tcp://127.0.0.1:${await freePort()}`, done: () => undefined }),
    ],
    [
      'hang-up (EOF)',
      async () => {
        const sock = join(tmp, `live-eof-${sockCount++}.sock`);
        const srv = createNetServer((c) => c.once('data', () => c.end()));
        await new Promise<void>((r) => srv.listen(sock, r));
        return { host: `unix://${sock}`, done: () => void srv.close() };
      },
    ],
    [
      'TLS alert bytes',
      async () => {
        const sock = join(tmp, `live-tls-${sockCount++}.sock`);
        const srv = createNetServer((c) => c.once('data', () => c.end(Buffer.from([0x15, 3, 1, 0, 2, 2, 0x16]))));
        await new Promise<void>((r) => srv.listen(sock, r));
        return { host: `unix://${sock}`, done: () => void srv.close() };
      },
    ],
    ...(
      [
        ['404 JSON', (_r: Recorded, res: ServerResponse) => json(res, 404, '{"message":"node x not found"}')],
        ['empty 404 JSON', (_r: Recorded, res: ServerResponse) => json(res, 404, '{}')],
        ['broken JSON', (_r: Recorded, res: ServerResponse) => json(res, 500, '{nope')],
        ['text', (_r: Recorded, res: ServerResponse) => json(res, 500, ' oops \n', 'text/plain')],
        ['empty 503', (_r: Recorded, res: ServerResponse) => { res.writeHead(503); res.end(); }],
      ] as Array<[string, Handler]>
    ).map(([name, h]): [string, () => Promise<{ host: string; done(): Promise<void> }>] => [
      name,
      async () => {
        const d = await fakeDaemon(h);
        return { host: `unix://${d.socket}`, done: () => d.close() };
      },
    ]),
  ];

  for (const [name, setup] of scenarios) {
    it(name, async () => {
      const s = await setup();
      try {
        const want = norm(await dockerStderr(['-H', s.host, 'node', 'ls', '--filter', 'role=manager'], {}));
        const e = engineFor(s.host);
        const err = await errorOf(e.listNodes({ role: { manager: true } }));
        e.close();
        assert.equal(err.message, want);
      } finally {
        await s.done();
      }
    });
  }

  it('endpoint errors', async () => {
    const cases: Array<[string[], Partial<EndpointFlags>]> = [
      [['-H', 'tcp://foo:bar'], { host: ['tcp://foo:bar'] }],
      [['-H', 'http://foo'], { host: ['http://foo'] }],
      [['-H', 'ssh://user:pw@host'], { host: ['ssh://user:pw@host'] }],
      [['-H', 'ssh://host?x=1'], { host: ['ssh://host?x=1'] }],
      [['-H', 'a', '-H', 'b'], { host: ['a', 'b'] }],
      [['--context', 'nope'], { context: 'nope' }],
    ];
    const home = join(tmp, 'home');
    for (const [args, flags] of cases) {
      const want = norm(await dockerStderr([...args, 'node', 'ls'], {}));
      const r = resolveEndpoint({
        flags: { tls: false, tlsverify: false, ...flags, set: new Set(Object.keys(flags)) },
        env: { HOME: home },
        homedir: home,
        readFile: (p) => readFileSync(p),
      });
      assert.ok(!r.ok, args.join(' '));
      assert.equal(r.error.message, want, args.join(' '));
    }
  });
});
