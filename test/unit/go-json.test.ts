/**
 * src/go/json.ts: Go's encoding/json primitives that every layer shares (strings, floats, key
 * order, the hand-built struct encoder, the parser and parseExact). The expected texts are what
 * Go's encoding/json writes (json.Marshal in Go 1.24, as docker 28.2.2 is built with).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { goJSON, intOmitEmpty, jsonFloat, jsonString, parseExact, parseJSON, sortedKeys, strOmitEmpty } from '../../src/go/json.ts';
import { filtersQuery } from '../../src/engine/client.ts';
import { encodeServiceSpec } from '../../src/spec/codec.ts';
import { SpecError } from '../../src/spec/errors.ts';
import { marshalJSON } from '../../src/render/template/index.ts';

describe('go/json encoding', () => {
  it('strings: HTML-safe on request, U+2028/9 always, lone surrogates as U+FFFD, short \\b \\f', () => {
    assert.equal(jsonString('<a&b>', true), '"\\u003ca\\u0026b\\u003e"');
    assert.equal(jsonString('<a&b>', false), '"<a&b>"');
    assert.equal(jsonString('\u2028\u2029', false), '"\\u2028\\u2029"');
    assert.equal(jsonString('x\ud800y\udc00', true), '"x\\ufffdy\\ufffd"');
    assert.equal(jsonString('\u{1f600}', true), '"\u{1f600}"');
    assert.equal(jsonString('\b\f\x01\x7f', true), '"\\b\\f\\u0001\x7f"');
  });

  it('floats as floatEncoder, the float32 thresholds in float32', () => {
    assert.equal(jsonFloat(1e21), '1e+21');
    assert.equal(jsonFloat(1e20), '100000000000000000000');
    assert.equal(jsonFloat(1e-7), '1e-7');
    assert.equal(jsonFloat(0.000001), '0.000001');
    assert.equal(jsonFloat(-0), '-0');
    // float32(1e-6) is just below 1e-6: Go compares in float32, so it is still 'f'.
    assert.equal(jsonFloat(Math.fround(1e-6), 32), '0.000001');
    assert.equal(jsonFloat(Math.fround(0.1), 32), '0.1');
    assert.throws(() => jsonFloat(NaN), { message: 'json: unsupported value: NaN' });
    assert.throws(() => jsonFloat(-Infinity, 32, SpecError), (e: unknown) => e instanceof SpecError && e.message === 'json: unsupported value: -Inf');
  });

  // docker 28.2.2 `service create --update-max-failure-ratio 0.000001` sends
  // "MaxFailureRatio":0.000001 (seen on a recording socket); the spec encoder's old copy said 1e-6.
  it('a float32 ServiceSpec field at float32(1e-6) is written as Go writes it', () => {
    const body = encodeServiceSpec({ UpdateConfig: { MaxFailureRatio: Math.fround(1e-6) } } as never);
    assert.match(body, /"MaxFailureRatio":0\.000001[,}]/);
  });

  it('map keys in UTF-8 byte order (code points past U+FFFF after U+E000…U+FFFF)', () => {
    assert.deepEqual(sortedKeys({ '\u{1f600}': 1, '\uff01': 2, b: 3, B: 4 }), ['B', 'b', '\uff01', '\u{1f600}']);
    assert.equal(goJSON.map({ '\u{1f600}': 'x', '\uff01': 'y' }).text, '{"\uff01":"y","\u{1f600}":"x"}');
    assert.deepEqual(filtersQuery({ label: { '\u{1f600}': true, '\uff01': true } }), { filters: '{"label":{"\uff01":true,"\u{1f600}":true}}' });
  });

  it('hand-built structs: members in order, omitempty by leaving out, nil map as null', () => {
    const o = goJSON.obj([
      ['Name', goJSON.str('a<b')],
      ['Skip', strOmitEmpty('')],
      ['N', intOmitEmpty(2n ** 63n - 1n)],
      ['Z', intOmitEmpty(0)],
      ['Labels', goJSON.map(null)],
      ['L', goJSON.arr([goJSON.bool(true), goJSON.null])],
    ]);
    assert.equal(o.text, '{"Name":"a\\u003cb","N":9223372036854775807,"Labels":null,"L":[true,null]}');
  });

  it('a MarshalJSON result is compacted, and HTML-escaped when json.Marshal escapes (appendCompact)', () => {
    const m = { MarshalJSON: () => '{ "a b" : [ 1 ,\n "<\\" &>\u2028" ] }' };
    assert.equal(marshalJSON(m, false), '{"a b":[1,"<\\" &>\u2028"]}');
    assert.equal(marshalJSON(m, true), '{"a b":[1,"\\u003c\\" \\u0026\\u003e\\u2028"]}');
  });
});

describe('go/json decoding', () => {
  it('parseExact keeps integers beyond 2^53 exact, others as numbers', () => {
    const v = parseExact('{"big": 9223372036854775807, "neg": -9007199254740993, "safe": 42, "f": 1.5e3, "e": 1e22, "i": 10000000000000000000000}') as Record<string, unknown>;
    assert.deepEqual(v, { big: 9223372036854775807n, neg: -9007199254740993n, safe: 42, f: 1500, e: 1e22, i: 10000000000000000000000n });
  });

  it('parseExact: members in order, the last duplicate wins, "__proto__" an own member', () => {
    const v = parseExact('{"b":1,"a":2,"b":3,"__proto__":{"x":1}}') as Record<string, unknown>;
    assert.deepEqual(Object.keys(v), ['b', 'a', '__proto__']);
    assert.equal(v['b'], 3);
    assert.equal(Object.getPrototypeOf(v), Object.prototype);
  });

  it('parseJSON keeps number text and reports malformed text with its offset', () => {
    assert.deepEqual(parseJSON('[1.50, "x\\u0041", null, false]'), {
      t: 'arr',
      items: [{ t: 'num', raw: '1.50' }, { t: 'str', v: 'xA' }, { t: 'null' }, { t: 'bool', v: false }],
    });
    assert.throws(() => parseJSON('{"a":}'), (e: unknown) => e instanceof SyntaxError && e.message === 'invalid JSON at offset 5');
    assert.throws(() => parseJSON('"a\nb"'), { message: 'invalid JSON at offset 0' });
    assert.throws(() => parseJSON('[1] x', SpecError), (e: unknown) => e instanceof SpecError && e.message === 'invalid JSON at offset 4');
    assert.throws(() => parseJSON('01'), { message: 'invalid JSON at offset 1' });
  });
});
