/** `docker stack`: manage Swarm stacks (cli/command/stack/cmd.go). */
import type { Command } from 'commander';
import { createGroup } from '../../cli/define.ts';
import type { FlagSpec } from '../../cli/flags.ts';
import { csvFirstRecord } from '../../spec/gocsv.ts';
import type { CommandContext } from '../context.ts';
import * as config from './config.ts';
import * as deploy from './deploy.ts';

/**
 * The hidden, deprecated `--orchestrator` flag docker keeps on every stack command: pflag
 * prints its deprecation notice (on stdout) when the flag is given, and the value is ignored.
 */
export function orchestratorFlag(ctx: CommandContext): FlagSpec {
  return {
    name: 'orchestrator',
    type: 'string',
    usage: 'Orchestrator to use (swarm|all)',
    hidden: true,
    parse: (value) => {
      ctx.deps.stdout.write('Flag --orchestrator has been deprecated, option will be ignored\n');
      return value;
    },
  };
}

/** pflag's stringSlice Set: the value read as one CSV record, appended to the earlier ones. */
export function parseStringSlice(value: string, previous: unknown): string[] {
  const list = Array.isArray(previous) ? (previous as string[]) : [];
  if (value === '') return list;
  return [...list, ...csvFirstRecord(value)];
}

export function group(ctx: CommandContext): Command {
  const g = createGroup('docker', { name: 'stack', use: 'stack [OPTIONS]', short: 'Manage Swarm stacks', persistentFlags: [orchestratorFlag(ctx)] }, ctx.sink);
  config.register(g, ctx);
  deploy.register(g, ctx);
  return g;
}
