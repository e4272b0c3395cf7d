/**
 * What `docker config` and `docker secret` share (cli/command/config/*.go and
 * cli/command/secret/*.go, docker 28 — the two packages are near copies): the API-version
 * gate of the group, reading the data (file or `-` for stdin), and the create, ls, inspect and
 * rm flows. The leaf files only declare the flags and messages that differ.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { quote } from '../../go/quote.ts';
import type { Deps } from '../../deps.ts';
import { goFileError } from '../../engine/errors.ts';
import { filtersFrom } from '../../engine/filters.ts';
import { StatusError } from '../../errors.ts';
import { kvToMap } from '../../spec/kv.ts';
import { listFormat, type ListOptions } from '../list-flags.ts';
import { clientConfig, writeInspect } from '../shared.ts';

export type ObjectKind = 'config' | 'secret';

interface KindInfo {
  readonly api: 'configs' | 'secrets';
  /** swarmkit's size limit; the CLI reads at most twice that. */
  readonly maxSize: number;
}

export const KINDS: Readonly<Record<ObjectKind, KindInfo>> = {
  config: { api: 'configs', maxSize: 1000 * 1024 },
  secret: { api: 'secrets', maxSize: 500 * 1024 },
};

async function readStdin(deps: Deps, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of deps.stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk as Uint8Array);
    chunks.push(b);
    size += b.length;
    if (size >= limit) break;
  }
  return Buffer.concat(chunks).subarray(0, limit);
}

function readFileLimited(path: string, limit: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const out: Buffer[] = [];
    let size = 0;
    while (size < limit) {
      const buf = Buffer.alloc(Math.min(64 * 1024, limit - size));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      out.push(buf.subarray(0, n));
      size += n;
    }
    return Buffer.concat(out);
  } finally {
    closeSync(fd);
  }
}

/**
 * readConfigData / readSecretData: `-` reads stdin, anything else is a file path; at most twice
 * the swarm limit is read. Errors are docker's: "error reading from STDIN: data is empty",
 * "error reading from <file>: open <file>: no such file or directory", "<kind> file is required".
 */
export async function readData(deps: Deps, kind: ObjectKind, file: string): Promise<Buffer> {
  const limit = 2 * KINDS[kind].maxSize;
  if (file === '-') {
    let data: Buffer;
    try {
      data = await readStdin(deps, limit);
    } catch (e) {
      throw new Error(`error reading from STDIN: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (data.length === 0) throw new Error('error reading from STDIN: data is empty');
    return data;
  }
  if (file === '') throw new Error(`${kind} file is required`);
  let data: Buffer;
  try {
    data = readFileLimited(isAbsolute(file) ? file : resolve(deps.system.cwd, file), limit);
  } catch (e) {
    throw new Error(`error reading from ${file}: ${goFileError(file, e)}`);
  }
  if (data.length === 0) throw new Error(`error reading from ${file}: data is empty`);
  return data;
}

export interface CreateOptions {
  readonly name: string;
  /** The file argument; "" when a secret is created without one. */
  readonly file: string;
  readonly labels: readonly string[];
  readonly templateDriver: string;
  /** `secret create -d`. */
  readonly driver?: string;
}

/** RunConfigCreate / runSecretCreate: read the data, POST the spec, print the new ID. */
export async function runCreate(kind: ObjectKind, opts: CreateOptions, deps: Deps): Promise<void> {
  const driver = opts.driver ?? '';
  let data: Buffer | undefined;
  if (kind === 'secret' && driver !== '') {
    if (opts.file !== '') throw new StatusError('When using secret driver secret data must be empty', 1);
  } else {
    try {
      data = await readData(deps, kind, opts.file);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      // config wraps the reader's error; secret prints it as is.
      throw new StatusError(kind === 'config' ? `Error reading content from ${quote(opts.file)}: ${msg}` : msg, 1);
    }
  }
  const { createObject } = await import('../../engine/secrets.ts');
  const engine = await deps.engine();
  const id = await createObject(engine, KINDS[kind].api, {
    Name: opts.name,
    Labels: kvToMap(opts.labels),
    ...(data !== undefined ? { Data: data } : {}),
    ...(driver !== '' ? { Driver: driver } : {}),
    ...(opts.templateDriver !== '' ? { Templating: opts.templateDriver } : {}),
  });
  deps.stdout.write(`${id}\n`);
}

export type LsOptions = ListOptions;

/** RunConfigList / runSecretList. */
export async function runLs(kind: ObjectKind, opts: LsOptions, deps: Deps): Promise<void> {
  const { listObjects } = await import('../../engine/secrets.ts');
  const engine = await deps.engine();
  const objects = await listObjects(engine, KINDS[kind].api, filtersFrom(opts.filter));
  const cfg = clientConfig(deps);
  const format = listFormat(opts.format, kind === 'config' ? cfg.configFormat : cfg.secretFormat, opts.quiet);
  const r = await import('../../render/config-secret.ts');
  const render = kind === 'config' ? r.renderConfigList : r.renderSecretList;
  deps.stdout.write(render(objects, format, opts.quiet, deps.now()));
}

export interface InspectOptions {
  readonly refs: readonly string[];
  readonly format: string;
  readonly pretty: boolean;
}

/** RunConfigInspect / runSecretInspect: JSON (the daemon's bytes re-indented), a template, or --pretty. */
export async function runInspect(kind: ObjectKind, opts: InspectOptions, deps: Deps): Promise<void> {
  const format = opts.pretty ? 'pretty' : opts.format;
  if (format.startsWith('pretty') && format !== 'pretty') {
    throw new StatusError('cannot supply extra formatting options to the pretty template', 1);
  }
  const { inspectObject } = await import('../../engine/secrets.ts');
  const engine = await deps.engine();
  const api = KINDS[kind].api;

  if (format === 'pretty') {
    // formatter.Context.Write: the first failure aborts and nothing is printed.
    const objects = [];
    for (const ref of opts.refs) {
      try {
        objects.push((await inspectObject(engine, api, ref)).value);
      } catch (e) {
        throw new StatusError(e instanceof Error ? e.message : String(e), 1);
      }
    }
    const r = await import('../../render/config-secret.ts');
    const bytes = kind === 'config' ? r.renderConfigPretty(objects) : r.renderSecretPretty(objects);
    if (deps.stdout.writeBytes) deps.stdout.writeBytes(bytes);
    else deps.stdout.write(new TextDecoder().decode(bytes));
    return;
  }

  const { typed } = await import('../../render/typed.ts');
  const goKind = kind === 'config' ? 'swarm.Config' : 'swarm.Secret';
  await writeInspect(
    deps,
    opts.refs,
    format,
    async (ref) => {
      const { value, raw } = await inspectObject(engine, api, ref);
      return { value: typed(goKind, value), raw };
    },
    1,
  );
}

/** RunConfigRemove / runRemove: each ref in turn, printed when removed; errors joined, exit 1. */
export async function runRm(kind: ObjectKind, refs: readonly string[], deps: Deps): Promise<void> {
  const { removeObject } = await import('../../engine/secrets.ts');
  const engine = await deps.engine();
  const errs: string[] = [];
  for (const ref of refs) {
    try {
      await removeObject(engine, KINDS[kind].api, ref);
      deps.stdout.write(`${ref}\n`);
    } catch (e) {
      errs.push(e instanceof Error ? e.message : String(e));
    }
  }
  if (errs.length > 0) throw new StatusError(errs.join('\n'), 1);
}
