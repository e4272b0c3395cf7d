/**
 * Swarm services: the part of the API shape tsw reads so far, and GET /services/{id}
 * (client/service_inspect.go, docker 28).
 */
import { filtersQuery, trimID } from './client.ts';
import type { Engine, Filters, Raw } from './types.ts';

export interface Service {
  readonly ID: string;
  readonly Version?: { readonly Index?: number };
  readonly CreatedAt?: string;
  readonly UpdatedAt?: string;
  readonly Spec?: {
    readonly Name?: string;
    readonly Labels?: Record<string, string> | null;
    readonly [key: string]: unknown;
  };
  readonly [key: string]: unknown;
}

/**
 * GET /services/{id}?insertDefaults=true|false — ServiceInspectWithRaw always sends the
 * parameter (fmt "%v" of the bool).
 */
export async function inspectService(engine: Engine, ref: string, insertDefaults = false): Promise<Raw<Service>> {
  return engine.request<Service>({
    method: 'GET',
    path: `/services/${trimID('service', ref)}`,
    query: { insertDefaults },
  });
}

// --- service ls / ps / logs (reads) ---------------------------------------------------------

/**
 * GET /services?filters=…&status=true (client/service_list.go): `status` only when asked
 * (service ls without -q), no filters parameter when there are none.
 */
export async function listServices(engine: Engine, filters?: Filters, status = false): Promise<Service[]> {
  const query: Record<string, string> = filters ? filtersQuery(filters) : {};
  if (status) query['status'] = 'true';
  return (await engine.request<Service[] | null>({ method: 'GET', path: '/services', query })).value ?? [];
}

/** The logs query docker sends (container.LogsOptions as client/service_logs.go encodes it). */
export interface LogsQuery {
  readonly since?: string;
  readonly timestamps: boolean;
  readonly follow: boolean;
  readonly tail: string;
  readonly details: boolean;
}

function logsQuery(q: LogsQuery): Record<string, string> {
  const query: Record<string, string> = { stdout: '1', stderr: '1' };
  if (q.since !== undefined && q.since !== '') query['since'] = q.since;
  if (q.timestamps) query['timestamps'] = '1';
  if (q.details) query['details'] = '1';
  if (q.follow) query['follow'] = '1';
  query['tail'] = q.tail;
  return query;
}

/** GET /services/{id}/logs: the raw (multiplexed unless TTY) stream. */
export function serviceLogs(engine: Engine, id: string, q: LogsQuery, signal?: AbortSignal): Promise<NodeJS.ReadableStream & { destroy(): void }> {
  return engine.stream({
    method: 'GET',
    path: `/services/${trimID('service', id)}/logs`,
    query: logsQuery(q),
    ...(signal ? { signal } : {}),
  });
}

/** GET /tasks/{id}/logs. */
export function taskLogs(engine: Engine, id: string, q: LogsQuery, signal?: AbortSignal): Promise<NodeJS.ReadableStream & { destroy(): void }> {
  return engine.stream({ method: 'GET', path: `/tasks/${id}/logs`, query: logsQuery(q), ...(signal ? { signal } : {}) });
}

/** ServiceCreateResponse / ServiceUpdateResponse: the new service's ID and the daemon's warnings. */
export interface ServiceWriteResponse {
  readonly ID?: string;
  readonly Warnings?: readonly string[] | null;
}

/**
 * POST /services/create with a spec already encoded as Go does (encodeServiceSpec, without the
 * trailing newline the transport adds) and, when given, the X-Registry-Auth header.
 */
export async function createService(engine: Engine, specJSON: string, encodedAuth = ''): Promise<ServiceWriteResponse> {
  const { value } = await engine.request<ServiceWriteResponse>({
    method: 'POST',
    path: '/services/create',
    bodyJSON: specJSON,
    ...(encodedAuth !== '' ? { headers: { 'X-Registry-Auth': encodedAuth } } : {}),
  });
  return value ?? {};
}

/** What ServiceUpdate puts in the query besides the version. */
export interface ServiceUpdateQuery {
  /** "spec" or "previous-spec"; omitted when empty. */
  readonly registryAuthFrom?: string;
  /** "previous" for a server-side rollback; omitted when empty. */
  readonly rollback?: string;
}

/** POST /services/{id}/update?version=N[&registryAuthFrom=…][&rollback=…] (client/service_update.go). */
export async function updateService(
  engine: Engine,
  id: string,
  version: bigint | number,
  specJSON: string,
  query: ServiceUpdateQuery = {},
  encodedAuth = '',
): Promise<ServiceWriteResponse> {
  const q: Record<string, string> = {};
  if (query.registryAuthFrom) q['registryAuthFrom'] = query.registryAuthFrom;
  if (query.rollback) q['rollback'] = query.rollback;
  q['version'] = String(version);
  const { value } = await engine.request<ServiceWriteResponse>({
    method: 'POST',
    path: `/services/${trimID('service', id)}/update`,
    query: q,
    bodyJSON: specJSON,
    ...(encodedAuth !== '' ? { headers: { 'X-Registry-Auth': encodedAuth } } : {}),
  });
  return value ?? {};
}

/** DELETE /services/{id}. */
export async function removeService(engine: Engine, ref: string): Promise<void> {
  await engine.request({ method: 'DELETE', path: `/services/${trimID('service', ref)}` });
}
