/**
 * tsw's own view of the Engine API: the narrow interface commands use, and the JSON shapes
 * they read. Only src/engine/client.ts talks to dockerode.
 */

/** Filters as the Engine API takes them: {"key":{"value":true}} (client.Filters). */
export type Filters = Record<string, Record<string, boolean>>;

/** A decoded API object together with the daemon's raw response text (for inspect). */
export interface Raw<T> {
  readonly value: T;
  readonly raw: string;
}

export interface PingInfo {
  readonly apiVersion: string;
  readonly osType: string;
  readonly experimental: boolean;
  /** The Swarm header: "<nodeState>/<manager|worker>", e.g. "active/manager"; "" if absent. */
  readonly swarm: string;
}

export interface RequestOptions {
  readonly method: 'GET' | 'HEAD' | 'POST' | 'DELETE' | 'PUT';
  /**
   * The API path without version and without query, NOT percent-encoded: `/nodes/${ref}`.
   * The transport joins and cleans it like Go's path.Join and escapes it like net/url.
   */
  readonly path: string;
  /** Query parameters, encoded like url.Values.Encode (sorted keys); booleans become "true"/"false". */
  readonly query?: Record<string, string | number | boolean | undefined>;
  /** Sent as JSON with Content-Type application/json. Never copied into the URL. */
  readonly body?: unknown;
  /** A body already encoded as JSON, sent like body (for int64 values JSON.stringify cannot write exactly). */
  readonly bodyJSON?: string;
  readonly headers?: Record<string, string>;
  /** Do not prefix the path with /v<version> (only /_ping). */
  readonly unversioned?: boolean;
  readonly signal?: AbortSignal;
}

export interface Response {
  readonly statusCode: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  /** The status line text as Go shows it, e.g. "404 Not Found". */
  readonly status?: string;
  /** The request URL as docker prints it in messages, e.g. http://%2Fvar%2Frun%2Fdocker.sock/v1.47/nodes. */
  readonly url?: string;
}

/** The low-level transport: one HTTP exchange with the daemon. */
export interface Transport {
  /** The host as docker shows it in messages, e.g. unix:///var/run/docker.sock. */
  readonly host: string;
  request(opts: RequestOptions): Promise<Response>;
  /**
   * A streaming request (logs, events); the caller reads and closes the stream.
   * Rejects with the mapped daemon error when the status is >= 400 (request() does not).
   */
  stream(opts: RequestOptions): Promise<NodeJS.ReadableStream & { destroy(): void }>;
  close(): void;
}

/** The Engine API as tsw's commands use it. Errors are thrown as DaemonError or connection errors. */
export interface Engine {
  readonly host: string;
  /** The negotiated API version, e.g. "1.41". */
  apiVersion(): Promise<string>;
  ping(): Promise<PingInfo>;
  version(): Promise<SystemVersion>;
  info(): Promise<SystemInfo>;
  listNodes(filters?: Filters): Promise<SwarmNode[]>;
  inspectNode(ref: string): Promise<Raw<SwarmNode>>;
  /** A raw API exchange for the commands that need one the interface does not name yet. */
  request<T = unknown>(opts: RequestOptions): Promise<Raw<T>>;
  /**
   * A streaming exchange (logs, events): the body as it arrives. Rejects with the daemon's error
   * when the status is >= 400. The caller consumes the stream and destroys it when done.
   */
  stream(opts: RequestOptions): Promise<NodeJS.ReadableStream & { destroy(): void }>;
  close(): void;
}

export interface Version {
  readonly Index?: number;
}

export interface SwarmNode {
  readonly ID: string;
  readonly Version?: Version;
  readonly CreatedAt?: string;
  readonly UpdatedAt?: string;
  readonly Spec?: {
    readonly Name?: string;
    readonly Labels?: Record<string, string> | null;
    readonly Role?: string;
    readonly Availability?: string;
  };
  readonly Description?: {
    readonly Hostname?: string;
    readonly Platform?: { readonly Architecture?: string; readonly OS?: string };
    readonly Resources?: { readonly NanoCPUs?: number; readonly MemoryBytes?: number };
    readonly Engine?: {
      readonly EngineVersion?: string;
      readonly Labels?: Record<string, string> | null;
      readonly Plugins?: ReadonlyArray<{ readonly Type: string; readonly Name: string }> | null;
    };
    readonly TLSInfo?: TLSInfo;
  };
  readonly Status?: { readonly State?: string; readonly Message?: string; readonly Addr?: string };
  readonly ManagerStatus?: {
    readonly Leader?: boolean;
    readonly Reachability?: string;
    readonly Addr?: string;
  } | null;
}

export interface TLSInfo {
  readonly TrustRoot?: string;
  readonly CertIssuerSubject?: string;
  readonly CertIssuerPublicKey?: string;
}

export interface SystemInfo {
  readonly ID?: string;
  readonly Name?: string;
  readonly ServerVersion?: string;
  readonly Swarm?: {
    readonly NodeID?: string;
    readonly NodeAddr?: string;
    readonly LocalNodeState?: string;
    readonly ControlAvailable?: boolean;
    readonly Error?: string;
    readonly Cluster?: { readonly ID?: string; readonly TLSInfo?: TLSInfo } | null;
  };
  readonly [key: string]: unknown;
}

export interface SystemVersion {
  readonly Platform?: { readonly Name?: string };
  readonly Components?: ReadonlyArray<{
    readonly Name: string;
    readonly Version: string;
    readonly Details?: Record<string, string>;
  }>;
  readonly Version?: string;
  readonly ApiVersion?: string;
  readonly MinAPIVersion?: string;
  readonly GitCommit?: string;
  readonly GoVersion?: string;
  readonly Os?: string;
  readonly Arch?: string;
  readonly KernelVersion?: string;
  readonly Experimental?: boolean;
  readonly BuildTime?: string;
}
