/**
 * Go encoding/json Marshal over the JS value model: sorted map keys, Go's float text, Go's
 * string escapes (\u003c for < > & when escapeHTML, \u2028/\u2029 always, \b \f since Go 1.22),
 * []byte as base64, nil slices and maps as null, MarshalJSON() methods honoured.
 */
import { goFields, goFormat, goScalar, goType } from '../govalue.ts';
import { FuncError } from './errors.ts';
import { formatFloat } from '../../go/strconv.ts';
import { isUpper } from './unicode.ts';
import { GoComplex, GoNil, GoNumber, GoPtr, compareStrings, isGoMap, typeName } from './values.ts';

export { jsonString } from '../gostring.ts';
import { jsonString } from '../gostring.ts';


/** Go's float64 JSON text ('f' unless the magnitude is below 1e-6 or at least 1e21). */
export function jsonFloat(f: number, bitSize = 64): string {
  if (!Number.isFinite(f)) throw new FuncError(`json: unsupported value: ${formatFloat(f, 'g', -1, bitSize)}`);
  const abs = bitSize === 32 ? Math.fround(Math.abs(f)) : Math.abs(f);
  let fmt = 'f';
  if (abs !== 0 && (abs < (bitSize === 32 ? Math.fround(1e-6) : 1e-6) || abs >= (bitSize === 32 ? Math.fround(1e21) : 1e21))) fmt = 'e';
  let b = formatFloat(f, fmt, -1, bitSize);
  if (fmt === 'e') {
    // Clean up e-09 to e-9.
    const n = b.length;
    if (n >= 4 && b[n - 4] === 'e' && b[n - 3] === '-' && b[n - 2] === '0') b = b.slice(0, n - 2) + b.slice(n - 1);
  }
  return b;
}

/** Strip insignificant whitespace from JSON text (json.Compact), keeping everything else. */
export function compactJSON(src: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] ?? '';
    if (inString) {
      out += ch;
      if (ch === '\\') {
        out += src[i + 1] ?? '';
        i++;
      } else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') continue;
    out += ch;
  }
  return out;
}

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
      out.push(Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? String(v === 0 ? 0 : v) : jsonFloat(v));
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
    if (v.kind === 'float') out.push(jsonFloat(Number(v.value), v.type === 'float32' ? 32 : 64));
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
    out.push(compactJSON(text));
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
    entries.sort((a, b) => compareStrings(a[0], b[0]));
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
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const fail = (): never => {
    throw new SyntaxError(`invalid JSON at offset ${i}`);
  };
  const value = (): unknown => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        const k = str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        obj[k] = value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail();
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      Object.defineProperty(arr, goType, { value: '[]interface {}' });
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail();
      }
    }
    if (c === '"') return str();
    if (text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return fail();
    i += m[0].length;
    return new JSONNumber(m[0]);
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const v = value();
  ws();
  if (i !== text.length) fail();
  return v;
}
