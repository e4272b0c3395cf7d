/** `docker swarm update` (cli/command/swarm/update.go). */
import type { Command } from 'commander';
import { addLeaf, noArgs } from '../../cli/define.ts';
import type { FlagSpec } from '../../cli/flags.ts';
import { renderHelp } from '../../cli/help.ts';
import type { Deps } from '../../deps.ts';
import { swarmInspect, swarmUpdate, unlockKey } from '../../engine/swarm.ts';
import type { CommandContext } from '../context.ts';
import { fetchUnlockKey, mergeSwarmSpec, swarmFlags, type SwarmOptions, swarmOptionsFrom, unlockCommandText } from './opts.ts';

export interface UpdateOptions {
  readonly swarm: SwarmOptions;
}

const flags: readonly FlagSpec[] = [
  { name: 'autolock', type: 'bool', usage: 'Change manager autolocking setting (true|false)' },
  ...swarmFlags,
];

export function register(group: Command, ctx: CommandContext): void {
  const def = { name: 'update', use: 'update [OPTIONS]', short: 'Update the swarm' };
  addLeaf(
    group,
    {
      ...def,
      args: noArgs,
      flags,
      action: async (f) => {
        // No flag at all: cobra's pflag.ErrHelp, the help on stdout and success.
        if (Object.keys(f).length === 0) {
          const help = { ...def, path: 'docker swarm update', aliases: [], flags };
          ctx.sink.printHelp(renderHelp(help, ctx.sink.helpWidth), false);
          return;
        }
        await run({ swarm: swarmOptionsFrom(f) }, ctx.deps);
      },
    },
    ctx.sink,
  );
}

export async function run(opts: UpdateOptions, deps: Deps): Promise<void> {
  const engine = await deps.engine();
  const sw = await swarmInspect(engine);
  const wasLocked = sw.Spec.EncryptionConfig?.AutoLockManagers === true;
  const spec = mergeSwarmSpec(sw.Spec, opts.swarm, sw.TLSInfo?.TrustRoot ?? '');
  await swarmUpdate(engine, sw.Version, spec);
  deps.stdout.write('Swarm updated.\n');
  if (spec.EncryptionConfig?.AutoLockManagers === true && !wasLocked) {
    deps.stdout.write(unlockCommandText(await fetchUnlockKey(() => unlockKey(engine))));
  }
}
