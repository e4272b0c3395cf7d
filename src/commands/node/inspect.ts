/** `docker node inspect` (cli/command/node/inspect.go). */
import type { Command } from 'commander';
import { addLeaf, minArgs } from '../../cli/define.ts';
import { INSPECT_FORMAT_HELP } from '../../cli/flags.ts';
import type { Deps } from '../../deps.ts';
import { StatusError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { writeInspect } from '../shared.ts';

export interface InspectOptions {
  readonly refs: readonly string[];
  readonly format: string;
  readonly pretty: boolean;
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'inspect',
      use: 'inspect [OPTIONS] self|NODE [NODE...]',
      short: 'Display detailed information on one or more nodes',
      args: minArgs(1),
      flags: [
        { name: 'format', short: 'f', type: 'string', usage: INSPECT_FORMAT_HELP },
        { name: 'pretty', type: 'bool', usage: 'Print the information in a human friendly format' },
      ],
      action: (f, args) =>
        run({ refs: args, format: (f['format'] as string | undefined) ?? '', pretty: f['pretty'] === true }, ctx.deps),
    },
    ctx.sink,
  );
}

export async function run(opts: InspectOptions, deps: Deps): Promise<void> {
  const format = opts.pretty ? 'pretty' : opts.format;
  if (format.startsWith('pretty') && format !== 'pretty') {
    throw new StatusError('cannot supply extra formatting options to the pretty template', 1);
  }
  const [{ nodeReference }, { typed }] = await Promise.all([import('../../engine/nodes.ts'), import('../../render/typed.ts')]);
  const engine = await deps.engine();
  const fetch = async (ref: string) => (await engine.inspectNode(await nodeReference(engine, ref))).value;

  if (format === 'pretty') {
    // formatter.Context.Write: the first failure aborts and nothing is printed.
    const nodes = [];
    for (const ref of opts.refs) {
      try {
        nodes.push(await fetch(ref));
      } catch (e) {
        throw new StatusError(e instanceof Error ? e.message : String(e), 1);
      }
    }
    const { renderNodeInspectPretty } = await import('../../render/node-inspect.ts');
    deps.stdout.write(renderNodeInspectPretty(nodes));
    return;
  }

  // NewFormat maps "table" and "raw" to the node list formats, used here as inspect templates.
  const { DEFAULT_NODE_TABLE_FORMAT, NODE_RAW_FORMAT } = await import('../../render/nodes.ts');
  const source = format === 'table' ? DEFAULT_NODE_TABLE_FORMAT : format === 'raw' ? NODE_RAW_FORMAT : format;
  // node's getRef hands back the decoded node only (no raw body), as docker's does.
  await writeInspect(deps, opts.refs, source, async (ref) => ({ value: typed('swarm.Node', await fetch(ref)) }), 1);
}
