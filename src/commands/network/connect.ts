/** `docker network connect` (cli/command/network/connect.go, docker 28.2.2). */
import type { Command } from 'commander';
import { addLeaf, exactArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import { StatusError } from '../../errors.ts';
import { NumError, parseGoInt } from '../../go/strconv.ts';
import type { CommandContext } from '../context.ts';

export interface ConnectOptions {
  readonly network: string;
  readonly container: string;
  readonly ip: string;
  readonly ip6: string;
  /** --link values (opts.ValidateLink); undefined when none was given (docker sends null). */
  readonly links?: readonly string[];
  readonly aliases: readonly string[];
  readonly linkLocalIPs: readonly string[];
  readonly driverOpts: readonly string[];
  /** A Go int (64 bits): kept exact as a bigint. */
  readonly gwPriority: bigint;
}

/** opts.ParseLink as ValidateLink uses it: only "" and more than one ":" are refused. */
export function validateLink(value: string): string {
  if (value === '') throw new Error('empty string specified for links');
  if (value.split(':').length > 2) throw new Error(`bad format for links: ${value}`);
  return value;
}

/** pflag IntVar's Set (strconv.ParseInt(s, 0, 64)), exact beyond 2^53. */
const int64Flag = (value: string): bigint => {
  const n = parseGoInt(value, 0, 64);
  if (n instanceof NumError) throw n;
  return n;
};

const linkFlag = (value: string, previous: unknown): string[] => [...(Array.isArray(previous) ? (previous as string[]) : []), validateLink(value)];

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'connect',
      use: 'connect [OPTIONS] NETWORK CONTAINER',
      short: 'Connect a container to a network',
      args: exactArgs(2),
      flags: [
        { name: 'ip', type: 'string', usage: 'IPv4 address (e.g., "172.30.100.104")' },
        { name: 'ip6', type: 'string', usage: 'IPv6 address (e.g., "2001:db8::33")' },
        { name: 'link', type: 'list', usage: 'Add link to another container', parse: linkFlag },
        { name: 'alias', type: 'stringSlice', usage: 'Add network-scoped alias for the container' },
        { name: 'link-local-ip', type: 'stringSlice', usage: 'Add a link-local address for the container' },
        { name: 'driver-opt', type: 'stringSlice', usage: 'driver options for the network' },
        {
          name: 'gw-priority',
          type: 'int',
          parse: int64Flag,
          usage: 'Highest gw-priority provides the default gateway. Accepts positive and negative values.',
        },
      ],
      action: (f, args) => {
        const strs = (k: string) => (f[k] as string[] | undefined) ?? [];
        const links = f['link'] as string[] | undefined;
        return run(
          {
            network: args[0] ?? '',
            container: args[1] ?? '',
            ip: (f['ip'] as string | undefined) ?? '',
            ip6: (f['ip6'] as string | undefined) ?? '',
            ...(links !== undefined ? { links } : {}),
            aliases: strs('alias'),
            linkLocalIPs: strs('link-local-ip'),
            driverOpts: strs('driver-opt'),
            gwPriority: (f['gw-priority'] as bigint | undefined) ?? 0n,
          },
          ctx.deps,
        );
      },
    },
    ctx.sink,
  );
}

/** convertDriverOpt: KEY=VALUE, both trimmed; no "=" or an empty key is an error (a later key wins). */
export function convertDriverOpts(values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const opt of values) {
    const eq = opt.indexOf('=');
    const k = (eq < 0 ? opt : opt.slice(0, eq)).trim();
    if (eq < 0 || k === '') throw new StatusError('invalid key/value pair format in driver options', 1);
    out[k] = opt.slice(eq + 1).trim();
  }
  return out;
}

/** runConnect: the driver options checked first (no daemon call on error), then one POST. */
export async function run(opts: ConnectOptions, deps: Deps): Promise<void> {
  const driverOpts = convertDriverOpts(opts.driverOpts);
  const { connectNetwork } = await import('../../engine/networks.ts');
  const engine = await deps.engine();
  await connectNetwork(engine, opts.network, opts.container, {
    IPv4Address: opts.ip,
    IPv6Address: opts.ip6,
    LinkLocalIPs: opts.linkLocalIPs,
    Links: opts.links ?? null,
    Aliases: opts.aliases,
    DriverOpts: driverOpts,
    GwPriority: opts.gwPriority,
  });
}
