/**
 * `node inspect --pretty` (cli/command/node/formatter.go, docker 28): docker's template text,
 * executed against a nodeInspectContext built from the decoded node. Pure.
 */
import type { SwarmNode } from '../engine/types.ts';
import { prettyPrint } from './display.ts';
import { parseFormatTemplate, templateText } from './format.ts';
import { goTimeString, ZERO_TIME } from './gotime.ts';
import { goType } from './govalue.ts';
import { bytesSize } from './humanize.ts';
import { goMapElem, GoNil } from './template/values.ts';
import { typed } from './typed.ts';

/** nodeInspectPrettyTemplate, byte for byte (literal tabs). */
export const NODE_INSPECT_PRETTY_TEMPLATE = [
  'ID:\t\t\t{{.ID}}',
  '{{- if .Name }}',
  'Name:\t\t\t{{.Name}}',
  '{{- end }}',
  '{{- if .Labels }}',
  'Labels:',
  '{{- range $k, $v := .Labels }}',
  ' - {{ $k }}{{if $v }}={{ $v }}{{ end }}',
  '{{- end }}{{ end }}',
  'Hostname:              \t{{.Hostname}}',
  'Joined at:             \t{{.CreatedAt}}',
  'Status:',
  ' State:\t\t\t{{.StatusState}}',
  ' {{- if .HasStatusMessage}}',
  ' Message:              \t{{.StatusMessage}}',
  ' {{- end}}',
  ' Availability:         \t{{.SpecAvailability}}',
  ' {{- if .Status.Addr}}',
  ' Address:\t\t{{.StatusAddr}}',
  ' {{- end}}',
  '{{- if .HasManagerStatus}}',
  'Manager Status:',
  ' Address:\t\t{{.ManagerStatusAddr}}',
  ' Raft Status:\t\t{{.ManagerStatusReachability}}',
  ' {{- if .IsManagerStatusLeader}}',
  ' Leader:\t\tYes',
  ' {{- else}}',
  ' Leader:\t\tNo',
  ' {{- end}}',
  '{{- end}}',
  'Platform:',
  ' Operating System:\t{{.PlatformOS}}',
  ' Architecture:\t\t{{.PlatformArchitecture}}',
  'Resources:',
  ' CPUs:\t\t\t{{.ResourceNanoCPUs}}',
  ' Memory:\t\t{{.ResourceMemory}}',
  '{{- if .HasEnginePlugins}}',
  'Plugins:',
  '{{- range $k, $v := .EnginePlugins }}',
  ' {{ $k }}:{{if $v }}\t\t{{ $v }}{{ end }}',
  '{{- end }}',
  '{{- end }}',
  'Engine Version:\t\t{{.EngineVersion}}',
  '{{- if .EngineLabels}}',
  'Engine Labels:',
  '{{- range $k, $v := .EngineLabels }}',
  ' - {{ $k }}{{if $v }}={{ $v }}{{ end }}',
  '{{- end }}{{- end }}',
  '{{- if .HasTLSInfo}}',
  'TLS Info:',
  ' TrustRoot:',
  '{{.TLSInfoTrustRoot}}',
  ' Issuer Subject:\t{{.TLSInfoCertIssuerSubject}}',
  ' Issuer Public Key:\t{{.TLSInfoCertIssuerPublicKey}}',
  '{{- end}}',
].join('\n');

type StringMap = Record<string, string>;

/** A map[string]string as the template sees it (nil when absent). */
function stringMap(m: Readonly<StringMap> | null | undefined): StringMap | GoNil {
  if (m === null || m === undefined) return new GoNil('map[string]string');
  const out: StringMap = { ...m };
  Object.defineProperty(out, goMapElem, { value: 'string' });
  return out;
}

/** A []byte field is non-nil when the JSON key is present and not null. */
function bytesPresent(o: object | undefined, key: string): boolean {
  if (!o) return false;
  const v = (o as Record<string, unknown>)[key];
  return v !== undefined && v !== null;
}

/** nodeInspectContext: swarm.Node embedded, plus the methods the pretty template calls. */
export class NodeInspectContext {
  readonly [goType] = '*node.nodeInspectContext';
  private typedNode: Record<string, unknown> | undefined;

  constructor(private readonly n: SwarmNode) {}

  private get typedValue(): Record<string, unknown> {
    this.typedNode ??= typed('swarm.Node', this.n);
    return this.typedNode;
  }

  // Fields of the embedded swarm.Node that the template reaches directly.
  get Status(): unknown {
    return this.typedValue['Status'];
  }
  get Spec(): unknown {
    return this.typedValue['Spec'];
  }
  get Description(): unknown {
    return this.typedValue['Description'];
  }
  get ManagerStatus(): unknown {
    return this.typedValue['ManagerStatus'];
  }

  get ID(): string {
    return this.n.ID;
  }
  get Name(): string {
    return this.n.Spec?.Name ?? '';
  }
  get Labels(): StringMap | GoNil {
    return stringMap(this.n.Spec?.Labels);
  }
  get Hostname(): string {
    return this.n.Description?.Hostname ?? '';
  }
  get CreatedAt(): string {
    return prettyPrint(this.n.CreatedAt ? goTimeString(this.n.CreatedAt) : goTimeString(ZERO_TIME));
  }
  get StatusState(): string {
    return prettyPrint(this.n.Status?.State ?? '');
  }
  get HasStatusMessage(): boolean {
    return (this.n.Status?.Message ?? '') !== '';
  }
  get StatusMessage(): string {
    return prettyPrint(this.n.Status?.Message ?? '');
  }
  get SpecAvailability(): string {
    return prettyPrint(this.n.Spec?.Availability ?? '');
  }
  get HasStatusAddr(): boolean {
    return (this.n.Status?.Addr ?? '') !== '';
  }
  get StatusAddr(): string {
    return this.n.Status?.Addr ?? '';
  }
  get HasManagerStatus(): boolean {
    return this.n.ManagerStatus !== undefined && this.n.ManagerStatus !== null;
  }
  get ManagerStatusAddr(): string {
    return this.n.ManagerStatus?.Addr ?? '';
  }
  get ManagerStatusReachability(): string {
    return prettyPrint(this.n.ManagerStatus?.Reachability ?? '');
  }
  get IsManagerStatusLeader(): boolean {
    return this.n.ManagerStatus?.Leader === true;
  }
  get PlatformOS(): string {
    return this.n.Description?.Platform?.OS ?? '';
  }
  get PlatformArchitecture(): string {
    return this.n.Description?.Platform?.Architecture ?? '';
  }
  /** int(NanoCPUs) / 1e9, integer division. */
  get ResourceNanoCPUs(): number {
    return Math.trunc((this.n.Description?.Resources?.NanoCPUs ?? 0) / 1e9);
  }
  get ResourceMemory(): string {
    const m = this.n.Description?.Resources?.MemoryBytes ?? 0;
    return m === 0 ? '' : bytesSize(m);
  }
  get HasEnginePlugins(): boolean {
    return (this.n.Description?.Engine?.Plugins ?? []).length > 0;
  }
  /** Plugin names per type, joined with ", " in the daemon's order. */
  get EnginePlugins(): StringMap {
    const byType = new Map<string, string[]>();
    for (const p of this.n.Description?.Engine?.Plugins ?? []) {
      const list = byType.get(p.Type) ?? [];
      list.push(p.Name);
      byType.set(p.Type, list);
    }
    const out: StringMap = {};
    for (const [k, v] of byType) out[k] = v.join(', ');
    Object.defineProperty(out, goMapElem, { value: 'string' });
    return out;
  }
  get EngineLabels(): StringMap | GoNil {
    return stringMap(this.n.Description?.Engine?.Labels);
  }
  get EngineVersion(): string {
    return this.n.Description?.Engine?.EngineVersion ?? '';
  }
  get HasTLSInfo(): boolean {
    const t = this.n.Description?.TLSInfo;
    return (t?.TrustRoot ?? '') !== '' || bytesPresent(t, 'CertIssuerSubject') || bytesPresent(t, 'CertIssuerPublicKey');
  }
  get TLSInfoTrustRoot(): string {
    return this.n.Description?.TLSInfo?.TrustRoot ?? '';
  }
  get TLSInfoCertIssuerSubject(): string {
    return this.n.Description?.TLSInfo?.CertIssuerSubject ?? '';
  }
  get TLSInfoCertIssuerPublicKey(): string {
    return this.n.Description?.TLSInfo?.CertIssuerPublicKey ?? '';
  }
}

/**
 * The --pretty output for these nodes (formatter.Context.Write with the pretty template:
 * each node's text followed by "\n", no header).
 */
export function renderNodeInspectPretty(nodes: readonly SwarmNode[]): string {
  const tmpl = parseFormatTemplate(templateText(NODE_INSPECT_PRETTY_TEMPLATE));
  return nodes.map((n) => `${tmpl.execute(new NodeInspectContext(n))}\n`).join('');
}
