/**
 * The Engine API calls `stack deploy` needs that src/engine has no function for yet
 * (client/{network,secret,config}_*.go, docker 28). Bodies arrive already encoded.
 */
import { filtersQuery, trimID } from './client.ts';
import type { Engine, Filters } from './types.ts';

/** GET /networks?filters=… : the networks' names (network.Summary). */
export async function listNetworkNames(engine: Engine, filters: Filters): Promise<string[]> {
  const { value } = await engine.request<{ Name?: string }[] | null>({ method: 'GET', path: '/networks', query: filtersQuery(filters) });
  return (value ?? []).map((n) => n.Name ?? '');
}

/** GET /networks/{name} (NetworkInspect with no options: no query): the network's scope. */
export async function inspectNetworkScope(engine: Engine, ref: string): Promise<string> {
  const { value } = await engine.request<{ Scope?: string }>({ method: 'GET', path: `/networks/${trimID('network', ref)}` });
  return value?.Scope ?? '';
}

/** POST /networks/create */
export async function createNetworkRaw(engine: Engine, bodyJSON: string): Promise<string> {
  const { value } = await engine.request<{ Id?: string }>({ method: 'POST', path: '/networks/create', bodyJSON });
  return value?.Id ?? '';
}

export interface VersionedObject {
  readonly ID: string;
  readonly version: number;
}

/** GET /secrets/{name} or /configs/{name}: the ID and Version.Index. */
export async function inspectSwarmObject(engine: Engine, kind: 'secrets' | 'configs', ref: string): Promise<VersionedObject> {
  const { value } = await engine.request<{ ID?: string; Version?: { Index?: number } }>({
    method: 'GET',
    path: `/${kind}/${trimID(kind === 'secrets' ? 'secret' : 'config', ref)}`,
  });
  return { ID: value?.ID ?? '', version: value?.Version?.Index ?? 0 };
}

/** POST /secrets/create or /configs/create */
export async function createSwarmObject(engine: Engine, kind: 'secrets' | 'configs', bodyJSON: string): Promise<string> {
  const { value } = await engine.request<{ ID?: string }>({ method: 'POST', path: `/${kind}/create`, bodyJSON });
  return value?.ID ?? '';
}

/** POST /secrets/{id}/update?version=N or /configs/{id}/update?version=N */
export async function updateSwarmObject(engine: Engine, kind: 'secrets' | 'configs', id: string, version: number, bodyJSON: string): Promise<void> {
  await engine.request({
    method: 'POST',
    path: `/${kind}/${trimID(kind === 'secrets' ? 'secret' : 'config', id)}/update`,
    query: { version: String(version) },
    bodyJSON,
  });
}
