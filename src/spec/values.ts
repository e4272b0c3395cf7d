/**
 * The smaller flag value families of `service create`/`update`, each mirroring its docker
 * 28.2.2 source: ulimits (go-units ParseUlimit), `--host` (opts.ValidateExtraHost),
 * `--dns` (opts.ValidateIPAddress), `--dns-search` (opts.ValidateDNSSearch),
 * `--generic-resource` (service ValidateSingleGenericResource / ParseGenericResources with
 * swarmkit genericresource.Parse), `--placement-pref` (placementPrefOpts.Set),
 * `--credential-spec` (credentialSpecOpt.Set) and capabilities (opts/capabilities.go).
 */
import { quote } from '../go/quote.ts';
import { SpecError, SpecValueError } from './errors.ts';
import { ipString, parseIP } from '../go/net.ts';
import { NumError, parseGoInt } from '../go/strconv.ts';
import { trimSpace } from '../go/strings.ts';
import type { CredentialSpec, GenericResource, PlacementPreference, Ulimit } from './types.ts';

const ULIMIT_NAMES = new Set(['core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio', 'rttime', 'sigpending', 'stack']);

/** go-units ParseUlimit: `nofile=1024[:2048]` (hard defaults to soft; -1 is unlimited). */
export function parseUlimit(val: string): Ulimit {
  const eq = val.indexOf('=');
  if (eq < 0) throw new SpecValueError(`invalid ulimit argument: ${val}`);
  const name = val.slice(0, eq);
  const limits = val.slice(eq + 1);
  if (!ULIMIT_NAMES.has(name)) throw new SpecValueError(`invalid ulimit type: ${name}`);
  const parts = limits.split(':');
  const num = (s: string): bigint => {
    const n = parseGoInt(s, 10, 64);
    if (n instanceof NumError) throw new SpecValueError(n.message);
    return n;
  };
  let soft: bigint;
  let hard: bigint;
  if (parts.length === 2) {
    hard = num(parts[1] ?? ''); // the hard limit is parsed first
    soft = num(parts[0] ?? '');
  } else if (parts.length === 1) {
    soft = num(parts[0] ?? '');
    hard = soft;
  } else {
    throw new SpecValueError(`too many limit value arguments - ${limits}, can only have up to two, \`soft[:hard]\``);
  }
  if (hard !== -1n) {
    if (soft === -1n) throw new SpecValueError(`ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), hard: ${hard}`);
    if (soft > hard) throw new SpecValueError(`ulimit soft limit must be less than or equal to hard limit: ${soft} > ${hard}`);
  }
  return { Name: name, Hard: hard, Soft: soft };
}


/** opts.ValidateIPAddress (`--dns`, `--dns-add`): the address in Go's normal form. */
export function validateIPAddress(val: string): string {
  const ip = parseIP(trimSpace(val));
  if (ip === undefined) throw new SpecValueError(`IP address is not correctly formatted: ${val}`);
  return ipString(ip);
}

/**
 * opts.ValidateExtraHost (`--host`, `--host-add`): `host:ip` or `host=ip` (`[v6]` brackets
 * removed, `host-gateway` allowed). Returns `host:ip`. Errors use Go's %q.
 */
export function validateExtraHost(val: string): string {
  let sep = val.indexOf('=');
  if (sep < 0) sep = val.indexOf(':');
  const k = sep < 0 ? val : val.slice(0, sep);
  let v = sep < 0 ? '' : val.slice(sep + 1);
  if (sep < 0 || k === '' || k.includes(':')) throw new SpecValueError(`bad format for add-host: ${quote(val)}`);
  if (v !== 'host-gateway') {
    if (v.length > 2 && v[0] === '[' && v[v.length - 1] === ']') v = v.slice(1, -1);
    if (parseIP(trimSpace(v)) === undefined) throw new SpecValueError(`invalid IP address in add-host: ${quote(v)}`);
  }
  return `${k}:${v}`;
}

/** service convertExtraHostsToSwarmHosts: `host:ip` → `ip host` (swarmkit's hosts format). */
export function extraHostsToSwarm(hosts: readonly string[]): string[] {
  const out: string[] = [];
  for (const h of hosts) {
    const i = h.indexOf(':');
    if (i >= 0) out.push(`${h.slice(i + 1)} ${h.slice(0, i)}`);
  }
  return out;
}

const DOMAIN = /^(:?(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))(:?\.(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])))*)\.?[\t\n\f\r ]*$/;

/** opts.ValidateDNSSearch (`--dns-search`, `--dns-search-add`): the domain, normalised. */
export function validateDNSSearch(val0: string): string {
  const val = val0.replace(/^ +| +$/g, '');
  if (val === '.') return val;
  if (!/[a-zA-Z]/.test(val)) throw new SpecValueError(`${val} is not a valid domain`);
  const m = DOMAIN.exec(val);
  if (m !== null && (m[1] ?? '').length < 255) return m[1] ?? '';
  throw new SpecValueError(`${val} is not a valid domain`);
}

/** ValidateSingleGenericResource (the flag-time check of `--generic-resource`). */
export function validateGenericResource(val: string): string {
  if (!val.includes('=')) throw new SpecValueError(`invalid generic-resource format \`${val}\` expected \`name=value\``);
  return val;
}

/**
 * ParseGenericResources (at ToService / update time; errors are SpecErrors):
 * `kind=N` → a discrete resource. Deviation: docker groups the terms in a Go map, so several
 * kinds come out in random order; tsw keeps first-seen order.
 */
export function parseGenericResources(values: readonly string[]): GenericResource[] | undefined {
  if (values.length === 0) return undefined;
  const wrap = (why: string): SpecError => new SpecError(`invalid generic resource specification: could not parse GenericResource: ${why}`);
  const tokens = new Map<string, string[]>();
  for (const term of values) {
    const kva = term.split('=');
    if (kva.length !== 2) throw wrap(`incorrect term ${term}, missing '=' or malformed expression`);
    const key = trimSpace(kva[0] ?? '');
    const val = trimSpace(kva[1] ?? '');
    const list = tokens.get(key) ?? [];
    list.push(val);
    tokens.set(key, list);
  }
  const discrete = (s: string): bigint | undefined => {
    const n = parseGoInt(s, 10, 64);
    return n instanceof NumError ? undefined : n;
  };
  const out: GenericResource[] = [];
  for (const [k, v] of tokens) {
    const u = v.length === 1 ? discrete(v[0] ?? '') : undefined;
    if (u !== undefined) {
      if (u < 0n) throw wrap(`cannot ask for negative resource ${k}`);
      out.push({ DiscreteResourceSpec: { Kind: k, Value: u } });
      continue;
    }
    if (v.every((x) => discrete(x) === undefined)) {
      for (const x of v) out.push({ NamedResourceSpec: { Kind: k, Value: x } });
      continue;
    }
    throw wrap(`mixed discrete and named resources in expression '${k}=[${v.join(' ')}]'`);
  }
  for (const r of out) {
    if (r.NamedResourceSpec !== undefined) {
      throw new SpecError(
        `invalid generic-resource request \`${r.NamedResourceSpec.Kind ?? ''}=${r.NamedResourceSpec.Value ?? ''}\`, Named Generic Resources is not supported for service create or update`,
      );
    }
  }
  return out;
}

/** placementPrefOpts.Set (`--placement-pref`, `-add`, `-rm`): `spread=<descriptor>`. */
export function parsePlacementPref(value: string): PlacementPreference {
  const eq = value.indexOf('=');
  const strategy = eq < 0 ? value : value.slice(0, eq);
  if (eq < 0 || strategy === '') throw new SpecValueError('placement preference must be of the format "<strategy>=<arg>"');
  if (strategy !== 'spread') throw new SpecValueError(`unsupported placement preference ${strategy} (only spread is supported)`);
  return { Spread: { SpreadDescriptor: value.slice(eq + 1) } };
}

/** A parsed `--credential-spec`: the text given and the spec (absent for ""). */
export interface CredentialSpecOpt {
  readonly source: string;
  readonly value: CredentialSpec;
}

/**
 * credentialSpecOpt.Set: `config://NAME`, `file://F`, `registry://K`, or "" (removes it on
 * update). The config name is replaced by the config's ID once configs are resolved.
 */
export function parseCredentialSpec(value: string): CredentialSpecOpt {
  const cs: CredentialSpec = { Config: '', File: '', Registry: '' };
  if (value.startsWith('config://')) cs.Config = value.slice('config://'.length);
  else if (value.startsWith('file://')) cs.File = value.slice('file://'.length);
  else if (value.startsWith('registry://')) cs.Registry = value.slice('registry://'.length);
  else if (value !== '') throw new SpecValueError('invalid credential spec: value must be prefixed with "config://", "file://", or "registry://"');
  return { source: value, value: cs };
}

/** opts.AllCapabilities. */
export const ALL_CAPABILITIES = 'ALL';
/** opts.ResetCapabilities. */
export const RESET_CAPABILITIES = 'RESET';

/** opts.NormalizeCapability: trimmed, upper-cased, `CAP_` prefixed (except ALL and RESET). */
export function normalizeCapability(c0: string): string {
  const c = trimSpace(c0).toUpperCase();
  if (c === ALL_CAPABILITIES || c === RESET_CAPABILITIES) return c;
  return c.startsWith('CAP_') ? c : `CAP_${c}`;
}

/** opts.CapabilitiesMap, as a set. */
export function capabilitiesSet(caps: readonly string[]): Set<string> {
  return new Set(caps.map(normalizeCapability));
}

/** Go's sort.Strings order (bytewise). */
export function goSortStrings(list: string[]): string[] {
  return list.sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
}

/**
 * opts.EffectiveCapAddCapDrop (create): ALL collapses a list, a capability in both lists is
 * only added, RESET is dropped, both lists sorted. Absent when empty.
 */
export function effectiveCapAddCapDrop(add: readonly string[], drop: readonly string[]): { capAdd?: string[]; capDrop?: string[] } {
  let addCaps = capabilitiesSet(add);
  let dropCaps = capabilitiesSet(drop);
  if (addCaps.has(ALL_CAPABILITIES)) addCaps = new Set([ALL_CAPABILITIES]);
  if (dropCaps.has(ALL_CAPABILITIES)) dropCaps = new Set([ALL_CAPABILITIES]);
  const capDrop = [...dropCaps].filter((c) => !addCaps.has(c) && c !== RESET_CAPABILITIES);
  const capAdd = [...addCaps].filter((c) => c !== RESET_CAPABILITIES);
  const out: { capAdd?: string[]; capDrop?: string[] } = {};
  if (capAdd.length > 0) out.capAdd = goSortStrings(capAdd);
  if (capDrop.length > 0) out.capDrop = goSortStrings(capDrop);
  return out;
}
