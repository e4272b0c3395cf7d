/**
 * docker's format layer (formatter.Context.Write, inspect.TemplateInspector) around the
 * template engine. End-to-end bytes are checked in template-golden.test.ts; these tests pin
 * the API and the rules the goldens rely on, plus the 2000-row performance budget.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goType } from '../../src/render/govalue.ts';
import {
  FormatError,
  SubHeaderContext,
  executeInspectTemplate,
  headerContext,
  isJSONFormat,
  isTableFormat,
  parseFormatTemplate,
  renderFormat,
  resolveFormat,
  templateText,
} from '../../src/render/format.ts';
import { decodeJSONUseNumber } from '../../src/render/template/index.ts';

class Row {
  readonly [goType] = '*test.row';
  constructor(
    readonly ID: string,
    readonly Name: string,
  ) {}
}

test('templateText: drop "table", map "json", trim spaces only, replace \\t and \\n (golden spaces-trimmed, escaped-backslash-t)', () => {
  assert.equal(templateText('table {{.ID}}\\t{{.Name}}'), '{{.ID}}\t{{.Name}}');
  assert.equal(templateText('json'), '{{json .}}');
  assert.equal(templateText('  {{.ID}}  '), '{{.ID}}');
  assert.equal(templateText('\t{{.ID}}\n'), '\t{{.ID}}\n');
  assert.equal(templateText('a\\\\tb\\nc'), 'a\\\tb\nc');
  assert.equal(templateText('tablefoo {{.ID}}'), 'foo {{.ID}}');
});

test('table and json detection follow docker (prefix "table", exactly "json")', () => {
  assert.ok(isTableFormat('table'));
  assert.ok(isTableFormat('tablefoo'));
  assert.ok(!isTableFormat(' table'));
  assert.ok(isJSONFormat('json'));
  assert.ok(!isJSONFormat('json '));
});

test('resolveFormat: a command\'s NewFormat mapping', () => {
  const d = { table: 'table {{.ID}}', raw: 'id: {{.ID}}\\n', rawQuiet: 'id: {{.ID}}' };
  assert.equal(resolveFormat('table', false, d), 'table {{.ID}}');
  assert.equal(resolveFormat('table', true, d), '{{.ID}}');
  assert.equal(resolveFormat('raw', false, d), 'id: {{.ID}}\\n');
  assert.equal(resolveFormat('raw', true, d), 'id: {{.ID}}');
  assert.equal(resolveFormat('{{.Name}}', true, d), '{{.Name}}');
  assert.equal(resolveFormat('raw', false, { table: 't' }), 'raw');
});

test('renderFormat maps table/raw/-q through the command defaults (golden node-raw)', () => {
  const defaults = { table: 'table {{.ID}}\t{{.Name}}', raw: 'id: {{.ID}}\\n', rawQuiet: 'id: {{.ID}}' };
  const rows = [new Row('1', 'a')];
  assert.equal(renderFormat({ format: 'table', quiet: true, defaults, rows }), '1\n');
  assert.equal(renderFormat({ format: 'raw', defaults, rows }), 'id: 1\n\n');
  assert.equal(renderFormat({ format: 'raw', quiet: true, defaults, rows }), 'id: 1\n');
  assert.equal(renderFormat({ format: '{{.Name}}', quiet: true, defaults, rows }), 'a\n');
});

test('SubHeaderContext.Label: last dotted part, - and _ as spaces (golden config-label-table)', () => {
  const h = headerContext({ ID: 'ID' });
  assert.ok(h instanceof SubHeaderContext);
  assert.equal(h.Label('com.example.some-label_x'), 'some label x');
  assert.equal(h.Label('plain'), 'plain');
});

test('renderFormat: rows each end with a newline; no rows print nothing (golden node-empty-template)', () => {
  const rows = [new Row('1', 'a'), new Row('2', 'b')];
  assert.equal(renderFormat({ format: '{{.ID}}:{{.Name}}', rows }), '1:a\n2:b\n');
  assert.equal(renderFormat({ format: '{{.ID}}', rows: [] }), '');
});

test('renderFormat: a table prints its header even without rows (golden node-empty-table)', () => {
  assert.equal(renderFormat({ format: 'table {{.ID}}\t{{.Hostname}}', rows: [], header: { ID: 'ID', Hostname: 'HOSTNAME' } }), 'ID        HOSTNAME\n');
});

test('renderFormat: header keys missing from the map print <no value> (golden table-header-missing-key)', () => {
  const out = renderFormat({ format: 'table {{.ID}}\t{{.Self}}', rows: [], header: { ID: 'ID' } });
  assert.equal(out, 'ID        <no value>\n');
});

test('renderFormat: header execution errors are ignored, partial header kept (golden table-header-partial)', () => {
  const rows = [new Row('1', 'a')];
  const out = renderFormat({ format: 'table {{.ID}}\t{{index .Name 100}}', rows: [], header: { ID: 'ID', Name: 'NAME' } });
  assert.equal(out, 'ID        \n');
  assert.throws(() => renderFormat({ format: 'table {{.ID}}\t{{index .Name 100}}', rows, header: { ID: 'ID', Name: 'NAME' } }), FormatError);
});

test('renderFormat errors are docker\'s "template parsing error" (goldens unclosed-action, field-missing)', () => {
  assert.throws(() => renderFormat({ format: '{{.ID', rows: [] }), (e: unknown) => {
    assert.ok(e instanceof FormatError);
    assert.equal(e.parse, true);
    assert.equal(e.message, 'template parsing error: template: :1: unclosed action');
    return true;
  });
  assert.throws(() => renderFormat({ format: '{{.Nope}}', rows: [new Row('1', 'a')] }), (e: unknown) => {
    assert.ok(e instanceof FormatError);
    assert.equal(e.parse, false);
    assert.equal(e.message, 'template parsing error: template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *test.row');
    return true;
  });
});

test('parseFormatTemplate wraps parse errors', () => {
  assert.throws(() => parseFormatTemplate('{{nope}}'), { message: 'template parsing error: template: :1: function "nope" not defined' });
});

test('executeInspectTemplate: one line per object, verbatim template (golden insp-tab-verbatim, insp-two-refs)', () => {
  const r = executeInspectTemplate('{{.ID}}\\t{{.Name}}', [new Row('1', 'a'), new Row('2', 'b')]);
  assert.deepEqual(r, { output: '1\\ta\n2\\tb\n', errors: [] });
});

test('executeInspectTemplate: failures add errors; nothing printed means one empty line (golden insp-missing-field)', () => {
  const r = executeInspectTemplate('{{.Nope}}', [new Row('1', 'a')]);
  assert.equal(r.output, '\n');
  assert.deepEqual(r.errors, ['template parsing error: template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *test.row']);
});

test('executeInspectTemplate: raw fallback with missingkey=error (goldens net-fallback-*)', () => {
  const raw = decodeJSONUseNumber('{"ID":"1","Name":"a"}');
  const ok = executeInspectTemplate('{{index . "Name"}}', [new Row('1', 'a')], { raw: () => raw });
  assert.deepEqual(ok, { output: 'a\n', errors: [] });
  const bad = executeInspectTemplate('{{.Nope}}', [new Row('1', 'a')], { raw: () => raw });
  assert.deepEqual(bad, { output: '\n', errors: ['template parsing error: template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"'] });
});

test('executeInspectTemplate: parse errors throw (docker exits 64 for network inspect)', () => {
  assert.throws(() => executeInspectTemplate('{{.ID', []), (e: unknown) => e instanceof FormatError && e.parse);
});

// --- performance -----------------------------------------------------------------------------------

class ServiceRow {
  readonly [goType] = '*service.serviceContext';
  constructor(private readonly i: number) {}
  get ID(): string {
    return `k${String(this.i).padStart(11, '0')}`;
  }
  Name(): string {
    return `stack_service-${this.i}`;
  }
  Mode(): string {
    return this.i % 3 === 0 ? 'global' : 'replicated';
  }
  Replicas(): string {
    return `${this.i % 5}/5`;
  }
  Image(): string {
    return 'registry.example.com/team/app:1.2.3';
  }
  Ports(): string {
    return this.i % 2 === 0 ? '*:8080->80/tcp' : '';
  }
}

test('performance: 2000 rows of a 6-column table through format layer and tabwriter in < 50 ms', (t) => {
  const rows = Array.from({ length: 2000 }, (_, i) => new ServiceRow(i));
  const header = { ID: 'ID', Name: 'NAME', Mode: 'MODE', Replicas: 'REPLICAS', Image: 'IMAGE', Ports: 'PORTS' };
  const format = 'table {{.ID}}\t{{.Name}}\t{{.Mode}}\t{{.Replicas}}\t{{.Image}}\t{{.Ports}}';
  const render = (): string => renderFormat({ format, rows, header });
  const times: number[] = [];
  let out = '';
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    out = render();
    times.push(performance.now() - t0);
  }
  const lines = out.split('\n');
  assert.equal(lines.length, 2002);
  // Columns line up: each row's cells start where the header's titles start.
  const header0 = lines[0] ?? '';
  const row1999 = lines[2000] ?? '';
  assert.equal(row1999.indexOf('stack_service-1999'), header0.indexOf('NAME'));
  assert.equal(row1999.indexOf('registry.example.com'), header0.indexOf('IMAGE'));
  const [cold = 0, ...warm] = times;
  const best = Math.min(...warm);
  t.diagnostic(`2000 rows: first (cold JIT) ${cold.toFixed(1)} ms, then ${warm.map((x) => x.toFixed(1)).join(' / ')} ms`);
  // The budget applies once the engine's code is compiled; the cold run only guards against
  // pathological slowness (JIT warm-up alone can take tens of milliseconds on a busy host).
  assert.ok(best < 50, `best warm render took ${best.toFixed(1)} ms`);
  assert.ok(cold < 250, `cold render took ${cold.toFixed(1)} ms`);
});

// --- text-and-fields formats print string getters without walking the template -------------

class FieldRow {
  readonly [goType] = '*test.fieldContext';
  constructor(private readonly v: Record<string, unknown>) {}
  get ID(): unknown {
    return this.v['ID'];
  }
  get Name(): unknown {
    if (this.v['throw']) throw new Error('boom');
    return this.v['Name'];
  }
}

/** The same format with a comment action, which keeps renderFormat on the template walker. */
const walked = (format: string) => format.replace('{{.ID}}', '{{.ID}}{{/* walk */}}');

test('renderFormat: the direct field path prints what executing the template prints', () => {
  const rows = [
    new FieldRow({ ID: 'a1', Name: 'web' }),
    new FieldRow({ ID: 'b2', Name: 'ünïcode…' }),
    new FieldRow({ ID: 'c3', Name: 7 }), // a number: printed by the template engine
    new FieldRow({ ID: 'd4', Name: undefined }), // nil: <nil>
    Object.defineProperty(new FieldRow({ ID: 'e5', Name: 'x' }), 'Name', { value: 'own property', enumerable: true }),
    { ID: 'f6', Name: 'a map' },
    new Map([['ID', 'g7'], ['Name', 'a Go map']]),
  ];
  for (const format of ['table {{.ID}}\t{{.Name}}', '{{.ID}}: {{.Name}}\\n', 'table {{.ID}}']) {
    const fast = renderFormat({ format, rows, header: { ID: 'ID', Name: 'NAME' } });
    const slow = renderFormat({ format: walked(format), rows, header: { ID: 'ID', Name: 'NAME' } });
    assert.equal(fast, slow, format);
    assert.match(fast, /a1/);
  }
});

test('renderFormat: a getter that throws is reported as executing the template reports it', () => {
  const rows = [new FieldRow({ ID: 'a1', Name: 'ok' }), new FieldRow({ ID: 'b2', throw: true })];
  const err = (format: string) => {
    try {
      renderFormat({ format, rows });
    } catch (e) {
      return (e as Error).message;
    }
    return 'no error';
  };
  assert.equal(err('{{.ID}} {{.Name}}'), 'template parsing error: template: :1:10: executing "" at <.Name>: error calling Name: boom');
  assert.equal(err(walked('{{.ID}} {{.Name}}')), 'template parsing error: template: :1:24: executing "" at <.Name>: error calling Name: boom');
});
