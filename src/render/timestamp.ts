/**
 * `--since` values (api/types/time GetTimestamp, docker 28): a Go duration relative to now,
 * an RFC 3339-like date/time (local zone unless it names one), or a Unix timestamp, turned
 * into the "seconds[.nanoseconds]" text the daemon takes. Errors carry Go's messages
 * (time.Parse's ParseError, "failed to parse value as time or duration: …").
 *
 * time.Parse is reproduced for the layout elements GetTimestamp's layouts use: 2006 01 02 15
 * 04 05, .999999999, Z07:00 and literal text. Pure: the clock and local offset are arguments.
 */
import { daysFromCivil, daysIn } from './gotime.ts';
import { goTimeQuote, parseDuration } from './duration.ts';
import { quote } from '../go/quote.ts';

/** time.ParseError, with Go's Error() text as the message. */
export class GoParseError extends Error {}

const enum El {
  None,
  LongYear, // 2006
  ZeroMonth, // 01
  ZeroDay, // 02
  Hour, // 15
  ZeroMinute, // 04
  ZeroSecond, // 05
  Frac9, // .999999999
  ISOColonTZ, // Z07:00
}

interface Chunk {
  readonly prefix: string;
  readonly el: El;
  readonly text: string;
  readonly suffix: string;
}

const ELEMENTS: ReadonlyArray<[string, El]> = [
  ['2006', El.LongYear],
  ['01', El.ZeroMonth],
  ['02', El.ZeroDay],
  ['15', El.Hour],
  ['04', El.ZeroMinute],
  ['05', El.ZeroSecond],
  ['.999999999', El.Frac9],
  ['Z07:00', El.ISOColonTZ],
];

/** nextStdChunk, for the layouts below (their only elements are those in ELEMENTS). */
function nextChunk(layout: string): Chunk {
  for (let i = 0; i < layout.length; i++) {
    for (const [text, el] of ELEMENTS) {
      if (layout.startsWith(text, i)) return { prefix: layout.slice(0, i), el, text, suffix: layout.slice(i + text.length) };
    }
  }
  return { prefix: layout, el: El.None, text: '', suffix: '' };
}

const isDigit = (s: string, i: number): boolean => i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;

/** getnum: one or two digits (exactly two when fixed). */
function getnum(s: string, fixed: boolean): [number, string] | undefined {
  if (!isDigit(s, 0)) return undefined;
  if (!isDigit(s, 1)) return fixed ? undefined : [s.charCodeAt(0) - 48, s.slice(1)];
  return [(s.charCodeAt(0) - 48) * 10 + (s.charCodeAt(1) - 48), s.slice(2)];
}

/** skip: consume the literal prefix (a space matches any run of spaces). */
function skip(value: string, prefix: string): string | undefined {
  let v = value;
  let p = prefix;
  while (p.length > 0) {
    if (p[0] === ' ') {
      if (v.length > 0 && v[0] !== ' ') return undefined;
      p = p.replace(/^ +/, '');
      v = v.replace(/^ +/, '');
      continue;
    }
    if (v.length === 0 || v[0] !== p[0]) return undefined;
    p = p.slice(1);
    v = v.slice(1);
  }
  return v;
}

function parseError(layout: string, value: string, layoutElem: string, valueElem: string, message: string): GoParseError {
  if (message === '') {
    return new GoParseError(
      `parsing time ${goTimeQuote(value)} as ${goTimeQuote(layout)}: cannot parse ${goTimeQuote(valueElem)} as ${goTimeQuote(layoutElem)}`,
    );
  }
  return new GoParseError(`parsing time ${goTimeQuote(value)}${message}`);
}

/** A parsed instant: Unix seconds and nanoseconds. */
export interface Instant {
  readonly sec: number;
  readonly nsec: number;
}

/**
 * time.Parse / time.ParseInLocation for these layouts; `offset` (seconds east of UTC) is the
 * location used when the text names no zone. Throws GoParseError.
 */
export function goParse(layout: string, input: string, offset: number): Instant {
  let rest = layout;
  let value = input;
  let year = 0;
  let month = -1;
  let day = -1;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let nsec = 0;
  let zoneOffset: number | undefined;
  for (;;) {
    const { prefix, el, text, suffix } = nextChunk(rest);
    const skipped = skip(value, prefix);
    if (skipped === undefined) throw parseError(layout, input, prefix, value, '');
    value = skipped;
    if (el === El.None) {
      if (value.length !== 0) throw parseError(layout, input, '', value, `: extra text: ${goTimeQuote(value)}`);
      break;
    }
    rest = suffix;
    const hold = value;
    let bad = false;
    let rangeErr = '';
    const num = (fixed: boolean): number => {
      const r = getnum(value, fixed);
      if (!r) {
        bad = true;
        return 0;
      }
      value = r[1];
      return r[0];
    };
    switch (el) {
      case El.LongYear:
        if (value.length < 4 || !isDigit(value, 0)) {
          bad = true;
          break;
        }
        if (!/^\d{4}/.test(value)) {
          bad = true;
          break;
        }
        year = Number(value.slice(0, 4));
        value = value.slice(4);
        break;
      case El.ZeroMonth:
        month = num(true);
        if (!bad && (month <= 0 || month > 12)) rangeErr = 'month';
        break;
      case El.ZeroDay:
        day = num(true);
        break;
      case El.Hour:
        hour = num(false);
        if (hour < 0 || hour >= 24) rangeErr = 'hour';
        break;
      case El.ZeroMinute:
        min = num(true);
        if (min < 0 || min >= 60) rangeErr = 'minute';
        break;
      case El.ZeroSecond: {
        sec = num(true);
        if (bad) break;
        if (sec < 0 || sec >= 60) {
          rangeErr = 'second';
          break;
        }
        // A fraction in the text but none in the layout is still read.
        if (value.length >= 2 && (value[0] === '.' || value[0] === ',') && isDigit(value, 1)) {
          if (nextChunk(rest).el === El.Frac9) break;
          let n = 2;
          while (n < value.length && isDigit(value, n)) n++;
          nsec = nanoseconds(value, n);
          value = value.slice(n);
        }
        break;
      }
      case El.Frac9: {
        if (value.length < 2 || !(value[0] === '.' || value[0] === ',') || !isDigit(value, 1)) break;
        let i = 0;
        while (i + 1 < value.length && isDigit(value, i + 1)) i++;
        nsec = nanoseconds(value, 1 + i);
        value = value.slice(1 + i);
        break;
      }
      case El.ISOColonTZ: {
        if (value.length >= 1 && value[0] === 'Z') {
          value = value.slice(1);
          zoneOffset = 0;
          break;
        }
        if (value.length < 6 || value[3] !== ':') {
          bad = true;
          break;
        }
        const sign = value[0];
        const hh = getnum(value.slice(1, 3), true);
        const mm = getnum(value.slice(4, 6), true);
        value = value.slice(6);
        if (!hh || !mm) {
          bad = true;
          break;
        }
        if (hh[0] > 24) rangeErr = 'time zone offset hour';
        if (mm[0] > 60) rangeErr = 'time zone offset minute';
        zoneOffset = (hh[0] * 60 + mm[0]) * 60;
        if (sign === '-') zoneOffset = -zoneOffset;
        else if (sign !== '+') bad = true;
        break;
      }
    }
    if (rangeErr !== '') throw parseError(layout, input, text, value, `: ${rangeErr} out of range`);
    if (bad) throw parseError(layout, input, text, hold, '');
  }
  if (month < 0) month = 1;
  if (day < 0) day = 1;
  if (day < 1 || day > daysIn(month, year)) throw parseError(layout, input, '', value, ': day out of range');
  const local = daysFromCivil(year, month, day) * 86400 + hour * 3600 + min * 60 + sec;
  return { sec: local - (zoneOffset ?? offset), nsec };
}

/** parseNanoseconds: at most 9 digits, scaled to nanoseconds. */
function nanoseconds(value: string, nbytes: number): number {
  const n = Math.min(nbytes, 10);
  const digits = value.slice(1, n);
  return Number(digits) * 10 ** (10 - n);
}

/** strconv.ParseInt(s, 10, 64) success, as parseTimestamp needs it ("123", "-1", "+5"). */
function isInt(s: string): boolean {
  return /^[+-]?\d+$/.test(s) && BigInt(s) >= -(1n << 63n) && BigInt(s) < 1n << 63n;
}

/** parseTimestamp: "seconds" or "seconds.nanoseconds". */
function validUnixTimestamp(value: string): boolean {
  const dot = value.indexOf('.');
  if (dot < 0) return isInt(value);
  return isInt(value.slice(0, dot)) && isInt(value.slice(dot + 1));
}

/**
 * GetTimestamp(value, now): the since/until value docker sends. `nowNanos` is the clock in
 * Unix nanoseconds, `localOffset` the local zone's offset east of UTC in seconds.
 */
export function getTimestamp(value: string, nowNanos: bigint, localOffset: number): string {
  if (value !== '0') {
    let d: bigint | undefined;
    try {
      d = parseDuration(value);
    } catch {
      d = undefined;
    }
    if (d !== undefined) {
      const t = nowNanos - d;
      const secs = t / 1_000_000_000n - (t % 1_000_000_000n < 0n ? 1n : 0n);
      return secs.toString();
    }
  }
  const inLocation = !/[zZ+]/.test(value) && value.split('-').length - 1 !== 3;
  let format: string;
  if (value.includes('.')) {
    format = inLocation ? '2006-01-02T15:04:05.999999999' : '2006-01-02T15:04:05.999999999Z07:00';
  } else if (value.includes('T')) {
    let colons = value.split(':').length - 1;
    if (!inLocation && !/[zZ]/.test(value) && colons > 0) colons--;
    if (inLocation) format = colons === 0 ? '2006-01-02T15' : colons === 1 ? '2006-01-02T15:04' : '2006-01-02T15:04:05';
    else format = colons === 0 ? '2006-01-02T15Z07:00' : colons === 1 ? '2006-01-02T15:04Z07:00' : '2006-01-02T15:04:05Z07:00';
  } else {
    format = inLocation ? '2006-01-02' : '2006-01-02Z07:00';
  }
  let t: Instant;
  try {
    t = goParse(format, value, inLocation ? localOffset : 0);
  } catch (e) {
    if (value.includes('-')) throw e;
    if (!validUnixTimestamp(value)) throw new GoParseError(`failed to parse value as time or duration: ${quote(value)}`);
    return value;
  }
  return `${t.sec}.${String(t.nsec).padStart(9, '0')}`;
}
