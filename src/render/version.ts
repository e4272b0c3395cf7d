/**
 * `docker version` output (cli/command/system/version.go at v28.2.2): docker's template run
 * over {Client, Server} and laid out by a tabwriter(minwidth 20, padding 1). Pure.
 */
import type { SystemVersion } from '../engine/types.ts';
import { StatusError } from '../errors.ts';
import { goFields, goType } from './govalue.ts';
import { Tabwriter } from './tabwriter.ts';
import { GoNil, GoPtr, TemplateExecError, TemplateParseError, dockerFuncs, parseTemplate, type Template } from './template/index.ts';

export const DEFAULT_VERSION_TEMPLATE = `{{with .Client -}}
Client:{{if ne .Platform nil}}{{if ne .Platform.Name ""}} {{.Platform.Name}}{{end}}{{end}}
 Version:	{{.Version}}
 API version:	{{.APIVersion}}{{if ne .APIVersion .DefaultAPIVersion}} (downgraded from {{.DefaultAPIVersion}}){{end}}
 Go version:	{{.GoVersion}}
 Git commit:	{{.GitCommit}}
 Built:	{{.BuildTime}}
 OS/Arch:	{{.Os}}/{{.Arch}}
 Context:	{{.Context}}
{{- end}}

{{- if ne .Server nil}}{{with .Server}}

Server:{{if ne .Platform.Name ""}} {{.Platform.Name}}{{end}}
 {{- range $component := .Components}}
 {{$component.Name}}:
  {{- if eq $component.Name "Engine" }}
  Version:	{{.Version}}
  API version:	{{index .Details "ApiVersion"}} (minimum version {{index .Details "MinAPIVersion"}})
  Go version:	{{index .Details "GoVersion"}}
  Git commit:	{{index .Details "GitCommit"}}
  Built:	{{index .Details "BuildTime"}}
  OS/Arch:	{{index .Details "Os"}}/{{index .Details "Arch"}}
  Experimental:	{{index .Details "Experimental"}}
  {{- else }}
  Version:	{{$component.Version}}
  {{- $detailsOrder := getDetailsOrder $component}}
  {{- range $key := $detailsOrder}}
  {{$key}}:	{{index $component.Details $key}}
   {{- end}}
  {{- end}}
 {{- end}}
 {{- end}}{{- end}}`;

/** What tsw says about itself in the Client section. */
export interface ClientVersion {
  readonly platformName: string;
  readonly version: string;
  readonly apiVersion: string;
  readonly defaultAPIVersion: string;
  readonly gitCommit: string;
  /** The runtime tsw runs on (Node.js), where docker names its Go version. */
  readonly goVersion: string;
  readonly os: string;
  readonly arch: string;
  readonly buildTime: string;
  readonly context: string;
}

function struct(type: string, fields: Record<string, unknown>, json: () => Record<string, unknown>): object {
  return { ...fields, [goType]: type, [goFields]: Object.keys(fields), toJSON: json };
}

function clientValue(c: ClientVersion): object {
  const platform = c.platformName
    ? new GoPtr(struct('command.platformInfo', { Name: c.platformName }, () => ({ Name: c.platformName })), '*command.platformInfo')
    : new GoNil('*command.platformInfo');
  const fields = {
    Platform: platform,
    Version: c.version,
    APIVersion: c.apiVersion,
    DefaultAPIVersion: c.defaultAPIVersion,
    GitCommit: c.gitCommit,
    GoVersion: c.goVersion,
    Os: c.os,
    Arch: c.arch,
    BuildTime: c.buildTime,
    Context: c.context,
  };
  // json tags: every field omitempty except Context.
  return struct('command.clientVersion', fields, () => {
    const out: Record<string, unknown> = {};
    if (c.platformName) out['Platform'] = { Name: c.platformName };
    const put = (k: string, v: string) => v !== '' && (out[k] = v);
    put('Version', c.version);
    put('ApiVersion', c.apiVersion);
    put('DefaultAPIVersion', c.defaultAPIVersion);
    put('GitCommit', c.gitCommit);
    put('GoVersion', c.goVersion);
    put('Os', c.os);
    put('Arch', c.arch);
    put('BuildTime', c.buildTime);
    out['Context'] = c.context;
    return out;
  });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** reformatDate: an RFC 3339 time in Go's ANSIC layout ("Mon Jan _2 15:04:05 2006"), else as is. */
export function reformatDate(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  if (!m) return text;
  const [, y, mo, d, h, mi, s] = m.map((x) => x ?? '');
  // The wall clock stays in the zone the text gives, as Go's Format does.
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return `${DAYS[day.getUTCDay()]} ${MONTHS[Number(mo) - 1]} ${String(Number(d)).padStart(2, ' ')} ${h}:${mi}:${s} ${y}`;
}

function serverValue(sv: SystemVersion): object {
  const componentData: Array<{ Name: string; Version: string; Details: Record<string, string> }> = (sv.Components ?? []).map((c) => {
    const details: Record<string, string> = { ...(c.Details ?? {}) };
    if (c.Name === 'Engine' && details['BuildTime'] !== undefined) details['BuildTime'] = reformatDate(details['BuildTime']);
    return { Name: c.Name, Version: c.Version, Details: details };
  });
  if (!componentData.some((c) => c.Name === 'Engine')) {
    const details = {
      ApiVersion: sv.ApiVersion ?? '',
      MinAPIVersion: sv.MinAPIVersion ?? '',
      GitCommit: sv.GitCommit ?? '',
      GoVersion: sv.GoVersion ?? '',
      Os: sv.Os ?? '',
      Arch: sv.Arch ?? '',
      BuildTime: reformatDate(sv.BuildTime ?? ''),
      Experimental: String(sv.Experimental ?? false),
    };
    componentData.push({ Name: 'Engine', Version: sv.Version ?? '', Details: details });
  }
  const components = componentData.map((f) => struct('types.ComponentVersion', f, () => f));
  const platform = struct('struct { Name string }', { Name: sv.Platform?.Name ?? '' }, () => ({ Name: sv.Platform?.Name ?? '' }));
  const fields = {
    Platform: platform,
    Components: components,
    Version: sv.Version ?? '',
    APIVersion: sv.ApiVersion ?? '',
    MinAPIVersion: sv.MinAPIVersion ?? '',
    GitCommit: sv.GitCommit ?? '',
    GoVersion: sv.GoVersion ?? '',
    Os: sv.Os ?? '',
    Arch: sv.Arch ?? '',
    KernelVersion: sv.KernelVersion ?? '',
    Experimental: sv.Experimental ?? false,
    BuildTime: sv.BuildTime ?? '',
  };
  // types.Version's json tags (omitempty on Components, MinAPIVersion, KernelVersion, Experimental, BuildTime).
  const value = struct('types.Version', fields, () => {
    const out: Record<string, unknown> = { Platform: { Name: sv.Platform?.Name ?? '' } };
    if (componentData.length > 0) out['Components'] = componentData;
    out['Version'] = fields.Version;
    out['ApiVersion'] = fields.APIVersion;
    if (fields.MinAPIVersion) out['MinAPIVersion'] = fields.MinAPIVersion;
    out['GitCommit'] = fields.GitCommit;
    out['GoVersion'] = fields.GoVersion;
    out['Os'] = fields.Os;
    out['Arch'] = fields.Arch;
    if (fields.KernelVersion) out['KernelVersion'] = fields.KernelVersion;
    if (fields.Experimental) out['Experimental'] = true;
    if (fields.BuildTime) out['BuildTime'] = fields.BuildTime;
    return out;
  });
  return new GoPtr(value, '*types.Version');
}

/** newVersionTemplate: "" → docker's default, "json" → {{json .}}; parse errors exit 64. */
export function versionTemplate(format: string): Template {
  const src = format === '' ? DEFAULT_VERSION_TEMPLATE : format === 'json' ? '{{json .}}' : format;
  const getDetailsOrder = {
    params: ['types.ComponentVersion'],
    fn: (c: unknown) => Object.keys((c as { Details?: Record<string, string> }).Details ?? {}).sort(),
  };
  try {
    return parseTemplate(src, { name: 'version', funcs: { ...dockerFuncs(28), getDetailsOrder } });
  } catch (e) {
    if (e instanceof TemplateParseError) throw new StatusError(`template parsing error: ${e.message}`, 64);
    throw e;
  }
}

/**
 * prettyPrintVersion: the template's output (as far as it got) plus "\n", through the
 * tabwriter; an execution error comes back to be reported after the output.
 */
export function renderVersion(tmpl: Template, client: ClientVersion, server: SystemVersion | undefined): { text: string; error?: Error } {
  const data = {
    Client: clientValue(client),
    Server: server ? serverValue(server) : new GoNil('*types.Version'),
    [goType]: 'system.versionInfo',
    [goFields]: ['Client', 'Server'],
  };
  const out: string[] = [];
  let error: Error | undefined;
  try {
    tmpl.executeInto(data, out);
  } catch (e) {
    if (!(e instanceof TemplateExecError)) throw e;
    error = e;
  }
  const tw = new Tabwriter({ minwidth: 20, tabwidth: 1, padding: 1 });
  tw.write(`${out.join('')}\n`);
  tw.flush();
  return error ? { text: tw.output(), error } : { text: tw.output() };
}
