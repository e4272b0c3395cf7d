/** `tsw lab env`: the export lines for a shell (eval "$(tsw lab env)"). */
import type { Command } from 'commander';
import { addLeaf, noArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import { StatusError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    { name: 'env', use: 'env', short: "Print the lab's environment (DOCKER_HOST, …)", args: noArgs, flags: [], action: () => run(ctx.deps) },
    ctx.sink,
  );
}

export async function run(deps: Deps): Promise<void> {
  const lab = await import('../../lab/lab.ts');
  const state = lab.readState();
  if (!state) throw new StatusError("tsw lab: no lab is up; start one with 'tsw lab up'", 1);
  deps.stdout.write(`${lab.envLines(state).join('\n')}\n`);
}
