/** `docker swarm`: manage Swarm (cli/command/swarm/cmd.go). */
import type { Command } from 'commander';
import { createGroup } from '../../cli/define.ts';
import type { CommandContext } from '../context.ts';
import * as ca from './ca.ts';
import * as init from './init.ts';
import * as join from './join.ts';
import * as joinToken from './join-token.ts';
import * as leave from './leave.ts';
import * as unlock from './unlock.ts';
import * as unlockKey from './unlock-key.ts';
import * as update from './update.ts';

export function group(ctx: CommandContext): Command {
  const g = createGroup('docker', { name: 'swarm', short: 'Manage Swarm', version: '1.24' }, ctx.sink);
  init.register(g, ctx);
  join.register(g, ctx);
  joinToken.register(g, ctx);
  unlockKey.register(g, ctx);
  update.register(g, ctx);
  leave.register(g, ctx);
  unlock.register(g, ctx);
  ca.register(g, ctx);
  return g;
}
