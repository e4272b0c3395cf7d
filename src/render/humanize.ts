/**
 * github.com/docker/go-units (v0.5.0) human-readable durations and sizes, as docker prints
 * them in CURRENT STATE ("Running 2 minutes ago"), CREATED ("About a minute ago") and
 * `node inspect --pretty` memory ("15.62GiB").
 */
import { type DurationLike, durationSeconds, durationMinutes, durationHours } from './duration.ts';
import { formatFloat } from '../go/strconv.ts';
import { type GoTime, type GoTimeInput, type NowInput, timeSub } from './gotime.ts';

/**
 * units.HumanDuration: seconds and minutes are truncated, hours rounded (int(h+0.5)), the
 * years branch truncates hours again. Anything under 1s, including negatives, is
 * "Less than a second".
 * // go-units duration.go HumanDuration
 */
export function humanDuration(d: DurationLike): string {
  const seconds = Math.trunc(durationSeconds(d));
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(durationMinutes(d));
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.trunc(durationHours(d) + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(Math.trunc(hours / 24) / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(Math.trunc(hours / 24) / 30)} months`;
  return `${Math.trunc(Math.trunc(Math.trunc(durationHours(d)) / 24) / 365)} years`;
}

/**
 * HumanDuration(now − then) + " ago", the form config/secret ls and `service inspect --pretty`
 * print ("About a minute ago", "Less than a second ago"). Task CURRENT STATE lower-cases the
 * HumanDuration part: use `humanDuration(since(then, now)).toLowerCase()` there.
 * // docker/cli cli/command/config/formatter.go CreatedAt, service/formatter.go UpdateStatusStarted
 */
export function timeAgo(then: GoTimeInput, now: NowInput): string {
  return humanDuration(since(then, now)) + ' ago';
}

/** time.Since(then) with an explicit clock: now − then in nanoseconds (saturating like Time.Sub). */
export function since(then: GoTimeInput, now: NowInput): bigint {
  return timeSub(now, then);
}

/** Beyond this many seconds apart Time.Sub could saturate (±2^63 ns is ±292 years): exact path. */
const FAST_SINCE_MAX_SECONDS = 2 ** 33;

/**
 * humanDuration(since(then, now)) for a clock reading as a Date, without BigInt arithmetic:
 * the same float64 steps (Duration.Seconds/Minutes/Hours: quotient plus remainder/unit) on
 * the exact integer parts of now − then. Task tables call it once per row.
 */
export function humanDurationSince(then: GoTime, now: NowInput): string {
  if (!(now instanceof Date)) return humanDuration(since(then, now));
  const ms = now.getTime();
  const nowSec = Math.floor(ms / 1000);
  let sec = nowSec - then.sec;
  let ns = (ms - nowSec * 1000) * 1_000_000 - then.nsec;
  if (ns < 0) {
    ns += 1_000_000_000;
    sec -= 1;
  }
  // now − then = sec·1e9 + ns, 0 ≤ ns < 1e9.
  if (!Number.isSafeInteger(sec) || Math.abs(sec) > FAST_SINCE_MAX_SECONDS) return humanDuration(since(then, now));
  // Negative durations (a clock behind the daemon's) are all "Less than a second".
  if (sec < 0) return 'Less than a second';
  const seconds = Math.trunc(sec + ns / 1e9);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const qm = Math.floor(sec / 60);
  const minutes = Math.trunc(qm + ((sec - qm * 60) * 1e9 + ns) / (60 * 1e9));
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const qh = Math.floor(sec / 3600);
  const hoursF = qh + ((sec - qh * 3600) * 1e9 + ns) / (60 * 60 * 1e9);
  const hours = Math.trunc(hoursF + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(Math.trunc(hours / 24) / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(Math.trunc(hours / 24) / 30)} months`;
  return `${Math.trunc(Math.trunc(Math.trunc(hoursF) / 24) / 365)} years`;
}

const DECIMAL_ABBRS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'] as const;
const BINARY_ABBRS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'] as const;

function sizeAndUnit(size: number, base: number, map: readonly string[]): [number, string] {
  let i = 0;
  const unitsLimit = map.length - 1;
  while (size >= base && i < unitsLimit) {
    size /= base;
    i++;
  }
  return [size, map[i] as string];
}

/**
 * units.HumanSizeWithPrecision: 1000-based, `%.<precision>g` + unit, no space ("1.5kB").
 * // go-units size.go HumanSizeWithPrecision
 */
export function humanSizeWithPrecision(size: number, precision: number): string {
  const [v, unit] = sizeAndUnit(size, 1000, DECIMAL_ABBRS);
  return formatFloat(v, 'g', precision) + unit;
}

/**
 * units.HumanSize: 1000-based with 4 significant digits ("2.746MB", "796kB", "1000kB" for
 * 999950 because rounding happens after the unit is chosen).
 * // go-units size.go HumanSize
 */
export function humanSize(size: number): string {
  return humanSizeWithPrecision(size, 4);
}

/**
 * units.BytesSize: 1024-based, `%.4g` + unit ("64MiB", "1.5KiB", "15.62GiB" — Go rounds the
 * exact tie 15.625 to even).
 * // go-units size.go BytesSize / CustomSize
 */
export function bytesSize(size: number): string {
  const [v, unit] = sizeAndUnit(size, 1024, BINARY_ABBRS);
  return formatFloat(v, 'g', 4) + unit;
}
