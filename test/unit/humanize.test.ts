/**
 * go-units HumanDuration / BytesSize / HumanSize. Thresholds come from go-units v0.5.0
 * duration.go (seconds and minutes truncated, hours rounded with int(h+0.5), years from the
 * truncated hours); size rounding is checked against docker 28's own fmt (go-floats golden)
 * and `node inspect --pretty` (node-pretty-self golden).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bytesSize, humanDuration, humanDurationSince, humanSize, humanSizeWithPrecision, since, timeAgo } from '../../src/render/humanize.ts';
import { parseRFC3339, ZERO_TIME, type GoTime } from '../../src/render/gotime.ts';
import { readGolden } from '../support/golden.ts';

const MS = 1_000_000n;
const S = 1000n * MS;
const M = 60n * S;
const H = 60n * M;

describe('humanDuration (units.HumanDuration)', () => {
  const cases: [bigint, string][] = [
    // seconds: int(d.Seconds()) truncates
    [-5n * S, 'Less than a second'],
    [-1n, 'Less than a second'],
    [0n, 'Less than a second'],
    [999n * MS, 'Less than a second'],
    [S - 1n, 'Less than a second'],
    [S, '1 second'],
    [1999n * MS, '1 second'],
    [2n * S, '2 seconds'],
    [2n * S - 1n, '1 second'],
    [59n * S, '59 seconds'],
    [60n * S - 1n, '59 seconds'],
    // minutes: int(d.Minutes()) truncates
    [60n * S, 'About a minute'],
    [119n * S, 'About a minute'],
    [120n * S - 1n, 'About a minute'],
    [120n * S, '2 minutes'],
    [59n * M + 59n * S, '59 minutes'],
    [60n * M - 1n, '59 minutes'],
    // hours: int(d.Hours() + 0.5) rounds
    [60n * M, 'About an hour'],
    [89n * M + 59n * S, 'About an hour'],
    [90n * M - 1n, 'About an hour'],
    [90n * M, '2 hours'],
    [2n * H, '2 hours'],
    [25n * H, '25 hours'],
    [47n * H + 29n * M + 59n * S, '47 hours'],
    [47n * H + 30n * M - 1n, '47 hours'],
    // days: rounded hours < 336 → hours/24
    [47n * H + 30n * M, '2 days'],
    [48n * H, '2 days'],
    [71n * H + 29n * M, '2 days'],
    [71n * H + 30n * M, '3 days'],
    [335n * H + 29n * M, '13 days'],
    [335n * H + 30n * M - 1n, '13 days'],
    // weeks: rounded hours < 1440 → hours/24/7
    [335n * H + 30n * M, '2 weeks'],
    [336n * H, '2 weeks'],
    [503n * H + 30n * M, '3 weeks'],
    [1439n * H + 29n * M, '8 weeks'],
    // months: rounded hours < 17520 → hours/24/30
    [1439n * H + 30n * M, '2 months'],
    [1440n * H, '2 months'],
    [2160n * H, '3 months'],
    [17519n * H + 29n * M, '24 months'],
    // years: truncated hours/24/365 — just past the switch this still says "1 years"
    [17519n * H + 30n * M, '1 years'],
    [17520n * H - MS, '1 years'],
    // …but 1ns short of 17520h is 17519.99999999999972h, which float64 rounds to 17520.
    [17520n * H - 1n, '2 years'],
    [17520n * H, '2 years'],
    [3n * 8760n * H, '3 years'],
    [(1n << 63n) - 1n, '292 years'],
  ];
  for (const [d, want] of cases) {
    it(`${d}ns → ${want}`, () => assert.equal(humanDuration(d), want));
  }

  it('takes JSON numbers too', () => {
    assert.equal(humanDuration(65e9), 'About a minute');
    assert.equal(humanDuration(5400e9), '2 hours');
  });

  // The table in docs/ecosystem research (seconds ago → go-units output).
  const table: [number, string][] = [
    [0.5, 'Less than a second'],
    [65, 'About a minute'],
    [150, '2 minutes'],
    [3000, '50 minutes'],
    [5400, '2 hours'],
    [90000, '25 hours'],
    [1300000, '2 weeks'],
    [80000000, '2 years'],
  ];
  for (const [secs, want] of table) {
    it(`${secs}s → ${want}`, () => assert.equal(humanDuration(BigInt(Math.round(secs * 1e9))), want));
  }
});

describe('timeAgo / since', () => {
  const then = '2024-03-01T10:11:12.3456789Z';
  it('subtracts with nanosecond precision', () => {
    assert.equal(since(then, '2024-03-01T10:11:13.3456789Z'), S);
    assert.equal(since(then, '2024-03-01T10:11:13.3456788Z'), S - 100n);
  });
  it('accepts Date, epoch milliseconds and epoch nanoseconds as now', () => {
    const nowMs = Date.UTC(2024, 2, 1, 10, 12, 20);
    assert.equal(timeAgo(then, new Date(nowMs)), 'About a minute ago');
    assert.equal(timeAgo(then, nowMs), 'About a minute ago');
    assert.equal(timeAgo(then, BigInt(nowMs) * 1_000_000n), 'About a minute ago');
  });
  it('says "Less than a second ago" for a future timestamp (clock skew)', () => {
    assert.equal(timeAgo(then, '2024-03-01T10:11:00Z'), 'Less than a second ago');
  });
  it('task CURRENT STATE lower-cases the phrase', () => {
    assert.equal(humanDuration(since(then, '2024-03-01T12:11:12Z')).toLowerCase() + ' ago', '2 hours ago');
  });
});

describe('bytesSize (units.BytesSize, 1024-based %.4g)', () => {
  const cases: [number, string][] = [
    [0, '0B'],
    [1, '1B'],
    [1023, '1023B'],
    [1024, '1KiB'],
    [1536, '1.5KiB'],
    [1024 * 1024 - 1, '1024KiB'],
    [1024 * 1024, '1MiB'],
    [64 * 1024 * 1024, '64MiB'],
    [67108864, '64MiB'],
    [33554432, '32MiB'],
    // 1000.5 KiB is an exact tie at 4 digits: Go rounds half to even.
    [1024512, '1000KiB'],
    [1025536, '1002KiB'],
    // 15.625 GiB: another exact tie → 15.62, where JS toPrecision would say 15.63
    [16777216000, '15.62GiB'],
    [16.6 * 1024 ** 3, '16.6GiB'],
    [1024 ** 4, '1TiB'],
    [1024 ** 8, '1YiB'],
    [1024 ** 9, '1024YiB'],
    [1024 ** 10, '1.049e+06YiB'],
    [-1, '-1B'],
  ];
  for (const [n, want] of cases) it(`${n} → ${want}`, () => assert.equal(bytesSize(n), want));

  it('matches `node inspect --pretty` Memory (golden)', () => {
    const g = JSON.parse(readGolden('typed/node-pretty-self.json')) as { stdout: string; memoryBytes: number };
    const line = /\n Memory:\t\t(.*)\n/.exec(g.stdout)?.[1];
    assert.equal(bytesSize(g.memoryBytes), line);
  });
});

describe('humanSize (units.HumanSize, 1000-based)', () => {
  const cases: [number, string][] = [
    [0, '0B'],
    [999, '999B'],
    [1000, '1kB'],
    [1500, '1.5kB'],
    [796000, '796kB'],
    [2746000, '2.746MB'],
    [2746500, '2.747MB'], // 2746500/1000/1000 is the double just above 2.7465: no tie
    [999950, '1000kB'], // rounding happens after the unit was chosen
    [1e9, '1GB'],
    [1e24, '1YB'],
    [1e27, '1000YB'],
    [1e28, '1e+04YB'],
  ];
  for (const [n, want] of cases) it(`${n} → ${want}`, () => assert.equal(humanSize(n), want));
  it('HumanSizeWithPrecision(…, 3)', () => {
    assert.equal(humanSizeWithPrecision(1234567, 3), '1.23MB');
    assert.equal(humanSizeWithPrecision(1000.5, 3), '1kB');
  });
});

describe('humanDurationSince (task CURRENT STATE without BigInt) = humanDuration(since(then, now))', () => {
  const same = (then: GoTime, now: Date) =>
    assert.equal(humanDurationSince(then, now), humanDuration(since(then, now)), `then ${then.sec}.${then.nsec}, now ${now.getTime()} ms`);
  const now = new Date(Date.UTC(2026, 10, 22, 0, 30, 0, 123));
  const nowNs = BigInt(now.getTime()) * 1_000_000n;
  /** The GoTime exactly d nanoseconds before now. */
  const before = (d: bigint): GoTime => {
    const t = nowNs - d;
    const sec = t / 1_000_000_000n - (t % 1_000_000_000n < 0n ? 1n : 0n);
    return { sec: Number(sec), nsec: Number(t - sec * 1_000_000_000n), zoneName: 'UTC', offset: 0 };
  };

  it('at every unit boundary, one nanosecond either side', () => {
    const S = 1_000_000_000n;
    const edges = [0n, S, 2n * S, 59n * S, 60n * S, 90n * S, 119n * S, 3599n * S, 3600n * S, 5400n * S, 47n * 3600n * S + 1800n * S,
      48n * 3600n * S, 14n * 86400n * S, 60n * 86400n * S, 730n * 86400n * S, 800n * 86400n * S, 271n * 365n * 86400n * S];
    for (const e of edges) for (const d of [e - 1n, e, e + 1n, -e]) same(before(d), now);
  });

  it('on 20000 pseudo-random durations from a nanosecond to 300 years, both signs', () => {
    let x = 0x12345678;
    const rnd = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0), x);
    for (let i = 0; i < 20000; i++) {
      const magnitude = BigInt(rnd() % 62);
      const d = ((1n << magnitude) * BigInt(rnd())) >> 32n;
      same(before(i % 7 === 0 ? -d : d), new Date(now.getTime() + (rnd() % 1000)));
    }
  });

  it('far apart (saturating Time.Sub) and the zero time', () => {
    same(ZERO_TIME, now);
    same(parseRFC3339('1700-01-01T00:00:00Z'), now);
    same(parseRFC3339('9999-12-31T23:59:59.999999999Z'), now);
    assert.equal(humanDurationSince(ZERO_TIME, now), humanDuration(since(ZERO_TIME, now)));
  });

  it('takes clock readings other than a Date through the exact path', () => {
    const then = parseRFC3339('2026-11-22T00:28:40.5Z');
    assert.equal(humanDurationSince(then, nowNs), humanDuration(since(then, nowNs)));
    assert.equal(humanDurationSince(then, nowNs), 'About a minute');
  });
});
