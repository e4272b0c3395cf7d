/** GET /configs?filters=… (client/config_list.go, docker 28): ID and name of each config. */
import { listSwarmObjects, namesFilter, type NamedSwarmObject } from './secrets.ts';
import type { Engine } from './types.ts';

export async function listConfigsByName(engine: Engine, names: readonly string[]): Promise<NamedSwarmObject[]> {
  return listSwarmObjects(engine, 'configs', namesFilter(names));
}
