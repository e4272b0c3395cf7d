/**
 * time.Time parsing (UnmarshalJSON's RFC 3339 fast path), String() and Format(layout).
 * Layout expectations come from docker 28 itself: every typed golden ran
 * `{{.CreatedAt.Format "…"}}` for a set of layouts against a real timestamp.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  GoTimeParseError,
  ZERO_TIME,
  civilFromDays,
  daysFromCivil,
  fixedZone,
  formatGoTime,
  formatRFC3339Nano,
  goTimeOf,
  goTimeString,
  isZeroTime,
  parseRFC3339,
  timeFields,
  timeSub,
} from '../../src/render/gotime.ts';
import { readGolden } from '../support/golden.ts';

describe('parseRFC3339 + goTimeString (Time.String)', () => {
  const cases: [string, string][] = [
    ['2024-03-01T10:11:12.3456789Z', '2024-03-01 10:11:12.3456789 +0000 UTC'],
    ['2024-03-01T10:11:12Z', '2024-03-01 10:11:12 +0000 UTC'],
    ['2024-03-01T10:11:12.000000000Z', '2024-03-01 10:11:12 +0000 UTC'],
    ['2024-03-01T10:11:12.100Z', '2024-03-01 10:11:12.1 +0000 UTC'],
    ['2024-03-01T10:11:12.000000001Z', '2024-03-01 10:11:12.000000001 +0000 UTC'],
    // More than 9 fraction digits are truncated, not rounded.
    ['2024-03-01T10:11:12.9999999999Z', '2024-03-01 10:11:12.999999999 +0000 UTC'],
    ['0001-01-01T00:00:00Z', '0001-01-01 00:00:00 +0000 UTC'],
    ['0000-01-01T00:00:00Z', '0000-01-01 00:00:00 +0000 UTC'],
    ['9999-12-31T23:59:59.999999999Z', '9999-12-31 23:59:59.999999999 +0000 UTC'],
    ['2024-02-29T00:00:00Z', '2024-02-29 00:00:00 +0000 UTC'],
    ['1969-12-31T23:59:59.5Z', '1969-12-31 23:59:59.5 +0000 UTC'],
    // A numeric offset that Local (UTC here) does not have: a nameless fixed zone.
    ['2024-03-01T10:11:12+01:00', '2024-03-01 10:11:12 +0100 +0100'],
    ['2024-03-01T10:11:12-05:30', '2024-03-01 10:11:12 -0530 -0530'],
    // Offset zero written numerically matches Local = UTC: named UTC.
    ['2024-03-01T10:11:12+00:00', '2024-03-01 10:11:12 +0000 UTC'],
  ];
  for (const [src, want] of cases) {
    it(`${src} → ${want}`, () => assert.equal(goTimeString(src), want));
  }

  it('takes the Local zone name when Local has that offset at that instant', () => {
    const cet = fixedZone('CET', 3600);
    assert.equal(goTimeString('2024-03-01T10:11:12+01:00', cet), '2024-03-01 10:11:12 +0100 CET');
    assert.equal(goTimeString('2024-03-01T10:11:12+02:00', cet), '2024-03-01 10:11:12 +0200 +0200');
    // "Z" always means the UTC location, whatever Local is.
    assert.equal(goTimeString('2024-03-01T10:11:12Z', cet), '2024-03-01 10:11:12 +0000 UTC');
  });

  it('keeps the instant: an offset moves the Unix seconds', () => {
    assert.equal(parseRFC3339('2024-03-01T10:11:12+01:00').sec, parseRFC3339('2024-03-01T09:11:12Z').sec);
  });

  const bad = [
    '',
    '2024-03-01',
    '2024-03-01 10:11:12Z',
    '2024-13-01T10:11:12Z',
    '2023-02-29T10:11:12Z',
    '2024-03-01T24:00:00Z',
    '2024-03-01T10:60:00Z',
    '2024-03-01T10:11:60Z',
    '2024-03-01T10:11:12',
    '2024-03-01T10:11:12+0100',
    '2024-03-01T10:11:12+24:00',
    '2024-03-01T10:11:12.Z',
    '2024-03-01T10:11:12z',
  ];
  for (const s of bad) {
    it(`rejects ${JSON.stringify(s)}`, () => assert.throws(() => parseRFC3339(s), GoTimeParseError));
  }
});

describe('zero time, RFC3339Nano, fields', () => {
  it('the zero Time prints as 0001-01-01 00:00:00 +0000 UTC', () => {
    assert.equal(goTimeString(ZERO_TIME), '0001-01-01 00:00:00 +0000 UTC');
    assert.equal(formatRFC3339Nano(ZERO_TIME), '0001-01-01T00:00:00Z');
    assert.equal(isZeroTime(ZERO_TIME), true);
    assert.equal(isZeroTime(parseRFC3339('0001-01-01T00:00:00Z')), true);
    assert.equal(isZeroTime(parseRFC3339('0001-01-01T00:00:00.000000001Z')), false);
  });
  it('MarshalJSON text trims trailing zeros and writes offsets', () => {
    assert.equal(formatRFC3339Nano(parseRFC3339('2024-03-01T10:11:12.340000000Z')), '2024-03-01T10:11:12.34Z');
    assert.equal(formatRFC3339Nano(parseRFC3339('2024-03-01T10:11:12-05:30')), '2024-03-01T10:11:12-05:30');
  });
  it('calendar arithmetic round-trips', () => {
    for (const [y, m, d] of [[1970, 1, 1], [2000, 2, 29], [1, 1, 1], [0, 3, 1], [9999, 12, 31], [1900, 3, 1]] as const) {
      assert.deepEqual(civilFromDays(daysFromCivil(y, m, d)), [y, m, d]);
    }
    assert.equal(daysFromCivil(1970, 1, 1), 0);
  });
  it('fields: weekday and day of year', () => {
    const f = timeFields(parseRFC3339('2006-01-02T15:04:05Z'));
    assert.deepEqual(f, { year: 2006, month: 1, day: 2, hour: 15, minute: 4, second: 5, yday: 2, weekday: 1 });
    assert.equal(timeFields(parseRFC3339('2024-12-31T00:00:00Z')).yday, 366);
  });
  it('Sub saturates and keeps nanoseconds', () => {
    assert.equal(timeSub('2024-03-01T10:11:12.5Z', '2024-03-01T10:11:12.25Z'), 250_000_000n);
    assert.equal(timeSub('9999-01-01T00:00:00Z', '0001-01-01T00:00:00Z'), (1n << 63n) - 1n);
    assert.equal(timeSub('0001-01-01T00:00:00Z', '9999-01-01T00:00:00Z'), -(1n << 63n));
  });
  it('goTimeOf turns a clock reading into a UTC time', () => {
    assert.equal(goTimeString(goTimeOf(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 600)))), '2024-01-02 03:04:05.6 +0000 UTC');
    assert.equal(goTimeString(goTimeOf(-1n)), '1969-12-31 23:59:59.999999999 +0000 UTC');
  });
});

describe('formatGoTime (Time.Format)', () => {
  const t = parseRFC3339('2006-01-02T15:04:05.123456789-07:00');
  const cases: [string, string][] = [
    ['2006-01-02 15:04:05.999999999 -0700 MST', '2006-01-02 15:04:05.123456789 -0700 -0700'],
    ['Mon Jan _2 15:04:05 2006', 'Mon Jan  2 15:04:05 2006'],
    ['Monday January 2 3:04:05 PM pm', 'Monday January 2 3:04:05 PM pm'],
    ['Z07:00 Z0700 Z07 Z07:00:00 Z070000', '-07:00 -0700 -07 -07:00:00 -070000'],
    ['.000 .9 ,000000 ,999', '.123 .1 ,123456 ,123'],
    ['__2 002 _2 02 2', '  2 002  2 02 2'],
    ['January Jan 01 1', 'January Jan 01 1'],
    ['Janus Monsoon', 'Janus Monsoon'], // a lower-case letter after Jan/Mon blocks the match
    ['06 2006 _2006', '06 2006 _2006'],
    ['15h04m05s', '15h04m05s'],
    ['no layout here', 'no layout here'],
    ['', ''],
  ];
  for (const [layout, want] of cases) {
    it(JSON.stringify(layout), () => assert.equal(formatGoTime(t, layout), want));
  }

  interface Golden {
    inspect: string;
    cases: { template: string; stdout: string; code: number }[];
  }
  for (const name of ['node-self', 'node-worker', 'service', 'task', 'secret', 'config']) {
    it(`matches docker 28's {{.CreatedAt.Format …}} for ${name} (golden)`, () => {
      const g = JSON.parse(readGolden(`typed/${name}.json`)) as Golden;
      const created = (JSON.parse(g.inspect) as { CreatedAt: string }[])[0]?.CreatedAt ?? '';
      const time = parseRFC3339(created);
      let n = 0;
      for (const c of g.cases) {
        const m = /^\{\{\.CreatedAt\.Format (".*")\}\}$/.exec(c.template);
        if (!m?.[1]) continue;
        const layout = JSON.parse(m[1]) as string;
        assert.equal(formatGoTime(time, layout) + '\n', c.stdout, layout);
        n++;
      }
      assert.ok(n >= 9, 'layouts were captured');
      const str = g.cases.find((c) => c.template === '{{.CreatedAt}}');
      assert.equal(goTimeString(created) + '\n', str?.stdout);
    });
  }
});
