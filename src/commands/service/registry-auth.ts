/**
 * command.RetrieveAuthTokenFromImage (docker/cli v28.2.2 cli/command/registry.go): the
 * X-Registry-Auth value `--with-registry-auth` sends for an image. The credentials come from
 * config.json: a credential helper (`credHelpers[host]`, else `credsStore`) run as
 * `docker-credential-<name> get`, else the `auths` entries. No credentials at all encode as
 * `{}` ("e30="), which is what docker sends for the lab registry.
 */
import { spawnSync } from 'node:child_process';
import type { ConfigFile } from '../../configfile.ts';
import { goJSON, strOmitEmpty } from '../../go/json.ts';
import { parseNormalizedNamed } from '../../render/reference.ts';

/** cli/config/types.AuthConfig (as converted to the API's registry.AuthConfig). */
interface AuthConfig {
  username?: string;
  password?: string;
  auth?: string;
  email?: string;
  serveraddress?: string;
  identitytoken?: string;
  registrytoken?: string;
}

const INDEX_SERVER = 'https://index.docker.io/v1/';

/** reference.ParseNormalizedNamed's errors, for an image the client cannot parse. */
function referenceError(image: string): Error {
  if (/^[a-f0-9]{64}$/.test(image)) return new Error(`invalid repository name (${image}), cannot specify 64-byte hexadecimal strings`);
  const slash = image.indexOf('/');
  let remainder = image;
  if (slash >= 0) {
    const d = image.slice(0, slash);
    if (d === 'localhost' || /[.:]/.test(d) || d.toLowerCase() !== d) remainder = image.slice(slash + 1);
  }
  const colon = remainder.indexOf(':');
  let remote = colon >= 0 ? remainder.slice(0, colon) : remainder;
  if (slash < 0) remote = `library/${remote}`;
  if (remote.toLowerCase() !== remote) return new Error(`invalid reference format: repository name (${remote}) must be lowercase`);
  if (image === '') return new Error('repository name must have at least one component');
  return new Error('invalid reference format');
}

/** getAuthConfigKey: the official index's full address, else the host[:port]. */
function authConfigKey(domain: string): string {
  return domain === 'docker.io' || domain === 'index.docker.io' ? INDEX_SERVER : domain;
}

/** credentials.ConvertToHostname: a URL's host[:port], else the part before the first "/". */
function convertToHostname(s: string): string {
  if (s.includes('://')) {
    try {
      const u = new URL(s);
      if (u.hostname !== '') return u.port === '' ? u.hostname : `${u.hostname}:${u.port}`;
    } catch {
      // not a URL: fall through
    }
  }
  return s.split('/')[0] ?? '';
}

function field(entry: Readonly<Record<string, unknown>>, name: string): string {
  for (const [k, v] of Object.entries(entry)) if (k.toLowerCase() === name && typeof v === 'string') return v;
  return '';
}

/** An `auths` entry as LoadFromReader leaves it: auth decoded into user and password. */
function loadedEntry(address: string, entry: Readonly<Record<string, unknown>>): AuthConfig {
  const out: AuthConfig = {};
  const auth = field(entry, 'auth');
  let username = field(entry, 'username');
  let password = field(entry, 'password');
  if (auth !== '') {
    const decoded = Buffer.from(auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      username = decoded.slice(0, colon);
      password = decoded.slice(colon + 1).replace(/^\0+|\0+$/g, '');
    }
  }
  if (username !== '') out.username = username;
  if (password !== '') out.password = password;
  const email = field(entry, 'email');
  if (email !== '') out.email = email;
  out.serveraddress = address;
  const identity = field(entry, 'identitytoken');
  if (identity !== '') out.identitytoken = identity;
  const registry = field(entry, 'registrytoken');
  if (registry !== '') out.registrytoken = registry;
  return out;
}

/** fileStore.Get: the entry for the key, else one whose address converts to it, else empty. */
function fileStoreGet(cfg: ConfigFile, key: string): AuthConfig {
  const auths = cfg.auths ?? {};
  const exact = auths[key];
  if (exact !== undefined) return loadedEntry(key, exact);
  for (const [addr, entry] of Object.entries(auths)) if (convertToHostname(addr) === key) return loadedEntry(addr, entry);
  return {};
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * exec.Cmd.Output of `<program> get` with `input` on stdin: its stdout, and Go's error text when
 * the program could not run or failed (undefined on success). A helper that exits without
 * reading stdin makes the write fail with EPIPE; os/exec ignores that (the copying goroutine
 * drops a write EPIPE), so only the exit status counts, as in docker.
 */
export function runCredentialHelper(program: string, input: string, env: Env): { out: string; err: string | undefined } {
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) childEnv[k] = v;
  const r = spawnSync(program, ['get'], { input, encoding: 'utf8', env: childEnv });
  const out = (r.stdout ?? '').toString();
  const code = (r.error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return { out, err: `exec: "${program}": executable file not found in $PATH` };
  if (r.error !== undefined && code !== 'EPIPE') return { out, err: `fork/exec ${program}: ${r.error.message}` };
  if (r.status === 0) return { out, err: undefined };
  return { out, err: `exit status ${r.status ?? 1}` };
}

/** nativeStore.Get: `docker-credential-<helper> get` (in the CLI's environment), the server address on stdin. */
function helperGet(cfg: ConfigFile, helper: string, key: string, env: Env): AuthConfig {
  const auth = fileStoreGet(cfg, key);
  const result: AuthConfig = {};
  if (auth.email !== undefined) result.email = auth.email;
  const program = `docker-credential-${helper}`;
  const { out, err } = runCredentialHelper(program, key, env);
  if (err !== undefined) {
    // Not found: the file's entry with its credentials and address cleared (email kept).
    if (/credentials not found in native keychain/.test(out)) return result;
    throw new Error(`error getting credentials - err: ${err}, out: \`${out.trim()}\``);
  }
  const creds = JSON.parse(out) as { Username?: string; Secret?: string };
  if (creds.Username === '<token>') result.identitytoken = creds.Secret ?? '';
  else {
    if ((creds.Username ?? '') !== '') result.username = creds.Username ?? '';
    if ((creds.Secret ?? '') !== '') result.password = creds.Secret ?? '';
  }
  result.serveraddress = key;
  return result;
}

/** registry.EncodeAuthConfig: json.Marshal (omitempty fields in declaration order), base64url. */
export function encodeAuthConfig(a: AuthConfig): string {
  const keys: Array<keyof AuthConfig> = ['username', 'password', 'auth', 'email', 'serveraddress', 'identitytoken', 'registrytoken'];
  const json = goJSON.obj(keys.map((k) => [k, strOmitEmpty(a[k])])).text;
  return Buffer.from(json, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

/** The encoded X-Registry-Auth for an image (throws the reference error for a bad image). */
export function retrieveAuthTokenFromImage(cfg: ConfigFile, image: string, env: Env): string {
  const ref = parseNormalizedNamed(image);
  if (!ref) throw referenceError(image);
  const key = authConfigKey(ref.domain);
  const helper = (key !== '' ? cfg.credHelpers?.[key] : undefined) ?? cfg.credsStore ?? '';
  return encodeAuthConfig(helper !== '' ? helperGet(cfg, helper, key, env) : fileStoreGet(cfg, key));
}
