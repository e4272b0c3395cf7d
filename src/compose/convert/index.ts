/**
 * Compose → swarm conversion (docker/cli v28.2.2 cli/compose/convert/): networks, secrets and
 * configs (compose.ts), services (service.ts, volume.ts). convertServices makes the secret and
 * config lookups docker's ParseSecrets/ParseConfigs make, through the callbacks given, one
 * service at a time.
 */
import type { NamedObject } from '../../spec/refs.ts';
import { configLookupNames, resolveConfigRefs, resolveSecretRefs, secretLookupNames } from '../../spec/refs.ts';
import type { ServiceSpec } from '../../spec/types.ts';
import type { Config } from '../types.ts';
import { wrapService } from './errors.ts';
import type { Namespace } from './namespace.ts';
import { convertService, serviceConfigRefs, serviceSecretRefs, sortConfigRefs, sortSecretRefs } from './service.ts';

export * from './compose.ts';
export { ConvertError } from './errors.ts';
export { addStackLabel, isUserDefinedNetwork, LABEL_IMAGE, LABEL_NAMESPACE, Namespace } from './namespace.ts';
export { convertService } from './service.ts';

/** SecretList / ConfigList filtered by names (the daemon matches prefixes; the caller's list is compared exactly). */
export interface ConvertLookups {
  secrets(names: string[]): Promise<readonly NamedObject[]>;
  configs(names: string[]): Promise<readonly NamedObject[]>;
}

async function wrapped<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw wrapService(name, e);
  }
}

/** getServicesDeclaredNetworks: the compose keys of the networks the services use. */
export function servicesNetworks(config: Config): Set<string> {
  const out = new Set<string>();
  for (const s of config.Services) {
    const keys = Object.keys(s.Networks ?? {});
    if (keys.length === 0) out.add('default');
    for (const k of keys) out.add(k);
  }
  return out;
}

/** convert.Services: service key → spec, in the order of config.Services (sorted by name). */
export async function convertServices(apiVersion: string, ns: Namespace, config: Config, lookups: ConvertLookups): Promise<Map<string, ServiceSpec>> {
  const result = new Map<string, ServiceSpec>();
  for (const service of config.Services) {
    const secrets = await wrapped(service.Name, async () => {
      const refs = serviceSecretRefs(ns, service, config);
      if (refs.length === 0) return [];
      const names = secretLookupNames(refs);
      return sortSecretRefs(resolveSecretRefs(refs, await lookups.secrets(names)));
    });
    const configs = await wrapped(service.Name, async () => {
      const refs = serviceConfigRefs(ns, service, config);
      if (refs.length === 0) return [];
      const names = configLookupNames(refs);
      return sortConfigRefs(resolveConfigRefs(refs, await lookups.configs(names)));
    });
    const spec = await wrapped(service.Name, () => convertService(apiVersion, ns, service, config, secrets, configs));
    result.set(service.Name, spec);
  }
  return result;
}
