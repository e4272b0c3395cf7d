/** `tsw lab up`: bring up (or find up) an N-node swarm and print its environment. */
import type { Command } from 'commander';
import { addLeaf, noArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import { StatusError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { labStep, requireRootLinux } from './guard.ts';

export interface UpOptions {
  readonly nodes: number;
  readonly managers: number;
  readonly spares: number;
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'up',
      use: 'up [OPTIONS]',
      short: 'Start the lab swarm (idempotent) and print its environment',
      args: noArgs,
      flags: [
        { name: 'nodes', type: 'int', usage: 'Number of nodes', defaultText: '3' },
        { name: 'managers', type: 'int', usage: 'Number of managers among the nodes', defaultText: '1' },
        { name: 'spares', type: 'int', usage: 'Extra engines started outside the swarm (to try init, join, leave)' },
      ],
      action: (f) =>
        run(
          {
            nodes: (f['nodes'] as number | undefined) ?? 3,
            managers: (f['managers'] as number | undefined) ?? 1,
            spares: (f['spares'] as number | undefined) ?? 0,
          },
          ctx.deps,
        ),
    },
    ctx.sink,
  );
}

export async function run(opts: UpOptions, deps: Deps): Promise<void> {
  requireRootLinux(deps);
  const lab = await import('../../lab/lab.ts');
  const started = deps.now().getTime();
  const state = await labStep(async () => {
    try {
      return await lab.up(opts.nodes, opts.managers, opts.spares, (line) => deps.stderr.write(`${line}\n`));
    } catch (err) {
      if (err instanceof lab.LabError) throw new StatusError(`tsw lab: ${err.message}`, 1);
      throw err;
    }
  });
  const secs = ((deps.now().getTime() - started) / 1000).toFixed(1);
  const spares = state.spares > 0 ? `, ${state.spares} spare engine(s) outside it` : '';
  deps.stderr.write(`Lab swarm is up: ${state.nodes} nodes, ${state.managers} manager(s)${spares} (${secs}s). Use it with:\n`);
  deps.stdout.write(`${lab.envLines(state).join('\n')}\n`);
}
