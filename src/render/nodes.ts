/**
 * `node ls` display rows and formats (cli/command/node/formatter.go). Pure.
 */
import type { SwarmNode, SystemInfo, TLSInfo } from '../engine/types.ts';
import { goType } from './govalue.ts';
import { prettyPrint } from './display.ts';

export const DEFAULT_NODE_TABLE_FORMAT =
  'table {{.ID}} {{if .Self}}*{{else}} {{ end }}\t{{.Hostname}}\t{{.Status}}\t{{.Availability}}\t{{.ManagerStatus}}\t{{.EngineVersion}}';

/** Header text per field; Self's header is empty so `{{if .Self}}` is false in the header row. */
export const NODE_HEADERS: Readonly<Record<string, string>> = {
  ID: 'ID',
  Self: '',
  Hostname: 'HOSTNAME',
  Status: 'STATUS',
  Availability: 'AVAILABILITY',
  ManagerStatus: 'MANAGER STATUS',
  EngineVersion: 'ENGINE VERSION',
  TLSStatus: 'TLS STATUS',
};

/** newFormat's raw formats for nodes. */
export const NODE_RAW_FORMAT =
  'node_id: {{.ID}}\\nhostname: {{.Hostname}}\\nstatus: {{.Status}}\\navailability: {{.Availability}}\\nmanager_status: {{.ManagerStatus}}\\n';
export const NODE_RAW_QUIET_FORMAT = 'node_id: {{.ID}}';

function emptyTLS(t: TLSInfo | undefined): boolean {
  return !t || (!t.TrustRoot && !t.CertIssuerSubject && !t.CertIssuerPublicKey);
}

function sameTLS(a: TLSInfo | undefined, b: TLSInfo | undefined): boolean {
  return (
    (a?.TrustRoot ?? '') === (b?.TrustRoot ?? '') &&
    (a?.CertIssuerSubject ?? '') === (b?.CertIssuerSubject ?? '') &&
    (a?.CertIssuerPublicKey ?? '') === (b?.CertIssuerPublicKey ?? '')
  );
}

/** One row of `node ls`: its getters are the template fields. */
export class NodeRow {
  readonly [goType] = '*node.nodeContext';
  constructor(
    private readonly n: SwarmNode,
    private readonly swarm: SystemInfo['Swarm'],
  ) {}

  get ID(): string {
    return this.n.ID;
  }
  get Self(): boolean {
    return this.n.ID === (this.swarm?.NodeID ?? '');
  }
  get Hostname(): string {
    return this.n.Description?.Hostname ?? '';
  }
  get Status(): string {
    return prettyPrint(this.n.Status?.State ?? '');
  }
  get Availability(): string {
    return prettyPrint(this.n.Spec?.Availability ?? '');
  }
  get ManagerStatus(): string {
    const m = this.n.ManagerStatus;
    return prettyPrint(m ? (m.Leader ? 'Leader' : (m.Reachability ?? '')) : '');
  }
  get EngineVersion(): string {
    return this.n.Description?.Engine?.EngineVersion ?? '';
  }
  get TLSStatus(): string {
    const cluster = this.swarm?.Cluster;
    if (!cluster || emptyTLS(cluster.TLSInfo) || emptyTLS(this.n.Description?.TLSInfo)) return 'Unknown';
    return sameTLS(this.n.Description?.TLSInfo, cluster.TLSInfo) ? 'Ready' : 'Needs Rotation';
  }

  /** `{{json .}}`: every field, keys sorted (formatter.MarshalJSON). */
  toJSON(): Record<string, unknown> {
    return {
      Availability: this.Availability,
      EngineVersion: this.EngineVersion,
      Hostname: this.Hostname,
      ID: this.ID,
      ManagerStatus: this.ManagerStatus,
      Self: this.Self,
      Status: this.Status,
      TLSStatus: this.TLSStatus,
    };
  }
}
