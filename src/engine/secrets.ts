/** GET /secrets?filters=… (client/secret_list.go, docker 28): ID and name of each secret. */
import { filtersQuery } from './client.ts';
import type { Engine, Filters } from './types.ts';

export interface NamedSwarmObject {
  readonly ID: string;
  readonly Name: string;
}

interface Listed {
  readonly ID?: string;
  readonly Spec?: { readonly Name?: string };
}

export function namesFilter(names: readonly string[]): Filters {
  const name: Record<string, boolean> = {};
  for (const n of names) name[n] = true;
  return { name };
}

export async function listSwarmObjects(engine: Engine, kind: 'secrets' | 'configs', filters: Filters): Promise<NamedSwarmObject[]> {
  const { value } = await engine.request<Listed[] | null>({ method: 'GET', path: `/${kind}`, query: filtersQuery(filters) });
  return (value ?? []).map((o) => ({ ID: o.ID ?? '', Name: o.Spec?.Name ?? '' }));
}

/** The secrets whose names match (the daemon matches prefixes; callers compare exactly). */
export async function listSecretsByName(engine: Engine, names: readonly string[]): Promise<NamedSwarmObject[]> {
  return listSwarmObjects(engine, 'secrets', namesFilter(names));
}
