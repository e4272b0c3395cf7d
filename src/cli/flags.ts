/**
 * Flags as docker declares them (pflag): the type name shown in help, how a value parses,
 * and pflag's error texts. Commander does the parsing; these specs feed it.
 */
import { parseCIDR } from './ipnet.ts';
import { parseDuration } from '../render/duration.ts';
import { csvFirstRecord } from '../spec/gocsv.ts';

/**
 * pflag value types. 'map' (opts.MapOpts) as well as the last
 * three (docker's own flag.Value types, cli/command/swarm/opts.go) are parsed by the command that
 * declares them, through FlagSpec.parse.
 */
export type FlagType =
  | 'bool'
  | 'string'
  | 'filter'
  | 'list'
  | 'int'
  | 'int64'
  | 'uint32'
  | 'uint64'
  | 'stringArray'
  /** pflag StringSlice: comma-separated (CSV) and repeatable. */
  | 'stringSlice'
  | 'duration'
  | 'ipNetSlice'
  | 'map'
  | 'external-ca'
  | 'pem-file'
  | 'node-addr';

export interface FlagSpec {
  /** Long name without dashes, e.g. "filter". */
  readonly name: string;
  /** One-letter shorthand, e.g. "f". */
  readonly short?: string;
  readonly type: FlagType;
  readonly usage: string;
  /** pflag's DefValue text when it is not the zero value (shown as "(default …)"). */
  readonly defaultText?: string;
  readonly hidden?: boolean;
  /**
   * pflag's MarkDeprecated message: the flag is hidden from help and each use prints
   * `Flag --name has been deprecated, <message>` (cobra prints it on stdout, and only when
   * the command's flags parsed without error).
   */
  readonly deprecated?: string;
  /**
   * A flag.Value's Set for types parsed by the command (external-ca, pem-file, node-addr):
   * returns the new value (given the previous one, for repeatable flags) or throws an Error
   * whose message pflag puts after `invalid argument "…" for "--flag" flag: `.
   */
  readonly parse?: (value: string, previous: unknown) => unknown;
}

/** pflag's name for a flag in messages: "-q, --quiet" or "--format". */
export function flagDisplayName(f: FlagSpec): string {
  return f.short ? `-${f.short}, --${f.name}` : `--${f.name}`;
}

/** Go's strconv.ParseBool. */
export function parseGoBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

/** A bad flag value: pflag's message; the command adds cobra's usage footer. */
export class FlagValueError extends Error {}

/** pflag's `invalid argument %q for %q flag: %v`. */
export function invalidFlagValue(f: FlagSpec, value: string, why: string): FlagValueError {
  return new FlagValueError(`invalid argument ${goQuote(value)} for "${flagDisplayName(f)}" flag: ${why}`);
}

/** Parses one occurrence of a flag's value, accumulating repeatable flags. */
export function parseFlagValue(f: FlagSpec, value: string, previous: unknown): unknown {
  if (f.parse) {
    try {
      return f.parse(value, previous);
    } catch (e) {
      if (e instanceof FlagValueError) throw e;
      throw invalidFlagValue(f, value, e instanceof Error ? e.message : String(e));
    }
  }
  switch (f.type) {
    case 'filter': {
      // opts.FilterOpt: key=value, key lower-cased and trimmed, value trimmed; an empty
      // value is ignored (`-f ''` lists everything).
      if (value === '') return Array.isArray(previous) ? previous : [];
      const eq = value.indexOf('=');
      if (eq < 0) throw invalidFlagValue(f, value, 'bad format of filter (expected name=value)');
      const list = Array.isArray(previous) ? (previous as string[]) : [];
      return [...list, `${value.slice(0, eq).trim().toLowerCase()}=${value.slice(eq + 1).trim()}`];
    }
    case 'list':
    case 'stringArray': {
      const list = Array.isArray(previous) ? (previous as string[]) : [];
      return [...list, value];
    }
    case 'int':
      return Number(numeric(f, value, parseGoInt64(value)));
    case 'int64':
      return numeric(f, value, parseGoInt64(value));
    case 'uint32':
      return Number(numeric(f, value, parseGoUint(value, 32)));
    case 'uint64':
      return numeric(f, value, parseGoUint(value, 64));
    case 'duration':
      try {
        return parseDuration(value);
      } catch (e) {
        throw invalidFlagValue(f, value, (e as Error).message);
      }
    case 'ipNetSlice':
      return ipNetSlice(f, value, previous);
    case 'stringSlice': {
      // pflag stringSlice Set: "" adds nothing, else the first CSV record; repeated flags append.
      const list = Array.isArray(previous) ? (previous as string[]) : [];
      if (value === '') return list;
      try {
        return [...list, ...csvFirstRecord(value)];
      } catch (e) {
        throw invalidFlagValue(f, value, e instanceof Error ? e.message : String(e));
      }
    }
    default:
      return value;
  }
}

function numeric(f: FlagSpec, value: string, r: bigint | NumError): bigint {
  if (r instanceof NumError) throw invalidFlagValue(f, value, r.message);
  return r;
}

/** strconv.NumError: `strconv.ParseUint: parsing "x": invalid syntax` (or `value out of range`). */
export class NumError extends Error {
  constructor(fn: string, num: string, readonly range: boolean) {
    super(`strconv.${fn}: parsing ${goQuote(num)}: ${range ? 'value out of range' : 'invalid syntax'}`);
  }
}

/** strconv.underscoreOK: underscores only between digits or after a base prefix. */
function underscoreOK(text: string): boolean {
  let s = text;
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes((s[1] ?? '').toLowerCase())) {
    i = 2;
    saw = '0';
    hex = (s[1] ?? '').toLowerCase() === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i] ?? '';
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
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

/** strconv.ParseUint(s, 0, bitSize): base prefixes 0x/0o/0b/0, underscores, Go's errors. */
export function parseGoUint(s0: string, bitSize: number, fn = 'ParseUint'): bigint | NumError {
  if (s0 === '') return new NumError(fn, s0, false);
  let s = s0;
  let base = 10n;
  if (s[0] === '0') {
    const p = (s[1] ?? '').toLowerCase();
    if (s.length >= 3 && p === 'b') (base = 2n), (s = s.slice(2));
    else if (s.length >= 3 && p === 'o') (base = 8n), (s = s.slice(2));
    else if (s.length >= 3 && p === 'x') (base = 16n), (s = s.slice(2));
    else (base = 8n), (s = s.slice(1));
  }
  const maxVal = (1n << BigInt(bitSize)) - 1n;
  let n = 0n;
  let underscores = false;
  for (const c of s) {
    let d: bigint;
    const lc = c.toLowerCase();
    if (c === '_') {
      underscores = true;
      continue;
    } else if (c >= '0' && c <= '9') d = BigInt(c.charCodeAt(0) - 48);
    else if (lc.length === 1 && lc >= 'a' && lc <= 'z') d = BigInt(lc.charCodeAt(0) - 87);
    else return new NumError(fn, s0, false);
    if (d >= base) return new NumError(fn, s0, false);
    n = n * base + d;
    if (n > maxVal) return new NumError(fn, s0, true);
  }
  if (underscores && !underscoreOK(s0)) return new NumError(fn, s0, false);
  return n;
}

/** strconv.ParseInt(s, 0, 64). */
export function parseGoInt64(s0: string): bigint | NumError {
  if (s0 === '') return new NumError('ParseInt', s0, false);
  let s = s0;
  let neg = false;
  if (s[0] === '+') s = s.slice(1);
  else if (s[0] === '-') (neg = true), (s = s.slice(1));
  const un = parseGoUint(s, 64, 'ParseInt');
  if (un instanceof NumError && !un.range) return new NumError('ParseInt', s0, false);
  const cutoff = 1n << 63n;
  const u = un instanceof NumError ? (1n << 64n) - 1n : un;
  if (!neg && u >= cutoff) return new NumError('ParseInt', s0, true);
  if (neg && u > cutoff) return new NumError('ParseInt', s0, true);
  return neg ? -u : u;
}

/** strconv.ParseInt(s, 0, 64) as a number (undefined on error); for small int flags. */
export function parseGoInt(text: string): number | undefined {
  const r = parseGoInt64(text);
  return r instanceof NumError ? undefined : Number(r);
}

/** pflag ipNetSlice Set: quotes removed, the first CSV record, each field a CIDR (appended on repeat). */
function ipNetSlice(f: FlagSpec, value: string, previous: unknown): string[] {
  const text = value.replace(/["'`]/g, '');
  // The first non-empty line (csv.Reader skips empty lines), "\r\n" read as "\n".
  const line = text.split('\n').map((l) => l.replace(/\r$/, '')).find((l) => l !== '') ?? '';
  const fields = line === '' ? [] : line.split(',');
  const out = Array.isArray(previous) ? [...(previous as string[])] : [];
  for (const field of fields) {
    const net = parseCIDR(field.trim());
    if (net === undefined) throw invalidFlagValue(f, value, `invalid string being converted to CIDR: ${field}`);
    out.push(net);
  }
  return out;
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };

/** Go's strconv.Quote (as fmt's %q prints a string). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd';
    else if (PRINTABLE.test(ch)) out += ch;
    else if (ESCAPES[ch] !== undefined) out += ESCAPES[ch];
    else if (cp < 0x80) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

export function boolFlag(name: string, short: string | undefined, usage: string): FlagSpec {
  return short === undefined ? { name, type: 'bool', usage } : { name, short, type: 'bool', usage };
}

/** docker's shared --format help text (cli/flags/options.go FormatHelp). */
export const FORMAT_HELP = `Format output using a custom template:
'table':            Print output in table format with column headers (default)
'table TEMPLATE':   Print output in table format using the given Go template
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`;

/** docker's inspect --format help (cli/flags/options.go InspectFormatHelp). */
export const INSPECT_FORMAT_HELP = `Format output using a custom template:
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`;
