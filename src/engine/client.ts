/**
 * The Engine implementation: a thin layer over the transport that negotiates the API version
 * on first use, turns HTTP error statuses into docker's errors and decodes JSON while keeping
 * the raw text (inspect prints the daemon's bytes). Commands add methods here as they need them;
 * anything else goes through request().
 *
 * The transport (and with it docker-modem) is loaded with import() on the first request.
 */
import { StatusError } from '../errors.ts';
import type { ResolvedEndpoint, Resolution } from './endpoint.ts';
import { daemonErrorFrom } from './errors.ts';
import { MAX_API_VERSION, Negotiator } from './negotiate.ts';
import type {
  Engine,
  Filters,
  PingInfo,
  Raw,
  RequestOptions,
  Response,
  SwarmNode,
  SystemInfo,
  SystemVersion,
  Transport,
} from './types.ts';
import { jsonString, sortedKeys } from '../go/json.ts';

/** The docker CLI release tsw behaves like; sent in User-Agent as docker does. */
export const DOCKER_CLI_VERSION = '28.2.2';

/** Go's runtime.GOOS for a Node platform. */
export function goos(platform: string): string {
  return platform === 'win32' ? 'windows' : platform === 'sunos' ? 'solaris' : platform;
}

/** cli/command.UserAgent(): "Docker-Client/28.2.2 (linux)". */
export function dockerUserAgent(platform: string): string {
  return `Docker-Client/${DOCKER_CLI_VERSION} (${goos(platform)})`;
}

export interface EngineOptions {
  /** Environment for the ssh child process. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly userAgent: string;
  /** Overrides for tests. */
  readonly nameserver?: string;
  readonly dialTimeoutMs?: number;
  /** NODE_EXTRA_CA_CERTS that node did not load at start-up (SystemInfo.extraCACerts). */
  readonly extraCACerts?: string;
  /** Use this transport instead of loading docker-modem (tests). */
  readonly transport?: (version: () => Promise<string>) => Promise<Transport>;
}

/** Builds the Engine for a resolution; a failed resolution gives an engine that rejects every call. */
export function createEngine(resolution: Resolution, options: EngineOptions): Engine {
  if (!resolution.ok) return new FailedEngine(resolution.error);
  return new ApiEngine(resolution.endpoint, options);
}

class FailedEngine implements Engine {
  readonly host = '';
  constructor(private readonly error: Error) {}
  private fail<T>(): Promise<T> {
    return Promise.reject(this.error);
  }
  apiVersion(): Promise<string> {
    return this.fail();
  }
  ping(): Promise<PingInfo> {
    return this.fail();
  }
  version(): Promise<SystemVersion> {
    return this.fail();
  }
  info(): Promise<SystemInfo> {
    return this.fail();
  }
  listNodes(): Promise<SwarmNode[]> {
    return this.fail();
  }
  inspectNode(): Promise<Raw<SwarmNode>> {
    return this.fail();
  }
  request<T>(): Promise<Raw<T>> {
    return this.fail();
  }
  stream(): Promise<NodeJS.ReadableStream & { destroy(): void }> {
    return this.fail();
  }
  close(): void {}
}

class ApiEngine implements Engine {
  readonly host: string;
  private transportPromise: Promise<Transport> | undefined;
  private transport: Transport | undefined;
  private readonly negotiator: Negotiator;
  private closed = false;

  constructor(
    private readonly endpoint: ResolvedEndpoint,
    private readonly options: EngineOptions,
  ) {
    this.host = endpoint.host;
    this.negotiator = new Negotiator(
      async (method) => (await this.getTransport()).request({ method, path: '/_ping', unversioned: true }),
      endpoint.apiVersion,
      MAX_API_VERSION,
    );
  }

  private getTransport(): Promise<Transport> {
    this.transportPromise ??= this.loadTransport().then((t) => {
      this.transport = t;
      if (this.closed) t.close();
      return t;
    });
    return this.transportPromise;
  }

  private async loadTransport(): Promise<Transport> {
    const version = () => this.negotiator.version();
    if (this.options.transport) return this.options.transport(version);
    const { createTransport } = await import('./transport.ts');
    return createTransport({
      endpoint: this.endpoint,
      env: this.options.env,
      userAgent: this.options.userAgent,
      version,
      ...(this.options.nameserver !== undefined ? { nameserver: this.options.nameserver } : {}),
      ...(this.options.dialTimeoutMs !== undefined ? { dialTimeoutMs: this.options.dialTimeoutMs } : {}),
      ...(this.options.extraCACerts !== undefined ? { extraCACerts: this.options.extraCACerts } : {}),
    });
  }

  apiVersion(): Promise<string> {
    return this.negotiator.version();
  }

  ping(): Promise<PingInfo> {
    return this.negotiator.ping();
  }

  async version(): Promise<SystemVersion> {
    return (await this.request<SystemVersion>({ method: 'GET', path: '/version' })).value;
  }

  async info(): Promise<SystemInfo> {
    return (await this.request<SystemInfo>({ method: 'GET', path: '/info' })).value;
  }

  async listNodes(filters?: Filters): Promise<SwarmNode[]> {
    const query = filters ? filtersQuery(filters) : {};
    return (await this.request<SwarmNode[]>({ method: 'GET', path: '/nodes', query })).value ?? [];
  }

  async inspectNode(ref: string): Promise<Raw<SwarmNode>> {
    return this.request<SwarmNode>({ method: 'GET', path: `/nodes/${trimID('node', ref)}` });
  }

  async request<T = unknown>(opts: RequestOptions): Promise<Raw<T>> {
    const res: Response = await (await this.getTransport()).request(opts);
    const err = daemonErrorFrom(res);
    if (err) throw err;
    const raw = res.body;
    return { value: parseJSON(raw) as T, raw };
  }

  async stream(opts: RequestOptions): Promise<NodeJS.ReadableStream & { destroy(): void }> {
    return (await this.getTransport()).stream(opts);
  }

  close(): void {
    this.closed = true;
    this.transport?.close();
  }
}

/** The decoded body; undefined when it is empty or not JSON (the raw text is still returned). */
function parseJSON(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** client.trimID: "invalid node name or ID: value is empty". */
export function trimID(objType: string, id: string): string {
  const t = id.trim();
  if (t === '') throw new StatusError(`invalid ${objType} name or ID: value is empty`, 1);
  return t;
}

/** filters.ToJSON: `{"key":{"value":true}}` with sorted keys and Go's JSON escaping; empty → no param. */
export function filtersQuery(filters: Filters): Record<string, string> {
  const keys = sortedKeys(filters);
  if (keys.length === 0) return {};
  const body = keys
    .map((k) => {
      const values = sortedKeys(filters[k] ?? {});
      return `${jsonString(k, true)}:{${values.map((v) => `${jsonString(v, true)}:${filters[k]?.[v] === false ? 'false' : 'true'}`).join(',')}}`;
    })
    .join(',');
  return { filters: `{${body}}` };
}
