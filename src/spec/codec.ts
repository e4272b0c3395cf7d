/**
 * The spec types through Go's encoding/json (src/go/json.ts), driven by their schema: the exact
 * request body docker sends (`json.NewEncoder(buf).Encode(spec)` in the vendored client's
 * encodeData: struct fields in declaration order, `omitempty`, map keys sorted, HTML-safe
 * strings, a trailing newline), and the matching decoder for the specs the daemon returns
 * (unknown fields dropped, exactly as Go's Unmarshal into swarm.Service does, so an update
 * re-sends only what docker's structs know). Integers stay exact (bigint).
 */
import { type JSONNode, jsonFloat, jsonString, parseJSON, sortedKeys } from '../go/json.ts';
import { SpecError } from './errors.ts';
import { SERVICE_SPEC, type GoField, type GoType } from './schema.ts';
import type { ServiceSpec } from './types.ts';

// ---- encoding ----

function isEmpty(t: GoType, v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof t === 'string') {
    switch (t) {
      case 'string':
      case 'bytes':
        return v === '';
      case 'bool':
        return v === false;
      case 'int':
        return v === 0n;
      default:
        return v === 0;
    }
  }
  if ('slice' in t) return (v as unknown[]).length === 0;
  if ('map' in t) return Object.keys(v as object).length === 0;
  return false; // pointers are non-nil here; structs are never empty
}

function encode(t: GoType, v: unknown): string {
  if (typeof t === 'string') {
    switch (t) {
      case 'string':
        return jsonString((v as string | undefined) ?? '', true);
      case 'bytes':
        return v === undefined || v === null ? 'null' : jsonString(v as string, true);
      case 'bool':
        return v === true ? 'true' : 'false';
      case 'int':
        return ((v as bigint | undefined) ?? 0n).toString();
      case 'uint32':
        return String((v as number | undefined) ?? 0);
      case 'float32':
        return jsonFloat((v as number | undefined) ?? 0, 32, SpecError);
    }
  }
  if ('ptr' in t) return v === undefined || v === null ? 'null' : encode(t.ptr, v);
  if ('slice' in t) {
    if (v === undefined || v === null) return 'null';
    return `[${(v as unknown[]).map((e) => encode(t.slice, e)).join(',')}]`;
  }
  if ('map' in t) {
    if (v === undefined || v === null) return 'null';
    const rec = v as Record<string, unknown>;
    return `{${sortedKeys(rec).map((k) => `${jsonString(k, true)}:${encode(t.map, rec[k])}`).join(',')}}`;
  }
  const obj = (v ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  for (const field of t.struct) {
    const fv = obj[field.name];
    if (field.omitempty && isEmpty(field.type, fv)) continue;
    parts.push(`${jsonString(field.name, true)}:${encode(field.type, fv)}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * The request body docker sends for a ServiceSpec (`POST /services/create`,
 * `POST /services/{id}/update`): encoding/json's bytes, with the Encoder's trailing "\n".
 * Throws SpecError `json: unsupported value: NaN` for a NaN/Inf failure ratio, as docker does.
 */
export function encodeServiceSpec(spec: ServiceSpec): string {
  return `${encode(SERVICE_SPEC, spec)}\n`;
}

// ---- decoding ----

function typeError(n: JSONNode, t: GoType): SpecError {
  const want = typeof t === 'string' ? t : 'struct' in t ? t.name : Object.keys(t)[0];
  return new SpecError(`json: cannot unmarshal ${n.t} into Go value of type ${want}`);
}

function findField(fields: readonly GoField[], key: string): GoField | undefined {
  return fields.find((fl) => fl.name === key) ?? fields.find((fl) => fl.name.toLowerCase() === key.toLowerCase());
}

/** json.Unmarshal of n into a fresh Go value of type t (undefined = zero value / nil). */
function decode(t: GoType, n: JSONNode): unknown {
  if (n.t === 'null') return undefined;
  if (typeof t === 'string') {
    switch (t) {
      case 'string':
      case 'bytes':
        if (n.t !== 'str') throw typeError(n, t);
        return n.v;
      case 'bool':
        if (n.t !== 'bool') throw typeError(n, t);
        return n.v;
      case 'int':
        if (n.t !== 'num' || !/^-?\d+$/.test(n.raw)) throw typeError(n, t);
        return BigInt(n.raw);
      case 'uint32':
        if (n.t !== 'num' || !/^\d+$/.test(n.raw)) throw typeError(n, t);
        return Number(n.raw);
      case 'float32':
        if (n.t !== 'num') throw typeError(n, t);
        return Math.fround(Number(n.raw));
    }
  }
  if ('ptr' in t) return decode(t.ptr, n);
  if ('slice' in t) {
    if (n.t !== 'arr') throw typeError(n, t);
    return n.items.map((item) => decode(t.slice, item) ?? zero(t.slice));
  }
  if ('map' in t) {
    if (n.t !== 'obj') throw typeError(n, t);
    const out: Record<string, unknown> = {};
    for (const [k, v] of n.entries) out[k] = decode(t.map, v) ?? zero(t.map);
    return out;
  }
  if (n.t !== 'obj') throw typeError(n, t);
  const out: Record<string, unknown> = {};
  for (const [k, v] of n.entries) {
    const field = findField(t.struct, k);
    if (field === undefined) continue; // unknown fields are dropped
    const dv = decode(field.type, v);
    if (dv === undefined) delete out[field.name];
    else out[field.name] = dv;
  }
  return out;
}

function zero(t: GoType): unknown {
  if (typeof t === 'string') return t === 'string' || t === 'bytes' ? '' : t === 'bool' ? false : t === 'int' ? 0n : 0;
  if ('struct' in t) return {};
  return undefined;
}

/** Decodes a ServiceSpec from the daemon's JSON (e.g. the `Spec` of `GET /services/{id}`). */
export function decodeServiceSpec(json: string): ServiceSpec {
  return decode(SERVICE_SPEC, parseJSON(json, SpecError)) as ServiceSpec;
}

/** What `service update` needs from `GET /services/{id}`: the ID, Version.Index and Spec. */
export interface InspectedService {
  readonly id: string;
  readonly version: bigint;
  readonly spec: ServiceSpec;
}

/** Decodes `GET /services/{id}` as docker's ServiceInspectWithRaw does (the parts update uses). */
export function decodeService(json: string): InspectedService {
  const root = parseJSON(json, SpecError);
  if (root.t !== 'obj') throw new SpecError('json: cannot unmarshal into Go value of type swarm.Service');
  const get = (name: string): JSONNode | undefined => {
    let found: JSONNode | undefined;
    for (const [k, v] of root.entries) if (k === name || (found === undefined && k.toLowerCase() === name.toLowerCase())) found = v;
    return found;
  };
  const idNode = get('ID');
  const versionNode = get('Version');
  let version = 0n;
  if (versionNode?.t === 'obj') {
    const idx = versionNode.entries.find(([k]) => k.toLowerCase() === 'index')?.[1];
    if (idx?.t === 'num') version = BigInt(idx.raw);
  }
  const specNode = get('Spec');
  return {
    id: idNode?.t === 'str' ? idNode.v : '',
    version,
    spec: specNode === undefined ? {} : ((decode(SERVICE_SPEC, specNode) as ServiceSpec | undefined) ?? {}),
  };
}
