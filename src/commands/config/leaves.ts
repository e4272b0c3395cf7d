/**
 * The four verbs of `docker config` and `docker secret` (create, inspect, ls, rm) as cobra
 * declares them in cli/command/{config,secret}/*.go (docker 28): names, usage lines, flags and
 * argument rules. The flows live in ./objects.ts, loaded when a verb runs.
 */
import type { Command } from 'commander';
import { addLeaf, exactArgs, minArgs, noArgs, rangeArgs } from '../../cli/define.ts';
import { INSPECT_FORMAT_HELP, type FlagSpec } from '../../cli/flags.ts';
import { validateLabel } from '../../spec/kv.ts';
import type { CommandContext } from '../context.ts';
import { filterFlag, formatFlag, listOptions, quietFlag } from '../list-flags.ts';
import type { ObjectKind } from './objects.ts';

const title = (kind: ObjectKind): string => (kind === 'config' ? 'Config' : 'Secret');
const upper = (kind: ObjectKind): string => kind.toUpperCase();

/** opts.ValidateLabel as a pflag Set: the key must be non-empty and free of whitespace. */
function labelFlag(kind: ObjectKind): FlagSpec {
  return {
    name: 'label',
    short: 'l',
    type: 'list',
    usage: `${title(kind)} labels`,
    parse: (value: string, previous: unknown) => [...(Array.isArray(previous) ? (previous as string[]) : []), validateLabel(value)],
  };
}

const TEMPLATE_DRIVER: FlagSpec = { name: 'template-driver', type: 'string', usage: 'Template driver', version: '1.37' };

export function registerCreate(group: Command, ctx: CommandContext, kind: ObjectKind): void {
  const flags: FlagSpec[] =
    kind === 'config'
      ? [labelFlag(kind), TEMPLATE_DRIVER]
      : [{ name: 'driver', short: 'd', type: 'string', usage: 'Secret driver', version: '1.31' }, labelFlag(kind), TEMPLATE_DRIVER];
  addLeaf(
    group,
    {
      name: 'create',
      use: kind === 'config' ? 'create [OPTIONS] CONFIG file|-' : 'create [OPTIONS] SECRET [file|-]',
      short: kind === 'config' ? 'Create a config from a file or STDIN' : 'Create a secret from a file or STDIN as content',
      args: kind === 'config' ? exactArgs(2) : rangeArgs(1, 2),
      flags,
      action: async (f, args) => {
        const { runCreate } = await import('./objects.ts');
        await runCreate(
          kind,
          {
            name: args[0] ?? '',
            file: args[1] ?? '',
            labels: (f['label'] as string[] | undefined) ?? [],
            templateDriver: (f['template-driver'] as string | undefined) ?? '',
            ...(kind === 'secret' ? { driver: (f['driver'] as string | undefined) ?? '' } : {}),
          },
          ctx.deps,
        );
      },
    },
    ctx.sink,
  );
}

export function registerInspect(group: Command, ctx: CommandContext, kind: ObjectKind): void {
  addLeaf(
    group,
    {
      name: 'inspect',
      use: `inspect [OPTIONS] ${upper(kind)} [${upper(kind)}...]`,
      short: `Display detailed information on one or more ${kind}s`,
      args: minArgs(1),
      flags: [
        { name: 'format', short: 'f', type: 'string', usage: INSPECT_FORMAT_HELP },
        { name: 'pretty', type: 'bool', usage: 'Print the information in a human friendly format' },
      ],
      action: async (f, args) => {
        const { runInspect } = await import('./objects.ts');
        await runInspect(kind, { refs: args, format: (f['format'] as string | undefined) ?? '', pretty: f['pretty'] === true }, ctx.deps);
      },
    },
    ctx.sink,
  );
}

export function registerLs(group: Command, ctx: CommandContext, kind: ObjectKind): void {
  addLeaf(
    group,
    {
      name: 'ls',
      use: 'ls [OPTIONS]',
      aliases: ['list'],
      short: `List ${kind}s`,
      args: noArgs,
      flags: [quietFlag(), formatFlag(), filterFlag()],
      action: async (f) => {
        const { runLs } = await import('./objects.ts');
        await runLs(kind, listOptions(f), ctx.deps);
      },
    },
    ctx.sink,
  );
}

export function registerRm(group: Command, ctx: CommandContext, kind: ObjectKind): void {
  addLeaf(
    group,
    {
      name: 'rm',
      use: `rm ${upper(kind)} [${upper(kind)}...]`,
      aliases: ['remove'],
      short: `Remove one or more ${kind}s`,
      args: minArgs(1),
      flags: [],
      action: async (_f, args) => {
        const { runRm } = await import('./objects.ts');
        await runRm(kind, args, ctx.deps);
      },
    },
    ctx.sink,
  );
}
