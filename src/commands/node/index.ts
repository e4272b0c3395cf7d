/** `docker node`: manage Swarm nodes (cli/command/node/cmd.go). */
import type { Command } from 'commander';
import { createGroup } from '../../cli/define.ts';
import type { CommandContext } from '../context.ts';
import * as demote from './demote.ts';
import * as inspect from './inspect.ts';
import * as ls from './ls.ts';
import * as promote from './promote.ts';
import * as ps from './ps.ts';
import * as rm from './rm.ts';
import * as update from './update.ts';

export function group(ctx: CommandContext): Command {
  const g = createGroup('docker', { name: 'node', short: 'Manage Swarm nodes', version: '1.24' }, ctx.sink);
  demote.register(g, ctx);
  inspect.register(g, ctx);
  ls.register(g, ctx);
  promote.register(g, ctx);
  rm.register(g, ctx);
  ps.register(g, ctx);
  update.register(g, ctx);
  return g;
}
