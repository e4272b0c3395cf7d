/**
 * JSON with exact 64-bit integers. The Engine API carries int64/uint64 values (durations in ns,
 * uint64 counters, version indexes) that JSON.parse rounds above 2^53; docker decodes them into
 * Go integers and sends them back exactly. parseExact keeps such integers as bigint, and
 * GoJSON writes objects the way encoding/json does (field order as given, HTML-safe strings).
 */
import { goJSONString } from './client.ts';

/** An integer as decoded exactly: a number when it is safe, else a bigint. */
export type Int = number | bigint;

/** JSON.parse, except that integer literals beyond Number.MAX_SAFE_INTEGER become bigints. */
export function parseExact(text: string): unknown {
  let i = 0;
  const ws = () => {
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
      const out: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') {
        i++;
        return out;
      }
      for (;;) {
        ws();
        const key = str();
        ws();
        if (text[i++] !== ':') fail();
        out[key] = value();
        ws();
        const sep = text[i++];
        if (sep === '}') return out;
        if (sep !== ',') fail();
      }
    }
    if (c === '[') {
      i++;
      const out: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return out;
      }
      for (;;) {
        out.push(value());
        ws();
        const sep = text[i++];
        if (sep === ']') return out;
        if (sep !== ',') fail();
      }
    }
    if (c === '"') return str();
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!m) return fail();
    i += m[0].length;
    if (m[0] === 'true') return true;
    if (m[0] === 'false') return false;
    if (m[0] === 'null') return null;
    const n = Number(m[0]);
    if (m[1] === undefined && m[2] === undefined && !Number.isSafeInteger(n)) return BigInt(m[0]);
    return n;
  };
  const str = (): string => {
    if (text[i] !== '"') fail();
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail();
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const v = value();
  ws();
  if (i !== text.length) fail();
  return v;
}

/** A JSON text fragment, written as is by obj() and arr(). */
export class Raw {
  constructor(readonly text: string) {}
}

/** One member of a Go struct: undefined leaves it out (omitempty, or absent). */
export type Member = readonly [key: string, value: Raw | undefined];

export const goJSON = {
  str: (s: string): Raw => new Raw(goJSONString(s)),
  int: (n: Int): Raw => new Raw(String(n)),
  bool: (b: boolean): Raw => new Raw(b ? 'true' : 'false'),
  null: new Raw('null'),
  obj: (members: readonly Member[]): Raw =>
    new Raw(`{${members.filter((m): m is readonly [string, Raw] => m[1] !== undefined).map(([k, v]) => `${goJSONString(k)}:${v.text}`).join(',')}}`),
  arr: (items: readonly Raw[]): Raw => new Raw(`[${items.map((x) => x.text).join(',')}]`),
  /** map[string]string: keys sorted, nil as null. */
  map: (m: Readonly<Record<string, string>> | null | undefined): Raw =>
    m == null
      ? goJSON.null
      : new Raw(`{${Object.keys(m).sort(byteOrder).map((k) => `${goJSONString(k)}:${goJSONString(m[k] ?? '')}`).join(',')}}`),
};

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

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
