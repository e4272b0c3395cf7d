/**
 * Go's encoding/json, one copy for every layer: request bodies and query filters (src/engine/),
 * the ServiceSpec codec (src/spec/codec.ts), X-Registry-Auth, and the template engine's
 * json.Marshal (src/render/template/json.ts).
 *
 * Encoding: strings as encodeState.string does (\u003c \u003e \u0026 when escapeHTML,
 * json.Marshal's default; \u2028 \u2029 always; \b \f short escapes since Go 1.22; a lone
 * surrogate, invalid UTF-8 in Go, as \ufffd), floats as floatEncoder ('f' unless the magnitude
 * is below 1e-6 or at least 1e21, exponent cleaned up from e-09 to e-9), map keys sorted
 * bytewise, and a small builder (`goJSON`) for structs written by hand (field order as
 * declared, omitempty by leaving a member out). json.Compact and json.Indent, with Go's
 * scanner and its errors, are src/render/jsonindent.ts.
 *
 * Decoding: one parser to a tree that keeps number literals as text and object members in
 * order, from which parseExact (integers beyond 2^53 as bigint), the spec decoder and the
 * template's UseNumber decoder build their values.
 */
import { formatFloat } from './strconv.ts';
import { compare } from './strings.ts';

// ---- encoding ----

const HEX = '0123456789abcdef';

/** Go's JSON string encoding (encodeState.string); escapeHTML as json.Marshal does by default. */
export function jsonString(s: string, escapeHTML: boolean): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c < 0x20) {
      switch (c) {
        case 0x08:
          esc = '\\b';
          break;
        case 0x0c:
          esc = '\\f';
          break;
        case 0x0a:
          esc = '\\n';
          break;
        case 0x0d:
          esc = '\\r';
          break;
        case 0x09:
          esc = '\\t';
          break;
        default:
          esc = '\\u00' + (HEX[c >> 4] ?? '0') + (HEX[c & 0xf] ?? '0');
      }
    } else if (c === 0x22) esc = '\\"';
    else if (c === 0x5c) esc = '\\\\';
    else if (escapeHTML && (c === 0x3c || c === 0x3e || c === 0x26)) esc = '\\u00' + c.toString(16);
    else if (c === 0x2028 || c === 0x2029) esc = '\\u' + c.toString(16);
    else if (c >= 0xd800 && c <= 0xdfff) {
      // A well-formed pair passes through; a lone surrogate is invalid UTF-8 in Go.
      const hi = c <= 0xdbff;
      const d = s.charCodeAt(i + 1);
      if (hi && d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      esc = '\\ufffd';
    }
    if (esc !== undefined) {
      out += s.slice(start, i) + esc;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}

/**
 * floatEncoder: Go's JSON text of a float64 or float32. NaN and ±Inf are
 * `json: unsupported value: NaN` (+Inf, -Inf), thrown as ErrorClass.
 */
export function jsonFloat(f: number, bitSize: 32 | 64 = 64, ErrorClass: new (message: string) => Error = Error): string {
  if (!Number.isFinite(f)) throw new ErrorClass(`json: unsupported value: ${formatFloat(f, 'g', -1, bitSize)}`);
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

/** Map keys in encoding/json's order (bytewise over UTF-8). */
export function sortedKeys(m: object): string[] {
  return Object.keys(m).sort(compare);
}

/** An integer as decoded exactly: a number when it is safe, else a bigint. */
export type Int = number | bigint;

/** A JSON text fragment, written as is by obj() and arr(). */
export class Raw {
  constructor(readonly text: string) {}
}

/** One member of a Go struct: undefined leaves it out (omitempty, or absent). */
export type Member = readonly [key: string, value: Raw | undefined];

/** json.Marshal of values built by hand: strings HTML-safe, struct members in the order given. */
export const goJSON = {
  str: (s: string): Raw => new Raw(jsonString(s, true)),
  int: (n: Int): Raw => new Raw(String(n)),
  bool: (b: boolean): Raw => new Raw(b ? 'true' : 'false'),
  null: new Raw('null'),
  obj: (members: readonly Member[]): Raw =>
    new Raw(`{${members.filter((m): m is readonly [string, Raw] => m[1] !== undefined).map(([k, v]) => `${jsonString(k, true)}:${v.text}`).join(',')}}`),
  arr: (items: readonly Raw[]): Raw => new Raw(`[${items.map((x) => x.text).join(',')}]`),
  /** map[string]string: keys sorted, nil as null. */
  map: (m: Readonly<Record<string, string>> | null | undefined): Raw =>
    m == null ? goJSON.null : new Raw(`{${sortedKeys(m).map((k) => `${jsonString(k, true)}:${jsonString(m[k] ?? '', true)}`).join(',')}}`),
};

/** A Go integer field's value (absent or null is 0). */
export function toBig(n: Int | null | undefined): bigint {
  return n == null ? 0n : BigInt(n);
}

/** omitempty for integers: left out when zero. */
export function intOmitEmpty(n: Int | null | undefined): Raw | undefined {
  return toBig(n) === 0n ? undefined : goJSON.int(n as Int);
}

/** omitempty for strings. */
export function strOmitEmpty(s: string | null | undefined): Raw | undefined {
  return s ? goJSON.str(s) : undefined;
}

// ---- decoding ----

/** A parsed JSON value: numbers keep their literal, objects their members in order. */
export type JSONNode =
  | { readonly t: 'obj'; readonly entries: ReadonlyArray<readonly [string, JSONNode]> }
  | { readonly t: 'arr'; readonly items: readonly JSONNode[] }
  | { readonly t: 'str'; readonly v: string }
  | { readonly t: 'num'; readonly raw: string }
  | { readonly t: 'bool'; readonly v: boolean }
  | { readonly t: 'null' };

const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/** Parses JSON text; malformed text throws ErrorClass `invalid JSON at offset N`. */
export function parseJSON(text: string, ErrorClass: new (message: string) => Error = SyntaxError): JSONNode {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i] ?? '')) i++;
  };
  const fail = (): never => {
    throw new ErrorClass(`invalid JSON at offset ${i}`);
  };
  const str = (): string => {
    STRING.lastIndex = i;
    const m = STRING.exec(text);
    if (!m) return fail();
    i += m[0].length;
    return JSON.parse(m[0]) as string;
  };
  const value = (): JSONNode => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: [string, JSONNode][] = [];
      ws();
      if (text[i] === '}') {
        i++;
        return { t: 'obj', entries };
      }
      for (;;) {
        ws();
        const k = str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        entries.push([k, value()]);
        ws();
        const sep = text[i++];
        if (sep === '}') return { t: 'obj', entries };
        if (sep !== ',') fail();
      }
    }
    if (c === '[') {
      i++;
      const items: JSONNode[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { t: 'arr', items };
      }
      for (;;) {
        items.push(value());
        ws();
        const sep = text[i++];
        if (sep === ']') return { t: 'arr', items };
        if (sep !== ',') fail();
      }
    }
    if (c === '"') return { t: 'str', v: str() };
    LITERAL.lastIndex = i;
    const m = LITERAL.exec(text);
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

/** Sets a member as JSON.parse does (an own property, also for "__proto__"); the last one wins. */
export function setMember(out: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  else out[k] = v;
}

/** JSON.parse, except that integer literals beyond Number.MAX_SAFE_INTEGER become bigints. */
export function parseExact(text: string): unknown {
  const build = (n: JSONNode): unknown => {
    switch (n.t) {
      case 'obj': {
        const out: Record<string, unknown> = {};
        for (const [k, v] of n.entries) setMember(out, k, build(v));
        return out;
      }
      case 'arr':
        return n.items.map(build);
      case 'num': {
        const x = Number(n.raw);
        return /^-?\d+$/.test(n.raw) && !Number.isSafeInteger(x) ? BigInt(n.raw) : x;
      }
      case 'null':
        return null;
      default:
        return n.v;
    }
  };
  return build(parseJSON(text));
}
