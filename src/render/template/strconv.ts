/**
 * The parts of Go's strconv the template engine needs: unquoting template literals. Quoting,
 * number parsing and float formatting are src/go/'s (quote.ts, strconv.ts).
 */
import { ok, parseGoFloat, parseGoInt, parseGoUint } from '../../go/strconv.ts';
import { fromBytes, toBytes } from './utf8.ts';

/** strconv's ErrSyntax message. */
export class SyntaxError extends Error {
  constructor() {
    super('invalid syntax');
    this.name = 'SyntaxError';
  }
}

function hexVal(c: string | undefined): number {
  if (c === undefined) return -1;
  const x = c.charCodeAt(0);
  if (x >= 0x30 && x <= 0x39) return x - 0x30;
  if (x >= 0x61 && x <= 0x66) return x - 0x61 + 10;
  if (x >= 0x41 && x <= 0x46) return x - 0x41 + 10;
  return -1;
}

/**
 * strconv.UnquoteChar on s (a JS string starting at the escape or character). Returns the
 * value, whether it is a raw byte (\x, octal) rather than a rune, and the rest of s.
 */
export function unquoteChar(s: string, quoteCh: string): { value: number; isByte: boolean; tail: string } {
  const c = s[0];
  if (c === undefined) throw new SyntaxError();
  if (c === quoteCh && (quoteCh === "'" || quoteCh === '"')) throw new SyntaxError();
  if (c !== '\\') {
    const cp = s.codePointAt(0) ?? 0;
    const w = cp > 0xffff ? 2 : 1;
    return { value: cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp, isByte: false, tail: s.slice(w) };
  }
  if (s.length <= 1) throw new SyntaxError();
  const e = s[1] ?? '';
  let rest = s.slice(2);
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 0x5c };
  const sv = simple[e];
  if (sv !== undefined) return { value: sv, isByte: false, tail: rest };
  if (e === 'x' || e === 'u' || e === 'U') {
    const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
    if (rest.length < n) throw new SyntaxError();
    let v = 0;
    for (let j = 0; j < n; j++) {
      const x = hexVal(rest[j]);
      if (x < 0) throw new SyntaxError();
      v = v * 16 + x;
    }
    rest = rest.slice(n);
    if (e === 'x') return { value: v, isByte: true, tail: rest };
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new SyntaxError();
    return { value: v, isByte: false, tail: rest };
  }
  if (e >= '0' && e <= '7') {
    let v = e.charCodeAt(0) - 0x30;
    if (rest.length < 2) throw new SyntaxError();
    for (let j = 0; j < 2; j++) {
      const d = (rest[j] ?? '').charCodeAt(0) - 0x30;
      if (!(d >= 0 && d <= 7)) throw new SyntaxError();
      v = v * 8 + d;
    }
    rest = rest.slice(2);
    if (v > 255) throw new SyntaxError();
    return { value: v, isByte: true, tail: rest };
  }
  if (e === "'" || e === '"') {
    if (e !== quoteCh) throw new SyntaxError();
    return { value: e.charCodeAt(0), isByte: false, tail: rest };
  }
  throw new SyntaxError();
}

/** strconv.Unquote for the "..." and `...` literals the template lexer produces. */
export function unquote(lit: string): string {
  const q = lit[0];
  if (lit.length < 2 || lit[lit.length - 1] !== q) throw new SyntaxError();
  const body = lit.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new SyntaxError();
    // Go drops carriage returns from raw strings.
    return body.includes('\r') ? body.replaceAll('\r', '') : body;
  }
  if (q !== '"' && q !== "'") throw new SyntaxError();
  if (body.includes('\n')) throw new SyntaxError();
  if (!body.includes('\\') && !body.includes(q)) {
    if (q === '"') return body;
  }
  const bytes: number[] = [];
  let hasRawByte = false;
  let rest = body;
  let count = 0;
  while (rest.length > 0) {
    const r = unquoteChar(rest, q);
    rest = r.tail;
    count++;
    if (r.isByte && r.value >= 0x80) {
      hasRawByte = true;
      bytes.push(r.value);
    } else {
      for (const b of toBytes(String.fromCodePoint(r.value))) bytes.push(b);
    }
    if (q === "'" && count > 1) throw new SyntaxError();
  }
  if (q === "'" && count !== 1) throw new SyntaxError();
  const out = Uint8Array.from(bytes);
  return hasRawByte ? fromBytes(out) : new TextDecoder().decode(out);
}

/** strconv.ParseUint(s, 0, 64) for a template number; undefined on any error. */
export function parseUint0(s: string): bigint | undefined {
  return ok(parseGoUint(s, 0, 64));
}

/** strconv.ParseInt(s, 0, 64) for a template number; undefined on any error. */
export function parseInt0(s: string): bigint | undefined {
  return ok(parseGoInt(s, 0, 64));
}

/** strconv.ParseFloat(s, 64) for a template number; undefined on any error. */
export function parseFloat64(s: string): number | undefined {
  return ok(parseGoFloat(s, 64));
}
