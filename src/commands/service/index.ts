/** `docker service`: manage Swarm services (cli/command/service/cmd.go). */
import type { Command } from 'commander';
import { createGroup } from '../../cli/define.ts';
import type { CommandContext } from '../context.ts';
import * as create from './create.ts';
import * as inspect from './inspect.ts';
import * as logs from './logs.ts';
import * as ls from './ls.ts';
import * as ps from './ps.ts';
import * as rm from './rm.ts';
import * as rollback from './rollback.ts';
import * as scale from './scale.ts';
import * as update from './update.ts';

export function group(ctx: CommandContext): Command {
  const g = createGroup('docker', { name: 'service', short: 'Manage Swarm services', version: '1.24' }, ctx.sink);
  create.register(g, ctx);
  rm.register(g, ctx);
  rollback.register(g, ctx);
  scale.register(g, ctx);
  update.register(g, ctx);
  // The read-only verbs (inspect, logs, ls, ps) register here too: they belong to the
  // engineer writing src/commands/service/{ls,ps,inspect,logs}.ts, who adds them below.
  inspect.register(g, ctx);
  logs.register(g, ctx);
  ls.register(g, ctx);
  ps.register(g, ctx);
  return g;
}
