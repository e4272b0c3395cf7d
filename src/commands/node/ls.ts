/** `docker node ls` (cli/command/node/list.go). */
import type { Command } from 'commander';
import { addLeaf, noArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import { filtersFrom } from '../../engine/filters.ts';
import type { CommandContext } from '../context.ts';
import { filterFlag, formatFlag, listFormat, listOptions, type ListOptions, quietFlag } from '../list-flags.ts';
import { clientConfig } from '../shared.ts';

export type LsOptions = ListOptions;

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'ls',
      use: 'ls [OPTIONS]',
      aliases: ['list'],
      short: 'List nodes in the swarm',
      args: noArgs,
      flags: [quietFlag(), formatFlag(), filterFlag()],
      action: (f) => run(listOptions(f), ctx.deps),
    },
    ctx.sink,
  );
}

export async function run(opts: LsOptions, deps: Deps): Promise<void> {
  const engine = await deps.engine();
  const nodes = await engine.listNodes(filtersFrom(opts.filter));
  // docker asks /info (for the * marker) only when there is something to mark.
  const info = nodes.length > 0 && !opts.quiet ? await engine.info() : undefined;
  const format = listFormat(opts.format, clientConfig(deps).nodesFormat, opts.quiet);
  const { renderNodeList } = await import('../../render/node-list.ts');
  deps.stdout.write(renderNodeList(nodes, info, format, opts.quiet));
}
