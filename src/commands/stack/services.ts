/** `docker stack services` (cli/command/stack/services.go, stack/swarm/services.go, docker 28). */
import type { Command } from 'commander';
import { addLeaf, exactArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import type { ListedService } from '../../render/service-list.ts';
import type { CommandContext } from '../context.ts';
import { filterFlag, formatFlag, listOptions, type ListOptions, quietFlag } from '../list-flags.ts';
import { clientConfig } from '../shared.ts';
import { stackFilter, validateStackName } from './common.ts';

export interface ServicesOptions extends ListOptions {
  readonly namespace: string;
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'services',
      use: 'services [OPTIONS] STACK',
      short: 'List the services in the stack',
      args: exactArgs(1),
      flags: [quietFlag(), formatFlag(), filterFlag()],
      action: (f, args) => run({ namespace: args[0] ?? '', ...listOptions(f) }, ctx.deps),
    },
    ctx.sink,
  );
}

/**
 * The stack's services (with their task counts unless -q) rendered exactly as `service ls`
 * renders them; no service at all is only a notice on stderr (exit 0).
 */
export async function run(opts: ServicesOptions, deps: Deps): Promise<void> {
  validateStackName(opts.namespace);
  const [{ listServices }, { filtersFrom }] = await Promise.all([
    import('../../engine/services.ts'),
    import('../../engine/filters.ts'),
  ]);
  const engine = await deps.engine();
  const filters = stackFilter(opts.namespace, filtersFrom(opts.filter));
  let services = (await listServices(engine, filters, !opts.quiet)) as unknown as ListedService[];
  if (!opts.quiet) {
    const { appendServiceStatus } = await import('../service/ls.ts');
    services = await appendServiceStatus(engine, services);
  }
  if (services.length === 0) {
    deps.stderr.write(`Nothing found in stack: ${opts.namespace}\n`);
    return;
  }
  const { renderServiceList, defaultServiceFormat } = await import('../../render/service-list.ts');
  const format = opts.format !== '' ? opts.format : defaultServiceFormat(clientConfig(deps).servicesFormat, opts.quiet);
  deps.stdout.write(renderServiceList(services, format, opts.quiet));
}
