/** `docker node demote` (cli/command/node/demote.go). */
import type { Command } from 'commander';
import { addLeaf, minArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import type { CommandContext } from '../context.ts';
import { NO_ROLE_CHANGE, updateNodes } from './update-nodes.ts';

export interface DemoteOptions {
  readonly nodes: readonly string[];
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'demote',
      use: 'demote NODE [NODE...]',
      short: 'Demote one or more nodes from manager in the swarm',
      args: minArgs(1),
      flags: [],
      action: (_f, args) => run({ nodes: args }, ctx.deps),
    },
    ctx.sink,
  );
}

export async function run(opts: DemoteOptions, deps: Deps): Promise<void> {
  await updateNodes(
    deps,
    opts.nodes,
    (node, spec) => {
      if (spec.Role === 'worker') {
        deps.stdout.write(`Node ${node.ID} is already a worker.\n`);
        return NO_ROLE_CHANGE;
      }
      spec.Role = 'worker';
      return undefined;
    },
    (ref) => deps.stdout.write(`Manager ${ref} demoted in the swarm.\n`),
  );
}
