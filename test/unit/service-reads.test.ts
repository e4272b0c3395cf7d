/**
 * `service ls`, `service ps`, `service inspect` (JSON, templates, --pretty), `service logs`
 * and `node ps` against docker 28's own output for the same swarm state
 * (test/golden/service/*.json, captured by test/capture/service.mjs): real lab bodies (a
 * rolling-update history, failing, rejected and pending tasks, max-per-node, global with
 * host-mode ports, jobs, scale 0, every --pretty section, paused and rolled-back updates, TTY)
 * and variants (node-3 drained, node-3 killed, an API 1.40 engine, canned log streams with
 * extra details and malformed contexts), replayed at the clock reading saved with them.
 *
 * The whole path runs: argument parsing, transport, engine, command, renderer, against a fake
 * daemon serving the state; the pure renderers are also checked on their own.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { main } from '../../src/cli.ts';
import { renderServiceList, servicePorts, type ListedService } from '../../src/render/service-list.ts';
import { renderServiceInspectPretty } from '../../src/render/service-inspect.ts';
import {
  StdDemuxer,
  formatLogLine,
  parseLogDetails,
  parseLogLine,
  queryUnescape,
  taskPrefix,
} from '../../src/render/service-logs.ts';
import { getTimestamp } from '../../src/render/timestamp.ts';
import { type FakeDaemon, startFakeDaemon } from '../support/fake-daemon.ts';
import { type ReadState, readRoutes } from '../support/service-read-routes.ts';
import { fakeIO } from '../support/fakeio.ts';
import { readGolden } from '../support/golden.ts';

interface Case {
  args: string[];
  config?: Record<string, string>;
  shift?: boolean;
  stdout: string;
  stderr: string;
  code: number;
}

interface Golden {
  client: string;
  now: string;
  state: ReadState;
  cases: Case[];
}

const load = (name: string) => JSON.parse(readGolden(`service/${name}.json`)) as Golden;

function replay(name: string): void {
  const g = load(name);
  describe(`tsw replays docker ${g.client}: ${name} (fake daemon serving the state)`, () => {
    let daemon: FakeDaemon;
    let cfgDir = '';
    before(async () => {
      daemon = await startFakeDaemon(readRoutes(g.state));
      cfgDir = mkdtempSync(join(tmpdir(), 'tsw-svc-cfg-'));
    });
    after(async () => {
      await daemon.close();
      rmSync(cfgDir, { recursive: true, force: true });
    });
    for (const c of g.cases) {
      it(`docker ${c.args.join(' ')}${c.config ? ' (config.json)' : ''}`, async () => {
        const env: Record<string, string> = { DOCKER_HOST: daemon.host };
        if (c.config) {
          writeFileSync(join(cfgDir, 'config.json'), JSON.stringify(c.config));
          env['DOCKER_CONFIG'] = cfgDir;
        }
        const f = fakeIO({ env, now: new Date(g.now) });
        const code = await main(c.args, f.io);
        assert.equal(f.stdout(), c.stdout);
        assert.equal(f.stderr(), c.stderr);
        assert.equal(code, c.code);
      });
    }
  });
}

for (const name of ['ls', 'inspect', 'pretty', 'ps', 'logs', 'drained', 'killed', 'api140']) replay(name);

describe('renderServiceList (fixture + docker 28 output)', () => {
  const g = load('ls');
  for (const c of g.cases.filter((x) => x.code === 0 && !x.config)) {
    it(c.args.slice(2).join(' ') || '(table)', () => {
      const i = c.args.indexOf('--format');
      const format = i >= 0 ? (c.args[i + 1] as string) : 'table';
      assert.equal(renderServiceList(g.state.services as unknown as ListedService[], format, c.args.includes('-q')), c.stdout);
    });
  }
  it('PORTS ranges (the examples of docker\'s formatter comment)', () => {
    const p = (pairs: [number, number][], mode = 'ingress', proto = 'tcp') =>
      pairs.map(([PublishedPort, TargetPort]) => ({ PublishedPort, TargetPort, Protocol: proto, PublishMode: mode }));
    assert.equal(servicePorts(p([[80, 80], [81, 81], [82, 82]])), '*:80-82->80-82/tcp');
    assert.equal(servicePorts(p([[80, 80], [81, 80]])), '*:80-81->80/tcp');
    assert.equal(servicePorts(p([[80, 80], [81, 81], [82, 80]])), '*:80-81->80-81/tcp, *:82->80/tcp');
    assert.equal(servicePorts([...p([[90, 9]], 'ingress', 'udp'), ...p([[80, 80]])]), '*:80->80/tcp, *:90->9/udp');
    assert.equal(servicePorts(p([[80, 80]], 'host')), '');
    assert.equal(servicePorts(null), '');
  });
});

describe('renderServiceInspectPretty (fixture + docker 28 output)', () => {
  const g = load('pretty');
  const byName = new Map(g.state.services.map((s) => [(s as { Spec: { Name: string } }).Spec.Name, s]));
  const names = new Map((g.state.networks ?? []).map((n) => [n['Id'] as string, n['Name'] as string]));
  for (const c of g.cases.filter((x) => x.code === 0 && x.args[2] === '--pretty')) {
    it(c.args.slice(3).join(' '), () => {
      const services = c.args.slice(3).map((n) => ({ service: byName.get(n), networkNames: names }));
      assert.equal(renderServiceInspectPretty(services, new Date(g.now)), c.stdout);
    });
  }
});

describe('service logs pieces', () => {
  it('demultiplexes frames cut anywhere, stdin as stdout, stops at a partial frame', () => {
    const frame = (kind: number, text: string) => {
      const b = Buffer.from(text);
      const h = Buffer.alloc(8);
      h[0] = kind;
      h.writeUInt32BE(b.length, 4);
      return Buffer.concat([h, b]);
    };
    const all = Buffer.concat([frame(1, 'a\n'), frame(2, 'bb\n'), frame(0, 'c'), frame(1, 'partial')]).subarray(0, -3);
    const d = new StdDemuxer();
    const got = [];
    for (let i = 0; i < all.length; i += 3) got.push(...d.push(all.subarray(i, i + 3)));
    assert.deepEqual(
      got.map((f) => [f.stream, f.data.toString()]),
      [['stdout', 'a\n'], ['stderr', 'bb\n'], ['stdout', 'c']],
    );
    assert.throws(() => new StdDemuxer().push(frame(3, 'boom')), /^Error: error from daemon in stream: boom$/);
    assert.throws(() => new StdDemuxer().push(frame(7, 'x')), /Unrecognized input header: 7/);
    const r = new StdDemuxer().pushFrames(Buffer.concat([frame(1, 'before\n'), frame(3, 'boom'), frame(1, 'after\n')]));
    assert.deepEqual(r.frames.map((f) => f.data.toString()), ['before\n']);
    assert.match(r.error?.message ?? '', /boom/);
  });

  it('details: query-unescaped, sorted "k=v" pairs; Go\'s errors', () => {
    assert.equal(queryUnescape('a+b%2Cc'), 'a b,c');
    assert.throws(() => queryUnescape('x%zzy'), /^Error: invalid URL escape "%zz"$/);
    assert.throws(() => queryUnescape('x%4'), /invalid URL escape "%4"/);
    assert.throws(() => parseLogDetails('novalue'), /invalid details format/);
    assert.throws(() => parseLogDetails('=v'), /invalid details format/);
    const line = parseLogLine(
      Buffer.from('2026-01-02T03:04:05Z com.docker.swarm.node.id=n,com.docker.swarm.service.id=s,com.docker.swarm.task.id=t,z=1,a=%E2%9C%93 the message\n'),
      true,
    );
    assert.deepEqual(line.context, { nodeID: 'n', serviceID: 's', taskID: 't' });
    const out = formatLogLine(line, 'web.1.abc@node-1', true).toString('utf8');
    assert.equal(out, '2026-01-02T03:04:05Z web.1.abc@node-1    | a=✓,z=1 the message\n');
    assert.throws(() => parseLogLine(Buffer.from('nospace'), false), /invalid context in log message: nospace/);
  });

  it('task prefix: slot padded to the replica count\'s digits, IDs cut to 12', () => {
    const base = { serviceName: 'web', taskID: 'abcdefghijklmnopqrstuvwxy', nodeName: 'node-1', noTaskIDs: false, noTrunc: false };
    assert.equal(taskPrefix({ ...base, slot: 1, padding: 2 }), 'web.1.abcdefghijkl@node-1 ');
    assert.equal(taskPrefix({ ...base, slot: 10, padding: 2 }), 'web.10.abcdefghijkl@node-1');
    assert.equal(taskPrefix({ ...base, slot: 0, padding: 1, noTaskIDs: true }), 'web.0@node-1');
    assert.equal(taskPrefix({ ...base, slot: 3, padding: 1, noTrunc: true }), 'web.3.abcdefghijklmnopqrstuvwxy@node-1');
  });
});

describe('--since (GetTimestamp)', () => {
  const now = 1_767_323_045_123_456_789n; // 2026-01-02T03:04:05.123456789Z
  it('durations are relative to now (whole seconds)', () => {
    assert.equal(getTimestamp('10m', now, 0), '1767322445');
    assert.equal(getTimestamp('-1h', now, 0), '1767326645');
    assert.equal(getTimestamp('1.5s', now, 0), '1767323043');
  });
  it('dates and times, local unless a zone is given', () => {
    assert.equal(getTimestamp('2000-01-02', now, 0), '946771200.000000000');
    assert.equal(getTimestamp('2000-01-02', now, 3600), '946767600.000000000');
    assert.equal(getTimestamp('2000-01-02T03:04:05Z', now, 3600), '946782245.000000000');
    assert.equal(getTimestamp('2000-01-02T03:04:05.5+01:00', now, 0), '946778645.500000000');
    assert.equal(getTimestamp('2000-01-02T03', now, 0), '946782000.000000000');
    assert.equal(getTimestamp('2000-01-02T03:04', now, 0), '946782240.000000000');
    assert.equal(getTimestamp('2000-01-02Z', now, 3600), '946771200.000000000');
  });
  it('Unix timestamps pass through; "0" is one', () => {
    assert.equal(getTimestamp('0', now, 0), '0');
    assert.equal(getTimestamp('946782245', now, 0), '946782245');
    assert.equal(getTimestamp('946782245.5', now, 0), '946782245.5');
  });
  it('Go\'s errors', () => {
    assert.throws(() => getTimestamp('xyz', now, 0), /^Error: failed to parse value as time or duration: "xyz"$/);
    assert.throws(() => getTimestamp('2000-13-01', now, 0), /^Error: parsing time "2000-13-01": month out of range$/);
    assert.throws(() => getTimestamp('2000-02-30', now, 0), /^Error: parsing time "2000-02-30": day out of range$/);
    assert.throws(() => getTimestamp('2000-01-02T25:00', now, 0), /^Error: parsing time "2000-01-02T25:00": hour out of range$/);
    assert.throws(
      () => getTimestamp('2000-01-02T03:04:05+0100', now, 0),
      /^Error: parsing time "2000-01-02T03:04:05\+0100" as "2006-01-02T15:04Z07:00": cannot parse ":05\+0100" as "Z07:00"$/,
    );
    assert.throws(() => getTimestamp('2000-1-02', now, 0), /^Error: parsing time "2000-1-02" as "2006-01-02": cannot parse "1-02" as "01"$/);
    assert.throws(() => getTimestamp('2000-01-02x', now, 0), /^Error: parsing time "2000-01-02x": extra text: "x"$/);
  });
});
