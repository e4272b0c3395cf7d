/** An in-memory ProcessIO for running tsw's main() inside a test. */
import { Readable } from 'node:stream';
import type { ProcessIO } from '../../src/cli.ts';
import type { Out } from '../../src/deps.ts';

export interface Captured {
  readonly io: ProcessIO;
  stdout(): string;
  stderr(): string;
}

export interface FakeIOOptions {
  /** Variables over HOME=/nonexistent-home and a DOCKER_HOST nobody listens on. */
  readonly env?: Record<string, string>;
  /** Use `env` as the whole environment (no defaults). */
  readonly exactEnv?: boolean;
  /** The clock: a fixed time (2026-01-02T03:04:05Z unless given) or a function. */
  readonly now?: Date | (() => Date);
  /** What stdin holds (nothing unless given), or a stream (a terminal's). */
  readonly stdin?: string | Readable;
  readonly uid?: number;
  readonly cwd?: string;
  /** stdout and stderr are a terminal this wide. */
  readonly ttyColumns?: number;
}

function sink(columns: number | undefined): Out & { text: string } {
  const s = {
    text: '',
    isTTY: columns !== undefined,
    columns: columns ?? 0,
    write(t: string) {
      s.text += t;
    },
  };
  return s;
}

export function fakeIO(opts: FakeIOOptions = {}): Captured {
  const out = sink(opts.ttyColumns);
  const err = sink(opts.ttyColumns);
  const now = opts.now ?? new Date('2026-01-02T03:04:05Z');
  const io: ProcessIO = {
    stdout: out,
    stderr: err,
    stdin: opts.stdin instanceof Readable ? opts.stdin : Readable.from(opts.stdin === undefined ? [] : [opts.stdin]),
    env: opts.exactEnv ? { ...opts.env } : { HOME: '/nonexistent-home', DOCKER_HOST: 'unix:///nonexistent/docker.sock', ...opts.env },
    now: typeof now === 'function' ? now : () => now,
    system: { platform: 'linux', uid: opts.uid ?? 1000, cwd: opts.cwd ?? '/', homedir: '/nonexistent-home', argv0: 'tsw', nodeVersion: 'v20.0.0', arch: 'amd64' },
    helpWidth: 80,
  };
  return { io, stdout: () => out.text, stderr: () => err.text };
}
