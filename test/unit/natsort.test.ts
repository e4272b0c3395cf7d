/**
 * fvbommel/sortorder NaturalLess: the cases of its own natsort_test.go, plus the order docker
 * 28's `config ls` printed for a set of tricky names (go-natsort golden).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { byNatural, naturalCompare, naturalLess } from '../../src/render/natsort.ts';
import { readGolden } from '../support/golden.ts';

describe('naturalLess', () => {
  // sortorder natsort_test.go TestNaturalLess
  const cases: [string, string, boolean][] = [
    ['0', '00', true],
    ['00', '0', false],
    ['aa', 'ab', true],
    ['ab', 'abc', true],
    ['abc', 'ad', true],
    ['ab1', 'ab2', true],
    ['ab1c', 'ab1c', false],
    ['ab12', 'abc', true],
    ['ab2a', 'ab10', true],
    ['a0001', 'a0000001', true],
    ['a10', 'abcdefgh2', true],
    ['аб2аб', 'аб10аб', true],
    ['2аб', '3аб', true],
    ['a1b', 'a01b', true],
    ['a01b', 'a1b', false],
    ['ab01b', 'ab010b', true],
    ['ab010b', 'ab01b', false],
    ['a01b001', 'a001b01', true],
    ['a001b01', 'a01b001', false],
    ['a1', 'a1x', true],
    ['1ax', '1b', true],
    ['1b', '1ax', false],
    ['082', '83', true],
    ['083a', '9a', false],
    ['9a', '083a', true],
  ];
  for (const [a, b, less] of cases) {
    it(`${JSON.stringify(a)} < ${JSON.stringify(b)} is ${less}`, () => assert.equal(naturalLess(a, b), less));
  }

  it('compares non-digits as UTF-8 bytes, not UTF-16 code units', () => {
    // U+FF61 (EF BD A1) sorts before U+1F600 (F0 9F 98 80) bytewise; in UTF-16 the
    // surrogate D83D would sort first.
    assert.equal(naturalLess('\uFF61', '😀'), true);
    assert.equal(naturalLess('😀', '\uFF61'), false);
  });

  it('handles numbers longer than any integer type', () => {
    assert.equal(naturalLess('a99999999999999999999', 'a100000000000000000000'), true);
    assert.equal(naturalLess('v1.10.0', 'v1.9.0'), false);
  });

  it('empty strings', () => {
    assert.equal(naturalLess('', ''), false);
    assert.equal(naturalLess('', 'a'), true);
    assert.equal(naturalLess('a', ''), false);
  });
});

describe('naturalCompare / byNatural', () => {
  it('sorts like sortorder.Natural (TestStringSort)', () => {
    const b = ['abc5', 'abc1', 'abc01', 'ab', 'abc10', 'abc2'];
    assert.deepEqual([...b].sort(naturalCompare), ['ab', 'abc1', 'abc01', 'abc2', 'abc5', 'abc10']);
  });
  it('sorts task names the way service ps shows them', () => {
    assert.deepEqual(['web.10', 'web.2', 'web.1'].sort(naturalCompare), ['web.1', 'web.2', 'web.10']);
  });
  it('byNatural sorts objects by a key', () => {
    const nodes = [{ h: 'node-10' }, { h: 'node-9' }];
    assert.deepEqual(nodes.sort(byNatural((n) => n.h)).map((n) => n.h), ['node-9', 'node-10']);
  });
  it('returns 0 only for equal strings', () => {
    assert.equal(naturalCompare('a1', 'a1'), 0);
    assert.notEqual(naturalCompare('a1', 'a01'), 0);
  });

  it('reproduces the order docker 28 printed for `config ls` (golden)', () => {
    const g = JSON.parse(readGolden('typed/go-natsort.json')) as { names: string[]; sorted: string[] };
    assert.deepEqual([...g.names].sort(naturalCompare), g.sorted);
  });
});
