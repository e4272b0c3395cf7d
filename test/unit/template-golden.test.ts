/**
 * Replays every case captured by test/capture/template.mjs (real docker 28 output) through
 * tsw's template engine, format layer and tabwriter, over the fixture data captured in the
 * same run, and demands byte-identical stdout / stderr / exit code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { goFields, goFormat, goType } from '../../src/render/govalue.ts';
import {
  FormatError,
  executeInspectTemplate,
  headerContext,
  renderFormat,
  resolveFormat,
  type FormatDefaults,
} from '../../src/render/format.ts';
import {
  GoNil,
  NIL_IFACE,
  TemplateParseError,
  decodeJSONUseNumber,
  dockerFuncs,
  fromJSON,
  goMapElem,
  goMapZero,
  marshalJSON,
  parseTemplate,
} from '../../src/render/template/index.ts';
import { tabwrite } from '../../src/render/tabwriter.ts';
import { goldenPath } from '../support/golden.ts';

interface Case {
  name: string;
  kind: 'context-ls' | 'context-inspect' | 'node-ls' | 'node-inspect' | 'config-ls' | 'network-inspect' | 'version-tabwriter' | 'version-parse' | 'node-ls-empty';
  config?: string;
  refs?: string[];
  format: string;
  stdout: string;
  stderr: string;
  code: number;
}

// --- fixtures: docker's context list rows -----------------------------------------------------

interface ContextRowJSON {
  Current: boolean;
  Description: string;
  DockerEndpoint: string;
  Error: string;
  Name: string;
}

/** formatter.HeaderContext {Header any} with its FullHeader method. */
function headerContextStruct(): object {
  return {
    [goType]: 'formatter.HeaderContext',
    [goFields]: ['Header'],
    Header: NIL_IFACE,
    FullHeader: () => NIL_IFACE,
  };
}

/** *formatter.clientContextContext: methods over the row, an error (Error method), embedded HeaderContext. */
class ClientContextRow {
  readonly [goType] = '*formatter.clientContextContext';
  readonly [goFields] = ['HeaderContext', 'c'];
  readonly HeaderContext = headerContextStruct();
  readonly c: ContextRowJSON;
  constructor(row: ContextRowJSON) {
    this.c = row;
    // The embedded struct's field, promoted.
    Object.defineProperty(this, 'Header', { value: NIL_IFACE, enumerable: false });
  }
  FullHeader(): unknown {
    return NIL_IFACE;
  }
  Current(): boolean {
    return this.c.Current;
  }
  Name(): string {
    return this.c.Name;
  }
  Description(): string {
    return this.c.Description;
  }
  DockerEndpoint(): string {
    return this.c.DockerEndpoint;
  }
  Error(): string {
    return this.c.Error;
  }
  /** *clientContextContext implements error, so fmt prints it through Error(). */
  [goFormat](): string {
    return this.Error();
  }
  MarshalJSON(): string {
    return marshalJSON({ ...this.c }, true);
  }
}

const contextHeader = { Name: 'NAME', Description: 'DESCRIPTION', DockerEndpoint: 'DOCKER ENDPOINT', Error: 'ERROR' };
const contextDefaults: FormatDefaults = {
  table: 'table {{.Name}}{{if .Current}} *{{end}}\t{{.Description}}\t{{.DockerEndpoint}}\t{{.Error}}',
  quiet: '{{.Name}}',
};

// --- fixtures: context inspect (context.contextWithTLSListing) ----------------------------------

interface ContextInspectJSON {
  Name: string;
  Metadata: Record<string, unknown>;
  Endpoints: Record<string, Record<string, unknown>>;
  TLSMaterial: Record<string, string[]>;
  Storage: { MetadataPath: string; TLSPath: string };
}

function struct(type: string, fields: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const obj: Record<string, unknown> = { ...fields };
  Object.defineProperty(obj, goType, { value: type });
  Object.defineProperty(obj, goFields, { value: Object.keys(fields) });
  for (const [k, v] of Object.entries(extra)) Object.defineProperty(obj, k, { value: v, enumerable: false });
  return obj;
}

function contextTyped(j: ContextInspectJSON): Record<string, unknown> {
  const { Description, ...rest } = j.Metadata;
  const additional = Object.keys(rest).length > 0 ? (fromJSON(rest) as Record<string, unknown>) : new GoNil('map[string]interface {}');
  const dockerContext = struct(
    'command.DockerContext',
    { Description: typeof Description === 'string' ? Description : '', AdditionalFields: additional },
    {
      // DockerContext.MarshalJSON: json.Marshal of a map (HTML-escaped), Description omitted when empty.
      MarshalJSON: () => marshalJSON({ ...(typeof Description === 'string' && Description !== '' ? { Description } : {}), ...rest }, true),
    },
  );
  const endpoints: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(j.Endpoints)) {
    endpoints[k] =
      k === 'docker'
        ? struct('context.EndpointMetaBase', { Host: v['Host'] ?? '', SkipTLSVerify: v['SkipTLSVerify'] === true })
        : fromJSON(v);
  }
  const metadata = struct('store.Metadata', { Name: j.Name, Metadata: dockerContext, Endpoints: endpoints });
  const tls: Record<string, unknown> = {};
  Object.defineProperty(tls, goMapElem, { value: 'store.EndpointFiles' });
  Object.defineProperty(tls, goMapZero, { value: new GoNil('store.EndpointFiles', 'slice') });
  const storage = struct('store.StorageInfo', { MetadataPath: j.Storage.MetadataPath, TLSPath: j.Storage.TLSPath });
  const outer = struct(
    'context.contextWithTLSListing',
    { Metadata: metadata, TLSMaterial: tls, Storage: storage },
    {
      // Promoted from the embedded store.Metadata (the outer Metadata field wins over the inner one).
      Name: j.Name,
      Endpoints: endpoints,
      MarshalJSON: () => {
        const parts = [`"Name":${marshalJSON(j.Name, false)}`];
        parts.push(`"Metadata":${marshalJSON(dockerContext, false)}`);
        parts.push(`"Endpoints":${marshalJSON(endpoints, false)}`);
        parts.push(`"TLSMaterial":${marshalJSON(tls, false)}`, `"Storage":${marshalJSON(storage, false)}`);
        return `{${parts.join(',')}}`;
      },
    },
  );
  return outer;
}

// --- fixtures: node ls rows (*node.nodeContext) --------------------------------------------------

interface NodeRowJSON {
  Availability: string;
  EngineVersion: string;
  Hostname: string;
  ID: string;
  ManagerStatus: string;
  Self: boolean;
  Status: string;
  TLSStatus: string;
}

class NodeRow {
  readonly [goType] = '*node.nodeContext';
  readonly [goFields] = ['HeaderContext', 'n', 'info'];
  readonly HeaderContext = headerContextStruct();
  constructor(private readonly r: NodeRowJSON) {}
  ID(): string {
    return this.r.ID;
  }
  Self(): boolean {
    return this.r.Self;
  }
  Hostname(): string {
    return this.r.Hostname;
  }
  Status(): string {
    return this.r.Status;
  }
  Availability(): string {
    return this.r.Availability;
  }
  ManagerStatus(): string {
    return this.r.ManagerStatus;
  }
  EngineVersion(): string {
    return this.r.EngineVersion;
  }
  TLSStatus(): string {
    return this.r.TLSStatus;
  }
  MarshalJSON(): string {
    return marshalJSON({ ...this.r }, true);
  }
}

const nodeHeader = {
  ID: 'ID',
  Self: '',
  Hostname: 'HOSTNAME',
  Status: 'STATUS',
  Availability: 'AVAILABILITY',
  ManagerStatus: 'MANAGER STATUS',
  EngineVersion: 'ENGINE VERSION',
  TLSStatus: 'TLS STATUS',
};
const nodeDefaults: FormatDefaults = {
  table:
    'table {{.ID}} {{if .Self}}*{{else}} {{ end }}\t{{.Hostname}}\t{{.Status}}\t{{.Availability}}\t{{.ManagerStatus}}\t{{.EngineVersion}}',
  raw: 'node_id: {{.ID}}\\nhostname: {{.Hostname}}\\nstatus: {{.Status}}\\navailability: {{.Availability}}\\nmanager_status: {{.ManagerStatus}}\\n',
  rawQuiet: 'node_id: {{.ID}}',
};

// --- fixtures: config ls rows (*config.configContext) ---------------------------------------------

interface ConfigRowJSON {
  CreatedAt: string;
  ID: string;
  Labels: string;
  Name: string;
  UpdatedAt: string;
}

class ConfigRow {
  readonly [goType] = '*config.configContext';
  private readonly labels: Map<string, string>;
  constructor(private readonly r: ConfigRowJSON) {
    // Labels() is "k=v" pairs joined by ","; the fixture's values contain neither.
    this.labels = new Map(r.Labels === '' ? [] : r.Labels.split(',').map((kv) => kv.split('=', 2) as [string, string]));
  }
  ID(): string {
    return this.r.ID;
  }
  Name(): string {
    return this.r.Name;
  }
  CreatedAt(): string {
    return this.r.CreatedAt;
  }
  UpdatedAt(): string {
    return this.r.UpdatedAt;
  }
  Labels(): string {
    return this.r.Labels;
  }
  Label(name: unknown): string {
    return this.labels.get(String(name)) ?? '';
  }
}

const configHeader = { ID: 'ID', Name: 'NAME', CreatedAt: 'CREATED', UpdatedAt: 'UPDATED', Labels: 'LABELS' };

// --- the replay ----------------------------------------------------------------------------------

interface Outcome {
  stdout: string;
  stderr: string;
  code: number;
}

function listOutcome(fn: () => string): Outcome {
  try {
    return { stdout: fn(), stderr: '', code: 0 };
  } catch (e) {
    if (e instanceof FormatError) return { stdout: '', stderr: `${e.message}\n`, code: 1 };
    throw e;
  }
}

function inspectOutcome(src: string, objects: unknown[], raw?: (i: number) => unknown): Outcome {
  try {
    const r = executeInspectTemplate(src, objects, raw ? { raw } : {});
    if (r.errors.length > 0) return { stdout: r.output, stderr: `${r.errors.join('\n')}\n`, code: 1 };
    return { stdout: r.output, stderr: '', code: 0 };
  } catch (e) {
    if (e instanceof FormatError && e.parse) return { stdout: '', stderr: `${e.message}\n`, code: 64 };
    throw e;
  }
}

function loadJSON<T>(name: string): T {
  return JSON.parse(readFileSync(goldenPath(`template/${name}`), 'utf8')) as T;
}

const casesDir = goldenPath('template/cases');
const cases: Case[] = existsSync(casesDir)
  ? readdirSync(casesDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => loadJSON<Case>(`cases/${f}`))
  : [];

type ContextFixture = { rows: ContextRowJSON[]; inspect: ContextInspectJSON[] };
const contextFixtures = new Map<string, ContextFixture>();
function contextFixture(config: string): ContextFixture {
  const cached = contextFixtures.get(config);
  if (cached) return cached;
  const f = loadJSON<ContextFixture>(`fixture-contexts-${config}.json`);
  contextFixtures.set(config, f);
  return f;
}

async function typedValue(kind: 'swarm.Node' | 'network.Inspect', json: unknown): Promise<unknown> {
  const { typed } = await import('../../src/render/typed.ts');
  return typed(kind, json);
}

function run(c: Case): Outcome | Promise<Outcome> {
  switch (c.kind) {
    case 'context-ls': {
      const rows = contextFixture(c.config ?? 'single').rows.map((r) => new ClientContextRow(r));
      return listOutcome(() =>
        renderFormat({ format: resolveFormat(c.format, false, contextDefaults), rows, header: headerContext(contextHeader) }),
      );
    }
    case 'context-inspect': {
      const all = contextFixture(c.config ?? 'multi').inspect;
      const objects = (c.refs ?? []).map((ref) => {
        const j = all.find((x) => x.Name === ref);
        if (!j) throw new Error(`fixture has no context ${ref}`);
        return contextTyped(j);
      });
      return inspectOutcome(c.format, objects);
    }
    case 'node-ls': {
      const rows = loadJSON<{ rows: NodeRowJSON[] }>('fixture-nodes.json').rows.map((r) => new NodeRow(r));
      return listOutcome(() => renderFormat({ format: resolveFormat(c.format, false, nodeDefaults), rows, header: nodeHeader }));
    }
    case 'node-ls-empty':
      return listOutcome(() => renderFormat({ format: resolveFormat(c.format, false, nodeDefaults), rows: [], header: nodeHeader }));
    case 'node-inspect': {
      const inspect = loadJSON<{ inspect: { ID: string }[] }>('fixture-nodes.json').inspect;
      return (async () => {
        const objects = await Promise.all((c.refs ?? []).map((id) => typedValue('swarm.Node', inspect.find((n) => n.ID === id))));
        return inspectOutcome(c.format, objects);
      })();
    }
    case 'config-ls': {
      const rows = loadJSON<{ rows: ConfigRowJSON[] }>('fixture-configs.json').rows.map((r) => new ConfigRow(r));
      return listOutcome(() => renderFormat({ format: c.format, rows, header: configHeader }));
    }
    case 'network-inspect': {
      const f = loadJSON<{ inspect: unknown[]; raw: string[] }>('fixture-networks.json');
      return (async () => {
        const objects = [await typedValue('network.Inspect', f.inspect[0])];
        const outcome = inspectOutcome(c.format, objects, (i) => decodeJSONUseNumber(f.raw[i] ?? 'null'));
        // docker network inspect keeps the parse error's status 64.
        return outcome;
      })();
    }
    case 'version-parse':
      // docker version: templates.New("version").Funcs(getDetailsOrder).Parse(format).
      try {
        parseTemplate(c.format, { name: 'version', funcs: { ...dockerFuncs(), getDetailsOrder: { params: ['interface {}'], fn: () => [] } } });
        return { stdout: '', stderr: '', code: 0 };
      } catch (e) {
        if (e instanceof TemplateParseError) return { stdout: '', stderr: `template parsing error: ${e.message}\n`, code: 64 };
        throw e;
      }
    case 'version-tabwriter':
      // docker version: stdlib tabwriter NewWriter(out, 20, 1, 1, ' ', 0), template output + "\n".
      return { stdout: tabwrite(`${c.format}\n`, { minwidth: 20, tabwidth: 1, padding: 1 }), stderr: '', code: 0 };
  }
}

test('golden cases were captured', () => {
  assert.ok(cases.length >= 60, `only ${cases.length} golden cases; run test/capture/template.mjs`);
});

for (const c of cases) {
  test(`golden ${c.kind} ${c.name}: ${JSON.stringify(c.format)}`, async () => {
    const got = await run(c);
    assert.deepEqual(got, { stdout: c.stdout, stderr: c.stderr, code: c.code });
  });
}
