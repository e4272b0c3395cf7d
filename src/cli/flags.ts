/**
 * Flags as docker declares them (pflag): the type name shown in help, how a value parses,
 * and pflag's error texts. Commander does the parsing; these specs feed it.
 */

export type FlagType = 'bool' | 'string' | 'filter' | 'list' | 'int' | 'uint64' | 'stringArray';

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

function invalid(f: FlagSpec, value: string, why: string): FlagValueError {
  return new FlagValueError(`invalid argument "${value}" for "${flagDisplayName(f)}" flag: ${why}`);
}

/** Parses one occurrence of a flag's value, accumulating repeatable flags. */
export function parseFlagValue(f: FlagSpec, value: string, previous: unknown): unknown {
  switch (f.type) {
    case 'filter': {
      // opts.FilterOpt: key=value, key lower-cased and trimmed, value trimmed.
      const eq = value.indexOf('=');
      if (eq < 0) throw invalid(f, value, 'bad format of filter (expected name=value)');
      const list = Array.isArray(previous) ? (previous as string[]) : [];
      return [...list, `${value.slice(0, eq).trim().toLowerCase()}=${value.slice(eq + 1).trim()}`];
    }
    case 'list':
    case 'stringArray': {
      const list = Array.isArray(previous) ? (previous as string[]) : [];
      return [...list, value];
    }
    case 'int':
    case 'uint64': {
      const n = parseGoInt(value);
      const fn = f.type === 'int' ? 'strconv.ParseInt' : 'strconv.ParseUint';
      if (n === undefined || (f.type === 'uint64' && (n < 0 || value.trim().startsWith('-')))) {
        throw invalid(f, value, `${fn}: parsing "${value}": invalid syntax`);
      }
      return n;
    }
    default:
      return value;
  }
}

/** strconv.ParseInt(s, 0, 64) accepting 0x, 0o, 0b, leading-0 octal and underscores. */
export function parseGoInt(text: string): number | undefined {
  let s = text;
  let sign = 1;
  if (s.startsWith('+') || s.startsWith('-')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  let base = 10;
  if (/^0[xX]/.test(s)) (base = 16), (s = s.slice(2));
  else if (/^0[oO]/.test(s)) (base = 8), (s = s.slice(2));
  else if (/^0[bB]/.test(s)) (base = 2), (s = s.slice(2));
  else if (/^0\d/.test(s)) (base = 8), (s = s.slice(1));
  if (base !== 10 || s.includes('_')) {
    if (/^_|_$|__/.test(s)) return undefined;
    s = s.replace(/_/g, '');
  }
  const digits = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^\d+$/, 16: /^[0-9a-fA-F]+$/ }[base as 2 | 8 | 10 | 16];
  if (!digits.test(s)) return undefined;
  return sign * parseInt(s, base);
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
