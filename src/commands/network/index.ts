/** `docker network`: manage networks (cli/command/network/cmd.go). */
import type { Command } from 'commander';
import { createGroup } from '../../cli/define.ts';
import type { CommandContext } from '../context.ts';
import * as connect from './connect.ts';
import * as create from './create.ts';
import * as disconnect from './disconnect.ts';
import * as inspect from './inspect.ts';
import * as ls from './ls.ts';
import * as prune from './prune.ts';
import * as rm from './rm.ts';

export function group(ctx: CommandContext): Command {
  const g = createGroup('docker', { name: 'network', short: 'Manage networks', version: '1.21' }, ctx.sink);
  connect.register(g, ctx);
  create.register(g, ctx);
  disconnect.register(g, ctx);
  inspect.register(g, ctx);
  ls.register(g, ctx);
  prune.register(g, ctx);
  rm.register(g, ctx);
  return g;
}
