/**
 * `--secret`/`--secret-add` and `--config`/`--config-add` values (swarmopts.SecretOpt/ConfigOpt,
 * docker/cli v28.2.2 opts/swarmopts/{secret,config}.go) and their resolution to IDs
 * (cli/command/service/parse.go ParseSecrets/ParseConfigs). The API lookup itself
 * (`GET /secrets?filters={"name":{…}}`) is the caller's; these functions take its result.
 */
import { SpecError, SpecValueError } from './errors.ts';
import { csvFirstRecord } from '../go/csv.ts';
import { NumError, parseGoUint } from '../go/strconv.ts';
import type { ConfigReference, FileTarget, SecretReference } from './types.ts';

interface FileRef {
  name: string;
  file: FileTarget;
}

/** The shared body of SecretOpt.Set and ConfigOpt.Set. */
function parseFileRef(value: string, kind: 'secret' | 'config'): FileRef {
  const fields = csvFirstRecord(value, SpecValueError);
  const file: FileTarget = { Name: '', UID: '0', GID: '0', Mode: 0o444 };
  // The simple syntax: --secret NAME
  if (fields.length === 1 && !(fields[0] ?? '').includes('=')) {
    file.Name = fields[0] ?? '';
    return { name: fields[0] ?? '', file };
  }
  let name = '';
  for (const field of fields) {
    const eq = field.indexOf('=');
    const key = eq < 0 ? field : field.slice(0, eq);
    const val = eq < 0 ? '' : field.slice(eq + 1);
    if (eq < 0 || key === '') throw new SpecValueError(`invalid field '${field}' must be a key=value pair`);
    switch (key.toLowerCase()) {
      case 'source':
      case 'src':
        name = val;
        break;
      case 'target':
        file.Name = val;
        break;
      case 'uid':
        file.UID = val;
        break;
      case 'gid':
        file.GID = val;
        break;
      case 'mode': {
        // strconv.ParseUint(val, 0, 32): "0400" is octal, "400" is decimal 400, "0x1ff" hex.
        const m = parseGoUint(val, 0, 32);
        if (m instanceof NumError) throw new SpecValueError(`invalid mode specified: ${m.message}`);
        file.Mode = Number(m);
        break;
      }
      default:
        throw new SpecValueError(`invalid field in ${kind} request: ${key}`);
    }
  }
  if (name === '') throw new SpecValueError('source is required');
  if (file.Name === '') file.Name = name;
  return { name, file };
}

/** One `--secret` value: a reference by name (SecretID is filled in by {@link resolveSecretRefs}). */
export function parseSecretOpt(value: string): SecretReference {
  const r = parseFileRef(value, 'secret');
  return { File: r.file, SecretID: '', SecretName: r.name };
}

/** One `--config` value: a reference by name (ConfigID is filled in by {@link resolveConfigRefs}). */
export function parseConfigOpt(value: string): ConfigReference {
  const r = parseFileRef(value, 'config');
  return { File: r.file, ConfigID: '', ConfigName: r.name };
}

/** A secret or config as the list endpoint returns it: its ID and `Spec.Name`. */
export interface NamedObject {
  readonly ID: string;
  readonly Name: string;
}

/**
 * The names ParseSecrets looks up, after its duplicate-target check
 * (`duplicate secret target for NAME not allowed`, a SpecError).
 */
export function secretLookupNames(requested: readonly SecretReference[]): string[] {
  const byTarget = new Map<string, SecretReference>();
  for (const s of requested) {
    const t = s.File?.Name ?? '';
    if (byTarget.has(t)) throw new SpecError(`duplicate secret target for ${s.SecretName ?? ''} not allowed`);
    byTarget.set(t, s);
  }
  return [...byTarget.values()].map((s) => s.SecretName ?? '');
}

/**
 * ParseSecrets: the references with their IDs, given the secrets the lookup found (exact name
 * match). Errors: the duplicate check above, `secret not found: NAME`.
 *
 * Deviation: docker builds the result from a Go map (random order when several secrets are
 * given, and a random one of several missing names is reported); tsw keeps the flag order.
 */
export function resolveSecretRefs(requested: readonly SecretReference[], found: readonly NamedObject[]): SecretReference[] {
  if (requested.length === 0) return [];
  secretLookupNames(requested);
  const ids = new Map(found.map((s) => [s.Name, s.ID]));
  return requested.map((ref) => {
    const id = ids.get(ref.SecretName ?? '');
    if (id === undefined) throw new SpecError(`secret not found: ${ref.SecretName ?? ''}`);
    return { File: ref.File ? { ...ref.File } : undefined, SecretID: id, SecretName: ref.SecretName ?? '' };
  });
}

/** The file and runtime references ParseConfigs works with, after its duplicate check. */
function splitConfigRefs(requested: readonly ConfigReference[]): { files: ConfigReference[]; runtimes: ConfigReference[] } {
  const files = new Map<string, ConfigReference>();
  const runtimes = new Map<string, ConfigReference>();
  for (const c of requested) {
    if (c.Runtime !== undefined) {
      // The same config used as a runtime target several times is referenced once.
      runtimes.set(c.ConfigName ?? '', c);
      continue;
    }
    const t = c.File?.Name ?? '';
    if (files.has(t)) throw new SpecError(`duplicate config target for ${c.ConfigName ?? ''} not allowed`);
    files.set(t, c);
  }
  return { files: [...files.values()], runtimes: [...runtimes.values()] };
}

/** The names ParseConfigs looks up (after `duplicate config target for NAME not allowed`). */
export function configLookupNames(requested: readonly ConfigReference[]): string[] {
  const { files, runtimes } = splitConfigRefs(requested);
  return [...files, ...runtimes].map((c) => c.ConfigName ?? '');
}

/**
 * ParseConfigs: file references first, then runtime references (credential specs), each with
 * its ID. Errors: duplicate target, `config not found: NAME`. Same ordering deviation as
 * {@link resolveSecretRefs}.
 */
export function resolveConfigRefs(requested: readonly ConfigReference[], found: readonly NamedObject[]): ConfigReference[] {
  if (requested.length === 0) return [];
  const { files, runtimes } = splitConfigRefs(requested);
  const ids = new Map(found.map((c) => [c.Name, c.ID]));
  const resolve = (ref: ConfigReference): ConfigReference => {
    const id = ids.get(ref.ConfigName ?? '');
    if (id === undefined) throw new SpecError(`config not found: ${ref.ConfigName ?? ''}`);
    const out: ConfigReference = {};
    if (ref.File !== undefined) out.File = { ...ref.File };
    if (ref.Runtime !== undefined) out.Runtime = {};
    out.ConfigID = id;
    out.ConfigName = ref.ConfigName ?? '';
    return out;
  };
  return [...files.map(resolve), ...runtimes.map(resolve)];
}
