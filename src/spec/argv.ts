/**
 * A minimal pflag-style tokenizer for the service flags, for tests and tooling: turns argv
 * words into `[long name, value]` pairs for parseServiceFlags. Handles `--flag value`,
 * `--flag=value`, `-f value`, `-fvalue`, bool flags (`--init`, `--init=false`, `-t`,
 * combined `-dt`), `--` and, for create, pflag's SetInterspersed(false) (the first
 * positional argument ends the flags). The real command line is parsed by the command layer.
 */
import { findServiceFlag } from './flags.ts';

/** The flags as `[long name, value]` pairs (command-line order) and the positional words. */
export interface SplitArgs {
  readonly pairs: Array<[string, string]>;
  readonly positional: string[];
}

/** Splits argv (after `service create`/`service update`) into flag pairs and positionals. */
export function splitServiceArgs(command: 'create' | 'update', argv: readonly string[]): SplitArgs {
  const pairs: Array<[string, string]> = [];
  const positional: string[] = [];
  let i = 0;
  const need = (name: string): string => {
    if (i >= argv.length) throw new Error(`flag needs an argument: --${name}`);
    return argv[i++] ?? '';
  };
  while (i < argv.length) {
    const a = argv[i++] ?? '';
    if (a === '--') {
      positional.push(...argv.slice(i));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const flag = findServiceFlag(command, name);
      if (flag === undefined) throw new Error(`unknown flag: --${name}`);
      if (eq >= 0) pairs.push([flag.name, a.slice(eq + 1)]);
      else pairs.push([flag.name, flag.kind === 'bool' ? 'true' : need(name)]);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      // Shorthands: bool letters may be combined; a value flag takes the rest or the next word.
      for (let j = 1; j < a.length; j++) {
        const letter = a[j] ?? '';
        const flag = findServiceFlag(command, letter);
        if (flag === undefined || flag.short !== letter) throw new Error(`unknown shorthand flag: '${letter}' in ${a}`);
        if (flag.kind === 'bool') {
          if (a[j + 1] === '=') {
            pairs.push([flag.name, a.slice(j + 2)]);
            break;
          }
          pairs.push([flag.name, 'true']);
          continue;
        }
        const rest = a.slice(j + 1);
        pairs.push([flag.name, rest !== '' ? rest.replace(/^=/, '') : need(letter)]);
        break;
      }
      continue;
    }
    positional.push(a);
    if (command === 'create') {
      positional.push(...argv.slice(i));
      break;
    }
  }
  return { pairs, positional };
}
