/**
 * Networks (client/network_{inspect,list,create,remove}.go, docker 28): the lookups the service
 * commands need and the calls of `network create/ls/inspect/rm`.
 */
import { filtersQuery, trimID } from './client.ts';
import { goJSON, strOmitEmpty } from '../go/json.ts';
import { compareVersions } from '../go/versions.ts';
import type { Engine, Filters, Raw } from './types.ts';

export interface NetworkSummary {
  readonly Id?: string;
  readonly Name?: string;
  readonly Scope?: string;
  readonly [key: string]: unknown;
}

/** GET /networks/{ref}?scope=… — the network's ID, as resolveNetworkID uses it. */
export async function inspectNetworkID(engine: Engine, ref: string, scope = 'swarm'): Promise<string> {
  const { value } = await engine.request<NetworkSummary>({
    method: 'GET',
    path: `/networks/${trimID('network', ref)}`,
    query: scope !== '' ? { scope } : {},
  });
  return value?.Id ?? '';
}

/** NetworkInspectWithRaw: GET /networks/{ref}, `verbose=true` and `scope` only when set. */
export async function inspectNetwork(engine: Engine, ref: string, opts: { verbose?: boolean; scope?: string } = {}): Promise<Raw<NetworkSummary>> {
  const query: Record<string, string> = {};
  if (opts.verbose === true) query['verbose'] = 'true';
  if (opts.scope !== undefined && opts.scope !== '') query['scope'] = opts.scope;
  return engine.request<NetworkSummary>({ method: 'GET', path: `/networks/${trimID('network', ref)}`, query });
}

/** NetworkList: GET /networks, with `filters` only when there are some. */
export async function listNetworks(engine: Engine, filters: Filters): Promise<NetworkSummary[]> {
  const { value } = await engine.request<NetworkSummary[] | null>({ method: 'GET', path: '/networks', query: filtersQuery(filters) });
  return value ?? [];
}

/** network.IPAMConfig as encoding/json writes it (empty fields omitted). */
export interface IPAMConfig {
  readonly Subnet?: string;
  readonly IPRange?: string;
  readonly Gateway?: string;
  readonly AuxiliaryAddresses?: Readonly<Record<string, string>>;
}

/** network.CreateOptions, fields in Go's declaration order (the JSON body keeps it). */
export interface NetworkCreateOptions {
  readonly Driver: string;
  readonly Scope: string;
  readonly EnableIPv4?: boolean;
  readonly EnableIPv6?: boolean;
  /** Options and Config are nil (null) in what `stack deploy` sends. */
  readonly IPAM: { readonly Driver: string; readonly Options: Readonly<Record<string, string>> | null; readonly Config: readonly IPAMConfig[] | null } | null;
  readonly Internal: boolean;
  readonly Attachable: boolean;
  readonly Ingress: boolean;
  readonly ConfigOnly: boolean;
  readonly ConfigFrom: { readonly Network: string } | null;
  readonly Options: Readonly<Record<string, string>> | null;
  readonly Labels: Readonly<Record<string, string>>;
}

/**
 * NetworkCreate: POST /networks/create with network.CreateRequest (the options, then Name); to
 * daemons older than API 1.44 the client adds CheckDuplicate=true. Returns the new ID.
 */
export async function createNetwork(engine: Engine, name: string, options: NetworkCreateOptions): Promise<string> {
  const checkDuplicate = compareVersions(await engine.apiVersion(), '1.44') < 0;
  const bodyJSON = encodeCreateRequest(name, options, checkDuplicate);
  const { value } = await engine.request<{ Id?: string } | null>({ method: 'POST', path: '/networks/create', bodyJSON });
  return value?.Id ?? '';
}

/** network.CreateRequest as encoding/json writes it (field order, omitempty, HTML-safe strings). */
export function encodeCreateRequest(name: string, o: NetworkCreateOptions, checkDuplicate: boolean): string {
  const optBool = (b: boolean | undefined) => (b === undefined ? undefined : goJSON.bool(b));
  const ipam = o.IPAM;
  return goJSON.obj([
    ['Driver', goJSON.str(o.Driver)],
    ['Scope', goJSON.str(o.Scope)],
    ['EnableIPv4', optBool(o.EnableIPv4)],
    ['EnableIPv6', optBool(o.EnableIPv6)],
    [
      'IPAM',
      ipam === null
        ? goJSON.null
        : goJSON.obj([
            ['Driver', goJSON.str(ipam.Driver)],
            ['Options', goJSON.map(ipam.Options)],
            [
              'Config',
              ipam.Config === null ? goJSON.null : goJSON.arr(
                ipam.Config.map((c) =>
                  goJSON.obj([
                    ['Subnet', strOmitEmpty(c.Subnet)],
                    ['IPRange', strOmitEmpty(c.IPRange)],
                    ['Gateway', strOmitEmpty(c.Gateway)],
                    ['AuxiliaryAddresses', c.AuxiliaryAddresses && Object.keys(c.AuxiliaryAddresses).length > 0 ? goJSON.map(c.AuxiliaryAddresses) : undefined],
                  ]),
                ),
              ),
            ],
          ]),
    ],
    ['Internal', goJSON.bool(o.Internal)],
    ['Attachable', goJSON.bool(o.Attachable)],
    ['Ingress', goJSON.bool(o.Ingress)],
    ['ConfigOnly', goJSON.bool(o.ConfigOnly)],
    ['ConfigFrom', o.ConfigFrom === null ? goJSON.null : goJSON.obj([['Network', goJSON.str(o.ConfigFrom.Network)]])],
    ['Options', goJSON.map(o.Options)],
    ['Labels', goJSON.map(o.Labels)],
    ['Name', goJSON.str(name)],
    ['CheckDuplicate', checkDuplicate ? goJSON.bool(true) : undefined],
  ]).text;
}

/** NetworkRemove: DELETE /networks/{ref}. */
export async function removeNetwork(engine: Engine, ref: string): Promise<void> {
  await engine.request({ method: 'DELETE', path: `/networks/${trimID('network', ref)}` });
}

/** The fields of network.EndpointSettings that `network connect` sets. */
export interface EndpointConfig {
  readonly IPv4Address: string;
  readonly IPv6Address: string;
  readonly LinkLocalIPs: readonly string[];
  /** opts.ListOpts.GetSlice: nil (null) when no --link was given. */
  readonly Links: readonly string[] | null;
  readonly Aliases: readonly string[];
  readonly DriverOpts: Readonly<Record<string, string>>;
  readonly GwPriority: bigint;
}

/**
 * network.ConnectOptions as encoding/json writes it: Container, then the whole
 * EndpointSettings (operational fields zero, DNSNames nil) — what docker 28.2.2 sends whatever
 * the daemon's API version.
 */
export function encodeConnectRequest(container: string, e: EndpointConfig): string {
  const strs = (xs: readonly string[]) => goJSON.arr(xs.map(goJSON.str));
  return goJSON.obj([
    ['Container', goJSON.str(container)],
    [
      'EndpointConfig',
      goJSON.obj([
        [
          'IPAMConfig',
          goJSON.obj([
            ['IPv4Address', strOmitEmpty(e.IPv4Address)],
            ['IPv6Address', strOmitEmpty(e.IPv6Address)],
            ['LinkLocalIPs', e.LinkLocalIPs.length > 0 ? strs(e.LinkLocalIPs) : undefined],
          ]),
        ],
        ['Links', e.Links === null ? goJSON.null : strs(e.Links)],
        ['Aliases', strs(e.Aliases)],
        ['MacAddress', goJSON.str('')],
        ['DriverOpts', goJSON.map(e.DriverOpts)],
        ['GwPriority', goJSON.int(e.GwPriority)],
        ['NetworkID', goJSON.str('')],
        ['EndpointID', goJSON.str('')],
        ['Gateway', goJSON.str('')],
        ['IPAddress', goJSON.str('')],
        ['IPPrefixLen', goJSON.int(0)],
        ['IPv6Gateway', goJSON.str('')],
        ['GlobalIPv6Address', goJSON.str('')],
        ['GlobalIPv6PrefixLen', goJSON.int(0)],
        ['DNSNames', goJSON.null],
      ]),
    ],
  ]).text;
}

/** NetworkConnect: POST /networks/{network}/connect (both references trimmed, neither empty). */
export async function connectNetwork(engine: Engine, ref: string, container: string, endpoint: EndpointConfig): Promise<void> {
  const path = `/networks/${trimID('network', ref)}/connect`;
  const bodyJSON = encodeConnectRequest(trimID('container', container), endpoint);
  await engine.request({ method: 'POST', path, bodyJSON });
}

/** NetworkDisconnect: POST /networks/{network}/disconnect with network.DisconnectOptions. */
export async function disconnectNetwork(engine: Engine, ref: string, container: string, force: boolean): Promise<void> {
  const path = `/networks/${trimID('network', ref)}/disconnect`;
  const bodyJSON = goJSON.obj([
    ['Container', goJSON.str(trimID('container', container))],
    ['Force', goJSON.bool(force)],
  ]).text;
  await engine.request({ method: 'POST', path, bodyJSON });
}

/** NetworksPrune: POST /networks/prune (filters in the query, no body); the deleted networks' names. */
export async function pruneNetworks(engine: Engine, filters: Filters): Promise<string[]> {
  const { value } = await engine.request<{ NetworksDeleted?: string[] | null } | null>({
    method: 'POST',
    path: '/networks/prune',
    query: filtersQuery(filters),
  });
  return value?.NetworksDeleted ?? [];
}
