/** `docker network disconnect` (cli/command/network/disconnect.go, docker 28.2.2). */
import type { Command } from 'commander';
import { addLeaf, exactArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import type { CommandContext } from '../context.ts';

export interface DisconnectOptions {
  readonly network: string;
  readonly container: string;
  readonly force: boolean;
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'disconnect',
      use: 'disconnect [OPTIONS] NETWORK CONTAINER',
      short: 'Disconnect a container from a network',
      args: exactArgs(2),
      flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Force the container to disconnect from a network' }],
      action: (f, args) => run({ network: args[0] ?? '', container: args[1] ?? '', force: f['force'] === true }, ctx.deps),
    },
    ctx.sink,
  );
}

/** runDisconnect: one POST; nothing printed on success. */
export async function run(opts: DisconnectOptions, deps: Deps): Promise<void> {
  const { disconnectNetwork } = await import('../../engine/networks.ts');
  await disconnectNetwork(await deps.engine(), opts.network, opts.container, opts.force);
}
