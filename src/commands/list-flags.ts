/**
 * The flags docker's list commands share (`ls`, `ps`, `services`): -q/--quiet, --format and
 * -f/--filter, and for task lists --no-trunc and --no-resolve. docker words some of them
 * differently per command (`Only display task IDs`, `Pretty-print tasks using a Go template`),
 * so the usage text is a parameter with the most common wording as default.
 */
import type { FlagValues } from '../cli/define.ts';
import { FORMAT_HELP, type FlagSpec } from '../cli/flags.ts';

export const quietFlag = (usage = 'Only display IDs'): FlagSpec => ({ name: 'quiet', short: 'q', type: 'bool', usage });
export const formatFlag = (usage = FORMAT_HELP): FlagSpec => ({ name: 'format', type: 'string', usage });
export const filterFlag = (usage = 'Filter output based on conditions provided'): FlagSpec => ({ name: 'filter', short: 'f', type: 'filter', usage });
export const noTruncFlag = (usage = 'Do not truncate output'): FlagSpec => ({ name: 'no-trunc', type: 'bool', usage });
export const NO_RESOLVE_FLAG: FlagSpec = { name: 'no-resolve', type: 'bool', usage: 'Do not map IDs to Names' };

/** -q, --format and -f as given (unset: false, '' and none). */
export interface ListOptions {
  readonly quiet: boolean;
  readonly format: string;
  readonly filter: readonly string[];
}

/** A task list's options: ListOptions with --no-trunc and --no-resolve. */
export interface TaskListOptions extends ListOptions {
  readonly noTrunc: boolean;
  readonly noResolve: boolean;
}

export function listOptions(f: FlagValues): ListOptions {
  return {
    quiet: f['quiet'] === true,
    format: (f['format'] as string | undefined) ?? '',
    filter: (f['filter'] as string[] | undefined) ?? [],
  };
}

export function taskListOptions(f: FlagValues): TaskListOptions {
  return { ...listOptions(f), noTrunc: f['no-trunc'] === true, noResolve: f['no-resolve'] === true };
}

/**
 * The format a list uses when --format is empty: the config file's (`nodesFormat`, …) unless
 * -q, else `table` (formatter.Format's default in each list.go).
 */
export function listFormat(given: string, fromConfig: string | undefined, quiet: boolean): string {
  if (given !== '') return given;
  return fromConfig && !quiet ? fromConfig : 'table';
}
