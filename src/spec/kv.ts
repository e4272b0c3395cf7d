/**
 * KEY=VALUE values: opts.ValidateEnv, opts.ValidateLabel, opts.ConvertKVStringsToMap
 * (docker/cli v28.2.2 opts/{env,opts,parse}.go), the env-file format (pkg/kvfile, which
 * opts.ReadKVEnvStrings uses) and serviceOptions.makeEnv (cli/command/service/opts.go).
 */
import { SpecError, SpecValueError } from './errors.ts';
import { trimLeftSpace } from '../go/strings.ts';

/** Looks up a variable in the CLI's environment (os.LookupEnv); undefined when unset. */
export type LookupEnv = (key: string) => string | undefined;

/** Thrown where docker panics (exit status 2, a Go stack trace on stderr). */
export class GoPanic extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoPanic';
  }
}

/**
 * opts.ValidateEnv (`-e`, `--env-add`): `K=V` kept; a bare `K` takes the CLI's value when set,
 * else stays `K`. Error: `invalid environment variable: =x`.
 */
export function validateEnv(val: string, lookupEnv: LookupEnv): string {
  const eq = val.indexOf('=');
  const k = eq < 0 ? val : val.slice(0, eq);
  if (k === '') throw new SpecValueError(`invalid environment variable: ${val}`);
  if (eq >= 0) return val;
  const v = lookupEnv(k);
  return v !== undefined ? `${k}=${v}` : val;
}

/**
 * opts.ValidateLabel (`-l/--label`, `--container-label`, their -add forms): the key (leading
 * spaces/tabs ignored) must be non-empty and contain no space or tab.
 */
export function validateLabel(value: string): string {
  const eq = value.indexOf('=');
  const key = (eq < 0 ? value : value.slice(0, eq)).replace(/^[ \t]+/, '');
  if (key === '') throw new SpecValueError(`invalid label '${value}': empty name`);
  if (/[ \t]/.test(key)) throw new SpecValueError(`label '${key}' contains whitespaces`);
  return value;
}

/** opts.ConvertKVStringsToMap: split at the first '='; a later key wins; no '=' → "". */
export function kvToMap(values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    Object.defineProperty(out, eq < 0 ? v : v.slice(0, eq), { value: eq < 0 ? '' : v.slice(eq + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

const MAX_TOKEN = 64 * 1024; // bufio.MaxScanTokenSize

/**
 * pkg/kvfile parseKeyValueFile over the file's bytes (`KEY=VALUE` lines, `#` comments, blank
 * lines skipped, leading whitespace trimmed, a UTF-8 BOM dropped on line 1, bare `KEY` looked up
 * with `lookupEnv` and dropped when unset). Throws SpecError with kvfile.Parse's wrapping:
 * `invalid env file (PATH): no variable name on line '=x'`.
 */
export function parseEnvFile(path: string, content: Uint8Array, lookupEnv: LookupEnv): string[] {
  const fail = (why: string): SpecError => new SpecError(`invalid env file (${path}): ${why}`);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const lines: string[] = [];
  let start = 0;
  let lineNo = 0;
  while (start < content.length) {
    let nl = content.indexOf(0x0a, start);
    const hasNL = nl >= 0;
    if (!hasNL) nl = content.length;
    // bufio.Scanner: a token must fit in 64 KiB together with its newline.
    if (nl - start + (hasNL ? 1 : 0) > MAX_TOKEN) throw fail('bufio.Scanner: token too long');
    let bytes = content.subarray(start, nl);
    start = nl + 1;
    if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1); // ScanLines drops a CR
    lineNo++;
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      throw fail(`invalid utf8 bytes at line ${lineNo}: [${Array.from(bytes).join(' ')}]`);
    }
    if (lineNo === 1 && text.startsWith('\ufeff')) text = text.slice(1);
    const line = trimLeftSpace(text);
    if (line.length === 0 || line[0] === '#') continue;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    if (key.length === 0) throw fail(`no variable name on line '${line}'`);
    if (/[ \t]/.test(key)) throw fail(`variable '${key}' contains whitespaces`);
    if (eq >= 0) {
      lines.push(line);
      continue;
    }
    const value = lookupEnv(line);
    if (value !== undefined) lines.push(`${key}=${value}`);
  }
  return lines;
}

/**
 * serviceOptions.makeEnv: the env files (in order) then the `-e` values, de-duplicated by
 * docker's loop, reproduced with Go's slice semantics: an entry is dropped when a later value
 * for the same key comes, but an identical `K=V` is kept (twice), and the in-place removal
 * while ranging skips entries; on some inputs (`-e A=1 -e A=1 -e A=3`) docker panics with
 * `slice bounds out of range`, reproduced as a {@link GoPanic}.
 */
export function makeEnv(envVariables: readonly string[]): string[] {
  // make([]string, 0, len(envVariables)): the backing array never grows.
  const backing: string[] = new Array<string>(envVariables.length).fill('');
  let len = 0;
  for (const env of envVariables) {
    const eq = env.indexOf('=');
    const k = eq < 0 ? env : env.slice(0, eq);
    const n = len; // the range expression is evaluated once
    for (let i = 0; i < n; i++) {
      const current = backing[i] ?? '';
      if (current === env) continue;
      if (current.startsWith(`${k}=`)) {
        // currentEnv = append(currentEnv[:i], currentEnv[i+1:]...)
        if (i + 1 > len) throw new GoPanic(`runtime error: slice bounds out of range [${i + 1}:${len}]`);
        for (let j = i + 1; j < len; j++) backing[j - 1] = backing[j] ?? '';
        len--;
      }
    }
    backing[len] = env;
    len++;
  }
  return backing.slice(0, len);
}
