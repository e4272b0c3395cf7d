/**
 * `docker secret`: manage Swarm secrets (cli/command/secret/cmd.go; annotations version=1.25,
 * swarm=manager). The verbs are declared with config's (src/commands/config/leaves.ts): the two
 * packages are near copies in docker.
 */
import type { Command } from 'commander';
import { createGroup } from '../../cli/define.ts';
import type { CommandContext } from '../context.ts';
import { registerCreate, registerInspect, registerLs, registerRm } from '../config/leaves.ts';

export function group(ctx: CommandContext): Command {
  const g = createGroup('docker', { name: 'secret', short: 'Manage Swarm secrets', version: '1.25' }, ctx.sink);
  registerCreate(g, ctx, 'secret');
  registerInspect(g, ctx, 'secret');
  registerLs(g, ctx, 'secret');
  registerRm(g, ctx, 'secret');
  return g;
}
