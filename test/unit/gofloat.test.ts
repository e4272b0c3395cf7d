/**
 * strconv/fmt float formatting. Every verb × value pair of the go-floats golden was printed by
 * docker 28's own fmt (`{{printf "%.4g" 15.625}}` etc.), including the round-half-even ties
 * JS gets wrong ("%.4g" of 15.625 → "15.62", of 1000.5 → "1000").
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatFloat } from '../../src/go/strconv.ts';

/** fmt's %v of a float: %g with the shortest digits (go/src/fmt/print.go fmtFloat). */
const formatFloatV = (x: number, bitSize: 32 | 64 = 64): string => formatFloat(x, 'g', -1, bitSize);
import { readGolden } from '../support/golden.ts';

interface FloatGolden {
  cases: { verb: string; values: [string, string][] }[];
}

describe('formatFloat vs docker 28 printf (golden)', () => {
  const g = JSON.parse(readGolden('typed/go-floats.json')) as FloatGolden;
  for (const c of g.cases) {
    const m = /^%(?:\.(\d+))?([vgef])$/.exec(c.verb);
    assert.ok(m, c.verb);
    const verb = m[2] as 'v' | 'g' | 'e' | 'f';
    const prec = m[1] === undefined ? (verb === 'g' ? -1 : 6) : Number(m[1]);
    it(`${c.verb} over ${c.values.length} values`, () => {
      for (const [literal, want] of c.values) {
        const x = Number(literal);
        const got = verb === 'v' ? formatFloatV(x) : formatFloat(x, verb, prec);
        assert.equal(got, want, `${c.verb} ${literal}`);
      }
    });
  }
});

describe('formatFloat edge cases', () => {
  it('special values', () => {
    assert.equal(formatFloatV(Infinity), '+Inf');
    assert.equal(formatFloatV(-Infinity), '-Inf');
    assert.equal(formatFloatV(NaN), 'NaN');
    assert.equal(formatFloatV(-0), '-0');
    assert.equal(formatFloat(0, 'e', 2), '0.00e+00');
    assert.equal(formatFloat(0, 'f', 0), '0');
  });
  it('exponent widths', () => {
    assert.equal(formatFloat(1e100, 'e', 1), '1.0e+100');
    assert.equal(formatFloat(1e-10, 'g', -1), '1e-10');
    assert.equal(formatFloat(1.5e300, 'E', -1), '1.5E+300');
    assert.equal(formatFloat(123456, 'G', 2), '1.2E+05');
  });
  it('rounds 0.5 ulp ties to even at the requested digit', () => {
    assert.equal(formatFloat(0.5, 'f', 0), '0');
    assert.equal(formatFloat(1.5, 'f', 0), '2');
    assert.equal(formatFloat(2.5, 'f', 0), '2');
    assert.equal(formatFloat(0.125, 'f', 2), '0.12');
    assert.equal(formatFloat(0.375, 'f', 2), '0.38');
    assert.equal(formatFloat(0.06, 'f', 1), '0.1');
  });
  it('float32 %v uses the shortest float32 digits', () => {
    assert.equal(formatFloatV(0.1, 32), '0.1');
    assert.equal(formatFloatV(0.25, 32), '0.25');
    assert.equal(formatFloatV(1 / 3, 32), '0.33333334');
    assert.equal(formatFloatV(16777216, 32), '1.6777216e+07');
    assert.equal(formatFloatV(1e-7, 32), '1e-07');
    assert.equal(formatFloatV(Math.fround(0.1), 64), '0.10000000149011612');
  });
});
