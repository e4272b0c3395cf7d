/**
 * The task table shared by `node ps`, `service ps` and `stack ps` (cli/command/task/print.go
 * and formatter.go, docker 28): task names, sorting, the ` \_ ` history indent, and the row
 * fields. Pure: names are resolved by the caller, `now` is passed in.
 */
import type { Task } from '../engine/tasks.ts';
import { ellipsis, prettyPrint, truncateID } from './display.ts';
import { renderFormat, resolveFormat, isTableFormat, TABLE_FORMAT_KEY } from './format.ts';
import { goType } from './govalue.ts';
import { parseRFC3339, ZERO_TIME, type GoTime, type NowInput } from './gotime.ts';
import { humanDurationSince } from './humanize.ts';
import { sortNatural } from './natsort.ts';
import { imageWithoutDigest } from './reference.ts';
import { marshalJSON } from './template/index.ts';

export const DEFAULT_TASK_TABLE_FORMAT =
  'table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.Node}}\t{{.DesiredState}}\t{{.CurrentState}}\t{{.Error}}\t{{.Ports}}';
export const TASK_RAW_FORMAT =
  'id: {{.ID}}\\nname: {{.Name}}\\nimage: {{.Image}}\\nnode: {{.Node}}\\ndesired_state: {{.DesiredState}}\\ncurrent_state: {{.CurrentState}}\\nerror: {{.Error}}\\nports: {{.Ports}}\\n';
export const TASK_RAW_QUIET_FORMAT = 'id: {{.ID}}';

export const TASK_HEADERS: Readonly<Record<string, string>> = {
  ID: 'ID',
  Name: 'NAME',
  Image: 'IMAGE',
  Node: 'NODE',
  DesiredState: 'DESIRED STATE',
  CurrentState: 'CURRENT STATE',
  Error: 'ERROR',
  Ports: 'PORTS',
};

const MAX_ERR_LENGTH = 30;

/** task.DefaultFormat: config.json's tasksFormat unless -q, else "table". */
export function defaultTaskFormat(tasksFormat: string | undefined, quiet: boolean): string {
  return tasksFormat && !quiet ? tasksFormat : TABLE_FORMAT_KEY;
}

/** task.NewTaskFormat. */
export function taskFormat(source: string, quiet: boolean): string {
  return resolveFormat(source, quiet, { table: DEFAULT_TASK_TABLE_FORMAT, raw: TASK_RAW_FORMAT, rawQuiet: TASK_RAW_QUIET_FORMAT });
}

/** One row of the task table: its getters are the template fields. */
export class TaskRow {
  readonly [goType] = '*task.taskContext';
  constructor(
    private readonly task: Task,
    private readonly name: string,
    private readonly node: string,
    private readonly trunc: boolean,
    private readonly now: NowInput,
  ) {}

  get ID(): string {
    return this.trunc ? truncateID(this.task.ID) : this.task.ID;
  }
  get Name(): string {
    return this.name;
  }
  get Image(): string {
    const image = this.task.Spec?.ContainerSpec?.Image ?? '';
    return this.trunc ? imageWithoutDigest(image) : image;
  }
  get Node(): string {
    return this.node;
  }
  get DesiredState(): string {
    return prettyPrint(this.task.DesiredState ?? '');
  }
  get CurrentState(): string {
    const ts = this.task.Status?.Timestamp;
    const then = ts ? parseRFC3339(ts) : ZERO_TIME;
    return `${prettyPrint(this.task.Status?.State ?? '')} ${humanDurationSince(then, this.now).toLowerCase()} ago`;
  }
  get Error(): string {
    let err = this.task.Status?.Err ?? '';
    if (this.trunc) err = ellipsis(err, MAX_ERR_LENGTH);
    return err.length > 0 ? `"${err}"` : err;
  }
  get Ports(): string {
    const ports = this.task.Status?.PortStatus?.Ports ?? [];
    return ports.map((p) => `*:${p.PublishedPort ?? 0}->${p.TargetPort ?? 0}/${p.Protocol ?? ''}`).join(',');
  }

  /** formatter.MarshalJSON: every field, keys sorted, json.Marshal (HTML-escaping) of the map. */
  MarshalJSON(): string {
    return marshalJSON(
      {
        CurrentState: this.CurrentState,
        DesiredState: this.DesiredState,
        Error: this.Error,
        ID: this.ID,
        Image: this.Image,
        Name: this.Name,
        Node: this.Node,
        Ports: this.Ports,
      },
      true,
    );
  }
}

/** Input of renderTasks. */
export interface TaskTableInput {
  readonly tasks: readonly Task[];
  /** The --format value (or tasksFormat/"table"); mapped through NewTaskFormat here. */
  readonly format: string;
  readonly quiet: boolean;
  /** false with --no-trunc. */
  readonly trunc: boolean;
  /** Service ID → name (the ID itself with --no-resolve); missing IDs show as the ID. */
  readonly serviceNames: ReadonlyMap<string, string>;
  /** Node ID → name (Spec.Name, hostname or ID); missing IDs show as the ID. */
  readonly nodeNames: ReadonlyMap<string, string>;
  readonly now: NowInput;
}

interface Named {
  readonly task: Task;
  readonly name: string;
  readonly created: GoTime;
}

function before(a: GoTime, b: GoTime): boolean {
  return a.sec < b.sec || (a.sec === b.sec && a.nsec < b.nsec);
}

/**
 * task.Print: names `<service>.<slot>` (or `<service>.<node ID>` for global tasks), sorted by
 * name (natural order) and newest first, older tasks of a slot indented in table formats.
 */
export function renderTasks(input: TaskTableInput): string {
  const lookup = (m: ReadonlyMap<string, string>, id: string) => m.get(id) ?? id;
  const named: Named[] = input.tasks.map((task) => {
    const service = lookup(input.serviceNames, task.ServiceID ?? '');
    const slot = task.Slot ?? 0;
    return {
      task,
      name: slot !== 0 ? `${service}.${slot}` : `${service}.${task.NodeID ?? ''}`,
      created: task.CreatedAt ? parseRFC3339(task.CreatedAt) : ZERO_TIME,
    };
  });
  // Array.prototype.sort is stable, as sort.Stable.
  sortNatural(named, (t) => t.name, (a, b) => (before(b.created, a.created) ? -1 : before(a.created, b.created) ? 1 : 0));
  const format = taskFormat(input.format, input.quiet);
  const indent = isTableFormat(format) ? ' \\_ ' : '';
  // docker keeps the shown names in a map keyed by task ID, so when a task is listed twice
  // (node ps with several nodes) the last assignment, indented, is used for every copy.
  const shown = new Map<string, string>();
  let prev = '';
  for (const { task, name } of named) {
    shown.set(task.ID, name === prev ? indent + name : name);
    prev = name;
  }
  const rows = named.map(
    ({ task }) =>
      new TaskRow(task, shown.get(task.ID) ?? '', lookup(input.nodeNames, task.NodeID ?? ''), input.trunc, input.now),
  );
  return renderFormat({ format, rows, header: TASK_HEADERS });
}
