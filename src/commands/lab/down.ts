/** `tsw lab down`: stop the lab and remove every trace of it. */
import type { Command } from 'commander';
import { addLeaf, noArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import type { CommandContext } from '../context.ts';
import { labStep, requireRootLinux } from './guard.ts';

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'down',
      use: 'down',
      short: 'Stop the lab swarm and remove its engines, namespaces, links and data',
      args: noArgs,
      flags: [],
      action: () => run(ctx.deps),
    },
    ctx.sink,
  );
}

export async function run(deps: Deps): Promise<void> {
  requireRootLinux(deps);
  const lab = await import('../../lab/lab.ts');
  await labStep(() => lab.down((line) => deps.stderr.write(`${line}\n`)));
  deps.stderr.write('Lab swarm is down.\n');
}
