/**
 * Scripted convergence waits, poll by poll, for the `service create` progress display: what
 * GET /services/{id}, GET /tasks and GET /nodes answer at each poll (the last poll repeats).
 * test/capture/service-progress.mjs runs docker's `service create` against each script
 * (progressRoutes below, served by test/support/fake-daemon.ts) and stores its output in test/golden/service-progress/;
 * test/unit/service-progress.test.ts replays the same polls through tsw. Only the daemon's side
 * is written here; nothing is docker's output.
 */
import { type FakeOptions, type Reply, fail } from './fake-daemon.ts';

export interface ScriptTask {
  readonly ID: string;
  readonly Slot?: number;
  readonly NodeID?: string;
  readonly DesiredState: string;
  readonly Status: { readonly State: string; readonly Err?: string; readonly Message?: string };
  readonly JobIteration?: { readonly Index: number };
}

export interface Poll {
  readonly tasks: readonly ScriptTask[];
  readonly updateStatus?: { readonly State: string; readonly Message?: string };
  /** Node IDs whose state is "down" at this poll. */
  readonly down?: readonly string[];
}

export interface ProgressScript {
  readonly mode: Record<string, unknown>;
  /** UpdateConfig.Monitor in ns (1 ns: converged at the next poll, no countdown). */
  readonly monitor: number;
  readonly polls: readonly Poll[];
  /** JobStatus.JobIteration.Index (jobs only). */
  readonly jobIteration?: number;
  /** Run on a terminal of this width. */
  readonly ttyColumns?: number;
  /** Extra create flags (-q). */
  readonly flags?: readonly string[];
}

export const SERVICE_ID = 'p2w7serviceid0123456789ab';
export const NODES = ['n1aaaaaaaaaaaaaaaaaaaaaaa', 'n2bbbbbbbbbbbbbbbbbbbbbbb', 'n3ccccccccccccccccccccccc'];
const [N1, N2, N3] = NODES as [string, string, string];

function t(id: string, slot: number, node: string, state: string, desired = 'running', err?: string): ScriptTask {
  return { ID: id, Slot: slot, NodeID: node, DesiredState: desired, Status: { State: state, ...(err !== undefined ? { Err: err } : {}) } };
}

function g(id: string, node: string, state: string, desired = 'running', err?: string): ScriptTask {
  return { ID: id, NodeID: node, DesiredState: desired, Status: { State: state, ...(err !== undefined ? { Err: err } : {}) } };
}

function job(id: string, slot: number, node: string, state: string, iteration = 7, err?: string): ScriptTask {
  return { ...t(id, slot, node, state, 'complete', err), JobIteration: { Index: iteration } };
}

// Slots appear one poll apart: docker numbers them (1/N, 2/N) in its map order when several
// appear at once.
const twoReplicas: Poll[] = [
  { tasks: [] },
  { tasks: [t('a', 1, N1, 'pending')] },
  { tasks: [t('a', 1, N1, 'preparing'), t('b', 2, N2, 'assigned')] },
  { tasks: [t('a', 1, N1, 'running'), t('b', 2, N2, 'starting')] },
  { tasks: [t('a', 1, N1, 'running'), t('b', 2, N2, 'running')] },
];

const LONG_ERR =
  'starting container failed: error creating overlay mount to /var/lib/docker/overlay2/abc/merged: invalid argument\nsecond line';

const replicatedErrors: Poll[] = [
  { tasks: [t('a', 1, N1, 'rejected', 'shutdown', 'No such image: 192.168.250.1:5000/nope:1')] },
  { tasks: [t('a', 1, N1, 'rejected', 'shutdown', 'No such image: 192.168.250.1:5000/nope:1'), t('c', 1, N3, 'failed', 'running', LONG_ERR), t('b', 2, N2, 'running')] },
  { tasks: [t('c', 1, N3, 'failed', 'shutdown', LONG_ERR), t('d', 1, N1, 'starting'), t('b', 2, N2, 'running')] },
  { tasks: [t('d', 1, N1, 'running'), t('b', 2, N2, 'running')] },
];

const many: Poll[] = [
  { tasks: Array.from({ length: 25 }, (_, i) => t(`m${i}`, i + 1, NODES[i % 3] ?? N1, 'preparing')) },
  { tasks: Array.from({ length: 25 }, (_, i) => t(`m${i}`, i + 1, NODES[i % 3] ?? N1, i < 10 ? 'running' : 'starting')) },
  { tasks: Array.from({ length: 25 }, (_, i) => t(`m${i}`, i + 1, NODES[i % 3] ?? N1, 'running')) },
];

const global: Poll[] = [
  { tasks: [] },
  { tasks: [g('a', N1, 'preparing'), g('b', N2, 'pending'), g('c', N3, 'assigned')] },
  { tasks: [g('a', N1, 'running'), g('b', N2, 'failed', 'shutdown', 'task: non-zero exit (1)'), g('b2', N2, 'ready'), g('c', N3, 'running')], down: [N3] },
  { tasks: [g('a', N1, 'running'), g('b2', N2, 'running'), g('c', N3, 'running')] },
];

const replicatedJob: Poll[] = [
  { tasks: [] },
  { tasks: [job('a', 0, N1, 'running'), job('b', 1, N2, 'preparing'), job('old', 2, N3, 'complete', 6)] },
  { tasks: [job('a', 0, N1, 'complete'), job('b', 1, N2, 'running'), job('c', 2, N3, 'pending')] },
  { tasks: [job('a', 0, N1, 'complete'), job('b', 1, N2, 'failed', 7, 'task: non-zero exit (2)'), job('b2', 1, N1, 'starting'), job('c', 2, N3, 'running')] },
  { tasks: [job('a', 0, N1, 'complete'), job('b2', 1, N1, 'complete'), job('c', 2, N3, 'complete')] },
];

const globalJob: Poll[] = [
  { tasks: [] },
  { tasks: [job('a', 0, N1, 'running', 3), job('b', 0, N2, 'preparing', 3), job('c', 0, N3, 'complete', 2)] },
  { tasks: [job('a', 0, N1, 'complete', 3), job('b', 0, N2, 'running', 3)] },
  { tasks: [job('a', 0, N1, 'complete', 3), job('b', 0, N2, 'complete', 3)] },
];

const ROLLBACK_MSG = 'update rolled back due to failure or early termination of task b';
const rollingBack: Poll[] = [
  { tasks: [t('a', 1, N1, 'running')], updateStatus: { State: 'updating', Message: 'update in progress' } },
  { tasks: [t('a', 1, N1, 'running'), t('b', 2, N2, 'failed', 'running', 'task: non-zero exit (1)')], updateStatus: { State: 'updating' } },
  { tasks: [t('a', 1, N1, 'running'), t('b2', 2, N2, 'starting')], updateStatus: { State: 'rollback_started', Message: ROLLBACK_MSG } },
  { tasks: [t('a', 1, N1, 'running'), t('b2', 2, N2, 'starting')], updateStatus: { State: 'rollback_started', Message: ROLLBACK_MSG } },
  { tasks: [t('a', 1, N1, 'running'), t('b2', 2, N2, 'running')], updateStatus: { State: 'rollback_completed', Message: 'rollback completed' } },
];

// With a 300 ms monitor: converged at the first poll, a failure at the second (200 ms later,
// before the monitor ran out), converged again from the third on.
const failureDetected: Poll[] = [
  { tasks: [t('a', 1, N1, 'running')] },
  { tasks: [t('a', 1, N1, 'failed', 'shutdown', 'task: non-zero exit (137)'), t('b', 1, N2, 'pending')] },
  { tasks: [t('b', 1, N2, 'running')] },
];

export const progressScripts: Readonly<Record<string, ProgressScript>> = {
  'replicated-2': { mode: { Replicated: { Replicas: 2 } }, monitor: 1, polls: twoReplicas },
  'replicated-2-quiet': { mode: { Replicated: { Replicas: 2 } }, monitor: 1, polls: twoReplicas, flags: ['-q'] },
  'replicated-errors': { mode: { Replicated: { Replicas: 2 } }, monitor: 1, polls: replicatedErrors },
  'replicated-25': { mode: { Replicated: { Replicas: 25 } }, monitor: 1, polls: many },
  'replicated-countdown': { mode: { Replicated: { Replicas: 1 } }, monitor: 1_000_000_000, polls: [{ tasks: [t('a', 1, N1, 'running')] }] },
  'replicated-failure-detected': { mode: { Replicated: { Replicas: 1 } }, monitor: 300_000_000, polls: failureDetected },
  global: { mode: { Global: {} }, monitor: 1, polls: global },
  'replicated-job': { mode: { ReplicatedJob: { MaxConcurrent: 2, TotalCompletions: 3 } }, monitor: 1, polls: replicatedJob, jobIteration: 7 },
  'global-job': { mode: { GlobalJob: {} }, monitor: 1, polls: globalJob, jobIteration: 3 },
  'rollback-completed': { mode: { Replicated: { Replicas: 2 } }, monitor: 1, polls: rollingBack },
  'update-paused': {
    mode: { Replicated: { Replicas: 1 } },
    monitor: 1,
    polls: [{ tasks: [t('a', 1, N1, 'running')] }, { tasks: [t('a', 1, N1, 'running')], updateStatus: { State: 'paused', Message: 'update paused due to failure or early termination of task x' } }],
  },
  'rollback-paused': {
    mode: { Replicated: { Replicas: 1 } },
    monitor: 1,
    polls: [{ tasks: [t('a', 1, N1, 'running')], updateStatus: { State: 'rollback_started', Message: 'manually requested rollback' } }, { tasks: [], updateStatus: { State: 'rollback_paused', Message: 'rollback paused' } }],
  },
  'update-completed-at-once': {
    mode: { Replicated: { Replicas: 1 } },
    monitor: 1,
    polls: [{ tasks: [t('a', 1, N1, 'running')], updateStatus: { State: 'completed', Message: 'update completed' } }],
  },
  'no-replica-count': { mode: { Replicated: {} }, monitor: 1, polls: [{ tasks: [] }] },
  'tty-wide-replicated-2': { mode: { Replicated: { Replicas: 2 } }, monitor: 1, polls: twoReplicas, ttyColumns: 150 },
  'tty-narrow-replicated-errors': { mode: { Replicated: { Replicas: 2 } }, monitor: 1, polls: replicatedErrors, ttyColumns: 80 },
  'tty-wide-global': { mode: { Global: {} }, monitor: 1, polls: global, ttyColumns: 150 },
  'tty-wide-replicated-job': { mode: { ReplicatedJob: { MaxConcurrent: 2, TotalCompletions: 3 } }, monitor: 1, polls: replicatedJob, jobIteration: 7, ttyColumns: 150 },
  'tty-wide-global-job': { mode: { GlobalJob: {} }, monitor: 1, polls: globalJob, jobIteration: 3, ttyColumns: 150 },
  'tty-wide-rollback-completed': { mode: { Replicated: { Replicas: 2 } }, monitor: 1, polls: rollingBack, ttyColumns: 150 },
  'tty-wide-countdown': { mode: { Replicated: { Replicas: 1 } }, monitor: 1_000_000_000, polls: [{ tasks: [t('a', 1, N1, 'running')] }], ttyColumns: 150 },
};

/** The service as GET /services/{id} returns it at poll i. */
export function serviceAt(script: ProgressScript, i: number): Record<string, unknown> {
  const poll = script.polls[Math.min(i, script.polls.length - 1)];
  return {
    ID: SERVICE_ID,
    Version: { Index: 10 + i },
    Spec: {
      Name: 'web',
      TaskTemplate: { ContainerSpec: { Image: 'busybox:latest' } },
      Mode: script.mode,
      UpdateConfig: { Parallelism: 1, Monitor: script.monitor },
    },
    ...(poll?.updateStatus ? { UpdateStatus: poll.updateStatus } : {}),
    ...(script.jobIteration !== undefined ? { JobStatus: { JobIteration: { Index: script.jobIteration } } } : {}),
  };
}

/** The up-to-date tasks at poll i. */
export function tasksAt(script: ProgressScript, i: number): readonly ScriptTask[] {
  return script.polls[Math.min(i, script.polls.length - 1)]?.tasks ?? [];
}

/** The nodes at poll i. */
export function nodesAt(script: ProgressScript, i: number): Array<{ ID: string; Status: { State: string } }> {
  const down = script.polls[Math.min(i, script.polls.length - 1)]?.down ?? [];
  return NODES.map((id) => ({ ID: id, Status: { State: down.includes(id) ? 'down' : 'ready' } }));
}

/** The canned answer docker 28 gets when another writer changed the service since it read it. */
export const SEQUENCE_REPLIES: Readonly<Record<string, Reply>> = {
  [`POST /services/${SERVICE_ID}/update`]: { status: 500, json: { message: 'rpc error: code = Unknown desc = update out of sequence' } },
};

/**
 * Routes of the fake daemon (fake-daemon.ts) for a script: POST /services/create answers the
 * script's service ID; each GET /services/{id} starts the next poll, whose tasks and nodes
 * GET /tasks and GET /nodes then return. `replies` ("METHOD /path", path without version
 * and query) replace the script's answers.
 */
export function progressRoutes(script: ProgressScript, replies: Readonly<Record<string, Reply>> = {}): FakeOptions {
  let poll = -1;
  return {
    route({ method, path }) {
      const canned = replies[`${method} ${path}`];
      if (canned) return canned;
      if (method === 'POST' && path === '/services/create') return { status: 201, json: { ID: SERVICE_ID } };
      if (method === 'GET' && path === `/services/${SERVICE_ID}`) {
        poll++;
        return { status: 200, json: serviceAt(script, poll) };
      }
      if (method === 'GET' && path === '/tasks') return { status: 200, json: tasksAt(script, Math.max(poll, 0)) };
      if (method === 'GET' && path === '/nodes') return { status: 200, json: nodesAt(script, Math.max(poll, 0)) };
      return fail(404, `page not found: ${method} ${path}`);
    },
  };
}
