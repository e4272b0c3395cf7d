/**
 * `network` pieces without a daemon: the IPAM consolidation (docker's messages), the request
 * `network create` sends, the list rows, the ingress prompt and rm's error handling, connect's
 * flag checks and prune's filters (config.json pruneFilters) and prompt. The
 * daemon-facing behaviour is compared with docker in test/integration/network.test.ts.
 */
import assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { createIPAMConfig, subnetMatches } from '../../src/commands/network/ipam.ts';
import { run as runCreate } from '../../src/commands/network/create.ts';
import { convertDriverOpts, validateLink } from '../../src/commands/network/connect.ts';
import { PRUNE_WARNING, pruneFilters, run as runPrune } from '../../src/commands/network/prune.ts';
import { readClientConfig } from '../../src/configfile.ts';
import { INGRESS_WARNING, run as runRm } from '../../src/commands/network/rm.ts';
import { confirmUnlessInterrupted } from '../../src/commands/prompt.ts';
import type { Deps } from '../../src/deps.ts';
import type { Engine, RequestOptions } from '../../src/engine/types.ts';
import { DaemonError, StatusError } from '../../src/errors.ts';
import { renderNetworkList } from '../../src/render/network-list.ts';

const base = { driver: 'default', subnets: [], ipRanges: [], gateways: [], auxAddresses: {}, driverOpts: {} };

function ipamError(opts: Partial<Parameters<typeof createIPAMConfig>[0]>): string {
  try {
    createIPAMConfig({ ...base, ...opts });
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

describe('network create IPAM (createIPAMConfig)', () => {
  it('groups range, gateway and aux addresses under their subnet', () => {
    const ipam = createIPAMConfig({
      ...base,
      subnets: ['10.1.0.0/16', 'fd00:1::/64'],
      ipRanges: ['10.1.2.0/24'],
      gateways: ['fd00:1::1', '10.1.0.254'],
      auxAddresses: { b: '10.1.9.9', a: 'fd00:1::9' },
      driverOpts: { z: '1', a: '' },
    });
    assert.deepEqual(JSON.parse(JSON.stringify(ipam)), {
      Driver: 'default',
      Options: { a: '', z: '1' },
      Config: [
        { Subnet: '10.1.0.0/16', IPRange: '10.1.2.0/24', Gateway: '10.1.0.254', AuxiliaryAddresses: { b: '10.1.9.9' } },
        { Subnet: 'fd00:1::/64', Gateway: 'fd00:1::1', AuxiliaryAddresses: { a: 'fd00:1::9' } },
      ],
    });
    assert.equal(JSON.stringify(ipam.Options), '{"a":"","z":"1"}');
  });

  it('gives an empty config list and no options when nothing is set', () => {
    assert.equal(JSON.stringify(createIPAMConfig(base)), '{"Driver":"default","Options":{},"Config":[]}');
  });

  it("fails with docker's messages", () => {
    assert.equal(ipamError({ ipRanges: ['10.0.0.0/24'] }), 'every ip-range or gateway must have a corresponding subnet');
    assert.equal(ipamError({ subnets: ['10.0.0.0/16', '10.0.1.0/24'] }), 'multiple overlapping subnet configuration is not supported');
    assert.equal(ipamError({ subnets: ['10.0.0.0/16', '10.0.0.0/16'] }), 'multiple overlapping subnet configuration is not supported');
    assert.equal(ipamError({ subnets: ['10.0.0.0/16', 'foo'] }), 'invalid subnet: invalid CIDR address: foo');
    // The first subnet is only parsed once a second one is compared with it.
    assert.equal(ipamError({ subnets: ['foo', '10.0.0.0/16'] }), 'invalid subnet: invalid CIDR address: foo');
    assert.equal(ipamError({ subnets: ['foo/x', '10.0.0.0/16'] }), 'invalid CIDR address: foo/x');
    assert.equal(ipamError({ subnets: ['foo'] }), '');
    assert.equal(ipamError({ subnets: ['10.0.0.0/16'], ipRanges: ['bad'] }), 'invalid CIDR address: bad');
    assert.equal(ipamError({ subnets: ['10.0.0.0/16'], ipRanges: ['10.9.0.0/24'] }), 'no matching subnet for range 10.9.0.0/24');
    assert.equal(
      ipamError({ subnets: ['10.0.0.0/16', '10.1.0.0/16'], ipRanges: ['10.0.1.0/24', '10.0.2.0/24'] }),
      'cannot configure multiple ranges (10.0.2.0/24, 10.0.1.0/24) on the same subnet (10.0.0.0/16)',
    );
    assert.equal(ipamError({ subnets: ['10.0.0.0/16'], gateways: ['bad'] }), 'no matching subnet for gateway bad');
    assert.equal(
      ipamError({ subnets: ['10.0.0.0/16', '10.1.0.0/16'], gateways: ['10.0.0.1', '10.0.0.2'] }),
      'cannot configure multiple gateways (10.0.0.2, 10.0.0.1) for the same subnet (10.0.0.0/16)',
    );
    assert.equal(ipamError({ subnets: ['10.0.0.0/16'], auxAddresses: { a: '10.5.0.1' } }), 'no matching subnet for aux-address 10.5.0.1');
    assert.equal(ipamError({ subnets: ['10.0.0.0/33'], gateways: ['10.0.0.1'] }), 'invalid subnet: invalid CIDR address: 10.0.0.0/33');
  });

  it('matches addresses as net.IPNet.Contains does', () => {
    assert.equal(subnetMatches('10.0.0.0/8', '10.255.1.1'), true);
    assert.equal(subnetMatches('10.0.0.0/8', '11.0.0.1'), false);
    assert.equal(subnetMatches('10.0.0.0/8', '::ffff:10.0.0.1'), true);
    assert.equal(subnetMatches('::ffff:10.0.0.0/104', '10.0.0.1'), true);
    assert.equal(subnetMatches('fd00::/8', '10.0.0.1'), false);
    assert.equal(subnetMatches('fd00::/8', 'fdff::1'), true);
    assert.equal(subnetMatches('10.0.0.0/8', '10.1.0.0/24'), true);
    assert.equal(subnetMatches('10.1.0.0/16', '10.0.0.0/8'), false);
    assert.equal(subnetMatches('0.0.0.0/0', '1.2.3.4'), true);
    assert.equal(subnetMatches('10.0.0.0/008', '10.1.2.3'), true);
  });
});

interface Seen {
  readonly requests: RequestOptions[];
}

function fakeDeps(handler: (r: RequestOptions) => unknown, stdin: Deps['stdin'] = Readable.from([''])): Deps & Seen & { out(): string; err(): string } {
  const requests: RequestOptions[] = [];
  let out = '';
  let err = '';
  const engine = {
    host: 'unix:///fake.sock',
    apiVersion: async () => '1.41',
    request: async (r: RequestOptions) => {
      requests.push(r);
      const value = handler(r);
      return { value, raw: JSON.stringify(value) };
    },
  } as unknown as Engine;
  const deps = {
    stdout: { isTTY: false, columns: 0, write: (t: string) => void (out += t) },
    stderr: { isTTY: false, columns: 0, write: (t: string) => void (err += t) },
    stdin,
    env: {},
    now: () => new Date(0),
    engine: async () => engine,
    config: {},
    globals: {},
    system: {},
  } as unknown as Deps;
  return Object.assign(deps, { requests, out: () => out, err: () => err });
}

const createDefaults = {
  driver: 'bridge',
  opts: [],
  labels: [],
  internal: false,
  attachable: false,
  ingress: false,
  scope: '',
  configOnly: false,
  configFrom: '',
  ipamDriver: 'default',
  subnets: [],
  ipRanges: [],
  gateways: [],
  auxAddresses: [],
  ipamOpts: [],
};

describe('network create request', () => {
  it('sends CreateRequest in Go field order, ipv4/ipv6 only when given, CheckDuplicate before API 1.44', async () => {
    const deps = fakeDeps(() => ({ Id: 'abc', Warning: '' }));
    await runCreate({ ...createDefaults, name: 'n1' }, deps);
    await runCreate(
      {
        ...createDefaults,
        name: 'n2',
        driver: 'overlay',
        ipv4: false,
        ipv6: true,
        opts: ['encrypted', 'b=2', 'b=3'],
        labels: ['z=1', 'a', 'h=<&>'],
        configFrom: 'src',
        subnets: ['10.5.0.0/24'],
      },
      deps,
    );
    assert.equal(deps.out(), 'abc\nabc\n');
    assert.equal(deps.requests[0]?.method, 'POST');
    assert.equal(deps.requests[0]?.path, '/networks/create');
    assert.equal(
      deps.requests[0]?.bodyJSON,
      '{"Driver":"bridge","Scope":"","IPAM":{"Driver":"default","Options":{},"Config":[]},"Internal":false,"Attachable":false,' +
        '"Ingress":false,"ConfigOnly":false,"ConfigFrom":null,"Options":{},"Labels":{},"Name":"n1","CheckDuplicate":true}',
    );
    assert.equal(
      deps.requests[1]?.bodyJSON,
      '{"Driver":"overlay","Scope":"","EnableIPv4":false,"EnableIPv6":true,"IPAM":{"Driver":"default","Options":{},' +
        '"Config":[{"Subnet":"10.5.0.0/24"}]},"Internal":false,"Attachable":false,"Ingress":false,"ConfigOnly":false,' +
        '"ConfigFrom":{"Network":"src"},"Options":{"b":"3","encrypted":""},"Labels":{"a":"","h":"\\u003c\\u0026\\u003e","z":"1"},"Name":"n2","CheckDuplicate":true}',
    );
  });

  it('stops before any request when the IPAM flags do not fit together', async () => {
    const deps = fakeDeps(() => ({}));
    await assert.rejects(
      runCreate({ ...createDefaults, name: 'n', gateways: ['10.0.0.1'] }, deps),
      (e: unknown) => e instanceof StatusError && e.status === 1 && e.message === 'every ip-range or gateway must have a corresponding subnet',
    );
    assert.equal(deps.requests.length, 0);
  });
});

describe('network ls rows', () => {
  const nets = [
    { Id: 'b'.repeat(64), Name: 'net10', Driver: 'bridge', Scope: 'local', Created: '2026-01-02T03:04:05.5Z', Labels: { b: '2', a: '<1>' } },
    { Id: 'a1b2c3d4e5f6g7h8i9j0k1l2m', Name: 'net2', Driver: 'overlay', Scope: 'swarm', Internal: true, Created: '2026-01-02T03:04:05+01:00', Labels: null },
  ];

  it('sorts names naturally, truncates IDs unless --no-trunc', () => {
    assert.equal(
      renderNetworkList(nets, 'table', false, false),
      'NETWORK ID     NAME      DRIVER    SCOPE\na1b2c3d4e5f6   net2      overlay   swarm\nbbbbbbbbbbbb   net10     bridge    local\n',
    );
    assert.equal(renderNetworkList(nets, 'table', true, true), `a1b2c3d4e5f6g7h8i9j0k1l2m\n${'b'.repeat(64)}\n`);
    assert.equal(renderNetworkList(nets, 'raw', true, false), 'network_id: a1b2c3d4e5f6\nnetwork_id: bbbbbbbbbbbb\n');
  });

  it('exposes every field, Label and json as docker does', () => {
    assert.equal(
      renderNetworkList(nets, 'table {{.Name}}\t{{.Internal}}\t{{.IPv4}}\t{{.Labels}}\t{{.Label "a"}}\t{{.CreatedAt}}', false, false),
      'NAME      INTERNAL   IPV4      LABELS      a         CREATED AT\n' +
        'net2      true       false                           2026-01-02 03:04:05 +0100 +0100\n' +
        'net10     false      false     a=<1>,b=2   <1>       2026-01-02 03:04:05.5 +0000 UTC\n',
    );
    assert.equal(
      renderNetworkList([nets[0] as (typeof nets)[0]], 'json', false, false),
      `{"CreatedAt":"2026-01-02 03:04:05.5 +0000 UTC","Driver":"bridge","ID":"bbbbbbbbbbbb","IPv4":"false","IPv6":"false",` +
        `"Internal":"false","Labels":"a=\\u003c1\\u003e,b=2","Name":"net10","Scope":"local"}\n`,
    );
  });
});

describe('network rm', () => {
  it('asks before removing the ingress network: only y/Y (spaces trimmed) is yes', async () => {
    for (const [input, yes] of [
      ['y\n', true],
      [' Y \r\n', true],
      ['y', true],
      ['n\n', false],
      ['yes\n', false],
      ['\n', false],
      ['', false],
    ] as const) {
      const deps = fakeDeps(() => ({}), Readable.from(input === '' ? [] : [input]));
      assert.equal(await confirmUnlessInterrupted(deps, 'Sure?'), yes, JSON.stringify(input));
      assert.equal(deps.out(), 'Sure? [y/N] ');
    }
  });

  it('skips the ingress network on "n" and on closed stdin without calling DELETE', async () => {
    for (const input of ['n\n', '']) {
      const deps = fakeDeps((r) => (r.method === 'GET' ? { Name: 'ingress', Ingress: true } : {}), Readable.from(input === '' ? [] : [input]));
      await runRm({ networks: ['ingress'], force: false }, deps);
      assert.deepEqual(deps.requests.map((r) => r.method), ['GET']);
      assert.equal(deps.out(), `${INGRESS_WARNING} [y/N] `);
    }
  });

  it('a second prompt does not see what the first one read with its line (bufio.Scanner buffers it)', async () => {
    for (const chunks of [['n\ny\n'], ['n\n', 'y\n']]) {
      const deps = fakeDeps((r) => (r.method === 'GET' ? { Ingress: true } : {}), Readable.from(chunks));
      await runRm({ networks: ['ingress', 'ingress'], force: false }, deps);
      const deletes = deps.requests.filter((r) => r.method === 'DELETE').length;
      assert.equal(deletes, chunks.length === 1 ? 0 : 1, JSON.stringify(chunks));
      assert.equal(deps.out().startsWith(`${INGRESS_WARNING} [y/N] ${INGRESS_WARNING} [y/N] `), true);
    }
  });

  it('reads the answer from a stream that arrives later', async () => {
    const stdin = new PassThrough();
    const deps = fakeDeps((r) => (r.method === 'GET' ? { Ingress: true } : {}), stdin);
    const done = runRm({ networks: ['ingress'], force: false }, deps);
    setTimeout(() => stdin.end('y\n'), 10);
    await done;
    assert.deepEqual(deps.requests.map((r) => r.method), ['GET', 'DELETE']);
    assert.equal(deps.out(), `${INGRESS_WARNING} [y/N] ingress\n`);
  });

  it('SIGINT at the prompt: a newline, nothing removed, the rest skipped, status 0 without a message (a cancelled error)', async () => {
    const stdin = new PassThrough();
    const deps = fakeDeps((r) => (r.method === 'GET' ? { Ingress: true } : {}), stdin);
    let handler: (() => void) | undefined;
    let stopped = false;
    const withSignals = Object.assign(deps, {
      onInterrupt: (h: () => void) => {
        handler = h;
        return () => void (stopped = true);
      },
    });
    const done = runRm({ networks: ['ingress', 'other'], force: false }, withSignals);
    // Interrupt once the prompt has installed its handler: a fixed 10 ms lost the race on a busy machine.
    const interrupt = (): void => void (handler ? handler() : setTimeout(interrupt, 5));
    setTimeout(interrupt, 10);
    await done;
    assert.equal(stopped, true);
    assert.deepEqual(deps.requests.map((r) => r.method), ['GET']);
    assert.equal(deps.out(), `${INGRESS_WARNING} [y/N] \n`);
    assert.equal(deps.err(), '');
  });

  it('prints errors at once, skips missing ones with -f, ends with "exit status 1"', async () => {
    const handler = (r: RequestOptions) => {
      if (r.path === '/networks/gone') throw new DaemonError('network gone not found', 404);
      if (r.method === 'DELETE' && r.path === '/networks/busy') throw new DaemonError('error while removing network: network busy id x has active endpoints', 403);
      return {};
    };
    const deps = fakeDeps(handler);
    await assert.rejects(runRm({ networks: ['a', 'gone', 'busy', 'b'], force: true }, deps), (e: unknown) => e instanceof StatusError && e.status === 1 && e.message === 'exit status 1');
    assert.equal(deps.out(), 'a\nb\n');
    assert.equal(deps.err(), 'Error response from daemon: error while removing network: network busy id x has active endpoints\n');
    const deps2 = fakeDeps(handler);
    await assert.rejects(runRm({ networks: ['gone'], force: false }, deps2));
    assert.equal(deps2.err(), 'Error response from daemon: network gone not found\n');
    const deps3 = fakeDeps(handler);
    await runRm({ networks: ['gone'], force: true }, deps3);
    assert.equal(deps3.out() + deps3.err(), '');
  });
});

describe('network connect flag checks', () => {
  it('--link: opts.ValidateLink refuses only "" and a second ":"', () => {
    for (const ok of ['c', 'c:a', '/c:/x/a', ':', 'c:']) assert.equal(validateLink(ok), ok);
    assert.throws(() => validateLink(''), /^Error: empty string specified for links$/);
    assert.throws(() => validateLink('a:b:c'), /^Error: bad format for links: a:b:c$/);
  });

  it('--driver-opt: KEY=VALUE trimmed, a later key wins; no "=" or an empty key is an error', () => {
    assert.deepEqual(convertDriverOpts([' k = v ', 'x=', 'k=w=1']), { k: 'w=1', x: '' });
    for (const bad of ['k', '=v', ' =v']) {
      assert.throws(
        () => convertDriverOpts([bad]),
        (e: unknown) => e instanceof StatusError && e.status === 1 && e.message === 'invalid key/value pair format in driver options',
      );
    }
  });
});

describe('network prune', () => {
  it('SIGINT at the prompt: a newline, no request, status 0 without a message', async () => {
    const stdin = new PassThrough();
    const deps = fakeDeps(() => ({ NetworksDeleted: ['a'] }), stdin);
    let handler: (() => void) | undefined;
    const withSignals = Object.assign(deps, {
      onInterrupt: (h: () => void) => {
        handler = h;
        return () => {};
      },
    });
    const done = runPrune({ force: false, filter: [] }, withSignals);
    const interrupt = (): void => void (handler ? handler() : setTimeout(interrupt, 5));
    setTimeout(interrupt, 10);
    await done;
    assert.equal(deps.requests.length, 0);
    assert.equal(deps.out(), `${PRUNE_WARNING} [y/N] \n`);
    assert.equal(deps.err(), '');
  });

  it('adds config.json pruneFilters, except a label the flags negate (and the reverse); entries without "=" skipped', () => {
    const flag = { label: { 'a=1': true }, 'label!': { 'b=2': true } };
    assert.deepEqual(pruneFilters(flag, ['label=b=2', 'label!=a=1', 'label=c', 'until=24h', 'bogus', 'label!=d']), {
      label: { 'a=1': true, c: true },
      'label!': { 'b=2': true, d: true },
      until: { '24h': true },
    });
    assert.deepEqual(flag, { label: { 'a=1': true }, 'label!': { 'b=2': true } }, 'the flag filters are not changed');
  });

  it('reads pruneFilters from config.json (keys matched case-insensitively)', () => {
    const file = readClientConfig('/cfg', (p) => {
      if (p === '/cfg/config.json') return '{"PruneFilters":["label=x=1","until=1h"]}';
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    }).file;
    assert.deepEqual(file.pruneFilters, ['label=x=1', 'until=1h']);
  });

  it('sends the merged filters; prints the deleted names then a blank line; nothing when none', async () => {
    const deps = Object.assign(fakeDeps(() => ({ NetworksDeleted: ['n2', 'n1'] })), { config: { pruneFilters: ['until=1h'] } });
    await runPrune({ force: true, filter: ['label=tswnc-prune=x'] }, deps);
    assert.equal(deps.requests[0]?.method, 'POST');
    assert.equal(deps.requests[0]?.path, '/networks/prune');
    assert.deepEqual(deps.requests[0]?.query, { filters: '{"label":{"tswnc-prune=x":true},"until":{"1h":true}}' });
    assert.equal(deps.requests[0]?.body, undefined);
    assert.equal(deps.requests[0]?.bodyJSON, undefined);
    assert.equal(deps.out(), 'Deleted Networks:\nn2\nn1\n\n');
    const none = fakeDeps(() => ({ NetworksDeleted: null }));
    await runPrune({ force: true, filter: [] }, none);
    assert.deepEqual(none.requests[0]?.query, {});
    assert.equal(none.out(), '');
  });

  it('asks first: anything but y/Y (or closed stdin) cancels quietly without a request', async () => {
    for (const [input, yes] of [['y\n', true], ['n\n', false], ['', false], ['yes\n', false]] as const) {
      const deps = fakeDeps(() => ({ NetworksDeleted: ['a'] }), Readable.from(input === '' ? [] : [input]));
      await runPrune({ force: false, filter: [] }, deps);
      assert.equal(deps.requests.length, yes ? 1 : 0, JSON.stringify(input));
      assert.equal(deps.out(), `${PRUNE_WARNING} [y/N] ${yes ? 'Deleted Networks:\na\n\n' : ''}`);
      assert.equal(deps.err(), '');
    }
  });
});
