/** `docker node ls` (cli/command/node/list.go). */
import type { Command } from 'commander';
import { addLeaf, noArgs } from '../../cli/define.ts';
import { FORMAT_HELP } from '../../cli/flags.ts';
import type { Deps } from '../../deps.ts';
import { filtersFrom } from '../../engine/filters.ts';
import type { CommandContext } from '../context.ts';
import { clientConfig } from '../shared.ts';

export interface LsOptions {
  readonly quiet: boolean;
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
      short: 'List nodes in the swarm',
      args: noArgs,
      flags: [
        { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display IDs' },
        { name: 'format', type: 'string', usage: FORMAT_HELP },
        { name: 'filter', short: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
      ],
      action: (f) =>
        run(
          {
            quiet: f['quiet'] === true,
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
  const engine = await deps.engine();
  const nodes = await engine.listNodes(filtersFrom(opts.filter));
  // docker asks /info (for the * marker) only when there is something to mark.
  const info = nodes.length > 0 && !opts.quiet ? await engine.info() : undefined;
  let format = opts.format;
  if (format === '') {
    const fromConfig = clientConfig(deps).nodesFormat;
    format = fromConfig && !opts.quiet ? fromConfig : 'table';
  }
  const { renderNodeList } = await import('../../render/node-list.ts');
  deps.stdout.write(renderNodeList(nodes, info, format, opts.quiet));
}
