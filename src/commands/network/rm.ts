/** `docker network rm` (cli/command/network/remove.go, docker 28). */
import type { Command } from 'commander';
import { addLeaf, minArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import { DaemonError, StatusError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { confirmUnlessInterrupted } from '../prompt.ts';

export interface RmOptions {
  readonly networks: readonly string[];
  readonly force: boolean;
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'rm',
      use: 'rm NETWORK [NETWORK...]',
      aliases: ['remove'],
      short: 'Remove one or more networks',
      args: minArgs(1),
      flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Do not error if the network does not exist' }],
      action: (f, args) => run({ networks: args, force: f['force'] === true }, ctx.deps),
    },
    ctx.sink,
  );
}

export const INGRESS_WARNING =
  'WARNING! Before removing the routing-mesh network, ' +
  'make sure all the nodes in your swarm run the same docker engine version. ' +
  'Otherwise, removal may not be effective and functionality of newly create ' +
  'ingress networks will be impaired.\nAre you sure you want to continue?';


/**
 * runRemove: each network in turn — the ingress network only after a "y" to the warning
 * (SIGINT there ends the command quietly with status 0); a missing one skipped with -f; other errors printed on stderr at once. Any failure ends with
 * docker's StatusError whose text is "exit status 1".
 */
export async function run(opts: RmOptions, deps: Deps): Promise<void> {
  const { inspectNetwork, removeNetwork } = await import('../../engine/networks.ts');
  const engine = await deps.engine();
  let status = 0;
  for (const name of opts.networks) {
    let ingress = false;
    try {
      ingress = (await inspectNetwork(engine, name)).value?.['Ingress'] === true;
    } catch {
      // docker only looks at the inspect result when it succeeded.
    }
    if (ingress) {
      const yes = await confirmUnlessInterrupted(deps, INGRESS_WARNING);
      // SIGINT: the networks left are skipped, without "exit status 1".
      if (yes === undefined) return;
      if (!yes) continue;
    }
    try {
      await removeNetwork(engine, name);
    } catch (e) {
      if (opts.force && e instanceof DaemonError && e.statusCode === 404) continue;
      deps.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      status = 1;
      continue;
    }
    deps.stdout.write(`${name}\n`);
  }
  if (status !== 0) throw new StatusError(`exit status ${status}`, status);
}
