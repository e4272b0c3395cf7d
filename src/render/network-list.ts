/**
 * `network ls` rows and formats (cli/command/network/formatter.go, docker 28): networks sorted
 * by name in natural order, rendered through docker's format layer. Pure.
 *
 * LABELS: docker joins the labels in Go map order, which varies from run to run when there
 * are several; tsw joins them sorted by key.
 */
import { truncateID } from './display.ts';
import { renderFormat } from './format.ts';
import { GoTimeValue } from './gotypes/scalars.ts';
import { parseRFC3339, ZERO_TIME } from './gotime.ts';
import { goType } from './govalue.ts';
import { sortNatural } from './natsort.ts';
import { marshalJSON } from './template/index.ts';

/** The fields of network.Summary the list reads. */
export interface ListedNetwork {
  readonly Id?: string;
  readonly Name?: string;
  readonly Driver?: string;
  readonly Scope?: string;
  readonly Created?: string;
  readonly EnableIPv4?: boolean;
  readonly EnableIPv6?: boolean;
  readonly Internal?: boolean;
  readonly Labels?: Readonly<Record<string, string>> | null;
}

export const DEFAULT_NETWORK_TABLE_FORMAT = 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}';
export const NETWORK_RAW_FORMAT = 'network_id: {{.ID}}\\nname: {{.Name}}\\ndriver: {{.Driver}}\\nscope: {{.Scope}}\\n';
export const NETWORK_RAW_QUIET_FORMAT = 'network_id: {{.ID}}';

export const NETWORK_HEADERS: Readonly<Record<string, string>> = {
  ID: 'NETWORK ID',
  Name: 'NAME',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  IPv4: 'IPV4',
  IPv6: 'IPV6',
  Internal: 'INTERNAL',
  Labels: 'LABELS',
  CreatedAt: 'CREATED AT',
};

/** One row of `network ls` (networkContext): its getters are the template fields. */
export class NetworkRow {
  readonly [goType] = '*network.networkContext';
  constructor(
    private readonly n: ListedNetwork,
    private readonly trunc: boolean,
  ) {}

  get ID(): string {
    const id = this.n.Id ?? '';
    return this.trunc ? truncateID(id) : id;
  }
  get Name(): string {
    return this.n.Name ?? '';
  }
  get Driver(): string {
    return this.n.Driver ?? '';
  }
  get Scope(): string {
    return this.n.Scope ?? '';
  }
  get IPv4(): string {
    return String(this.n.EnableIPv4 === true);
  }
  get IPv6(): string {
    return String(this.n.EnableIPv6 === true);
  }
  get Internal(): string {
    return String(this.n.Internal === true);
  }
  get Labels(): string {
    const labels = this.n.Labels;
    if (!labels) return '';
    return Object.keys(labels)
      .sort()
      .map((k) => `${k}=${labels[k] ?? ''}`)
      .join(',');
  }
  Label(name: string): string {
    const labels = this.n.Labels;
    if (!labels || !Object.prototype.hasOwnProperty.call(labels, name)) return '';
    return labels[name] ?? '';
  }
  /** Created as Go's time.Time.String() prints it. */
  get CreatedAt(): string {
    let t = ZERO_TIME;
    try {
      if (typeof this.n.Created === 'string') t = parseRFC3339(this.n.Created);
    } catch {
      // An unreadable time decodes as the zero time here.
    }
    return new GoTimeValue(t).String();
  }

  /** formatter.MarshalJSON: the zero-argument fields, keys sorted, HTML characters escaped. */
  MarshalJSON(): string {
    return marshalJSON(
      {
        CreatedAt: this.CreatedAt,
        Driver: this.Driver,
        ID: this.ID,
        IPv4: this.IPv4,
        IPv6: this.IPv6,
        Internal: this.Internal,
        Labels: this.Labels,
        Name: this.Name,
        Scope: this.Scope,
      },
      true,
    );
  }
}

export const NETWORK_FORMATS = {
  table: DEFAULT_NETWORK_TABLE_FORMAT,
  raw: NETWORK_RAW_FORMAT,
  rawQuiet: NETWORK_RAW_QUIET_FORMAT,
} as const;

/** runList's rendering: sorted by name (natural order), IDs truncated unless noTrunc. */
export function renderNetworkList(networks: readonly ListedNetwork[], format: string, quiet: boolean, noTrunc: boolean): string {
  const sorted = sortNatural([...networks], (n) => n.Name ?? '');
  return renderFormat({
    format,
    defaults: NETWORK_FORMATS,
    quiet,
    rows: sorted.map((n) => new NetworkRow(n, !noTrunc)),
    header: NETWORK_HEADERS,
  });
}
