/**
 * stringid.TruncateID, formatter.Ellipsis / PrettyPrint, go-runewidth widths.
 * Ellipsis cases include docker/cli's displayutils_test.go TestEllipsis table.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  capitalizeFirst,
  charWidth,
  displayWidth,
  ellipsis,
  isEastAsianLocale,
  prettyPrint,
  runeWidth,
  truncateID,
} from '../../src/render/display.ts';
import { goFormat } from '../../src/render/govalue.ts';

describe('truncateID', () => {
  it('keeps 12 characters', () => {
    assert.equal(truncateID('yhb1yqnqx14xj8120v73vzwkr'), 'yhb1yqnqx14x');
    assert.equal(truncateID('abc'), 'abc');
    assert.equal(truncateID('123456789012'), '123456789012');
    assert.equal(truncateID(''), '');
  });
  it('drops an algorithm prefix up to the first colon', () => {
    assert.equal(truncateID('sha256:4e38e38c8ce0b8d9041a9c4fefe786631d1416225e13b0bfe8cfa2321aec4bba'), '4e38e38c8ce0');
    assert.equal(truncateID('a:b:cdefghijklmnop'), 'b:cdefghijkl');
    assert.equal(truncateID(':x'), 'x');
  });
});

describe('ellipsis (formatter.Ellipsis)', () => {
  // docker/cli cli/command/formatter/displayutils_test.go
  const table: [string, number, string][] = [
    ['t🐳ststring', 0, ''],
    ['t🐳ststring', 1, 't'],
    ['t🐳ststring', 2, 't…'],
    ['t🐳ststring', 6, 't🐳st…'],
    ['t🐳ststring', 20, 't🐳ststring'],
    ['你好世界teststring', 0, ''],
    ['你好世界teststring', 1, '你'],
    ['你好世界teststring', 3, '你…'],
    ['你好世界teststring', 6, '你好…'],
    ['你好世界teststring', 20, '你好世界teststring'],
  ];
  for (const [s, w, want] of table) {
    it(`(${JSON.stringify(s)}, ${w}) → ${JSON.stringify(want)}`, () => assert.equal(ellipsis(s, w), want));
  }

  it('ASCII: first n−1 characters and …', () => {
    assert.equal(ellipsis('hello world', 5), 'hell…');
    assert.equal(ellipsis('hello', 5), 'hello');
    assert.equal(ellipsis('hello', 4), 'hel…');
    assert.equal(ellipsis('"task: non-zero exit (1)"', 29), '"task: non-zero exit (1)"');
    assert.equal(ellipsis('"No such image: 192.168.250.1:5000/nope:latest"', 29), '"No such image: 192.168.250.…');
    assert.equal(ellipsis('hello', -1), '');
  });

  it('wide runes count 2; a wide first rune wider than max−1 leaves s unchanged (Go quirk)', () => {
    assert.equal(ellipsis('世界世界', 2), '世界世界');
    assert.equal(ellipsis('世界世界', 3), '世…');
    assert.equal(ellipsis('世界世界', 8), '世界世界');
    assert.equal(ellipsis('世界世界', 7), '世界世…');
    assert.equal(ellipsis('ａｂｃ', 4), 'ａ…'); // fullwidth forms
  });

  it('combining marks and ambiguous-width runes count 1 (x/text/width, not runewidth)', () => {
    // Each mark is a rune of width 1, so the cut can separate a letter from its accent.
    assert.equal(ellipsis('e\u0301e\u0301e\u0301', 4), 'e\u0301e…');
    assert.equal(ellipsis('ααααα', 4), 'ααα…');
  });

  it('("", 1) returns "" (Go would panic)', () => {
    assert.equal(ellipsis('', 1), '');
  });
});

describe('charWidth', () => {
  it('is 2 for East Asian Wide and Fullwidth only', () => {
    assert.equal(charWidth('你'.codePointAt(0) ?? 0), 2);
    assert.equal(charWidth(0xff01), 2);
    assert.equal(charWidth(0x1f433), 2); // 🐳
    assert.equal(charWidth(0xff61), 1); // halfwidth
    assert.equal(charWidth(0x3b1), 1); // ambiguous α
    assert.equal(charWidth(0x301), 1); // combining
    assert.equal(charWidth(0x41), 1);
  });
});

describe('capitalizeFirst / prettyPrint', () => {
  it('upper-cases the first letter and lower-cases the rest', () => {
    assert.equal(prettyPrint('ready'), 'Ready');
    assert.equal(prettyPrint('READY'), 'Ready');
    assert.equal(prettyPrint('needs Rotation'), 'Needs rotation');
    assert.equal(prettyPrint('on-failure'), 'On-failure');
  });
  it('lower-cases a one-byte string, keeps ""', () => {
    assert.equal(prettyPrint('A'), 'a');
    assert.equal(prettyPrint('a'), 'a');
    assert.equal(prettyPrint(''), '');
  });
  it('nil → None', () => {
    assert.equal(prettyPrint(null), 'None');
    assert.equal(prettyPrint(undefined), 'None');
  });
  it('formats values through their String method (%s), e.g. a time → "… +0000 utc"', () => {
    const t = { [goFormat]: () => '2026-11-21 21:11:03.060325703 +0000 UTC' };
    assert.equal(prettyPrint(t), '2026-11-21 21:11:03.060325703 +0000 utc');
    assert.equal(prettyPrint(42), '42');
  });
  it('treats a non-ASCII first character byte-wise, like Go', () => {
    // "é" is C3 A9: the first byte becomes "Ã", the stray A9 becomes U+FFFD.
    assert.equal(capitalizeFirst('état'), 'Ã\uFFFDtat');
    // A two-byte string whose first byte is ASCII.
    assert.equal(capitalizeFirst('ab'), 'Ab');
    // A single two-byte rune is not "one byte": it takes the byte-wise path too.
    assert.equal(capitalizeFirst('é'), 'Ã\uFFFD');
  });
  it('uses simple case mappings (no ß → SS, İ → i)', () => {
    assert.equal(capitalizeFirst('sTRASSE ß'), 'Strasse ß');
    assert.equal(capitalizeFirst('xİ'), 'Xi');
  });
});

describe('runeWidth / displayWidth (go-runewidth v0.0.16)', () => {
  it('ASCII printable 1, controls 0', () => {
    assert.equal(displayWidth('hello'), 5);
    assert.equal(displayWidth('a\tb'), 2);
    assert.equal(displayWidth('\u001b[0m'), 3);
    assert.equal(displayWidth(''), 0);
  });
  it('wide and fullwidth 2', () => {
    assert.equal(displayWidth('你好'), 4);
    assert.equal(displayWidth('ｈｉ'), 4);
    assert.equal(displayWidth('🐳'), 2);
    assert.equal(displayWidth('…'), 1);
  });
  it('a grapheme cluster counts its first non-zero-width rune', () => {
    assert.equal(displayWidth('e\u0301'), 1);
    assert.equal(displayWidth('👨‍👩‍👧'), 2);
    assert.equal(displayWidth('👍🏽'), 2);
  });
  it('only go-runewidth\'s own combining ranges are zero width', () => {
    assert.equal(runeWidth(0x0301), 0);
    assert.equal(runeWidth(0x20d0), 0);
    assert.equal(runeWidth(0x05b0), 1); // Hebrew point: not in runewidth's table
    assert.equal(runeWidth(0x200b), 0); // zero width space (nonprint)
    assert.equal(runeWidth(0x00ad), 0); // soft hyphen
    assert.equal(runeWidth(0x7f), 0);
    assert.equal(runeWidth(-1), 0);
    assert.equal(runeWidth(0x110000), 0);
  });
  it('ambiguous runes are 2 only in an East Asian locale', () => {
    assert.equal(runeWidth(0x3b1), 1);
    assert.equal(runeWidth(0x3b1, true), 2);
    assert.equal(displayWidth('αβ', true), 4);
    assert.equal(runeWidth(0xe000, true), 2); // private use is ambiguous
    assert.equal(runeWidth(0x41, true), 1);
  });
});

describe('isEastAsianLocale (go-runewidth IsEastAsian)', () => {
  const cases: [Record<string, string | undefined>, boolean][] = [
    [{}, false],
    [{ LANG: 'C' }, false],
    [{ LANG: 'POSIX' }, false],
    [{ LANG: 'C.UTF-8' }, false],
    [{ LANG: 'en_US.UTF-8' }, false],
    [{ LANG: 'ja_JP.UTF-8' }, true],
    [{ LANG: 'zh_CN.UTF-8' }, true],
    [{ LANG: 'ko_KR.UTF-8' }, true],
    [{ LANG: 'ja_JP.UTF-8@cjk_narrow' }, false],
    [{ LANG: 'en_US.eucJP' }, true],
    [{ LANG: 'ja_JP.UTF-8', LC_ALL: 'en_US.UTF-8' }, false],
    [{ LANG: 'en_US.UTF-8', LC_CTYPE: 'zh_TW.big5' }, true],
    [{ LANG: 'ja_JP.UTF-8', RUNEWIDTH_EASTASIAN: '0' }, false],
    [{ LANG: 'en_US.UTF-8', RUNEWIDTH_EASTASIAN: '1' }, true],
  ];
  for (const [env, want] of cases) it(`${JSON.stringify(env)} → ${want}`, () => assert.equal(isEastAsianLocale(env), want));
});
