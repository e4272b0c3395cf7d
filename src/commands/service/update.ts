/**
 * `docker service update [OPTIONS] SERVICE` (cli/command/service/update.go runUpdate, docker
 * 28.2.2): read the service, apply the flags given (src/spec), make the lookups docker makes,
 * pin a new --image, send the spec with the version read, print the argument and, unless -d,
 * wait for convergence. `--rollback` asks the daemon to roll back (rollback=previous).
 */
import type { Command } from 'commander';
import { addLeaf, exactArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import type { ServiceFlagValues } from '../../spec/flags.ts';
import type { CommandContext } from '../context.ts';
import { printWarnings, waitOnService, withSpecErrors } from './common.ts';
import { serviceFlagSpecs, serviceFlagValues } from './flags.ts';

export interface UpdateOptions {
  /** SERVICE as given (printed back, and followed while waiting). */
  readonly service: string;
  readonly flags: ServiceFlagValues;
}

export function register(group: Command, ctx: CommandContext): void {
  const flags = serviceFlagSpecs('update', ctx.deps);
  addLeaf(
    group,
    {
      name: 'update',
      use: 'update [OPTIONS] SERVICE',
      short: 'Update a service',
      args: exactArgs(1),
      flags,
      action: (f, args) => run({ service: args[0] ?? '', flags: serviceFlagValues(f) }, ctx.deps),
    },
    ctx.sink,
  );
}

export async function run(opts: UpdateOptions, deps: Deps): Promise<void> {
  const f = opts.flags;
  await withSpecErrors(async () => {
    const engine = await deps.engine();
    const { inspectService, updateService } = await import('../../engine/services.ts');
    const inspected = await inspectService(engine, opts.service, false);
    const spec = await import('../../spec/index.ts');
    const { withLookups } = await import('./lookups.ts');
    const current = spec.decodeService(inspected.raw);
    const credConfig = f['credential-spec']?.value.Config ?? '';
    const updated = await withLookups(
      () => deps.engine(),
      {
        secrets: () => spec.secretLookupNames(f['secret-add'] ?? []),
        configs: () =>
          spec.configLookupNames([...(f['config-add'] ?? []), ...(credConfig !== '' ? [{ Runtime: {}, ConfigName: credConfig }] : [])]),
      },
      (view) =>
        spec.applyUpdateFlags(current.spec, f, {
          networks: view.networks,
          get secrets() {
            return view.secrets;
          },
          get configs() {
            return view.configs;
          },
        }),
    );
    // The registry is asked for a digest only when --image was given (docker 28).
    const queryRegistry = f.image !== undefined && f['no-resolve-image'] !== true;
    let encodedAuth = '';
    if (f['with-registry-auth'] === true) {
      const { retrieveAuthTokenFromImage } = await import('./registry-auth.ts');
      encodedAuth = retrieveAuthTokenFromImage(deps.config, updated.TaskTemplate?.ContainerSpec?.Image ?? '', deps.env);
    }
    const { resolveServiceImage } = await import('./image.ts');
    const resolved = await resolveServiceImage(engine, updated, queryRegistry, encodedAuth);
    const body = spec.encodeServiceSpec(resolved.spec).replace(/\n$/, '');
    const response = await updateService(
      engine,
      current.id,
      current.version,
      body,
      { ...(f['with-registry-auth'] === true ? {} : { registryAuthFrom: 'spec' }), ...(f.rollback === true ? { rollback: 'previous' } : {}) },
      encodedAuth,
    );
    printWarnings(deps, [...(response.Warnings ?? []), resolved.warning]);
    deps.stdout.write(`${opts.service}\n`);
    if (f.detach === true) return;
    await waitOnService(deps, opts.service, f.quiet === true);
  });
}
