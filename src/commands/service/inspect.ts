/** `docker service inspect` (cli/command/service/inspect.go, docker 28). */
import type { Command } from 'commander';
import { addLeaf, minArgs } from '../../cli/define.ts';
import { INSPECT_FORMAT_HELP } from '../../cli/flags.ts';
import type { Deps } from '../../deps.ts';
import type { Engine } from '../../engine/types.ts';
import { DaemonError, StatusError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { clientConfig, writeInspect } from '../shared.ts';

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
      use: 'inspect [OPTIONS] SERVICE [SERVICE...]',
      short: 'Display detailed information on one or more services',
      args: minArgs(1),
      flags: [
        { name: 'format', short: 'f', type: 'string', usage: INSPECT_FORMAT_HELP },
        { name: 'pretty', type: 'bool', usage: 'Print the information in a human friendly format' },
      ],
      action: (f, args) => {
        const opts = { refs: args, format: (f['format'] as string | undefined) ?? '', pretty: f['pretty'] === true };
        if (opts.pretty && opts.format.length > 0) {
          throw new StatusError('--format is incompatible with human friendly format', 1);
        }
        return run(opts, ctx.deps);
      },
    },
    ctx.sink,
  );
}

/** getRef: GET /services/{ref}?insertDefaults=true; a 404 becomes "Error: no such service: X". */
async function getService(engine: Engine, ref: string): Promise<unknown> {
  const { inspectService } = await import('../../engine/services.ts');
  try {
    return (await inspectService(engine, ref, true)).value;
  } catch (e) {
    if (e instanceof DaemonError && e.statusCode === 404) throw new Error(`Error: no such service: ${ref}`);
    throw e;
  }
}

/** The names of the service's networks (GET /networks/{id}?scope=swarm; failures leave the ID). */
async function networkNames(engine: Engine, service: unknown): Promise<Map<string, string>> {
  const nets = (service as { Spec?: { TaskTemplate?: { Networks?: { Target?: string }[] | null } } }).Spec?.TaskTemplate
    ?.Networks;
  const names = new Map<string, string>();
  for (const n of nets ?? []) {
    // NetworkInspectWithRaw refuses an empty reference before asking.
    if ((n.Target ?? '').trim() === '') continue;
    try {
      const { value } = await engine.request<Record<string, unknown>>({
        method: 'GET',
        path: `/networks/${(n.Target ?? '').trim()}`,
        query: { scope: 'swarm' },
      });
      names.set(goField(value, 'Id'), goField(value, 'Name'));
    } catch {
      // docker ignores the error: the ID is shown.
    }
  }
  return names;
}

/** A string field of network.Inspect as encoding/json finds it: the exact key, else any case. */
function goField(obj: Record<string, unknown> | undefined, key: string): string {
  if (!obj) return '';
  const k = key in obj ? key : Object.keys(obj).find((x) => x.toLowerCase() === key.toLowerCase());
  const v = k === undefined ? undefined : obj[k];
  return typeof v === 'string' ? v : '';
}

export async function run(opts: InspectOptions, deps: Deps): Promise<void> {
  let f = opts.pretty ? 'pretty' : opts.format;
  if (f === '') {
    const fromConfig = clientConfig(deps).serviceInspectFormat;
    f = fromConfig ? fromConfig : 'raw';
  }
  if (f.startsWith('pretty') && f !== 'pretty') {
    throw new StatusError('Cannot supply extra formatting options to the pretty template', 1);
  }
  const engine = await deps.engine();

  if (f === 'pretty') {
    const { parseFormatTemplate, templateText } = await import('../../render/format.ts');
    const { renderServiceInspectPretty, SERVICE_INSPECT_PRETTY_TEMPLATE } = await import('../../render/service-inspect.ts');
    // Context.Write parses first; then the first failure aborts and nothing is printed.
    parseFormatTemplate(templateText(SERVICE_INSPECT_PRETTY_TEMPLATE));
    const services = [];
    try {
      for (const ref of opts.refs) {
        const service = await getService(engine, ref);
        services.push({ service, networkNames: await networkNames(engine, service) });
      }
      deps.stdout.write(renderServiceInspectPretty(services, deps.now()));
    } catch (e) {
      throw new StatusError(e instanceof Error ? e.message : String(e), 1);
    }
    return;
  }

  // NewFormat: any other format loses a leading "raw" ("raw" itself is the JSON default).
  const format = f.startsWith('raw') ? f.slice(3) : f;
  const { typed } = await import('../../render/typed.ts');
  // service's getRef hands back the typed service only (no raw body).
  await writeInspect(deps, opts.refs, format, async (ref) => ({ value: typed('swarm.Service', await getService(engine, ref)) }), 1);
}
