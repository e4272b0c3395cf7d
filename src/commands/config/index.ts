/** `docker config`: manage Swarm configs (cli/command/config/cmd.go; annotations version=1.30, swarm=manager). */
import type { Command } from 'commander';
import { createGroup } from '../../cli/define.ts';
import type { CommandContext } from '../context.ts';
import { registerCreate, registerInspect, registerLs, registerRm } from './leaves.ts';

export function group(ctx: CommandContext): Command {
  const g = createGroup('docker', { name: 'config', short: 'Manage Swarm configs', version: '1.30' }, ctx.sink);
  registerCreate(g, ctx, 'config');
  registerInspect(g, ctx, 'config');
  registerLs(g, ctx, 'config');
  registerRm(g, ctx, 'config');
  return g;
}
