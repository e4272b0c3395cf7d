import type { ConfigFile } from './configfile.ts';
import type { Engine } from './engine/types.ts';
import type { GlobalOptions } from './globals.ts';

/** A sink for text: stdout or stderr. */
export interface Out {
  write(text: string): void;
  /** Writes bytes as they are (log payloads need not be UTF-8); absent in test sinks. */
  writeBytes?(data: Uint8Array): void;
  readonly isTTY: boolean;
  /** Terminal width in columns; 0 when not a terminal. */
  readonly columns: number;
}

/**
 * Everything a command may touch outside its own arguments. Built once in src/cli.ts,
 * faked in test/support. No module outside src/cli.ts reads process, console or the clock.
 */
export interface Deps {
  readonly stdout: Out;
  readonly stderr: Out;
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Wall-clock time; injected so renderers and tests agree on "now". */
  now(): Date;
  /**
   * Calls handler on SIGINT until the returned function is called (Go's signal.Notify for
   * os.Interrupt); while a handler is registered, SIGINT does not end the process.
   * Absent where there are no signals (tests).
   */
  readonly onInterrupt?: (handler: () => void) => () => void;
  /** The Engine API client for the endpoint chosen by flags, env and context (connects lazily). */
  engine(): Promise<Engine>;
  /** The client's config.json (empty when missing or broken). */
  readonly config: ConfigFile;
  /** Global flags given before the command word. */
  readonly globals: GlobalOptions;
  /** Process-level facts a few commands need (lab: root check, platform). */
  readonly system: SystemInfo;
}

export interface SystemInfo {
  readonly platform: string;
  readonly uid: number;
  readonly cwd: string;
  readonly homedir: string;
  /** Path of the running tsw executable (for messages that name it). */
  readonly argv0: string;
  /** The Node.js version tsw runs on, e.g. "v20.20.2". */
  readonly nodeVersion: string;
  /** CPU architecture in Go's words (amd64, arm64, …), as docker prints it. */
  readonly arch: string;
  /**
   * NODE_EXTRA_CA_CERTS when bin/tsw kept it from node's start-up (reading it there costs ~45 ms
   * at every run): the TLS transport adds those certificates to Node's bundled roots itself,
   * the default store node would have built (see bin/tsw).
   */
  readonly extraCACerts?: string;
}
