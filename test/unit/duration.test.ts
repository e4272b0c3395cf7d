/**
 * Go time.Duration String/ParseDuration. Expectations come from Go's own tests
 * (time_test.go durationTests, parseDurationTests, parseDurationErrorTests) and from docker 28
 * itself (test/golden/typed/go-durations.json: --update-delay parsed by the CLI, printed back
 * by `service inspect -f {{.Spec.UpdateConfig.Delay}}`).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DurationParseError,
  durationHours,
  durationMinutes,
  durationSeconds,
  formatDuration,
  goTimeQuote,
  parseDuration,
} from '../../src/render/duration.ts';
import { readGolden } from '../support/golden.ts';

const NS = 1n;
const US = 1000n;
const MS = 1000n * US;
const S = 1000n * MS;
const M = 60n * S;
const H = 60n * M;
const MAX = (1n << 63n) - 1n;
const MIN = -(1n << 63n);

// go/src/time/time_test.go durationTests
const STRING_CASES: [string, bigint][] = [
  ['0s', 0n],
  ['1ns', 1n * NS],
  ['1.1µs', 1100n * NS],
  ['2.2ms', 2200n * US],
  ['3.3s', 3300n * MS],
  ['4m5s', 4n * M + 5n * S],
  ['4m5.001s', 4n * M + 5001n * MS],
  ['5h6m7.001s', 5n * H + 6n * M + 7001n * MS],
  ['8m0.000000001s', 8n * M + 1n * NS],
  ['2562047h47m16.854775807s', MAX],
  ['-2562047h47m16.854775808s', MIN],
];

describe('formatDuration (Duration.String)', () => {
  for (const [str, d] of STRING_CASES) {
    it(`${d} → ${str}`, () => {
      assert.equal(formatDuration(d), str);
      if (d > 0n) assert.equal(formatDuration(-d), '-' + str);
    });
  }

  it('unit boundaries and rounding-free truncation of the fraction', () => {
    const cases: [bigint, string][] = [
      [999n, '999ns'],
      [1000n, '1µs'],
      [1001n, '1.001µs'],
      [999_999n, '999.999µs'],
      [1_000_000n, '1ms'],
      [999_999_999n, '999.999999ms'],
      [1_000_000_000n, '1s'],
      [59_999_999_999n, '59.999999999s'],
      [60_000_000_000n, '1m0s'],
      [3_599_999_999_999n, '59m59.999999999s'],
      [3_600_000_000_000n, '1h0m0s'],
      [5_400_000_000_000n, '1h30m0s'],
      [1_500_000_000n, '1.5s'],
      [500_000_000n, '500ms'],
      [90_000_000_000n, '1m30s'],
      [7_200_000_000_000n, '2h0m0s'],
      [-1n, '-1ns'],
      [-1_500_000_000n, '-1.5s'],
    ];
    for (const [d, s] of cases) assert.equal(formatDuration(d), s, String(d));
  });

  it('accepts JSON numbers (truncating any fraction)', () => {
    assert.equal(formatDuration(5_000_000_000), '5s');
    assert.equal(formatDuration(7_776_000_000_000_000), '2160h0m0s');
    assert.equal(formatDuration(1.9), '1ns');
    assert.equal(formatDuration(0), '0s');
  });

  it('Seconds/Minutes/Hours split integer and fraction like Go', () => {
    assert.equal(durationSeconds(90n * S), 90);
    assert.equal(durationMinutes(90n * S), 1.5);
    assert.equal(durationHours(90n * M), 1.5);
    assert.equal(durationSeconds(-1_500_000_000n), -1.5);
    assert.equal(durationSeconds(MAX), 9223372036.854776);
  });
});

// go/src/time/time_test.go parseDurationTests
const PARSE_CASES: [string, bigint][] = [
  ['0', 0n],
  ['5s', 5n * S],
  ['30s', 30n * S],
  ['1478s', 1478n * S],
  ['-5s', -5n * S],
  ['+5s', 5n * S],
  ['-0', 0n],
  ['+0', 0n],
  ['5.0s', 5n * S],
  ['5.6s', 5n * S + 600n * MS],
  ['5.s', 5n * S],
  ['.5s', 500n * MS],
  ['1.0s', 1n * S],
  ['1.00s', 1n * S],
  ['1.004s', 1n * S + 4n * MS],
  ['1.0040s', 1n * S + 4n * MS],
  ['100.00100s', 100n * S + 1n * MS],
  ['10ns', 10n * NS],
  ['11us', 11n * US],
  ['12µs', 12n * US],
  ['12μs', 12n * US],
  ['13ms', 13n * MS],
  ['14s', 14n * S],
  ['15m', 15n * M],
  ['16h', 16n * H],
  ['3h30m', 3n * H + 30n * M],
  ['10.5s4m', 4n * M + 10n * S + 500n * MS],
  ['-2m3.4s', -(2n * M + 3n * S + 400n * MS)],
  ['1h2m3s4ms5us6ns', 1n * H + 2n * M + 3n * S + 4n * MS + 5n * US + 6n * NS],
  ['39h9m14.425s', 39n * H + 9n * M + 14n * S + 425n * MS],
  ['52763797000ns', 52763797000n],
  ['0.3333333333333333333h', 20n * M],
  ['9007199254740993ns', (1n << 53n) + 1n],
  ['9223372036854775807ns', MAX],
  ['9223372036854775.807us', MAX],
  ['9223372036s854ms775us807ns', MAX],
  ['-9223372036854775808ns', MIN],
  ['-9223372036854775.808us', MIN],
  ['-9223372036s854ms775us808ns', MIN],
  ['-2562047h47m16.854775808s', MIN],
  ['0.100000000000000000000h', 6n * M],
  ['0.830103483285477580700h', 49n * M + 48n * S + 372539827n],
];

describe('parseDuration (time.ParseDuration)', () => {
  for (const [input, want] of PARSE_CASES) {
    it(JSON.stringify(input), () => assert.equal(parseDuration(input), want));
  }

  it('round-trips the int64 extremes through String', () => {
    assert.equal(parseDuration(formatDuration(MAX)), MAX);
    assert.equal(parseDuration(formatDuration(MIN)), MIN);
  });

  // go/src/time/time_test.go parseDurationErrorTests (the ones expressible as JS strings)
  const ERRORS: [string, string][] = [
    ['', 'time: invalid duration ""'],
    ['3', 'time: missing unit in duration "3"'],
    ['-', 'time: invalid duration "-"'],
    ['s', 'time: invalid duration "s"'],
    ['.', 'time: invalid duration "."'],
    ['-.', 'time: invalid duration "-."'],
    ['.s', 'time: invalid duration ".s"'],
    ['+.s', 'time: invalid duration "+.s"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['\uFFFD', 'time: invalid duration "\\xef\\xbf\\xbd"'],
    ['\uFFFD hello \uFFFD world', 'time: invalid duration "\\xef\\xbf\\xbd hello \\xef\\xbf\\xbd world"'],
    ['9223372036854775810ns', 'time: invalid duration "9223372036854775810ns"'],
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
    ['-9223372036854775809ns', 'time: invalid duration "-9223372036854775809ns"'],
    ['9223372036854776us', 'time: invalid duration "9223372036854776us"'],
    ['3000000h', 'time: invalid duration "3000000h"'],
    ['9223372036854775.808us', 'time: invalid duration "9223372036854775.808us"'],
    ['9223372036854ms775us808ns', 'time: invalid duration "9223372036854ms775us808ns"'],
    ['1µ', 'time: unknown unit "\\xc2\\xb5" in duration "1\\xc2\\xb5"'],
    ['1"x', 'time: unknown unit "\\"x" in duration "1\\"x"'],
  ];
  for (const [input, message] of ERRORS) {
    it(`rejects ${JSON.stringify(input)}`, () => {
      assert.throws(() => parseDuration(input), (e: unknown) => e instanceof DurationParseError && e.message === message);
    });
  }
});

describe('goTimeQuote', () => {
  it('escapes quotes, backslashes and every byte of non-ASCII / control characters', () => {
    assert.equal(goTimeQuote('a"b\\c'), '"a\\"b\\\\c"');
    assert.equal(goTimeQuote('\t'), '"\\x09"');
    assert.equal(goTimeQuote('é'), '"\\xc3\\xa9"');
    assert.equal(goTimeQuote('😀'), '"\\xf0\\x9f\\x98\\x80"');
  });
});

interface DurationGolden {
  cases: { input: string; code: number; string?: string; nanos?: string; stderr?: string }[];
}

describe('docker 28 --update-delay round trips (golden)', () => {
  const golden = JSON.parse(readGolden('typed/go-durations.json')) as DurationGolden;
  for (const c of golden.cases) {
    if (c.code === 0) {
      it(`${JSON.stringify(c.input)} → ${c.string}`, () => {
        const d = parseDuration(c.input);
        assert.equal(String(d), c.nanos);
        assert.equal(formatDuration(d), c.string);
      });
    } else {
      it(`${JSON.stringify(c.input)} is rejected as docker rejects it`, () => {
        const want = /flag: (.*)\n/.exec(c.stderr ?? '')?.[1];
        assert.ok(want, 'golden has a flag error');
        assert.throws(() => parseDuration(c.input), (e: unknown) => e instanceof Error && e.message === want);
      });
    }
  }
});
