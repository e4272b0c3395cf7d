/**
 * Networks, secrets and configs of a stack (docker/cli v28.2.2 cli/compose/convert/compose.go):
 * the create bodies docker sends for them. Go iterates maps here (a random order); tsw takes
 * the keys in sorted order.
 */
import type { ConfigObjConfig, FileObjectConfig, NetworkConfig, SecretConfig } from '../types.ts';
import { compareVersions } from '../../go/versions.ts';
import type { SecretSpecInput } from '../../engine/secrets.ts';
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

/** swarm.SecretSpec / swarm.ConfigSpec as src/engine/secrets.ts sends them (Driver only for secrets). */
export type FileObjectSpec = SecretSpecInput;

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
    out.push({
      Name: objectName(ns, key, s),
      Labels: addStackLabel(ns, s.Labels),
      Data: data,
      ...(driver !== '' ? { Driver: driver, ...(s.DriverOpts !== undefined ? { DriverOptions: { ...s.DriverOpts } } : {}) } : {}),
      ...((s.TemplateDriver ?? '') !== '' ? { Templating: s.TemplateDriver ?? '' } : {}),
    });
  }
  return out;
}

/** convert.Configs: the non-external configs, with their data read. */
export function convertConfigs(ns: Namespace, configs: Readonly<Record<string, ConfigObjConfig>> | undefined, readFile: ReadFile): FileObjectSpec[] {
  const out: FileObjectSpec[] = [];
  for (const key of byteSorted(Object.keys(configs ?? {}))) {
    const c = configs?.[key] ?? {};
    if (c.External?.External === true) continue;
    out.push({
      Name: objectName(ns, key, c),
      Labels: addStackLabel(ns, c.Labels),
      Data: readFile(c.File ?? ''),
      ...((c.TemplateDriver ?? '') !== '' ? { Templating: c.TemplateDriver ?? '' } : {}),
    });
  }
  return out;
}

/** versions.LessThan for API versions ("1.41" < "1.44"). */
export function apiLess(a: string, b: string): boolean {
  return compareVersions(a, b) < 0;
}
