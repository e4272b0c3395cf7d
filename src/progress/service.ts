/**
 * The wait after `service create/update/rollback/scale` (docker/cli v28.2.2
 * cli/command/service/progress/progress.go ServiceProgress, helpers.go WaitOnService): poll the
 * service, its up-to-date tasks and the nodes every 200 ms, draw the mode's progress model, and
 * return once the tasks have stayed converged for the monitor period (or the update paused or
 * rolled back). The loop takes its API, clock and sleep as arguments so that tests can replay
 * recorded polls; followService wires it to the engine and stdout.
 */
import type { Deps } from '../deps.ts';
import type { Engine } from '../engine/types.ts';
import type { ProgressEvent } from '../render/progress.ts';
import { createUpdater, type ProgressService, type ProgressTask, type Updater } from './updaters.ts';

export interface ProgressAPI {
  /** GET /services/{ref}?insertDefaults=false */
  inspect(ref: string): Promise<ProgressService>;
  /** GET /tasks?filters={"_up-to-date":{"true":true},"service":{"<id>":true}} */
  tasks(serviceID: string): Promise<ProgressTask[]>;
  /** GET /nodes: the IDs of the nodes whose state is not "down". */
  activeNodes(): Promise<Set<string>>;
}

export interface ProgressClock {
  now(): Date;
  /** Waits ms milliseconds, or less when woken (a SIGINT). */
  sleep(ms: number, wake: { onWake?: () => void }): Promise<void>;
  /** SIGINT handling (Go's signal.Notify): returns the function that stops it. */
  onInterrupt?: (handler: () => void) => () => void;
}

const SECOND = 1_000_000_000n;
const POLL_MS = 200;

/**
 * ServiceProgress: resolves when docker's would return nil, rejects with its error
 * (`service update paused: …`, `service rollback paused: …`, API errors).
 */
export async function serviceProgress(api: ProgressAPI, serviceID: string, emit: (ev: ProgressEvent) => void, clock: ProgressClock): Promise<void> {
  let interrupted = false;
  const wake: { onWake?: () => void } = {};
  const stop = clock.onInterrupt?.(() => {
    interrupted = true;
    wake.onWake?.();
  });
  try {
    let updater: Updater | undefined;
    let converged = false;
    let convergedAt: number | undefined; // ms since the epoch
    let monitor = 5n * SECOND;
    let rollback = false;
    let message: ProgressEvent | undefined;
    // time.Since(convergedAt) in ns. Go reads its monotonic clock again right after setting
    // convergedAt, so even then some time has passed (about a microsecond): a 1 ns monitor
    // shows no countdown, a 5 s one starts at "5 seconds".
    const since = (): bigint => BigInt(clock.now().getTime() - (convergedAt ?? 0)) * 1_000_000n + 1_000n;
    for (;;) {
      const service = await api.inspect(serviceID);
      const m = service.Spec?.UpdateConfig?.Monitor;
      if (m !== undefined && m !== null && m !== 0) monitor = BigInt(m);
      updater ??= createUpdater(service);
      const status = service.UpdateStatus;
      if (status !== undefined && status !== null) {
        const msg = status.Message ?? '';
        switch (status.State) {
          case 'updating':
            rollback = false;
            break;
          case 'completed':
            if (!converged) return;
            break;
          case 'paused':
            throw new Error(`service update paused: ${msg}`);
          case 'rollback_started':
            if (!rollback && msg !== '') emit({ id: 'rollback', action: msg });
            rollback = true;
            break;
          case 'rollback_paused':
            throw new Error(`service rollback paused: ${msg}`);
          case 'rollback_completed':
            if (!converged) message = msg !== '' ? { id: 'rollback', message: msg } : { id: 'rollback', action: '' };
            rollback = true;
            break;
        }
      }
      if (converged && since() >= monitor) {
        emit({ id: 'verify', action: `Service ${serviceID} converged` });
        if (message) emit(message);
        return;
      }
      const tasks = await api.tasks(service.ID ?? '');
      const active = await api.activeNodes();
      const step = updater.update(service, tasks, active, rollback);
      for (const ev of step.events) emit(ev);
      converged = step.converged;
      if (converged) {
        if (service.JobStatus !== undefined && service.JobStatus !== null) {
          emit({ id: '', message: 'job complete' });
          return;
        }
        convergedAt ??= clock.now().getTime();
        const wait = monitor - since();
        if (wait >= 0n) emit({ id: 'verify', action: `Waiting ${wait / SECOND + 1n} seconds to verify that tasks are stable...` });
      } else {
        if (convergedAt !== undefined) emit({ id: 'verify', action: 'Detected task failure' });
        convergedAt = undefined;
      }
      if (!interrupted) await clock.sleep(POLL_MS, wake);
      if (interrupted) {
        if (!converged) {
          emit({ id: '', message: 'Operation continuing in background.' });
          emit({ id: '', message: `Use \`docker service ps ${serviceID}\` to check progress.` });
        }
        return;
      }
    }
  } finally {
    stop?.();
  }
}

/** The API the loop polls, over the engine. */
export function engineProgressAPI(engine: Engine): ProgressAPI {
  return {
    async inspect(ref) {
      const { inspectService } = await import('../engine/services.ts');
      return (await inspectService(engine, ref, false)).value as ProgressService;
    },
    async tasks(serviceID) {
      const { listTasks } = await import('../engine/tasks.ts');
      return (await listTasks(engine, { 'service': { [serviceID]: true }, '_up-to-date': { true: true } })) as ProgressTask[];
    },
    async activeNodes() {
      const nodes = await engine.listNodes();
      return new Set(nodes.filter((n) => n.Status?.State !== 'down').map((n) => n.ID));
    },
  };
}

/** A sleep on real timers that a SIGINT can cut short. */
export function timerSleep(ms: number, wake: { onWake?: () => void }): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      wake.onWake = undefined;
      resolve();
    }
    wake.onWake = done;
  });
}

/**
 * WaitOnService: the loop on the engine, its events drawn on stdout as docker's jsonmessage
 * display draws them (a terminal: in place, with bars; otherwise line by line), or discarded
 * with quiet. An interrupted wait ends quietly with success, as docker's does.
 */
export async function followService(deps: Deps, serviceID: string, quiet: boolean): Promise<void> {
  const engine = await deps.engine();
  const { ProgressDisplay } = await import('../render/progress.ts');
  const display = new ProgressDisplay({ isTTY: deps.stdout.isTTY, width: deps.stdout.isTTY ? deps.stdout.columns : 200 });
  const emit = quiet ? () => {} : (ev: ProgressEvent) => deps.stdout.write(display.render(ev));
  await serviceProgress(engineProgressAPI(engine), serviceID, emit, {
    now: () => deps.now(),
    sleep: timerSleep,
    ...(deps.onInterrupt ? { onInterrupt: deps.onInterrupt } : {}),
  });
}
