/**
 * `docker service create [OPTIONS] IMAGE [COMMAND] [ARG...]` (cli/command/service/create.go,
 * docker 28.2.2): the spec from the flags (src/spec), the lookups docker makes on the way, the
 * image tagged and pinned, then the service's ID and, unless -d, the wait for convergence.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Command } from 'commander';
import { addLeaf, minArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import { goFileError } from '../../engine/errors.ts';
import type { ServiceFlagValues } from '../../spec/flags.ts';
import type { CommandContext } from '../context.ts';
import { serviceFlagSpecs, serviceFlagValues } from './flags.ts';
import { printWarnings, waitOnService, withSpecErrors } from './common.ts';

export interface CreateOptions {
  readonly image: string;
  /** COMMAND and ARGs (they become ContainerSpec.Args). */
  readonly args: readonly string[];
  /** The flags given, parsed by the spec layer. */
  readonly flags: ServiceFlagValues;
}

export function register(group: Command, ctx: CommandContext): void {
  const flags = serviceFlagSpecs('create', ctx.deps);
  addLeaf(
    group,
    {
      name: 'create',
      use: 'create [OPTIONS] IMAGE [COMMAND] [ARG...]',
      short: 'Create a new service',
      args: minArgs(1),
      flags,
      interspersed: false,
      action: (f, args) => run({ image: args[0] ?? '', args: args.slice(1), flags: serviceFlagValues(f) }, ctx.deps),
    },
    ctx.sink,
  );
}

/** Each --env-file's bytes (or the error opening it gave), read as docker reads them. */
function readEnvFiles(paths: readonly string[], cwd: string): Map<string, Uint8Array | Error> {
  const out = new Map<string, Uint8Array | Error>();
  for (const p of paths) {
    try {
      out.set(p, readFileSync(isAbsolute(p) ? p : resolve(cwd, p)));
    } catch (e) {
      out.set(p, new Error(goFileError(p, e)));
    }
  }
  return out;
}

export async function run(opts: CreateOptions, deps: Deps): Promise<void> {
  const f = opts.flags;
  await withSpecErrors(async () => {
    const spec = await import('../../spec/index.ts');
    const { withLookups } = await import('./lookups.ts');
    const envFiles = readEnvFiles(f['env-file'] ?? [], deps.system.cwd);
    const lookupEnv = (k: string) => deps.env[k];
    const credConfig = f['credential-spec']?.value.Config ?? '';
    const built = await withLookups(
      () => deps.engine(),
      {
        secrets: () => spec.secretLookupNames(f.secret ?? []),
        configs: () =>
          spec.configLookupNames([...(f.config ?? []), ...(credConfig !== '' ? [{ Runtime: {}, ConfigName: credConfig }] : [])]),
      },
      (view) =>
        spec.buildServiceSpec({ image: opts.image, args: opts.args }, f, {
          lookupEnv,
          envFiles,
          networks: view.networks,
          get secrets() {
            return view.secrets;
          },
          get configs() {
            return view.configs;
          },
        }),
    );
    let encodedAuth = '';
    if (f['with-registry-auth'] === true) {
      const { retrieveAuthTokenFromImage } = await import('./registry-auth.ts');
      encodedAuth = retrieveAuthTokenFromImage(deps.config, opts.image, deps.env);
    }
    const engine = await deps.engine();
    const { resolveServiceImage } = await import('./image.ts');
    const resolved = await resolveServiceImage(engine, built, f['no-resolve-image'] !== true, encodedAuth);
    const { createService } = await import('../../engine/services.ts');
    const body = spec.encodeServiceSpec(resolved.spec).replace(/\n$/, '');
    const response = await createService(engine, body, encodedAuth);
    printWarnings(deps, [...(response.Warnings ?? []), resolved.warning]);
    const id = response.ID ?? '';
    deps.stdout.write(`${id}\n`);
    if (f.detach === true) return;
    await waitOnService(deps, id, f.quiet === true);
  });
}
