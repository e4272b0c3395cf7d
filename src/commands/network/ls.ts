/** `docker network ls` (cli/command/network/list.go, docker 28). */
import type { Command } from 'commander';
import { addLeaf, noArgs } from '../../cli/define.ts';
import { FORMAT_HELP } from '../../cli/flags.ts';
import type { Deps } from '../../deps.ts';
import type { CommandContext } from '../context.ts';
import { clientConfig } from '../shared.ts';
import type { ListedNetwork } from '../../render/network-list.ts';

export interface LsOptions {
  readonly quiet: boolean;
  readonly noTrunc: boolean;
  readonly format: string;
  readonly filter: readonly string[];
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'ls',
      use: 'ls [OPTIONS]',
      aliases: ['list'],
      short: 'List networks',
      args: noArgs,
      flags: [
        { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display network IDs' },
        { name: 'no-trunc', type: 'bool', usage: 'Do not truncate the output' },
        { name: 'format', type: 'string', usage: FORMAT_HELP },
        { name: 'filter', short: 'f', type: 'filter', usage: 'Provide filter values (e.g. "driver=bridge")' },
      ],
      action: (f) =>
        run(
          {
            quiet: f['quiet'] === true,
            noTrunc: f['no-trunc'] === true,
            format: (f['format'] as string | undefined) ?? '',
            filter: (f['filter'] as string[] | undefined) ?? [],
          },
          ctx.deps,
        ),
    },
    ctx.sink,
  );
}

export async function run(opts: LsOptions, deps: Deps): Promise<void> {
  const [{ listNetworks }, { filtersFrom }] = await Promise.all([import('../../engine/networks.ts'), import('../../engine/filters.ts')]);
  const engine = await deps.engine();
  const networks = (await listNetworks(engine, filtersFrom(opts.filter))) as ListedNetwork[];
  let format = opts.format;
  if (format === '') {
    const fromConfig = clientConfig(deps).networksFormat;
    format = fromConfig && !opts.quiet ? fromConfig : 'table';
  }
  const { renderNetworkList } = await import('../../render/network-list.ts');
  deps.stdout.write(renderNetworkList(networks, format, opts.quiet, opts.noTrunc));
}
