/**
 * Running the reference docker client and tsw side by side against the same engine.
 * The oracle is the first `docker` on PATH whose major version is at least 28
 * (TSW_ORACLE overrides); Debian's docker.io client (20.10) is never the oracle.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const tswBin = join(repoRoot, 'bin/tsw');

export interface Outcome {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

let oraclePath: string | undefined;

export function oracle(): string {
  if (oraclePath) return oraclePath;
  const candidates = process.env['TSW_ORACLE']
    ? [process.env['TSW_ORACLE']]
    : (process.env['PATH'] ?? '').split(delimiter).map((d) => join(d, 'docker'));
  for (const c of candidates) {
    if (!existsSync(c)) continue;
    const v = spawnSync(c, ['--version'], { encoding: 'utf8' }).stdout;
    const major = Number(/Docker version (\d+)\./.exec(v)?.[1] ?? 0);
    if (major >= 28) return (oraclePath = c);
  }
  throw new Error('no docker client >= 28 on PATH to compare with (set TSW_ORACLE)');
}

export interface RunOpts {
  readonly env?: Record<string, string | undefined>;
  readonly input?: string;
  /** Working directory of the client (default: the test process's). */
  readonly cwd?: string;
}

function exec(bin: string, args: readonly string[], opts: RunOpts): Outcome {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...opts.env })) if (v !== undefined) env[k] = v;
  const r = spawnSync(bin, args, { encoding: 'utf8', env, input: opts.input ?? '', timeout: 120_000, ...(opts.cwd ? { cwd: opts.cwd } : {}) });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', code: r.status ?? -1 };
}

export function runDocker(args: readonly string[], opts: RunOpts = {}): Outcome {
  return exec(oracle(), args, opts);
}

export function runTsw(args: readonly string[], opts: RunOpts = {}): Outcome {
  return exec(tswBin, args, opts);
}

/** Both clients on the same arguments and environment. */
export function runBoth(args: readonly string[], opts: RunOpts = {}): { docker: Outcome; tsw: Outcome } {
  return { docker: runDocker(args, opts), tsw: runTsw(args, opts) };
}

/** Whether the lab is up for this test run (scripts/test.mjs sets TSW_LAB=1 and DOCKER_HOST). */
export function labUp(): boolean {
  return process.env['TSW_LAB'] === '1' && (process.env['DOCKER_HOST'] ?? '') !== '';
}
