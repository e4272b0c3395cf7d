/** `docker service logs` (cli/command/service/logs.go, docker 28): the logs of a service or task. */
import type { Command } from 'commander';
import { addLeaf, exactArgs } from '../../cli/define.ts';
import type { Deps, Out } from '../../deps.ts';
import type { Engine } from '../../engine/types.ts';
import { DaemonError, StatusError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';

export interface LogsOptions {
  readonly target: string;
  readonly noResolve: boolean;
  readonly noTrunc: boolean;
  readonly raw: boolean;
  readonly noTaskIDs: boolean;
  readonly follow: boolean;
  readonly since: string;
  readonly timestamps: boolean;
  readonly details: boolean;
  readonly tail: string;
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'logs',
      use: 'logs [OPTIONS] SERVICE|TASK',
      short: 'Fetch the logs of a service or task',
      version: '1.29',
      args: exactArgs(1),
      flags: [
        { name: 'no-resolve', type: 'bool', usage: 'Do not map IDs to Names in output' },
        { name: 'no-trunc', type: 'bool', usage: 'Do not truncate output' },
        { name: 'raw', type: 'bool', usage: 'Do not neatly format logs' },
        { name: 'no-task-ids', type: 'bool', usage: 'Do not include task IDs in output' },
        { name: 'follow', short: 'f', type: 'bool', usage: 'Follow log output' },
        {
          name: 'since',
          type: 'string',
          usage: 'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)',
        },
        { name: 'timestamps', short: 't', type: 'bool', usage: 'Show timestamps' },
        { name: 'details', type: 'bool', usage: 'Show extra details provided to logs' },
        { name: 'tail', short: 'n', type: 'string', usage: 'Number of lines to show from the end of the logs', defaultText: 'all' },
      ],
      action: (f, args) =>
        run(
          {
            target: args[0] ?? '',
            noResolve: f['no-resolve'] === true,
            noTrunc: f['no-trunc'] === true,
            raw: f['raw'] === true,
            noTaskIDs: f['no-task-ids'] === true,
            follow: f['follow'] === true,
            since: (f['since'] as string | undefined) ?? '',
            timestamps: f['timestamps'] === true,
            details: f['details'] === true,
            tail: (f['tail'] as string | undefined) ?? 'all',
          },
          ctx.deps,
        ),
    },
    ctx.sink,
  );
}

interface TaskBody {
  readonly ID?: string;
  readonly Slot?: number;
  readonly Spec?: { readonly ContainerSpec?: { readonly TTY?: boolean } | null };
}

interface ServiceBody {
  readonly Spec?: {
    readonly Mode?: { readonly Replicated?: { readonly Replicas?: number | null } | null };
    readonly TaskTemplate?: { readonly ContainerSpec?: { readonly TTY?: boolean } | null };
  };
}

async function inspectTask(engine: Engine, id: string): Promise<TaskBody> {
  const { trimID } = await import('../../engine/client.ts');
  return (await engine.request<TaskBody>({ method: 'GET', path: `/tasks/${trimID('task', id)}` })).value ?? {};
}

const isNotFound = (e: unknown): boolean => e instanceof DaemonError && e.statusCode === 404;

function writeTo(out: Out, data: Buffer): void {
  if (out.writeBytes) out.writeBytes(data);
  else out.write(data.toString('utf8'));
}

export async function run(opts: LogsOptions, deps: Deps): Promise<void> {
  const [{ inspectService, serviceLogs, taskLogs }, render, { getTimestamp }] = await Promise.all([
    import('../../engine/services.ts'),
    import('../../render/service-logs.ts'),
    import('../../render/timestamp.ts'),
  ]);
  const engine = await deps.engine();

  let padding = 1;
  let tty = false;
  let isTask = false;
  try {
    const service = (await inspectService(engine, opts.target, false)).value as ServiceBody;
    tty = service.Spec?.TaskTemplate?.ContainerSpec?.TTY === true;
    const replicas = service.Spec?.Mode?.Replicated?.Replicas;
    if (replicas !== undefined && replicas !== null) padding = render.digits(replicas);
  } catch (e) {
    if (!isNotFound(e)) throw e;
    let task: TaskBody;
    try {
      task = await inspectTask(engine, opts.target);
    } catch (e2) {
      if (isNotFound(e2)) throw new StatusError(`no such task or service: ${opts.target}`, 1);
      throw e2;
    }
    tty = task.Spec?.ContainerSpec?.TTY === true;
    padding = render.digits(task.Slot ?? 0);
    isTask = true;
  }
  if (tty && !opts.raw) throw new StatusError('tty service logs only supported with --raw', 1);

  let since: string | undefined;
  if (opts.since !== '') {
    const now = deps.now();
    const nowNanos = BigInt(now.getTime()) * 1_000_000n;
    try {
      since = getTimestamp(opts.since, nowNanos, -now.getTimezoneOffset() * 60);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      throw new StatusError(isTask ? msg : `invalid value for "since": ${msg}`, 1);
    }
  }
  const query = {
    ...(since !== undefined ? { since } : {}),
    timestamps: opts.timestamps,
    follow: opts.follow,
    tail: opts.tail,
    // details are needed for the prefix unless the output is raw
    details: opts.details || !opts.raw,
  };
  const stream = await (isTask ? taskLogs(engine, opts.target, query) : serviceLogs(engine, opts.target, query));

  // Ctrl-C: docker's context is cancelled and it exits 128+SIGINT without a message.
  let interrupted = false;
  const stop = deps.onInterrupt?.(() => {
    interrupted = true;
    stream.destroy();
  });
  try {
    if (tty) {
      for await (const chunk of stream as AsyncIterable<Buffer>) writeTo(deps.stdout, chunk);
    } else {
      await copyFormatted();
    }
  } catch (e) {
    if (!interrupted) throw e;
  } finally {
    stop?.();
  }
  if (interrupted) throw new StatusError('', 130);

  async function copyFormatted(): Promise<void> {
    const demux = new render.StdDemuxer();
    const { IDResolver } = await import('../../engine/idresolver.ts');
    const resolver = new IDResolver(engine, opts.noResolve);
    const prefixes = new Map<string, string>();
    const prefixOf = async (c: { nodeID: string; serviceID: string; taskID: string }): Promise<string> => {
      const key = `${c.nodeID}\u0000${c.serviceID}\u0000${c.taskID}`;
      const hit = prefixes.get(key);
      if (hit !== undefined) return hit;
      const nodeName = await resolver.node(c.nodeID);
      const serviceName = await resolver.service(c.serviceID);
      const task = await inspectTask(engine, c.taskID);
      const prefix = render.taskPrefix({
        serviceName,
        slot: task.Slot ?? 0,
        taskID: task.ID ?? '',
        nodeName,
        noTaskIDs: opts.noTaskIDs,
        noTrunc: opts.noTrunc,
        padding,
      });
      prefixes.set(key, prefix);
      return prefix;
    };
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const { frames, error } = demux.pushFrames(chunk);
      for (const frame of frames) {
        const out = frame.stream === 'stderr' ? deps.stderr : deps.stdout;
        if (opts.raw) {
          writeTo(out, frame.data);
          continue;
        }
        const line = render.parseLogLine(frame.data, opts.timestamps);
        writeTo(out, render.formatLogLine(line, await prefixOf(line.context), opts.details));
      }
      if (error) throw error;
    }
  }
}
