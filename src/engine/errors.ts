/**
 * Errors exactly as the docker 28 CLI prints them, plus the small pieces of Go formatting
 * (url.Error, encoding/json syntax errors, errno texts) those messages embed.
 *
 * Sources: vendor/github.com/docker/docker/client/{request.go,errors.go} in docker/cli v28.2.2
 * (doRequest, checkResponseErr, connectionFailed), cli/connhelper/commandconn/commandconn.go.
 * Every message here was compared with the real docker 28.2.2 client (see test/unit/transport.test.ts).
 */
import { DaemonError, StatusError } from '../errors.ts';
import { quote, quoteBytes } from '../go/quote.ts';
import { trimSpace } from '../go/strings.ts';
import type { Response } from './types.ts';

// ---------------------------------------------------------------------------------------------
// Error classes

/** `Failed to initialize: …` — the endpoint or client options could not be set up (exit 1). */
export class EngineInitError extends StatusError {
  constructor(readonly detail: string) {
    super(`Failed to initialize: ${detail}`, 1);
    this.name = 'EngineInitError';
  }
}

/** An error docker reports before any command runs (e.g. --host together with --context). */
export class EngineOptionsError extends StatusError {
  constructor(message: string) {
    super(message, 1);
    this.name = 'EngineOptionsError';
  }
}

export type ConnectionErrorKind =
  /** "Cannot connect to the Docker daemon at …" (refused, timeout, any unix dial error). */
  | 'unreachable'
  /** "permission denied while trying to connect to the Docker daemon socket at …". */
  | 'permission'
  /** A plain-HTTP client got a non-HTTP answer ("Are you trying to connect to a TLS-enabled daemon…"). */
  | 'tls-expected'
  /** The daemon rejected the client certificate. */
  | 'client-cert'
  /** Everything else: "error during connect: …". */
  | 'other';

/** A transport failure (Go's errConnectionFailed). Printed as-is, exit 1. */
export class EngineConnectionError extends StatusError {
  constructor(
    message: string,
    readonly kind: ConnectionErrorKind,
  ) {
    super(message, 1);
    this.name = 'EngineConnectionError';
  }
}

/**
 * An HTTP error status whose text docker prints without the "Error response from daemon: "
 * prefix (empty body, oversized body, unreadable JSON). Still a DaemonError so commands can
 * test `statusCode` uniformly.
 */
export class DaemonStatusError extends DaemonError {
  constructor(message: string, statusCode: number) {
    super(message, statusCode);
    this.message = message;
    this.name = 'DaemonStatusError';
  }
}

/** An error whose message is already the text Go would put after `Get "<url>": `. */
export interface GoTextError extends Error {
  goText: string;
}

export function goTextError(goText: string, extra?: Record<string, unknown>): GoTextError {
  const err = new Error(goText) as GoTextError;
  err.goText = goText;
  if (extra) Object.assign(err, extra);
  return err;
}

// ---------------------------------------------------------------------------------------------
// Go formatting helpers

/** The `'c'` rendering Go's JSON scanner uses for an offending byte (quoteChar). */
function jsonQuoteChar(byte: number): string {
  if (byte === 0x27) return `'\\''`;
  if (byte === 0x22) return `'"'`;
  const q = quote(String.fromCharCode(byte));
  return `'${q.slice(1, -1)}'`;
}

/** The text Go's syscall.Errno prints for the errno codes Node reports. */
const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in system',
  EINVAL: 'invalid argument',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by peer',
  ECONNABORTED: 'software caused connection abort',
  ETIMEDOUT: 'connection timed out',
  ENETUNREACH: 'network is unreachable',
  EHOSTUNREACH: 'no route to host',
  EHOSTDOWN: 'host is down',
  ENETDOWN: 'network is down',
  EADDRNOTAVAIL: 'cannot assign requested address',
  EADDRINUSE: 'address already in use',
  EAFNOSUPPORT: 'address family not supported by protocol',
  EPROTOTYPE: 'protocol wrong type for socket',
  ENOTSOCK: 'socket operation on non-socket',
  EPIPE: 'broken pipe',
  ENXIO: 'no such device or address',
  EAGAIN: 'resource temporarily unavailable',
};

export function errnoText(code: string | undefined, fallback = 'unknown error'): string {
  return (code && ERRNO_TEXT[code]) || fallback;
}

/** Go's *fs.PathError text for a failed os.ReadFile: "open <path>: no such file or directory". */
export function goFileError(path: string, err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const op = e?.syscall === 'read' ? 'read' : 'open';
  return `${op} ${path}: ${errnoText(e?.code, e?.message ?? String(err))}`;
}

/** Go's url.Error text: `Get "http://…/v1.50/nodes": <err>`. */
export function goURLError(method: string, url: string, inner: string): string {
  const op = method.charAt(0).toUpperCase() + method.slice(1).toLowerCase();
  return `${op} ${quote(url)}: ${inner}`;
}

// ---------------------------------------------------------------------------------------------
// encoding/json syntax errors (a port of the state machine in Go's encoding/json/scanner.go)

type Ctx = 'object-key' | 'object-value' | 'array';

/**
 * Validates `text` the way Go's json.Unmarshal does and returns Go's error message, or
 * undefined when the text is valid JSON. With `decoder` true it mimics json.Decoder.Decode
 * instead: only the first value is checked, trailing data is ignored, an empty input is "EOF"
 * and a truncated value is "unexpected EOF".
 */
export function goJSONSyntaxError(text: string, decoder = false): string | undefined {
  const b = Buffer.from(text, 'utf8');
  let i = 0;
  const stack: Ctx[] = [];
  const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
  const eof = () => (decoder ? (i === 0 || onlySpaceBefore(b, i) ? 'EOF' : 'unexpected EOF') : 'unexpected end of JSON input');
  const bad = (c: number, where: string) => `invalid character ${jsonQuoteChar(c)} ${where}`;

  const skipSpace = () => {
    while (i < b.length && isSpace(b[i]!)) i++;
  };

  // Returns an error message, or undefined after consuming one value.
  const value = (): string | undefined => {
    skipSpace();
    if (i >= b.length) return eof();
    const c = b[i]!;
    if (c === 0x7b /* { */) {
      i++;
      skipSpace();
      if (i >= b.length) return eof();
      if (b[i] === 0x7d) {
        i++;
        return undefined;
      }
      for (;;) {
        skipSpace();
        if (i >= b.length) return eof();
        if (b[i] !== 0x22) return bad(b[i]!, 'looking for beginning of object key string');
        const e = str();
        if (e) return e;
        skipSpace();
        if (i >= b.length) return eof();
        if (b[i] !== 0x3a) return bad(b[i]!, 'after object key');
        i++;
        stack.push('object-value');
        const ve = value();
        stack.pop();
        if (ve) return ve;
        skipSpace();
        if (i >= b.length) return eof();
        if (b[i] === 0x2c) {
          i++;
          continue;
        }
        if (b[i] === 0x7d) {
          i++;
          return undefined;
        }
        return bad(b[i]!, 'after object key:value pair');
      }
    }
    if (c === 0x5b /* [ */) {
      i++;
      skipSpace();
      if (i >= b.length) return eof();
      if (b[i] === 0x5d) {
        i++;
        return undefined;
      }
      for (;;) {
        stack.push('array');
        const ve = value();
        stack.pop();
        if (ve) return ve;
        skipSpace();
        if (i >= b.length) return eof();
        if (b[i] === 0x2c) {
          i++;
          continue;
        }
        if (b[i] === 0x5d) {
          i++;
          return undefined;
        }
        return bad(b[i]!, 'after array element');
      }
    }
    if (c === 0x22) return str();
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return num();
    if (c === 0x74) return lit('true');
    if (c === 0x66) return lit('false');
    if (c === 0x6e) return lit('null');
    return bad(c, 'looking for beginning of value');
  };

  const str = (): string | undefined => {
    i++; // opening quote
    for (;;) {
      if (i >= b.length) return eof();
      const c = b[i]!;
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c === 0x5c) {
        i++;
        if (i >= b.length) return eof();
        const e = b[i]!;
        if ('"\\/bfnrt'.includes(String.fromCharCode(e))) {
          i++;
          continue;
        }
        if (e === 0x75) {
          i++;
          for (let k = 0; k < 4; k++) {
            if (i >= b.length) return eof();
            const h = b[i]!;
            const isHex = (h >= 0x30 && h <= 0x39) || (h >= 0x41 && h <= 0x46) || (h >= 0x61 && h <= 0x66);
            if (!isHex) return bad(h, 'in \\u hexadecimal character escape');
            i++;
          }
          continue;
        }
        return bad(e, 'in string escape code');
      }
      if (c < 0x20) return bad(c, 'in string literal');
      i++;
    }
  };

  const digit = (c: number | undefined) => c !== undefined && c >= 0x30 && c <= 0x39;
  const num = (): string | undefined => {
    if (b[i] === 0x2d) {
      i++;
      if (i >= b.length) return eof();
      if (!digit(b[i])) return bad(b[i]!, 'in numeric literal');
    }
    if (b[i] === 0x30) i++;
    else while (digit(b[i])) i++;
    if (b[i] === 0x2e) {
      i++;
      if (i >= b.length) return eof();
      if (!digit(b[i])) return bad(b[i]!, 'after decimal point in numeric literal');
      while (digit(b[i])) i++;
    }
    if (b[i] === 0x65 || b[i] === 0x45) {
      i++;
      if (b[i] === 0x2b || b[i] === 0x2d) i++;
      if (i >= b.length) return eof();
      if (!digit(b[i])) return bad(b[i]!, 'in exponent of numeric literal');
      while (digit(b[i])) i++;
    }
    return undefined;
  };

  const lit = (word: string): string | undefined => {
    for (let k = 0; k < word.length; k++) {
      if (i >= b.length) return eof();
      if (b[i] !== word.charCodeAt(k)) {
        return bad(b[i]!, `in literal ${word} (expecting ${jsonQuoteChar(word.charCodeAt(k))})`);
      }
      i++;
    }
    return undefined;
  };

  const err = value();
  if (err) return err;
  if (decoder) return undefined;
  skipSpace();
  if (i < b.length) return bad(b[i]!, 'after top-level value');
  return undefined;
}

function onlySpaceBefore(b: Uint8Array, end: number): boolean {
  for (let k = 0; k < end; k++) {
    const c = b[k];
    if (!(c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d)) return false;
  }
  return true;
}

/** The JSON kind name Go uses in UnmarshalTypeError ("string", "number", "bool", "array", "object"). */
export function goJSONKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/** Finds a struct field the way encoding/json does: exact or case-insensitive key, last one wins. */
export function goJSONField(obj: Record<string, unknown>, name: string): unknown {
  let found: unknown;
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(obj)) {
    if (k.toLowerCase() === lower) found = v;
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Daemon error responses (client.checkResponseErr)

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Request Entity Too Large',
  414: 'Request URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Requested Range Not Satisfiable',
  417: 'Expectation Failed',
  418: "I'm a teapot",
  421: 'Misdirected Request',
  422: 'Unprocessable Entity',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  510: 'Not Extended',
  511: 'Network Authentication Required',
};

/** Go's http.StatusText. */
export function httpStatusText(code: number): string {
  return STATUS_TEXT[code] ?? '';
}

/** Error bodies larger than this are not shown (checkResponseErr's bodyMax). */
export const ERROR_BODY_MAX = 1024 * 1024;

/**
 * The error docker returns for an HTTP status >= 400: `Error response from daemon: <message>`
 * for JSON bodies with a message and for plain-text bodies; docker's own texts otherwise.
 * Returns undefined for statuses below 400.
 */
export function daemonErrorFrom(res: Response): DaemonError | undefined {
  const code = res.statusCode;
  if (code >= 200 && code < 400) return undefined;
  if (code < 200 && code >= 100) return undefined;
  const statusMsg = res.status || `${code} ${httpStatusText(code)}`.trimEnd() || String(code);
  const url = res.url ?? '';
  const bodyBytes = Buffer.byteLength(res.body, 'utf8');
  if (bodyBytes >= ERROR_BODY_MAX) {
    return new DaemonStatusError(
      url
        ? `request returned ${statusMsg} with a message (> ${ERROR_BODY_MAX} bytes) for API route and version ${url}, check if the server supports the requested API version`
        : `request returned ${statusMsg} with a message (> ${ERROR_BODY_MAX} bytes); check if the server supports the requested API version`,
      code,
    );
  }
  if (bodyBytes === 0) {
    return new DaemonStatusError(
      url
        ? `request returned ${statusMsg} for API route and version ${url}, check if the server supports the requested API version`
        : `request returned ${statusMsg}; check if the server supports the requested API version`,
      code,
    );
  }
  const contentType = firstHeader(res.headers['content-type']);
  if (contentType === 'application/json') {
    const syntax = goJSONSyntaxError(res.body);
    if (syntax) return new DaemonStatusError(`Error reading JSON: ${syntax}`, code);
    const parsed: unknown = JSON.parse(res.body);
    let message = '';
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const m = goJSONField(parsed as Record<string, unknown>, 'message');
      if (typeof m === 'string') message = m;
      else if (m !== undefined && m !== null) {
        return new DaemonStatusError(
          `Error reading JSON: json: cannot unmarshal ${goJSONKind(m)} into Go struct field ErrorResponse.message of type string`,
          code,
        );
      }
    } else if (parsed !== null) {
      return new DaemonStatusError(
        `Error reading JSON: json: cannot unmarshal ${goJSONKind(parsed)} into Go value of type types.ErrorResponse`,
        code,
      );
    }
    if (message === '') {
      return new DaemonError(`API returned a ${code} (${httpStatusText(code)}) but provided no error-message`, code);
    }
    return new DaemonError(trimSpace(message), code);
  }
  return new DaemonError(trimSpace(res.body), code);
}

function firstHeader(v: string | string[] | undefined): string {
  if (Array.isArray(v)) return v[0] ?? '';
  return v ?? '';
}


// ---------------------------------------------------------------------------------------------
// Transport failures (client.doRequest)

export interface RequestDescription {
  /** HTTP method, e.g. GET. */
  readonly method: string;
  /** The URL as Go prints it, e.g. http://%2Fvar%2Frun%2Fdocker.sock/v1.50/nodes. */
  readonly url: string;
  /** cli.host: the daemon host as docker shows it (unix:///…, tcp://…, http://docker.example.com). */
  readonly host: string;
  readonly scheme: 'http' | 'https';
  /** The socket path, for unix hosts. */
  readonly socketPath?: string;
  /** The host name being dialled, for tcp hosts (before DNS). */
  readonly hostname?: string;
  /** The first nameserver of /etc/resolv.conf as Go prints it ("10.0.0.53:53"). */
  readonly nameserver?: string;
}

const TLS_ALERTS: Record<number, string> = {
  0: 'close notify',
  10: 'unexpected message',
  20: 'bad record MAC',
  21: 'decryption failed',
  22: 'record overflow',
  30: 'decompression failure',
  40: 'handshake failure',
  42: 'bad certificate',
  43: 'unsupported certificate',
  44: 'revoked certificate',
  45: 'expired certificate',
  46: 'unknown certificate',
  47: 'illegal parameter',
  48: 'unknown certificate authority',
  49: 'access denied',
  50: 'error decoding message',
  51: 'error decrypting message',
  60: 'export restriction',
  70: 'protocol version not supported',
  71: 'insufficient security level',
  80: 'internal error',
  86: 'inappropriate fallback',
  90: 'user canceled',
  100: 'no renegotiation',
  109: 'missing extension',
  110: 'unsupported extension',
  111: 'certificate unobtainable',
  112: 'unrecognized name',
  113: 'bad certificate status response',
  114: 'bad certificate hash value',
  115: 'unknown PSK identity',
  116: 'certificate required',
  120: 'no application protocol',
  121: 'encrypted client hello required',
};

const UNKNOWN_AUTHORITY_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

/** Is this the AbortSignal cancelling the request (Go: context.Canceled, passed through as-is)? */
export function isAbortError(err: unknown): boolean {
  const e = err as { name?: string; code?: string } | undefined;
  return e?.name === 'AbortError' || e?.code === 'ABORT_ERR';
}

/**
 * Maps a Node request error to the error docker prints for it. Abort errors are returned
 * unchanged (the caller decides how a cancelled command exits).
 */
export function connectionErrorFrom(err: unknown, req: RequestDescription): Error {
  if (isAbortError(err)) return err as Error;
  const e = primaryError(err);
  const code = e.code;
  const urlErr = (inner: string) => goURLError(req.method, req.url, inner);
  const unreachable = () =>
    new EngineConnectionError(`Cannot connect to the Docker daemon at ${req.host}. Is the docker daemon running?`, 'unreachable');
  const other = (inner: string) => new EngineConnectionError(`error during connect: ${urlErr(inner)}`, 'other');

  if (typeof (e as Partial<GoTextError>).goText === 'string') {
    if ((e as { timeout?: boolean }).timeout) return unreachable();
    return other((e as GoTextError).goText);
  }

  // HTTP parse failures: Go's "malformed HTTP response" (a TLS daemon answering plain HTTP).
  if (typeof code === 'string' && code.startsWith('HPE_')) {
    const raw = (e as { rawPacket?: Uint8Array }).rawPacket;
    const inner = `net/http: HTTP/1.x transport connection broken: ${goReadResponseError(raw)}`;
    if (req.scheme !== 'https' && inner.includes('malformed HTTP response')) {
      return new EngineConnectionError(
        `${urlErr(inner)}.\n* Are you trying to connect to a TLS-enabled daemon without TLS?`,
        'tls-expected',
      );
    }
    return other(inner);
  }

  if (req.scheme === 'https') {
    const tlsText = goTLSErrorText(e, req);
    if (tlsText !== undefined) {
      if (tlsText.includes('bad certificate')) {
        return new EngineConnectionError(
          `the server probably has client authentication (--tlsverify) enabled; check your TLS client certification settings: ${urlErr(tlsText)}`,
          'client-cert',
        );
      }
      return other(tlsText);
    }
  }

  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL' || code === 'EAI_NONAME' || code === 'EAI_NODATA') {
    const name = (e as { hostname?: string }).hostname ?? req.hostname ?? '';
    const on = req.nameserver ? ` on ${req.nameserver}` : '';
    const why = code === 'ENOTFOUND' || code === 'EAI_NONAME' || code === 'EAI_NODATA' ? 'no such host' : 'server misbehaving';
    return other(`dial tcp: lookup ${name}${on}: ${why}`);
  }

  if (e.syscall === 'connect' || code === 'ETIMEDOUT') {
    const errno = errnoText(code, e.message);
    const target = req.socketPath !== undefined ? `unix ${req.socketPath}` : `tcp ${joinHostPort(String(e.address ?? req.hostname ?? ''), String(e.port ?? ''))}`;
    const inner = `dial ${target}: connect: ${errno}`;
    if (code === 'EACCES' || code === 'EPERM') {
      return new EngineConnectionError(
        `permission denied while trying to connect to the Docker daemon socket at ${req.host}: ${urlErr(inner)}`,
        'permission',
      );
    }
    if (code === 'ETIMEDOUT' || code === 'ECONNREFUSED' || req.socketPath !== undefined) return unreachable();
    return other(inner);
  }

  if (code === 'ECONNRESET' && e.syscall === 'read' && req.socketPath !== undefined) {
    return other(`read unix @->${req.socketPath}: read: connection reset by peer`);
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || e.message === 'socket hang up') {
    return other('EOF');
  }
  return other(e.message || String(err));
}

interface NodeErrorLike {
  code?: string;
  syscall?: string;
  address?: string;
  port?: number | string;
  message: string;
}

/** Node 20's happy-eyeballs connect reports an AggregateError; docker names one failure. */
function primaryError(err: unknown): NodeErrorLike {
  if (err instanceof AggregateError && err.errors.length > 0) {
    const first = err.errors[0] as NodeErrorLike;
    return { ...first, code: (err as { code?: string }).code ?? first.code, message: first.message };
  }
  if (err instanceof Error) return err as unknown as NodeErrorLike;
  return { message: String(err) };
}

/** net.JoinHostPort. */
export function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * What Go's http.ReadResponse says about a response whose status line it cannot parse,
 * given the first bytes the server sent.
 */
function goReadResponseError(raw: Uint8Array | undefined): string {
  if (!raw) return 'malformed HTTP response ""';
  let end = raw.indexOf(0x0a);
  if (end < 0) end = raw.length;
  let lineBytes = raw.subarray(0, end);
  if (lineBytes.length > 0 && lineBytes[lineBytes.length - 1] === 0x0d) lineBytes = lineBytes.subarray(0, lineBytes.length - 1);
  const line = Buffer.from(lineBytes).toString('latin1');
  const sp = line.indexOf(' ');
  if (sp < 0) return `malformed HTTP response ${quoteBytes(lineBytes)}`;
  const proto = line.slice(0, sp);
  const status = line.slice(sp + 1).replace(/^ +/, '');
  const codeText = status.split(' ', 1)[0] ?? '';
  if (codeText.length !== 3 || !/^\d{3}$/.test(codeText)) {
    return `malformed HTTP status code ${quoteBytes(Buffer.from(codeText, 'latin1'))}`;
  }
  if (!/^HTTP\/\d\.\d$/.test(proto)) return `malformed HTTP version ${quoteBytes(Buffer.from(proto, 'latin1'))}`;
  return `malformed HTTP response ${quoteBytes(lineBytes)}`;
}

/** Go's crypto/tls / x509 wording for a failed TLS handshake, or undefined if not TLS-related. */
function goTLSErrorText(e: NodeErrorLike, req: RequestDescription): string | undefined {
  const code = e.code ?? '';
  const msg = e.message ?? '';
  const alert = /alert number (\d+)/.exec(msg);
  if (alert) {
    const n = Number(alert[1]);
    return `remote error: tls: ${TLS_ALERTS[n] ?? `alert(${n})`}`;
  }
  if (UNKNOWN_AUTHORITY_CODES.has(code)) {
    return 'tls: failed to verify certificate: x509: certificate signed by unknown authority';
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const cert = (e as { cert?: { subjectaltname?: string } }).cert;
    const host = (e as { host?: string }).host ?? req.hostname ?? '';
    return `tls: failed to verify certificate: ${goHostnameError(cert?.subjectaltname ?? '', host)}`;
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return 'tls: failed to verify certificate: x509: certificate has expired or is not yet valid';
  }
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG' || code === 'ERR_SSL_HTTP_REQUEST') {
    return 'http: server gave HTTP response to HTTPS client';
  }
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) return msg;
  return undefined;
}

/** x509.HostnameError text. */
function goHostnameError(san: string, host: string): string {
  const names: string[] = [];
  const ips: string[] = [];
  for (const part of san.split(',')) {
    const p = part.trim();
    if (p.startsWith('DNS:')) names.push(p.slice(4));
    else if (p.startsWith('IP Address:')) ips.push(p.slice(11));
  }
  const isIP = /^[\d.]+$/.test(host) || host.includes(':');
  if (isIP) {
    if (ips.length === 0) return `x509: cannot validate certificate for ${host} because it doesn't contain any IP SANs`;
    return `x509: certificate is valid for ${ips.join(', ')}, not ${host}`;
  }
  if (names.length === 0) return `x509: certificate is not valid for any names, but wanted to match ${host}`;
  return `x509: certificate is valid for ${names.join(', ')}, not ${host}`;
}
