/** `tsw lab`: a real multi-node swarm on one Linux machine (tsw's own command). */
import type { Command } from 'commander';
import { createGroup } from '../../cli/define.ts';
import type { CommandContext } from '../context.ts';
import * as down from './down.ts';
import * as env from './env.ts';
import * as status from './status.ts';
import * as up from './up.ts';

export function group(ctx: CommandContext): Command {
  const g = createGroup('tsw', { name: 'lab', short: 'Run a local multi-node swarm (namespaces, one dockerd per node)' }, ctx.sink);
  up.register(g, ctx);
  down.register(g, ctx);
  env.register(g, ctx);
  status.register(g, ctx);
  return g;
}
