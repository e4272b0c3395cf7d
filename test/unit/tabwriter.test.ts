/**
 * The tabwriter against real Go output:
 *  - the test table of Go's own text/tabwriter (src/text/tabwriter/tabwriter_test.go; the
 *    stdlib measures cells in runes, so those cases pass a rune-count width function), written
 *    all at once, byte by byte, and in Fibonacci-sized slices as Go's test does;
 *  - docker's fork (go-runewidth widths) through golden cases captured from docker 28
 *    (`table LITERAL` formats, see test/capture/template.mjs), fed straight to tabwrite().
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { AlignRight, Debug, DiscardEmptyColumns, Tabwriter, tabwrite, type TabwriterOptions } from '../../src/render/tabwriter.ts';
import { templateText } from '../../src/render/format.ts';
import { goldenPath } from '../support/golden.ts';

const runeCount = (s: string): number => [...s].length;

interface GoCase {
  name: string;
  minwidth: number;
  tabwidth: number;
  padding: number;
  padchar: string;
  flags: number;
  src: string;
  expected: string;
}

// Go's test table (the cases that use no FilterHTML/StripEscape, which docker never enables).
const goCases: GoCase[] = [
  { name: '1a', minwidth: 8, tabwidth: 0, padding: 1, padchar: '.', flags: 0, src: '', expected: '' },
  { name: '1a debug', minwidth: 8, tabwidth: 0, padding: 1, padchar: '.', flags: Debug, src: '', expected: '' },
  { name: '2', minwidth: 8, tabwidth: 0, padding: 1, padchar: '.', flags: 0, src: '\n\n\n', expected: '\n\n\n' },
  { name: '3', minwidth: 8, tabwidth: 0, padding: 1, padchar: '.', flags: 0, src: 'a\nb\nc', expected: 'a\nb\nc' },
  { name: '4a', minwidth: 8, tabwidth: 0, padding: 1, padchar: '.', flags: 0, src: '\t', expected: '' },
  { name: '4b', minwidth: 8, tabwidth: 0, padding: 1, padchar: '.', flags: AlignRight, src: '\t', expected: '' },
  { name: '5', minwidth: 8, tabwidth: 0, padding: 1, padchar: '.', flags: 0, src: '*\t*', expected: '*.......*' },
  { name: '5b', minwidth: 8, tabwidth: 0, padding: 1, padchar: '.', flags: 0, src: '*\t*\n', expected: '*.......*\n' },
  { name: '5c', minwidth: 8, tabwidth: 0, padding: 1, padchar: '.', flags: 0, src: '*\t*\t', expected: '*.......*' },
  { name: '5c debug', minwidth: 8, tabwidth: 0, padding: 1, padchar: '.', flags: Debug, src: '*\t*\t', expected: '*.......|*' },
  { name: '5d', minwidth: 8, tabwidth: 0, padding: 1, padchar: '.', flags: AlignRight, src: '*\t*\t', expected: '.......**' },
  { name: '6', minwidth: 8, tabwidth: 0, padding: 1, padchar: '.', flags: 0, src: '\t\n', expected: '........\n' },
  { name: '7a', minwidth: 8, tabwidth: 0, padding: 1, padchar: '.', flags: 0, src: 'a) foo', expected: 'a) foo' },
  { name: '7b', minwidth: 8, tabwidth: 0, padding: 1, padchar: ' ', flags: 0, src: 'b) foo\tbar', expected: 'b) foo  bar' },
  { name: '7c', minwidth: 8, tabwidth: 0, padding: 1, padchar: '.', flags: 0, src: 'c) foo\tbar\t', expected: 'c) foo..bar' },
  { name: '7d', minwidth: 8, tabwidth: 0, padding: 1, padchar: '.', flags: 0, src: 'd) foo\tbar\n', expected: 'd) foo..bar\n' },
  { name: '7e', minwidth: 8, tabwidth: 0, padding: 1, padchar: '.', flags: 0, src: 'e) foo\tbar\t\n', expected: 'e) foo..bar.....\n' },
  { name: '8', minwidth: 8, tabwidth: 0, padding: 1, padchar: '*', flags: 0, src: 'Hello, world!\n', expected: 'Hello, world!\n' },
  {
    name: '9a',
    minwidth: 1,
    tabwidth: 0,
    padding: 0,
    padchar: '.',
    flags: 0,
    src: '1\t2\t3\t4\n11\t222\t3333\t44444\n',
    expected: '1.2..3...4\n11222333344444\n',
  },
  {
    name: '9c',
    minwidth: 1,
    tabwidth: 0,
    padding: 0,
    padchar: '.',
    flags: 0,
    src: '1\t2\t3\t4\f11\t222\t3333\t44444\n',
    expected: '1234\n11222333344444\n',
  },
  {
    name: '9c debug',
    minwidth: 1,
    tabwidth: 0,
    padding: 0,
    padchar: '.',
    flags: Debug,
    src: '1\t2\t3\t4\f11\t222\t3333\t44444\n',
    expected: '1|2|3|4\n---\n11|222|3333|44444\n',
  },
  { name: '10a', minwidth: 5, tabwidth: 0, padding: 0, padchar: '.', flags: 0, src: '1\t2\t3\t4\n', expected: '1....2....3....4\n' },
  { name: '10b', minwidth: 5, tabwidth: 0, padding: 0, padchar: '.', flags: 0, src: '1\t2\t3\t4\t\n', expected: '1....2....3....4....\n' },
  {
    name: '11',
    minwidth: 8,
    tabwidth: 0,
    padding: 1,
    padchar: '.',
    flags: 0,
    src: '本\tb\tc\naa\t\u672c\u672c\u672c\tcccc\tddddd\naaa\tbbbb\n',
    expected: '本.......b.......c\naa......本本本.....cccc....ddddd\naaa.....bbbb\n',
  },
  {
    name: '12a',
    minwidth: 8,
    tabwidth: 0,
    padding: 1,
    padchar: ' ',
    flags: AlignRight,
    src: 'a\tè\tc\t\naa\tèèè\tcccc\tddddd\t\naaa\tèèèè\t\n',
    expected: '       a       è       c\n      aa     èèè    cccc   ddddd\n     aaa    èèèè\n',
  },
  {
    name: '12b',
    minwidth: 2,
    tabwidth: 0,
    padding: 0,
    padchar: ' ',
    flags: 0,
    src: 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n',
    expected: 'a  b  c\naa bbbcccc\naaabbbb\n',
  },
  {
    name: '12c',
    minwidth: 8,
    tabwidth: 0,
    padding: 1,
    padchar: '_',
    flags: 0,
    src: 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n',
    expected: 'a_______b_______c\naa______bbb_____cccc\naaa_____bbbb\n',
  },
  {
    name: '13a',
    minwidth: 4,
    tabwidth: 0,
    padding: 1,
    padchar: '-',
    flags: 0,
    src: '4444\t日本語\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
    expected:
      '4444------日本語-22--1---333\n999999999-22\n7---------22\n------------------88888888\n\n666666-666666-666666----4444\n1------1------999999999-0000000000\n',
  },
  {
    name: '13b',
    minwidth: 4,
    tabwidth: 0,
    padding: 3,
    padchar: '.',
    flags: 0,
    src: '4444\t333\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
    expected:
      '4444........333...22...1...333\n999999999...22\n7...........22\n....................88888888\n\n666666...666666...666666......4444\n1........1........999999999...0000000000\n',
  },
  {
    name: '14',
    minwidth: 1,
    tabwidth: 0,
    padding: 2,
    padchar: ' ',
    flags: AlignRight,
    src: '.0\t.3\t2.4\t-5.1\t\n23.0\t12345678.9\t2.4\t-989.4\t\n5.1\t12.0\t2.4\t-7.0\t\n.0\t0.0\t332.0\t8908.0\t\n.0\t-.3\t456.4\t22.1\t\n.0\t1.2\t44.4\t-13.3\t\t',
    expected:
      '    .0          .3    2.4    -5.1\n  23.0  12345678.9    2.4  -989.4\n   5.1        12.0    2.4    -7.0\n    .0         0.0  332.0  8908.0\n    .0         -.3  456.4    22.1\n    .0         1.2   44.4   -13.3',
  },
  {
    name: '14 debug',
    minwidth: 1,
    tabwidth: 0,
    padding: 2,
    padchar: ' ',
    flags: AlignRight | Debug,
    src: '.0\t.3\t2.4\t-5.1\t\n23.0\t12345678.9\t2.4\t-989.4\t\n5.1\t12.0\t2.4\t-7.0\t\n.0\t0.0\t332.0\t8908.0\t\n.0\t-.3\t456.4\t22.1\t\n.0\t1.2\t44.4\t-13.3\t\t',
    expected:
      '    .0|          .3|    2.4|    -5.1|\n  23.0|  12345678.9|    2.4|  -989.4|\n   5.1|        12.0|    2.4|    -7.0|\n    .0|         0.0|  332.0|  8908.0|\n    .0|         -.3|  456.4|    22.1|\n    .0|         1.2|   44.4|   -13.3|',
  },
  { name: '15a', minwidth: 4, tabwidth: 0, padding: 0, padchar: '.', flags: 0, src: 'a\t\tb', expected: 'a.......b' },
  { name: '15b', minwidth: 4, tabwidth: 0, padding: 0, padchar: '.', flags: DiscardEmptyColumns, src: 'a\t\tb', expected: 'a.......b' },
  { name: '15c', minwidth: 4, tabwidth: 0, padding: 0, padchar: '.', flags: DiscardEmptyColumns, src: 'a\v\vb', expected: 'a...b' },
  {
    name: '15d',
    minwidth: 4,
    tabwidth: 0,
    padding: 0,
    padchar: '.',
    flags: AlignRight | DiscardEmptyColumns,
    src: 'a\v\vb',
    expected: '...ab',
  },
  {
    name: '16a',
    minwidth: 100,
    tabwidth: 100,
    padding: 0,
    padchar: '\t',
    flags: 0,
    src: 'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n',
    expected: 'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n',
  },
  {
    name: '16b',
    minwidth: 100,
    tabwidth: 100,
    padding: 0,
    padchar: '\t',
    flags: DiscardEmptyColumns,
    src: 'a\vb\v\vd\na\vb\v\vd\ve\na\na\vb\vc\vd\na\vb\vc\vd\ve\n',
    expected: 'a\tb\td\na\tb\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n',
  },
  {
    name: '16b debug',
    minwidth: 100,
    tabwidth: 100,
    padding: 0,
    padchar: '\t',
    flags: DiscardEmptyColumns | Debug,
    src: 'a\vb\v\vd\na\vb\v\vd\ve\na\na\vb\vc\vd\na\vb\vc\vd\ve\n',
    expected: 'a\t|b\t||d\na\t|b\t||d\t|e\na\na\t|b\t|c\t|d\na\t|b\t|c\t|d\t|e\n',
  },
  {
    name: '16c',
    minwidth: 100,
    tabwidth: 100,
    padding: 0,
    padchar: '\t',
    flags: DiscardEmptyColumns,
    src: 'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n',
    expected: 'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n',
  },
  {
    name: '16c debug',
    minwidth: 100,
    tabwidth: 100,
    padding: 0,
    padchar: '\t',
    flags: DiscardEmptyColumns | Debug,
    src: 'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n',
    expected: 'a\t|b\t|\t|d\na\t|b\t|\t|d\t|e\na\na\t|b\t|c\t|d\na\t|b\t|c\t|d\t|e\n',
  },
];

function writeAll(opts: TabwriterOptions, chunks: string[]): string {
  const w = new Tabwriter(opts);
  for (const c of chunks) w.write(c);
  w.flush();
  return w.output();
}

function fibonacciChunks(src: string): string[] {
  const out: string[] = [];
  for (let i = 0, d = 0; i < src.length; ) {
    out.push(src.slice(i, i + d));
    i += d;
    d++;
    if (i + d > src.length) d = src.length - i;
  }
  return out;
}

for (const c of goCases) {
  const opts: TabwriterOptions = {
    minwidth: c.minwidth,
    tabwidth: c.tabwidth,
    padding: c.padding,
    padchar: c.padchar,
    flags: c.flags,
    width: runeCount,
  };
  test(`Go tabwriter case ${c.name}: all at once`, () => {
    assert.equal(writeAll(opts, [c.src]), c.expected);
  });
  test(`Go tabwriter case ${c.name}: character by character`, () => {
    assert.equal(writeAll(opts, [...c.src]), c.expected);
  });
  test(`Go tabwriter case ${c.name}: fibonacci slices`, () => {
    assert.equal(writeAll(opts, fibonacciChunks(c.src)), c.expected);
  });
}

// --- docker's fork, from captured docker 28 output ---------------------------------------------

interface GoldenCase {
  name: string;
  kind: string;
  format: string;
  stdout: string;
  tabwriter?: boolean;
}

const golden: GoldenCase[] = readdirSync(goldenPath('template/cases'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(goldenPath(`template/cases/${f}`), 'utf8')) as GoldenCase);

const literalCases = golden.filter((c) => c.tabwriter === true);
const versionCases = golden.filter((c) => c.kind === 'version-tabwriter');

test('tabwriter golden cases were captured', () => {
  assert.ok(literalCases.length >= 15, `${literalCases.length} literal cases`);
  assert.ok(versionCases.length >= 3);
});

for (const c of literalCases) {
  test(`docker tabwriter ${c.name}`, () => {
    // A table format without actions renders its (preprocessed) text as header and as row.
    const line = templateText(c.format);
    assert.equal(tabwrite(`${line}\n${line}\n`), c.stdout);
  });
  test(`docker tabwriter ${c.name}: character by character`, () => {
    const line = templateText(c.format);
    assert.equal(writeAll({}, [...`${line}\n${line}\n`]), c.stdout);
  });
}

for (const c of versionCases) {
  test(`stdlib tabwriter (docker version, minwidth 20 padding 1) ${c.name}`, () => {
    assert.equal(tabwrite(`${c.format}\n`, { minwidth: 20, tabwidth: 1, padding: 1, width: runeCount }), c.stdout);
  });
}

// --- API -----------------------------------------------------------------------------------------

test('docker defaults: minwidth 10, padding 3, space padding', () => {
  // Same input as golden tw-basic's first line pair, checked there against docker.
  const c = literalCases.find((x) => x.name === 'tw-basic');
  assert.ok(c);
  assert.equal(new Tabwriter().constructor, Tabwriter);
  assert.equal(tabwrite('a\tbb\tccc\nddd\te\tf\na\tbb\tccc\nddd\te\tf\n'), c.stdout);
});

test('output is produced as lines without tabs complete; the rest on flush', () => {
  const w = new Tabwriter();
  w.write('a\tb\n');
  assert.equal(w.output(), '');
  w.write('no tabs\n');
  // The single-cell line flushed the block before it (and itself).
  assert.equal(w.output(), 'a         b\nno tabs\n');
  w.write('x\ty');
  w.flush();
  assert.equal(w.output(), 'a         b\nno tabs\nx         y');
});

test('negative parameters are refused', () => {
  assert.throws(() => new Tabwriter({ padding: -1 }), /negative minwidth, tabwidth, or padding/);
});

test('Go ExampleWriter_Init: tab padding with tab stops of 8', () => {
  const out = tabwrite('a\tb\tc\td\t.\n123\t12345\t1234567\t123456789\t.\n\n', {
    minwidth: 0,
    tabwidth: 8,
    padding: 0,
    padchar: '\t',
  });
  assert.equal(out, 'a\tb\tc\td\t\t.\n123\t12345\t1234567\t123456789\t.\n\n');
});

test('Go ExampleWriter_Init: right-aligned, minwidth 5, padding 1', () => {
  const out = tabwrite('a\tb\tc\td\t.\n123\t12345\t1234567\t123456789\t.\n\n', {
    minwidth: 5,
    tabwidth: 0,
    padding: 1,
    flags: AlignRight,
  });
  assert.equal(out, '    a     b       c         d.\n  123 12345 1234567 123456789.\n\n');
});
