/** `docker swarm unlock-key` (cli/command/swarm/unlock_key.go). */
import type { Command } from 'commander';
import { addLeaf, noArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import { swarmInspect, swarmUpdate, unlockKey } from '../../engine/swarm.ts';
import { StatusError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { fetchUnlockKey, unlockCommandText } from './opts.ts';

export interface UnlockKeyOptions {
  readonly rotate: boolean;
  readonly quiet: boolean;
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'unlock-key',
      use: 'unlock-key [OPTIONS]',
      short: 'Manage the unlock key',
      args: noArgs,
      flags: [
        { name: 'rotate', type: 'bool', usage: 'Rotate unlock key' },
        { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display token' },
      ],
      action: (f) => run({ rotate: f['rotate'] === true, quiet: f['quiet'] === true }, ctx.deps),
    },
    ctx.sink,
  );
}

export async function run(opts: UnlockKeyOptions, deps: Deps): Promise<void> {
  const engine = await deps.engine();
  if (opts.rotate) {
    const sw = await swarmInspect(engine);
    if (sw.Spec.EncryptionConfig?.AutoLockManagers !== true) {
      throw new StatusError('cannot rotate because autolock is not turned on', 1);
    }
    await swarmUpdate(engine, sw.Version, sw.Spec, { rotateManagerUnlockKey: true });
    if (!opts.quiet) deps.stdout.write('Successfully rotated manager unlock key.\n');
  }
  const key = await fetchUnlockKey(() => unlockKey(engine));
  if (key === '') throw new StatusError('no unlock key is set', 1);
  deps.stdout.write(opts.quiet ? `${key}\n` : unlockCommandText(key));
}
