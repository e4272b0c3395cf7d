/** `docker stack`: manage Swarm stacks (cli/command/stack/cmd.go, docker 28). */
import type { Command } from 'commander';
import { createGroup } from '../../cli/define.ts';
import type { CommandContext } from '../context.ts';
import * as config from './config.ts';
import * as deploy from './deploy.ts';
import * as ls from './ls.ts';
import * as ps from './ps.ts';
import * as rm from './rm.ts';
import * as services from './services.ts';

export function group(ctx: CommandContext): Command {
  const g = createGroup(
    'docker',
    {
      name: 'stack',
      use: 'stack [OPTIONS]',
      short: 'Manage Swarm stacks',
      // Left over from the Kubernetes orchestrator: accepted everywhere, ignored, and each
      // use prints pflag's deprecation notice.
      persistentFlags: [
        { name: 'orchestrator', type: 'string', usage: 'Orchestrator to use (swarm|all)', deprecated: 'option will be ignored' },
      ],
      version: '1.25',
      plainHelp: true,
    },
    ctx.sink,
  );
  config.register(g, ctx);
  deploy.register(g, ctx);
  ls.register(g, ctx);
  ps.register(g, ctx);
  rm.register(g, ctx);
  services.register(g, ctx);
  return g;
}
