/**
 * The HTTP transport to the daemon, built on docker-modem (dockerode's modem). Loaded only via
 * dynamic import() from client.ts, so neither docker-modem nor this file is read at start-up.
 *
 * What docker-modem does here: issue the request over the right agent (unix socket, TCP, TLS,
 * or our ssh pipe) and hand back the raw response stream. What it does not do: choose hosts,
 * versions, query strings or bodies. We build the path and query ourselves (docker-modem would
 * copy POST body fields into the URL, ecosystem.md bug B2), and we never let its constructor
 * read process.env (DOCKER_HOST / DOCKER_CERT_PATH / DOCKER_CLIENT_TIMEOUT).
 *
 * Request shape follows docker 28's Go client (vendor/github.com/docker/docker/client/request.go):
 * path = path.Join(basePath, "/v<version>", path), Go's URL escaping, sorted query, JSON body
 * with Content-Type application/json, custom headers then User-Agent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';
import type { ResolvedEndpoint } from './endpoint.ts';
import { canonicalHeaderKey, goClean } from './endpoint.ts';
import {
  connectionErrorFrom,
  daemonErrorFrom,
  EngineConnectionError,
  errnoText,
  goTextError,
  goURLError,
  isAbortError,
  type RequestDescription,
} from './errors.ts';
import type { RequestOptions, Response, Transport } from './types.ts';

export interface TransportOptions {
  readonly endpoint: ResolvedEndpoint;
  /** The environment for the ssh child process. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The User-Agent header (docker: "Docker-Client/<version> (<goos>)"). */
  readonly userAgent: string;
  /** The API version for versioned paths; called before every versioned request. */
  readonly version: () => Promise<string>;
  /** Go's "lookup x on <nameserver>" server; read from /etc/resolv.conf when omitted. */
  readonly nameserver?: string;
  /** Dial timeout in ms (docker: 10 s, 30 s with TLS). */
  readonly dialTimeoutMs?: number;
  /**
   * A PEM file of extra CA certificates node was started without (bin/tsw defers
   * NODE_EXTRA_CA_CERTS): added to Node's bundled roots when the endpoint names no CA.
   */
  readonly extraCACerts?: string;
}

/** The response is the socket's: status, headers, and a body stream. */
type IncomingMessage = http.IncomingMessage;

interface ModemDialOptions {
  path: string;
  method: string;
  headers: Record<string, string | number>;
  file?: Buffer;
  isStream: true;
  statusCodes: Record<number, boolean>;
  abortSignal?: AbortSignal;
}

interface ModemLike {
  dial(options: ModemDialOptions, callback: (err: unknown, res?: IncomingMessage) => void): void;
}

/** Every status is "expected": docker-modem must hand us the response, we map errors. */
const ALL_STATUS_CODES: Record<number, boolean> = new Proxy({}, { get: () => true });

/** docker's dialers: 10 s (go-connections sockets), 30 s for TLS clients (context/docker/load.go). */
const DIAL_TIMEOUT_MS = 10_000;
const TLS_DIAL_TIMEOUT_MS = 30_000;

export async function createTransport(opts: TransportOptions): Promise<Transport> {
  // @ts-ignore -- docker-modem ships no type declarations; we describe the part we use below.
  const modemModule: { default: { prototype: object } } = await import('docker-modem');
  // @ts-ignore -- same package; its redirect follower must never issue requests of its own.
  const modemHttp: { default: { maxRedirects: number } } = await import('docker-modem/lib/http.js');
  modemHttp.default.maxRedirects = 0;
  return new ModemTransport(opts, modemModule.default.prototype);
}

class ModemTransport implements Transport {
  readonly host: string;
  private readonly ep: ResolvedEndpoint;
  private readonly agent: http.Agent;
  private readonly modem: ModemLike;
  private nameserverCache: string | undefined;

  constructor(
    private readonly opts: TransportOptions,
    modemPrototype: object,
  ) {
    this.ep = opts.endpoint;
    this.host = this.ep.host;
    this.agent = makeAgent(this.ep, opts);
    // Bypass Modem's constructor: it reads DOCKER_HOST, DOCKER_CERT_PATH (even reading cert
    // files) and DOCKER_CLIENT_TIMEOUT from process.env. These are the fields dial() uses.
    const modem = Object.create(modemPrototype) as Record<string, unknown>;
    const a = this.ep.address;
    Object.assign(modem, {
      socketPath: a.kind === 'unix' ? a.path : undefined,
      host: a.kind === 'tcp' ? a.hostname : a.kind === 'ssh' ? 'docker.example.com' : undefined,
      port: a.kind === 'tcp' ? a.port : undefined,
      protocol: this.ep.scheme,
      pathPrefix: '/',
      version: undefined,
      timeout: undefined,
      connectionTimeout: undefined,
      agent: this.agent,
      headers: {},
      sshOptions: {},
    });
    this.modem = modem as unknown as ModemLike;
  }

  async request(ro: RequestOptions): Promise<Response> {
    const { res, desc } = await this.exchange(ro);
    const body = await readBody(res, desc);
    return {
      statusCode: res.statusCode ?? 0,
      headers: res.headers,
      body,
      status: goStatus(res),
      url: desc.url,
    };
  }

  async stream(ro: RequestOptions): Promise<NodeJS.ReadableStream & { destroy(): void }> {
    const { res, desc } = await this.exchange(ro);
    const code = res.statusCode ?? 0;
    if (code >= 400) {
      const body = await readBody(res, desc);
      const err = daemonErrorFrom({ statusCode: code, headers: res.headers, body, status: goStatus(res), url: desc.url });
      if (err) throw err;
    }
    return res;
  }

  close(): void {
    this.agent.destroy();
  }

  /** Sends one request and waits for the response head. */
  private async exchange(ro: RequestOptions): Promise<{ res: IncomingMessage; desc: RequestDescription }> {
    const version = ro.unversioned ? undefined : await this.opts.version();
    const basePath = this.ep.address.kind === 'tcp' ? this.ep.address.basePath : '';
    const apiPath = goPathJoin(basePath, version !== undefined ? `/v${version}` : '', ro.path);
    const query = goEncodeQuery(ro.query);
    const wirePath = goEscapePath(apiPath) + (query ? `?${query}` : '');
    const desc = this.describe(ro.method, wirePath);

    const headers: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(this.ep.headers)) {
      const key = canonicalHeaderKey(k);
      if (key !== 'Host') headers[key] = v;
    }
    for (const [k, v] of Object.entries(ro.headers ?? {})) headers[canonicalHeaderKey(k)] = v;
    let file: Buffer | undefined;
    const json = ro.bodyJSON ?? (ro.body !== undefined ? JSON.stringify(ro.body) : undefined);
    if (json !== undefined) {
      file = Buffer.from(`${json}\n`, 'utf8');
      headers['Content-Type'] = 'application/json';
    }
    headers['User-Agent'] = this.opts.userAgent;
    headers['Host'] = this.ep.hostHeader;

    const dialOpts: ModemDialOptions = {
      // docker-modem drops the last character of a path containing "?" when it has no
      // options of its own to append: give it one to drop.
      path: wirePath.includes('?') ? `${wirePath}&` : wirePath,
      method: ro.method,
      headers,
      isStream: true,
      statusCodes: ALL_STATUS_CODES,
      ...(file ? { file } : {}),
      ...(ro.signal ? { abortSignal: ro.signal } : {}),
    };
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      try {
        this.modem.dial(dialOpts, (err, response) => {
          if (err || !response) reject(connectionErrorFrom(err ?? new Error('no response'), desc));
          else resolve(response);
        });
      } catch (err) {
        reject(connectionErrorFrom(err, desc));
      }
    });
    // http.Client.CheckRedirect: GET redirects return the 3xx response; others fail.
    const code = res.statusCode ?? 0;
    if (code >= 300 && code < 400 && res.headers.location !== undefined && ro.method !== 'GET') {
      res.resume();
      throw new EngineConnectionError(`error during connect: ${goURLError(ro.method, desc.url, 'unexpected redirect in response')}`, 'other');
    }
    return { res, desc };
  }

  private describe(method: string, wirePath: string): RequestDescription {
    const a = this.ep.address;
    return {
      method,
      url: `${this.ep.scheme}://${goEscapeHost(this.ep.addr)}${wirePath}`,
      host: this.ep.host,
      scheme: this.ep.scheme,
      ...(a.kind === 'unix' ? { socketPath: a.path } : {}),
      ...(a.kind === 'tcp' ? { hostname: a.hostname } : {}),
      ...(a.kind === 'tcp' ? { nameserver: this.nameserver() } : {}),
    };
  }

  private nameserver(): string {
    if (this.opts.nameserver !== undefined) return this.opts.nameserver;
    if (this.nameserverCache === undefined) {
      let ns = '127.0.0.1:53';
      try {
        const m = /^\s*nameserver\s+(\S+)/m.exec(readFileSync('/etc/resolv.conf', 'utf8'));
        if (m?.[1]) ns = m[1].includes(':') ? `[${m[1]}]:53` : `${m[1]}:53`;
      } catch {
        /* Go falls back to 127.0.0.1:53 */
      }
      this.nameserverCache = ns;
    }
    return this.nameserverCache;
  }
}

/** resp.Status as Go shows it: "404 Not Found". */
function goStatus(res: IncomingMessage): string {
  const code = res.statusCode ?? 0;
  return res.statusMessage ? `${code} ${res.statusMessage}` : String(code);
}

function readBody(res: IncomingMessage, desc: RequestDescription): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.on('error', (err) => reject(isAbortError(err) ? err : connectionErrorFrom(err, desc)));
    res.on('aborted', () => reject(connectionErrorFrom(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), desc)));
  });
}

// ---------------------------------------------------------------------------------------------
// Agents

function makeAgent(ep: ResolvedEndpoint, opts: TransportOptions): http.Agent {
  const a = ep.address;
  if (a.kind === 'ssh') return new CommandAgent(a.command, a.argv, opts.env);
  const timeout = opts.dialTimeoutMs ?? (ep.tls ? TLS_DIAL_TIMEOUT_MS : DIAL_TIMEOUT_MS);
  if (ep.scheme === 'https') {
    const tls = ep.tls;
    const ca = tls?.ca ?? defaultRootsWith(opts.extraCACerts);
    return new (timeoutHttpsAgentClass())(timeout, {
      keepAlive: true,
      ...(ca ? { ca } : {}),
      ...(tls?.cert ? { cert: tls.cert } : {}),
      ...(tls?.key ? { key: tls.key } : {}),
      rejectUnauthorized: !(tls?.skipVerify ?? false),
      minVersion: 'TLSv1.2',
    });
  }
  // servername '' spares Node's agent from computing a TLS server name (net.isIP compiles a
  // large IPv6 pattern, milliseconds at every start) for a connection that has no TLS.
  return new TimeoutHttpAgent(timeout, { keepAlive: true, servername: '' } as http.AgentOptions);
}

/**
 * The store node builds at start-up from NODE_EXTRA_CA_CERTS: its bundled roots plus the
 * file's certificates (a file that cannot be read adds nothing, as node ignores it).
 * undefined: no extra file, node's own default store.
 */
function defaultRootsWith(extraFile: string | undefined): string[] | undefined {
  if (extraFile === undefined || extraFile === '') return undefined;
  let extra: string;
  try {
    extra = readFileSync(extraFile, 'utf8');
  } catch {
    return undefined;
  }
  const tls = createRequire(import.meta.url)('node:tls') as typeof import('node:tls');
  return [...tls.rootCertificates, extra];
}

function armDialTimeout(socket: Socket, ms: number): void {
  if (!socket.connecting) return;
  const timer = setTimeout(() => socket.destroy(goTextError('i/o timeout', { timeout: true })), ms);
  timer.unref();
  socket.once('connect', () => clearTimeout(timer));
  socket.once('close', () => clearTimeout(timer));
}

class TimeoutHttpAgent extends http.Agent {
  constructor(
    private readonly dialTimeoutMs: number,
    options: http.AgentOptions,
  ) {
    super(options);
  }
  override createConnection(
    options: http.ClientRequestArgs,
    cb?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    const socket = super.createConnection(options, cb);
    if (socket) armDialTimeout(socket as Socket, this.dialTimeoutMs);
    return socket;
  }
}

type HttpsAgentClass = new (dialTimeoutMs: number, options: import('node:https').AgentOptions) => http.Agent;
let httpsAgentClass: HttpsAgentClass | undefined;

/** The TLS agent, defined on first use: node:https (and TLS) load only for https endpoints. */
function timeoutHttpsAgentClass(): HttpsAgentClass {
  if (httpsAgentClass) return httpsAgentClass;
  const https = createRequire(import.meta.url)('node:https') as typeof import('node:https');
  class TimeoutHttpsAgent extends https.Agent {
    constructor(
      private readonly dialTimeoutMs: number,
      options: import('node:https').AgentOptions,
    ) {
      super(options);
    }
    override createConnection(
      options: import('node:https').RequestOptions,
      cb?: (err: Error | null, stream: Duplex) => void,
    ): Duplex | null | undefined {
      const socket = super.createConnection(options, cb);
      if (socket) armDialTimeout(socket as Socket, this.dialTimeoutMs);
      return socket;
    }
  }
  httpsAgentClass = TimeoutHttpsAgent;
  return TimeoutHttpsAgent;
}

/** An agent whose connections are `ssh … docker system dial-stdio` processes (commandconn). */
class CommandAgent extends http.Agent {
  constructor(
    private readonly command: string,
    private readonly argv: readonly string[],
    private readonly env: Readonly<Record<string, string | undefined>>,
  ) {
    super({ keepAlive: true, maxSockets: 4 });
  }
  override createConnection(): Duplex {
    return new CommandConn(this.command, this.argv, this.env);
  }
}

const GO_SIGNAL_NAMES: Record<string, string> = {
  SIGKILL: 'killed',
  SIGTERM: 'terminated',
  SIGINT: 'interrupt',
  SIGHUP: 'hangup',
  SIGPIPE: 'broken pipe',
  SIGSEGV: 'segmentation fault',
  SIGABRT: 'aborted',
  SIGQUIT: 'quit',
  SIGBUS: 'bus error',
};

/**
 * HTTP over a child's stdin/stdout, like docker's commandconn: stderr is kept (last ~4 KiB) for
 * the error message when the command exits non-zero; closing kills it (SIGTERM, then SIGKILL).
 */
export class CommandConn extends Duplex {
  private readonly child: ChildProcess;
  private stderr = '';
  private exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly onClose: Array<() => void> = [];

  constructor(
    private readonly command: string,
    private readonly argv: readonly string[],
    env: Readonly<Record<string, string | undefined>>,
  ) {
    super({ allowHalfOpen: false });
    const childEnv: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(env)) if (v !== undefined) childEnv[k] = v;
    // detached: its own session (docker's createSession), so ssh cannot prompt on our TTY.
    this.child = spawn(command, [...argv], { stdio: ['pipe', 'pipe', 'pipe'], env: childEnv, detached: true });
    const { stdout, stderr, stdin } = this.child;
    this.child.on('error', (err: NodeJS.ErrnoException) => {
      const text =
        err.code === 'ENOENT'
          ? `exec: ${JSON.stringify(command)}: executable file not found in $PATH`
          : `fork/exec ${command}: ${errnoText(err.code, err.message)}`;
      this.destroy(goTextError(text));
    });
    stdout?.on('data', (chunk: Buffer) => {
      if (!this.push(chunk)) stdout.pause();
    });
    stdout?.on('end', () => this.handleEOF());
    stderr?.on('data', (chunk: Buffer) => {
      if (Buffer.byteLength(this.stderr) > 4096) this.stderr = '';
      this.stderr += chunk.toString('utf8');
    });
    stdin?.on('error', () => {
      /* EPIPE when the command died; reported through handleEOF */
    });
    this.child.on('close', (code, signal) => {
      this.exit = { code, signal };
      for (const f of this.onClose.splice(0)) f();
    });
  }

  private describeCommand(): string {
    return `[${[this.command, ...this.argv].join(' ')}]`;
  }

  /** commandconn.handleEOF: EOF is fine if the command exited 0, else report how it exited. */
  private handleEOF(): void {
    const finish = () => {
      const c = this.exit;
      if (!c || (c.code === 0 && !c.signal)) {
        this.push(null);
        return;
      }
      const how = c.signal ? `signal: ${GO_SIGNAL_NAMES[c.signal] ?? c.signal}` : `exit status ${c.code}`;
      this.destroy(
        goTextError(
          `command ${this.describeCommand()} has exited with ${how}, make sure the URL is valid, and Docker 18.09 or later is installed on the remote host: stderr=${this.stderr}`,
        ),
      );
    };
    if (this.exit) return finish();
    const timer = setTimeout(() => {
      this.destroy(goTextError(`command ${this.describeCommand()} did not exit after EOF: stderr=${JSON.stringify(this.stderr)}`));
    }, 10_000);
    timer.unref();
    this.onClose.push(() => {
      clearTimeout(timer);
      finish();
    });
  }

  override _read(): void {
    this.child.stdout?.resume();
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    const stdin = this.child.stdin;
    if (!stdin || stdin.destroyed) return cb();
    stdin.write(chunk, () => cb());
  }

  override _final(cb: (err?: Error | null) => void): void {
    this.child.stdin?.end();
    cb();
  }

  override _destroy(err: Error | null, cb: (err: Error | null) => void): void {
    this.kill();
    cb(err);
  }

  private kill(): void {
    if (this.exit || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.stdin?.destroy();
    this.child.stdout?.destroy();
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => {
      if (!this.exit) this.child.kill('SIGKILL');
    }, 3000);
    timer.unref();
  }

  // The socket methods http.Agent calls.
  setKeepAlive(): this {
    return this;
  }
  setNoDelay(): this {
    return this;
  }
  setTimeout(): this {
    return this;
  }
  ref(): this {
    this.child.ref();
    for (const s of [this.child.stdin, this.child.stdout, this.child.stderr]) (s as unknown as Socket | null)?.ref?.();
    return this;
  }
  unref(): this {
    this.child.unref();
    for (const s of [this.child.stdin, this.child.stdout, this.child.stderr]) (s as unknown as Socket | null)?.unref?.();
    return this;
  }
}

// ---------------------------------------------------------------------------------------------
// Go's URL building (net/url, path)

/** path.Join(...) then path.Clean: no empty segments, no trailing slash. */
export function goPathJoin(...elems: string[]): string {
  const joined = elems.filter((e) => e !== '').join('/');
  return joined === '' ? '' : goClean(joined);
}

type EscapeMode = 'path' | 'host' | 'query';

function shouldEscape(c: number, mode: EscapeMode): boolean {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) return false;
  const ch = String.fromCharCode(c);
  if (mode === 'host' && "!$&'()*+,;=:[]<>\"".includes(ch)) return false;
  if ('-_.~'.includes(ch)) return false;
  if ('$&+,/:;=?@'.includes(ch)) {
    if (mode === 'path') return ch === '?';
    if (mode === 'query') return true;
  }
  return true;
}

function goEscape(s: string, mode: EscapeMode): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    if (mode === 'query' && b === 0x20) out += '+';
    else if (shouldEscape(b, mode)) out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
    else out += String.fromCharCode(b);
  }
  return out;
}

/** url.URL.EscapedPath for a path without RawPath. */
export function goEscapePath(p: string): string {
  return goEscape(p, 'path');
}

/** How url.URL.String escapes the host ("/var/run/docker.sock" → "%2Fvar%2Frun%2Fdocker.sock"). */
export function goEscapeHost(h: string): string {
  return goEscape(h, 'host');
}

/** url.QueryEscape. */
export function goQueryEscape(s: string): string {
  return goEscape(s, 'query');
}

/** url.Values.Encode: keys sorted; undefined values skipped; booleans as "true"/"false". */
export function goEncodeQuery(query: RequestOptions['query']): string {
  if (!query) return '';
  const keys = Object.keys(query)
    .filter((k) => query[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return keys.map((k) => `${goQueryEscape(k)}=${goQueryEscape(String(query[k]))}`).join('&');
}
