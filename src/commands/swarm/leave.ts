/** `docker swarm leave` (cli/command/swarm/leave.go). */
import type { Command } from 'commander';
import { addLeaf, noArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import { swarmLeave } from '../../engine/swarm.ts';
import type { CommandContext } from '../context.ts';

export interface LeaveOptions {
  readonly force: boolean;
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'leave',
      use: 'leave [OPTIONS]',
      short: 'Leave the swarm',
      args: noArgs,
      flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Force this node to leave the swarm, ignoring warnings' }],
      action: (f) => run({ force: f['force'] === true }, ctx.deps),
    },
    ctx.sink,
  );
}

export async function run(opts: LeaveOptions, deps: Deps): Promise<void> {
  await swarmLeave(await deps.engine(), opts.force);
  deps.stdout.write('Node left the swarm.\n');
}
