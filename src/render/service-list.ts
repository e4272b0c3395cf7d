/**
 * `service ls` (and `stack services`) rows: cli/command/service/formatter.go (docker 28):
 * MODE, REPLICAS for every mode, IMAGE without digest, PORTS grouped into ranges; the rows
 * sorted by name in natural order. Pure.
 */
import { truncateID } from './display.ts';
import { renderFormat } from './format.ts';
import { goType } from './govalue.ts';
import { sortNatural } from './natsort.ts';
import { imageWithoutDigest } from './reference.ts';
import { marshalJSON } from './template/index.ts';

/** The parts of swarm.Service (api/types/swarm/service.go) the list reads. */
export interface ListedService {
  readonly ID: string;
  readonly Spec?: {
    readonly Name?: string;
    readonly Mode?: ServiceMode | null;
    readonly TaskTemplate?: {
      readonly ContainerSpec?: { readonly Image?: string } | null;
      readonly Placement?: { readonly MaxReplicas?: number } | null;
    } | null;
  } | null;
  readonly Endpoint?: { readonly Ports?: readonly EndpointPort[] | null } | null;
  readonly ServiceStatus?: {
    readonly RunningTasks?: number;
    readonly DesiredTasks?: number;
    readonly CompletedTasks?: number;
  } | null;
}

export interface ServiceMode {
  readonly Replicated?: { readonly Replicas?: number | null } | null;
  readonly Global?: object | null;
  readonly ReplicatedJob?: { readonly MaxConcurrent?: number | null; readonly TotalCompletions?: number | null } | null;
  readonly GlobalJob?: object | null;
}

export interface EndpointPort {
  readonly Name?: string;
  readonly Protocol?: string;
  readonly TargetPort?: number;
  readonly PublishedPort?: number;
  readonly PublishMode?: string;
}

export const DEFAULT_SERVICE_TABLE_FORMAT = 'table {{.ID}}\t{{.Name}}\t{{.Mode}}\t{{.Replicas}}\t{{.Image}}\t{{.Ports}}';
export const SERVICE_RAW_FORMAT =
  'id: {{.ID}}\\nname: {{.Name}}\\nmode: {{.Mode}}\\nreplicas: {{.Replicas}}\\nimage: {{.Image}}\\nports: {{.Ports}}\\n';
export const SERVICE_RAW_QUIET_FORMAT = 'id: {{.ID}}';

export const SERVICE_HEADERS: Readonly<Record<string, string>> = {
  ID: 'ID',
  Name: 'NAME',
  Mode: 'MODE',
  Replicas: 'REPLICAS',
  Image: 'IMAGE',
  Ports: 'PORTS',
};

const present = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null;

/** The MODE column: checked in docker's order (global first). */
export function serviceMode(mode: ServiceMode | null | undefined): string {
  if (present(mode?.Global)) return 'global';
  if (present(mode?.Replicated)) return 'replicated';
  if (present(mode?.ReplicatedJob)) return 'replicated job';
  if (present(mode?.GlobalJob)) return 'global job';
  return '';
}

/** Go's unsigned 32-bit subtraction (port numbers are uint32). */
function sub32(a: number, b: number): number {
  return (a - b) >>> 0;
}

interface PortRange {
  pStart: number;
  pEnd: number;
  tStart: number;
  tEnd: number;
  protocol: string;
}

function rangeText(pr: PortRange): string {
  const pub = pr.pEnd > pr.pStart ? `${pr.pStart}-${pr.pEnd}` : String(pr.pStart);
  const tgt = pr.tEnd > pr.tStart ? `${pr.tStart}-${pr.tEnd}` : String(pr.tStart);
  return `*:${pub}->${tgt}/${pr.protocol}`;
}

/**
 * The PORTS column: the ingress-published ports of Endpoint.Ports sorted by protocol, then
 * published port, consecutive ones grouped ("*:80-81->80-81/tcp"), joined with ", ".
 */
export function servicePorts(ports: readonly EndpointPort[] | null | undefined): string {
  if (!present(ports)) return '';
  const sorted = [...ports].sort((a, b) => {
    const pa = a.Protocol ?? '';
    const pb = b.Protocol ?? '';
    if (pa === pb) return (a.PublishedPort ?? 0) - (b.PublishedPort ?? 0);
    return pa < pb ? -1 : 1;
  });
  const out: string[] = [];
  let pr: PortRange = { pStart: 0, pEnd: 0, tStart: 0, tEnd: 0, protocol: '' };
  for (const p of sorted) {
    if (p.PublishMode !== 'ingress') continue;
    const published = p.PublishedPort ?? 0;
    const target = p.TargetPort ?? 0;
    const protocol = p.Protocol ?? '';
    const isRange = pr.tEnd !== pr.tStart;
    const overlaps = target <= pr.tEnd;
    if (protocol !== pr.protocol || sub32(published, pr.pEnd) > 1 || sub32(target, pr.tEnd) > 1 || (isRange && overlaps)) {
      if (pr.pStart > 0) out.push(rangeText(pr));
      pr = { pStart: published, pEnd: published, tStart: target, tEnd: target, protocol };
      continue;
    }
    pr.pEnd = published;
    pr.tEnd = target;
  }
  if (pr.pStart > 0) out.push(rangeText(pr));
  return out.join(', ');
}

/** One row of `service ls`: its getters are the template fields (serviceContext). */
export class ServiceRow {
  readonly [goType] = '*service.serviceContext';
  constructor(private readonly s: ListedService) {}

  get ID(): string {
    return truncateID(this.s.ID);
  }
  get Name(): string {
    return this.s.Spec?.Name ?? '';
  }
  get Mode(): string {
    return serviceMode(this.s.Spec?.Mode);
  }
  get Replicas(): string {
    const st = this.s.ServiceStatus;
    const running = st?.RunningTasks ?? 0;
    const desired = st?.DesiredTasks ?? 0;
    const completed = st?.CompletedTasks ?? 0;
    const mode = this.s.Spec?.Mode;
    if (present(mode?.ReplicatedJob)) {
      return `${running}/${desired} (${completed}/${mode.ReplicatedJob.TotalCompletions ?? 0} completed)`;
    }
    if (present(mode?.GlobalJob)) return `${running}/${desired} (${completed}/${desired + completed} completed)`;
    const max = this.Mode === 'replicated' ? (this.s.Spec?.TaskTemplate?.Placement?.MaxReplicas ?? 0) : 0;
    if (max > 0) return `${running}/${desired} (max ${max} per node)`;
    return `${running}/${desired}`;
  }
  get Image(): string {
    return imageWithoutDigest(this.s.Spec?.TaskTemplate?.ContainerSpec?.Image ?? '');
  }
  get Ports(): string {
    return servicePorts(this.s.Endpoint?.Ports);
  }

  /** formatter.MarshalJSON: every field, keys sorted, HTML characters escaped. */
  MarshalJSON(): string {
    return marshalJSON(
      { ID: this.ID, Image: this.Image, Mode: this.Mode, Name: this.Name, Ports: this.Ports, Replicas: this.Replicas },
      true,
    );
  }
}

/** service.NewListFormat: "table"/"raw" (and their -q forms) mapped; anything else as given. */
export const SERVICE_FORMATS = {
  table: DEFAULT_SERVICE_TABLE_FORMAT,
  raw: SERVICE_RAW_FORMAT,
  rawQuiet: SERVICE_RAW_QUIET_FORMAT,
} as const;

/** The format `service ls` and `stack services` use without --format: servicesFormat unless -q, else "table". */
export function defaultServiceFormat(servicesFormat: string | undefined, quiet: boolean): string {
  return servicesFormat && !quiet ? servicesFormat : 'table';
}

/** service.ListFormatWrite: sorted by name (natural order), rendered through the format layer. */
export function renderServiceList(services: readonly ListedService[], format: string, quiet: boolean): string {
  const sorted = sortNatural([...services], (s) => s.Spec?.Name ?? '');
  return renderFormat({
    format,
    defaults: SERVICE_FORMATS,
    quiet,
    rows: sorted.map((s) => new ServiceRow(s)),
    header: SERVICE_HEADERS,
  });
}
