/**
 * Swarm services: the part of the API shape tsw reads so far, and GET /services/{id}
 * (client/service_inspect.go, docker 28).
 */
import { trimID } from './client.ts';
import type { Engine, Raw } from './types.ts';

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
