/** `docker service rm` (cli/command/service/remove.go): remove each service in turn. */
import type { Command } from 'commander';
import { addLeaf, minArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import { StatusError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';

export interface RmOptions {
  readonly services: readonly string[];
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'rm',
      use: 'rm SERVICE [SERVICE...]',
      aliases: ['remove'],
      short: 'Remove one or more services',
      args: minArgs(1),
      flags: [],
      action: (_f, args) => run({ services: args }, ctx.deps),
    },
    ctx.sink,
  );
}

/** Prints each name removed; the errors of the others are joined (errors.Join), exit 1. */
export async function run(opts: RmOptions, deps: Deps): Promise<void> {
  const { removeService } = await import('../../engine/services.ts');
  const engine = await deps.engine();
  const errs: string[] = [];
  for (const ref of opts.services) {
    try {
      await removeService(engine, ref);
      deps.stdout.write(`${ref}\n`);
    } catch (e) {
      errs.push(e instanceof Error ? e.message : String(e));
    }
  }
  if (errs.length > 0) throw new StatusError(errs.join('\n'), 1);
}
