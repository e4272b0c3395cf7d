/**
 * docker/cli v28.2.2 cli/command/stack/loader: reads the `-c` files (`-` = stdin), works out
 * the working directory and the environment, and runs the compose loader. `stack deploy`
 * (forDeploy) also prints the unsupported/deprecated option warnings and checks the images.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Deps } from '../../deps.ts';
import { StatusError } from '../../errors.ts';
import type { Config, ConfigDetails, ConfigFile } from '../../compose/types.ts';

export interface LoadStackOptions {
  /** stack deploy: warnings and the image check. */
  readonly forDeploy: boolean;
  /** stack config --skip-interpolation. */
  readonly skipInterpolation?: boolean;
}

/** An os.ReadFile error as Go prints it. */
export function goFileError(path: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return `open ${path}: no such file or directory`;
    case 'EACCES':
      return `open ${path}: permission denied`;
    case 'EISDIR':
      return `read ${path}: is a directory`;
    case 'ENOTDIR':
      return `open ${path}: not a directory`;
    default:
      return `open ${path}: ${(e as Error).message}`;
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** GetConfigDetails. Throws StatusError (exit 1) with docker's text. */
export async function getConfigDetails(composeFiles: readonly string[], deps: Deps): Promise<ConfigDetails> {
  if (composeFiles.length === 0) throw new StatusError('Specify a Compose file (with --compose-file)', 1);
  const { parseYAML } = await import('../../compose/parse.ts');
  const { schemaVersion } = await import('../../compose/schema.ts');
  const cwd = deps.system.cwd;
  const first = composeFiles[0] ?? '';
  const workingDir = first === '-' && composeFiles.length === 1 ? cwd : dirname(resolve(cwd, first));
  const files: ConfigFile[] = [];
  let stdinText: string | undefined;
  for (const filename of composeFiles) {
    let text: string;
    if (filename === '-') {
      text = stdinText === undefined ? await readAll(deps.stdin) : '';
      stdinText = text;
    } else {
      try {
        text = readFileSync(resolve(cwd, filename), 'utf8');
      } catch (e) {
        throw new StatusError(goFileError(filename, e), 1);
      }
    }
    files.push({ Filename: filename, Config: wrap(() => parseYAML(text)) });
  }
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(deps.env)) if (v !== undefined) env[k] = v;
  return { Version: schemaVersion(files[0]?.Config ?? {}), WorkingDir: workingDir, ConfigFiles: files, Environment: env };
}

function wrap<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new StatusError((e as Error).message, 1);
  }
}

function propertyWarnings(props: Record<string, string>): string {
  return Object.entries(props)
    .map(([k, v]) => `${k}: ${v}`)
    .sort()
    .join('\n\n');
}

/** Loads the merged config: what `stack config` prints and `stack deploy` converts. */
export async function loadStack(composeFiles: readonly string[], deps: Deps, opts: LoadStackOptions): Promise<Config> {
  const details = await getConfigDetails(composeFiles, deps);
  const { load, ForbiddenPropertiesError, getUnsupportedProperties, getDeprecatedProperties } = await import('../../compose/loader.ts');
  const { parseContext } = await import('../service/flags.ts');
  const { UnsupportedProperties, DeprecatedProperties } = await import('../../compose/types.ts');
  const warn = parseContext(deps).warn ?? ((): void => {});
  const dicts = details.ConfigFiles.map((f) => f.Config);
  let config: Config;
  try {
    config = await load(
      details,
      {
        readFile: (p) => {
          try {
            return readFileSync(p);
          } catch (e) {
            throw new Error(goFileError(p, e));
          }
        },
        warn,
      },
      { skipInterpolation: opts.skipInterpolation === true },
    );
  } catch (e) {
    if (opts.forDeploy && e instanceof ForbiddenPropertiesError) {
      throw new StatusError(`Compose file contains unsupported options:\n\n${propertyWarnings(e.properties)}\n`, 1);
    }
    if (e instanceof StatusError) throw e;
    throw new StatusError((e as Error).message, 1);
  }
  if (!opts.forDeploy) return config;
  const unsupported = getUnsupportedProperties(dicts, UnsupportedProperties);
  if (unsupported.length > 0) deps.stderr.write(`Ignoring unsupported options: ${unsupported.join(', ')}\n\n`);
  const deprecated = getDeprecatedProperties(dicts, DeprecatedProperties);
  if (Object.keys(deprecated).length > 0) deps.stderr.write(`Ignoring deprecated options:\n\n${propertyWarnings(deprecated)}\n\n`);
  const { checkAnyReference } = await import('../../compose/reference.ts');
  for (const svc of config.Services) {
    if (!svc.Image) throw new StatusError(`invalid image reference for service ${svc.Name}: no image specified`, 1);
    const err = checkAnyReference(svc.Image);
    if (err !== undefined) throw new StatusError(`invalid image reference for service ${svc.Name}: ${err}`, 1);
  }
  return config;
}
