/**
 * Merging several compose files: docker/cli v28.2.2 cli/compose/loader/merge.go, i.e. mergo
 * (WithOverride, WithAppendSlice) with docker's special cases, walked over the struct
 * descriptors of fields.ts.
 */
import * as D from './fields.ts';
import type { FieldType, StructDesc } from './fields.ts';
import { ComposeError, isMap } from './interpolate.ts';
import type { Config, ServiceConfig } from './types.ts';

type Dict = Record<string, unknown>;

/** A plain mapping (GoFloat and timestamps are values, not mappings). */
const isObj = isMap;

/** mergo's isEmptyValue for a Go value of type t (pointers dereferenced). */
function isEmpty(t: FieldType, v: unknown): boolean {
  if (v === undefined || v === null) return true;
  switch (t.k) {
    case 'string':
      return v === '';
    case 'bool':
      return v === false;
    case 'int':
    case 'float32':
    case 'duration':
    case 'bytes':
      return v === 0;
    case 'ptr':
      return isEmpty(t.of, v);
    case 'strings':
    case 'slice':
      return (v as unknown[]).length === 0;
    case 'mapSS':
    case 'mapEq':
    case 'map':
    case 'extras':
      return Object.keys(v as Dict).length === 0;
    case 'struct':
    case 'external':
      return false;
    case 'any':
      return v === '' || v === 0 || v === false || (Array.isArray(v) && v.length === 0) || (isObj(v) && Object.keys(v).length === 0);
  }
}

/** Keyed slice merge (mergeSlice): entries keyed, overridden by key, sorted by key. */
function mergeKeyed(dst: Dict[] | undefined, src: Dict[] | undefined, key: string, numeric: boolean): Dict[] {
  const m = new Map<unknown, Dict>();
  for (const e of dst ?? []) m.set(e[key] ?? (numeric ? 0 : ''), e);
  for (const e of src ?? []) m.set(e[key] ?? (numeric ? 0 : ''), e);
  const out = [...m.values()];
  out.sort((a, b) => {
    const x = a[key] ?? (numeric ? 0 : '');
    const y = b[key] ?? (numeric ? 0 : '');
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return out;
}

/** mergo.Merge(&dst, &src, WithOverride, WithAppendSlice, WithTransformers(specials)) on a struct. */
function mergeStruct(desc: StructDesc, dst: Dict, src: Dict): void {
  for (const field of desc.fields) {
    const name = field.go;
    const s = src[name];
    const d = dst[name];
    const t = field.t;
    // docker's specials first.
    if (desc.name === 'ServiceConfig') {
      switch (name) {
        case 'Ports':
          if (s !== undefined || d !== undefined) dst[name] = mergeKeyed(d as Dict[], s as Dict[], 'Published', true);
          continue;
        case 'Secrets':
        case 'Configs':
          if (s !== undefined || d !== undefined) dst[name] = mergeKeyed(d as Dict[], s as Dict[], 'Source', false);
          continue;
        case 'Volumes':
          if (s !== undefined || d !== undefined) dst[name] = mergeKeyed(d as Dict[], s as Dict[], 'Target', false);
          continue;
        case 'Command':
        case 'Entrypoint':
          if (Array.isArray(s) && s.length > 0) dst[name] = s;
          continue;
        case 'Logging':
          if (s === undefined) continue;
          if (d === undefined) {
            dst[name] = s;
            continue;
          }
          mergeLogging(d as Dict, s as Dict, dst, name);
          continue;
        case 'Extras':
          if (isObj(s)) dst[name] = mergeAnyMap(isObj(d) ? d : {}, s);
          continue;
      }
    }
    const merged = mergeValue(t, d, s);
    if (merged === undefined) delete dst[name];
    else dst[name] = merged;
  }
}

function mergeLogging(d: Dict, s: Dict, parent: Dict, name: string): void {
  const dd = (d['Driver'] as string | undefined) ?? '';
  const sd = (s['Driver'] as string | undefined) ?? '';
  if (dd === sd || dd === '' || sd === '') {
    const merged: Dict = { ...d };
    if (dd === '') merged['Driver'] = sd;
    const opts = { ...((d['Options'] as Dict | undefined) ?? {}) };
    for (const [k, v] of Object.entries((s['Options'] as Dict | undefined) ?? {})) if (v !== '' || !(k in opts) || opts[k] === '') opts[k] = v;
    // mergo.Merge on a map value copy that is nil does nothing; a non-nil map is updated in place.
    if (d['Options'] !== undefined) merged['Options'] = opts;
    parent[name] = merged;
    return;
  }
  parent[name] = s;
}

function mergeAnyMap(d: Dict, s: Dict): Dict {
  const out = { ...d };
  for (const [k, v] of Object.entries(s)) {
    const cur = out[k];
    if (isObj(cur) && isObj(v)) out[k] = mergeAnyMap(cur, v);
    else if (Array.isArray(cur) && Array.isArray(v)) out[k] = [...cur, ...v];
    else out[k] = v;
  }
  return out;
}

function mergeValue(t: FieldType, d: unknown, s: unknown): unknown {
  switch (t.k) {
    case 'ptr':
      // *uint64 (mergeUint64) and other pointers: nil src keeps dst; nil dst takes src;
      // otherwise the pointee merges (a non-empty src value wins).
      if (s === undefined || s === null) return d;
      if (d === undefined || d === null) return s;
      if (t.of.k === 'int') return s; // mergeUint64 sets the value even when it is 0
      return isEmpty(t.of, s) ? d : s;
    case 'struct': {
      if (t.ptr) {
        if (s === undefined || s === null) return d;
        if (d === undefined || d === null) return s;
        if (t.s.name === 'UlimitsConfig') return s;
        if (t.s.name === 'ServiceNetworkConfig') {
          const out = { ...(d as Dict) };
          const sd = s as Dict;
          if (sd['Aliases'] === undefined) delete out['Aliases'];
          else out['Aliases'] = sd['Aliases'];
          if (sd['Ipv4Address']) out['Ipv4Address'] = sd['Ipv4Address'];
          if (sd['Ipv6Address']) out['Ipv6Address'] = sd['Ipv6Address'];
          return out;
        }
      }
      if (s === undefined) return d;
      const out = { ...((d as Dict | undefined) ?? {}) };
      mergeStruct(t.s, out, s as Dict);
      return out;
    }
    case 'strings':
    case 'slice':
      if (s === undefined) return d;
      if (d === undefined) return s;
      return [...(d as unknown[]), ...(s as unknown[])];
    case 'mapSS':
    case 'mapEq': {
      if (s === undefined) return d;
      const out = { ...((d as Dict | undefined) ?? {}) };
      for (const [k, v] of Object.entries(s as Dict)) {
        if (t.k === 'mapEq') {
          // map[string]*string: a nil src keeps dst; an empty src string keeps a non-empty dst.
          if (v === null) {
            if (!(k in out)) out[k] = null;
            continue;
          }
          if (v === '' && out[k] !== undefined && out[k] !== null && out[k] !== '') continue;
          out[k] = v;
        } else {
          out[k] = v;
        }
      }
      return out;
    }
    case 'map': {
      if (s === undefined) return d;
      const out = { ...((d as Dict | undefined) ?? {}) };
      for (const [k, v] of Object.entries(s as Dict)) {
        const cur = out[k];
        if (cur === undefined || cur === null) {
          out[k] = v;
          continue;
        }
        out[k] = mergeValue(t.of, cur, v);
      }
      return out;
    }
    case 'external':
      if (s === undefined) return d;
      if (d === undefined) return s;
      return { ...(d as Dict), ...Object.fromEntries(Object.entries(s as Dict).filter(([, v]) => v !== '' && v !== false)) };
    case 'extras':
      return d;
    default:
      if (s === undefined || isEmpty(t, s)) return d;
      return s;
  }
}

function mergeServices(base: ServiceConfig[], override: ServiceConfig[]): ServiceConfig[] {
  const byName = new Map<string, ServiceConfig>();
  for (const s of base) byName.set(s.Name, s);
  for (const o of override) {
    const b = byName.get(o.Name);
    if (b) {
      // mergeStruct replaces what it changes (nested values are copied, never edited in place).
      const dst = { ...b } as unknown as Dict;
      mergeStruct(D.ServiceConfig, dst, o as unknown as Dict);
      byName.set(o.Name, dst as unknown as ServiceConfig);
    } else {
      byName.set(o.Name, o);
    }
  }
  return [...byName.values()].sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
}

/** loader.merge: the first config with each later one merged into it. */
export function mergeConfigs(configs: Config[]): Config {
  const base = configs[0];
  if (!base) throw new ComposeError('No files specified');
  for (const override of configs.slice(1)) {
    base.Services = mergeServices(base.Services, override.Services);
    base.Volumes = { ...(base.Volumes ?? {}), ...(override.Volumes ?? {}) };
    base.Networks = { ...(base.Networks ?? {}), ...(override.Networks ?? {}) };
    base.Secrets = { ...(base.Secrets ?? {}), ...(override.Secrets ?? {}) };
    base.Configs = { ...(base.Configs ?? {}), ...(override.Configs ?? {}) };
  }
  if (configs.length === 1) base.Services.sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
  return base;
}
