/**
 * Which daemon, and how to reach it: docker 28's endpoint resolution, as a pure function of
 * flags, environment and files.
 *
 * Sources (docker/cli v28.2.2): cli/command/cli.go (Initialize, resolveContextName,
 * resolveDefaultDockerEndpoint, getServerHost, newAPIClientFromEndpoint), cli/flags/options.go
 * (TLS defaults), opts/hosts.go (ParseHost, ParseTCPAddr), cli/config/config.go (config dir),
 * cli/context/store/{metadatastore,tlsstore}.go, cli/context/docker/load.go (ClientOpts,
 * tlsConfig), cli/connhelper (ssh), cli/command/cli_options.go (DOCKER_CUSTOM_HEADERS),
 * vendor/github.com/docker/docker/client/{client.go,options.go} (ParseHostURL, WithHost).
 */
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { StatusError } from '../errors.ts';
import {
  EngineInitError,
  EngineOptionsError,
  goFileError,
  goJSONField,
  goJSONKind,
  goJSONSyntaxError,
  joinHostPort,
} from './errors.ts';
import type { GlobalOptions } from '../globals.ts';
import { csvFirstRecord } from '../go/csv.ts';
import { trimSpace } from '../go/strings.ts';
import { quote } from '../go/quote.ts';
import { parseAPIVersionEnv } from './negotiate.ts';

export const DEFAULT_CONTEXT = 'default';
export const DEFAULT_UNIX_SOCKET = '/var/run/docker.sock';
export const DEFAULT_HOST = `unix://${DEFAULT_UNIX_SOCKET}`;
export const DEFAULT_TLS_HOST = 'tcp://localhost:2376';
const DEFAULT_TCP_HOST = 'tcp://localhost:2375';
/** The fake host docker uses for connection helpers (ssh). */
export const SSH_DUMMY_HOST = 'http://docker.example.com';
/** The Host header docker sends over unix sockets (client.DummyHost). */
export const UNIX_DUMMY_HOST = 'api.moby.localhost';
/** len(syscall.RawSockaddrUnix{}.Path) on Linux. */
const MAX_UNIX_SOCKET_PATH = 108;

/** The global flags that choose the daemon. */
export type EndpointFlags = Pick<GlobalOptions, 'host' | 'context' | 'config' | 'tls' | 'tlsverify' | 'tlscacert' | 'tlscert' | 'tlskey' | 'set'>;

export interface DirEntry {
  readonly name: string;
  readonly isDirectory: boolean;
}

export interface EndpointInput {
  readonly flags: EndpointFlags;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Reads a whole file; throws a Node errno error (ENOENT, EACCES, EISDIR…) on failure. */
  readFile(path: string): Uint8Array | string;
  /** Lists a directory; throws ENOENT when it does not exist. Optional: without it the three
   * well-known TLS file names of a context are probed instead. */
  readDir?(path: string): readonly DirEntry[];
  /** The user's home directory (used when $HOME is empty). */
  readonly homedir: string;
}

export interface TLSMaterial {
  readonly ca?: Buffer;
  readonly cert?: Buffer;
  readonly key?: Buffer;
  readonly skipVerify: boolean;
}

export interface SSHSpec {
  readonly user: string;
  readonly host: string;
  readonly port: string;
  readonly path: string;
}

export type DaemonAddress =
  | { readonly kind: 'unix'; readonly path: string }
  /** TCP (http or https); `hostname` has no brackets. */
  | { readonly kind: 'tcp'; readonly hostname: string; readonly port: number; readonly basePath: string }
  /** The system ssh binary running `docker system dial-stdio` remotely. */
  | { readonly kind: 'ssh'; readonly spec: SSHSpec; readonly command: string; readonly argv: readonly string[] };

export interface ResolvedEndpoint {
  readonly contextName: string;
  /** The client config directory (config.json, contexts/), cleaned like filepath.Clean. */
  readonly configDir: string;
  /** The endpoint's Host as the context or flags give it (ssh://…, tcp://…, unix://…). */
  readonly endpointHost: string;
  /** How docker names the daemon in messages (cli.host): unix:///…, tcp://…, http://docker.example.com. */
  readonly host: string;
  readonly scheme: 'http' | 'https';
  readonly address: DaemonAddress;
  /** The URL authority Go uses: the socket path, host:port, or docker.example.com. */
  readonly addr: string;
  /** The Host header value. */
  readonly hostHeader: string;
  /** TLS settings; undefined for plain HTTP. */
  readonly tls?: TLSMaterial;
  /** Extra headers from config.json HttpHeaders, replaced by DOCKER_CUSTOM_HEADERS when set. */
  readonly headers: Readonly<Record<string, string>>;
  /** DOCKER_API_VERSION, normalised ("1.41"); disables negotiation. */
  readonly apiVersion?: string;
}

export interface ConfigFileInfo {
  readonly path: string;
  readonly currentContext: string;
  readonly httpHeaders: Readonly<Record<string, string>>;
  /** The line docker prints on stderr when config.json is broken ("WARNING: Error …"). */
  readonly warning?: string;
}

export type Resolution =
  | { readonly ok: true; readonly endpoint: ResolvedEndpoint; readonly config: ConfigFileInfo }
  | {
      readonly ok: false;
      /** EngineOptionsError (reported before any command runs) or EngineInitError (on first use). */
      readonly error: StatusError;
      readonly contextName: string;
      readonly configDir: string;
      readonly config?: ConfigFileInfo;
    };

// ---------------------------------------------------------------------------------------------
// Entry point

/**
 * Resolves the daemon endpoint exactly like docker 28. Never throws: failures come back as
 * `{ok: false, error}` carrying the message docker would print.
 */
export function resolveEndpoint(input: EndpointInput): Resolution {
  const { flags, env } = input;
  const configDir = resolveConfigDir(input);
  const hosts = flags.host ?? [];
  if (flags.context !== undefined && flags.context !== '' && hosts.length > 0) {
    return {
      ok: false,
      error: new EngineOptionsError('conflicting options: cannot specify both --host and --context'),
      contextName: flags.context,
      configDir,
    };
  }
  const config = loadConfigFile(configDir, input.readFile);
  const contextName = resolveContextName(flags, env, config.currentContext);
  const fail = (error: StatusError): Resolution => ({ ok: false, error, contextName, configDir, config });

  // Step 1 (getDockerEndPoint): the endpoint's Host and TLS data.
  let meta: { host: string; skipVerify: boolean; tls?: RawTLS };
  try {
    meta = contextName === DEFAULT_CONTEXT ? defaultEndpoint(input) : storedEndpoint(input, configDir, contextName);
  } catch (e) {
    return fail(new EngineInitError(`unable to resolve docker endpoint: ${messageOf(e)}`));
  }

  // Step 2 (newAPIClientFromEndpoint): client options from the endpoint, then env.
  try {
    const transport = clientTransport(meta.host, meta.skipVerify, meta.tls);
    const apiVersion = parseAPIVersionEnv(env.DOCKER_API_VERSION);
    const custom = customHeadersFromEnv(env.DOCKER_CUSTOM_HEADERS);
    const endpoint: ResolvedEndpoint = {
      contextName,
      configDir,
      endpointHost: meta.host,
      ...transport,
      headers: custom ?? config.httpHeaders,
      ...(apiVersion !== undefined ? { apiVersion } : {}),
    };
    return { ok: true, endpoint, config };
  } catch (e) {
    return fail(new EngineInitError(messageOf(e)));
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** `--config` > DOCKER_CONFIG > ~/.docker, then filepath.Clean (config.SetDir). */
export function resolveConfigDir(input: Pick<EndpointInput, 'flags' | 'env' | 'homedir'>): string {
  const flag = input.flags.config;
  if (flag !== undefined && flag !== '') return goClean(flag);
  return goClean(envConfigDir(input));
}

/** config.Dir() before any --config: DOCKER_CONFIG or $HOME/.docker. */
function envConfigDir(input: Pick<EndpointInput, 'env' | 'homedir'>): string {
  const fromEnv = input.env.DOCKER_CONFIG;
  if (fromEnv) return fromEnv;
  const home = input.env.HOME || input.homedir;
  return goJoin(home, '.docker');
}

/** resolveContextName: --context > -H > DOCKER_HOST > DOCKER_CONTEXT > currentContext > default. */
export function resolveContextName(
  flags: Pick<EndpointFlags, 'context' | 'host'>,
  env: Readonly<Record<string, string | undefined>>,
  currentContext: string,
): string {
  if (flags.context) return flags.context;
  if ((flags.host ?? []).length > 0) return DEFAULT_CONTEXT;
  if (env.DOCKER_HOST) return DEFAULT_CONTEXT;
  if (env.DOCKER_CONTEXT) return env.DOCKER_CONTEXT;
  if (currentContext) return currentContext;
  return DEFAULT_CONTEXT;
}

// ---------------------------------------------------------------------------------------------
// config.json

/**
 * Reads `<configDir>/config.json` like config.LoadDefaultConfigFile: a missing file is fine, a
 * broken one yields the warning docker prints and an empty configuration.
 */
export function loadConfigFile(configDir: string, readFile: EndpointInput['readFile']): ConfigFileInfo {
  const path = goJoin(configDir, 'config.json');
  const empty = { path, currentContext: '', httpHeaders: {} };
  let text: string;
  try {
    text = toText(readFile(path));
  } catch (e) {
    if ((e as NodeJS.ErrnoException)?.code === 'ENOENT') return empty;
    return { ...empty, warning: `WARNING: Error loading config file: ${goFileError(path, e)}` };
  }
  const syntax = goJSONSyntaxError(text, true);
  if (syntax === 'EOF') return empty;
  if (syntax) return { ...empty, warning: `WARNING: Error parsing config file (${path}): ${syntax}` };
  const value = firstJSONValue(text);
  if (value === null) return empty;
  if (typeof value !== 'object' || Array.isArray(value)) {
    return {
      ...empty,
      warning: `WARNING: Error parsing config file (${path}): json: cannot unmarshal ${goJSONKind(value)} into Go value of type configfile.ConfigFile`,
    };
  }
  const obj = value as Record<string, unknown>;
  let warning: string | undefined;
  const typeError = (field: string, v: unknown, type: string) => {
    warning ??= `WARNING: Error parsing config file (${path}): json: cannot unmarshal ${goJSONKind(v)} into Go struct field ConfigFile.${field} of type ${type}`;
  };
  let currentContext = '';
  const cc = goJSONField(obj, 'currentContext');
  if (typeof cc === 'string') currentContext = cc;
  else if (cc !== undefined && cc !== null) typeError('currentContext', cc, 'string');
  const httpHeaders: Record<string, string> = {};
  const hh = goJSONField(obj, 'HttpHeaders');
  if (hh !== undefined && hh !== null) {
    if (typeof hh !== 'object' || Array.isArray(hh)) typeError('HttpHeaders', hh, 'map[string]string');
    else {
      for (const [k, v] of Object.entries(hh as Record<string, unknown>)) {
        if (typeof v === 'string') httpHeaders[k] = v;
        else if (v !== null) typeError(`HttpHeaders`, v, 'string');
      }
    }
  }
  return { path, currentContext, httpHeaders, ...(warning !== undefined ? { warning } : {}) };
}

/** json.Decoder reads only the first value; parse exactly that prefix. */
function firstJSONValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Trailing data after a complete value: find the shortest parseable prefix end.
    for (let end = 1; end <= text.length; end++) {
      if (goJSONSyntaxError(text.slice(0, end)) === undefined) {
        try {
          return JSON.parse(text.slice(0, end));
        } catch {
          /* keep looking */
        }
      }
    }
    return null;
  }
}

function toText(data: Uint8Array | string): string {
  return typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
}

function toBuffer(data: Uint8Array | string): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

// ---------------------------------------------------------------------------------------------
// The default context: -H / DOCKER_HOST and the TLS flags

interface RawTLS {
  readonly ca?: Buffer;
  readonly cert?: Buffer;
  readonly key?: Buffer;
}

function defaultEndpoint(input: EndpointInput): { host: string; skipVerify: boolean; tls?: RawTLS } {
  const { flags, env } = input;
  const tls = tlsOptions(input);
  const hosts = flags.host ?? [];
  let host: string;
  if (hosts.length === 0) host = parseHost(tls !== undefined, env.DOCKER_HOST ?? '');
  else if (hosts.length === 1) host = parseHost(tls !== undefined, hosts[0] ?? '');
  else throw new Error('Specify only one -H');
  if (tls === undefined) return { host, skipVerify: false };
  const data = tlsDataFromFiles(input, tls.caFile, tls.certFile, tls.keyFile);
  return { host, skipVerify: tls.skipVerify, ...(data ? { tls: data } : {}) };
}

interface TLSOptions {
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
  readonly skipVerify: boolean;
}

/** ClientOptions.SetDefaultOptions: undefined when TLS is off. */
export function tlsOptions(input: Pick<EndpointInput, 'flags' | 'env' | 'homedir' | 'readFile'>): TLSOptions | undefined {
  const { flags, env } = input;
  const tlsverify = flags.set.has('tlsverify') ? flags.tlsverify : flags.tlsverify || !!env.DOCKER_TLS_VERIFY;
  let tls = flags.set.has('tls') ? flags.tls : flags.tls || !!env.DOCKER_TLS;
  if (flags.set.has('tlsverify') || tlsverify) tls = true;
  if (!tls) return undefined;
  // DOCKER_CERT_PATH defaults to config.Dir() as it was before --config was parsed.
  const certPath = env.DOCKER_CERT_PATH || envConfigDir(input);
  const caFile = flags.tlscacert !== undefined ? trimQuotes(flags.tlscacert) : goJoin(certPath, 'ca.pem');
  let certFile = flags.tlscert !== undefined ? trimQuotes(flags.tlscert) : goJoin(certPath, 'cert.pem');
  let keyFile = flags.tlskey !== undefined ? trimQuotes(flags.tlskey) : goJoin(certPath, 'key.pem');
  if (flags.tlscert === undefined && !exists(input, certFile)) certFile = '';
  if (flags.tlskey === undefined && !exists(input, keyFile)) keyFile = '';
  return { caFile, certFile, keyFile, skipVerify: !tlsverify };
}

function exists(input: Pick<EndpointInput, 'readFile'>, path: string): boolean {
  try {
    input.readFile(path);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException)?.code !== 'ENOENT';
  }
}

/** opts.QuotedString: strips one pair of matching surrounding quotes. */
function trimQuotes(value: string): string {
  if (value.length < 2) return value;
  for (const q of ["'", '"']) {
    if (value.startsWith(q) && value.endsWith(q)) return value.slice(1, -1);
  }
  return value;
}

/** context.TLSDataFromFiles. */
function tlsDataFromFiles(input: Pick<EndpointInput, 'readFile'>, ca: string, cert: string, key: string): RawTLS | undefined {
  const read = (p: string): Buffer | undefined => {
    if (p === '') return undefined;
    try {
      return toBuffer(input.readFile(p));
    } catch (e) {
      throw new Error(goFileError(p, e));
    }
  };
  const caData = read(ca);
  const certData = read(cert);
  const keyData = read(key);
  if (!caData && !certData && !keyData) return undefined;
  return { ...(caData ? { ca: caData } : {}), ...(certData ? { cert: certData } : {}), ...(keyData ? { key: keyData } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Stored contexts

/** The directory name docker uses for a context: hex sha256 of its name. */
export function contextDirName(name: string): string {
  return createHash('sha256').update(name, 'utf8').digest('hex');
}

export function contextMetaPath(configDir: string, name: string): string {
  return goJoin(configDir, 'contexts', 'meta', contextDirName(name), 'meta.json');
}

function storedEndpoint(input: EndpointInput, configDir: string, name: string): { host: string; skipVerify: boolean; tls?: RawTLS } {
  const file = contextMetaPath(configDir, name);
  const where = `context ${quote(name)}`;
  let text: string;
  try {
    text = toText(input.readFile(file));
  } catch (e) {
    if ((e as NodeJS.ErrnoException)?.code === 'ENOENT') throw new Error(`${where}: context not found: ${goFileError(file, e)}`);
    throw new Error(`${where}: ${goFileError(file, e)}`);
  }
  const parseErr = (msg: string) => new Error(`${where}: parsing ${file}: ${msg}`);
  const syntax = goJSONSyntaxError(text);
  if (syntax) throw parseErr(syntax);
  const doc: unknown = JSON.parse(text);
  if (doc !== null && (typeof doc !== 'object' || Array.isArray(doc))) {
    throw parseErr(`json: cannot unmarshal ${goJSONKind(doc)} into Go value of type store.untypedContextMetadata`);
  }
  const obj = (doc ?? {}) as Record<string, unknown>;
  const endpoints = goJSONField(obj, 'endpoints');
  if (endpoints !== undefined && endpoints !== null && (typeof endpoints !== 'object' || Array.isArray(endpoints))) {
    throw parseErr(
      `json: cannot unmarshal ${goJSONKind(endpoints)} into Go struct field untypedContextMetadata.endpoints of type map[string]json.RawMessage`,
    );
  }
  const docker = endpoints ? (endpoints as Record<string, unknown>)['docker'] : undefined;
  if (docker === undefined) throw new Error('cannot find docker endpoint in context');
  if (docker === null) throw new Error('endpoint "docker" is not of type EndpointMeta');
  if (typeof docker !== 'object' || Array.isArray(docker)) {
    throw parseErr(`json: cannot unmarshal ${goJSONKind(docker)} into Go value of type context.EndpointMetaBase`);
  }
  const ep = docker as Record<string, unknown>;
  const host = goJSONField(ep, 'Host');
  const skip = goJSONField(ep, 'SkipTLSVerify');
  if (host !== undefined && host !== null && typeof host !== 'string') {
    throw parseErr(`json: cannot unmarshal ${goJSONKind(host)} into Go struct field EndpointMetaBase.Host of type string`);
  }
  if (skip !== undefined && skip !== null && typeof skip !== 'boolean') {
    throw parseErr(`json: cannot unmarshal ${goJSONKind(skip)} into Go struct field EndpointMetaBase.SkipTLSVerify of type bool`);
  }
  const tls = contextTLSData(input, configDir, name);
  return { host: typeof host === 'string' ? host : '', skipVerify: skip === true, ...(tls ? { tls } : {}) };
}

/** context.LoadTLSData for the "docker" endpoint. */
function contextTLSData(input: EndpointInput, configDir: string, name: string): RawTLS | undefined {
  const dir = goJoin(configDir, 'contexts', 'tls', contextDirName(name), 'docker');
  let files: string[];
  if (input.readDir) {
    try {
      files = input.readDir(dir).filter((d) => !d.isDirectory).map((d) => d.name);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException)?.code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw new Error(`failed to retrieve TLS files for context ${quote(name)}: failed to list TLS files for endpoint docker: ${goFileError(dir, e)}`);
    }
  } else {
    files = ['ca.pem', 'cert.pem', 'key.pem'].filter((f) => exists(input, goJoin(dir, f)));
    if (files.length === 0) return undefined;
  }
  const data: { ca?: Buffer; cert?: Buffer; key?: Buffer } = {};
  for (const f of files) {
    if (f !== 'ca.pem' && f !== 'cert.pem' && f !== 'key.pem') continue; // docker only warns
    const p = goJoin(dir, f);
    let content: Buffer;
    try {
      content = toBuffer(input.readFile(p));
    } catch (e) {
      throw new Error(
        `failed to retrieve TLS data (${f}) for context ${quote(name)}: failed to read TLS data for endpoint docker: ${goFileError(p, e)}`,
      );
    }
    if (f === 'ca.pem') data.ca = content;
    else if (f === 'cert.pem') data.cert = content;
    else data.key = content;
  }
  return data;
}

// ---------------------------------------------------------------------------------------------
// Client options from the endpoint (Endpoint.ClientOpts + client.WithHost)

type TransportFields = Pick<ResolvedEndpoint, 'host' | 'scheme' | 'address' | 'addr' | 'hostHeader' | 'tls'>;

function clientTransport(
  endpointHost: string,
  skipVerify: boolean,
  tlsData: RawTLS | undefined,
): TransportFields {
  const host = endpointHost === '' ? DEFAULT_HOST : endpointHost;
  // connhelper.GetConnectionHelper runs url.Parse on every host and returns its error as-is.
  if (endpointHost !== '') goParseURL(endpointHost);
  if (endpointHost !== '' && schemeOf(endpointHost) === 'ssh') {
    const spec = parseSSHURL(endpointHost);
    const { command, argv } = sshCommand(spec);
    return {
      host: SSH_DUMMY_HOST,
      scheme: 'http',
      address: { kind: 'ssh', spec, command, argv },
      addr: 'docker.example.com',
      hostHeader: 'docker.example.com',
    };
  }
  const url = parseHostURL(host);
  if (url.proto === 'unix') {
    if (Buffer.byteLength(url.addr) > MAX_UNIX_SOCKET_PATH) throw new Error(`unix socket path ${quote(url.addr)} is too long`);
    return { host, scheme: 'http', address: { kind: 'unix', path: url.addr }, addr: url.addr, hostHeader: UNIX_DUMMY_HOST };
  }
  if (url.proto === 'npipe') throw new Error('protocol not available');
  // Everything else is dialled over TCP (Go's transport ignores the scheme for dialling).
  const tls = endpointHost !== '' && url.proto !== 'fd' ? tlsConfig(tlsData, skipVerify) : undefined;
  const scheme = tls ? 'https' : 'http';
  let hostname = url.addr;
  let port = scheme === 'https' ? 443 : 80;
  try {
    const [h, p] = goSplitHostPort(url.addr);
    hostname = h;
    if (p !== '') port = Number(p);
  } catch {
    // No port: Go's transport adds the scheme's default port.
  }
  return {
    host,
    scheme,
    address: { kind: 'tcp', hostname, port, basePath: url.basePath },
    addr: url.addr,
    hostHeader: url.addr,
    ...(tls ? { tls } : {}),
  };
}

function schemeOf(host: string): string {
  const i = host.indexOf('://');
  return i < 0 ? '' : host.slice(0, i);
}

/** client.ParseHostURL. */
export function parseHostURL(host: string): { proto: string; addr: string; basePath: string } {
  const i = host.indexOf('://');
  const proto = i < 0 ? host : host.slice(0, i);
  const addr = i < 0 ? '' : host.slice(i + 3);
  if (i < 0 || addr === '') throw new Error(`unable to parse docker host \`${host}\``);
  if (proto === 'tcp') {
    const u = goParseURL(`tcp://${addr}`);
    return { proto, addr: u.host, basePath: u.path };
  }
  return { proto, addr, basePath: '' };
}

/** Endpoint.tlsConfig: undefined when no TLS is configured. */
function tlsConfig(data: RawTLS | undefined, skipVerify: boolean): TLSMaterial | undefined {
  if (!data && !skipVerify) return undefined;
  const out: { ca?: Buffer; cert?: Buffer; key?: Buffer; skipVerify: boolean } = { skipVerify };
  if (data?.ca) {
    if (!hasCertificate(data.ca)) throw new Error('failed to retrieve context tls info: ca.pem seems invalid');
    out.ca = data.ca;
  }
  if (data?.key && data.cert) {
    const block = firstPEMBlock(data.key.toString('latin1'));
    if (!block) throw new Error('no valid private key found');
    if (/^DEK-Info:/m.test(block.headers)) {
      throw new Error(
        'private key is encrypted - support for encrypted private keys has been removed, see https://docs.docker.com/go/deprecated/',
      );
    }
    checkKeyPair(data.cert, data.key);
    out.cert = data.cert;
    out.key = data.key;
  }
  return out;
}

const PEM_BLOCK = /-----BEGIN ([^-\r\n]+)-----\r?\n([\s\S]*?)-----END \1-----/g;

function firstPEMBlock(text: string): { type: string; headers: string } | undefined {
  PEM_BLOCK.lastIndex = 0;
  const m = PEM_BLOCK.exec(text);
  if (!m) return undefined;
  const body = m[2] ?? '';
  const headerEnd = body.search(/\r?\n\r?\n/);
  const headers = headerEnd >= 0 && body.slice(0, headerEnd).includes(':') ? body.slice(0, headerEnd) : '';
  return { type: m[1] ?? '', headers };
}

/** x509.CertPool.AppendCertsFromPEM succeeds for at least one CERTIFICATE block. */
function hasCertificate(pem: Buffer): boolean {
  const text = pem.toString('latin1');
  PEM_BLOCK.lastIndex = 0;
  for (let m = PEM_BLOCK.exec(text); m; m = PEM_BLOCK.exec(text)) {
    if (m[1] !== 'CERTIFICATE') continue;
    try {
      new X509Certificate(m[0]);
      return true;
    } catch {
      /* try the next block */
    }
  }
  return false;
}

/** tls.X509KeyPair, with docker's wrapping. */
function checkKeyPair(cert: Buffer, key: Buffer): void {
  const wrap = (msg: string) => new Error(`failed to retrieve context tls info: ${msg}`);
  const blocks = (pem: Buffer) => {
    const text = pem.toString('latin1');
    const out: Array<{ type: string; pem: string }> = [];
    PEM_BLOCK.lastIndex = 0;
    for (let m = PEM_BLOCK.exec(text); m; m = PEM_BLOCK.exec(text)) out.push({ type: m[1] ?? '', pem: m[0] });
    return out;
  };
  const certBlocks = blocks(cert);
  const certBlock = certBlocks.find((b) => b.type === 'CERTIFICATE');
  if (!certBlock) {
    const skipped = certBlocks.map((b) => b.type);
    if (skipped.length === 0) throw wrap('tls: failed to find any PEM data in certificate input');
    if (skipped.length === 1 && skipped[0]?.endsWith('PRIVATE KEY')) {
      throw wrap('tls: found a private key rather than a certificate in the PEM for the certificate');
    }
    throw wrap(`tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [${skipped.join(' ')}]`);
  }
  const keyBlocks = blocks(key);
  const keyIndex = keyBlocks.findIndex((b) => b.type === 'PRIVATE KEY' || b.type.endsWith(' PRIVATE KEY'));
  if (keyIndex < 0) {
    const skipped = keyBlocks.map((b) => b.type);
    if (skipped.length === 0) throw wrap('tls: failed to find any PEM data in key input');
    if (skipped.length === 1 && skipped[0] === 'CERTIFICATE') {
      throw wrap('tls: found a certificate rather than a key in the PEM for the private key');
    }
    throw wrap(`tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [${skipped.join(' ')}]`);
  }
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(certBlock.pem);
  } catch {
    throw wrap('x509: malformed certificate');
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(keyBlocks[keyIndex]?.pem ?? key);
  } catch {
    throw wrap('tls: failed to parse private key');
  }
  if (!x509.checkPrivateKey(privateKey)) throw wrap('tls: private key does not match public key');
}

// ---------------------------------------------------------------------------------------------
// ssh:// (cli/connhelper)

/** ssh.ParseURL / NewSpec, with connhelper's error wrapping. */
export function parseSSHURL(daemonURL: string): SSHSpec {
  const u = goParseURL(daemonURL);
  const invalid = (why: string) => new Error(`ssh host connection is not valid: invalid SSH URL: ${why}`);
  let user = '';
  if (u.user) {
    user = u.user.username;
    if (u.user.password !== undefined) throw invalid('plain-text password is not supported');
  }
  const host = urlHostname(u.host);
  if (host === '') throw invalid('hostname is empty');
  const port = urlPort(u.host);
  if (u.rawQuery !== '') throw invalid(`query parameters are not allowed: ${quote(u.rawQuery)}`);
  if (u.fragment !== '') throw invalid(`fragments are not allowed: ${quote(u.fragment)}`);
  return { user, host, port, path: u.path };
}

/**
 * The ssh argv docker 28.2.2 runs (cli/connhelper/connhelper.go, ssh.Spec.Args):
 * `ssh -o ConnectTimeout=30 -T [-l user] [-p port] -- host docker [--host unix://<path>] system dial-stdio`,
 * every word a separate argument, as docker passes them.
 */
export function sshCommand(spec: SSHSpec): { command: string; argv: string[] } {
  const argv: string[] = ['-o ConnectTimeout=30', '-T'];
  if (spec.user !== '') argv.push('-l', spec.user);
  if (spec.port !== '') argv.push('-p', spec.port);
  argv.push('--', spec.host, 'docker');
  if (spec.path !== '') argv.push('--host', `unix://${spec.path}`);
  argv.push('system', 'dial-stdio');
  return { command: 'ssh', argv };
}

// ---------------------------------------------------------------------------------------------
// Host strings (opts/hosts.go)

/** opts.ParseHost. */
export function parseHost(defaultToTLS: boolean, val: string): string {
  const host = trimSpace(val);
  if (host === '') return defaultToTLS ? DEFAULT_TLS_HOST : DEFAULT_HOST;
  return parseDockerDaemonHost(host);
}

function parseDockerDaemonHost(addr: string): string {
  const i = addr.indexOf('://');
  let proto = i < 0 ? addr : addr.slice(0, i);
  let host = i < 0 ? '' : addr.slice(i + 3);
  if (i < 0 && proto !== '') {
    host = proto;
    proto = 'tcp';
  }
  switch (proto) {
    case 'tcp':
      return parseTCPAddr(host, DEFAULT_TCP_HOST);
    case 'unix':
      return parseSimpleProtoAddr(proto, host, DEFAULT_UNIX_SOCKET);
    case 'npipe':
      return parseSimpleProtoAddr(proto, host, '//./pipe/docker_engine');
    case 'fd':
    case 'ssh':
      return addr;
    default:
      throw new Error(`invalid bind address format: ${addr}`);
  }
}

function parseSimpleProtoAddr(proto: string, addr: string, defaultAddr: string): string {
  let a = addr.startsWith(`${proto}://`) ? addr.slice(proto.length + 3) : addr;
  if (a.includes('://')) throw new Error(`invalid proto, expected ${proto}: ${a}`);
  if (a === '') a = defaultAddr;
  return `${proto}://${a}`;
}

/** opts.ParseTCPAddr. */
export function parseTCPAddr(tryAddr: string, defaultAddr: string): string {
  if (tryAddr === '' || tryAddr === 'tcp://') return defaultAddr;
  let addr = tryAddr.startsWith('tcp://') ? tryAddr.slice(6) : tryAddr;
  if (addr.includes('://') || addr === '') throw new Error(`invalid proto, expected tcp: ${tryAddr}`);
  const [defaultHost, defaultPort] = goSplitHostPort(defaultAddr.replace(/^tcp:\/\//, ''));
  if (addr.endsWith(']:')) addr += defaultPort;
  const u = goParseURL(`tcp://${addr}`);
  let host: string;
  let port: string;
  try {
    [host, port] = goSplitHostPort(u.host);
  } catch {
    try {
      [host, port] = goSplitHostPort(joinHostPort(u.host, defaultPort));
    } catch {
      throw new Error(`invalid bind address format: ${tryAddr}`);
    }
  }
  if (host === '') host = defaultHost;
  if (port === '') port = defaultPort;
  if (!/^[+-]?\d+$/.test(port) || Number(port) === 0) {
    // strconv.Atoi failing with p == 0; "0" itself parses fine.
    if (!/^[+-]?0+$/.test(port)) throw new Error(`invalid bind address format: ${tryAddr}`);
  }
  return `tcp://${joinHostPort(host, port)}${u.path}`;
}

/** net.SplitHostPort; throws Go's AddrError text. */
export function goSplitHostPort(hostport: string): [string, string] {
  const addrErr = (why: string) => new Error(`address ${hostport}: ${why}`);
  const i = hostport.lastIndexOf(':');
  if (i < 0) throw addrErr('missing port in address');
  let host: string;
  let j = 0;
  let k = 0;
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']');
    if (end < 0) throw addrErr("missing ']' in address");
    if (end + 1 === hostport.length) throw addrErr('missing port in address');
    if (end + 1 !== i) {
      if (hostport[end + 1] === ':') throw addrErr('too many colons in address');
      throw addrErr('missing port in address');
    }
    host = hostport.slice(1, end);
    j = 1;
    k = end + 1;
  } else {
    host = hostport.slice(0, i);
    if (host.includes(':')) throw addrErr('too many colons in address');
  }
  if (hostport.slice(j).includes('[')) throw addrErr("unexpected '[' in address");
  if (hostport.slice(k).includes(']')) throw addrErr("unexpected ']' in address");
  return [host, hostport.slice(i + 1)];
}

// ---------------------------------------------------------------------------------------------
// A port of the parts of Go's net/url.Parse that host strings exercise

export interface GoURL {
  readonly scheme: string;
  readonly user?: { readonly username: string; readonly password?: string };
  /** Host with optional port, unescaped ("[::1]:2375", "example.com"). */
  readonly host: string;
  /** Unescaped path. */
  readonly path: string;
  readonly rawQuery: string;
  readonly fragment: string;
}

/** url.Parse; throws `parse "<raw>": <reason>` like *url.Error. */
export function goParseURL(raw: string): GoURL {
  const fail = (why: string) => new Error(`parse ${quote(raw)}: ${why}`);
  const hashAt = raw.indexOf('#');
  const main = hashAt < 0 ? raw : raw.slice(0, hashAt);
  const fragRaw = hashAt < 0 ? '' : raw.slice(hashAt + 1);
  if (/[\x00-\x1f\x7f]/.test(main)) throw fail('net/url: invalid control character in URL');
  let fragment = '';
  try {
    fragment = unescape(fragRaw, 'fragment');
  } catch (e) {
    throw fail(messageOf(e));
  }
  // Scheme
  let scheme = '';
  let rest = main;
  for (let i = 0; i < main.length; i++) {
    const c = main[i] ?? '';
    if (/[A-Za-z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) break;
      continue;
    }
    if (c === ':') {
      if (i === 0) throw fail('missing protocol scheme');
      scheme = main.slice(0, i).toLowerCase();
      rest = main.slice(i + 1);
    }
    break;
  }
  let rawQuery = '';
  const q = rest.indexOf('?');
  if (q >= 0) {
    rawQuery = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  let host = '';
  let user: GoURL['user'];
  if (!rest.startsWith('/')) {
    // A rootless path after a scheme is opaque ("ssh:host"): no host, no path.
    if (scheme !== '') return { scheme, host: '', path: '', rawQuery, fragment };
    if ((rest.split('/', 1)[0] ?? '').includes(':')) throw fail('first path segment in URL cannot contain colon');
  }
  if (rest.startsWith('//') && (scheme !== '' || !rest.startsWith('///'))) {
    const slash = rest.indexOf('/', 2);
    const authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    rest = slash < 0 ? '' : rest.slice(slash);
    try {
      const at = authority.lastIndexOf('@');
      if (at >= 0) {
        const userinfo = authority.slice(0, at);
        if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo)) throw new Error('net/url: invalid userinfo');
        const colon = userinfo.indexOf(':');
        user =
          colon < 0
            ? { username: unescape(userinfo, 'userinfo') }
            : { username: unescape(userinfo.slice(0, colon), 'userinfo'), password: unescape(userinfo.slice(colon + 1), 'userinfo') };
      }
      host = parseURLHost(at >= 0 ? authority.slice(at + 1) : authority);
    } catch (e) {
      throw fail(messageOf(e));
    }
  }
  let path: string;
  try {
    path = unescape(rest, 'path');
  } catch (e) {
    throw fail(messageOf(e));
  }
  return { scheme, ...(user ? { user } : {}), host, path, rawQuery, fragment };
}

function parseURLHost(host: string): string {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) throw new Error("missing ']' in host");
    const colonPort = host.slice(i + 1);
    if (!validOptionalPort(colonPort)) throw new Error(`invalid port ${quote(colonPort)} after host`);
  } else {
    const i = host.lastIndexOf(':');
    if (i >= 0) {
      const colonPort = host.slice(i);
      if (!validOptionalPort(colonPort)) throw new Error(`invalid port ${quote(colonPort)} after host`);
    }
  }
  return unescape(host, 'host');
}

function validOptionalPort(port: string): boolean {
  if (port === '') return true;
  if (!port.startsWith(':')) return false;
  return /^\d*$/.test(port.slice(1));
}

const HOST_OK = "!$&'()*+,;=:[]<>\"";

function unescape(s: string, mode: 'host' | 'path' | 'userinfo' | 'fragment'): string {
  const bytes: number[] = [];
  const src = Buffer.from(s, 'utf8');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === 0x25 /* % */) {
      const h1 = src[i + 1];
      const h2 = src[i + 2];
      const isHex = (h: number | undefined) =>
        h !== undefined && ((h >= 0x30 && h <= 0x39) || (h >= 0x41 && h <= 0x46) || (h >= 0x61 && h <= 0x66));
      if (!isHex(h1) || !isHex(h2)) {
        const esc = src.subarray(i, Math.min(i + 3, src.length)).toString('utf8');
        throw new Error(`invalid URL escape ${quote(esc)}`);
      }
      const v = parseInt(String.fromCharCode(h1!, h2!), 16);
      if (mode === 'host' && v < 0x80 && src.subarray(i, i + 3).toString() !== '%25') {
        throw new Error(`invalid URL escape ${quote(src.subarray(i, i + 3).toString())}`);
      }
      bytes.push(v);
      i += 2;
      continue;
    }
    if (mode === 'host' && c < 0x80) {
      const ch = String.fromCharCode(c);
      if (!/[A-Za-z0-9\-_.~]/.test(ch) && !HOST_OK.includes(ch)) {
        throw new Error(`invalid character ${quote(ch)} in host name`);
      }
    }
    bytes.push(c);
  }
  return Buffer.from(bytes).toString('utf8');
}

/** url.URL.Hostname(). */
function urlHostname(host: string): string {
  const [h] = splitHostPortLoose(host);
  if (h.startsWith('[') && h.endsWith(']')) return h.slice(1, -1);
  return h;
}

/** url.URL.Port(). */
function urlPort(host: string): string {
  return splitHostPortLoose(host)[1];
}

function splitHostPortLoose(hostPort: string): [string, string] {
  let host = hostPort;
  let port = '';
  const colon = host.lastIndexOf(':');
  if (colon !== -1 && validOptionalPort(host.slice(colon))) {
    port = host.slice(colon + 1);
    host = host.slice(0, colon);
  }
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return [host, port];
}

// ---------------------------------------------------------------------------------------------
// DOCKER_CUSTOM_HEADERS (withCustomHeadersFromEnv)

/** Parses DOCKER_CUSTOM_HEADERS; undefined when unset/empty (config.json headers then apply). */
export function customHeadersFromEnv(value: string | undefined): Record<string, string> | undefined {
  if (!value) return undefined;
  let fields: string[];
  try {
    fields = csvFirstRecord(value);
  } catch {
    throw new Error(
      'failed to parse custom headers from DOCKER_CUSTOM_HEADERS environment variable: value must be formatted as comma-separated key=value pairs',
    );
  }
  if (fields.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const kv of fields) {
    const eq = kv.indexOf('=');
    const k = trimSpace(eq < 0 ? kv : kv.slice(0, eq));
    if (k === '') {
      throw new Error(
        `failed to set custom headers from DOCKER_CUSTOM_HEADERS environment variable: value contains a key=value pair with an empty key: '${kv}'`,
      );
    }
    if (eq < 0) {
      throw new Error(
        `failed to set custom headers from DOCKER_CUSTOM_HEADERS environment variable: missing "=" in key=value pair: '${kv}'`,
      );
    }
    out[canonicalHeaderKey(k)] = kv.slice(eq + 1);
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

/** net/http.CanonicalHeaderKey. */
export function canonicalHeaderKey(k: string): string {
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(k)) return k;
  return k.toLowerCase().replace(/(^|-)([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());
}

// ---------------------------------------------------------------------------------------------
// Go path helpers

/** path/filepath.Clean (POSIX). */
export function goClean(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!rooted) parts.push('..');
      continue;
    }
    parts.push(seg);
  }
  const out = (rooted ? '/' : '') + parts.join('/');
  return out === '' ? '.' : out;
}

/** path/filepath.Join (POSIX): empty elements ignored, result cleaned. */
export function goJoin(...elems: string[]): string {
  const nonEmpty = elems.filter((e) => e !== '');
  if (nonEmpty.length === 0) return '';
  return goClean(nonEmpty.join('/'));
}
