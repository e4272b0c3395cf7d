/** `docker stack ps` (cli/command/stack/ps.go, stack/swarm/ps.go, docker 28): the stack's tasks. */
import type { Command } from 'commander';
import { addLeaf, exactArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import { StatusError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { filterFlag, formatFlag, NO_RESOLVE_FLAG, noTruncFlag, quietFlag, taskListOptions, type TaskListOptions } from '../list-flags.ts';
import { clientConfig } from '../shared.ts';
import { stackFilter, validateStackName } from './common.ts';

export interface PsOptions extends TaskListOptions {
  readonly namespace: string;
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'ps',
      use: 'ps [OPTIONS] STACK',
      short: 'List the tasks in the stack',
      args: exactArgs(1),
      flags: [noTruncFlag(), NO_RESOLVE_FLAG, filterFlag(), quietFlag('Only display task IDs'), formatFlag()],
      action: (f, args) => run({ namespace: args[0] ?? '', ...taskListOptions(f) }, ctx.deps),
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
