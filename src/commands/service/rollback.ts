/**
 * `docker service rollback [OPTIONS] SERVICE` (cli/command/service/rollback.go, docker
 * 28.2.2): send the service's current spec back with rollback=previous, so the daemon restores
 * the previous one; print the argument and, unless -d, wait for convergence.
 */
import type { Command } from 'commander';
import { addLeaf, exactArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import type { CommandContext } from '../context.ts';
import { printWarnings, resendSpec, waitOnService } from './common.ts';

export interface RollbackOptions {
  readonly service: string;
  readonly quiet: boolean;
  readonly detach: boolean;
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'rollback',
      use: 'rollback [OPTIONS] SERVICE',
      short: "Revert changes to a service's configuration",
      version: '1.31',
      args: exactArgs(1),
      flags: [
        { name: 'detach', short: 'd', type: 'bool', usage: 'Exit immediately instead of waiting for the service to converge' },
        { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress progress output' },
      ],
      action: (f, args) => run({ service: args[0] ?? '', quiet: f['quiet'] === true, detach: f['detach'] === true }, ctx.deps),
    },
    ctx.sink,
  );
}

export async function run(opts: RollbackOptions, deps: Deps): Promise<void> {
  const warnings = await resendSpec(deps, opts.service, (spec) => spec, { rollback: 'previous' });
  printWarnings(deps, warnings);
  deps.stdout.write(`${opts.service}\n`);
  if (opts.detach) return;
  await waitOnService(deps, opts.service, opts.quiet);
}
