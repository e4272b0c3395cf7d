/**
 * docker/cli v28.2.2 cli/compose/loader (loader.go, volume.go, interpolate.go): turns parsed
 * compose dicts into the typed Config. Pure: files (env_file) are read through `io`, the
 * environment comes in the ConfigDetails, logrus warnings go to `io.warn`.
 */
import { goJoin } from '../engine/endpoint.ts';
import { ramInBytes } from '../spec/bytes.ts';
import { parseIP, isUnspecified } from '../go/net.ts';
import { parseEnvFile } from '../spec/kv.ts';
import { parsePortRange, parsePortSpec } from '../spec/ports.ts';
import { shlexSplit } from '../spec/shlex.ts';
import { parseDuration } from '../render/duration.ts';
import * as D from './fields.ts';
import type { Field, FieldType, StructDesc } from './fields.ts';
import { GoFloat, num } from './gofloat.ts';
import { ComposeError, interpolateConfig, isMap } from './interpolate.ts';
import { mergeConfigs } from './merge.ts';
import { goSprint, loadSchema, schemaVersion, validate } from './schema.ts';
import { ForbiddenProperties } from './types.ts';
import type { Config, ConfigDetails, NetworkConfig, ServiceConfig, ServiceVolumeConfig, VolumeConfig, FileObjectConfig } from './types.ts';

export interface LoaderIO {
  /** Reads a file (env_file); throws an Error with Go's text (`open PATH: no such file or directory`). */
  readFile(path: string): Uint8Array;
  /** A logrus warning (the caller prints it as logrus does). */
  warn(message: string): void;
}

export interface LoadOptions {
  readonly skipInterpolation?: boolean;
  readonly skipValidation?: boolean;
  /** WithDiscardEnvFiles: drop env_file after resolving it into environment. */
  readonly discardEnvFiles?: boolean;
}

/** loader.ForbiddenPropertiesError: stack deploy prints the properties, stack config the short text. */
export class ForbiddenPropertiesError extends ComposeError {
  constructor(readonly properties: Record<string, string>) {
    super('Configuration contains forbidden properties');
    this.name = 'ForbiddenPropertiesError';
  }
}

type Dict = Record<string, unknown>;

/** loader.absPath. */
function absPath(workingDir: string, filePath: string): string {
  if (filePath.startsWith('/')) return filePath;
  return goJoin(workingDir, filePath);
}

/** isAbs for a Windows path (windows_path.go): `C:\x`, `\\server\share`. */
function isWindowsAbs(p: string): boolean {
  if (p.startsWith('\\\\')) return true;
  return /^[a-zA-Z]:[\\/]/.test(p);
}

function getServices(configDict: Dict): Dict {
  const s = configDict['services'];
  return isMap(s) ? s : {};
}

function getProperties(services: Dict, props: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const svc of Object.values(services)) {
    if (!isMap(svc)) continue;
    for (const [p, d] of Object.entries(props)) if (p in svc) out[p] = d;
  }
  return out;
}

/** GetUnsupportedProperties: sorted service keys stack deploy ignores. */
export function getUnsupportedProperties(dicts: readonly Dict[], unsupported: readonly string[]): string[] {
  const set = new Set<string>();
  for (const d of dicts) for (const svc of Object.values(getServices(d))) for (const p of unsupported) if (isMap(svc) && p in svc) set.add(p);
  return [...set].sort();
}

/** GetDeprecatedProperties. */
export function getDeprecatedProperties(dicts: readonly Dict[], deprecated: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of dicts) Object.assign(out, getProperties(getServices(d), deprecated));
  return out;
}

function getExtras(dict: Dict): Dict | undefined {
  const out: Dict = {};
  for (const [k, v] of Object.entries(dict)) if (k.startsWith('x-')) out[k] = v;
  return Object.keys(out).length === 0 ? undefined : out;
}

function loadExtras(name: string, source: Dict): Dict | undefined {
  const d = source[name];
  return isMap(d) ? getExtras(d) : undefined;
}

// ---- Transform (mapstructure with docker's hooks) ----

class Decoder {
  constructor(readonly io: LoaderIO) {}

  /** Finds the dict key mapstructure decodes a field from. */
  private keyFor(dict: Dict, field: Field): string | undefined {
    const name = field.key ?? field.go;
    if (Object.hasOwn(dict, name)) return name;
    const lower = name.toLowerCase();
    for (const k of Object.keys(dict)) if (k.toLowerCase() === lower) return k;
    return undefined;
  }

  /** Transform: decodes a struct, wrapping hook errors as mapstructure does. */
  transform(desc: StructDesc, data: unknown): Dict {
    try {
      return this.struct(desc, data, '');
    } catch (e) {
      throw decodeFailure(e);
    }
  }

  /** Transform into a map of structs (the top-level sections). */
  transformMap(desc: StructDesc, source: Dict): Record<string, Dict> {
    const out: Record<string, Dict> = {};
    try {
      for (const [k, v] of Object.entries(source)) out[k] = this.struct(desc, v, `[${k}]`);
    } catch (e) {
      throw decodeFailure(e);
    }
    return out;
  }

  struct(desc: StructDesc, data: unknown, path: string): Dict {
    const at = <T>(f: () => T): T => hooked(path, f);
    if (desc.name === 'ServiceVolumeConfig' && typeof data === 'string') return at(() => parseVolume(data) as Dict);
    const value = at(() => this.structHook(desc, data));
    const out: Dict = {};
    if (!isMap(value)) return out;
    const errors: Error[] = [];
    for (const field of desc.fields) {
      if (field.t.k === 'extras') continue;
      const key = this.keyFor(value, field);
      if (key === undefined) continue;
      const v = value[key];
      if (v === null || v === undefined) continue;
      const name = field.key ?? field.go;
      try {
        out[field.go] = this.value(field.t, v, path === '' ? name : `${path}.${name}`, desc, field);
      } catch (e) {
        if (e instanceof DecodeError || e instanceof PlainDecodeError || e instanceof DecodeErrors) errors.push(e);
        else throw e;
      }
    }
    if (errors.length > 0) throw new DecodeErrors(errors);
    return out;
  }

  /** The hooks keyed by struct type. */
  private structHook(desc: StructDesc, data: unknown): unknown {
    switch (desc.name) {
      case 'BuildConfig':
        if (typeof data === 'string') return { context: data };
        return data;
      case 'FileReferenceConfig':
        if (typeof data === 'string') return { source: data };
        return data;
      case 'UlimitsConfig':
        if (typeof data === 'number') return { single: data };
        if (isMap(data)) return { soft: data['soft'], hard: data['hard'] };
        throw new ComposeError(`invalid type ${goTypeName(data)} for ulimits`);
    }
    return data;
  }

  value(t: FieldType, v: unknown, path: string, parent?: StructDesc, field?: Field): unknown {
    return hooked(path, () => this.value0(t, v, path, parent, field));
  }

  private value0(t: FieldType, v: unknown, path: string, parent?: StructDesc, field?: Field): unknown {
    switch (t.k) {
      case 'string':
        return typeof v === 'string' ? v : goSprint(v);
      case 'bool':
        return v === true;
      case 'int': {
        const n = num(v);
        if (t.unsigned && n < 0) {
          const shown = v instanceof GoFloat ? n.toFixed(6) : String(n);
          throw new PlainDecodeError(`cannot parse '${path}', ${shown} overflows uint`);
        }
        return Math.trunc(n);
      }
      case 'float32':
        return Math.fround(num(v));
      case 'duration':
        if (typeof v !== 'string') throw new ComposeError(`invalid type ${goTypeName(v)} for duration`);
        try {
          return Number(parseDuration(v));
        } catch (e) {
          throw new ComposeError((e as Error).message);
        }
      case 'bytes':
        if (typeof v === 'number' || v instanceof GoFloat || typeof v === 'bigint') return Math.trunc(num(v));
        try {
          return Number(ramInBytes(String(v)));
        } catch (e) {
          throw new ComposeError((e as Error).message);
        }
      case 'ptr':
        return this.value0(t.of, v, path, parent, field);
      case 'strings':
        return this.strings(t.named, v);
      case 'mapSS':
        if (t.named) return mappingOrList(v, '=', false);
        if (!isMap(v)) throw new ComposeError(`invalid type ${goTypeName(v)} for map[string]string`);
        return toMapStringString(v, false);
      case 'mapEq':
        return mappingOrList(v, '=', true);
      case 'struct':
        return this.struct(t.s, v, path);
      case 'slice':
        if (t.of.k === 'struct' && t.of.s.name === 'ServicePortConfig') return this.ports(v, path);
        if (!Array.isArray(v)) return [];
        return v.map((x, i) => (x === null ? (t.of.k === 'struct' && t.of.ptr ? null : {}) : this.value(t.of, x, `${path}[${i}]`)));
      case 'map': {
        let m = v;
        if (field?.go === 'Networks' && parent?.name === 'ServiceConfig' && Array.isArray(v)) {
          m = Object.fromEntries(v.map((n) => [goSprint(n), null]));
        }
        if (!isMap(m)) return {};
        const out: Dict = {};
        for (const [k, x] of Object.entries(m)) out[k] = x === null ? null : this.value(t.of, x, `${path}[${k}]`);
        return out;
      }
      case 'external':
        if (typeof v === 'boolean') return { External: v };
        if (isMap(v)) return v['name'] === undefined || v['name'] === null ? { External: true } : { External: true, Name: goSprint(v['name']) };
        throw new ComposeError(`invalid type ${goTypeName(v)} for external`);
      case 'extras':
      case 'any':
        return v;
    }
  }

  private strings(named: string | undefined, v: unknown): string[] {
    switch (named) {
      case 'StringList':
        if (typeof v === 'string') return [v];
        if (Array.isArray(v)) return v.map((x) => goSprint(x));
        throw new ComposeError(`invalid type ${goTypeName(v)} for string list`);
      case 'ShellCommand':
        if (typeof v === 'string') {
          try {
            return shlexSplit(v);
          } catch (e) {
            throw new ComposeError((e as Error).message);
          }
        }
        return Array.isArray(v) ? v.map((x) => goSprint(x)) : [];
      case 'HealthCheckTest':
        if (typeof v === 'string') return ['CMD-SHELL', v];
        if (Array.isArray(v)) return v.map((x) => goSprint(x));
        throw new ComposeError(`invalid type ${goTypeName(v)} for healthcheck.test`);
      case 'HostsList':
        return hostsList(v);
      case 'StringOrNumberList':
        return Array.isArray(v) ? v.map((x) => goSprint(x)) : [];
      default:
        return Array.isArray(v) ? v.map((x) => goSprint(x)) : [];
    }
  }

  /** transformServicePort: short specs expand to one entry per port. */
  private ports(v: unknown, path: string): Dict[] {
    if (!Array.isArray(v)) throw new ComposeError(`invalid type ${goTypeName(v)} for port`);
    const out: Dict[] = [];
    for (const [i, entry] of v.entries()) {
      if (typeof entry === 'number' || typeof entry === 'string') {
        out.push(...this.portSpec(typeof entry === 'number' ? String(Math.trunc(entry)) : entry));
      } else if (isMap(entry)) {
        out.push(this.struct(D.ServicePortConfig, entry, `${path}[${i}]`));
      } else {
        throw new ComposeError(`invalid type ${goTypeName(entry)} for port`);
      }
    }
    return out;
  }

  /** toServicePortConfigs: nat.ParsePortSpecs, ports sorted by "port/proto", ConvertPortToPortConfig. */
  private portSpec(value: string): Dict[] {
    let mappings;
    try {
      mappings = parsePortSpec(value);
    } catch (e) {
      throw new ComposeError((e as Error).message);
    }
    const byPort = new Map<string, typeof mappings>();
    for (const m of mappings) {
      const key = `${m.containerPort}/${m.proto}`;
      byPort.set(key, [...(byPort.get(key) ?? []), m]);
    }
    const out: Dict[] = [];
    for (const key of [...byPort.keys()].sort()) {
      for (const b of byPort.get(key) ?? []) {
        const ip = parseIP(b.hostIP);
        if (ip && !isUnspecified(ip)) {
          const hp = b.hostIP.includes(':') ? `[${b.hostIP}]:${b.hostPort}` : `${b.hostIP}:${b.hostPort}`;
          this.io.warn(`ignoring IP-address (${hp}:${key}) service will listen on '0.0.0.0'`);
        }
        let start = 0n;
        let end = 0n;
        const r = parsePortRange(b.hostPort);
        if (r === undefined && b.hostPort !== '') {
          throw new ComposeError(`invalid hostport binding (${b.hostPort}) for port (${String(b.containerPort)})`);
        }
        if (r) [start, end] = r;
        for (let i = start; i <= end; i++) {
          out.push({ Mode: 'ingress', Target: Number(b.containerPort), Published: Number(i), Protocol: b.proto.toLowerCase() });
        }
      }
    }
    return out;
  }
}

/** An error raised while decoding, with mapstructure's field path. */
class DecodeError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** A mapstructure error of its own (not a hook's): printed without "error decoding". */
class PlainDecodeError extends Error {}

/** Several field errors of one decode, in field order. */
class DecodeErrors extends Error {
  constructor(readonly errors: Error[]) {
    super('decoding failed');
  }
}

function errorLines(e: Error): string[] {
  if (e instanceof DecodeErrors) return e.errors.flatMap(errorLines);
  if (e instanceof DecodeError) return [`error decoding '${e.path}': ${e.message}`];
  return [e.message];
}

/** Runs a decode step; a plain error becomes a DecodeError at this path. */
function hooked<T>(path: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof DecodeError || e instanceof PlainDecodeError || e instanceof DecodeErrors) throw e;
    throw new DecodeError(path, (e as Error).message);
  }
}

/** mapstructure's aggregate error. */
function decodeFailure(e: unknown): unknown {
  if (e instanceof DecodeError || e instanceof PlainDecodeError || e instanceof DecodeErrors) {
    return new ComposeError(`decoding failed due to the following error(s):\n\n${errorLines(e).join('\n')}`);
  }
  return e;
}

function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number' || typeof v === 'bigint') return 'int';
  if (v instanceof GoFloat) return 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

function toMapStringString(value: Dict, allowNil: boolean): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(value)) out[k] = v !== null && v !== undefined ? goSprint(v) : allowNil ? null : '';
  return out;
}

/** transformMappingOrList. */
function mappingOrList(v: unknown, sep: string, allowNil: boolean): Record<string, string | null> {
  if (isMap(v)) return toMapStringString(v, allowNil);
  if (Array.isArray(v)) {
    const out: Record<string, string | null> = {};
    for (const e of v) {
      const s = typeof e === 'string' ? e : goSprint(e);
      const i = s.indexOf(sep);
      if (i < 0) out[s] = allowNil ? null : '';
      else out[s.slice(0, i)] = s.slice(i + sep.length);
    }
    return out;
  }
  throw new ComposeError(`expected a map or a list, got ${goTypeName(v)}`);
}

/** transformHostsList: map or `host:ip` / `host=ip` list into `host:ip`, brackets dropped. */
function hostsList(v: unknown): string[] {
  let hl: string[];
  if (isMap(v)) {
    hl = Object.entries(v)
      .filter(([, x]) => x !== null && x !== undefined)
      .map(([k, x]) => `${k}:${goSprint(x)}`)
      .sort();
  } else if (Array.isArray(v)) {
    hl = [];
    for (const e of v) {
      const s = goSprint(e);
      const seps = ['=', ':'];
      for (const sep of seps) {
        const i = s.indexOf(sep);
        if (i >= 0) {
          hl.push(`${s.slice(0, i)}:${s.slice(i + 1)}`);
          break;
        }
      }
    }
  } else {
    throw new ComposeError(`expected a map or a list, got ${goTypeName(v)}`);
  }
  return hl.map((hip) => {
    const i = hip.indexOf(':');
    const host = i < 0 ? hip : hip.slice(0, i);
    let ip = i < 0 ? '' : hip.slice(i + 1);
    if (ip.length > 2 && ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
    return `${host}:${ip}`;
  });
}

// ---- volume.go ----

const PROPAGATIONS = ['rprivate', 'private', 'rshared', 'shared', 'rslave', 'slave'];

function isLetter(c: string): boolean {
  return /^\p{L}$/u.test(c);
}

/** loader.ParseVolume. */
export function parseVolume(spec: string): ServiceVolumeConfig {
  const volume: ServiceVolumeConfig = {};
  const chars = Array.from(spec);
  if (spec.length === 0) throw new ComposeError('invalid empty volume spec');
  if (spec.length <= 2) return { Type: 'volume', Target: spec };
  let buffer: string[] = [];
  const END = '\u0000';
  for (const ch of [...chars, END]) {
    if (ch === ':' && buffer.length === 1 && isLetter(buffer[0] ?? '')) {
      buffer.push(ch);
    } else if (ch === ':' || ch === END) {
      const err = populateField(ch === END, buffer.join(''), volume, buffer.length);
      if (err) {
        throw new ComposeError(`invalid spec: ${spec}: ${err}`);
      }
      buffer = [];
    } else {
      buffer.push(ch);
    }
  }
  populateType(volume);
  return volume;
}

function populateField(end: boolean, s: string, volume: ServiceVolumeConfig, len: number): string | undefined {
  if (len === 0) return 'empty section between colons';
  if (!volume.Source && end) {
    volume.Target = s;
    return undefined;
  }
  if (!volume.Source) {
    volume.Source = s;
    return undefined;
  }
  if (!volume.Target) {
    volume.Target = s;
    return undefined;
  }
  if (!end) return 'too many colons';
  for (const option of s.split(',')) {
    switch (option) {
      case 'ro':
        volume.ReadOnly = true;
        break;
      case 'rw':
        volume.ReadOnly = false;
        break;
      case 'nocopy':
        volume.Volume = { NoCopy: true };
        break;
      default:
        if (PROPAGATIONS.includes(option)) volume.Bind = { Propagation: option };
    }
  }
  return undefined;
}

function populateType(volume: ServiceVolumeConfig): void {
  const src = volume.Source ?? '';
  if (src === '') volume.Type = 'volume';
  else if (isFilePath(src)) volume.Type = 'bind';
  else volume.Type = 'volume';
}

function isFilePath(source: string): boolean {
  const c = source[0];
  if (c === '.' || c === '/' || c === '~') return true;
  const runes = Array.from(source);
  if (runes.length === 1) return false;
  if (source.startsWith('\\\\')) return true;
  return (runes[1] ?? '') === ':' && isLetter(runes[0] ?? '');
}

// ---- LoadService and the sections ----

class Loader {
  readonly decoder: Decoder;
  constructor(
    readonly details: ConfigDetails,
    readonly io: LoaderIO,
  ) {
    this.decoder = new Decoder(io);
  }

  lookup = (k: string): string | undefined => (Object.hasOwn(this.details.Environment, k) ? this.details.Environment[k] : undefined);

  service(name: string, dict: Dict): ServiceConfig {
    const raw = this.decoder.transform(D.ServiceConfig, dict);
    const svc = { Name: name, ...raw } as ServiceConfig;
    this.resolveEnvironment(svc);
    this.resolveVolumePaths(svc);
    const extras = getExtras(dict);
    if (extras) svc.Extras = extras;
    return svc;
  }

  private resolveEnvironment(svc: ServiceConfig): void {
    const environment: Record<string, string | null> = {};
    const update = (vars: Record<string, string | null>): void => {
      for (const [k, v] of Object.entries(vars)) {
        const found = this.lookup(k);
        if ((v === null || v === '') && found !== undefined) environment[k] = found;
        else environment[k] = v;
      }
    };
    if ((svc.EnvFile ?? []).length > 0) {
      const envVars: string[] = [];
      for (const file of svc.EnvFile ?? []) {
        const p = absPath(this.details.WorkingDir, file);
        let content: Uint8Array;
        try {
          content = this.io.readFile(p);
        } catch (e) {
          throw new ComposeError((e as Error).message);
        }
        try {
          envVars.push(...parseEnvFile(p, content, this.lookup));
        } catch (e) {
          throw new ComposeError((e as Error).message);
        }
      }
      const m: Record<string, string | null> = {};
      for (const kv of envVars) {
        const i = kv.indexOf('=');
        if (i < 0) m[kv] = null;
        else m[kv.slice(0, i)] = kv.slice(i + 1);
      }
      update(m);
    }
    update(svc.Environment ?? {});
    svc.Environment = environment;
  }

  private resolveVolumePaths(svc: ServiceConfig): void {
    for (const volume of svc.Volumes ?? []) {
      if (volume.Type !== 'bind') continue;
      if (!volume.Source) throw new ComposeError('invalid mount config for type "bind": field Source must not be empty');
      let filePath = volume.Source;
      if (filePath.startsWith('~')) {
        const home = this.lookup('HOME');
        if (home === undefined) this.io.warn("cannot expand '~', because the environment lacks HOME");
        else filePath = filePath.replace('~', home);
      }
      if (!filePath.startsWith('/') && !isWindowsAbs(filePath)) filePath = absPath(this.details.WorkingDir, filePath);
      volume.Source = filePath;
    }
  }

  networks(source: Dict): Record<string, NetworkConfig> {
    const out: Record<string, NetworkConfig> = {};
    const decoded = this.decoder.transformMap(D.NetworkConfig, source);
    for (const name of Object.keys(source)) {
      const network = decoded[name] as NetworkConfig;
      out[name] = network;
      if (!network.External?.External) continue;
      if (network.External.Name) {
        if (network.Name) throw new ComposeError(`network ${name}: network.external.name and network.name conflict; only use network.name`);
        if (versionGTE(this.details.Version ?? '', '3.5')) this.io.warn(`network ${name}: network.external.name is deprecated in favor of network.name`);
        network.Name = network.External.Name;
        network.External = { External: true };
      } else if (!network.Name) {
        network.Name = name;
      }
      const extras = loadExtras(name, source);
      if (extras) network.Extras = extras;
    }
    return out;
  }

  volumes(source: Dict): Record<string, VolumeConfig> {
    const out: Record<string, VolumeConfig> = {};
    const decoded = this.decoder.transformMap(D.VolumeConfig, source);
    for (const name of Object.keys(source)) {
      const volume = decoded[name] as VolumeConfig;
      out[name] = volume;
      if (!volume.External?.External) continue;
      const conflict = (key: string): ComposeError => new ComposeError(`conflicting parameters "external" and ${JSON.stringify(key)} specified for volume ${JSON.stringify(name)}`);
      if (volume.Driver) throw conflict('driver');
      if (Object.keys(volume.DriverOpts ?? {}).length > 0) throw conflict('driver_opts');
      if (Object.keys(volume.Labels ?? {}).length > 0) throw conflict('labels');
      if (volume.External.Name) {
        if (volume.Name) throw new ComposeError(`volume ${name}: volume.external.name and volume.name conflict; only use volume.name`);
        if (versionGTE(this.details.Version ?? '', '3.4')) this.io.warn(`volume ${name}: volume.external.name is deprecated in favor of volume.name`);
        volume.Name = volume.External.Name;
        volume.External = { External: true };
      } else if (!volume.Name) {
        volume.Name = name;
      }
      const extras = loadExtras(name, source);
      if (extras) volume.Extras = extras;
    }
    return out;
  }

  fileObjects(source: Dict, objType: 'secret' | 'config'): Record<string, FileObjectConfig> {
    const out: Record<string, FileObjectConfig> = {};
    const decoded = this.decoder.transformMap(D.FileObjectConfig, source);
    for (const name of Object.keys(source)) {
      const obj = decoded[name] as FileObjectConfig;
      if (obj.External?.External) {
        if (obj.External.Name) {
          if (obj.Name) throw new ComposeError(`${objType} ${name}: ${objType}.external.name and ${objType}.name conflict; only use ${objType}.name`);
          if (versionGTE(this.details.Version ?? '', '3.5')) this.io.warn(`${objType} ${name}: ${objType}.external.name is deprecated in favor of ${objType}.name`);
          obj.Name = obj.External.Name;
          obj.External = { External: true };
        } else if (!obj.Name) {
          obj.Name = name;
        }
      } else if (obj.Driver) {
        if (obj.File) throw new ComposeError(`${objType} ${name}: ${objType}.driver and ${objType}.file conflict; only use ${objType}.driver`);
      } else {
        obj.File = absPath(this.details.WorkingDir, obj.File ?? '');
      }
      const extras = loadExtras(name, source);
      if (extras) obj.Extras = extras;
      out[name] = obj;
    }
    return out;
  }

  sections(config: Dict): Config {
    const section = (key: string): Dict => (isMap(config[key]) ? (config[key] as Dict) : {});
    const services: ServiceConfig[] = [];
    for (const [name, def] of Object.entries(section('services'))) services.push(this.service(name, isMap(def) ? def : {}));
    const cfg: Config = { Version: schemaVersion(config), Services: services };
    cfg.Networks = this.networks(section('networks'));
    cfg.Volumes = this.volumes(section('volumes'));
    cfg.Secrets = this.fileObjects(section('secrets'), 'secret');
    cfg.Configs = this.fileObjects(section('configs'), 'config');
    const extras = getExtras(config);
    if (extras) cfg.Extras = extras;
    return cfg;
  }
}

/** versions.GreaterThanOrEqualTo (dotted numeric compare). */
export function versionGTE(v: string, other: string): boolean {
  const a = v.split('.');
  const b = other.split('.');
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = Number.parseInt(a[i] ?? '0', 10) || 0;
    const y = Number.parseInt(b[i] ?? '0', 10) || 0;
    if (x > y) return true;
    if (x < y) return false;
  }
  return true;
}

/** loader.Load: forbidden keys, interpolation, validation, sections, then the merge. */
export async function load(details: ConfigDetails, io: LoaderIO, options: LoadOptions = {}): Promise<Config> {
  if (details.ConfigFiles.length < 1) throw new ComposeError('No files specified');
  const d: ConfigDetails = { ...details };
  const lookup = (k: string): string | undefined => (Object.hasOwn(d.Environment, k) ? d.Environment[k] : undefined);
  const configs: Config[] = [];
  for (const file of d.ConfigFiles) {
    let configDict = file.Config;
    const version = schemaVersion(configDict);
    if (!d.Version) d.Version = version;
    if (d.Version !== version) throw new ComposeError(`version mismatched between two composefiles : ${d.Version} and ${version}`);
    const servicesDict = configDict['services'];
    if (isMap(servicesDict)) {
      const forbidden = getProperties(servicesDict, ForbiddenProperties);
      if (Object.keys(forbidden).length > 0) throw new ForbiddenPropertiesError(forbidden);
    }
    if (!options.skipInterpolation) configDict = interpolateConfig(configDict, lookup);
    if (!options.skipValidation) validate(configDict, d.Version, await loadSchema(d.Version));
    const cfg = new Loader(d, io).sections(configDict);
    cfg.Filename = file.Filename;
    if (options.discardEnvFiles) for (const s of cfg.Services) delete s.EnvFile;
    configs.push(cfg);
  }
  return mergeConfigs(configs);
}
