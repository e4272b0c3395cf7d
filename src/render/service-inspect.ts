/**
 * `service inspect --pretty` (cli/command/service/formatter.go, docker 28): docker's template
 * text executed against a serviceInspectContext built from the typed swarm.Service, so every
 * value prints with its Go type (durations "10s", float32 ratios, *uint64 replicas). Pure:
 * network names and `now` come from the caller.
 */
import { goType } from './govalue.ts';
import { FormatError, parseFormatTemplate, templateText } from './format.ts';
import { bytesSize, humanDuration, since } from './humanize.ts';
import type { NowInput } from './gotime.ts';
import { TemplateExecError } from './template/index.ts';
import { GoNil, GoNumber, GoPtr, goMapElem } from './template/values.ts';
import { GoDuration, GoTimeValue } from './gotypes/scalars.ts';
import { typed } from './typed.ts';

/** serviceInspectPrettyTemplate, byte for byte (literal tabs; it starts with a newline). */
export const SERVICE_INSPECT_PRETTY_TEMPLATE = [
  '',
  'ID:\t\t{{.ID}}',
  'Name:\t\t{{.Name}}',
  '{{- if .Labels }}',
  'Labels:',
  '{{- range $k, $v := .Labels }}',
  ' {{ $k }}{{if $v }}={{ $v }}{{ end }}',
  '{{- end }}{{ end }}',
  'Service Mode:',
  '{{- if .IsModeGlobal }}\tGlobal',
  '{{- else if .IsModeReplicated }}\tReplicated',
  '{{- if .ModeReplicatedReplicas }}',
  ' Replicas:\t{{ .ModeReplicatedReplicas }}',
  '{{- end }}{{ end }}',
  '{{- if .HasUpdateStatus }}',
  'UpdateStatus:',
  ' State:\t\t{{ .UpdateStatusState }}',
  '{{- if .HasUpdateStatusStarted }}',
  ' Started:\t{{ .UpdateStatusStarted }}',
  '{{- end }}',
  '{{- if .UpdateIsCompleted }}',
  ' Completed:\t{{ .UpdateStatusCompleted }}',
  '{{- end }}',
  ' Message:\t{{ .UpdateStatusMessage }}',
  '{{- end }}',
  'Placement:',
  '{{- if .TaskPlacementConstraints }}',
  ' Constraints:\t{{ .TaskPlacementConstraints }}',
  '{{- end }}',
  '{{- if .TaskPlacementPreferences }}',
  ' Preferences:   {{ .TaskPlacementPreferences }}',
  '{{- end }}',
  '{{- if .MaxReplicas }}',
  ' Max Replicas Per Node:   {{ .MaxReplicas }}',
  '{{- end }}',
  '{{- if .HasUpdateConfig }}',
  'UpdateConfig:',
  ' Parallelism:\t{{ .UpdateParallelism }}',
  '{{- if .HasUpdateDelay}}',
  ' Delay:\t\t{{ .UpdateDelay }}',
  '{{- end }}',
  ' On failure:\t{{ .UpdateOnFailure }}',
  '{{- if .HasUpdateMonitor}}',
  ' Monitoring Period: {{ .UpdateMonitor }}',
  '{{- end }}',
  ' Max failure ratio: {{ .UpdateMaxFailureRatio }}',
  ' Update order:      {{ .UpdateOrder }}',
  '{{- end }}',
  '{{- if .HasRollbackConfig }}',
  'RollbackConfig:',
  ' Parallelism:\t{{ .RollbackParallelism }}',
  '{{- if .HasRollbackDelay}}',
  ' Delay:\t\t{{ .RollbackDelay }}',
  '{{- end }}',
  ' On failure:\t{{ .RollbackOnFailure }}',
  '{{- if .HasRollbackMonitor}}',
  ' Monitoring Period: {{ .RollbackMonitor }}',
  '{{- end }}',
  ' Max failure ratio: {{ .RollbackMaxFailureRatio }}',
  ' Rollback order:    {{ .RollbackOrder }}',
  '{{- end }}',
  'ContainerSpec:',
  ' Image:\t\t{{ .ContainerImage }}',
  '{{- if .ContainerArgs }}',
  ' Args:\t\t{{ range $arg := .ContainerArgs }}{{ $arg }} {{ end }}',
  '{{- end -}}',
  '{{- if .ContainerEnv }}',
  ' Env:\t\t{{ range $env := .ContainerEnv }}{{ $env }} {{ end }}',
  '{{- end -}}',
  '{{- if .ContainerWorkDir }}',
  ' Dir:\t\t{{ .ContainerWorkDir }}',
  '{{- end -}}',
  '{{- if .HasContainerInit }}',
  ' Init:\t\t{{ .ContainerInit }}',
  '{{- end -}}',
  '{{- if .ContainerUser }}',
  ' User: {{ .ContainerUser }}',
  '{{- end }}',
  '{{- if .HasCapabilities }}',
  'Capabilities:',
  '{{- if .HasCapabilityAdd }}',
  ' Add: {{ .CapabilityAdd }}',
  '{{- end }}',
  '{{- if .HasCapabilityDrop }}',
  ' Drop: {{ .CapabilityDrop }}',
  '{{- end }}',
  '{{- end }}',
  '{{- if .ContainerSysCtls }}',
  'SysCtls:',
  '{{- range $k, $v := .ContainerSysCtls }}',
  ' {{ $k }}{{if $v }}: {{ $v }}{{ end }}',
  '{{- end }}{{ end }}',
  '{{- if .ContainerUlimits }}',
  'Ulimits:',
  '{{- range $k, $v := .ContainerUlimits }}',
  ' {{ $k }}: {{ $v }}',
  '{{- end }}{{ end }}',
  '{{- if .ContainerMounts }}',
  'Mounts:',
  '{{- end }}',
  '{{- range $mount := .ContainerMounts }}',
  ' Target:\t{{ $mount.Target }}',
  '  Source:\t{{ $mount.Source }}',
  '  ReadOnly:\t{{ $mount.ReadOnly }}',
  '  Type:\t\t{{ $mount.Type }}',
  '{{- end -}}',
  '{{- if .Configs}}',
  'Configs:',
  '{{- range $config := .Configs }}',
  ' Target:\t{{$config.File.Name}}',
  '  Source:\t{{$config.ConfigName}}',
  '{{- end }}{{ end }}',
  '{{- if .Secrets }}',
  'Secrets:',
  '{{- range $secret := .Secrets }}',
  ' Target:\t{{$secret.File.Name}}',
  '  Source:\t{{$secret.SecretName}}',
  '{{- end }}{{ end }}',
  '{{- if .HasLogDriver }}',
  'Log Driver:',
  '{{- if .HasLogDriverName }}',
  ' Name:\t\t{{ .LogDriverName }}',
  '{{- end }}',
  '{{- if .LogOpts }}',
  ' LogOpts:',
  '{{- range $k, $v := .LogOpts }}',
  '  {{ $k }}{{if $v }}:       {{ $v }}{{ end }}',
  '{{- end }}{{ end }}',
  '{{ end }}',
  '{{- if .HasResources }}',
  'Resources:',
  '{{- if .HasResourceReservations }}',
  ' Reservations:',
  '{{- if gt .ResourceReservationNanoCPUs 0.0 }}',
  '  CPU:\t\t{{ .ResourceReservationNanoCPUs }}',
  '{{- end }}',
  '{{- if .ResourceReservationMemory }}',
  '  Memory:\t{{ .ResourceReservationMemory }}',
  '{{- end }}{{ end }}',
  '{{- if .HasResourceLimits }}',
  ' Limits:',
  '{{- if gt .ResourceLimitsNanoCPUs 0.0 }}',
  '  CPU:\t\t{{ .ResourceLimitsNanoCPUs }}',
  '{{- end }}',
  '{{- if .ResourceLimitMemory }}',
  '  Memory:\t{{ .ResourceLimitMemory }}',
  '{{- end }}{{ end }}{{ end }}',
  '{{- if gt .ResourceLimitPids 0 }}',
  '  PIDs:\t\t{{ .ResourceLimitPids }}',
  '{{- end }}',
  '{{- if .Networks }}',
  'Networks:',
  '{{- range $network := .Networks }} {{ $network }}{{ end }} {{ end }}',
  'Endpoint Mode:\t{{ .EndpointMode }}',
  '{{- if .Ports }}',
  'Ports:',
  '{{- range $port := .Ports }}',
  ' PublishedPort = {{ $port.PublishedPort }}',
  '  Protocol = {{ $port.Protocol }}',
  '  TargetPort = {{ $port.TargetPort }}',
  '  PublishMode = {{ $port.PublishMode }}',
  '{{- end }} {{ end -}}',
  '{{- if .Healthcheck }}',
  ' Healthcheck:',
  '  Interval = {{ .Healthcheck.Interval }}',
  '  Retries = {{ .Healthcheck.Retries }}',
  '  StartPeriod =\t{{ .Healthcheck.StartPeriod }}',
  '  Timeout =\t{{ .Healthcheck.Timeout }}',
  '  {{- if .Healthcheck.Test }}',
  '  Tests:',
  '\t{{- range $test := .Healthcheck.Test }}',
  '\t Test = {{ $test }}',
  '  {{- end }} {{ end -}}',
  '{{- end }}',
  '',
].join('\n');

type Obj = Record<string, unknown>;

/** A field of a typed struct value (undefined when the struct is a nil pointer). */
function field(v: unknown, name: string): unknown {
  if (v instanceof GoNil || v === null || v === undefined) return undefined;
  return (v as Obj)[name];
}

function isNil(v: unknown): boolean {
  return v === undefined || v === null || v instanceof GoNil;
}

/** A numeric Go value as a JS number (0 for nil). */
function num(v: unknown): number {
  if (v instanceof GoNumber) return Number(v.value);
  if (typeof v === 'number') return v;
  return 0;
}

function str(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object' && 'value' in v && typeof (v as { value: unknown }).value === 'string') {
    return (v as { value: string }).value;
  }
  return '';
}

function len(v: unknown): number {
  if (Array.isArray(v)) return v.length;
  if (v !== null && typeof v === 'object' && !(v instanceof GoNil)) return Object.keys(v).length;
  return 0;
}

function durationNs(v: unknown): bigint {
  return v instanceof GoDuration ? v.ns : 0n;
}

/** A []string for the template: nil when absent. */
function stringSlice(v: readonly string[] | undefined): readonly string[] | GoNil {
  if (v === undefined) return new GoNil('[]string');
  const out = [...v];
  Object.defineProperty(out, goType, { value: '[]string' });
  return out;
}

function stringMap(entries: Iterable<[string, string]>): Obj {
  const out: Obj = {};
  for (const [k, v] of entries) out[k] = v;
  Object.defineProperty(out, goMapElem, { value: 'string' });
  return out;
}

/** serviceInspectContext: swarm.Service embedded, plus the methods the pretty template calls. */
export class ServiceInspectContext {
  readonly [goType] = '*service.serviceInspectContext';
  private readonly t: Obj;

  constructor(
    decoded: unknown,
    private readonly networkNames: ReadonlyMap<string, string>,
    private readonly now: NowInput,
  ) {
    this.t = typed('swarm.Service', decoded);
  }

  private get spec(): unknown {
    return this.t['Spec'];
  }
  private get taskTemplate(): unknown {
    return field(this.spec, 'TaskTemplate');
  }
  private get containerSpec(): unknown {
    return field(this.taskTemplate, 'ContainerSpec');
  }
  private get placement(): unknown {
    return field(this.taskTemplate, 'Placement');
  }
  private get mode(): unknown {
    return field(this.spec, 'Mode');
  }
  private get updateStatus(): unknown {
    return this.t['UpdateStatus'];
  }
  private get updateConfig(): unknown {
    return field(this.spec, 'UpdateConfig');
  }
  private get rollbackConfig(): unknown {
    return field(this.spec, 'RollbackConfig');
  }
  private get resources(): unknown {
    return field(this.taskTemplate, 'Resources');
  }
  private get logDriver(): unknown {
    return field(this.taskTemplate, 'LogDriver');
  }

  get ID(): unknown {
    return this.t['ID'];
  }
  get Name(): unknown {
    return field(this.spec, 'Name');
  }
  get Labels(): unknown {
    return field(this.spec, 'Labels');
  }
  get IsModeGlobal(): boolean {
    return !isNil(field(this.mode, 'Global'));
  }
  get IsModeReplicated(): boolean {
    return !isNil(field(this.mode, 'Replicated'));
  }
  get ModeReplicatedReplicas(): unknown {
    return field(field(this.mode, 'Replicated'), 'Replicas');
  }
  get HasUpdateStatus(): boolean {
    return !isNil(this.updateStatus) && str(field(this.updateStatus, 'State')) !== '';
  }
  get UpdateStatusState(): unknown {
    return field(this.updateStatus, 'State');
  }
  get HasUpdateStatusStarted(): boolean {
    return !isNil(field(this.updateStatus, 'StartedAt'));
  }
  private ago(p: unknown): string {
    const t = p instanceof GoPtr ? p.elem : p;
    return t instanceof GoTimeValue ? `${humanDuration(since(t.time, this.now))} ago` : '';
  }
  get UpdateStatusStarted(): string {
    return this.ago(field(this.updateStatus, 'StartedAt'));
  }
  get UpdateIsCompleted(): boolean {
    return str(field(this.updateStatus, 'State')) === 'completed' && !isNil(field(this.updateStatus, 'CompletedAt'));
  }
  get UpdateStatusCompleted(): string {
    return this.ago(field(this.updateStatus, 'CompletedAt'));
  }
  get UpdateStatusMessage(): unknown {
    return field(this.updateStatus, 'Message');
  }
  get TaskPlacementConstraints(): unknown {
    if (isNil(this.placement)) return new GoNil('[]string');
    return field(this.placement, 'Constraints');
  }
  get TaskPlacementPreferences(): readonly string[] | GoNil {
    if (isNil(this.placement)) return new GoNil('[]string');
    let out: string[] | undefined;
    const prefs = field(this.placement, 'Preferences');
    for (const p of Array.isArray(prefs) ? prefs : []) {
      const spread = field(p, 'Spread');
      if (!isNil(spread)) (out ??= []).push(`spread=${str(field(spread, 'SpreadDescriptor'))}`);
    }
    return stringSlice(out);
  }
  get MaxReplicas(): GoNumber {
    return new GoNumber(isNil(this.placement) ? 0 : num(field(this.placement, 'MaxReplicas')), 'uint64');
  }
  get HasUpdateConfig(): boolean {
    return !isNil(this.updateConfig);
  }
  get UpdateParallelism(): unknown {
    return field(this.updateConfig, 'Parallelism');
  }
  get HasUpdateDelay(): boolean {
    return durationNs(field(this.updateConfig, 'Delay')) > 0n;
  }
  get UpdateDelay(): unknown {
    return field(this.updateConfig, 'Delay');
  }
  get UpdateOnFailure(): unknown {
    return field(this.updateConfig, 'FailureAction');
  }
  get UpdateOrder(): unknown {
    return field(this.updateConfig, 'Order');
  }
  get HasUpdateMonitor(): boolean {
    return durationNs(field(this.updateConfig, 'Monitor')) > 0n;
  }
  get UpdateMonitor(): unknown {
    return field(this.updateConfig, 'Monitor');
  }
  get UpdateMaxFailureRatio(): unknown {
    return field(this.updateConfig, 'MaxFailureRatio');
  }
  get HasRollbackConfig(): boolean {
    return !isNil(this.rollbackConfig);
  }
  get RollbackParallelism(): unknown {
    return field(this.rollbackConfig, 'Parallelism');
  }
  get HasRollbackDelay(): boolean {
    return durationNs(field(this.rollbackConfig, 'Delay')) > 0n;
  }
  get RollbackDelay(): unknown {
    return field(this.rollbackConfig, 'Delay');
  }
  get RollbackOnFailure(): unknown {
    return field(this.rollbackConfig, 'FailureAction');
  }
  get HasRollbackMonitor(): boolean {
    return durationNs(field(this.rollbackConfig, 'Monitor')) > 0n;
  }
  get RollbackMonitor(): unknown {
    return field(this.rollbackConfig, 'Monitor');
  }
  get RollbackMaxFailureRatio(): unknown {
    return field(this.rollbackConfig, 'MaxFailureRatio');
  }
  get RollbackOrder(): unknown {
    return field(this.rollbackConfig, 'Order');
  }
  get ContainerImage(): unknown {
    return field(this.containerSpec, 'Image');
  }
  get ContainerArgs(): unknown {
    return field(this.containerSpec, 'Args');
  }
  get ContainerEnv(): unknown {
    return field(this.containerSpec, 'Env');
  }
  get ContainerWorkDir(): unknown {
    return field(this.containerSpec, 'Dir');
  }
  get ContainerUser(): unknown {
    return field(this.containerSpec, 'User');
  }
  get HasContainerInit(): boolean {
    return !isNil(field(this.containerSpec, 'Init'));
  }
  get ContainerInit(): unknown {
    const p = field(this.containerSpec, 'Init');
    return p instanceof GoPtr ? p.elem : p;
  }
  get ContainerMounts(): unknown {
    return field(this.containerSpec, 'Mounts');
  }
  get ContainerSysCtls(): unknown {
    return field(this.containerSpec, 'Sysctls');
  }
  get ContainerUlimits(): Obj {
    const list = field(this.containerSpec, 'Ulimits');
    return stringMap(
      (Array.isArray(list) ? list : []).map((u): [string, string] => [
        str(field(u, 'Name')),
        `${num(field(u, 'Soft'))}:${num(field(u, 'Hard'))}`,
      ]),
    );
  }
  get Configs(): unknown {
    return field(this.containerSpec, 'Configs');
  }
  get Secrets(): unknown {
    return field(this.containerSpec, 'Secrets');
  }
  get HasLogDriver(): boolean {
    return !isNil(this.logDriver);
  }
  get HasLogDriverName(): boolean {
    return str(field(this.logDriver, 'Name')) !== '';
  }
  get LogDriverName(): unknown {
    return field(this.logDriver, 'Name');
  }
  get LogOpts(): unknown {
    return field(this.logDriver, 'Options');
  }
  get HasResources(): boolean {
    return !isNil(this.resources);
  }
  private get reservations(): unknown {
    return field(this.resources, 'Reservations');
  }
  private get limits(): unknown {
    return field(this.resources, 'Limits');
  }
  get HasResourceReservations(): boolean {
    const r = this.reservations;
    if (isNil(r)) return false;
    return num(field(r, 'NanoCPUs')) > 0 || num(field(r, 'MemoryBytes')) > 0;
  }
  get ResourceReservationNanoCPUs(): GoNumber {
    return new GoNumber(num(field(this.reservations, 'NanoCPUs')) / 1e9, 'float64');
  }
  get ResourceReservationMemory(): string {
    const m = num(field(this.reservations, 'MemoryBytes'));
    return m === 0 ? '' : bytesSize(m);
  }
  get HasResourceLimits(): boolean {
    const l = this.limits;
    if (isNil(l)) return false;
    return num(field(l, 'NanoCPUs')) > 0 || num(field(l, 'MemoryBytes')) > 0 || num(field(l, 'Pids')) > 0;
  }
  get ResourceLimitsNanoCPUs(): GoNumber {
    return new GoNumber(num(field(this.limits, 'NanoCPUs')) / 1e9, 'float64');
  }
  get ResourceLimitMemory(): string {
    const m = num(field(this.limits, 'MemoryBytes'));
    return m === 0 ? '' : bytesSize(m);
  }
  get ResourceLimitPids(): GoNumber {
    return new GoNumber(isNil(this.limits) ? 0 : num(field(this.limits, 'Pids')), 'int64');
  }
  get Networks(): readonly string[] | GoNil {
    const nets = field(this.taskTemplate, 'Networks');
    let out: string[] | undefined;
    for (const n of Array.isArray(nets) ? nets : []) {
      const target = str(field(n, 'Target'));
      (out ??= []).push(this.networkNames.get(target) ?? target);
    }
    return stringSlice(out);
  }
  get EndpointMode(): string {
    const es = field(this.spec, 'EndpointSpec');
    return isNil(es) ? '' : str(field(es, 'Mode'));
  }
  get Ports(): unknown {
    return field(this.t['Endpoint'], 'Ports');
  }
  get Healthcheck(): unknown {
    return field(this.containerSpec, 'Healthcheck');
  }
  private capList(name: string): readonly string[] {
    const v = field(this.containerSpec, name);
    return Array.isArray(v) ? (v as string[]) : [];
  }
  get HasCapabilities(): boolean {
    return this.capList('CapabilityAdd').length > 0 || this.capList('CapabilityDrop').length > 0;
  }
  get HasCapabilityAdd(): boolean {
    return this.capList('CapabilityAdd').length > 0;
  }
  get HasCapabilityDrop(): boolean {
    return this.capList('CapabilityDrop').length > 0;
  }
  get CapabilityAdd(): string {
    return this.capList('CapabilityAdd').join(', ');
  }
  get CapabilityDrop(): string {
    return this.capList('CapabilityDrop').join(', ');
  }
  get HasContainerSysCtls(): boolean {
    return len(field(this.containerSpec, 'Sysctls')) > 0;
  }
  get HasContainerUlimits(): boolean {
    return len(field(this.containerSpec, 'Ulimits')) > 0;
  }
}

/** One service to print: the decoded body and the names of its networks (ID → name). */
export interface PrettyService {
  readonly service: unknown;
  readonly networkNames: ReadonlyMap<string, string>;
}

/**
 * The --pretty output (formatter.Context.Write with the pretty template: each service's text
 * followed by "\n"). Throws FormatError when the template fails on a service (nothing printed).
 */
export function renderServiceInspectPretty(services: readonly PrettyService[], now: NowInput): string {
  const tmpl = parseFormatTemplate(templateText(SERVICE_INSPECT_PRETTY_TEMPLATE));
  const out: string[] = [];
  for (const s of services) {
    try {
      out.push(tmpl.execute(new ServiceInspectContext(s.service, s.networkNames, now)));
    } catch (e) {
      if (e instanceof TemplateExecError) throw new FormatError(`template parsing error: ${e.message}`, false);
      throw e;
    }
    out.push('\n');
  }
  return out.join('');
}
