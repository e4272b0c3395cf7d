/**
 * The API lookups of `service create/update` (networks by name, secrets, configs) made at the
 * moment docker makes them. The spec layer is pure and reads lookup results from its context;
 * here that context fetches nothing itself but stops the computation (NeedLookup) at the first
 * result it does not have yet. The command then makes that one request and runs the pure
 * computation again. So requests happen in docker's order, and an error that docker reports
 * before a lookup is reported without making it.
 */
import type { Engine } from '../../engine/types.ts';
import type { NamedObject } from '../../spec/refs.ts';

class NeedLookup extends Error {
  constructor(
    readonly kind: 'network' | 'secrets' | 'configs',
    readonly key = '',
  ) {
    super(`lookup needed: ${kind} ${key}`);
  }
}

/** A map whose get() of an unknown key asks for the lookup instead of answering undefined. */
class LookupMap extends Map<string, string | Error> {
  override get(key: string): string | Error | undefined {
    if (!super.has(key)) throw new NeedLookup('network', key);
    return super.get(key);
  }
}

/** What the pure functions read (a CreateContext/UpdateContext's lookup part). */
export interface LookupView {
  readonly networks: ReadonlyMap<string, string | Error>;
  readonly secrets: readonly NamedObject[] | Error;
  readonly configs: readonly NamedObject[] | Error;
}

/** The names to look up when the spec layer first asks for secrets / configs (may throw docker's duplicate errors). */
export interface LookupNames {
  secrets(): string[];
  configs(): string[];
}

/**
 * Runs compute until it completes without needing a lookup it lacks, making each lookup it
 * asks for on the way. compute must be pure (it may run several times).
 */
export async function withLookups<T>(engine: () => Promise<Engine>, names: LookupNames, compute: (view: LookupView) => T): Promise<T> {
  const networks = new LookupMap();
  let secrets: readonly NamedObject[] | Error | undefined;
  let configs: readonly NamedObject[] | Error | undefined;
  const view: LookupView = {
    networks,
    get secrets() {
      if (secrets === undefined) throw new NeedLookup('secrets');
      return secrets;
    },
    get configs() {
      if (configs === undefined) throw new NeedLookup('configs');
      return configs;
    },
  };
  for (;;) {
    try {
      return compute(view);
    } catch (e) {
      if (!(e instanceof NeedLookup)) throw e;
      const api = await engine();
      if (e.kind === 'network') {
        const { inspectNetworkID } = await import('../../engine/networks.ts');
        networks.set(e.key, await inspectNetworkID(api, e.key).catch((err: unknown) => asError(err)));
      } else if (e.kind === 'secrets') {
        const { listSecretsByName } = await import('../../engine/secrets.ts');
        secrets = await listSecretsByName(api, names.secrets()).catch((err: unknown) => asError(err));
      } else {
        const { listConfigsByName } = await import('../../engine/configs.ts');
        configs = await listConfigsByName(api, names.configs()).catch((err: unknown) => asError(err));
      }
    }
  }
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}
