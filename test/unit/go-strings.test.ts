/**
 * src/go/strings.ts: Go's unicode.IsSpace set (strings.TrimSpace, TrimLeftFunc, Fields), which
 * is JavaScript's `\s` without U+FEFF and with U+0085. The expected values are what Go 1.24
 * gives (`strings.TrimSpace("\ufeffx\ufeff")` keeps both BOMs, `strings.Fields("a\u3000b\u0085c")`
 * is three fields).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fields, isSpace, trimLeftSpace, trimSpace } from '../../src/go/strings.ts';

describe('Go white space', () => {
  it('isSpace: the Latin-1 spaces, NEL, and the Z categories; not U+FEFF or U+200B', () => {
    for (const ch of ['\t', '\n', '\v', '\f', '\r', ' ', '\u0085', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000']) {
      assert.equal(isSpace(ch), true, JSON.stringify(ch));
    }
    for (const ch of ['\ufeff', '\u200b', '\u180e', 'x', '', '  ']) assert.equal(isSpace(ch), false, JSON.stringify(ch));
  });

  it('trimSpace keeps a byte order mark, trims NEL and ideographic space', () => {
    assert.equal(trimSpace('\ufeffx\ufeff'), '\ufeffx\ufeff');
    assert.equal(trimSpace('\u0085\u3000 x y\t\u2029'), 'x y');
    assert.equal(trimSpace(' \n '), '');
  });

  it('trimLeftSpace trims the left only', () => {
    assert.equal(trimLeftSpace('\u00a0 KEY=v \n'), 'KEY=v \n');
  });

  it('fields splits on runs of any Go space', () => {
    assert.deepEqual(fields('  127.0.0.1\u3000host\u0085alias\t\t'), ['127.0.0.1', 'host', 'alias']);
    assert.deepEqual(fields(' \u2028 '), []);
    assert.deepEqual(fields('a\ufeffb'), ['a\ufeffb']);
  });
});
