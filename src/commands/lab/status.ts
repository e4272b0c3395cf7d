/** `tsw lab status`: each node's engine and swarm state. */
import type { Command } from 'commander';
import { addLeaf, noArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import { StatusError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    { name: 'status', use: 'status', short: "Show each lab node's engine and swarm state", args: noArgs, flags: [], action: () => run(ctx.deps) },
    ctx.sink,
  );
}

export async function run(deps: Deps): Promise<void> {
  const lab = await import('../../lab/lab.ts');
  const { tabwrite } = await import('../../render/tabwriter.ts');
  const { state, nodes } = lab.status();
  if (!state) throw new StatusError("tsw lab: no lab is up; start one with 'tsw lab up'", 1);
  const rows = ['NODE\tADDRESS\tENGINE\tSWARM', ...nodes.map((n) => `${n.name}\t${n.addr}\t${n.pid === undefined ? 'stopped' : `running (pid ${n.pid})`}\t${n.swarm}`)];
  deps.stdout.write(tabwrite(`${rows.join('\n')}\n`));
}
