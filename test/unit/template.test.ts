/**
 * The template engine's API and value model. Behaviour itself is checked byte for byte
 * against docker in template-golden.test.ts; the expectations here restate results from those
 * captures (named in comments) on hand-built values, plus the API surface around them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goFields, goFormat, goScalar, goType } from '../../src/render/govalue.ts';
import {
  FuncError,
  GoNil,
  GoNumber,
  GoPtr,
  JSONNumber,
  NIL_IFACE,
  TemplateExecError,
  TemplateParseError,
  decodeJSONUseNumber,
  dockerFuncs,
  fromJSON,
  goMapElem,
  headerFuncs,
  kindOf,
  marshalJSON,
  parseDockerTemplate,
  parseTemplate,
  sprint,
  sprintf,
  sprintln,
  typeName,
} from '../../src/render/template/index.ts';
import { jsonString } from '../../src/go/json.ts';
import { jsonCompact } from '../../src/render/jsonindent.ts';
import { quote } from '../../src/go/quote.ts';
import { formatFloat } from '../../src/go/strconv.ts';

const run = (src: string, data: unknown = {}): string => parseDockerTemplate(src).execute(data);
const fail = (src: string, data: unknown = {}): string => {
  try {
    parseDockerTemplate(src).execute(data);
  } catch (e) {
    if (e instanceof TemplateParseError || e instanceof TemplateExecError) return e.message;
    throw e;
  }
  assert.fail(`${src} did not fail`);
};

/** A struct with the given Go type and fields. */
function struct(type: string, fields: Record<string, unknown>): Record<string, unknown> {
  const o: Record<string, unknown> = { ...fields };
  Object.defineProperty(o, goType, { value: type });
  Object.defineProperty(o, goFields, { value: Object.keys(fields) });
  return o;
}

// --- parsing and the Template object ---------------------------------------------------------

test('parse errors name the template and the line (golden version-parse-*, unclosed-action)', () => {
  assert.throws(() => parseTemplate('{{.Foo', { name: 'version' }), {
    name: 'TemplateParseError',
    message: 'template: version:1: unclosed action',
  });
  assert.throws(() => parseDockerTemplate('a\n{{if}}'), { message: 'template: :2: missing value for if' });
  assert.throws(() => parseDockerTemplate('{{nope}}'), { message: 'template: :1: function "nope" not defined' });
});

test('functions are known at parse time: docker funcs only with parseDockerTemplate', () => {
  assert.throws(() => parseTemplate('{{upper "a"}}'), { message: 'template: :1: function "upper" not defined' });
  assert.equal(parseTemplate('{{print "a"}}').execute(null), 'a');
  assert.equal(parseTemplate('{{upper "a"}}', { funcs: dockerFuncs() }).execute(null), 'A');
});

test('templateNames lists the main template and definitions', () => {
  const t = parseDockerTemplate('{{define "a"}}x{{end}}{{block "b" .}}y{{end}}');
  assert.deepEqual(t.templateNames().sort(), ['', 'a', 'b']);
  assert.equal(t.executeTemplate('a', null), 'x');
  assert.throws(() => t.executeTemplate('zz', null), /no template "zz" associated with template ""/);
});

test('execution errors carry Go\'s location and context (golden field-missing, multibyte-column)', () => {
  const row = struct('*formatter.clientContextContext', {});
  assert.equal(fail('{{.Foo}}', row), 'template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.clientContextContext');
  assert.equal(fail('é{{.Foo}}', row), 'template: :1:4: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.clientContextContext');
  assert.equal(
    fail('line1\n{{.Name}}\n{{.Foo}}', struct('T', { Name: 'n' })),
    'template: :3:2: executing "" at <.Foo>: can\'t evaluate field Foo in type T',
  );
});

test('executeInto keeps the output written before an error', () => {
  const out: string[] = [];
  assert.throws(() => parseDockerTemplate('a{{.X}}b{{.Nope}}c').executeInto(struct('T', { X: 1 }), out), TemplateExecError);
  assert.equal(out.join(''), 'a1b');
});

test('withFuncs replaces functions at execution time (docker header rendering)', () => {
  const t = parseDockerTemplate('{{upper .}}|{{pad . 1 1}}');
  assert.equal(t.execute('id'), 'ID| id ');
  assert.equal(t.withFuncs(headerFuncs).execute('id'), 'id| id ');
});

test('missingkey=error reports the key (golden net-fallback-missing)', () => {
  const t = parseDockerTemplate('{{.Nope}}');
  assert.equal(t.execute({}), '<no value>');
  assert.throws(() => t.withMissingKey('error').execute({}), {
    message: 'template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"',
  });
});

test('template recursion stops with Go\'s depth error (golden template-recursion-limit)', () => {
  assert.equal(
    fail('{{define "R"}}x{{template "R" .}}{{end}}{{template "R" .}}'),
    'template: :1:26: executing "R" at <{{template "R" .}}>: exceeded maximum template depth (100000)',
  );
});

// --- fields, methods, getters -------------------------------------------------------------------

class Row {
  readonly [goType] = '*pkg.row';
  readonly hidden = 1;
  constructor(private readonly name: string) {}
  get Name(): string {
    return this.name;
  }
  Upper(): string {
    return this.name.toUpperCase();
  }
  Label(k: unknown): string {
    return `label:${String(k)}`;
  }
  Fails(): string {
    throw new Error('boom');
  }
  lower(): string {
    return 'never';
  }
}

test('getters and zero-argument methods are called as Go calls methods', () => {
  assert.equal(run('{{.Name}} {{.Upper}} {{.Label "k"}} {{"v" | .Label}}', new Row('web')), 'web WEB label:k label:v');
});

test('method errors, argument counts and unexported names (golden method-with-args, field-unexported)', () => {
  const r = new Row('x');
  assert.equal(fail('{{.Upper "a"}}', r), 'template: :1:2: executing "" at <.Upper>: wrong number of args for Upper: want 0 got 1');
  assert.equal(fail('{{.Label}}', r), 'template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 0');
  assert.equal(fail('{{.Fails}}', r), 'template: :1:2: executing "" at <.Fails>: error calling Fails: boom');
  assert.equal(fail('{{.hidden}}', r), 'template: :1:2: executing "" at <.hidden>: hidden is an unexported field of struct type *pkg.row');
  assert.equal(fail('{{.lower}}', r), 'template: :1:2: executing "" at <.lower>: can\'t evaluate field lower in type *pkg.row');
});

test('struct fields: declared but absent is a nil pointer; fields take no arguments', () => {
  const s = struct('swarm.Node', { ID: 'n1', ManagerStatus: undefined });
  assert.equal(run('{{.ID}} {{.ManagerStatus}}', s), 'n1 <nil>');
  assert.equal(fail('{{.ID 1}}', s), 'template: :1:2: executing "" at <.ID>: ID has arguments but cannot be invoked as function');
});

test('maps: missing keys, nil entries, nested lookups (golden insp-missing-and-nil, nil-interface-field)', () => {
  const m = fromJSON({ a: { b: 1 }, n: null }) as Record<string, unknown>;
  assert.equal(run('{{.a.b}}|{{.missing}}|{{.missing.x}}|{{.n}}', m), '1|<no value>|<no value>|<no value>');
  assert.equal(fail('{{.n.x}}', m), 'template: :1:4: executing "" at <.n.x>: nil pointer evaluating interface {}.x');
  assert.equal(fail('{{.a 1}}', m), 'template: :1:2: executing "" at <.a>: a is not a method but has arguments');
});

test('a Map subclass is a named map whose exported methods win over keys (SubHeaderContext)', () => {
  class Header extends Map<string, string> {
    readonly [goType] = 'formatter.SubHeaderContext';
    readonly [goMapElem] = 'string';
    Label(n: unknown): string {
      return `L(${String(n)})`;
    }
  }
  const h = new Header([['ID', 'ID'], ['Label', 'shadowed']]);
  assert.equal(run('{{.ID}}|{{.Label "x"}}|{{.Nope}}|{{index . "Nope"}}|{{len .}}', h), 'ID|L(x)|<no value>||2');
});

// --- values: kinds, types, printing ---------------------------------------------------------------

test('Go types of JS values', () => {
  assert.equal(typeName(1), 'int');
  assert.equal(typeName(1.5), 'float64');
  assert.equal(typeName('s'), 'string');
  assert.equal(typeName(true), 'bool');
  assert.equal(typeName(['a']), '[]string');
  assert.equal(typeName([1, 'a']), '[]interface {}');
  assert.equal(typeName(new Uint8Array([1])), '[]uint8');
  assert.equal(typeName({}), 'map[string]interface {}');
  assert.equal(typeName(new GoNumber(1, 'uint64')), 'uint64');
  assert.equal(typeName(new GoNil('*swarm.ManagerStatus')), '*swarm.ManagerStatus');
  assert.equal(typeName(fromJSON([1])), '[]interface {}');
  assert.equal(kindOf(new GoNil('store.EndpointFiles', 'slice')), 'slice');
  assert.equal(kindOf({ [goScalar]: 'ready', [goType]: 'swarm.NodeState' }), 'string');
});

test('printing values (goldens floats, insp-dot, nodei-bytes, nodei-manager-ptr)', () => {
  assert.equal(run('{{.}}', 1e21), '1e+21');
  assert.equal(run('{{.}}', new GoNumber(100000, 'float64')), '100000');
  assert.equal(run('{{.}}', new GoNumber(1000000, 'float64')), '1e+06');
  assert.equal(run('{{.}}', fromJSON({ b: [1, 'x', null, true], a: 1.5 })), 'map[a:1.5 b:[1 x <nil> true]]');
  assert.equal(run('{{.}}', new Uint8Array([104, 105])), '[104 105]');
  assert.equal(run('{{printf "%s %x %q" . . .}}', new Uint8Array([104, 105])), 'hi 6869 "hi"');
  const ms = struct('*swarm.ManagerStatus', { Leader: true, Reachability: 'reachable' });
  // The template dereferences pointers before printing; fmt prints &{...} for a struct pointer.
  assert.equal(run('{{.}}|{{printf "%v|%+v" . .}}', ms), '{true reachable}|&{true reachable}|&{Leader:true Reachability:reachable}');
  assert.equal(run('{{.}}', new GoNil('*swarm.ManagerStatus')), '<nil>');
  assert.equal(run('{{.}}', new GoNil('[]string')), '[]');
  assert.equal(run('{{.}}', new GoNil('map[string]string')), 'map[]');
  assert.equal(run('{{.}}', NIL_IFACE), '<no value>');
});

test('pointers to scalars: printed through, truthy even when pointing at zero', () => {
  const p = new GoPtr(new GoNumber(0, 'uint64'), '*uint64');
  assert.equal(run('{{.}} {{if .}}set{{end}} {{printf "%T" .}}', p), '0 set *uint64');
});

test('Stringers print through goFormat, also nested (time.Time, swarm.Version)', () => {
  const v = { [goType]: 'swarm.Version', [goFormat]: () => '42', Index: new GoNumber(42, 'uint64') };
  assert.equal(run('{{.}}|{{.Index}}|{{printf "%d" .Index}}', v), '42|42|42');
  assert.equal(run('{{.}}', struct('T', { V: v })), '{42}');
});

test('named scalars compare through goScalar (golden nodei-named-string-eq)', () => {
  const state = { [goType]: 'swarm.NodeState', [goScalar]: 'ready' };
  assert.equal(run('{{eq . "ready"}} {{printf "%T" .}} {{.}}', state), 'true swarm.NodeState ready');
  assert.equal(fail('{{upper .}}', state), 'template: :1:8: executing "" at <.>: wrong type for value; expected string; got swarm.NodeState');
});

test('integers of different signedness compare (golden eq-uint-int)', () => {
  assert.equal(run('{{eq (index "a" 0) 97}} {{lt (index "a" 0) 98}} {{eq -1 (index "a" 0)}}'), 'true true false');
});

// --- fmt ----------------------------------------------------------------------------------------

test('sprint spaces operands that are not strings (golden print)', () => {
  assert.equal(sprint([1, 2, 'a', 'b', 3, true, undefined, 1.5]), '1 2ab3 true <nil> 1.5');
  assert.equal(sprintln(['a', 1, true]), 'a 1 true\n');
});

test('sprintf verbs, flags and error forms (goldens printf-*)', () => {
  assert.equal(sprintf('%d|%5d|%-5d|%05d|%+d|%x|%#x|%o|%#o|%b|%c|%q|%U|%#U', [42, 42, 42, 42, 42, 255, 255, 8, 8, 5, 65, 65, 128512, 128512]),
    '42|   42|42   |00042|+42|ff|0xff|10|010|101|A|\'A\'|U+1F600|U+1F600 \'😀\'');
  assert.equal(sprintf('%.2f %.1f %.0f %.0f %.0f %.3g', [0.125, 0.25, 2.5, 3.5, 0.5, 1234.5]), '0.12 0.2 2 4 0 1.23e+03');
  assert.equal(sprintf('%d %s %t', ['str', 5, 1]), '%!d(string=str) %!s(int=5) %!t(int=1)');
  assert.equal(sprintf('%s %s', ['a']), 'a %!s(MISSING)');
  assert.equal(sprintf('%s', ['a', 'b', 3, undefined]), 'a%!(EXTRA string=b, int=3, <nil>)');
  assert.equal(sprintf('%[2]s %[1]s %[3]s %s', ['a', 'b']), 'b a %!s(BADINDEX) b');
  assert.equal(sprintf('abc%', []), 'abc%!(NOVERB)');
  assert.equal(sprintf('[%*d] [%.*f]', [5, 42, 2, 3.14159]), '[   42] [3.14]');
  assert.equal(sprintf('%v %s %d', [undefined, undefined, undefined]), '<nil> %!s(<nil>) %!d(<nil>)');
});

test('formatFloat rounds exact ties to even and uses Go\'s %g thresholds', () => {
  assert.equal(formatFloat(0.125, 'f', 2), '0.12');
  assert.equal(formatFloat(2.5, 'f', 0), '2');
  assert.equal(formatFloat(1e21, 'g', -1), '1e+21');
  assert.equal(formatFloat(123456789, 'g', -1), '1.23456789e+08');
  assert.equal(formatFloat(1e-7, 'g', -1), '1e-07');
  assert.equal(formatFloat(1, 'x', -1), '0x1p+00');
  assert.equal(formatFloat(1, 'b', -1), '4503599627370496p-52');
  assert.equal(formatFloat(NaN, 'g', -1), 'NaN');
  assert.equal(formatFloat(-Infinity, 'f', 2), '-Inf');
});

test('quote escapes like strconv.Quote', () => {
  assert.equal(quote('a"b\\c\n\x01\u2028é'), '"a\\"b\\\\c\\n\\x01\\u2028é"');
});

// --- JSON ---------------------------------------------------------------------------------------

test('marshalJSON: sorted map keys, Go float text, HTML escaping on request (goldens json-*)', () => {
  const v = fromJSON({ b: 2, a: [1, 'x', null, true], f: 1.5, big: 1e21, s: '<&>', tiny: 1e-7 });
  assert.equal(marshalJSON(v, false), '{"a":[1,"x",null,true],"b":2,"big":1e+21,"f":1.5,"s":"<&>","tiny":1e-7}');
  assert.equal(marshalJSON('<&>', true), '"\\u003c\\u0026\\u003e"');
  assert.equal(jsonString('\u2028\x01\t\b\f\x7f', false), '"\\u2028\\u0001\\t\\b\\f\x7f"');
  assert.equal(marshalJSON(new Uint8Array([104, 105]), false), '"aGk="');
  assert.equal(marshalJSON(new GoNil('[]string'), false), 'null');
  assert.throws(() => marshalJSON(NaN, false), (e: unknown) => e instanceof FuncError && e.message === 'json: unsupported value: NaN');
});

test('marshalJSON honours MarshalJSON (compacted) and toJSON (key order kept)', () => {
  const m = { [goType]: 'T', MarshalJSON: () => '{ "z" : 1,\n "a": "x y" }' };
  assert.equal(marshalJSON([m], false), '[{"z":1,"a":"x y"}]');
  const t = { [goType]: 'U', toJSON: () => ({ z: 1, a: '<' }) };
  assert.equal(marshalJSON(t, false), '{"z":1,"a":"<"}');
  assert.equal(jsonCompact('{ "a" : [ 1 , "b c" ] }'), '{"a":[1,"b c"]}');
});

test('struct JSON without MarshalJSON: exported fields in declaration order', () => {
  assert.equal(marshalJSON(struct('T', { B: 1, A: 'x', c: 'hidden' }), false), '{"B":1,"A":"x"}');
});

test('decodeJSONUseNumber keeps number text as json.Number (golden net-fallback-index)', () => {
  const v = decodeJSONUseNumber('{"n": 1.50, "i": 10, "s": "x", "a": [true, null], "o": {}}') as Record<string, unknown>;
  assert.ok(v['n'] instanceof JSONNumber);
  assert.equal(run('{{.n}} {{printf "%T" .n}} {{.i}} {{printf "%T" .a}} {{.o}} {{index . "s"}}', v), '1.50 json.Number 10 []interface {} map[] x');
  assert.equal(marshalJSON(v, false), '{"a":[true,null],"i":10,"n":1.50,"o":{},"s":"x"}');
  assert.throws(() => decodeJSONUseNumber('{"a":}'), SyntaxError);
});

// --- docker functions ---------------------------------------------------------------------------

test('docker 28 join needs a []string; docker 29 joins anything (goldens join-*)', () => {
  assert.equal(fail('{{join . ","}}', fromJSON([1, 'x'])), 'template: :1:7: executing "" at <.>: wrong type for value; expected []string; got []interface {}');
  assert.equal(parseDockerTemplate('{{join . ","}}', 29).execute(fromJSON([1, 'x', null])), '1,x,<nil>');
  assert.equal(parseDockerTemplate('{{join . ","}}', 29).execute({ b: 'y', a: 'z' }), 'y,z');
  assert.throws(() => parseDockerTemplate('{{join . ","}}', 29).execute(1), /error calling join: expected slice, got int/);
});

test('docker functions: case mapping, pad, truncate, split (goldens upper-lower-title, pad, truncate)', () => {
  assert.equal(run('{{upper "héllo ß"}}|{{lower "HÉLLO İ"}}|{{title "hello wORLD foo-bar_baz x.y élan"}}'), 'HÉLLO ß|héllo i|Hello WORLD Foo-Bar_baz X.Y Élan');
  assert.equal(run('[{{pad "x" 2 3}}] [{{pad "" 2 3}}] {{truncate "abcdef" 3}} {{split "abc" ""}} {{len (split "" ",")}}'), '[  x   ] [] abc [a b c] 1');
  assert.equal(fail('{{truncate "abc" -1}}'), 'template: :1:2: executing "" at <truncate "abc" -1>: error calling truncate: runtime error: slice bounds out of range [:-1]');
});
