/**
 * `docker stack deploy [OPTIONS] STACK` (alias `up`; docker/cli v28.2.2
 * cli/command/stack/deploy.go, swarm/deploy.go, swarm/deploy_composefile.go): load the compose
 * files, then create or update the stack's networks, secrets, configs and services, and with
 * --detach=false wait for the services to converge.
 *
 * Go ranges over maps for networks and services (a random order); tsw takes networks by compose
 * key and services by name (the loader's order).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { addLeaf, exactArgs } from '../../cli/define.ts';
import type { FlagSpec } from '../../cli/flags.ts';
import type { Deps } from '../../deps.ts';
import { DaemonError, StatusError } from '../../errors.ts';
import type { FileObjectSpec, Namespace } from '../../compose/convert/index.ts';
import type { ServiceWriteResponse } from '../../engine/services.ts';
import type { ServiceSpec } from '../../spec/types.ts';
import type { CommandContext } from '../context.ts';
import { quote } from '../../go/quote.ts';
import { validateStackName } from './common.ts';


export interface DeployOptions {
  readonly namespace: string;
  readonly composeFiles: readonly string[];
  readonly sendRegistryAuth: boolean;
  readonly prune: boolean;
  readonly resolveImage: string;
  readonly detach: boolean;
  /** Whether --detach was given (flags.Changed("detach")). */
  readonly detachChanged: boolean;
  readonly quiet: boolean;
}

export const DEPLOY_FLAGS: readonly FlagSpec[] = [
  { name: 'compose-file', short: 'c', type: 'stringSlice', usage: 'Path to a Compose file, or "-" to read from stdin', version: '1.25' },
  { name: 'with-registry-auth', type: 'bool', usage: 'Send registry authentication details to Swarm agents' },
  { name: 'prune', type: 'bool', usage: 'Prune services that are no longer referenced', version: '1.27' },
  {
    name: 'resolve-image',
    type: 'string',
    usage: 'Query the registry to resolve image digest and supported platforms ("always", "changed", "never")',
    defaultText: 'always',
    version: '1.30',
  },
  { name: 'detach', short: 'd', type: 'bool', usage: 'Exit immediately instead of waiting for the stack services to converge', defaultText: 'true' },
  { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress progress output' },
];

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'deploy',
      use: 'deploy [OPTIONS] STACK',
      aliases: ['up'],
      short: 'Deploy a new stack or update an existing stack',
      args: exactArgs(1),
      flags: DEPLOY_FLAGS,
      action: async (f, args) => {
        const detach = f['detach'] as boolean | undefined;
        await run(
          {
            namespace: args[0] ?? '',
            composeFiles: (f['compose-file'] as string[] | undefined) ?? [],
            sendRegistryAuth: f['with-registry-auth'] === true,
            prune: f['prune'] === true,
            resolveImage: (f['resolve-image'] as string | undefined) ?? 'always',
            detach: detach ?? true,
            detachChanged: detach !== undefined,
            quiet: f['quiet'] === true,
          },
          ctx.deps,
        );
      },
    },
    ctx.sink,
  );
}

const RESOLVE = ['always', 'changed', 'never'];

function isNotFound(e: unknown): boolean {
  return e instanceof DaemonError && e.statusCode === 404;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export async function run(opts: DeployOptions, deps: Deps): Promise<void> {
  validateStackName(opts.namespace);
  const { loadStack } = await import('./load.ts');
  const config = await loadStack(opts.composeFiles, deps, { forDeploy: true });

  if (!RESOLVE.includes(opts.resolveImage)) throw new StatusError(`Invalid option ${opts.resolveImage} for flag --resolve-image`, 1);
  if (opts.detach && !opts.detachChanged) {
    deps.stderr.write('Since --detach=false was not specified, tasks will be created in the background.\nIn a future release, --detach=false will become the default.\n');
  }
  const engine = await deps.engine();
  const { apiLess } = await import('../../compose/convert/compose.ts');
  // docker checks the client's version before it has talked to the daemon: only an API version
  // forced below 1.30 (DOCKER_API_VERSION) turns resolving off.
  const resolveImage = apiLess(await engine.apiVersion(), '1.30') ? 'never' : opts.resolveImage;

  // deployCompose
  const info = await engine.info();
  if (info.Swarm?.ControlAvailable !== true) {
    throw new StatusError(
      'this node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again',
      1,
    );
  }
  const convert = await import('../../compose/convert/index.ts');
  const networksAPI = await import('../../engine/networks.ts');
  const services = await import('../../engine/services.ts');
  const ns = new convert.Namespace(opts.namespace);
  const stackFilter = { label: { [`${convert.LABEL_NAMESPACE}=${ns.name}`]: true } };

  if (opts.prune) {
    const keep = new Set(config.Services.map((s) => s.Name));
    let old: Awaited<ReturnType<typeof services.listServices>> = [];
    try {
      old = await services.listServices(engine, stackFilter);
    } catch (e) {
      deps.stderr.write(`Failed to list services: ${message(e)}\n`);
    }
    const prune = old.filter((s) => !keep.has(ns.descope(s.Spec?.Name ?? ''))).sort((a, b) => ((a.Spec?.Name ?? '') < (b.Spec?.Name ?? '') ? -1 : 1));
    for (const s of prune) {
      deps.stdout.write(`Removing service ${s.Spec?.Name ?? ''}\n`);
      try {
        await services.removeService(engine, s.ID);
      } catch (e) {
        deps.stderr.write(`Failed to remove service ${s.ID}: ${message(e)}`);
      }
    }
  }

  // networks
  const { networks, externals } = convert.convertNetworks(ns, config.Networks, convert.servicesNetworks(config));
  for (const name of externals) {
    if (!convert.isUserDefinedNetwork(name)) continue;
    let scope: string;
    try {
      scope = (await networksAPI.inspectNetwork(engine, name)).value?.Scope ?? '';
    } catch (e) {
      if (isNotFound(e)) {
        throw new StatusError(
          `network ${quote(name)} is declared as external, but could not be found. You need to create a swarm-scoped network before the stack is deployed`,
          1,
        );
      }
      throw e;
    }
    if (scope !== 'swarm') {
      throw new StatusError(`network ${quote(name)} is declared as external, but it is not in the right scope: ${quote(scope)} instead of "swarm"`, 1);
    }
  }
  const existingNetworks = new Set((await networksAPI.listNetworks(engine, stackFilter)).map((n) => n.Name ?? ''));
  for (const [name, o] of networks) {
    if (existingNetworks.has(name)) continue;
    deps.stdout.write(`Creating network ${name}\n`);
    try {
      await networksAPI.createNetwork(engine, name, {
        Driver: o.Driver === '' ? 'overlay' : o.Driver,
        Scope: '',
        IPAM: o.IPAM === undefined ? null : { Driver: o.IPAM.Driver, Options: null, Config: o.IPAM.Config ?? null },
        Internal: o.Internal,
        Attachable: o.Attachable,
        Ingress: false,
        ConfigOnly: false,
        ConfigFrom: null,
        Options: o.Options ?? null,
        Labels: o.Labels,
      });
    } catch (e) {
      throw new StatusError(`failed to create network ${name}: ${message(e)}`, 1);
    }
  }

  // secrets, then configs
  const { goFileError } = await import('../../engine/errors.ts');
  const readFile = (path: string): Uint8Array => {
    try {
      return readFileSync(path);
    } catch (e) {
      throw new StatusError(goFileError(path, e), 1);
    }
  };
  const secrets = convert.convertSecrets(ns, config.Secrets, readFile);
  await createOrUpdate(deps, 'secrets', secrets);
  const configs = convert.convertConfigs(ns, config.Configs, readFile);
  await createOrUpdate(deps, 'configs', configs);

  // services
  const { listSecretsByName } = await import('../../engine/secrets.ts');
  const { listConfigsByName } = await import('../../engine/configs.ts');
  let specs: Map<string, ServiceSpec>;
  try {
    specs = await convert.convertServices(await engine.apiVersion(), ns, config, {
      secrets: (names) => listSecretsByName(engine, names),
      configs: (names) => listConfigsByName(engine, names),
    });
  } catch (e) {
    if (e instanceof convert.ConvertError) throw new StatusError(e.message, 1);
    throw e;
  }
  const ids = await deployServices(deps, ns, specs, opts.sendRegistryAuth, resolveImage);
  if (opts.detach) return;

  const { waitOnService } = await import('../service/common.ts');
  const errs: string[] = [];
  for (const id of ids) {
    try {
      await waitOnService(deps, id, opts.quiet);
    } catch (e) {
      errs.push(`${id}: ${message(e)}`);
    }
  }
  if (errs.length > 0) throw new StatusError(errs.join('\n'), 1);
}

/** createSecrets / createConfigs: update an existing object (no output), or create it. */
async function createOrUpdate(deps: Deps, kind: 'secrets' | 'configs', specs: readonly FileObjectSpec[]): Promise<void> {
  const engine = await deps.engine();
  const { createObject, inspectObject, updateObject } = await import('../../engine/secrets.ts');
  const what = kind === 'secrets' ? 'secret' : 'config';
  for (const spec of specs) {
    let existing: { readonly ID?: string; readonly Version?: { readonly Index?: number } } | undefined;
    try {
      existing = (await inspectObject(engine, kind, spec.Name)).value;
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
    if (existing !== undefined) {
      try {
        await updateObject(engine, kind, existing.ID ?? '', existing.Version?.Index ?? 0, spec);
      } catch (e) {
        throw new StatusError(`failed to update ${what} ${spec.Name}: ${message(e)}`, 1);
      }
      continue;
    }
    deps.stdout.write(`Creating ${what} ${spec.Name}\n`);
    try {
      await createObject(engine, kind, spec);
    } catch (e) {
      throw new StatusError(`failed to create ${what} ${spec.Name}: ${message(e)}`, 1);
    }
  }
}

/** deployServices: returns the IDs of the services created or updated, in order. */
async function deployServices(
  deps: Deps,
  ns: Namespace,
  specs: ReadonlyMap<string, ServiceSpec>,
  sendAuth: boolean,
  resolveImage: string,
): Promise<string[]> {
  const engine = await deps.engine();
  const services = await import('../../engine/services.ts');
  const { encodeServiceSpec } = await import('../../spec/codec.ts');
  const { resolveServiceImage } = await import('../service/image.ts');
  const { printWarnings } = await import('../service/common.ts');
  const { LABEL_IMAGE, LABEL_NAMESPACE } = await import('../../compose/convert/index.ts');
  const existing = await services.listServices(engine, { label: { [`${LABEL_NAMESPACE}=${ns.name}`]: true } });
  const byName = new Map(existing.map((s) => [s.Spec?.Name ?? '', s]));
  const ids: string[] = [];
  for (const [internalName, spec0] of specs) {
    const name = ns.scope(internalName);
    const image = spec0.TaskTemplate?.ContainerSpec?.Image ?? '';
    let encodedAuth = '';
    if (sendAuth) {
      const { retrieveAuthTokenFromImage } = await import('../service/registry-auth.ts');
      encodedAuth = retrieveAuthTokenFromImage(deps.config, image, deps.env);
    }
    const current = byName.get(name);
    if (current !== undefined) {
      deps.stdout.write(`Updating service ${name} (id: ${current.ID})\n`);
      const cur = current.Spec as CurrentSpec | undefined;
      const deployedImage = cur?.TaskTemplate?.ContainerSpec?.Image ?? '';
      const labelImage = cur?.Labels?.[LABEL_IMAGE];
      let queryRegistry = false;
      let spec = spec0;
      const keepImage = () => {
        spec = { ...spec, TaskTemplate: { ...spec.TaskTemplate, ContainerSpec: { ...spec.TaskTemplate?.ContainerSpec, Image: deployedImage } } };
      };
      if (resolveImage === 'always') queryRegistry = true;
      else if (resolveImage === 'changed') {
        if (image !== labelImage) queryRegistry = true;
        else keepImage();
      } else if (image === labelImage) keepImage();
      const force = cur?.TaskTemplate?.ForceUpdate;
      spec = { ...spec, TaskTemplate: { ...spec.TaskTemplate, ForceUpdate: BigInt(force ?? 0) } };
      const resolved = await resolveServiceImage(engine, spec, queryRegistry, encodedAuth);
      let response: ServiceWriteResponse;
      try {
        response = await services.updateService(engine, current.ID, current.Version?.Index ?? 0, encodeServiceSpec(resolved.spec).replace(/\n$/, ''), {}, encodedAuth);
      } catch (e) {
        throw new StatusError(`failed to update service ${name}: ${message(e)}`, 1);
      }
      printWarnings(deps, [...(response.Warnings ?? []), resolved.warning]);
      ids.push(current.ID);
    } else {
      deps.stdout.write(`Creating service ${name}\n`);
      const resolved = await resolveServiceImage(engine, spec0, resolveImage === 'always' || resolveImage === 'changed', encodedAuth);
      let response: ServiceWriteResponse;
      try {
        response = await services.createService(engine, encodeServiceSpec(resolved.spec).replace(/\n$/, ''), encodedAuth);
      } catch (e) {
        throw new StatusError(`failed to create service ${name}: ${message(e)}`, 1);
      }
      ids.push(response.ID ?? '');
    }
  }
  return ids;
}

interface CurrentSpec {
  readonly Labels?: Record<string, string> | null;
  readonly TaskTemplate?: { readonly ForceUpdate?: number; readonly ContainerSpec?: { readonly Image?: string } };
}
