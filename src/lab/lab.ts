/** Bringing the lab swarm up and down, and reporting on it. */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import {
  LAB_DATA,
  LAB_RUN,
  MAX_NODES,
  REGISTRY,
  STATE_FILE,
  dockerHostOf,
  nodeNames,
  type LabState,
} from './config.ts';
import { ensureBridge, ensureNodeNetwork, labNamespaces, removeBridge, removeNodeNetwork } from './network.ts';
import { dockerAt, livePid, pidAlive, poll, startNode, stopNode, waitFor } from './nodes.ts';
import { ensurePackages } from './packages.ts';
import { pushImages, startRegistry, stopRegistry } from './registry.ts';
import { run } from './shell.ts';

export class LabError extends Error {}

export function readState(): LabState | undefined {
  if (!existsSync(STATE_FILE)) return undefined;
  try {
    const s = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as Partial<LabState>;
    return { nodes: s.nodes ?? 0, managers: s.managers ?? 0, spares: s.spares ?? 0 };
  } catch {
    return undefined;
  }
}

/** The environment a shell needs to talk to the lab (what `tsw lab env` prints). */
export function envLines(state: LabState): string[] {
  return [
    `export DOCKER_HOST=${dockerHostOf(1)}`,
    `export TSW_LAB_NODES=${state.nodes}`,
    `export TSW_LAB_MANAGERS=${state.managers}`,
    `export TSW_LAB_SPARES=${state.spares}`,
    `export TSW_LAB_REGISTRY=${REGISTRY}`,
  ];
}

function localState(n: number): string {
  const r = dockerAt(n, ['info', '--format', '{{.Swarm.LocalNodeState}}']);
  return r.code === 0 ? r.stdout.trim() : 'unreachable';
}

export async function up(nodes: number, managers: number, spares: number, say: (line: string) => void): Promise<LabState> {
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > MAX_NODES) {
    throw new LabError(`--nodes must be between 1 and ${MAX_NODES}`);
  }
  if (!Number.isInteger(spares) || spares < 0 || nodes + spares > MAX_NODES) {
    throw new LabError(`--spares must be between 0 and ${MAX_NODES - nodes}`);
  }
  if (!Number.isInteger(managers) || managers < 1 || managers > nodes) {
    throw new LabError('--managers must be between 1 and the number of nodes');
  }
  const current = readState();
  if (current && (current.nodes !== nodes || current.managers !== managers || current.spares !== spares)) {
    throw new LabError(
      `a lab with ${current.nodes} nodes (${current.managers} managers, ${current.spares} spares) is already up; run 'tsw lab down' first`,
    );
  }
  const missing = ensurePackages(say);
  if (missing.length > 0) throw new LabError(`the lab needs: ${missing.join(', ')}`);

  mkdirSync(LAB_RUN, { recursive: true });
  mkdirSync(LAB_DATA, { recursive: true });
  const state: LabState = { nodes, managers, spares };
  writeFileSync(STATE_FILE, `${JSON.stringify(state)}\n`);

  ensureBridge();
  await startRegistry();
  const engines = nodes + spares;
  for (let n = 1; n <= engines; n++) ensureNodeNetwork(n);
  say(`Starting ${engines} engines (node-1 … node-${engines})`);
  await Promise.all(Array.from({ length: engines }, (_, i) => startNode(i + 1)));
  say(`Pushing images to ${REGISTRY}`);
  await pushImages();
  await formSwarm(nodes, managers, say);
  return state;
}

async function formSwarm(nodes: number, managers: number, say: (line: string) => void): Promise<void> {
  const first = nodeNames(1);
  if (localState(1) !== 'active') {
    say('Initialising the swarm on node-1');
    const r = dockerAt(1, ['swarm', 'init', '--advertise-addr', first.addr]);
    if (r.code !== 0) throw new LabError(`swarm init failed: ${r.stderr.trim()}`);
  }
  const token = (role: string) => {
    const r = dockerAt(1, ['swarm', 'join-token', '-q', role]);
    if (r.code !== 0) throw new LabError(`swarm join-token failed: ${r.stderr.trim()}`);
    return r.stdout.trim();
  };
  const tokens = { manager: token('manager'), worker: token('worker') };
  for (let n = 2; n <= nodes; n++) {
    if (localState(n) === 'active') continue;
    const role = n <= managers ? 'manager' : 'worker';
    say(`Joining node-${n} as a ${role}`);
    const r = dockerAt(n, [
      'swarm', 'join', '--token', tokens[role], '--advertise-addr', nodeNames(n).addr, `${first.addr}:2377`,
    ]);
    if (r.code !== 0) throw new LabError(`node-${n} could not join: ${r.stderr.trim()}`);
  }
  await waitFor(
    () => {
      const r = dockerAt(1, ['node', 'ls', '--format', '{{.Status}}']);
      return r.code === 0 && r.stdout.split('\n').filter((l) => l === 'Ready').length === nodes;
    },
    60_000,
    () => `the swarm did not show ${nodes} Ready nodes within 60s`,
  );
}

/** Stops everything the lab started and removes every trace of it. */
export async function down(say: (line: string) => void): Promise<void> {
  const nodeDirs = existsSync(LAB_RUN)
    ? readdirSync(LAB_RUN).filter((d) => /^node-\d+$/.test(d)).map((d) => Number(d.slice(5)))
    : [];
  const fromNs = labNamespaces().map((ns) => Number(ns.slice('tswlab-node-'.length)));
  const all = [...new Set([...nodeDirs, ...fromNs])].sort((a, b) => a - b);
  if (all.some((n) => livePid(nodeNames(n).pidFile) !== undefined)) say(`Stopping ${all.length} engines`);
  await Promise.all(all.map((n) => stopNode(n)));
  await stopRegistry();
  killStragglers();
  unmountUnder([LAB_RUN, LAB_DATA]);
  for (const n of all) removeNodeNetwork(n);
  removeBridge();
  rmSync(LAB_RUN, { recursive: true, force: true });
  rmSync(LAB_DATA, { recursive: true, force: true });
}

/** containerd and shims started by the lab's engines, if any outlived them. */
function killStragglers(): void {
  const pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p)).map(Number);
  for (const pid of pids) {
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (cmdline.includes(LAB_RUN) || cmdline.includes(LAB_DATA)) run('kill', ['-KILL', String(pid)]);
  }
}

function unmountUnder(prefixes: readonly string[]): void {
  const mounts = readFileSync('/proc/self/mounts', 'utf8')
    .split('\n')
    .map((l) => l.split(' ')[1] ?? '')
    .filter((m) => prefixes.some((p) => m === p || m.startsWith(`${p}/`)))
    .sort((a, b) => b.length - a.length);
  for (const m of mounts) run('umount', ['-l', m]);
}

export interface NodeStatus {
  readonly name: string;
  readonly addr: string;
  readonly pid: number | undefined;
  readonly swarm: string;
}

export function status(): { state: LabState | undefined; nodes: NodeStatus[] } {
  const state = readState();
  if (!state) return { state, nodes: [] };
  const nodes = Array.from({ length: state.nodes + state.spares }, (_, i) => {
    const nn = nodeNames(i + 1);
    const pid = livePid(nn.pidFile);
    return { name: nn.name, addr: nn.addr, pid, swarm: pid === undefined ? 'stopped' : localState(i + 1) };
  });
  return { state, nodes };
}

export { pidAlive, poll };
