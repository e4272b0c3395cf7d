/**
 * Networks, secrets and configs of a stack (docker/cli v28.2.2 cli/compose/convert/compose.go):
 * the create bodies docker sends for them. Go iterates maps here (a random order); tsw takes
 * the keys in sorted order.
 */
import type { ConfigObjConfig, FileObjectConfig, NetworkConfig, SecretConfig } from '../types.ts';
import { goJSONString } from '../../spec/gojson.ts';
import { addStackLabel, type Namespace } from './namespace.ts';

/** network.IPAMConfig as the stack sends it (only the subnet). */
export interface IPAMPoolBody {
  Subnet?: string;
}

/** network.IPAM */
export interface IPAMBody {
  Driver: string;
  Options?: Record<string, string>;
  Config?: IPAMPoolBody[];
}

/** network.CreateOptions as convert.Networks fills it. */
export interface NetworkCreateOptions {
  Driver: string;
  IPAM?: IPAMBody;
  Internal: boolean;
  Attachable: boolean;
  Options?: Record<string, string>;
  Labels: Record<string, string>;
}

export interface ConvertedNetworks {
  /** Network name → create options (sorted by the compose key). */
  readonly networks: ReadonlyMap<string, NetworkCreateOptions>;
  /** The names of the external networks used by services. */
  readonly externals: readonly string[];
}

function byteSorted<T>(keys: Iterable<T & string>): (T & string)[] {
  return [...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

/** convert.Networks: the networks the services use (servicesNetworks holds compose keys). */
export function convertNetworks(
  ns: Namespace,
  networks: Readonly<Record<string, NetworkConfig>> | undefined,
  servicesNetworks: Iterable<string>,
): ConvertedNetworks {
  const all = networks ?? {};
  const result = new Map<string, NetworkCreateOptions>();
  const externals: string[] = [];
  for (const internalName of byteSorted(new Set(servicesNetworks))) {
    const nw: NetworkConfig = Object.prototype.hasOwnProperty.call(all, internalName) ? (all[internalName] ?? {}) : {};
    if (nw.External?.External === true) {
      externals.push(nw.Name ?? '');
      continue;
    }
    const opts: NetworkCreateOptions = {
      Driver: nw.Driver ?? '',
      Internal: nw.Internal === true,
      Attachable: nw.Attachable === true,
      Labels: addStackLabel(ns, nw.Labels),
    };
    if (nw.DriverOpts !== undefined) opts.Options = { ...nw.DriverOpts };
    const ipamDriver = nw.Ipam?.Driver ?? '';
    const pools = nw.Ipam?.Config ?? [];
    if (ipamDriver !== '' || pools.length > 0) {
      opts.IPAM = { Driver: ipamDriver };
      if (pools.length > 0) opts.IPAM.Config = pools.map((p) => ({ Subnet: p?.Subnet ?? '' }));
    }
    const name = nw.Name !== undefined && nw.Name !== '' ? nw.Name : ns.scope(internalName);
    result.set(name, opts);
  }
  return { networks: result, externals };
}

/** swarm.Driver */
export interface DriverBody {
  Name?: string;
  Options?: Record<string, string>;
}

/** swarm.SecretSpec / swarm.ConfigSpec (Driver only for secrets). Data is the raw bytes. */
export interface FileObjectSpec {
  Name: string;
  Labels: Record<string, string>;
  Data: Uint8Array;
  Driver?: DriverBody;
  Templating?: DriverBody;
}

/** How conversion reads a secret's or config's `file:` (os.ReadFile; throws Go's error text). */
export type ReadFile = (path: string) => Uint8Array;

function objectName(ns: Namespace, key: string, obj: FileObjectConfig): string {
  return obj.Name !== undefined && obj.Name !== '' ? obj.Name : ns.scope(key);
}

/** convert.Secrets: the non-external secrets, with their data read. */
export function convertSecrets(ns: Namespace, secrets: Readonly<Record<string, SecretConfig>> | undefined, readFile: ReadFile): FileObjectSpec[] {
  const out: FileObjectSpec[] = [];
  for (const key of byteSorted(Object.keys(secrets ?? {}))) {
    const s = secrets?.[key] ?? {};
    if (s.External?.External === true) continue;
    const driver = s.Driver ?? '';
    const data = driver !== '' ? new Uint8Array() : readFile(s.File ?? '');
    const spec: FileObjectSpec = { Name: objectName(ns, key, s), Labels: addStackLabel(ns, s.Labels), Data: data };
    if (driver !== '') spec.Driver = { Name: driver, ...(s.DriverOpts !== undefined ? { Options: { ...s.DriverOpts } } : {}) };
    if ((s.TemplateDriver ?? '') !== '') spec.Templating = { Name: s.TemplateDriver ?? '' };
    out.push(spec);
  }
  return out;
}

/** convert.Configs: the non-external configs, with their data read. */
export function convertConfigs(ns: Namespace, configs: Readonly<Record<string, ConfigObjConfig>> | undefined, readFile: ReadFile): FileObjectSpec[] {
  const out: FileObjectSpec[] = [];
  for (const key of byteSorted(Object.keys(configs ?? {}))) {
    const c = configs?.[key] ?? {};
    if (c.External?.External === true) continue;
    const spec: FileObjectSpec = { Name: objectName(ns, key, c), Labels: addStackLabel(ns, c.Labels), Data: readFile(c.File ?? '') };
    if ((c.TemplateDriver ?? '') !== '') spec.Templating = { Name: c.TemplateDriver ?? '' };
    out.push(spec);
  }
  return out;
}

function sortedMap(m: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of byteSorted(Object.keys(m))) out[k] = m[k] ?? '';
  return out;
}

/** The JSON body of POST /networks/create (network.CreateRequest, fields in Go's order). */
export function networkCreateBody(name: string, o: NetworkCreateOptions, apiVersion: string): string {
  const body: Record<string, unknown> = {
    Driver: o.Driver,
    Scope: '',
    IPAM: o.IPAM === undefined ? null : { Driver: o.IPAM.Driver, Options: null, Config: o.IPAM.Config ?? null },
    Internal: o.Internal,
    Attachable: o.Attachable,
    Ingress: false,
    ConfigOnly: false,
    ConfigFrom: null,
    Options: o.Options === undefined ? null : sortedMap(o.Options),
    Labels: sortedMap(o.Labels),
    Name: name,
  };
  // client.NetworkCreate: CheckDuplicate is deprecated since API 1.44 but set for older daemons.
  if (apiLess(apiVersion, '1.44')) body['CheckDuplicate'] = true;
  return goJSON(body);
}

/**
 * encoding/json of the plain values these bodies hold (objects in the order given, maps
 * already sorted): Go's string escaping (HTML-safe \u003c \u003e \u0026, U+2028/2029).
 */
function goJSON(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goJSONString(v);
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return `[${v.map(goJSON).join(',')}]`;
  return `{${Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `${goJSONString(k)}:${goJSON(x)}`)
    .join(',')}}`;
}

/** The JSON body of POST /secrets/create, /configs/create and their updates (swarm.SecretSpec / ConfigSpec). */
export function fileObjectBody(s: FileObjectSpec): string {
  const body: Record<string, unknown> = { Name: s.Name, Labels: sortedMap(s.Labels) };
  if (s.Data.length > 0) body['Data'] = Buffer.from(s.Data).toString('base64');
  if (s.Driver !== undefined) {
    const d: Record<string, unknown> = {};
    if ((s.Driver.Name ?? '') !== '') d['Name'] = s.Driver.Name;
    if (s.Driver.Options !== undefined && Object.keys(s.Driver.Options).length > 0) d['Options'] = sortedMap(s.Driver.Options);
    body['Driver'] = d;
  }
  if (s.Templating !== undefined) body['Templating'] = (s.Templating.Name ?? '') !== '' ? { Name: s.Templating.Name } : {};
  return goJSON(body);
}

/** versions.LessThan for API versions ("1.41" < "1.44"). */
export function apiLess(a: string, b: string): boolean {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) < (pb[i] ?? 0);
  }
  return false;
}
