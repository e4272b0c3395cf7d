/** `docker service ps` (cli/command/service/ps.go, docker 28): the tasks of one or more services. */
import type { Command } from 'commander';
import { addLeaf, minArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import type { Engine, Filters } from '../../engine/types.ts';
import { StatusError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { filterFlag, formatFlag, NO_RESOLVE_FLAG, noTruncFlag, quietFlag, taskListOptions, type TaskListOptions } from '../list-flags.ts';
import { clientConfig } from '../shared.ts';

export interface PsOptions extends TaskListOptions {
  readonly services: readonly string[];
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'ps',
      use: 'ps [OPTIONS] SERVICE [SERVICE...]',
      short: 'List the tasks of one or more services',
      args: minArgs(1),
      flags: [quietFlag('Only display task IDs'), noTruncFlag(), NO_RESOLVE_FLAG, formatFlag('Pretty-print tasks using a Go template'), filterFlag()],
      action: (f, args) => run({ services: args, ...taskListOptions(f) }, ctx.deps),
    },
    ctx.sink,
  );
}

type MutableFilters = Record<string, Record<string, boolean>>;

/**
 * createFilter: each argument matches a service by (1) full ID, (2) exact name, (3) unique ID
 * prefix, from two lists (id and name filters). Unmatched arguments are returned as
 * "no such service: X"; none matched at all is an error right away.
 */
async function serviceFilter(engine: Engine, services: readonly string[], filters: MutableFilters): Promise<string[]> {
  const { listServices } = await import('../../engine/services.ts');
  const byID = await listServices(engine, { id: Object.fromEntries(services.map((s) => [s, true])) });
  const byName = await listServices(engine, { name: Object.fromEntries(services.map((s) => [s, true])) });
  const add = (id: string) => ((filters['service'] ??= {})[id] = true);
  const notFound: string[] = [];
  let count = 0;
  for (const ref of services) {
    const exact = byID.find((s) => s.ID === ref) ?? byName.find((s) => (s.Spec?.Name ?? '') === ref);
    if (exact) {
      add(exact.ID);
      count++;
      continue;
    }
    let found = false;
    for (const s of byID) {
      if (!s.ID.startsWith(ref)) continue;
      if (found) throw new StatusError(`multiple services found with provided prefix: ${ref}`, 1);
      add(s.ID);
      count++;
      found = true;
    }
    if (!found) notFound.push(`no such service: ${ref}`);
  }
  if (count === 0) throw new StatusError(notFound.join('\n'), 1);
  return notFound;
}

/** updateNodeFilter: node=self becomes this node's ID (other values pass as given). */
async function resolveNodeFilter(engine: Engine, filters: MutableFilters): Promise<void> {
  const nodes = filters['node'];
  if (!nodes) return;
  const { nodeReference } = await import('../../engine/nodes.ts');
  for (const value of Object.keys(nodes)) {
    const ref = await nodeReference(engine, value);
    delete nodes[value];
    nodes[ref] = true;
  }
}

export async function run(opts: PsOptions, deps: Deps): Promise<void> {
  const [{ listTasks }, { IDResolver }, { filtersFrom }] = await Promise.all([
    import('../../engine/tasks.ts'),
    import('../../engine/idresolver.ts'),
    import('../../engine/filters.ts'),
  ]);
  const engine = await deps.engine();
  const filters = filtersFrom(opts.filter) as MutableFilters;
  const notFound = await serviceFilter(engine, opts.services, filters);
  await resolveNodeFilter(engine, filters);
  const tasks = await listTasks(engine, filters as Filters);

  const { renderTasks, defaultTaskFormat } = await import('../../render/tasks.ts');
  const format = opts.format !== '' ? opts.format : defaultTaskFormat(clientConfig(deps).tasksFormat, opts.quiet);
  // -q prints full task IDs here (unlike node ps and stack ps).
  const noTrunc = opts.noTrunc || opts.quiet;
  const resolver = new IDResolver(engine, opts.noResolve);
  const [serviceNames, nodeNames] = await Promise.all([
    resolver.all('service', tasks.map((t) => t.ServiceID ?? '')),
    resolver.all('node', tasks.map((t) => t.NodeID ?? '')),
  ]);
  deps.stdout.write(renderTasks({ tasks, format, quiet: opts.quiet, trunc: !noTrunc, serviceNames, nodeNames, now: deps.now() }));
  if (notFound.length > 0) throw new StatusError(notFound.join('\n'), 1);
}
