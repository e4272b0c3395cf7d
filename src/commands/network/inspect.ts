/** `docker network inspect` (cli/command/network/inspect.go, docker 28). */
import type { Command } from 'commander';
import { addLeaf, minArgs } from '../../cli/define.ts';
import { INSPECT_FORMAT_HELP } from '../../cli/flags.ts';
import type { Deps } from '../../deps.ts';
import type { CommandContext } from '../context.ts';
import { writeInspect } from '../shared.ts';

export interface InspectOptions {
  readonly names: readonly string[];
  readonly format: string;
  readonly verbose: boolean;
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'inspect',
      use: 'inspect [OPTIONS] NETWORK [NETWORK...]',
      short: 'Display detailed information on one or more networks',
      args: minArgs(1),
      flags: [
        { name: 'format', short: 'f', type: 'string', usage: INSPECT_FORMAT_HELP },
        { name: 'verbose', short: 'v', type: 'bool', usage: 'Verbose output for diagnostics' },
      ],
      action: (f, args) =>
        run({ names: args, format: (f['format'] as string | undefined) ?? '', verbose: f['verbose'] === true }, ctx.deps),
    },
    ctx.sink,
  );
}

/**
 * inspect.Inspect over NetworkInspectWithRaw: the daemon's bodies re-indented, or the template
 * on network.Inspect (raw JSON fallback). A template that does not parse exits 64, as in docker.
 */
export async function run(opts: InspectOptions, deps: Deps): Promise<void> {
  const [{ inspectNetwork }, { typed }] = await Promise.all([import('../../engine/networks.ts'), import('../../render/typed.ts')]);
  const engine = await deps.engine();
  await writeInspect(
    deps,
    opts.names,
    opts.format,
    async (name) => {
      const { value, raw } = await inspectNetwork(engine, name, { verbose: opts.verbose });
      return { value: typed('network.Inspect', value), raw };
    },
    64,
  );
}
