/** Network lookups the service commands need (client/network_inspect.go, docker 28). */
import { trimID } from './client.ts';
import type { Engine } from './types.ts';

export interface NetworkSummary {
  readonly Id?: string;
  readonly Name?: string;
  readonly [key: string]: unknown;
}

/** GET /networks/{ref}?scope=… — the network's ID, as resolveNetworkID uses it. */
export async function inspectNetworkID(engine: Engine, ref: string, scope = 'swarm'): Promise<string> {
  const { value } = await engine.request<NetworkSummary>({
    method: 'GET',
    path: `/networks/${trimID('network', ref)}`,
    query: scope !== '' ? { scope } : {},
  });
  return value?.Id ?? '';
}
