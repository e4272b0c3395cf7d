/**
 * The progress models of docker's service convergence wait (docker/cli v28.2.2
 * cli/command/service/progress/progress.go): one per service mode, each turning one poll's
 * service, up-to-date tasks and active nodes into progress events and a converged flag.
 * Pure: state in, events out.
 *
 * Deviation: docker iterates Go maps of tasks by slot / by node, so the order in which it
 * writes the per-task lines within one poll (and which slot is drawn as 1/N, 2/N, … when
 * several appear at once) is random; tsw goes by slot number, then node ID.
 */
import type { ProgressEvent } from '../render/progress.ts';

export interface ProgressTask {
  readonly ID?: string;
  readonly Slot?: number;
  readonly NodeID?: string;
  readonly DesiredState?: string;
  readonly Status?: { readonly State?: string; readonly Err?: string } | null;
  readonly JobIteration?: { readonly Index?: number } | null;
}

export interface ProgressService {
  readonly ID?: string;
  readonly Spec?: {
    readonly Mode?: {
      readonly Replicated?: { readonly Replicas?: number } | null;
      readonly Global?: unknown;
      readonly ReplicatedJob?: { readonly MaxConcurrent?: number; readonly TotalCompletions?: number } | null;
      readonly GlobalJob?: unknown;
    };
    readonly UpdateConfig?: { readonly Monitor?: number } | null;
  };
  readonly UpdateStatus?: { readonly State?: string; readonly Message?: string } | null;
  readonly JobStatus?: { readonly JobIteration?: { readonly Index?: number } } | null;
}

export const NUMBERED_STATES: Readonly<Record<string, number>> = {
  new: 1,
  allocated: 2,
  pending: 3,
  assigned: 4,
  accepted: 5,
  preparing: 6,
  ready: 7,
  starting: 8,
  running: 9,
  complete: 10,
  shutdown: 11,
  failed: 12,
  rejected: 13,
};

/** The longest non-terminal state name, "complete" included ("allocated", "preparing": 9). */
const LONGEST_STATE = 9;
const MAX_PROGRESS = 9;
const MAX_PROGRESS_BARS = 20;
const MAX_JOB_PROGRESS = 10;

const num = (state: string | undefined): number => NUMBERED_STATES[state ?? ''] ?? 0;
const terminal = (state: string | undefined): boolean => num(state) > NUMBERED_STATES['running']!;
const pad = (s: string, n: number): string => s.padEnd(n);
const padStart = (n: number, width: number): string => String(n).padStart(width);

/** truncError: newlines to spaces, at most 75 bytes (74 and "…"). */
export function truncError(msg: string): string {
  const m = msg.replace(/\n/g, ' ');
  const bytes = Buffer.from(m, 'utf8');
  if (bytes.length > 75) return `${bytes.subarray(0, 74).toString('utf8')}…`;
  return m;
}

function overall(numerator: number, denominator: number, rollback: boolean): ProgressEvent {
  return {
    id: 'overall progress',
    action: rollback ? `rolling back update: ${numerator} out of ${denominator} tasks` : `${numerator} out of ${denominator} tasks`,
  };
}

export interface UpdateResult {
  readonly events: ProgressEvent[];
  readonly converged: boolean;
}

export interface Updater {
  update(service: ProgressService, tasks: readonly ProgressTask[], activeNodes: ReadonlySet<string>, rollback: boolean): UpdateResult;
}

/** Ties between tasks of one slot/node: the lowest desired state, then the lowest observed state. */
function preferred(existing: ProgressTask | undefined, task: ProgressTask): boolean {
  if (existing === undefined) return true;
  if (num(existing.DesiredState) < num(task.DesiredState)) return false;
  if (num(existing.DesiredState) === num(task.DesiredState) && num(existing.Status?.State) <= num(task.Status?.State)) return false;
  return true;
}

function sortedEntries<K extends string | number>(m: Map<K, ProgressTask>): Array<[K, ProgressTask]> {
  return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

class ReplicatedUpdater implements Updater {
  private slotMap = new Map<number, number>();
  private initialized = false;
  private done = false;

  update(service: ProgressService, tasks: readonly ProgressTask[], activeNodes: ReadonlySet<string>, rollback: boolean): UpdateResult {
    const replicas = service.Spec?.Mode?.Replicated?.Replicas;
    if (replicas === undefined || replicas === null) throw new Error('no replica count');
    const events: ProgressEvent[] = [];
    if (!this.initialized) {
      this.slotMap = new Map();
      events.push(overall(0, replicas, rollback));
      if (replicas <= MAX_PROGRESS_BARS) for (let i = 1; i <= replicas; i++) events.push({ id: `${i}/${replicas}`, action: ' ' });
      this.initialized = true;
    }
    const bySlot = new Map<number, ProgressTask>();
    for (const t of tasks) {
      if (num(t.DesiredState) === 0 || num(t.Status?.State) === 0) continue;
      const slot = t.Slot ?? 0;
      if (!preferred(bySlot.get(slot), t)) continue;
      if ((t.NodeID ?? '') !== '' && !activeNodes.has(t.NodeID ?? '')) continue;
      bySlot.set(slot, t);
    }
    const ordered = sortedEntries(bySlot);
    if (this.done && ordered.some(([, t]) => t.Status?.State !== 'running')) this.done = false;
    let running = 0;
    for (const [slot, t] of ordered) {
      let mapped = this.slotMap.get(slot) ?? 0;
      if (mapped === 0) {
        mapped = this.slotMap.size + 1;
        this.slotMap.set(slot, mapped);
      }
      if (!terminal(t.DesiredState) && t.Status?.State === 'running') running++;
      const ev = this.taskProgress(t, mapped, replicas);
      if (ev) events.push(ev);
    }
    if (!this.done) {
      events.push(overall(running, replicas, rollback));
      if (running === replicas) this.done = true;
    }
    return { events, converged: running === replicas };
  }

  private taskProgress(t: ProgressTask, mapped: number, replicas: number): ProgressEvent | undefined {
    if (this.done || replicas > MAX_PROGRESS_BARS || mapped > replicas) return undefined;
    const id = `${mapped}/${replicas}`;
    if ((t.Status?.Err ?? '') !== '') return { id, action: truncError(t.Status?.Err ?? '') };
    if (!terminal(t.DesiredState) && !terminal(t.Status?.State)) {
      return { id, action: pad(t.Status?.State ?? '', LONGEST_STATE), current: num(t.Status?.State), total: MAX_PROGRESS, hideCounts: true };
    }
    return undefined;
  }
}

/** stringid.TruncateID: the first 12 characters. */
const truncateID = (id: string): string => id.slice(0, 12);

class GlobalUpdater implements Updater {
  private initialized = false;
  private done = false;

  update(_service: ProgressService, tasks: readonly ProgressTask[], activeNodes: ReadonlySet<string>, rollback: boolean): UpdateResult {
    const byNode = new Map<string, ProgressTask>();
    for (const t of tasks) {
      if (num(t.DesiredState) === 0 || num(t.Status?.State) === 0) continue;
      const node = t.NodeID ?? '';
      if (!preferred(byNode.get(node), t)) continue;
      byNode.set(node, t);
    }
    const nodeCount = byNode.size;
    const events: ProgressEvent[] = [];
    if (!this.initialized) {
      if (nodeCount === 0) return { events: [{ id: 'overall progress', action: 'waiting for new tasks' }], converged: false };
      events.push(overall(0, nodeCount, rollback));
      this.initialized = true;
    }
    const ordered = sortedEntries(byNode);
    if (this.done && ordered.some(([, t]) => t.Status?.State !== 'running')) this.done = false;
    let running = 0;
    for (const [, t] of ordered) {
      if (!activeNodes.has(t.NodeID ?? '')) continue;
      if (!terminal(t.DesiredState) && t.Status?.State === 'running') running++;
      if (this.done || nodeCount > MAX_PROGRESS_BARS) continue;
      const id = truncateID(t.NodeID ?? '');
      if ((t.Status?.Err ?? '') !== '') events.push({ id, action: truncError(t.Status?.Err ?? '') });
      else if (!terminal(t.DesiredState) && !terminal(t.Status?.State)) {
        events.push({ id, action: pad(t.Status?.State ?? '', LONGEST_STATE), current: num(t.Status?.State), total: MAX_PROGRESS, hideCounts: true });
      }
    }
    if (!this.done) {
      events.push(overall(running, nodeCount, rollback));
      if (running === nodeCount) this.done = true;
    }
    return { events, converged: running === nodeCount };
  }
}

function jobTaskProgress(id: string, t: ProgressTask): ProgressEvent {
  if ((t.Status?.Err ?? '') !== '') return { id, action: truncError(t.Status?.Err ?? '') };
  return { id, action: pad(t.Status?.State ?? '', LONGEST_STATE), current: num(t.Status?.State), total: MAX_JOB_PROGRESS, hideCounts: true };
}

class ReplicatedJobUpdater implements Updater {
  private initialized = false;
  private readonly concurrent: number;
  private readonly total: number;
  private readonly jobIteration: number;
  private readonly progressDigits: number;
  private readonly activeDigits: number;

  constructor(service: ProgressService) {
    this.concurrent = service.Spec?.Mode?.ReplicatedJob?.MaxConcurrent ?? 0;
    this.total = service.Spec?.Mode?.ReplicatedJob?.TotalCompletions ?? 0;
    this.jobIteration = service.JobStatus?.JobIteration?.Index ?? 0;
    this.progressDigits = String(this.total).length;
    this.activeDigits = String(this.concurrent).length;
  }

  update(_service: ProgressService, tasks: readonly ProgressTask[]): UpdateResult {
    const events: ProgressEvent[] = [];
    if (!this.initialized) {
      events.push(...this.overall(0, 0));
      if (this.total <= MAX_PROGRESS_BARS) for (let i = 1; i <= this.total; i++) events.push({ id: `${i}/${this.total}`, action: ' ' });
      this.initialized = true;
    }
    const bySlot = new Map<number, ProgressTask>();
    for (const t of tasks) {
      if (t.JobIteration === undefined || t.JobIteration === null || (t.JobIteration.Index ?? 0) !== this.jobIteration) continue;
      if (num(t.DesiredState) === 0 || num(t.Status?.State) === 0) continue;
      const slot = t.Slot ?? 0;
      const existing = bySlot.get(slot);
      if (existing === undefined || num(existing.Status?.State) > num(t.Status?.State)) bySlot.set(slot, t);
    }
    let active = 0;
    let complete = 0;
    // Slots 0..len-1, as docker reads them (a missing slot reads as an empty task).
    for (let i = 0; i < bySlot.size; i++) {
      const t: ProgressTask = bySlot.get(i) ?? {};
      if (this.total <= MAX_PROGRESS_BARS) events.push(jobTaskProgress(`${(t.Slot ?? 0) + 1}/${this.total}`, t));
      if (num(t.Status?.State) < NUMBERED_STATES['complete']!) active++;
      if (t.Status?.State === 'complete') complete++;
    }
    events.push(...this.overall(active, complete));
    return { events, converged: complete === this.total };
  }

  private overall(active: number, completed: number): ProgressEvent[] {
    const desired = Math.min(this.total - completed, this.concurrent);
    return [
      {
        id: 'job progress',
        action: `${padStart(completed, this.progressDigits)} out of ${this.total} complete`,
        current: completed,
        total: this.total,
        hideCounts: true,
      },
      { id: 'active tasks', action: `${padStart(active, this.activeDigits)} out of ${padStart(desired, this.activeDigits)} tasks` },
    ];
  }
}

class GlobalJobUpdater implements Updater {
  private initialized = false;
  private total = 0;
  private progressDigits = 0;
  private taskNodes = new Set<string>();

  update(service: ProgressService, tasks: readonly ProgressTask[], activeNodes: ReadonlySet<string>): UpdateResult {
    const iteration = service.JobStatus?.JobIteration?.Index ?? 0;
    const inIteration = (t: ProgressTask) => t.JobIteration !== undefined && t.JobIteration !== null && (t.JobIteration.Index ?? 0) === iteration;
    const events: ProgressEvent[] = [];
    if (!this.initialized) {
      if (tasks.length === 0 && activeNodes.size !== 0) return { events: [{ id: 'job progress', action: 'waiting for tasks' }], converged: false };
      this.taskNodes = new Set(tasks.filter(inIteration).map((t) => t.NodeID ?? ''));
      this.total = this.taskNodes.size;
      this.progressDigits = String(this.total).length;
      events.push(this.overall(0));
      this.initialized = true;
    }
    const byNode = new Map<string, ProgressTask>();
    for (const t of tasks) {
      if (!inIteration(t) || !this.taskNodes.has(t.NodeID ?? '')) continue;
      const old = byNode.get(t.NodeID ?? '');
      if (old === undefined || num(old.Status?.State) > num(t.Status?.State)) byNode.set(t.NodeID ?? '', t);
    }
    let complete = 0;
    for (const [node, t] of sortedEntries(byNode)) {
      if (this.total <= MAX_PROGRESS_BARS) events.push(jobTaskProgress(node, t));
      if (t.Status?.State === 'complete') complete++;
    }
    events.push(this.overall(complete));
    return { events, converged: complete === this.total };
  }

  private overall(complete: number): ProgressEvent {
    return {
      id: 'job progress',
      action: `${padStart(complete, this.progressDigits)} out of ${this.total} complete`,
      current: complete,
      total: this.total,
      hideCounts: true,
    };
  }
}

/** initializeUpdater: by mode (replicated needs a replica count); else docker's error. */
export function createUpdater(service: ProgressService): Updater {
  const mode = service.Spec?.Mode ?? {};
  if (mode.Replicated !== undefined && mode.Replicated !== null && mode.Replicated.Replicas !== undefined && mode.Replicated.Replicas !== null) {
    return new ReplicatedUpdater();
  }
  if (mode.Global !== undefined && mode.Global !== null) return new GlobalUpdater();
  if (mode.ReplicatedJob !== undefined && mode.ReplicatedJob !== null) return new ReplicatedJobUpdater(service);
  if (mode.GlobalJob !== undefined && mode.GlobalJob !== null) return new GlobalJobUpdater();
  throw new Error('unrecognized service mode');
}
