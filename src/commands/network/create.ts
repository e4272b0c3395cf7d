/** `docker network create` (cli/command/network/create.go, docker 28). */
import type { Command } from 'commander';
import { addLeaf, exactArgs } from '../../cli/define.ts';
import type { FlagSpec } from '../../cli/flags.ts';
import type { Deps } from '../../deps.ts';
import { StatusError } from '../../errors.ts';
import { kvToMap, validateLabel } from '../../spec/kv.ts';
import type { CommandContext } from '../context.ts';

export interface CreateOptions {
  readonly name: string;
  readonly driver: string;
  /** -o/--opt values as given (KEY=VALUE; a later key wins). */
  readonly opts: readonly string[];
  readonly labels: readonly string[];
  readonly internal: boolean;
  /** --ipv4/--ipv6: undefined unless given (docker sends them only when changed). */
  readonly ipv4?: boolean;
  readonly ipv6?: boolean;
  readonly attachable: boolean;
  readonly ingress: boolean;
  readonly scope: string;
  readonly configOnly: boolean;
  readonly configFrom: string;
  readonly ipamDriver: string;
  readonly subnets: readonly string[];
  readonly ipRanges: readonly string[];
  readonly gateways: readonly string[];
  readonly auxAddresses: readonly string[];
  readonly ipamOpts: readonly string[];
}

const list = (previous: unknown): string[] => (Array.isArray(previous) ? (previous as string[]) : []);

/** opts.MapOpts.Set: every value accepted; kept as given and folded into a map (kvToMap) at run time. */
const mapFlag = (value: string, previous: unknown): string[] => [...list(previous), value];

/** --label: opts.ListOpts with opts.ValidateLabel. */
const labelFlag = (value: string, previous: unknown): string[] => [...list(previous), validateLabel(value)];

export const CREATE_FLAGS: readonly FlagSpec[] = [
  { name: 'driver', short: 'd', type: 'string', usage: 'Driver to manage the Network', defaultText: 'bridge' },
  { name: 'opt', short: 'o', type: 'map', usage: 'Set driver specific options', defaultText: 'map[]', parse: mapFlag },
  { name: 'label', type: 'list', usage: 'Set metadata on a network', parse: labelFlag },
  { name: 'internal', type: 'bool', usage: 'Restrict external access to the network' },
  { name: 'ipv4', type: 'bool', usage: 'Enable or disable IPv4 address assignment', defaultText: 'true' },
  { name: 'ipv6', type: 'bool', usage: 'Enable or disable IPv6 address assignment' },
  { name: 'attachable', type: 'bool', usage: 'Enable manual container attachment', version: '1.25' },
  { name: 'ingress', type: 'bool', usage: 'Create swarm routing-mesh network', version: '1.29' },
  { name: 'scope', type: 'string', usage: "Control the network's scope", version: '1.30' },
  { name: 'config-only', type: 'bool', usage: 'Create a configuration only network', version: '1.30' },
  { name: 'config-from', type: 'string', usage: 'The network from which to copy the configuration', version: '1.30' },
  { name: 'ipam-driver', type: 'string', usage: 'IP Address Management Driver', defaultText: 'default' },
  { name: 'subnet', type: 'stringSlice', usage: 'Subnet in CIDR format that represents a network segment' },
  { name: 'ip-range', type: 'stringSlice', usage: 'Allocate container ip from a sub-range' },
  { name: 'gateway', type: 'stringSlice', usage: 'IPv4 or IPv6 Gateway for the master subnet' },
  { name: 'aux-address', type: 'map', usage: 'Auxiliary IPv4 or IPv6 addresses used by Network driver', defaultText: 'map[]', parse: mapFlag },
  { name: 'ipam-opt', type: 'map', usage: 'Set IPAM driver specific options', defaultText: 'map[]', parse: mapFlag },
];

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'create',
      use: 'create [OPTIONS] NETWORK',
      short: 'Create a network',
      args: exactArgs(1),
      flags: CREATE_FLAGS,
      action: async (f, args) => {
        const str = (k: string, d = '') => (f[k] as string | undefined) ?? d;
        const strs = (k: string) => (f[k] as string[] | undefined) ?? [];
        const opt = (k: string) => f[k] as boolean | undefined;
        return run(
          {
            name: args[0] ?? '',
            driver: str('driver', 'bridge'),
            opts: strs('opt'),
            labels: strs('label'),
            internal: f['internal'] === true,
            ...(opt('ipv4') !== undefined ? { ipv4: opt('ipv4') } : {}),
            ...(opt('ipv6') !== undefined ? { ipv6: opt('ipv6') } : {}),
            attachable: f['attachable'] === true,
            ingress: f['ingress'] === true,
            scope: str('scope'),
            configOnly: f['config-only'] === true,
            configFrom: str('config-from'),
            ipamDriver: str('ipam-driver', 'default'),
            subnets: strs('subnet'),
            ipRanges: strs('ip-range'),
            gateways: strs('gateway'),
            auxAddresses: strs('aux-address'),
            ipamOpts: strs('ipam-opt'),
          },
          ctx.deps,
        );
      },
    },
    ctx.sink,
  );
}

/** runCreate: IPAM consolidated and checked first (no daemon call on error), then POST; prints the ID. */
export async function run(opts: CreateOptions, deps: Deps): Promise<void> {
  const { createIPAMConfig, IPAMError } = await import('./ipam.ts');
  let ipam;
  try {
    ipam = createIPAMConfig({
      driver: opts.ipamDriver,
      subnets: opts.subnets,
      ipRanges: opts.ipRanges,
      gateways: opts.gateways,
      auxAddresses: kvToMap(opts.auxAddresses),
      driverOpts: kvToMap(opts.ipamOpts),
    });
  } catch (e) {
    if (e instanceof IPAMError) throw new StatusError(e.message, 1);
    throw e;
  }
  const { createNetwork } = await import('../../engine/networks.ts');
  const engine = await deps.engine();
  const id = await createNetwork(engine, opts.name, {
    Driver: opts.driver,
    Scope: opts.scope,
    ...(opts.ipv4 !== undefined ? { EnableIPv4: opts.ipv4 } : {}),
    ...(opts.ipv6 !== undefined ? { EnableIPv6: opts.ipv6 } : {}),
    IPAM: ipam,
    Internal: opts.internal,
    Attachable: opts.attachable,
    Ingress: opts.ingress,
    ConfigOnly: opts.configOnly,
    ConfigFrom: opts.configFrom !== '' ? { Network: opts.configFrom } : null,
    Options: kvToMap(opts.opts),
    Labels: kvToMap(opts.labels),
  });
  deps.stdout.write(`${id}\n`);
}
