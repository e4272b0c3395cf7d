/** `docker network ls` (cli/command/network/list.go, docker 28). */
import type { Command } from 'commander';
import { addLeaf, noArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import type { CommandContext } from '../context.ts';
import { filterFlag, formatFlag, listFormat, listOptions, type ListOptions, noTruncFlag, quietFlag } from '../list-flags.ts';
import { clientConfig } from '../shared.ts';
import type { ListedNetwork } from '../../render/network-list.ts';

export interface LsOptions extends ListOptions {
  readonly noTrunc: boolean;
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
      flags: [quietFlag('Only display network IDs'), noTruncFlag('Do not truncate the output'), formatFlag(), filterFlag('Provide filter values (e.g. "driver=bridge")')],
      action: (f) => run({ ...listOptions(f), noTrunc: f['no-trunc'] === true }, ctx.deps),
    },
    ctx.sink,
  );
}

export async function run(opts: LsOptions, deps: Deps): Promise<void> {
  const [{ listNetworks }, { filtersFrom }] = await Promise.all([import('../../engine/networks.ts'), import('../../engine/filters.ts')]);
  const engine = await deps.engine();
  const networks = (await listNetworks(engine, filtersFrom(opts.filter))) as ListedNetwork[];
  const format = listFormat(opts.format, clientConfig(deps).networksFormat, opts.quiet);
  const { renderNetworkList } = await import('../../render/network-list.ts');
  deps.stdout.write(renderNetworkList(networks, format, opts.quiet, opts.noTrunc));
}
