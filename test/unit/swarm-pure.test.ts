/**
 * The pure parts behind the swarm commands, checked against what docker itself produced on
 * the fake daemon (test/golden/swarm/, captured by test/capture/swarm.mjs): external-ca CSV
 * parsing, CIDR normalisation, Go integer syntax, spec merging and encoding, and the
 * jsonmessage progress rendering of a root rotation (terminal and not).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseGoInt, parseGoUint } from '../../src/go/strconv.ts';
import { ipNetString, parseCIDR } from '../../src/go/net.ts';
import { mergeSwarmSpec, parseExternalCA } from '../../src/commands/swarm/opts.ts';
import { initialEvents, rotationProgress } from '../../src/commands/swarm/rotation.ts';
import { parseExact } from '../../src/go/json.ts';
import { encodeSpec, type Swarm } from '../../src/engine/swarm.ts';
import type { SwarmNode } from '../../src/engine/types.ts';
import { renderProgress, type ProgressEvent } from '../../src/render/progress.ts';
import { nodeFixture, swarmFixture, TRUST_ROOT } from '../support/swarm-routes.ts';
import { goldenPath } from '../support/golden.ts';

interface Golden {
  args: string[];
  stdout: string;
  requests: Array<{ method: string; url: string; body: string }>;
}

const golden = (name: string) => JSON.parse(readFileSync(goldenPath(`swarm/${name}.json`), 'utf8')) as Golden;
/** The decoded body of docker's first POST in a case. */
const postBody = (name: string) => parseExact(golden(name).requests.find((r) => r.method === 'POST')?.body ?? '') as Record<string, unknown>;
/** The values of every `--flag` in a case's argv. */
const flagValues = (name: string, flag: string) => golden(name).args.flatMap((a, i, all) => (a === flag ? [all[i + 1] ?? ''] : []));

describe('external-ca values (opts.go parseExternalCA)', () => {
  for (const name of ['init-external-ca-csv', 'init-all-flags']) {
    it(`parse as docker sent them: ${name}`, () => {
      const sent = ((postBody(name)['Spec'] as Record<string, Record<string, unknown>>)['CAConfig']?.['ExternalCAs'] ?? []) as Array<Record<string, unknown>>;
      const parsed = flagValues(name, '--external-ca').map(parseExternalCA);
      assert.equal(parsed.length, sent.length);
      parsed.forEach((ca, i) => {
        const want = sent[i] ?? {};
        assert.equal(ca.Protocol, want['Protocol']);
        assert.equal(ca.URL, want['URL']);
        assert.equal(ca.CACert, want['CACert']);
        assert.deepEqual(ca.Options ?? {}, want['Options'] ?? {});
      });
    });
  }
});

/** What --default-addr-pool keeps of a value: the network as IPNet.String prints it. */
const ipNetOf = (s: string) => {
  const cidr = parseCIDR(s);
  return cidr && ipNetString(cidr.net);
};

describe('--default-addr-pool (net.ParseCIDR, IPNet.String)', () => {
  it('normalises networks as docker sent them', () => {
    const fields = flagValues('init-addr-pool-forms', '--default-addr-pool')
      .map((v) => v.replace(/["'`]/g, '').split('\n').find((l) => l !== '') ?? '')
      .flatMap((line) => line.split(','));
    assert.deepEqual(fields.map((f) => ipNetOf(f.trim())), postBody('init-addr-pool-forms')['DefaultAddrPool']);
  });
  it('rejects what docker rejected', () => {
    for (const name of ['flag-ipnet-no-mask', 'flag-ipnet-leading-zero', 'flag-ipnet-mask-too-long']) {
      assert.equal(ipNetOf(flagValues(name, '--default-addr-pool')[0] ?? ''), undefined, name);
    }
  });
});

describe('integer flags (strconv.ParseInt/ParseUint with base 0)', () => {
  it('read prefixes and underscores as docker did', () => {
    const body = postBody('init-number-forms');
    const spec = body['Spec'] as { Orchestration: { TaskHistoryRetentionLimit: number }; Raft: { SnapshotInterval: number; KeepOldSnapshots: number } };
    assert.equal(parseGoInt(flagValues('init-number-forms', '--task-history-limit')[0] ?? '', 0, 64), BigInt(spec.Orchestration.TaskHistoryRetentionLimit));
    assert.equal(parseGoUint(flagValues('init-number-forms', '--max-snapshots')[0] ?? '', 0, 64), BigInt(spec.Raft.KeepOldSnapshots));
    assert.equal(parseGoUint(flagValues('init-number-forms', '--snapshot-interval')[0] ?? '', 0, 64), BigInt(spec.Raft.SnapshotInterval));
    assert.equal(parseGoUint(flagValues('init-number-forms', '--data-path-port')[0] ?? '', 0, 32), BigInt(body['DataPathPort'] as number));
  });
  it('keep 64-bit values exact', () => {
    const spec = (postBody('init-big-numbers')['Spec'] ?? {}) as { Raft: { KeepOldSnapshots: bigint }; Orchestration: { TaskHistoryRetentionLimit: bigint } };
    assert.equal(parseGoUint('18446744073709551615', 0, 64), spec.Raft.KeepOldSnapshots);
    assert.equal(parseGoInt('9223372036854775807', 0, 64), spec.Orchestration.TaskHistoryRetentionLimit);
  });
});

describe('spec merging and encoding (mergeSwarmSpec, encoding/json)', () => {
  it('update --external-ca: CAs without a cert get the trust root; bytes as docker sent them', () => {
    const sw = parseExact(JSON.stringify(swarmFixture({ externalCA: true }))) as Swarm;
    const externalCA = flagValues('update-external-ca', '--external-ca').map(parseExternalCA);
    const spec = mergeSwarmSpec(sw.Spec, { externalCA }, TRUST_ROOT);
    assert.equal(`${encodeSpec(spec).text}\n`, golden('update-external-ca').requests.find((r) => r.method === 'POST')?.body);
  });
  it('a spec with uint64/int64 values beyond 2^53 goes back unchanged but for the flag', () => {
    const raw = golden('update-big-numbers').requests.find((r) => r.method === 'POST')?.body ?? '';
    const fixture = swarmFixture({ big: true });
    const text = JSON.stringify(fixture, (_k, v: unknown) => (typeof v === 'bigint' ? `@${v}` : v)).replace(/"@(\d+)"/g, '$1');
    const sw = parseExact(text) as Swarm;
    const spec = mergeSwarmSpec(sw.Spec, { dispatcherHeartbeat: 1_000_000_000n });
    assert.equal(`${encodeSpec(spec).text}\n`, raw);
  });
  it('init from a zero spec', () => {
    const spec = mergeSwarmSpec({}, { taskHistoryLimit: -5n, maxSnapshots: 7n, snapshotInterval: 1000n });
    const sent = golden('init-number-forms').requests[0]?.body ?? '';
    assert.ok(sent.includes(`"Spec":${encodeSpec(spec).text},`));
  });
});

describe('root rotation progress (jsonmessage display)', () => {
  // The node states the fake daemon served in the `rotating` scenario, poll by poll.
  const steps = [
    { certsRight: 0, rootsRight: 0, total: 3, inProgress: true },
    { certsRight: 1, rootsRight: 0, total: 3, inProgress: true },
    { certsRight: 3, rootsRight: 0, total: 3, inProgress: true },
    { certsRight: 3, rootsRight: 1, total: 3, inProgress: false },
    { certsRight: 3, rootsRight: 3, total: 3, inProgress: false },
  ];
  const desired = (swarmFixture() as { TLSInfo: { TrustRoot: string; CertIssuerSubject: string; CertIssuerPublicKey: string } }).TLSInfo;
  const events: ProgressEvent[] = [...initialEvents];
  for (const s of steps) {
    const nodes = Array.from({ length: s.total }, (_, i) =>
      nodeFixture(i === 0, {
        TrustRoot: i < s.rootsRight ? TRUST_ROOT : 'old root',
        CertIssuerSubject: desired.CertIssuerSubject,
        CertIssuerPublicKey: i < s.certsRight ? desired.CertIssuerPublicKey : 'b2xk',
      }),
    ) as unknown as SwarmNode[];
    const step = rotationProgress(desired, nodes, s.inProgress);
    events.push(...step.events);
    assert.equal(step.done, s === steps[steps.length - 1]);
  }
  const progressPart = (name: string) => golden(name).stdout.split('-----BEGIN')[0] ?? '';

  it('not a terminal: only the lines without a bar', () => {
    assert.equal(renderProgress(events, { isTTY: false, width: 200 }), progressPart('ca-rotate-progress'));
  });
  it('terminal, 150 columns: bars, lines redrawn in place', () => {
    assert.equal(renderProgress(events, { isTTY: true, width: 150 }).replace(/\n/g, '\r\n'), progressPart('ca-rotate-tty-wide'));
  });
  it('terminal, 80 columns: counts without bars', () => {
    assert.equal(renderProgress(events, { isTTY: true, width: 80 }).replace(/\n/g, '\r\n'), progressPart('ca-rotate-tty-narrow'));
  });
});
