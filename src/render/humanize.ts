/**
 * github.com/docker/go-units (v0.5.0) human-readable durations and sizes, as docker prints
 * them in CURRENT STATE ("Running 2 minutes ago"), CREATED ("About a minute ago") and
 * `node inspect --pretty` memory ("15.62GiB").
 */
import { type DurationLike, durationSeconds, durationMinutes, durationHours } from './duration.ts';
import { formatFloat } from './gotypes/float.ts';
import { type GoTimeInput, type NowInput, timeSub } from './gotime.ts';

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
