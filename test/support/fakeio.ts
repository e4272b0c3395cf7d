/** An in-memory ProcessIO for running tsw's main() inside a test. */
import { Readable } from 'node:stream';
import type { ProcessIO } from '../../src/cli.ts';
import type { Out } from '../../src/deps.ts';

export interface Captured {
  readonly io: ProcessIO;
  stdout(): string;
  stderr(): string;
}

function sink(isTTY = false): Out & { text: string } {
  const s = {
    text: '',
    isTTY,
    columns: isTTY ? 80 : 0,
    write(t: string) {
      s.text += t;
    },
  };
  return s;
}

export function fakeIO(opts: { env?: Record<string, string>; now?: Date; stdin?: string; uid?: number } = {}): Captured {
  const out = sink();
  const err = sink();
  const io: ProcessIO = {
    stdout: out,
    stderr: err,
    stdin: Readable.from([opts.stdin ?? '']),
    env: { HOME: '/nonexistent-home', DOCKER_HOST: 'unix:///nonexistent/docker.sock', ...opts.env },
    now: () => opts.now ?? new Date('2026-01-02T03:04:05Z'),
    system: { platform: 'linux', uid: opts.uid ?? 1000, cwd: '/', homedir: '/nonexistent-home', argv0: 'tsw', nodeVersion: 'v20.0.0', arch: 'amd64' },
    helpWidth: 80,
  };
  return { io, stdout: () => out.text, stderr: () => err.text };
}
