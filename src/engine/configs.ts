/** The configs endpoints (client/config_{list,inspect,create,remove}.go, docker 28). */
import {
  createObject,
  inspectObject,
  listObjects,
  listSwarmObjects,
  namesFilter,
  removeObject,
  type NamedSwarmObject,
  type SecretSpecInput,
  type SwarmSecretLike,
} from './secrets.ts';
import type { Engine, Filters, Raw } from './types.ts';

export type SwarmConfig = SwarmSecretLike;

/** What `config create` sends (swarm.ConfigSpec: no Driver). */
export type ConfigSpecInput = Omit<SecretSpecInput, 'Driver'>;

/** GET /configs?filters=…: ID and name of each config whose name matches. */
export async function listConfigsByName(engine: Engine, names: readonly string[]): Promise<NamedSwarmObject[]> {
  return listSwarmObjects(engine, 'configs', namesFilter(names));
}

export const listConfigs = (engine: Engine, filters: Filters): Promise<SwarmConfig[]> => listObjects<SwarmConfig>(engine, 'configs', filters);
export const inspectConfig = (engine: Engine, ref: string): Promise<Raw<SwarmConfig>> => inspectObject<SwarmConfig>(engine, 'configs', ref);
export const removeConfig = (engine: Engine, ref: string): Promise<void> => removeObject(engine, 'configs', ref);
export const createConfig = (engine: Engine, spec: ConfigSpecInput): Promise<string> => createObject(engine, 'configs', spec);
