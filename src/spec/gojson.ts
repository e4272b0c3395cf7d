/**
 * Go encoding/json for the spec types: the exact request body docker sends
 * (`json.NewEncoder(buf).Encode(spec)` in the vendored client's encodeData: struct fields in
 * declaration order, `omitempty`, map keys sorted, HTML-safe escapes `\u003c \u003e \u0026`,
 * U+2028/U+2029 escaped, a trailing newline), and the matching decoder for the specs the
 * daemon returns (unknown fields dropped, exactly as Go's Unmarshal into swarm.Service does,
 * so an update re-sends only what docker's structs know). Integers stay exact (bigint).
 */
import { formatFloat } from '../go/strconv.ts';
import { SpecError } from './errors.ts';
import { SERVICE_SPEC, type GoField, type GoType } from './schema.ts';
import type { ServiceSpec } from './types.ts';
import { jsonString } from '../render/gostring.ts';

// ---- encoding ----


/** encoding/json's string encoder with escapeHTML (Go ≥ 1.22: \b and \f short escapes). */
export function goJSONString(s: string): string {
  return jsonString(s, true);
}

/** Go's map key order: bytewise over UTF-8. */
function compareUTF8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** encoding/json floatEncoder for float32. NaN and ±Inf are errors, as in Go. */
function float32JSON(v: number): string {
  if (!Number.isFinite(v)) throw new SpecError(`json: unsupported value: ${Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf'}`);
  const abs = Math.abs(v);
  let fmt: 'f' | 'e' = 'f';
  if (abs !== 0 && (Math.fround(abs) < 1e-6 || Math.fround(abs) >= 1e21)) fmt = 'e';
  let s = formatFloat(v, fmt, -1, 32);
  if (fmt === 'e') s = s.replace(/e-0(\d)$/, 'e-$1'); // clean up e-09 to e-9
  return s;
}

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
        return goJSONString((v as string | undefined) ?? '');
      case 'bytes':
        return v === undefined || v === null ? 'null' : goJSONString(v as string);
      case 'bool':
        return v === true ? 'true' : 'false';
      case 'int':
        return ((v as bigint | undefined) ?? 0n).toString();
      case 'uint32':
        return String((v as number | undefined) ?? 0);
      case 'float32':
        return float32JSON((v as number | undefined) ?? 0);
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
    const keys = Object.keys(rec).sort(compareUTF8);
    return `{${keys.map((k) => `${goJSONString(k)}:${encode(t.map, rec[k])}`).join(',')}}`;
  }
  const obj = (v ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  for (const field of t.struct) {
    const fv = obj[field.name];
    if (field.omitempty && isEmpty(field.type, fv)) continue;
    parts.push(`${goJSONString(field.name)}:${encode(field.type, fv)}`);
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

/** json.Marshal of any value described by a GoType (no trailing newline). */
export function encodeGo(t: GoType, v: unknown): string {
  return encode(t, v);
}

// ---- decoding ----

type Node =
  | { readonly t: 'obj'; readonly entries: ReadonlyArray<readonly [string, Node]> }
  | { readonly t: 'arr'; readonly items: readonly Node[] }
  | { readonly t: 'str'; readonly v: string }
  | { readonly t: 'num'; readonly raw: string }
  | { readonly t: 'bool'; readonly v: boolean }
  | { readonly t: 'null' };

/** A small JSON parser that keeps number literals as text. */
function parseJSON(text: string): Node {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i] ?? '')) i++;
  };
  const fail = (): never => {
    throw new SpecError(`invalid JSON at offset ${i}`);
  };
  const value = (): Node => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: [string, Node][] = [];
      ws();
      if (text[i] === '}') {
        i++;
        return { t: 'obj', entries };
      }
      for (;;) {
        ws();
        const k = value();
        if (k.t !== 'str') fail();
        ws();
        if (text[i] !== ':') fail();
        i++;
        entries.push([(k as { v: string }).v, value()]);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { t: 'obj', entries };
        }
        fail();
      }
    }
    if (c === '[') {
      i++;
      const items: Node[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { t: 'arr', items };
      }
      for (;;) {
        items.push(value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return { t: 'arr', items };
        }
        fail();
      }
    }
    if (c === '"') {
      const m = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/.exec(text.slice(i));
      if (!m) return fail();
      i += m[0].length;
      return { t: 'str', v: JSON.parse(m[0]) as string };
    }
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) return fail();
    i += m[0].length;
    if (m[0] === 'true' || m[0] === 'false') return { t: 'bool', v: m[0] === 'true' };
    if (m[0] === 'null') return { t: 'null' };
    return { t: 'num', raw: m[0] };
  };
  const v = value();
  ws();
  if (i !== text.length) fail();
  return v;
}

function typeError(n: Node, t: GoType): SpecError {
  const want = typeof t === 'string' ? t : 'struct' in t ? t.name : Object.keys(t)[0];
  return new SpecError(`json: cannot unmarshal ${n.t} into Go value of type ${want}`);
}

function findField(fields: readonly GoField[], key: string): GoField | undefined {
  return fields.find((fl) => fl.name === key) ?? fields.find((fl) => fl.name.toLowerCase() === key.toLowerCase());
}

/** json.Unmarshal of n into a fresh Go value of type t (undefined = zero value / nil). */
function decode(t: GoType, n: Node): unknown {
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
  return decode(SERVICE_SPEC, parseJSON(json)) as ServiceSpec;
}

/** What `service update` needs from `GET /services/{id}`: the ID, Version.Index and Spec. */
export interface InspectedService {
  readonly id: string;
  readonly version: bigint;
  readonly spec: ServiceSpec;
}

/** Decodes `GET /services/{id}` as docker's ServiceInspectWithRaw does (the parts update uses). */
export function decodeService(json: string): InspectedService {
  const root = parseJSON(json);
  if (root.t !== 'obj') throw new SpecError('json: cannot unmarshal into Go value of type swarm.Service');
  const get = (name: string): Node | undefined => {
    let found: Node | undefined;
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
