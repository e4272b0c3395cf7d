/**
 * Go's strconv number and bool parsing, with Go's acceptance rules and `*strconv.NumError`
 * texts (`strconv.ParseUint: parsing "x": invalid syntax`): ParseUint/ParseInt for base 0
 * (prefixes 0b/0o/0x/0, underscores) and bases 2…36, Atoi, ParseBool, ParseFloat. One copy for
 * every layer that parses what docker parses with strconv: pflag values (src/cli/flags.ts),
 * service spec values (src/spec/) and template number literals (src/render/template/). It
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
