/**
 * `docker stack config` (cli/command/stack/config.go, docker 28.2.2): the merged and
 * interpolated compose file, as yaml.v3 writes docker's compose types.
 */
import type { Command } from 'commander';
import { addLeaf, noArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import type { CommandContext } from '../context.ts';


export interface ConfigOptions {
  readonly composeFiles: readonly string[];
  readonly skipInterpolation: boolean;
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'config',
      use: 'config [OPTIONS]',
      short: 'Outputs the final config file, after doing merges and interpolations',
      args: noArgs,
      flags: [
        { name: 'compose-file', short: 'c', type: 'stringSlice', usage: 'Path to a Compose file, or "-" to read from stdin' },
        { name: 'skip-interpolation', type: 'bool', usage: 'Skip interpolation and output only merged config' },
      ],
      action: (f) =>
        run(
          {
            composeFiles: (f['compose-file'] as string[] | undefined) ?? [],
            skipInterpolation: f['skip-interpolation'] === true,
          },
          ctx.deps,
        ),
    },
    ctx.sink,
  );
}

export async function run(opts: ConfigOptions, deps: Deps): Promise<void> {
  const { loadStack } = await import('./load.ts');
  const { marshalConfig } = await import('../../compose/marshal.ts');
  const config = await loadStack(opts.composeFiles, deps, { forDeploy: false, skipInterpolation: opts.skipInterpolation });
  deps.stdout.write(marshalConfig(config));
}
