/** `docker network create` (cli/command/network/create.go, docker 28). */
import type { Command } from 'commander';
import { addLeaf, anyArgs, checkArgs, exactArgs } from '../../cli/define.ts';
import type { FlagSpec } from '../../cli/flags.ts';
import type { Deps } from '../../deps.ts';
import { StatusError } from '../../errors.ts';
import { csvFirstRecord } from '../../go/csv.ts';
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

/** pflag stringSlice Set: "" adds nothing, else the first CSV record; repeated flags append. */
const stringsFlag = (value: string, previous: unknown): string[] => (value === '' ? list(previous) : [...list(previous), ...csvFirstRecord(value)]);

/** --label: opts.ListOpts with opts.ValidateLabel. */
const labelFlag = (value: string, previous: unknown): string[] => [...list(previous), validateLabel(value)];

export const CREATE_FLAGS: readonly FlagSpec[] = [
  { name: 'driver', short: 'd', type: 'string', usage: 'Driver to manage the Network', defaultText: 'bridge' },
  { name: 'opt', short: 'o', type: 'map', usage: 'Set driver specific options', defaultText: 'map[]', parse: mapFlag },
  { name: 'label', type: 'list', usage: 'Set metadata on a network', parse: labelFlag },
  { name: 'internal', type: 'bool', usage: 'Restrict external access to the network' },
  { name: 'ipv4', type: 'bool', usage: 'Enable or disable IPv4 address assignment', defaultText: 'true' },
  { name: 'ipv6', type: 'bool', usage: 'Enable or disable IPv6 address assignment' },
  { name: 'attachable', type: 'bool', usage: 'Enable manual container attachment' },
  { name: 'ingress', type: 'bool', usage: 'Create swarm routing-mesh network' },
  { name: 'scope', type: 'string', usage: "Control the network's scope" },
  { name: 'config-only', type: 'bool', usage: 'Create a configuration only network' },
  { name: 'config-from', type: 'string', usage: 'The network from which to copy the configuration' },
  { name: 'ipam-driver', type: 'string', usage: 'IP Address Management Driver', defaultText: 'default' },
  { name: 'subnet', type: 'strings', usage: 'Subnet in CIDR format that represents a network segment', parse: stringsFlag },
  { name: 'ip-range', type: 'strings', usage: 'Allocate container ip from a sub-range', parse: stringsFlag },
  { name: 'gateway', type: 'strings', usage: 'IPv4 or IPv6 Gateway for the master subnet', parse: stringsFlag },
  { name: 'aux-address', type: 'map', usage: 'Auxiliary IPv4 or IPv6 addresses used by Network driver', defaultText: 'map[]', parse: mapFlag },
  { name: 'ipam-opt', type: 'map', usage: 'Set IPAM driver specific options', defaultText: 'map[]', parse: mapFlag },
];

/** The flags' "version" annotations (the API version they need), in pflag's sorted order. */
const FLAG_VERSIONS: ReadonlyArray<readonly [string, string]> = [
  ['attachable', '1.25'],
  ['config-from', '1.30'],
  ['config-only', '1.30'],
  ['ingress', '1.29'],
  ['scope', '1.30'],
];

/**
 * areFlagsSupported (cmd/docker/docker.go): each given flag annotated with a newer API version
 * than the negotiated one is an error; the version is asked for only when such a flag is given.
 */
async function checkFlagVersions(given: Readonly<Record<string, unknown>>, deps: Deps): Promise<void> {
  const annotated = FLAG_VERSIONS.filter(([name]) => given[name] !== undefined);
  if (annotated.length === 0) return;
  const { compareVersions } = await import('../../engine/negotiate.ts');
  const api = await (await deps.engine()).apiVersion();
  const errs = annotated
    .filter(([, version]) => compareVersions(api, version) < 0)
    .map(([name, version]) => `"--${name}" requires API version ${version}, but the Docker daemon API version is ${api}`);
  if (errs.length > 0) throw new StatusError(errs.join('\n'), 1);
}

/** hideUnsupportedFeatures for --help: flags newer than the daemon's API are not listed. */
async function helpFlags(deps: Deps): Promise<readonly FlagSpec[]> {
  let api: string;
  try {
    api = await (await deps.engine()).apiVersion();
  } catch {
    return CREATE_FLAGS;
  }
  const { compareVersions } = await import('../../engine/negotiate.ts');
  const tooNew = new Set(FLAG_VERSIONS.filter(([, v]) => compareVersions(api, v) < 0).map(([name]) => name));
  return CREATE_FLAGS.map((f) => (tooNew.has(f.name) ? { ...f, hidden: true } : f));
}

const USE = 'create [OPTIONS] NETWORK';
const SHORT = 'Create a network';

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'create',
      use: USE,
      short: SHORT,
      // docker checks the flags' API versions before the arguments: ExactArgs(1) is applied below.
      args: anyArgs,
      flags: CREATE_FLAGS,
      helpFlags: () => helpFlags(ctx.deps),
      action: async (f, args) => {
        await checkFlagVersions(f, ctx.deps);
        checkArgs(exactArgs(1), args, { path: 'docker network create', use: USE, short: SHORT, aliases: [], flags: CREATE_FLAGS });
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
