/** `docker node rm` (cli/command/node/remove.go). */
import type { Command } from 'commander';
import { addLeaf, minArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import { StatusError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';

export interface RmOptions {
  readonly nodes: readonly string[];
  readonly force: boolean;
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'rm',
      use: 'rm [OPTIONS] NODE [NODE...]',
      aliases: ['remove'],
      short: 'Remove one or more nodes from the swarm',
      args: minArgs(1),
      flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Force remove a node from the swarm' }],
      action: (f, args) => run({ nodes: args, force: f['force'] === true }, ctx.deps),
    },
    ctx.sink,
  );
}

export async function run(opts: RmOptions, deps: Deps): Promise<void> {
  const { removeNode } = await import('../../engine/nodes.ts');
  const engine = await deps.engine();
  const errs: string[] = [];
  for (const ref of opts.nodes) {
    try {
      await removeNode(engine, ref, opts.force);
      deps.stdout.write(`${ref}\n`);
    } catch (e) {
      errs.push(e instanceof Error ? e.message : String(e));
    }
  }
  if (errs.length > 0) throw new StatusError(errs.join('\n'), 1);
}
