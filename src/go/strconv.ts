/**
 * Go's strconv number and bool parsing, with Go's acceptance rules and `*strconv.NumError`
 * texts (`strconv.ParseUint: parsing "x": invalid syntax`): ParseUint/ParseInt for base 0
 * (prefixes 0b/0o/0x/0, underscores) and bases 2…36, Atoi, ParseBool, ParseFloat; and
 * FormatFloat with Go's exact rounding (round-half-even on the exact binary value, shortest
 * round-trip digits). One copy for every layer that parses or prints what docker does with
 * strconv: pflag values (src/cli/flags.ts), service spec values (src/spec/), template number
 * literals and %g/%e/%f (src/render/template/), encoding/json floats (src/go/json.ts). It
 * lives in src/go/ because it is none of theirs: it imports nothing of tsw but Quote.
 */
import { quote } from './quote.ts';

/** strconv.NumError: `strconv.ParseUint: parsing "x": invalid syntax` (or `value out of range`). */
export class NumError extends Error {
  constructor(
    readonly fn: string,
    readonly num: string,
    readonly range: boolean,
  ) {
    super(`strconv.${fn}: parsing ${quote(num)}: ${range ? 'value out of range' : 'invalid syntax'}`);
  }
}

/** The text of a NumError's wrapped error (`numErr.Err`): "invalid syntax" or "value out of range". */
export function numErrReason(e: NumError): string {
  return e.range ? 'value out of range' : 'invalid syntax';
}

/** Go's lower() of strconv: ASCII letters only. */
function lower(c: string): string {
  return c >= 'A' && c <= 'Z' ? String.fromCharCode(c.charCodeAt(0) + 32) : c;
}

/** strconv.ParseBool (undefined where Go returns ErrSyntax). */
export function parseGoBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

/** strconv.underscoreOK: underscores only between digits (or after a base prefix). */
function underscoreOK(s0: string): boolean {
  let saw = '^';
  let i = 0;
  let s = s0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(lower(s[1] ?? ''))) {
    i = 2;
    saw = '0';
    hex = lower(s[1] ?? '') === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i] ?? '';
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/**
 * strconv.ParseUint(s, base, bitSize): base 0 reads a prefix (0b, 0o, 0x, or 0 for octal) and
 * allows underscores between digits; bases 2…36 take bare digits. Go reports a range error
 * as soon as the value overflows, before looking further. `fn` names the function in the
 * error (ParseInt and Atoi report their own names).
 */
export function parseGoUint(s0: string, base: number, bitSize: number, fn = 'ParseUint'): bigint | NumError {
  if (s0 === '') return new NumError(fn, s0, false);
  const base0 = base === 0;
  let s = s0;
  if (base0) {
    base = 10;
    if (s[0] === '0') {
      const p = lower(s[1] ?? '');
      if (s.length >= 3 && p === 'b') (base = 2), (s = s.slice(2));
      else if (s.length >= 3 && p === 'o') (base = 8), (s = s.slice(2));
      else if (s.length >= 3 && p === 'x') (base = 16), (s = s.slice(2));
      else (base = 8), (s = s.slice(1));
    }
  }
  const maxVal = (1n << BigInt(bitSize)) - 1n;
  const b = BigInt(base);
  let n = 0n;
  let underscores = false;
  for (const c of s) {
    let d: number;
    if (c === '_' && base0) {
      underscores = true;
      continue;
    } else if (c >= '0' && c <= '9') d = c.charCodeAt(0) - 48;
    else if (lower(c) >= 'a' && lower(c) <= 'z' && c.length === 1) d = lower(c).charCodeAt(0) - 87;
    else return new NumError(fn, s0, false);
    if (d >= base) return new NumError(fn, s0, false);
    n = n * b + BigInt(d);
    if (n > maxVal) return new NumError(fn, s0, true);
  }
  if (underscores && !underscoreOK(s0)) return new NumError(fn, s0, false);
  return n;
}

/** strconv.ParseInt(s, base, bitSize): an optional sign, then ParseUint's rules. */
export function parseGoInt(s0: string, base: number, bitSize: number, fn = 'ParseInt'): bigint | NumError {
  if (s0 === '') return new NumError(fn, s0, false);
  let s = s0;
  let neg = false;
  if (s[0] === '+') s = s.slice(1);
  else if (s[0] === '-') (neg = true), (s = s.slice(1));
  const un = parseGoUint(s, base, bitSize, fn);
  if (un instanceof NumError && !un.range) return new NumError(fn, s0, false);
  const cutoff = 1n << BigInt(bitSize - 1);
  const u = un instanceof NumError ? cutoff * 2n - 1n : un;
  if (!neg && u >= cutoff) return new NumError(fn, s0, true);
  if (neg && u > cutoff) return new NumError(fn, s0, true);
  return neg ? -u : u;
}

/** strconv.Atoi(s): base 10, 64-bit int, errors always name `Atoi`. */
export function atoi(s: string): bigint | NumError {
  return parseGoInt(s, 10, 64, 'Atoi');
}

/** A parse result as a value, or undefined on any error. */
export function ok<T>(r: T | NumError): T | undefined {
  return r instanceof NumError ? undefined : r;
}

function commonPrefixLenIgnoreCase(s: string, prefix: string): number {
  let i = 0;
  for (; i < prefix.length && i < s.length; i++) {
    if (lower(s[i] ?? '') !== prefix[i]) break;
  }
  return i;
}

/** strconv's special(): "inf", "+Infinity", "NaN" (no sign on NaN). */
function special(s: string): { value: number; n: number } | undefined {
  if (s === '') return undefined;
  let sign = 1;
  let nsign = 0;
  let t = s;
  const c = t[0];
  if (c === '+' || c === '-') {
    if (c === '-') sign = -1;
    nsign = 1;
    t = t.slice(1);
    // Go falls through to the 'i' case only: a signed NaN is not special.
    let n = commonPrefixLenIgnoreCase(t, 'infinity');
    if (n > 3 && n < 8) n = 3;
    if (n === 3 || n === 8) return { value: sign * Infinity, n: nsign + n };
    return undefined;
  }
  if (c === 'i' || c === 'I') {
    let n = commonPrefixLenIgnoreCase(t, 'infinity');
    if (n > 3 && n < 8) n = 3;
    if (n === 3 || n === 8) return { value: Infinity, n };
    return undefined;
  }
  if ((c === 'n' || c === 'N') && commonPrefixLenIgnoreCase(t, 'nan') === 3) return { value: NaN, n: 3 };
  return undefined;
}

/**
 * strconv.readFloat: the length of the longest float literal at the start of s (0 if none),
 * and its value as a float64 (decimal via Number(), hex exactly enough for flag values).
 */
function readFloat(s: string): { n: number; value: number } | undefined {
  let i = 0;
  let neg = false;
  if (i >= s.length) return undefined;
  if (s[i] === '+') i++;
  else if (s[i] === '-') {
    neg = true;
    i++;
  }
  let hex = false;
  if (i + 2 < s.length && s[i] === '0' && lower(s[i + 1] ?? '') === 'x') {
    hex = true;
    i += 2;
  }
  const start = i;
  let underscores = false;
  let sawdot = false;
  let sawdigits = false;
  for (; i < s.length; i++) {
    const c = s[i] ?? '';
    if (c === '_') {
      underscores = true;
      continue;
    }
    if (c === '.') {
      if (sawdot) break;
      sawdot = true;
      continue;
    }
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      sawdigits = true;
      continue;
    }
    break;
  }
  if (!sawdigits) return undefined;
  const mant = s.slice(start, i).replaceAll('_', '');
  let exp = 0;
  const expChar = hex ? 'p' : 'e';
  let expText = '';
  if (i < s.length && lower(s[i] ?? '') === expChar) {
    i++;
    if (i >= s.length) return undefined;
    let esign = 1;
    if (s[i] === '+') i++;
    else if (s[i] === '-') {
      i++;
      esign = -1;
    }
    if (i >= s.length || !((s[i] ?? '') >= '0' && (s[i] ?? '') <= '9')) return undefined;
    let e = 0;
    for (; i < s.length && (((s[i] ?? '') >= '0' && (s[i] ?? '') <= '9') || s[i] === '_'); i++) {
      if (s[i] === '_') {
        underscores = true;
        continue;
      }
      if (e < 10000) e = e * 10 + (s.charCodeAt(i) - 48);
      expText += s[i];
    }
    exp = e * esign;
  } else if (hex) {
    return undefined; // a hex mantissa must have a 'p' exponent
  }
  if (underscores && !underscoreOK(s.slice(0, i))) return undefined;
  let value: number;
  if (hex) {
    const [ip = '', fp = ''] = mant.split('.');
    let m = 0;
    for (const c of ip + fp) m = m * 16 + Number.parseInt(c, 16);
    value = m * 2 ** (exp - 4 * fp.length);
  } else {
    value = Number(`${mant.startsWith('.') ? '0' : ''}${mant}${expText !== '' || exp !== 0 ? `e${exp}` : ''}`);
  }
  return { n: i, value: neg ? -value : value };
}

/**
 * strconv.ParseFloat(s, bitSize): Go's syntax (decimal, hex with a `p` exponent, underscores
 * between digits, `inf`/`infinity`/`nan` in any case) and errors. A value that overflows the
 * type returns a range NumError. float32 results are rounded with Math.fround (Go rounds the
 * decimal directly; the two differ only for literals exactly between two float32 values).
 */
export function parseGoFloat(s: string, bitSize: 32 | 64): number | NumError {
  const sp = special(s);
  if (sp !== undefined) {
    if (sp.n !== s.length) return new NumError('ParseFloat', s, false);
    return bitSize === 32 ? Math.fround(sp.value) : sp.value;
  }
  const r = readFloat(s);
  if (r === undefined || r.n !== s.length) return new NumError('ParseFloat', s, false);
  const v = bitSize === 32 ? Math.fround(r.value) : r.value;
  if (!Number.isFinite(v)) return new NumError('ParseFloat', s, true);
  return v;
}

/** Go's float64 → int64 conversion on amd64: truncation; out of range or NaN gives MinInt64. */
export function float64ToInt64(f: number): bigint {
  if (!Number.isFinite(f) || Math.abs(f) >= 2 ** 63) return -(1n << 63n);
  return BigInt(Math.trunc(f));
}

// ---- FormatFloat ----

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
