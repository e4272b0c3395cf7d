/**
 * tsw's single way to reach the daemon: `connect(globals, env, system)` returns an Engine for the
 * endpoint docker 28 would use. Cheap to load and to call: it reads config.json and the context
 * store (like docker at start-up) but touches no socket; the first request loads docker-modem
 * (dynamic import) and negotiates the API version.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { SystemInfo } from '../deps.ts';
import type { GlobalOptions } from '../globals.ts';
import { createEngine, dockerUserAgent } from './client.ts';
import { resolveEndpoint, type EndpointInput, type Resolution } from './endpoint.ts';
import { EngineOptionsError } from './errors.ts';
import type { Engine } from './types.ts';

export interface ConnectOptions {
  /** Receives docker's "WARNING: Error …" line for a broken config.json (not printed otherwise). */
  readonly warn?: (line: string) => void;
  /** Replaces the User-Agent (default: "Docker-Client/28.2.2 (<goos>)", as docker sends). */
  readonly userAgent?: string;
}

/**
 * The Engine for these global flags and environment. Throws (synchronously) only for the
 * option conflicts docker reports before any command runs (`conflicting options: cannot specify
 * both --host and --context`); every other problem (unknown context, bad -H, unreadable TLS
 * files, bad DOCKER_API_VERSION / DOCKER_CUSTOM_HEADERS) is reported by the engine's first call
 * as `Failed to initialize: …`, like docker.
 */
export function connect(
  globals: GlobalOptions,
  env: Readonly<Record<string, string | undefined>>,
  system: SystemInfo,
  options: ConnectOptions = {},
): Engine {
  const resolution = resolve_(globals, env, system);
  if (!resolution.ok && resolution.error instanceof EngineOptionsError) throw resolution.error;
  const warning = resolution.config?.warning;
  if (warning !== undefined) options.warn?.(warning);
  return createEngine(resolution, {
    env,
    userAgent: options.userAgent ?? dockerUserAgent(system.platform),
    ...(system.extraCACerts !== undefined ? { extraCACerts: system.extraCACerts } : {}),
  });
}

/** docker's start-up check of the global flags (cli.Initialize), for src/cli.ts to call early. */
export function validateGlobals(globals: Pick<GlobalOptions, 'host' | 'context'>): void {
  if (globals.context && (globals.host ?? []).length > 0) {
    throw new EngineOptionsError('conflicting options: cannot specify both --host and --context');
  }
}

/** The endpoint resolution behind connect(), with the real file system. */
export function resolveFromSystem(
  globals: GlobalOptions,
  env: Readonly<Record<string, string | undefined>>,
  system: SystemInfo,
): Resolution {
  return resolve_(globals, env, system);
}

function resolve_(globals: GlobalOptions, env: Readonly<Record<string, string | undefined>>, system: SystemInfo): Resolution {
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(system.cwd, p));
  const input: EndpointInput = {
    flags: globals,
    env,
    homedir: system.homedir,
    readFile: (p) => readFileSync(abs(p)),
    readDir: (p) => readdirSync(abs(p), { withFileTypes: true }).map((d) => ({ name: d.name, isDirectory: d.isDirectory() })),
  };
  return resolveEndpoint(input);
}

export type { Engine } from './types.ts';
export { MAX_API_VERSION } from './negotiate.ts';
export type { Resolution, ResolvedEndpoint } from './endpoint.ts';
