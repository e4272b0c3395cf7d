/** `docker stack`: manage Swarm stacks (cli/command/stack/cmd.go). */
import type { Command } from 'commander';
import { createGroup } from '../../cli/define.ts';
import type { CommandContext } from '../context.ts';
import * as deploy from './deploy.ts';

export function group(ctx: CommandContext): Command {
  const g = createGroup('docker', { name: 'stack', short: 'Manage Swarm stacks' }, ctx.sink);
  deploy.register(g, ctx);
  return g;
}
