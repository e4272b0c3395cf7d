/**
 * `network create`'s IPAM flags consolidated into network.IPAM (createIPAMConfig and
 * subnetMatches in cli/command/network/create.go, docker 28), with Go's net.ParseCIDR,
 * net.ParseIP and (*net.IPNet).Contains. Pure; errors carry docker's messages.
 *
 * docker keeps the per-subnet configs in a Go map, so with several subnets its Config order
 * (and which of several failing aux-addresses it names) varies from run to run; tsw keeps the
 * order the flags were given.
 */
import { type IPNet, ipNetContains, parseCIDR as parseGoCIDR, parseIP } from '../../go/net.ts';
import type { IPAMConfig } from '../../engine/networks.ts';

export interface IPAMOptions {
  readonly driver: string;
  readonly subnets: readonly string[];
  readonly ipRanges: readonly string[];
  readonly gateways: readonly string[];
  /** --aux-address as a map (opts.MapOpts), in the order the keys were first given. */
  readonly auxAddresses: Readonly<Record<string, string>>;
  readonly driverOpts: Readonly<Record<string, string>>;
}

export interface IPAM {
  readonly Driver: string;
  readonly Options: Readonly<Record<string, string>>;
  readonly Config: IPAMConfig[];
}

/** An error createIPAMConfig returns (printed as is, exit 1). */
export class IPAMError extends Error {}

const cidrError = (s: string) => new IPAMError(`invalid CIDR address: ${s}`);

/** net.ParseCIDR with Go's error text. */
function parseCIDR(s: string): { ip: Uint8Array; net: IPNet } {
  const cidr = parseGoCIDR(s);
  if (cidr === undefined) throw cidrError(s);
  return cidr;
}

/** subnetMatches: whether data (an address, or a CIDR's address) lies in subnet. */
export function subnetMatches(subnet: string, data: string): boolean {
  let net: IPNet;
  try {
    net = parseCIDR(subnet).net;
  } catch (e) {
    throw new IPAMError(`invalid subnet: ${(e as Error).message}`);
  }
  const ip = data.includes('/') ? parseCIDR(data).ip : parseIP(data);
  return ipNetContains(net, ip);
}

/** createIPAMConfig: one IPAMConfig per subnet, with its range, gateway and aux addresses. */
export function createIPAMConfig(options: IPAMOptions): IPAM {
  if (options.subnets.length < options.ipRanges.length || options.subnets.length < options.gateways.length) {
    throw new IPAMError('every ip-range or gateway must have a corresponding subnet');
  }
  interface Entry {
    Subnet: string;
    IPRange: string;
    Gateway: string;
    AuxAddress: Record<string, string>;
  }
  const data = new Map<string, Entry>();
  for (const s of options.subnets) {
    for (const k of data.keys()) {
      if (subnetMatches(s, k) || subnetMatches(k, s)) {
        throw new IPAMError('multiple overlapping subnet configuration is not supported');
      }
    }
    data.set(s, { Subnet: s, IPRange: '', Gateway: '', AuxAddress: {} });
  }
  const entry = (s: string): Entry => data.get(s) as Entry;

  for (const r of options.ipRanges) {
    let match = false;
    for (const s of options.subnets) {
      parseCIDR(r);
      if (!subnetMatches(s, r)) continue;
      const d = entry(s);
      if (d.IPRange !== '') throw new IPAMError(`cannot configure multiple ranges (${r}, ${d.IPRange}) on the same subnet (${s})`);
      d.IPRange = r;
      match = true;
    }
    if (!match) throw new IPAMError(`no matching subnet for range ${r}`);
  }

  for (const g of options.gateways) {
    let match = false;
    for (const s of options.subnets) {
      if (!subnetMatches(s, g)) continue;
      const d = entry(s);
      if (d.Gateway !== '') throw new IPAMError(`cannot configure multiple gateways (${g}, ${d.Gateway}) for the same subnet (${s})`);
      d.Gateway = g;
      match = true;
    }
    if (!match) throw new IPAMError(`no matching subnet for gateway ${g}`);
  }

  for (const [key, aa] of Object.entries(options.auxAddresses)) {
    let match = false;
    for (const s of options.subnets) {
      if (!subnetMatches(s, aa)) continue;
      setKey(entry(s).AuxAddress, key, aa);
      match = true;
    }
    if (!match) throw new IPAMError(`no matching subnet for aux-address ${aa}`);
  }

  const config: IPAMConfig[] = [...data.values()].map((d) => {
    const c: { -readonly [K in keyof IPAMConfig]: IPAMConfig[K] } = {};
    if (d.Subnet !== '') c.Subnet = d.Subnet;
    if (d.IPRange !== '') c.IPRange = d.IPRange;
    if (d.Gateway !== '') c.Gateway = d.Gateway;
    if (Object.keys(d.AuxAddress).length > 0) c.AuxiliaryAddresses = sortedMap(d.AuxAddress);
    return c;
  });
  return { Driver: options.driver, Options: sortedMap(options.driverOpts), Config: config };
}

/** Sets a key on a plain object without tripping over "__proto__". */
export function setKey(obj: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A map as encoding/json writes it: keys in byte order. */
export function sortedMap(m: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(m).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))) setKey(out, k, m[k] ?? '');
  return out;
}
