/**
 * Template-facing wrappers for Go named types whose printing differs from their JSON:
 * time.Duration ("1m30s"), time.Time ("2024-03-01 10:11:12 +0000 UTC"), os.FileMode
 * ("-rw-r--r--"), and the time.Month / time.Weekday results of Time methods.
 *
 * Each follows src/render/govalue.ts: goType names the type as %T prints it, goFormat is its
 * String method, goScalar is the value underneath (for eq/lt and truth), toJSON is what
 * encoding/json writes. Exported methods carry Go's names, for templates that call them
 * ({{.CreatedAt.Format "2006-01-02"}}, {{.Spec.UpdateConfig.Delay.Seconds}}).
 */
import { goFormat, goScalar, goType } from '../govalue.ts';
import { GoNumber } from '../template/values.ts';
import { formatDuration, durationHours, durationMinutes, durationSeconds, toNanos, type DurationLike } from '../duration.ts';
import {
  type GoTime,
  ZERO_TIME,
  formatGoTime,
  formatRFC3339Nano,
  goTimeString,
  isZeroTime,
  monthName,
  timeFields,
  timeSub,
  unixNanos,
  weekdayName,
} from '../gotime.ts';

/** time.Duration: prints with Duration.String, encodes as its nanosecond count. */
export class GoDuration {
  readonly [goType] = 'time.Duration';
  readonly [goScalar]: number | bigint;
  readonly ns: bigint;

  constructor(d: DurationLike) {
    this.ns = toNanos(d);
    const n = Number(this.ns);
    this[goScalar] = Number.isSafeInteger(n) ? n : this.ns;
  }

  [goFormat](): string {
    return formatDuration(this.ns);
  }

  toJSON(): number {
    return Number(this.ns);
  }

  String(): string {
    return formatDuration(this.ns);
  }
  Nanoseconds(): GoNumber {
    return new GoNumber(this.ns, 'int64');
  }
  Microseconds(): GoNumber {
    return new GoNumber(this.ns / 1000n, 'int64');
  }
  Milliseconds(): GoNumber {
    return new GoNumber(this.ns / 1_000_000n, 'int64');
  }
  Seconds(): GoNumber {
    return new GoNumber(durationSeconds(this.ns), 'float64');
  }
  Minutes(): GoNumber {
    return new GoNumber(durationMinutes(this.ns), 'float64');
  }
  Hours(): GoNumber {
    return new GoNumber(durationHours(this.ns), 'float64');
  }
  Abs(): GoDuration {
    if (this.ns >= 0n) return this;
    return new GoDuration(this.ns === -(1n << 63n) ? (1n << 63n) - 1n : -this.ns);
  }
}

/** A named integer with a String method (time.Month, time.Weekday). */
export class GoNamedInt {
  readonly [goScalar]: number;
  constructor(
    readonly type: string,
    readonly value: number,
    private readonly text: string,
  ) {
    this[goScalar] = value;
  }
  get [goType](): string {
    return this.type;
  }
  [goFormat](): string {
    return this.text;
  }
  toJSON(): number {
    return this.value;
  }
  String(): string {
    return this.text;
  }
}

/**
 * A value of a named string type (swarm.NodeRole, swarm.TaskState, mount.Type, …): prints and
 * compares as its string, but %T names the type ("swarm.NodeRole").
 */
export class GoNamedString {
  readonly [goScalar]: string;
  constructor(
    readonly type: string,
    readonly value: string,
  ) {
    this[goScalar] = value;
  }
  get [goType](): string {
    return this.type;
  }
  toJSON(): string {
    return this.value;
  }
  toString(): string {
    return this.value;
  }
}

/**
 * time.Time: prints with Time.String ("2024-03-01 10:11:12.3456789 +0000 UTC"), encodes as
 * RFC 3339 with nanoseconds (MarshalJSON), compares by its RFC 3339 text.
 */
export class GoTimeValue {
  readonly [goType] = 'time.Time';
  readonly [goScalar]: string;

  constructor(readonly time: GoTime = ZERO_TIME) {
    this[goScalar] = formatRFC3339Nano(time);
  }

  [goFormat](): string {
    return goTimeString(this.time);
  }

  toJSON(): string {
    return formatRFC3339Nano(this.time);
  }

  String(): string {
    return goTimeString(this.time);
  }
  Format(layout: string): string {
    return formatGoTime(this.time, layout);
  }
  IsZero(): boolean {
    return isZeroTime(this.time);
  }
  Year(): number {
    return timeFields(this.time).year;
  }
  Month(): GoNamedInt {
    const m = timeFields(this.time).month;
    return new GoNamedInt('time.Month', m, monthName(m));
  }
  Day(): number {
    return timeFields(this.time).day;
  }
  Weekday(): GoNamedInt {
    const d = timeFields(this.time).weekday;
    return new GoNamedInt('time.Weekday', d, weekdayName(d));
  }
  YearDay(): number {
    return timeFields(this.time).yday;
  }
  Hour(): number {
    return timeFields(this.time).hour;
  }
  Minute(): number {
    return timeFields(this.time).minute;
  }
  Second(): number {
    return timeFields(this.time).second;
  }
  Nanosecond(): number {
    return this.time.nsec;
  }
  Unix(): GoNumber {
    return new GoNumber(this.time.sec, 'int64');
  }
  UnixMilli(): GoNumber {
    return new GoNumber(unixNanos(this.time) / 1_000_000n, 'int64');
  }
  UnixMicro(): GoNumber {
    return new GoNumber(unixNanos(this.time) / 1000n, 'int64');
  }
  UnixNano(): GoNumber {
    return new GoNumber(unixNanos(this.time), 'int64');
  }
  UTC(): GoTimeValue {
    return new GoTimeValue({ ...this.time, zoneName: 'UTC', offset: 0 });
  }
  Sub(u: GoTimeValue): GoDuration {
    return new GoDuration(timeSub(this.time, u.time));
  }
  Before(u: GoTimeValue): boolean {
    return unixNanos(this.time) < unixNanos(u.time);
  }
  After(u: GoTimeValue): boolean {
    return unixNanos(this.time) > unixNanos(u.time);
  }
  Equal(u: GoTimeValue): boolean {
    return unixNanos(this.time) === unixNanos(u.time);
  }
}

/**
 * fs.FileMode.String: type letters "dalTLDpSugct?" for the set high bits (or "-"), then
 * rwxrwxrwx. // go/src/io/fs/fs.go (FileMode).String
 */
export function fileModeString(m: number): string {
  const str = 'dalTLDpSugct?';
  let out = '';
  for (let i = 0; i < str.length; i++) {
    if ((m >>> (31 - i)) & 1) out += str[i];
  }
  if (out === '') out = '-';
  const rwx = 'rwxrwxrwx';
  for (let i = 0; i < 9; i++) out += (m >>> (8 - i)) & 1 ? rwx[i] : '-';
  return out;
}

/** os.FileMode (%T "fs.FileMode"): prints as "-r--r--r--", encodes as its number. */
export class GoFileMode {
  readonly [goType] = 'fs.FileMode';
  readonly [goScalar]: GoNumber;
  constructor(readonly mode: number) {
    this[goScalar] = new GoNumber(mode >>> 0, 'uint32');
  }
  [goFormat](): string {
    return fileModeString(this.mode >>> 0);
  }
  toJSON(): number {
    return this.mode >>> 0;
  }
  String(): string {
    return fileModeString(this.mode >>> 0);
  }
  IsDir(): boolean {
    return ((this.mode >>> 31) & 1) === 1;
  }
  IsRegular(): boolean {
    // ModeType: ModeDir | ModeSymlink | ModeNamedPipe | ModeSocket | ModeDevice | ModeCharDevice | ModeIrregular
    const MODE_TYPE = 0x8f280000;
    return ((this.mode & MODE_TYPE) >>> 0) === 0;
  }
  Perm(): GoFileMode {
    return new GoFileMode(this.mode & 0o777);
  }
}
