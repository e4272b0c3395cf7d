/** `docker stack ls` (cli/command/stack/list.go, stack/swarm/list.go, docker 28). */
import type { Command } from 'commander';
import { addLeaf, noArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import type { Engine } from '../../engine/types.ts';
import { StatusError } from '../../errors.ts';
import type { StackSummary } from '../../render/stack-list.ts';
import type { CommandContext } from '../context.ts';
import { formatFlag } from '../list-flags.ts';
import { allStacksFilter, LABEL_NAMESPACE } from './common.ts';

export interface LsOptions {
  readonly format: string;
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'ls',
      use: 'ls [OPTIONS]',
      aliases: ['list'],
      short: 'List stacks',
      args: noArgs,
      flags: [formatFlag()],
      action: (f) => run({ format: (f['format'] as string | undefined) ?? '' }, ctx.deps),
    },
    ctx.sink,
  );
}

/**
 * GetStacks: the services that have the namespace label, counted per label value (in the
 * order the daemon lists them; the caller sorts).
 */
export async function getStacks(engine: Engine): Promise<StackSummary[]> {
  const { listServices } = await import('../../engine/services.ts');
  const services = await listServices(engine, allStacksFilter());
  const counts = new Map<string, number>();
  for (const s of services) {
    const labels = s.Spec?.Labels ?? {};
    const name = Object.hasOwn(labels, LABEL_NAMESPACE) ? labels[LABEL_NAMESPACE] : undefined;
    if (name === undefined) throw new StatusError(`cannot get label ${LABEL_NAMESPACE} for service ${s.ID}`, 1);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, n]) => ({ name, services: n }));
}

export async function run(opts: LsOptions, deps: Deps): Promise<void> {
  const engine = await deps.engine();
  const stacks = await getStacks(engine);
  const { renderStackList } = await import('../../render/stack-list.ts');
  deps.stdout.write(renderStackList(stacks, opts.format));
}
