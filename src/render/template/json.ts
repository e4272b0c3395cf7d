/**
 * Go encoding/json Marshal over the template's value model (src/go/json.ts has the strings,
 * floats and key order): []byte as base64, nil slices and maps as null, MarshalJSON() methods
 * honoured, structs by their exported fields; and json.Decoder with UseNumber into interface{}.
 */
import { type JSONNode, jsonFloat, jsonString, parseJSON, setMember } from '../../go/json.ts';
import { compare } from '../../go/strings.ts';
import { goFields, goFormat, goScalar, goType } from '../govalue.ts';
import { jsonCompact } from '../jsonindent.ts';
import { FuncError } from './errors.ts';
import { isUpper } from './unicode.ts';
import { GoComplex, GoNil, GoNumber, GoPtr, isGoMap, typeName } from './values.ts';

function base64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

type Marshaler = { MarshalJSON(): unknown };

function hasMarshalJSON(v: object): v is Marshaler {
  return typeof (v as Partial<Marshaler>).MarshalJSON === 'function';
}

function isExported(name: string): boolean {
  const cp = name.codePointAt(0);
  return cp !== undefined && isUpper(cp);
}

/**
 * json.Marshal(v) with the encoder's escapeHTML setting. Throws FuncError with Go's message
 * for unsupported values (NaN, functions, complex numbers).
 */
export function marshalJSON(v: unknown, escapeHTML: boolean): string {
  const parts: string[] = [];
  encode(v, escapeHTML, parts, 0);
  return parts.join('');
}

/** Encode JSON data from a toJSON() method: objects keep their key order. */
function encodeData(v: unknown, html: boolean, out: string[], depth: number): void {
  if (v instanceof RawJSON) {
    out.push(v.text);
    return;
  }
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const rec = v as Record<string, unknown>;
    out.push('{');
    Object.keys(rec).forEach((k, i) => {
      if (i > 0) out.push(',');
      out.push(jsonString(k, html), ':');
      encodeData(rec[k], html, out, depth + 1);
    });
    out.push('}');
    return;
  }
  if (Array.isArray(v)) {
    out.push('[');
    v.forEach((e, i) => {
      if (i > 0) out.push(',');
      encodeData(e, html, out, depth + 1);
    });
    out.push(']');
    return;
  }
  encode(v, html, out, depth);
}

function encode(v: unknown, html: boolean, out: string[], depth: number): void {
  if (depth > 1000) throw new FuncError(`json: unsupported value: encountered a cycle`);
  switch (typeof v) {
    case 'undefined':
      out.push('null');
      return;
    case 'boolean':
      out.push(v ? 'true' : 'false');
      return;
    case 'string':
      out.push(jsonString(v, html));
      return;
    case 'bigint':
      out.push(v.toString());
      return;
    case 'number':
      out.push(Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? String(v === 0 ? 0 : v) : jsonFloat(v, 64, FuncError));
      return;
    case 'function':
      throw new FuncError(`json: unsupported type: ${typeName(v)}`);
    default:
      break;
  }
  if (v === null || v instanceof GoNil) {
    out.push('null');
    return;
  }
  if (v instanceof GoNumber) {
    if (v.kind === 'float') out.push(jsonFloat(Number(v.value), v.type === 'float32' ? 32 : 64, FuncError));
    else out.push(typeof v.value === 'bigint' ? v.value.toString() : String(Math.trunc(v.value)));
    return;
  }
  if (v instanceof GoComplex) throw new FuncError(`json: unsupported type: ${v.type}`);
  if (v instanceof GoPtr) {
    encode(v.elem, html, out, depth + 1);
    return;
  }
  if (v instanceof Uint8Array) {
    out.push('"' + base64(v) + '"');
    return;
  }
  const obj = v as object;
  if (hasMarshalJSON(obj)) {
    const raw = obj.MarshalJSON();
    const text = raw instanceof Uint8Array ? new TextDecoder().decode(raw) : String(raw);
    out.push(jsonCompact(text, html));
    return;
  }
  const rec = obj as Record<PropertyKey, unknown>;
  if (typeof rec['toJSON'] === 'function') {
    // JSON data (key order as given), as the typed API values produce it.
    encodeData((rec['toJSON'] as () => unknown).call(obj), html, out, depth + 1);
    return;
  }
  if (goScalar in rec) {
    encode(rec[goScalar], html, out, depth + 1);
    return;
  }
  if (Array.isArray(v)) {
    out.push('[');
    v.forEach((e, i) => {
      if (i > 0) out.push(',');
      encode(e, html, out, depth + 1);
    });
    out.push(']');
    return;
  }
  if (isGoMap(v)) {
    const entries: [string, unknown][] =
      v instanceof Map ? [...v.entries()].map(([k, val]) => [String(k), val]) : Object.entries(v);
    entries.sort((a, b) => compare(a[0], b[0]));
    out.push('{');
    entries.forEach(([k, val], i) => {
      if (i > 0) out.push(',');
      out.push(jsonString(k, html), ':');
      encode(val, html, out, depth + 1);
    });
    out.push('}');
    return;
  }
  // A struct: exported fields in declaration order.
  const declared = rec[goFields];
  const names = (Array.isArray(declared) ? (declared as string[]) : Object.keys(obj)).filter(isExported);
  out.push('{');
  names.forEach((k, i) => {
    if (i > 0) out.push(',');
    out.push(jsonString(k, html), ':');
    encode(rec[k], html, out, depth + 1);
  });
  out.push('}');
}

/**
 * encoding/json's json.Number: a named string holding the number's text, as a decoder with
 * UseNumber() produces (docker's inspect raw fallback).
 */
export class JSONNumber {
  readonly [goType] = 'json.Number';
  readonly [goScalar]: string;
  constructor(readonly text: string) {
    this[goScalar] = text;
  }
  [goFormat](): string {
    return this.text;
  }
  toJSON(): unknown {
    return new RawJSON(this.text);
  }
  String(): string {
    return this.text;
  }
  Float64(): unknown {
    const v = Number(this.text);
    return Number.isInteger(v) ? new GoNumber(v, 'float64') : v;
  }
  Int64(): GoNumber {
    if (!/^-?\d+$/.test(this.text)) throw new FuncError(`strconv.ParseInt: parsing ${JSON.stringify(this.text)}: invalid syntax`);
    return new GoNumber(BigInt(this.text), 'int64');
  }
}

/** Already-encoded JSON text (a json.Number's literal). */
class RawJSON {
  constructor(readonly text: string) {}
}

/**
 * Decode JSON text as Go's json.Decoder with UseNumber() into interface{}: objects are
 * map[string]interface {}, arrays []interface {}, numbers json.Number (their text kept).
 */
export function decodeJSONUseNumber(text: string): unknown {
  const build = (n: JSONNode): unknown => {
    switch (n.t) {
      case 'obj': {
        const obj: Record<string, unknown> = {};
        for (const [k, v] of n.entries) setMember(obj, k, build(v));
        return obj;
      }
      case 'arr': {
        const arr = n.items.map(build);
        Object.defineProperty(arr, goType, { value: '[]interface {}' });
        return arr;
      }
      case 'num':
        return new JSONNumber(n.raw);
      case 'null':
        return null;
      default:
        return n.v;
    }
  };
  return build(parseJSON(text));
}
