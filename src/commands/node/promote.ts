/** `docker node promote` (cli/command/node/promote.go). */
import type { Command } from 'commander';
import { addLeaf, minArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import type { CommandContext } from '../context.ts';
import { NO_ROLE_CHANGE, updateNodes } from './update-nodes.ts';

export interface PromoteOptions {
  readonly nodes: readonly string[];
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'promote',
      use: 'promote NODE [NODE...]',
      short: 'Promote one or more nodes to manager in the swarm',
      args: minArgs(1),
      flags: [],
      action: (_f, args) => run({ nodes: args }, ctx.deps),
    },
    ctx.sink,
  );
}

export async function run(opts: PromoteOptions, deps: Deps): Promise<void> {
  await updateNodes(
    deps,
    opts.nodes,
    (node, spec) => {
      if (spec.Role === 'manager') {
        deps.stdout.write(`Node ${node.ID} is already a manager.\n`);
        return NO_ROLE_CHANGE;
      }
      spec.Role = 'manager';
      return undefined;
    },
    (ref) => deps.stdout.write(`Node ${ref} promoted to a manager in the swarm.\n`),
  );
}
