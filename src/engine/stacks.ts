/**
 * The Engine API calls of `stack rm` that no other command wraps yet (docker 28 client:
 * network_list.go, network_remove.go, secret_remove.go, config_remove.go).
 */
import { filtersQuery, trimID } from './client.ts';
import type { NetworkSummary } from './networks.ts';
import type { Engine, Filters } from './types.ts';

/** GET /networks?filters=… */
export async function listNetworks(engine: Engine, filters: Filters): Promise<NetworkSummary[]> {
  return (await engine.request<NetworkSummary[] | null>({ method: 'GET', path: '/networks', query: filtersQuery(filters) })).value ?? [];
}

/** DELETE /networks/{id}, /secrets/{id} or /configs/{id}. */
export async function removeObject(engine: Engine, kind: 'network' | 'secret' | 'config', id: string): Promise<void> {
  await engine.request({ method: 'DELETE', path: `/${kind}s/${trimID(kind, id)}` });
}
