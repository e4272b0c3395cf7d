/** One dockerd per node, inside the node's namespace with its own hostname. */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { REGISTRY, nodeNames } from './config.ts';
import { run, startDaemon } from './shell.ts';

/** The pid in a pid file if that process is alive (and not a zombie), else undefined. */
export function livePid(pidFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return pidAlive(pid) ? pid : undefined;
}

export function pidAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** docker CLI against node n. */
export function dockerAt(n: number, args: readonly string[], input?: string | Buffer) {
  return run('docker', ['-H', `unix://${nodeNames(n).socket}`, ...args], { input, timeoutMs: 180_000 });
}

/** Starts node n's dockerd unless it is running; waits until it answers. */
export async function startNode(n: number): Promise<void> {
  const nn = nodeNames(n);
  if (livePid(nn.pidFile) !== undefined && dockerAt(n, ['version', '--format', '{{.Server.Version}}']).code === 0) return;
  mkdirSync(nn.runDir, { recursive: true });
  mkdirSync(nn.dataDir, { recursive: true });
  rmSync(nn.socket, { force: true });
  const dockerd = [
    'dockerd',
    `--data-root=${nn.dataDir}`,
    `--exec-root=${nn.runDir}/exec`,
    `--host=unix://${nn.socket}`,
    `--pidfile=${nn.pidFile}`,
    `--insecure-registry=${REGISTRY}`,
    '--log-level=warn',
  ].join(' ');
  // `ip netns exec` remounts /sys and dockerd then fails to find the devices cgroup
  // (shared/LAB.md), so enter only the network namespace and give the node its own UTS.
  startDaemon(
    'nsenter',
    [`--net=/var/run/netns/${nn.netns}`, 'unshare', '--uts', 'sh', '-c', `hostname ${nn.name}; exec ${dockerd}`],
    nn.logFile,
  );
  await waitFor(() => dockerAt(n, ['version', '--format', '{{.Server.Version}}']).code === 0, 60_000, () => {
    const log = existsSync(nn.logFile) ? readFileSync(nn.logFile, 'utf8').split('\n').slice(-15).join('\n') : '';
    return `dockerd on ${nn.name} did not start within 60s. Last lines of ${nn.logFile}:\n${log}`;
  });
}

/** Stops node n's dockerd and waits for it to exit (managers take 10–20 s). */
export async function stopNode(n: number): Promise<void> {
  const nn = nodeNames(n);
  const pid = livePid(nn.pidFile);
  if (pid === undefined) return;
  run('kill', ['-TERM', String(pid)]);
  const exited = await poll(() => !pidAlive(pid), 45_000);
  if (!exited) {
    run('kill', ['-KILL', String(pid)]);
    await poll(() => !pidAlive(pid), 10_000);
  }
}

type Cond = () => boolean | Promise<boolean>;

export async function waitFor(cond: Cond, timeoutMs: number, message: () => string): Promise<void> {
  if (!(await poll(cond, timeoutMs))) throw new Error(message());
}

export async function poll(cond: Cond, timeoutMs: number, everyMs = 200): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (await cond()) return true;
    if (performance.now() > deadline) return false;
    await sleep(everyMs);
  }
}
