/** `docker network prune` (cli/command/network/prune.go, docker 28.2.2). */
import type { Command } from 'commander';
import { addLeaf, noArgs } from '../../cli/define.ts';
import type { FlagSpec } from '../../cli/flags.ts';
import type { Deps } from '../../deps.ts';
import type { Filters } from '../../engine/types.ts';
import type { CommandContext } from '../context.ts';

export interface PruneOptions {
  readonly force: boolean;
  /** --filter values, already normalised by the filter flag (key=value). */
  readonly filter: readonly string[];
}

const FLAGS: readonly FlagSpec[] = [
  { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  { name: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")' },
];

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'prune',
      use: 'prune [OPTIONS]',
      short: 'Remove all unused networks',
      version: '1.25',
      args: noArgs,
      flags: FLAGS,
      action: (f) => run({ force: f['force'] === true, filter: (f['filter'] as string[] | undefined) ?? [] }, ctx.deps),
    },
    ctx.sink,
  );
}

export const PRUNE_WARNING =
  'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue?';

/**
 * command.PruneFilters: the config file's `pruneFilters` (KEY=VALUE; others skipped) added to
 * the flag's, except a `label` whose value is already a `label!` of the flag's, and vice versa.
 */
export function pruneFilters(flag: Filters, fromConfig: readonly string[]): Filters {
  const out: Record<string, Record<string, boolean>> = {};
  for (const [k, vs] of Object.entries(flag)) out[k] = { ...vs };
  const exact = (k: string, v: string) => out[k]?.[v] === true;
  for (const f of fromConfig) {
    const eq = f.indexOf('=');
    if (eq < 0) continue;
    const k = f.slice(0, eq);
    const v = f.slice(eq + 1);
    if (k === 'label' && exact('label!', v)) continue;
    if (k === 'label!' && exact('label', v)) continue;
    (out[k] ??= {})[v] = true;
  }
  return out;
}

/**
 * runPrune: the warning and prompt unless -f (a "no", like SIGINT at the prompt, ends with
 * nothing printed, exit 0), then one POST; "Deleted Networks:" and one name per line, then the
 * blank line of Fprintln on output that already ends in "\n". Nothing when none was removed.
 */
export async function run(opts: PruneOptions, deps: Deps): Promise<void> {
  const { filtersFrom } = await import('../../engine/filters.ts');
  const filters = pruneFilters(filtersFrom(opts.filter), deps.config.pruneFilters ?? []);
  if (!opts.force) {
    const { confirmUnlessInterrupted } = await import('../prompt.ts');
    // "no" and SIGINT (prompt.ErrTerminated, status 0) both end here without a message.
    if ((await confirmUnlessInterrupted(deps, PRUNE_WARNING)) !== true) return;
  }
  const { pruneNetworks } = await import('../../engine/networks.ts');
  const deleted = await pruneNetworks(await deps.engine(), filters);
  if (deleted.length === 0) return;
  deps.stdout.write(`Deleted Networks:\n${deleted.map((name) => `${name}\n`).join('')}\n`);
}
