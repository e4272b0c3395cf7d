/**
 * API version negotiation, like the docker 28 client (vendor/github.com/docker/docker/client:
 * client.go negotiateAPIVersionPing/checkVersion, ping.go Ping/parsePingResponse) with tsw's
 * own maximum, and DOCKER_API_VERSION validated like the newer moby client (client_options.go
 * WithAPIVersionFromEnv, utils.go parseAPIVersion).
 *
 * - The first request pings (HEAD /_ping, falling back to GET /_ping) and settles the version
 *   to min(daemon Api-Version, MAX_API_VERSION). A ping answered without Api-Version means 1.24.
 * - If the ping fails (daemon down…), the error is swallowed: the request goes out with the
 *   maximum version and fails with its own connection error, and the next request pings again.
 * - DOCKER_API_VERSION pins the version and disables negotiation.
 */
import type { PingInfo, Response } from './types.ts';
import { daemonErrorFrom, EngineConnectionError } from './errors.ts';
import { compareVersions } from '../go/versions.ts';

/** The newest Engine API version tsw speaks: docker 28's (client.DefaultVersion 1.50), so negotiation and messages match it. */
export const MAX_API_VERSION = '1.50';
/** What the client assumes when the daemon's ping has no Api-Version header. */
export const FALLBACK_API_VERSION = '1.24';

/**
 * Validates DOCKER_API_VERSION; returns "<major>.<minor>" or undefined when unset/empty.
 * Throws `invalid API version (x): …` like the moby client.
 */
export function parseAPIVersionEnv(value: string | undefined): string | undefined {
  const version = (value ?? '').trim();
  const v = version.startsWith('v') ? version.slice(1) : version;
  if (v === '') return undefined;
  const invalid = (why: string) => new Error(`invalid API version (${version}): ${why}`);
  if (v.startsWith('v')) throw invalid('must be formatted <major>.<minor>');
  const dot = v.indexOf('.');
  if (dot < 0) throw invalid('must be formatted <major>.<minor>');
  const major = goAtoi(v.slice(0, dot));
  if (major === undefined) throw invalid('invalid major version: must be formatted <major>.<minor>');
  const minor = goAtoi(v.slice(dot + 1));
  if (minor === undefined) throw invalid('invalid minor version: must be formatted <major>.<minor>');
  return `${major}.${minor}`;
}

/** strconv.Atoi (decimal, optional sign); undefined on error. */
function goAtoi(s: string): number | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}


/** Reads the ping headers (parsePingResponse). */
export function pingInfoFrom(res: Response): PingInfo {
  const h = (name: string): string => {
    const v = res.headers[name];
    return (Array.isArray(v) ? v[0] : v) ?? '';
  };
  return {
    apiVersion: h('api-version'),
    osType: h('ostype'),
    experimental: h('docker-experimental') === 'true',
    swarm: h('swarm'),
  };
}

/** One unversioned exchange with the daemon (the transport's request with `unversioned`). */
export type PingExchange = (method: 'HEAD' | 'GET') => Promise<Response>;

/** The outcome of one ping: headers if the daemon answered, and the error docker would report. */
export interface PingOutcome {
  readonly info?: PingInfo;
  readonly error?: Error;
}

/** client.Ping: HEAD /_ping, then GET /_ping unless the HEAD failed to connect or gave 200/500. */
export async function ping(exchange: PingExchange): Promise<PingOutcome> {
  let res: Response | undefined;
  try {
    res = await exchange('HEAD');
  } catch (err) {
    if (err instanceof EngineConnectionError) return { error: err };
    // Anything else (e.g. the HEAD was refused by a proxy): retry with GET.
  }
  if (res && (res.statusCode === 200 || res.statusCode === 500)) return outcome(res);
  try {
    res = await exchange('GET');
  } catch (err) {
    return { error: err as Error };
  }
  return outcome(res);
}

function outcome(res: Response): PingOutcome {
  const info = pingInfoFrom(res);
  const error = daemonErrorFrom(res);
  return error ? { info, error } : { info };
}

/**
 * Negotiates once, lazily. `version()` never rejects (ping failures leave the maximum or pinned
 * version in place); `ping()` rejects with the ping's error.
 */
export class Negotiator {
  private negotiated: string | undefined;
  private inflight: Promise<PingOutcome> | undefined;
  private lastPing: PingOutcome | undefined;

  constructor(
    private readonly exchange: PingExchange,
    /** DOCKER_API_VERSION, already validated; disables negotiation. */
    private readonly pinned?: string,
    private readonly max: string = MAX_API_VERSION,
  ) {}

  /** The version requests would use right now, without pinging. */
  current(): string {
    return this.pinned ?? this.negotiated ?? this.max;
  }

  /** The version for the next request: negotiated on first use. */
  async version(): Promise<string> {
    if (this.pinned !== undefined) return this.pinned;
    if (this.negotiated !== undefined) return this.negotiated;
    await this.doPing();
    return this.current();
  }

  /** The daemon's ping headers (one ping per engine unless it failed). */
  async ping(): Promise<PingInfo> {
    const out = this.lastPing && !this.lastPing.error ? this.lastPing : await this.doPing();
    if (out.error) throw out.error;
    // A successful ping always carries info.
    return out.info as PingInfo;
  }

  private doPing(): Promise<PingOutcome> {
    if (!this.inflight) {
      this.inflight = ping(this.exchange).then((out) => {
        this.lastPing = out;
        this.inflight = undefined;
        // initializeFromClient: negotiate when the ping worked, or when it failed but still
        // carried an Api-Version header.
        if (out.info && (!out.error || out.info.apiVersion !== '')) this.settle(out.info.apiVersion);
        return out;
      });
    }
    return this.inflight;
  }

  private settle(daemonVersion: string): void {
    if (this.pinned !== undefined || this.negotiated !== undefined) return;
    const v = daemonVersion === '' ? FALLBACK_API_VERSION : daemonVersion;
    this.negotiated = compareVersions(v, this.max) < 0 ? v : this.max;
  }
}
