/**
 * The parts of Go's strconv the template engine needs: unquoting template literals and float
 * formatting with Go's exact rounding (round-half-even on the exact binary value, shortest
 * round-trip digits). Quoting and number parsing are src/go/'s (quote.ts, strconv.ts).
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

/** A decimal digit string d (no leading zeros unless empty) with decimal point position dp. */
interface Decimal {
  d: string;
  dp: number;
}

const LOWER_HEX = '0123456789abcdef';
const f64 = new DataView(new ArrayBuffer(8));

function floatBits(v: number): { neg: boolean; mant: bigint; exp: number } {
  f64.setFloat64(0, v);
  const hi = f64.getUint32(0);
  const lo = f64.getUint32(4);
  const neg = hi >>> 31 === 1;
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) {
    exp = -1074;
  } else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  return { neg, mant, exp };
}

/** The exact decimal expansion of |v|. */
function exactDecimal(v: number): Decimal {
  const { mant, exp } = floatBits(v);
  if (mant === 0n) return { d: '', dp: 0 };
  let digits: string;
  let dp: number;
  if (exp >= 0) {
    digits = (mant << BigInt(exp)).toString();
    dp = digits.length;
  } else {
    const k = -exp;
    digits = (mant * 5n ** BigInt(k)).toString();
    dp = digits.length - k;
  }
  const trimmed = digits.replace(/0+$/, '');
  return { d: trimmed, dp };
}

/** Round the exact decimal to nd digits, half to even on exact ties (decimal.Round). */
function roundDecimal(a: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= a.d.length) return a;
  const next = a.d.charCodeAt(nd) - 0x30;
  let up: boolean;
  if (next === 5 && nd + 1 === a.d.length) {
    up = nd > 0 && (a.d.charCodeAt(nd - 1) - 0x30) % 2 === 1;
  } else {
    up = next >= 5;
  }
  if (!up) {
    const d = a.d.slice(0, nd).replace(/0+$/, '');
    return { d, dp: d === '' ? 0 : a.dp };
  }
  // Round up: increment the prefix.
  const chars = a.d.slice(0, nd).split('');
  let i = chars.length - 1;
  while (i >= 0 && chars[i] === '9') i--;
  if (i < 0) return { d: '1', dp: a.dp + 1 };
  chars[i] = String.fromCharCode((chars[i] ?? '0').charCodeAt(0) + 1);
  return { d: chars.slice(0, i + 1).join(''), dp: a.dp };
}

/**
 * Shortest digits that round-trip (JS and Go both pick the closest shortest representation).
 * For a float32 the digits only need to read back as the same float32.
 */
function shortestDecimal(v: number, bitSize = 64): Decimal {
  if (v === 0) return { d: '', dp: 0 };
  let s = Math.abs(v).toExponential();
  if (bitSize === 32) {
    const f = Math.fround(Math.abs(v));
    for (let p = 1; p <= 9; p++) {
      const c = f.toExponential(p - 1);
      if (Math.fround(Number(c)) === f) {
        s = c;
        break;
      }
    }
  }
  const e = s.indexOf('e');
  const mant = s.slice(0, e).replace('.', '');
  const exp = Number(s.slice(e + 1));
  return { d: mant.replace(/0+$/, ''), dp: exp + 1 };
}

function fmtE(neg: boolean, d: Decimal, prec: number, fmt: string): string {
  let out = neg ? '-' : '';
  out += d.d.length > 0 ? d.d[0] : '0';
  if (prec > 0) {
    out += '.';
    const m = Math.min(d.d.length, prec + 1);
    if (1 < m) out += d.d.slice(1, m);
    out += '0'.repeat(Math.max(0, prec + 1 - Math.max(m, 1)));
  }
  out += fmt;
  let exp = d.dp - 1;
  if (d.d.length === 0) exp = 0;
  let sign = '+';
  if (exp < 0) {
    sign = '-';
    exp = -exp;
  }
  out += sign + (exp < 10 ? '0' + String(exp) : String(exp));
  return out;
}

function fmtF(neg: boolean, d: Decimal, prec: number): string {
  let out = neg ? '-' : '';
  if (d.dp > 0) {
    const m = Math.min(d.d.length, d.dp);
    out += d.d.slice(0, m);
    out += '0'.repeat(d.dp - m);
  } else {
    out += '0';
  }
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) {
      const j = d.dp + i - 1;
      out += j >= 0 && j < d.d.length ? d.d[j] : '0';
    }
  }
  return out;
}

function fmtB(neg: boolean, mant: bigint, exp: number): string {
  let e = exp;
  let sign = '+';
  if (e < 0) {
    sign = '-';
    e = -e;
  }
  return (neg ? '-' : '') + mant.toString() + 'p' + sign + String(e);
}

function fmtX(prec: number, fmt: string, neg: boolean, mant0: bigint, exp0: number): string {
  let mant = mant0;
  let exp = exp0 + 52; // unbiased exponent of the leading bit
  if (mant === 0n) exp = 0;
  mant <<= 60n - 52n;
  const one60 = 1n << 60n;
  while (mant !== 0n && (mant & one60) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & (one60 - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const hex = fmt === 'X' ? '0123456789ABCDEF' : LOWER_HEX;
  let out = neg ? '-' : '';
  out += '0' + fmt + String(Number((mant >> 60n) & 1n));
  mant = (mant << 4n) & ((1n << 64n) - 1n);
  if (prec < 0 && mant !== 0n) {
    out += '.';
    while (mant !== 0n) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  } else if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  }
  out += fmt === 'X' ? 'P' : 'p';
  let sign = '+';
  if (exp < 0) {
    sign = '-';
    exp = -exp;
  }
  out += sign + (exp < 10 ? '0' + String(exp) : String(exp));
  return out;
}

/**
 * strconv.FormatFloat(v, fmt, prec, bitSize) for fmt in e E f g G b x X; prec < 0 means the
 * shortest representation that round-trips (at bitSize 32 for a float32; b and x formats are
 * float64 only).
 */
export function formatFloat(v: number, fmt: string, prec: number, bitSize = 64): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  const neg = v < 0 || Object.is(v, -0);
  if (fmt === 'b') {
    const { mant, exp } = floatBits(v);
    return fmtB(neg, mant, exp);
  }
  if (fmt === 'x' || fmt === 'X') {
    const { mant, exp } = floatBits(v);
    return fmtX(prec, fmt, neg, mant, exp);
  }
  const shortest = prec < 0;
  let d: Decimal;
  if (shortest) {
    d = shortestDecimal(v, bitSize);
    switch (fmt) {
      case 'e':
      case 'E':
        prec = Math.max(d.d.length - 1, 0);
        break;
      case 'f':
        prec = Math.max(d.d.length - d.dp, 0);
        break;
      default:
        prec = d.d.length;
    }
  } else {
    const exact = exactDecimal(v);
    switch (fmt) {
      case 'e':
      case 'E':
        d = roundDecimal(exact, prec + 1);
        break;
      case 'f':
        d = roundDecimal(exact, exact.dp + prec);
        if (exact.dp + prec < 0) d = { d: '', dp: 0 };
        break;
      default:
        if (prec === 0) prec = 1;
        d = roundDecimal(exact, prec);
    }
  }
  switch (fmt) {
    case 'e':
    case 'E':
      return fmtE(neg, d, prec, fmt);
    case 'f':
      return fmtF(neg, d, prec);
    case 'g':
    case 'G': {
      let eprec = prec;
      if (eprec > d.d.length && d.d.length >= d.dp) eprec = d.d.length;
      // %e is used if the exponent from the conversion is less than -4 or greater than or
      // equal to the precision; for the shortest form Go uses precision 6 for this decision.
      if (shortest) eprec = 6;
      const exp = d.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > d.d.length) prec = d.d.length;
        return fmtE(neg, d, prec - 1, fmt === 'g' ? 'e' : 'E');
      }
      if (prec > d.dp) prec = d.d.length;
      return fmtF(neg, d, Math.max(prec - d.dp, 0));
    }
    default:
      return '%' + fmt;
  }
}

/** Decimal digits of a non-negative integer in base 2, 8, 10 or 16. */
export function formatBigInt(u: bigint, base: number, upper: boolean): string {
  const s = u.toString(base);
  return upper ? s.toUpperCase() : s;
}
