/**
 * Go's time.Time as docker's client sees the daemon's timestamps: parsed from RFC 3339 the
 * way Time.UnmarshalJSON does (nanosecond precision kept, never via JS Date), printed with
 * Time.String() ("2024-03-01 10:11:12.3456789 +0000 UTC") or any Go layout (Time.Format).
 *
 * Mirrors go/src/time/format_rfc3339.go (parseRFC3339, appendFormatRFC3339) and
 * go/src/time/format.go (nextStdChunk, appendFormat, appendNano, String).
 */
import { goTimeQuote } from './duration.ts';

/** An instant plus the zone it is displayed in, as a Go time.Time carries them. */
export interface GoTime {
  /** Unix seconds (years 0000–9999 fit exactly in a double). */
  readonly sec: number;
  /** Nanoseconds within the second, 0..999999999. */
  readonly nsec: number;
  /** Zone abbreviation ("UTC", "CET"); "" for a fabricated fixed zone (prints as "+0100"). */
  readonly zoneName: string;
  /** Zone offset in seconds east of UTC. */
  readonly offset: number;
}

/** Go's time.Local as far as parsing needs it: the zone in effect at an instant. */
export interface LocalZone {
  lookup(unixSec: number): { readonly name: string; readonly offset: number };
}

/** A zone with one fixed offset, like time.FixedZone(name, offset). */
export function fixedZone(name: string, offset: number): LocalZone {
  const zone = { name, offset };
  return { lookup: () => zone };
}

/** time.Local when TZ is unset or "UTC" and no /etc/localtime: UTC named "UTC". */
export const UTC_LOCAL: LocalZone = fixedZone('UTC', 0);

/** Seconds from 0001-01-01 to 1970-01-01. */
const ZERO_UNIX = -62135596800;

/** The zero time.Time (0001-01-01 00:00:00 +0000 UTC): what a missing time field holds. */
export const ZERO_TIME: GoTime = Object.freeze({ sec: ZERO_UNIX, nsec: 0, zoneName: 'UTC', offset: 0 });

/** Time.IsZero. */
export function isZeroTime(t: GoTime): boolean {
  return t.sec === ZERO_UNIX && t.nsec === 0;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1..12). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [year, month 1..12, day] of a day count since 1970-01-01. */
export function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

const DAYS_IN_MONTH: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The days in month m (1-12) of year y. */
export function daysIn(m: number, y: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return DAYS_IN_MONTH[m - 1] ?? 31;
}

/** The error Time.UnmarshalJSON reports for text that is not RFC 3339. */
export class GoTimeParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoTimeParseError';
  }
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/**
 * Parses an RFC 3339 timestamp as Time.UnmarshalJSON does (fast path of parseStrictRFC3339):
 * fraction digits beyond 9 are truncated; "Z" gives the UTC location; a numeric offset takes
 * the local zone's name when Local has that offset at that instant, otherwise a nameless
 * fixed zone. Text the fast path rejects throws GoTimeParseError (Go would retry with the
 * lenient time.Parse; the daemon never sends such text).
 * // go/src/time/format_rfc3339.go parseRFC3339, go/src/time/time.go (*Time).UnmarshalJSON
 */
export function parseRFC3339(s: string, local: LocalZone = UTC_LOCAL): GoTime {
  // Task lists parse two timestamps per row: digits are read in place (no slices, no closures).
  if (s.length < 19) throw rfc3339Error(s);
  const year = digitsIn(s, 0, 4, 0, 9999);
  const month = digitsIn(s, 5, 7, 1, 12);
  const day = digitsIn(s, 8, 10, 1, daysIn(month < 0 ? 1 : month, year < 0 ? 0 : year));
  const hour = digitsIn(s, 11, 13, 0, 23);
  const min = digitsIn(s, 14, 16, 0, 59);
  const sec = digitsIn(s, 17, 19, 0, 59);
  if (
    year < 0 || month < 0 || day < 0 || hour < 0 || min < 0 || sec < 0 ||
    s.charCodeAt(4) !== 0x2d || s.charCodeAt(7) !== 0x2d || s.charCodeAt(10) !== 0x54 || s.charCodeAt(13) !== 0x3a || s.charCodeAt(16) !== 0x3a
  ) {
    throw rfc3339Error(s);
  }
  let pos = 19;
  let nsec = 0;
  if (s.length - pos >= 2 && s.charCodeAt(pos) === 0x2e && isDigitAt(s, pos + 1)) {
    let n = pos + 2;
    while (n < s.length && isDigitAt(s, n)) n++;
    // parseNanoseconds: at most 9 digits are used, the rest is dropped (truncation).
    const end = Math.min(n, pos + 10);
    for (let i = pos + 1; i < end; i++) nsec = nsec * 10 + (s.charCodeAt(i) - 48);
    for (let k = end - pos - 1; k < 9; k++) nsec *= 10;
    pos = n;
  }

  let unix = daysFromCivil(year, month, day) * 86400 + hour * 3600 + min * 60 + sec;
  const left = s.length - pos;
  if (left === 1 && s.charCodeAt(pos) === 0x5a) {
    return { sec: unix, nsec, zoneName: 'UTC', offset: 0 };
  }
  if (left !== 6) throw rfc3339Error(s);
  const hr = digitsIn(s, pos + 1, pos + 3, 0, 23);
  const mm = digitsIn(s, pos + 4, pos + 6, 0, 59);
  const sign = s.charCodeAt(pos);
  if (hr < 0 || mm < 0 || !((sign === 0x2d || sign === 0x2b) && s.charCodeAt(pos + 3) === 0x3a)) throw rfc3339Error(s);
  let zoneOffset = (hr * 60 + mm) * 60;
  if (sign === 0x2d) zoneOffset = -zoneOffset;
  unix -= zoneOffset;
  const localZone = local.lookup(unix);
  if (localZone.offset === zoneOffset) {
    return { sec: unix, nsec, zoneName: localZone.name, offset: zoneOffset };
  }
  return { sec: unix, nsec, zoneName: '', offset: zoneOffset };
}

/** The number in s[from:to] if it is all ASCII digits within [min, max], else -1. */
function digitsIn(s: string, from: number, to: number, min: number, max: number): number {
  let x = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    x = x * 10 + (c - 48);
  }
  return x < min || max < x ? -1 : x;
}

function rfc3339Error(s: string): GoTimeParseError {
  return new GoTimeParseError(`parsing time ${goTimeQuote(s)} as "2006-01-02T15:04:05Z07:00": cannot parse ${goTimeQuote(s)} as "2006"`);
}

// ---------------------------------------------------------------------------------------------
// Layout formatting (Time.Format).

const enum Std {
  None = 0,
  LongMonth, // "January"
  Month, // "Jan"
  NumMonth, // "1"
  ZeroMonth, // "01"
  LongWeekDay, // "Monday"
  WeekDay, // "Mon"
  Day, // "2"
  UnderDay, // "_2"
  ZeroDay, // "02"
  UnderYearDay, // "__2"
  ZeroYearDay, // "002"
  Hour, // "15"
  Hour12, // "3"
  ZeroHour12, // "03"
  Minute, // "4"
  ZeroMinute, // "04"
  Second, // "5"
  ZeroSecond, // "05"
  LongYear, // "2006"
  Year, // "06"
  PM, // "PM"
  pm, // "pm"
  TZ, // "MST"
  ISO8601TZ, // "Z0700"
  ISO8601SecondsTZ, // "Z070000"
  ISO8601ShortTZ, // "Z07"
  ISO8601ColonTZ, // "Z07:00"
  ISO8601ColonSecondsTZ, // "Z07:00:00"
  NumTZ, // "-0700"
  NumSecondsTz, // "-070000"
  NumShortTZ, // "-07"
  NumColonTZ, // "-07:00"
  NumColonSecondsTZ, // "-07:00:00"
  FracSecond0, // ".0", ".00", … trailing zeros included
  FracSecond9, // ".9", ".99", … trailing zeros omitted
}

interface Chunk {
  prefix: string;
  std: Std;
  /** Digits of a fractional-second element, and its separator ('.' or ','). */
  fracDigits: number;
  fracSep: string;
  suffix: string;
}

const STD0X = [Std.ZeroMonth, Std.ZeroDay, Std.ZeroHour12, Std.ZeroMinute, Std.ZeroSecond, Std.Year] as const;

function startsWithLowerCase(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 97 && c <= 122;
}

/** nextStdChunk: the text before the first layout element, the element, and the rest. */
function nextStdChunk(layout: string): Chunk {
  const mk = (i: number, std: Std, len: number, prefixEnd = i): Chunk => ({
    prefix: layout.slice(0, prefixEnd),
    std,
    fracDigits: 0,
    fracSep: '.',
    suffix: layout.slice(i + len),
  });
  const at = (i: number, s: string): boolean => layout.startsWith(s, i);
  for (let i = 0; i < layout.length; i++) {
    const c = layout[i];
    switch (c) {
      case 'J': // January, Jan
        if (at(i, 'Jan')) {
          if (at(i, 'January')) return mk(i, Std.LongMonth, 7);
          if (!startsWithLowerCase(layout.slice(i + 3))) return mk(i, Std.Month, 3);
        }
        break;
      case 'M': // Monday, Mon, MST
        if (at(i, 'Mon')) {
          if (at(i, 'Monday')) return mk(i, Std.LongWeekDay, 6);
          if (!startsWithLowerCase(layout.slice(i + 3))) return mk(i, Std.WeekDay, 3);
        }
        if (at(i, 'MST')) return mk(i, Std.TZ, 3);
        break;
      case '0': {
        // 01, 02, 03, 04, 05, 06, 002
        const n = layout.charCodeAt(i + 1);
        if (n >= 49 && n <= 54) return mk(i, STD0X[n - 49] as Std, 2);
        if (at(i, '002')) return mk(i, Std.ZeroYearDay, 3);
        break;
      }
      case '1': // 15, 1
        if (layout[i + 1] === '5') return mk(i, Std.Hour, 2);
        return mk(i, Std.NumMonth, 1);
      case '2': // 2006, 2
        if (at(i, '2006')) return mk(i, Std.LongYear, 4);
        return mk(i, Std.Day, 1);
      case '_': // _2, _2006, __2
        if (layout[i + 1] === '2') {
          // _2006 is really a literal _, followed by stdLongYear
          if (at(i + 1, '2006')) return mk(i + 1, Std.LongYear, 4, i + 1);
          return mk(i, Std.UnderDay, 2);
        }
        if (at(i, '__2')) return mk(i, Std.UnderYearDay, 3);
        break;
      case '3':
        return mk(i, Std.Hour12, 1);
      case '4':
        return mk(i, Std.Minute, 1);
      case '5':
        return mk(i, Std.Second, 1);
      case 'P': // PM
        if (layout[i + 1] === 'M') return mk(i, Std.PM, 2);
        break;
      case 'p': // pm
        if (layout[i + 1] === 'm') return mk(i, Std.pm, 2);
        break;
      case '-': // -070000, -07:00:00, -0700, -07:00, -07
        if (at(i, '-070000')) return mk(i, Std.NumSecondsTz, 7);
        if (at(i, '-07:00:00')) return mk(i, Std.NumColonSecondsTZ, 9);
        if (at(i, '-0700')) return mk(i, Std.NumTZ, 5);
        if (at(i, '-07:00')) return mk(i, Std.NumColonTZ, 6);
        if (at(i, '-07')) return mk(i, Std.NumShortTZ, 3);
        break;
      case 'Z': // Z070000, Z07:00:00, Z0700, Z07:00, Z07
        if (at(i, 'Z070000')) return mk(i, Std.ISO8601SecondsTZ, 7);
        if (at(i, 'Z07:00:00')) return mk(i, Std.ISO8601ColonSecondsTZ, 9);
        if (at(i, 'Z0700')) return mk(i, Std.ISO8601TZ, 5);
        if (at(i, 'Z07:00')) return mk(i, Std.ISO8601ColonTZ, 6);
        if (at(i, 'Z07')) return mk(i, Std.ISO8601ShortTZ, 3);
        break;
      case '.':
      case ',': {
        // ,000 or .000 or ,999 or .999: repeated digits for fractional seconds.
        const ch = layout[i + 1];
        if (ch === '0' || ch === '9') {
          let j = i + 1;
          while (j < layout.length && layout[j] === ch) j++;
          // String of digits must end here - only fractional second is all digits.
          if (!isDigitAt(layout, j)) {
            return {
              prefix: layout.slice(0, i),
              std: ch === '9' ? Std.FracSecond9 : Std.FracSecond0,
              fracDigits: j - (i + 1),
              fracSep: c,
              suffix: layout.slice(j),
            };
          }
        }
        break;
      }
    }
  }
  return { prefix: layout, std: Std.None, fracDigits: 0, fracSep: '.', suffix: '' };
}

const LONG_DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const LONG_MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** time.Month.String(). */
export function monthName(m: number): string {
  return LONG_MONTH_NAMES[m - 1] ?? `%!Month(${m})`;
}

/** time.Weekday.String(). */
export function weekdayName(d: number): string {
  return LONG_DAY_NAMES[d] ?? `%!Weekday(${d})`;
}

/** appendInt: decimal x, zero-padded to width (sign excluded). */
function pad(x: number, width: number): string {
  const neg = x < 0;
  const s = String(Math.abs(x)).padStart(width, '0');
  return neg ? '-' + s : s;
}

/** appendNano: the fractional second with n digits (trimmed of trailing zeros for .999). */
function nano(nsec: number, n: number, sep: string, trim: boolean): string {
  if (trim && (n === 0 || nsec === 0)) return '';
  let s = pad(nsec, 9);
  if (n < 9) s = s.slice(0, n);
  if (trim) s = s.replace(/0+$/, '');
  return s === '' && trim ? '' : sep + s;
}

/** The calendar fields of t in its own zone. */
export interface GoTimeFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  yday: number;
  weekday: number;
}

/** Year, month, day, clock, day of year and weekday of t as seen in t's zone. */
export function timeFields(t: GoTime): GoTimeFields {
  const abs = t.sec + t.offset;
  const days = Math.floor(abs / 86400);
  const secOfDay = abs - days * 86400;
  const [year, month, day] = civilFromDays(days);
  return {
    year,
    month,
    day,
    hour: Math.floor(secOfDay / 3600),
    minute: Math.floor((secOfDay % 3600) / 60),
    second: secOfDay % 60,
    yday: days - daysFromCivil(year, 1, 1) + 1,
    weekday: (((days + 4) % 7) + 7) % 7, // 1970-01-01 was a Thursday
  };
}

/**
 * Time.Format(layout) with Go's reference-time layouts ("2006-01-02 15:04:05.999999999 -0700 MST").
 * // go/src/time/format.go (Time).appendFormat
 */
export function formatGoTime(t: GoTime, layout: string): string {
  const f = timeFields(t);
  const offset = t.offset;
  let out = '';
  while (layout !== '') {
    const { prefix, std, fracDigits, fracSep, suffix } = nextStdChunk(layout);
    out += prefix;
    if (std === Std.None) break;
    layout = suffix;
    switch (std) {
      case Std.Year:
        out += pad(Math.abs(f.year) % 100, 2);
        break;
      case Std.LongYear:
        out += pad(f.year, 4);
        break;
      case Std.Month:
        out += monthName(f.month).slice(0, 3);
        break;
      case Std.LongMonth:
        out += monthName(f.month);
        break;
      case Std.NumMonth:
        out += String(f.month);
        break;
      case Std.ZeroMonth:
        out += pad(f.month, 2);
        break;
      case Std.WeekDay:
        out += weekdayName(f.weekday).slice(0, 3);
        break;
      case Std.LongWeekDay:
        out += weekdayName(f.weekday);
        break;
      case Std.Day:
        out += String(f.day);
        break;
      case Std.UnderDay:
        out += (f.day < 10 ? ' ' : '') + String(f.day);
        break;
      case Std.ZeroDay:
        out += pad(f.day, 2);
        break;
      case Std.UnderYearDay:
        out += (f.yday < 100 ? (f.yday < 10 ? '  ' : ' ') : '') + String(f.yday);
        break;
      case Std.ZeroYearDay:
        out += pad(f.yday, 3);
        break;
      case Std.Hour:
        out += pad(f.hour, 2);
        break;
      case Std.Hour12:
        out += String(f.hour % 12 === 0 ? 12 : f.hour % 12);
        break;
      case Std.ZeroHour12:
        out += pad(f.hour % 12 === 0 ? 12 : f.hour % 12, 2);
        break;
      case Std.Minute:
        out += String(f.minute);
        break;
      case Std.ZeroMinute:
        out += pad(f.minute, 2);
        break;
      case Std.Second:
        out += String(f.second);
        break;
      case Std.ZeroSecond:
        out += pad(f.second, 2);
        break;
      case Std.PM:
        out += f.hour >= 12 ? 'PM' : 'AM';
        break;
      case Std.pm:
        out += f.hour >= 12 ? 'pm' : 'am';
        break;
      case Std.ISO8601TZ:
      case Std.ISO8601ColonTZ:
      case Std.ISO8601SecondsTZ:
      case Std.ISO8601ShortTZ:
      case Std.ISO8601ColonSecondsTZ:
      case Std.NumTZ:
      case Std.NumColonTZ:
      case Std.NumSecondsTz:
      case Std.NumShortTZ:
      case Std.NumColonSecondsTZ: {
        const iso =
          std === Std.ISO8601TZ ||
          std === Std.ISO8601ColonTZ ||
          std === Std.ISO8601SecondsTZ ||
          std === Std.ISO8601ShortTZ ||
          std === Std.ISO8601ColonSecondsTZ;
        // Ugly special case: the "Z" variants print Z for UTC.
        if (offset === 0 && iso) {
          out += 'Z';
          break;
        }
        let zone = Math.trunc(offset / 60); // minutes
        let absoffset = offset;
        if (zone < 0) {
          out += '-';
          zone = -zone;
          absoffset = -absoffset;
        } else {
          out += '+';
        }
        out += pad(Math.trunc(zone / 60), 2);
        const colon =
          std === Std.ISO8601ColonTZ ||
          std === Std.NumColonTZ ||
          std === Std.ISO8601ColonSecondsTZ ||
          std === Std.NumColonSecondsTZ;
        if (colon) out += ':';
        if (std !== Std.NumShortTZ && std !== Std.ISO8601ShortTZ) out += pad(zone % 60, 2);
        if (
          std === Std.ISO8601SecondsTZ ||
          std === Std.NumSecondsTz ||
          std === Std.NumColonSecondsTZ ||
          std === Std.ISO8601ColonSecondsTZ
        ) {
          if (std === Std.NumColonSecondsTZ || std === Std.ISO8601ColonSecondsTZ) out += ':';
          out += pad(absoffset % 60, 2);
        }
        break;
      }
      case Std.TZ: {
        if (t.zoneName !== '') {
          out += t.zoneName;
          break;
        }
        // No time zone known for this time, but we must print one. Use the -0700 format.
        let zone = Math.trunc(offset / 60);
        if (zone < 0) {
          out += '-';
          zone = -zone;
        } else {
          out += '+';
        }
        out += pad(Math.trunc(zone / 60), 2) + pad(zone % 60, 2);
        break;
      }
      case Std.FracSecond0:
        out += nano(t.nsec, fracDigits, fracSep, false);
        break;
      case Std.FracSecond9:
        out += nano(t.nsec, fracDigits, fracSep, true);
        break;
    }
  }
  return out;
}

/** time.Time.String()'s layout. */
export const TIME_STRING_LAYOUT = '2006-01-02 15:04:05.999999999 -0700 MST';

/** The layout Time.MarshalJSON uses (RFC3339Nano). */
export const RFC3339_NANO = '2006-01-02T15:04:05.999999999Z07:00';

/** Anything that denotes a time: a parsed GoTime or RFC 3339 text from the daemon. */
export type GoTimeInput = GoTime | string;

function toGoTime(t: GoTimeInput, local?: LocalZone): GoTime {
  return typeof t === 'string' ? parseRFC3339(t, local) : t;
}

/**
 * time.Time.String(): "2024-03-01 10:11:12.3456789 +0000 UTC" — fraction trimmed of
 * trailing zeros (and omitted when zero), zone abbreviation last. Parsed times carry no
 * monotonic reading, so there is never an "m=+…" suffix.
 * // go/src/time/format.go (Time).String
 */
export function goTimeString(t: GoTimeInput, local?: LocalZone): string {
  return formatGoTime(toGoTime(t, local), TIME_STRING_LAYOUT);
}

/** Time.MarshalJSON's text (RFC3339Nano; "Z" for a zero offset). */
export function formatRFC3339Nano(t: GoTime): string {
  return formatGoTime(t, RFC3339_NANO);
}

/** The clock reading a command passes in: a Date, milliseconds or (bigint) nanoseconds since the epoch, or a GoTime. */
export type NowInput = GoTimeInput | Date | number | bigint;

const NS = 1_000_000_000n;
const MIN_DUR = -(1n << 63n);
const MAX_DUR = (1n << 63n) - 1n;

function toUnixNanos(t: NowInput): bigint {
  if (typeof t === 'bigint') return t;
  if (typeof t === 'number') return BigInt(Math.floor(t)) * 1_000_000n;
  if (t instanceof Date) return BigInt(t.getTime()) * 1_000_000n;
  const g = toGoTime(t);
  return BigInt(g.sec) * NS + BigInt(g.nsec);
}

/**
 * Time.Sub: t − u in nanoseconds, saturating at the int64 range as Go does.
 * // go/src/time/time.go (Time).Sub
 */
export function timeSub(t: NowInput, u: NowInput): bigint {
  const d = toUnixNanos(t) - toUnixNanos(u);
  if (d < MIN_DUR) return MIN_DUR;
  if (d > MAX_DUR) return MAX_DUR;
  return d;
}

/** The GoTime for a clock reading (Date/ms/ns are shown in UTC, as time.Now().UTC()). */
export function goTimeOf(t: NowInput): GoTime {
  if (typeof t === 'string' || (typeof t === 'object' && !(t instanceof Date))) return toGoTime(t);
  const ns = toUnixNanos(t);
  const sec = ns / NS - (ns % NS < 0n ? 1n : 0n);
  return { sec: Number(sec), nsec: Number(ns - sec * NS), zoneName: 'UTC', offset: 0 };
}

/** Time.Unix, UnixNano as exact integers. */
export function unixNanos(t: GoTime): bigint {
  return BigInt(t.sec) * NS + BigInt(t.nsec);
}
