/**
 * Go's time.Duration: String() and ParseDuration, on int64 nanosecond counts.
 *
 * Mirrors go/src/time/time.go (Duration.String, fmtFrac, fmtInt) and
 * go/src/time/format.go (ParseDuration, leadingInt, leadingFraction, quote).
 * Arithmetic is done on BigInt so the whole int64 range formats exactly.
 */

const NANOSECOND = 1n;
const MICROSECOND = 1000n * NANOSECOND;
const MILLISECOND = 1000n * MICROSECOND;
const SECOND = 1000n * MILLISECOND;
const MINUTE = 60n * SECOND;
const HOUR = 60n * MINUTE;

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MASK = (1n << 64n) - 1n;

/** A duration as docker's JSON carries it (a number) or exactly (a bigint). */
export type DurationLike = number | bigint;

/** Converts a JSON number or bigint to an int64 nanosecond count (truncating fractions, wrapping like Go's int64). */
export function toNanos(d: DurationLike): bigint {
  const b = typeof d === 'bigint' ? d : BigInt(Math.trunc(Number.isFinite(d) ? d : 0));
  return BigInt.asIntN(64, b);
}

/**
 * fmtFrac: formats v/10**prec's fraction into tail digits, omitting trailing zeros and the
 * point when the fraction is zero (go time.go fmtFrac). Returns [text, v/10**prec].
 */
function fmtFrac(v: bigint, prec: number): [string, bigint] {
  let out = '';
  let print = false;
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n;
    print = print || digit !== 0n;
    if (print) out = String(digit) + out;
    v /= 10n;
  }
  if (print) out = '.' + out;
  return [out, v];
}

/**
 * Go time.Duration.String(): "72h3m0.5s", "1.5s", "500ms", "1µs" (U+00B5), "0s", "-1m30s".
 * Durations under a second use ms/µs/ns so the leading digit is non-zero.
 * // go/src/time/time.go (Duration).String
 */
export function formatDuration(d: DurationLike): string {
  const n = toNanos(d);
  const neg = n < 0n;
  // uint64(d) then negate: -(-2^63) stays 2^63 as an unsigned value.
  let u = neg ? (-n) & UINT64_MASK : n;
  let out: string;
  if (u < SECOND) {
    if (u === 0n) return '0s';
    let prec: number;
    let unit: string;
    if (u < MICROSECOND) {
      prec = 0;
      unit = 'ns';
    } else if (u < MILLISECOND) {
      prec = 3;
      unit = 'µs';
    } else {
      prec = 6;
      unit = 'ms';
    }
    const [frac, rest] = fmtFrac(u, prec);
    out = String(rest) + frac + unit;
  } else {
    const [frac, secs] = fmtFrac(u, 9);
    u = secs;
    out = String(u % 60n) + frac + 's';
    u /= 60n;
    if (u > 0n) {
      out = String(u % 60n) + 'm' + out;
      u /= 60n;
      // Stop at hours because days can be different lengths.
      if (u > 0n) out = String(u) + 'h' + out;
    }
  }
  return neg ? '-' + out : out;
}

/** Duration.Seconds(): float64(d/1e9) + float64(d%1e9)/1e9 (go time.go). */
export function durationSeconds(d: DurationLike): number {
  const n = toNanos(d);
  return Number(n / SECOND) + Number(n % SECOND) / 1e9;
}

/** Duration.Minutes() (go time.go). */
export function durationMinutes(d: DurationLike): number {
  const n = toNanos(d);
  return Number(n / MINUTE) + Number(n % MINUTE) / (60 * 1e9);
}

/** Duration.Hours() (go time.go). */
export function durationHours(d: DurationLike): number {
  const n = toNanos(d);
  return Number(n / HOUR) + Number(n % HOUR) / (60 * 60 * 1e9);
}

const utf8 = new TextEncoder();
const HEX = '0123456789abcdef';

/**
 * The time package's own quote(): ASCII printable kept (with \" and \\ escaped), every
 * byte of a non-ASCII or control character written as \xNN. Not strconv.Quote.
 * // go/src/time/format.go quote
 */
export function goTimeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x80 || c < 0x20) {
      // A lone surrogate cannot be UTF-8 encoded; Go would see an invalid byte (RuneError,
      // width 1). TextEncoder turns it into EF BF BD, which is what Go prints for a real U+FFFD.
      for (const b of utf8.encode(ch)) out += '\\x' + HEX[b >> 4] + HEX[b & 0xf];
    } else {
      if (ch === '"' || ch === '\\') out += '\\';
      out += ch;
    }
  }
  return out + '"';
}

/** The error Go's ParseDuration returns; `message` is exactly err.Error(). */
export class DurationParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DurationParseError';
  }
}

const UNITS: ReadonlyMap<string, bigint> = new Map([
  ['ns', NANOSECOND],
  ['us', MICROSECOND],
  ['µs', MICROSECOND], // U+00B5 micro sign
  ['μs', MICROSECOND], // U+03BC Greek mu
  ['ms', MILLISECOND],
  ['s', SECOND],
  ['m', MINUTE],
  ['h', HOUR],
]);

const LIMIT = 1n << 63n;

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/**
 * Go time.ParseDuration: "300ms", "-1.5h", "2h45m", "1µs", "0", "+5s". Returns int64 ns.
 * Throws DurationParseError with Go's exact messages:
 * `time: invalid duration "x"`, `time: missing unit in duration "1"`,
 * `time: unknown unit "y" in duration "1y"`.
 * // go/src/time/format.go ParseDuration
 */
export function parseDuration(input: string): bigint {
  const orig = input;
  const invalid = (): DurationParseError => new DurationParseError('time: invalid duration ' + goTimeQuote(orig));
  let s = input;
  let d = 0n;
  let neg = false;
  if (s !== '') {
    const c = s[0];
    if (c === '-' || c === '+') {
      neg = c === '-';
      s = s.slice(1);
    }
  }
  // Special case: if all that is left is "0", this is zero.
  if (s === '0') return 0n;
  if (s === '') throw invalid();
  while (s !== '') {
    let v = 0n;
    let f = 0n;
    let scale = 1; // float64 in Go: value = v + f/scale

    if (!(s[0] === '.' || isDigit(s[0]))) throw invalid();

    // Consume [0-9]* (leadingInt: errors on overflow past 1<<63).
    let i = 0;
    for (; i < s.length && isDigit(s[i]); i++) {
      if (v > LIMIT / 10n) throw invalid();
      v = v * 10n + BigInt(s.charCodeAt(i) - 48);
      if (v > LIMIT) throw invalid();
    }
    const pre = i > 0;
    s = s.slice(i);

    // Consume (\.[0-9]*)? (leadingFraction: stops accumulating on overflow, never errors).
    let post = false;
    if (s !== '' && s[0] === '.') {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      for (; j < s.length && isDigit(s[j]); j++) {
        if (overflow) continue;
        if (f > (LIMIT - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const y = f * 10n + BigInt(s.charCodeAt(j) - 48);
        if (y > LIMIT) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) throw invalid(); // no digits (e.g. ".s" or "-.s")

    // Consume unit: everything up to the next '.' or digit.
    let k = 0;
    for (; k < s.length; k++) {
      const c = s[k];
      if (c === '.' || isDigit(c)) break;
    }
    if (k === 0) throw new DurationParseError('time: missing unit in duration ' + goTimeQuote(orig));
    const u = s.slice(0, k);
    s = s.slice(k);
    const unit = UNITS.get(u);
    if (unit === undefined) {
      throw new DurationParseError('time: unknown unit ' + goTimeQuote(u) + ' in duration ' + goTimeQuote(orig));
    }
    if (v > LIMIT / unit) throw invalid();
    v *= unit;
    if (f > 0n) {
      // float64 arithmetic, as Go: uint64(float64(f) * (float64(unit) / scale)).
      const add = Number(f) * (Number(unit) / scale);
      v += BigInt(Math.trunc(add));
      if (v > LIMIT) throw invalid();
    }
    d += v;
    if (d > LIMIT) throw invalid();
  }
  if (neg) return BigInt.asIntN(64, -d);
  if (d > INT64_MAX) throw invalid();
  return d;
}

/** Range limits of time.Duration, for callers that clamp (Time.Sub saturates to these). */
export const MIN_DURATION = INT64_MIN;
export const MAX_DURATION = INT64_MAX;
