/**
 * json.Indent / json.Compact ports. Cases: Go's own scanner_test.go (TestCompactAndIndent,
 * TestCompactSeparators, TestIndentErrors), the scanner's error texts, and docker 28's real
 * output for raw API bodies (inspect-json-* goldens: body bytes fetched from the daemon vs
 * what `docker … inspect` and `--format json` printed for them).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonSyntaxError, inspectJSON, inspectJSONCompact, jsonCompact, jsonIndent } from '../../src/render/jsonindent.ts';
import { readGolden } from '../support/golden.ts';

describe('Go TestCompactAndIndent (indent "\\t")', () => {
  const cases: [string, string][] = [
    ['1', '1'],
    ['{}', '{}'],
    ['[]', '[]'],
    ['{"":2}', '{\n\t"": 2\n}'],
    ['[3]', '[\n\t3\n]'],
    ['[1,2,3]', '[\n\t1,\n\t2,\n\t3\n]'],
    ['{"x":1}', '{\n\t"x": 1\n}'],
    ['[true,false,null,"x",1,1.5,0,-5e+2]', '[\n\ttrue,\n\tfalse,\n\tnull,\n\t"x",\n\t1,\n\t1.5,\n\t0,\n\t-5e+2\n]'],
    ['{"":"<>&\u2028\u2029"}', '{\n\t"": "<>&\u2028\u2029"\n}'],
  ];
  for (const [compact, indented] of cases) {
    it(JSON.stringify(compact), () => {
      assert.equal(jsonCompact(compact), compact);
      assert.equal(jsonCompact(indented), compact);
      assert.equal(jsonIndent(indented, '', '\t'), indented);
      assert.equal(jsonIndent(compact, '', '\t'), indented);
    });
  }
  it('TestCompactSeparators: U+2028/U+2029 are left alone', () => {
    assert.equal(jsonCompact('{"\u2028": 1}'), '{"\u2028":1}');
    assert.equal(jsonCompact('{"\u2029" :2}'), '{"\u2029":2}');
  });
});

describe('jsonIndent with docker\'s 4 spaces', () => {
  it('keeps escapes, unicode and number text verbatim', () => {
    const src = '{"s":"a\\u00e9\\n\\"\\\\\\/\\u003c\\ud83d\\ude00 é😀\\t","n":[1e5,-0.0,1E+2,0.000,-12.5e-3,123456789012345678901234567890]}';
    const want =
      '{\n' +
      '    "s": "a\\u00e9\\n\\"\\\\\\/\\u003c\\ud83d\\ude00 é😀\\t",\n' +
      '    "n": [\n' +
      '        1e5,\n' +
      '        -0.0,\n' +
      '        1E+2,\n' +
      '        0.000,\n' +
      '        -12.5e-3,\n' +
      '        123456789012345678901234567890\n' +
      '    ]\n' +
      '}';
    assert.equal(jsonIndent(src), want);
    assert.equal(jsonCompact(want), src);
    assert.throws(() => jsonIndent('"a\tb"'), /invalid character '\\t' in string literal/);
  });

  it('keeps nested empty objects and arrays compact', () => {
    const src = '{"a":{},"b":[],"c":[{}],"d":[[]],"e":{"f":{}},"g":[ ],"h":{ \n }}';
    const want = [
      '{',
      '    "a": {},',
      '    "b": [],',
      '    "c": [',
      '        {}',
      '    ],',
      '    "d": [',
      '        []',
      '    ],',
      '    "e": {',
      '        "f": {}',
      '    },',
      '    "g": [],',
      '    "h": {}',
      '}',
    ].join('\n');
    assert.equal(jsonIndent(src), want);
  });

  it('re-indents already indented input (whitespace outside strings is replaced)', () => {
    const src = '[\n  {\r\n\t"a" :\t1 ,"b":  "x  y"}\n]';
    assert.equal(jsonIndent(src), '[\n    {\n        "a": 1,\n        "b": "x  y"\n    }\n]');
  });

  it('drops leading whitespace, keeps trailing whitespace (Indent) / drops it (Compact)', () => {
    assert.equal(jsonIndent(' \n{"a":1} \n'), '{\n    "a": 1\n} \n');
    assert.equal(jsonIndent('1 '), '1 ');
    assert.equal(jsonCompact(' {"a" : 1 } \n'), '{"a":1}');
  });

  it('applies a prefix after every newline but not at the start', () => {
    assert.equal(jsonIndent('[1,{"a":2}]', '> ', '  '), '[\n>   1,\n>   {\n>     "a": 2\n>   }\n> ]');
  });

  it('handles deep nesting up to Go\'s limit of 10000', () => {
    const deep = '['.repeat(10000) + ']'.repeat(10000);
    assert.equal(jsonCompact(deep), deep);
    assert.throws(() => jsonCompact('['.repeat(10001) + ']'.repeat(10001)), /exceeded max depth/);
  });
});

describe('syntax errors carry Go\'s messages', () => {
  const cases: [string, string][] = [
    ['{"X": "foo", "Y"}', "invalid character '}' after object key"],
    ['{"X": "foo" "Y": "bar"}', 'invalid character \'"\' after object key:value pair'],
    ['[1,]', "invalid character ']' looking for beginning of value"],
    ['[1 2]', "invalid character '2' after array element"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{1:2}', "invalid character '1' looking for beginning of object key string"],
    ['{"a":1,}', "invalid character '}' looking for beginning of object key string"],
    ['01', "invalid character '1' after top-level value"],
    ['[01]', "invalid character '1' after array element"],
    ['{} x', "invalid character 'x' after top-level value"],
    ['"\\x"', "invalid character 'x' in string escape code"],
    ['"\\u12g4"', "invalid character 'g' in \\u hexadecimal character escape"],
    ['"a\u0001"', "invalid character '\\x01' in string literal"],
    ['"a\n"', "invalid character '\\n' in string literal"],
    ['trux', "invalid character 'x' in literal true (expecting 'e')"],
    // At EOF the scanner is fed a space, so an unfinished literal names ' '.
    ['fals', "invalid character ' ' in literal false (expecting 'e')"],
    ['nul1', "invalid character '1' in literal null (expecting 'l')"],
    ['-', "invalid character ' ' in numeric literal"],
    ['-a', "invalid character 'a' in numeric literal"],
    ['1.', "invalid character ' ' after decimal point in numeric literal"],
    ['1.e5', "invalid character 'e' after decimal point in numeric literal"],
    ['1e', "invalid character ' ' in exponent of numeric literal"],
    ['1e+x', "invalid character 'x' in exponent of numeric literal"],
    ['[', 'unexpected end of JSON input'],
    ['"abc', 'unexpected end of JSON input'],
    ['', 'unexpected end of JSON input'],
    ["'a'", "invalid character '\\'' looking for beginning of value"],
    ['é', "invalid character 'Ã' looking for beginning of value"],
    ['\u00a0', "invalid character 'Â' looking for beginning of value"],
    ['x', "invalid character 'x' looking for beginning of value"],
  ];
  for (const [src, message] of cases) {
    it(JSON.stringify(src), () => {
      const check = (e: unknown): boolean => e instanceof JsonSyntaxError && e.message === message;
      assert.throws(() => jsonIndent(src), check);
      assert.throws(() => jsonCompact(src), check);
    });
  }
  it('reports the byte offset like Go (TestIndentErrors)', () => {
    assert.throws(() => jsonIndent('{"X": "foo", "Y"}'), (e: unknown) => e instanceof JsonSyntaxError && e.offset === 17);
    assert.throws(() => jsonIndent('{"X": "foo" "Y": "bar"}'), (e: unknown) => e instanceof JsonSyntaxError && e.offset === 13);
  });
});

describe('inspectJSON / inspectJSONCompact', () => {
  it('prints []\\n when nothing was found', () => {
    assert.equal(inspectJSON([]), '[]\n');
    assert.equal(inspectJSONCompact([]), '[]\n');
  });
  it('wraps, joins with "," and adds one newline', () => {
    assert.equal(inspectJSON(['{"a":1}\n', '{"b":[]}\n']), '[\n    {\n        "a": 1\n    },\n    {\n        "b": []\n    }\n]\n');
    assert.equal(inspectJSONCompact(['{"a": 1}\n', '{"b":[]}\n']), '[{"a":1},{"b":[]}]\n');
  });

  interface Bodies {
    bodies: string[];
    indented: string;
    compact: string;
  }
  it('matches docker 28 for three node bodies (golden)', () => {
    const g = JSON.parse(readGolden('typed/inspect-json-nodes.json')) as Bodies;
    assert.ok(g.bodies.length >= 2);
    assert.equal(inspectJSON(g.bodies), g.indented);
    assert.equal(inspectJSONCompact(g.bodies), g.compact);
  });
  it('matches docker 28 for a secret and a config with escaped label text (golden)', () => {
    const g = JSON.parse(readGolden('typed/inspect-json-secret-config.json')) as Bodies & {
      configBodies: string[];
      configIndented: string;
      configCompact: string;
    };
    assert.equal(inspectJSON(g.bodies), g.indented);
    assert.equal(inspectJSONCompact(g.bodies), g.compact);
    assert.equal(inspectJSON(g.configBodies), g.configIndented);
    assert.equal(inspectJSONCompact(g.configBodies), g.configCompact);
  });
});
