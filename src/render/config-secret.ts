/**
 * `config ls`/`secret ls` rows and `config inspect --pretty`/`secret inspect --pretty`
 * (cli/command/config/formatter.go, cli/command/secret/formatter.go, docker 28). Pure: the
 * clock is passed in.
 *
 * One conscious difference: docker builds the Labels column by iterating a Go map, so with
 * two or more labels its order changes from run to run; tsw sorts the pairs by key (one of
 * the orders docker prints).
 */
import { compare } from '../go/strings.ts';
import type { SwarmSecretLike } from '../engine/secrets.ts';
import { prettyPrint } from './display.ts';
import { renderFormat } from './format.ts';
import { goTimeString, ZERO_TIME, type NowInput } from './gotime.ts';
import { goType } from './govalue.ts';
import { timeAgo } from './humanize.ts';
import { sortNatural } from './natsort.ts';
import { parseFormatTemplate, templateText } from './format.ts';
import { marshalJSON } from './template/index.ts';
import { goMapElem, GoNil } from './template/values.ts';

export const DEFAULT_CONFIG_TABLE_FORMAT = 'table {{.ID}}\t{{.Name}}\t{{.CreatedAt}}\t{{.UpdatedAt}}';
export const DEFAULT_SECRET_TABLE_FORMAT = 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.CreatedAt}}\t{{.UpdatedAt}}';

export const CONFIG_HEADERS: Readonly<Record<string, string>> = {
  ID: 'ID',
  Name: 'NAME',
  CreatedAt: 'CREATED',
  UpdatedAt: 'UPDATED',
  Labels: 'LABELS',
};

export const SECRET_HEADERS: Readonly<Record<string, string>> = {
  ID: 'ID',
  Name: 'NAME',
  Driver: 'DRIVER',
  CreatedAt: 'CREATED',
  UpdatedAt: 'UPDATED',
  Labels: 'LABELS',
};

/** The LABELS column: k=v pairs joined with ",", sorted by key (see the file comment). */
export function labelsColumn(labels: Readonly<Record<string, string>> | null | undefined): string {
  if (!labels) return '';
  return Object.keys(labels)
    .sort(compare)
    .map((k) => `${k}=${labels[k] ?? ''}`)
    .join(',');
}

/** One row of `config ls` (configContext); getters are the template fields. */
export class ConfigRow {
  readonly [goType]: string = '*config.configContext';
  constructor(
    protected readonly o: SwarmSecretLike,
    protected readonly now: NowInput,
  ) {}

  get ID(): string {
    return this.o.ID;
  }
  get Name(): string {
    return this.o.Spec?.Name ?? '';
  }
  /** HumanDuration(now − CreatedAt) + " ago", not lower-cased. */
  get CreatedAt(): string {
    return timeAgo(this.o.CreatedAt ?? ZERO_TIME, this.now);
  }
  get UpdatedAt(): string {
    return timeAgo(this.o.UpdatedAt ?? ZERO_TIME, this.now);
  }
  get Labels(): string {
    return labelsColumn(this.o.Spec?.Labels);
  }
  /** `{{.Label "k"}}`: the label's value ("" when absent). */
  Label(name: unknown): string {
    return this.o.Spec?.Labels?.[String(name)] ?? '';
  }

  /** formatter.MarshalJSON: the zero-argument methods, keys sorted, HTML characters escaped. */
  MarshalJSON(): string {
    return marshalJSON(this.jsonFields(), true);
  }

  protected jsonFields(): Record<string, string> {
    return { CreatedAt: this.CreatedAt, ID: this.ID, Labels: this.Labels, Name: this.Name, UpdatedAt: this.UpdatedAt };
  }
}

/** One row of `secret ls` (secretContext): the config row plus DRIVER. */
export class SecretRow extends ConfigRow {
  override readonly [goType]: string = '*secret.secretContext';

  get Driver(): string {
    return this.o.Spec?.Driver?.Name ?? '';
  }

  protected override jsonFields(): Record<string, string> {
    return {
      CreatedAt: this.CreatedAt,
      Driver: this.Driver,
      ID: this.ID,
      Labels: this.Labels,
      Name: this.Name,
      UpdatedAt: this.UpdatedAt,
    };
  }
}

/** config/secret NewFormat for lists: "table" → the default table ({{.ID}} with -q). */
export const CONFIG_FORMATS = { table: DEFAULT_CONFIG_TABLE_FORMAT } as const;
export const SECRET_FORMATS = { table: DEFAULT_SECRET_TABLE_FORMAT } as const;

/** `config ls`: sorted by name in natural order, through the format layer. */
export function renderConfigList(configs: readonly SwarmSecretLike[], format: string, quiet: boolean, now: NowInput): string {
  const sorted = sortNatural([...configs], (c) => c.Spec?.Name ?? '');
  return renderFormat({ format, defaults: CONFIG_FORMATS, quiet, rows: sorted.map((c) => new ConfigRow(c, now)), header: CONFIG_HEADERS });
}

/** `secret ls`: sorted by name in natural order, through the format layer. */
export function renderSecretList(secrets: readonly SwarmSecretLike[], format: string, quiet: boolean, now: NowInput): string {
  const sorted = sortNatural([...secrets], (s) => s.Spec?.Name ?? '');
  return renderFormat({ format, defaults: SECRET_FORMATS, quiet, rows: sorted.map((s) => new SecretRow(s, now)), header: SECRET_HEADERS });
}

/** configInspectPrettyTemplate, byte for byte (literal tabs). */
export const CONFIG_INSPECT_PRETTY_TEMPLATE = [
  'ID:\t\t\t{{.ID}}',
  'Name:\t\t\t{{.Name}}',
  '{{- if .Labels }}',
  'Labels:',
  '{{- range $k, $v := .Labels }}',
  ' - {{ $k }}{{if $v }}={{ $v }}{{ end }}',
  '{{- end }}{{ end }}',
  'Created at:            \t{{.CreatedAt}}',
  'Updated at:            \t{{.UpdatedAt}}',
  'Data:',
  '{{.Data}}',
].join('\n');

/** secretInspectPrettyTemplate, byte for byte (spaces, no tabs). */
export const SECRET_INSPECT_PRETTY_TEMPLATE = [
  'ID:              {{.ID}}',
  'Name:              {{.Name}}',
  '{{- if .Labels }}',
  'Labels:',
  '{{- range $k, $v := .Labels }}',
  ' - {{ $k }}{{if $v }}={{ $v }}{{ end }}',
  '{{- end }}{{ end }}',
  'Driver:            {{.Driver}}',
  'Created at:        {{.CreatedAt}}',
  'Updated at:        {{.UpdatedAt}}',
].join('\n');

/**
 * Strings are handed to the template as "byte strings" (one char per UTF-8 byte), so that
 * config data that is not UTF-8 comes out byte for byte, as Go's string([]byte) prints it.
 */
function bytesText(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
}

/** map[string]string as the template sees it (a typed nil when absent). */
function labelMap(m: Readonly<Record<string, string>> | null | undefined): Record<string, string> | GoNil {
  if (m === null || m === undefined) return new GoNil('map[string]string');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m)) out[bytesText(k)] = bytesText(v);
  Object.defineProperty(out, goMapElem, { value: 'string' });
  return out;
}

/** PrettyPrint(time.Time): Time.String() with everything after the first character lower-cased. */
function prettyTime(t: string | undefined): string {
  return prettyPrint(goTimeString(t ?? ZERO_TIME));
}

/** configInspectContext / secretInspectContext: the fields the pretty templates read. */
export class PrettyContext {
  readonly [goType] = '*config.configInspectContext';
  constructor(private readonly o: SwarmSecretLike) {}

  get ID(): string {
    return bytesText(this.o.ID);
  }
  get Name(): string {
    return bytesText(this.o.Spec?.Name ?? '');
  }
  get Labels(): Record<string, string> | GoNil {
    return labelMap(this.o.Spec?.Labels);
  }
  get CreatedAt(): string {
    return prettyTime(this.o.CreatedAt);
  }
  get UpdatedAt(): string {
    return prettyTime(this.o.UpdatedAt);
  }
  get Driver(): string {
    return bytesText(this.o.Spec?.Driver?.Name ?? '');
  }
  /** string(Spec.Data): the decoded bytes as they are. */
  get Data(): string {
    return Buffer.from(this.o.Spec?.Data ?? '', 'base64').toString('latin1');
  }
}

function renderPretty(template: string, objects: readonly SwarmSecretLike[]): Uint8Array {
  const tmpl = parseFormatTemplate(templateText(template));
  const text = objects.map((o) => `${tmpl.execute(new PrettyContext(o))}\n`).join('');
  return Buffer.from(text, 'latin1');
}

/** `config inspect --pretty` for the fetched configs: the bytes docker writes. */
export function renderConfigPretty(configs: readonly SwarmSecretLike[]): Uint8Array {
  return renderPretty(CONFIG_INSPECT_PRETTY_TEMPLATE, configs);
}

/** `secret inspect --pretty` for the fetched secrets: the bytes docker writes. */
export function renderSecretPretty(secrets: readonly SwarmSecretLike[]): Uint8Array {
  return renderPretty(SECRET_INSPECT_PRETTY_TEMPLATE, secrets);
}
