/** `docker node`: manage Swarm nodes (cli/command/node/cmd.go). */
import type { Command } from 'commander';
import { createGroup } from '../../cli/define.ts';
import type { CommandContext } from '../context.ts';
import * as ls from './ls.ts';

export function group(ctx: CommandContext): Command {
  const g = createGroup('docker', { name: 'node', short: 'Manage Swarm nodes' }, ctx.sink);
  ls.register(g, ctx);
  return g;
}
