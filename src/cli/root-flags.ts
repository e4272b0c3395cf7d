/**
 * docker's global flags, parsed as pflag parses them with interspersing off
 * (cli/cobra.go HandleGlobalFlags): only before the first command word, `--flag=value`,
 * `--flag value`, `-Hvalue`, combined shorthands, and bool flags taking `=true|false`.
 * Hand-written so `tsw --version` needs no argument-parsing library at all.
 */
import { parseGoBool } from '../go/strconv.ts';
import { flagDisplayName, type FlagSpec } from './flags.ts';

export const ROOT_FLAGS: readonly FlagSpec[] = [
  { name: 'config', type: 'string', usage: 'Location of client config files' },
  { name: 'context', short: 'c', type: 'string', usage: 'Name of the context to use' },
  { name: 'debug', short: 'D', type: 'bool', usage: 'Enable debug mode' },
  { name: 'host', short: 'H', type: 'list', usage: 'Daemon socket to connect to' },
  { name: 'log-level', short: 'l', type: 'string', usage: 'Set the logging level' },
  { name: 'tls', type: 'bool', usage: 'Use TLS; implied by --tlsverify' },
  { name: 'tlscacert', type: 'string', usage: 'Trust certs signed only by this CA' },
  { name: 'tlscert', type: 'string', usage: 'Path to TLS certificate file' },
  { name: 'tlskey', type: 'string', usage: 'Path to TLS key file' },
  { name: 'tlsverify', type: 'bool', usage: 'Use TLS and verify the remote' },
  { name: 'version', short: 'v', type: 'bool', usage: 'Print version information and quit' },
  { name: 'help', short: 'h', type: 'bool', usage: 'Print usage' },
];

export interface RootFlags {
  /** Values by long name; list flags collect every occurrence. */
  readonly values: ReadonlyMap<string, string | boolean | string[]>;
  /** The command word and everything after it. */
  readonly rest: string[];
}

/** A pflag error message (the caller adds docker's usage footer). */
export class RootFlagError extends Error {}

function set(values: Map<string, string | boolean | string[]>, f: FlagSpec, value: string | boolean): void {
  if (f.type === 'list') {
    const prev = values.get(f.name);
    values.set(f.name, [...(Array.isArray(prev) ? prev : []), String(value)]);
  } else {
    values.set(f.name, value);
  }
}

function boolValue(f: FlagSpec, text: string): boolean {
  const v = parseGoBool(text);
  if (v === undefined) {
    throw new RootFlagError(`invalid argument "${text}" for "${flagDisplayName(f)}" flag: strconv.ParseBool: parsing "${text}": invalid syntax`);
  }
  return v;
}

export function parseRootFlags(argv: readonly string[], flags: readonly FlagSpec[] = ROOT_FLAGS): RootFlags {
  const values = new Map<string, string | boolean | string[]>();
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      i++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const f = flags.find((x) => x.name === name);
      if (!f) throw new RootFlagError(`unknown flag: --${name}`);
      if (f.type === 'bool') set(values, f, eq < 0 ? true : boolValue(f, arg.slice(eq + 1)));
      else if (eq >= 0) set(values, f, arg.slice(eq + 1));
      else if (i + 1 < argv.length) set(values, f, argv[++i] ?? '');
      else throw new RootFlagError(`flag needs an argument: --${name}`);
      continue;
    }
    // Shorthands: -D, -Dl debug, -Hunix:///x, -H unix:///x, -D=false.
    let j = 1;
    while (j < arg.length) {
      const c = arg[j] ?? '';
      const f = flags.find((x) => x.short === c);
      if (!f) throw new RootFlagError(`unknown shorthand flag: '${c}' in -${arg.slice(j)}`);
      if (f.type === 'bool') {
        if (arg[j + 1] === '=') {
          set(values, f, boolValue(f, arg.slice(j + 2)));
          break;
        }
        set(values, f, true);
        j++;
        continue;
      }
      const attached = arg.slice(j + 1);
      if (attached !== '') set(values, f, attached.startsWith('=') ? attached.slice(1) : attached);
      else if (i + 1 < argv.length) set(values, f, argv[++i] ?? '');
      else throw new RootFlagError(`flag needs an argument: '${c}' in -${c}`);
      break;
    }
  }
  return { values, rest: argv.slice(i) };
}
