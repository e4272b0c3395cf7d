/**
 * The docker client config (config.json) as tsw reads it: the config directory's rules
 * (cli/config/config.go) and the keys that change swarm command output
 * (cli/config/configfile/file.go). Loaded once per run by src/cli.ts.
 */
import { join } from 'node:path';
import { loadConfigFile } from './engine/endpoint.ts';
import { goJSONField } from './engine/errors.ts';
import type { GlobalOptions } from './globals.ts';

export interface ConfigFile {
  readonly currentContext?: string;
  readonly nodesFormat?: string;
  readonly servicesFormat?: string;
  readonly tasksFormat?: string;
  readonly serviceInspectFormat?: string;
  readonly secretFormat?: string;
  readonly configFormat?: string;
  readonly networksFormat?: string;
  /** `auths`: registry credentials by server address, as written (auth still base64). */
  readonly auths?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** `credsStore`: the default credential helper (docker-credential-<name>). */
  readonly credsStore?: string;
  /** `credHelpers`: a credential helper per registry host. */
  readonly credHelpers?: Readonly<Record<string, string>>;
  /** `pruneFilters`: default filters of the prune commands (command.PruneFilters). */
  readonly pruneFilters?: readonly string[];
}

const FORMAT_KEYS = [
  'nodesFormat',
  'servicesFormat',
  'tasksFormat',
  'serviceInspectFormat',
  'secretFormat',
  'configFormat',
  'networksFormat',
] as const;

/** `--config`, else $DOCKER_CONFIG, else ~/.docker. */
export function configDir(globals: Pick<GlobalOptions, 'config'>, env: Readonly<Record<string, string | undefined>>, homedir: string): string {
  return globals.config ?? (env['DOCKER_CONFIG'] || join(homedir, '.docker'));
}

export interface LoadedConfig {
  readonly file: ConfigFile;
  /** docker's warning when config.json cannot be read or parsed (printed on stderr). */
  readonly warning?: string;
}

/**
 * Reads <dir>/config.json: a missing file is an empty config; a broken one is an empty config
 * and docker's warning. Field names match case-insensitively, as Go's encoding/json does.
 */
export function readClientConfig(dir: string, read: (path: string) => Buffer | string): LoadedConfig {
  const info = loadConfigFile(dir, read);
  if (info.warning !== undefined) return { file: {}, warning: info.warning };
  let obj: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(String(read(info.path)));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) obj = parsed as Record<string, unknown>;
  } catch {
    return { file: {} };
  }
  const file: Record<string, unknown> = { currentContext: info.currentContext };
  for (const key of FORMAT_KEYS) {
    const v = goJSONField(obj, key);
    if (typeof v === 'string') file[key] = v;
  }
  // The credential keys, for --with-registry-auth (cli/config/configfile/file.go).
  const auths = goJSONField(obj, 'auths');
  if (typeof auths === 'object' && auths !== null && !Array.isArray(auths)) file['auths'] = auths;
  const credsStore = goJSONField(obj, 'credsStore');
  if (typeof credsStore === 'string') file['credsStore'] = credsStore;
  const credHelpers = goJSONField(obj, 'credHelpers');
  if (typeof credHelpers === 'object' && credHelpers !== null && !Array.isArray(credHelpers)) file['credHelpers'] = credHelpers;
  const pruneFilters = goJSONField(obj, 'pruneFilters');
  if (Array.isArray(pruneFilters)) file['pruneFilters'] = pruneFilters.filter((f): f is string => typeof f === 'string');
  return { file: file as ConfigFile };
}
