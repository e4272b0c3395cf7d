/** `docker stack ps` (cli/command/stack/ps.go, stack/swarm/ps.go, docker 28): the stack's tasks. */
import type { Command } from 'commander';
import { addLeaf, exactArgs } from '../../cli/define.ts';
import { FORMAT_HELP } from '../../cli/flags.ts';
import type { Deps } from '../../deps.ts';
import { StatusError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { clientConfig } from '../shared.ts';
import { stackFilter, validateStackName } from './common.ts';

export interface PsOptions {
  readonly namespace: string;
  readonly noTrunc: boolean;
  readonly noResolve: boolean;
  readonly quiet: boolean;
  readonly format: string;
  readonly filter: readonly string[];
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'ps',
      use: 'ps [OPTIONS] STACK',
      short: 'List the tasks in the stack',
      args: exactArgs(1),
      flags: [
        { name: 'no-trunc', type: 'bool', usage: 'Do not truncate output' },
        { name: 'no-resolve', type: 'bool', usage: 'Do not map IDs to Names' },
        { name: 'filter', short: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
        { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display task IDs' },
        { name: 'format', type: 'string', usage: FORMAT_HELP },
      ],
      action: (f, args) =>
        run(
          {
            namespace: args[0] ?? '',
            noTrunc: f['no-trunc'] === true,
            noResolve: f['no-resolve'] === true,
            quiet: f['quiet'] === true,
            format: (f['format'] as string | undefined) ?? '',
            filter: (f['filter'] as string[] | undefined) ?? [],
          },
          ctx.deps,
        ),
    },
    ctx.sink,
  );
}

/**
 * The tasks with the stack's label (and the user's filters, passed to the daemon as given),
 * in the task table of `service ps`; -q prints 12-character IDs unless --no-trunc.
 */
export async function run(opts: PsOptions, deps: Deps): Promise<void> {
  validateStackName(opts.namespace);
  const [{ listTasks }, { IDResolver }, { filtersFrom }] = await Promise.all([
    import('../../engine/tasks.ts'),
    import('../../engine/idresolver.ts'),
    import('../../engine/filters.ts'),
  ]);
  const engine = await deps.engine();
  const tasks = await listTasks(engine, stackFilter(opts.namespace, filtersFrom(opts.filter)));
  if (tasks.length === 0) throw new StatusError(`nothing found in stack: ${opts.namespace}`, 1);

  const { renderTasks, defaultTaskFormat } = await import('../../render/tasks.ts');
  const format = opts.format !== '' ? opts.format : defaultTaskFormat(clientConfig(deps).tasksFormat, opts.quiet);
  const resolver = new IDResolver(engine, opts.noResolve);
  const [serviceNames, nodeNames] = await Promise.all([
    resolver.all('service', tasks.map((t) => t.ServiceID ?? '')),
    resolver.all('node', tasks.map((t) => t.NodeID ?? '')),
  ]);
  deps.stdout.write(renderTasks({ tasks, format, quiet: opts.quiet, trunc: !opts.noTrunc, serviceNames, nodeNames, now: deps.now() }));
}
