/** `docker service ls` (cli/command/service/list.go, docker 28). */
import type { Command } from 'commander';
import { addLeaf, noArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import type { Engine } from '../../engine/types.ts';
import type { ListedService } from '../../render/service-list.ts';
import type { CommandContext } from '../context.ts';
import { filterFlag, formatFlag, listOptions, type ListOptions, quietFlag } from '../list-flags.ts';
import { clientConfig } from '../shared.ts';

export type LsOptions = ListOptions;

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'ls',
      use: 'ls [OPTIONS]',
      aliases: ['list'],
      short: 'List services',
      args: noArgs,
      flags: [quietFlag(), formatFlag(), filterFlag()],
      action: (f) => run(listOptions(f), ctx.deps),
    },
    ctx.sink,
  );
}

type MutableStatus = { RunningTasks: number; DesiredTasks: number; CompletedTasks?: number };

/**
 * AppendServiceStatus: daemons before API 1.41 send no ServiceStatus, so docker counts the
 * tasks itself (desired: tasks not desired shut down; running: running tasks on nodes that
 * are not down). Services that have a status are left alone.
 */
export async function appendServiceStatus(engine: Engine, services: ListedService[]): Promise<ListedService[]> {
  const status = new Map<string, MutableStatus>();
  const out = services.map((s) => {
    if (s.ServiceStatus !== undefined && s.ServiceStatus !== null) return s;
    const mode = s.Spec?.Mode;
    if (mode?.Replicated !== undefined && mode.Replicated !== null) {
      status.set(s.ID, { RunningTasks: 0, DesiredTasks: 0 });
      return { ...s, ServiceStatus: { RunningTasks: 0, DesiredTasks: mode.Replicated.Replicas ?? 0 } };
    }
    if (mode?.Global !== undefined && mode.Global !== null) {
      status.set(s.ID, { RunningTasks: 0, DesiredTasks: 0 });
      return { ...s, ServiceStatus: { RunningTasks: 0, DesiredTasks: 0 } };
    }
    return s;
  });
  if (status.size === 0) return out;
  const { listTasks } = await import('../../engine/tasks.ts');
  const tasks = await listTasks(engine, { service: Object.fromEntries([...status.keys()].map((id) => [id, true])) });
  if (tasks.length === 0) return out;
  const nodes = await engine.listNodes();
  const active = new Set(nodes.filter((n) => n.Status?.State !== 'down').map((n) => n.ID));
  for (const t of tasks) {
    const st = status.get(t.ServiceID ?? '');
    if (!st) continue;
    if (t.DesiredState !== 'shutdown') st.DesiredTasks++;
    if (active.has(t.NodeID ?? '') && t.Status?.State === 'running') st.RunningTasks++;
  }
  return out.map((s) => {
    const st = status.get(s.ID);
    return st ? { ...s, ServiceStatus: st } : s;
  });
}

export async function run(opts: LsOptions, deps: Deps): Promise<void> {
  const [{ listServices }, { filtersFrom }] = await Promise.all([
    import('../../engine/services.ts'),
    import('../../engine/filters.ts'),
  ]);
  const engine = await deps.engine();
  let services = (await listServices(engine, filtersFrom(opts.filter), !opts.quiet)) as unknown as ListedService[];
  if (!opts.quiet) services = await appendServiceStatus(engine, services);
  const { renderServiceList, defaultServiceFormat } = await import('../../render/service-list.ts');
  const format = opts.format !== '' ? opts.format : defaultServiceFormat(clientConfig(deps).servicesFormat, opts.quiet);
  deps.stdout.write(renderServiceList(services, format, opts.quiet));
}
