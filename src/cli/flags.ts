/**
 * Flags as docker declares them (pflag): the type name shown in help, how a value parses,
 * and pflag's error texts. Commander does the parsing; these specs feed it.
 */
import { ipNetString, parseCIDR } from '../go/net.ts';
import { quote } from '../go/quote.ts';
import { NumError, parseGoInt, parseGoUint } from '../go/strconv.ts';
import { parseDuration } from '../render/duration.ts';
import { csvFirstRecord } from '../go/csv.ts';

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
  /**
   * pflag's `version` annotation: the API version the flag needs. Below it the flag is left out
   * of help and giving it is an error (hideUnsupportedFeatures, areFlagsSupported).
   */
  readonly version?: string;
}

/** pflag's name for a flag in messages: "-q, --quiet" or "--format". */
export function flagDisplayName(f: FlagSpec): string {
  return f.short ? `-${f.short}, --${f.name}` : `--${f.name}`;
}

/** A bad flag value: pflag's message; the command adds cobra's usage footer. */
export class FlagValueError extends Error {}

/** pflag's `invalid argument %q for %q flag: %v`. */
export function invalidFlagValue(f: FlagSpec, value: string, why: string): FlagValueError {
  return new FlagValueError(`invalid argument ${quote(value)} for "${flagDisplayName(f)}" flag: ${why}`);
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
      return Number(numeric(f, value, parseGoInt(value, 0, 64)));
    case 'int64':
      return numeric(f, value, parseGoInt(value, 0, 64));
    case 'uint32':
      return Number(numeric(f, value, parseGoUint(value, 0, 32)));
    case 'uint64':
      return numeric(f, value, parseGoUint(value, 0, 64));
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

/** pflag ipNetSlice Set: quotes removed, the first CSV record, each field a CIDR (appended on repeat). */
function ipNetSlice(f: FlagSpec, value: string, previous: unknown): string[] {
  const text = value.replace(/["'`]/g, '');
  // The first non-empty line (csv.Reader skips empty lines), "\r\n" read as "\n".
  const line = text.split('\n').map((l) => l.replace(/\r$/, '')).find((l) => l !== '') ?? '';
  const fields = line === '' ? [] : line.split(',');
  const out = Array.isArray(previous) ? [...(previous as string[])] : [];
  for (const field of fields) {
    const cidr = parseCIDR(field.trim());
    if (cidr === undefined) throw invalidFlagValue(f, value, `invalid string being converted to CIDR: ${field}`);
    out.push(ipNetString(cidr.net));
  }
  return out;
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
