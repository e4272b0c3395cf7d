/**
 * opts.NanoCPUs / opts.ParseCPUs (docker/cli v28.2.2 opts/opts.go): `--limit-cpu` and
 * `--reserve-cpu` go through math/big's Rat.SetString, are multiplied by 1e9 and must be an
 * integer. Accepted: "0.5", "2", "1.5e-3", "3/4", "0x1p-1", "1_000" (Go literal syntax).
 */
import { SpecValueError } from './errors.ts';

interface Scan {
  /** digits as an integer (value of mantissa without the radix point) */
  mant: bigint;
  base: number;
  /** number of digits after the radix point (0 if none) */
  frac: number;
  /** index after the number */
  end: number;
  ok: boolean;
}

function digitVal(c: string): number {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  if (c >= 'a' && c <= 'z') return c.charCodeAt(0) - 87;
  if (c >= 'A' && c <= 'Z') return c.charCodeAt(0) - 55;
  return 99;
}

/**
 * math/big nat.scan(r, 0, fracOk): optional base prefix (0b, 0o, 0x; a lone leading 0 means
 * octal only when fractions are not allowed), digits with '_' separators, at most one '.'
 * when fracOk. `ok` is false for no digits or a misplaced separator.
 */
function natScan(s: string, pos: number, fracOk0: boolean): Scan {
  let i = pos;
  let base = 10;
  let prefix = '';
  let count = 0;
  let prev = '.';
  let invalSep = false;
  let fracOk = fracOk0;
  if (s[i] === '0') {
    prev = '0';
    count = 1;
    i++;
    const c = s[i];
    if (c === 'b' || c === 'B') (base = 2), (prefix = 'b');
    else if (c === 'o' || c === 'O') (base = 8), (prefix = 'o');
    else if (c === 'x' || c === 'X') (base = 16), (prefix = 'x');
    else if (!fracOk) (base = 8), (prefix = '0');
    if (prefix !== '') {
      count = 0; // the prefix is not counted
      if (prefix !== '0') i++;
    }
  }
  let mant = 0n;
  let dp = -1;
  for (; i < s.length; i++) {
    const c = s[i] ?? '';
    if (c === '.' && fracOk) {
      fracOk = false;
      if (prev === '_') invalSep = true;
      dp = count;
      prev = '.';
    } else if (c === '_') {
      if (prev !== '0') invalSep = true;
      prev = '_';
    } else {
      const d = digitVal(c);
      if (d >= base) break;
      prev = '0';
      count++;
      mant = mant * BigInt(base) + BigInt(d);
    }
  }
  if (count === 0) {
    // Only the octal prefix "0": the number is 0 (decimal).
    if (prefix === '0') return { mant: 0n, base: 10, frac: 0, end: i, ok: !invalSep && prev !== '_' };
    return { mant: 0n, base, frac: 0, end: i, ok: false };
  }
  const frac = dp >= 0 ? count - dp : 0;
  return { mant, base, frac, end: i, ok: !(invalSep || prev === '_') };
}

/** big.Int SetString(s, 0) over the whole of s. */
function intSetString(s: string): bigint | undefined {
  let i = 0;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    i = 1;
  }
  const r = natScan(s, i, false);
  if (!r.ok || r.end !== s.length) return undefined;
  return neg ? -r.mant : r.mant;
}

/** A rational number num/den with den > 0. */
interface Rat {
  num: bigint;
  den: bigint;
}

/** math/big Rat.SetString. */
export function parseRat(s: string): Rat | undefined {
  if (s.length === 0) return undefined;
  const sep = s.indexOf('/');
  if (sep >= 0) {
    const a = intSetString(s.slice(0, sep));
    if (a === undefined) return undefined;
    // The denominator: no sign; a base prefix is allowed.
    const r = natScan(s, sep + 1, false);
    if (!r.ok || r.end !== s.length || r.mant === 0n) return undefined;
    return { num: a, den: r.mant };
  }
  let i = 0;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    i = 1;
  }
  const m = natScan(s, i, true);
  if (!m.ok) return undefined;
  i = m.end;
  // scanExponent(r, base2ok=true, sepOk=true): 'e'/'E' decimal or 'p'/'P' binary exponent.
  let exp = 0n;
  let ebase = 10;
  const c = s[i];
  if (c === 'e' || c === 'E' || c === 'p' || c === 'P') {
    ebase = c === 'e' || c === 'E' ? 10 : 2;
    i++;
    let eneg = false;
    if (s[i] === '+' || s[i] === '-') {
      eneg = s[i] === '-';
      i++;
    }
    let digits = 0;
    let prev = '.';
    let invalSep = false;
    let e = 0n;
    for (; i < s.length; i++) {
      const ch = s[i] ?? '';
      if (ch >= '0' && ch <= '9') {
        e = e * 10n + BigInt(ch.charCodeAt(0) - 48);
        digits++;
        prev = '0';
      } else if (ch === '_') {
        if (prev !== '0') invalSep = true;
        prev = '_';
      } else break;
    }
    if (digits === 0 || invalSep || prev === '_') return undefined;
    exp = eneg ? -e : e;
  }
  if (i !== s.length) return undefined;
  if (m.mant === 0n) return { num: 0n, den: 1n };
  let exp2 = 0n;
  let exp5 = 0n;
  const d = BigInt(-m.frac);
  if (m.frac > 0) {
    if (m.base === 10) (exp5 = d), (exp2 = d);
    else if (m.base === 2) exp2 = d;
    else if (m.base === 8) exp2 = d * 3n;
    else exp2 = d * 4n;
  }
  if (ebase === 10) (exp5 += exp), (exp2 += exp);
  else exp2 += exp;
  if (exp5 > 1_000_000n || exp5 < -1_000_000n) return undefined; // "avoid excessively large exponents"
  if (exp2 > 10_000_000n || exp2 < -10_000_000n) return undefined;
  let num = neg ? -m.mant : m.mant;
  let den = 1n;
  if (exp5 > 0n) num *= 5n ** exp5;
  else if (exp5 < 0n) den *= 5n ** -exp5;
  if (exp2 > 0n) num <<= exp2;
  else if (exp2 < 0n) den <<= -exp2;
  return { num, den };
}

/**
 * opts.ParseCPUs: the value in nano-CPUs. Errors: `failed to parse X as a rational number`,
 * `value is too precise`. Like big.Int.Int64, a numerator beyond int64 keeps its low 64 bits.
 */
export function parseNanoCPUs(value: string): bigint {
  const r = parseRat(value);
  if (r === undefined) throw new SpecValueError(`failed to parse ${value} as a rational number`);
  const n = r.num * 1_000_000_000n;
  if (n % r.den !== 0n) throw new SpecValueError('value is too precise');
  return BigInt.asIntN(64, n / r.den);
}
