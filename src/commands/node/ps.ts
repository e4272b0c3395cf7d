/** `docker node ps` (cli/command/node/ps.go): the tasks of one or more nodes. */
import type { Command } from 'commander';
import { addLeaf, minArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import type { Task } from '../../engine/tasks.ts';
import { StatusError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { filterFlag, formatFlag, NO_RESOLVE_FLAG, noTruncFlag, quietFlag, taskListOptions, type TaskListOptions } from '../list-flags.ts';
import { clientConfig } from '../shared.ts';

export interface PsOptions extends TaskListOptions {
  /** Node references; empty means `self`. */
  readonly nodes: readonly string[];
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'ps',
      use: 'ps [OPTIONS] [NODE...]',
      short: 'List tasks running on one or more nodes, defaults to current node',
      args: minArgs(0),
      flags: [noTruncFlag(), NO_RESOLVE_FLAG, filterFlag(), formatFlag('Pretty-print tasks using a Go template'), quietFlag('Only display task IDs')],
      action: (f, args) => run({ nodes: args, ...taskListOptions(f) }, ctx.deps),
    },
    ctx.sink,
  );
}

export async function run(opts: PsOptions, deps: Deps): Promise<void> {
  const [{ nodeReference }, { listTasks }, { IDResolver }, { filtersFrom }] = await Promise.all([
    import('../../engine/nodes.ts'),
    import('../../engine/tasks.ts'),
    import('../../engine/idresolver.ts'),
    import('../../engine/filters.ts'),
  ]);
  const engine = await deps.engine();
  const errs: string[] = [];
  const tasks: Task[] = [];
  // docker adds each node's ID to the same filter set, so later queries also match the
  // earlier nodes (a task of node A is listed again for node B).
  const filters = filtersFrom(opts.filter);
  for (const ref of opts.nodes.length > 0 ? opts.nodes : ['self']) {
    try {
      const node = (await engine.inspectNode(await nodeReference(engine, ref))).value;
      (filters['node'] ??= {})[node.ID] = true;
      tasks.push(...(await listTasks(engine, filters)));
    } catch (e) {
      errs.push(e instanceof Error ? e.message : String(e));
    }
  }

  if (errs.length === 0 || tasks.length > 0) {
    const { renderTasks, defaultTaskFormat } = await import('../../render/tasks.ts');
    const format = opts.format !== '' ? opts.format : defaultTaskFormat(clientConfig(deps).tasksFormat, opts.quiet);
    const resolver = new IDResolver(engine, opts.noResolve);
    const [serviceNames, nodeNames] = await Promise.all([
      resolver.all('service', tasks.map((t) => t.ServiceID ?? '')),
      resolver.all('node', tasks.map((t) => t.NodeID ?? '')),
    ]);
    try {
      deps.stdout.write(
        renderTasks({ tasks, format, quiet: opts.quiet, trunc: !opts.noTrunc, serviceNames, nodeNames, now: deps.now() }),
      );
    } catch (e) {
      errs.push(e instanceof Error ? e.message : String(e));
    }
  }
  if (errs.length > 0) throw new StatusError(errs.join('\n'), 1);
}
