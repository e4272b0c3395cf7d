/**
 * docker's own unit tests of the update merges (docker/cli v28.2.2
 * cli/command/service/update_test.go: TestUpdateHealthcheckTable, TestUpdateHosts*,
 * TestUpdatePortsRmWithProtocol, TestUpdateCaps, TestUpdateUlimits,
 * TestUpdateGetUpdatedConfigs, TestUpdateCredSpec), ported with their expectations. They reach
 * states a CLI-created service cannot have (multi-name host entries, `CMD` health tests,
 * runtime config references), which the lab goldens (spec-update.test.ts) cannot show.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseServiceFlags } from '../../src/spec/flags.ts';
import type { ConfigReference, ContainerSpec, CredentialSpec, HealthConfig, PortConfig, ServiceSpec, Ulimit } from '../../src/spec/types.ts';
import { applyUpdateFlags } from '../../src/spec/update.ts';

const ctx = { lookupEnv: (): undefined => undefined, cwd: '/' };
const S = 1_000_000_000n;

function update(cs: ContainerSpec, pairs: Array<[string, string]>, extra: Partial<ServiceSpec> = {}, configs: Array<{ ID: string; Name: string }> = []): ServiceSpec {
  const flags = parseServiceFlags('update', pairs, ctx);
  return applyUpdateFlags({ TaskTemplate: { ContainerSpec: cs }, ...extra }, flags, { configs });
}

describe('docker update_test.go: TestUpdateHealthcheckTable', () => {
  const cases: Array<{ flags: Array<[string, string]>; initial?: HealthConfig; expected?: HealthConfig; err?: string }> = [
    { flags: [['no-healthcheck', 'true']], initial: { Test: ['CMD-SHELL', 'cmd1'], Retries: 10n }, expected: { Test: ['NONE'] } },
    { flags: [['health-cmd', 'cmd1']], initial: { Test: ['NONE'] }, expected: { Test: ['CMD-SHELL', 'cmd1'] } },
    { flags: [['health-retries', '10']], initial: { Test: ['NONE'] }, expected: { Retries: 10n } },
    { flags: [['health-retries', '10']], initial: { Test: ['CMD', 'cmd1'] }, expected: { Test: ['CMD', 'cmd1'], Retries: 10n } },
    { flags: [['health-interval', '1m']], initial: { Test: ['CMD', 'cmd1'] }, expected: { Test: ['CMD', 'cmd1'], Interval: 60n * S } },
    { flags: [['health-cmd', '']], initial: { Test: ['CMD', 'cmd1'], Retries: 10n }, expected: { Retries: 10n } },
    { flags: [['health-retries', '0']], initial: { Test: ['CMD', 'cmd1'], Retries: 10n }, expected: { Test: ['CMD', 'cmd1'], Retries: 0n } },
    { flags: [['health-start-period', '1m']], initial: { Test: ['CMD', 'cmd1'] }, expected: { Test: ['CMD', 'cmd1'], StartPeriod: 60n * S } },
    { flags: [['health-cmd', 'cmd1'], ['no-healthcheck', 'true']], err: '--no-healthcheck conflicts with --health-* options' },
    { flags: [['health-interval', '10m'], ['no-healthcheck', 'true']], err: '--no-healthcheck conflicts with --health-* options' },
    { flags: [['health-timeout', '1m'], ['no-healthcheck', 'true']], err: '--no-healthcheck conflicts with --health-* options' },
  ];
  cases.forEach((c, i) => {
    it(`case ${i}`, () => {
      const cs: ContainerSpec = c.initial === undefined ? {} : { Healthcheck: c.initial };
      if (c.err !== undefined) {
        assert.throws(() => update(cs, c.flags), { message: c.err });
        return;
      }
      const out = update(cs, c.flags).TaskTemplate?.ContainerSpec?.Healthcheck;
      // Go's Retries 0 and an absent Retries are the same zero value.
      const norm = (h: HealthConfig | undefined): HealthConfig | undefined =>
        h === undefined ? h : Object.fromEntries(Object.entries(h).filter(([, v]) => v !== 0n && v !== undefined));
      assert.deepEqual(norm(out), norm(c.expected));
    });
  });
});

describe('docker update_test.go: TestUpdateHosts*', () => {
  const hosts = (initial: string[], pairs: Array<[string, string]>): string[] | undefined => update({ Hosts: initial }, pairs).TaskTemplate?.ContainerSpec?.Hosts;
  it('TestUpdateHosts', () => {
    assert.throws(() => parseServiceFlags('update', [['host-add', '$example.com$']], ctx), /bad format for add-host: "\$example\.com\$"/);
    assert.deepEqual(
      hosts(
        ['1.2.3.4 example.com', '4.3.2.1 example.org', '2001:db8:abc8::1 example.net', 'gateway.docker.internal:host-gateway'],
        [
          ['host-add', 'example.net:2.2.2.2'],
          ['host-add', 'ipv6.net:2001:db8:abc8::1'],
          ['host-add', 'host.docker.internal:host-gateway'],
          ['host-rm', 'example.net:2001:db8:abc8::1'],
          ['host-rm', 'example.net'],
          ['host-rm', 'gateway.docker.internal:host-gateway'],
        ],
      ),
      ['1.2.3.4 example.com', '4.3.2.1 example.org', '2.2.2.2 example.net', '2001:db8:abc8::1 ipv6.net', 'host-gateway host.docker.internal'],
    );
  });
  it('TestUpdateHostsPreservesOrder', () => {
    assert.deepEqual(
      hosts(
        [],
        [
          ['host-add', 'foobar:127.0.0.2'],
          ['host-add', 'foobar:127.0.0.1'],
          ['host-add', 'foobar:127.0.0.3'],
        ],
      ),
      ['127.0.0.2 foobar', '127.0.0.1 foobar', '127.0.0.3 foobar'],
    );
  });
  it('TestUpdateHostsReplaceEntry', () => {
    assert.deepEqual(
      hosts(
        ['127.0.0.2 foobar', '127.0.0.1 foobar', '127.0.0.3 foobar'],
        [
          ['host-add', 'foobar:127.0.0.4'],
          ['host-rm', 'foobar:127.0.0.2'],
        ],
      ),
      ['127.0.0.1 foobar', '127.0.0.3 foobar', '127.0.0.4 foobar'],
    );
  });
  it('TestUpdateHostsRemoveHost', () => {
    assert.deepEqual(hosts(['127.0.0.2 host3 host1 host2 host4', '127.0.0.1 host1 host4', '127.0.0.3 host1'], [['host-rm', 'host1']]), [
      '127.0.0.2 host3 host2 host4',
      '127.0.0.1 host4',
    ]);
  });
  it('TestUpdateHostsRemoveHostIP', () => {
    assert.deepEqual(hosts(['127.0.0.2 host3 host1 host2 host4', '127.0.0.1 host1 host4', '127.0.0.3 host1', '127.0.0.1 host1'], [['host-rm', 'host1:127.0.0.1']]), [
      '127.0.0.2 host3 host1 host2 host4',
      '127.0.0.1 host4',
      '127.0.0.3 host1',
    ]);
  });
  it('TestUpdateHostsRemoveAll', () => {
    assert.deepEqual(
      hosts(
        ['127.0.0.1 host-one', '127.0.0.2 host-two', '127.0.0.3 host-one'],
        [
          ['host-add', 'host-three:127.0.0.4'],
          ['host-add', 'host-one:127.0.0.5'],
          ['host-rm', 'host-one'],
        ],
      ),
      ['127.0.0.2 host-two', '127.0.0.4 host-three', '127.0.0.5 host-one'],
    );
  });
});

describe('docker update_test.go: TestUpdatePortsRmWithProtocol', () => {
  it('removes by target port and protocol', () => {
    const ports: PortConfig[] = [{ TargetPort: 80, PublishedPort: 8080, Protocol: 'tcp', PublishMode: 'ingress' }];
    const out = update(
      {},
      [
        ['publish-add', '8081:81'],
        ['publish-add', '8082:82'],
        ['publish-rm', '80'],
        ['publish-rm', '81/tcp'],
        ['publish-rm', '82/udp'],
      ],
      { EndpointSpec: { Ports: ports } },
    ).EndpointSpec?.Ports;
    assert.deepEqual(
      out?.map((p) => p.TargetPort),
      [81, 82],
    );
  });
});

describe('docker update_test.go: TestUpdateCaps', () => {
  const cases: Array<{ name: string; add?: string[]; drop?: string[]; spec: ContainerSpec; expectedAdd?: string[]; expectedDrop?: string[] }> = [
    { name: 'Add new caps', add: ['CAP_NET_ADMIN'], drop: [], spec: {}, expectedAdd: ['CAP_NET_ADMIN'] },
    { name: 'Drop new caps', add: [], drop: ['CAP_NET_ADMIN'], spec: {}, expectedDrop: ['CAP_NET_ADMIN'] },
    { name: 'Add a previously dropped cap', add: ['CAP_NET_ADMIN'], drop: [], spec: { CapabilityDrop: ['CAP_NET_ADMIN'] } },
    { name: 'Drop a previously requested cap, and add a new one', add: ['CAP_CHOWN'], drop: ['CAP_NET_ADMIN'], spec: { CapabilityAdd: ['CAP_NET_ADMIN'] }, expectedAdd: ['CAP_CHOWN'] },
    { name: 'Add caps to service that has ALL caps has no effect', add: ['CAP_NET_ADMIN'], spec: { CapabilityAdd: ['ALL'] }, expectedAdd: ['ALL'] },
    { name: 'Drop ALL caps, then add new caps to service that has ALL caps', add: ['CAP_NET_ADMIN'], drop: ['ALL'], spec: { CapabilityAdd: ['ALL'] }, expectedAdd: ['CAP_NET_ADMIN'] },
    { name: 'Add takes precedence on empty spec', add: ['CAP_NET_ADMIN'], drop: ['CAP_NET_ADMIN'], spec: {}, expectedAdd: ['CAP_NET_ADMIN'] },
    {
      name: 'Add takes precedence on existing spec',
      add: ['CAP_NET_ADMIN'],
      drop: ['CAP_NET_ADMIN'],
      spec: { CapabilityAdd: ['CAP_NET_ADMIN'], CapabilityDrop: ['CAP_NET_ADMIN'] },
      expectedAdd: ['CAP_NET_ADMIN'],
    },
    {
      name: 'Drop all, and add new caps',
      add: ['CAP_CHOWN'],
      drop: ['ALL'],
      spec: { CapabilityAdd: ['CAP_NET_ADMIN', 'CAP_MOUNT'], CapabilityDrop: ['CAP_NET_ADMIN', 'CAP_MOUNT'] },
      expectedAdd: ['CAP_CHOWN', 'CAP_MOUNT', 'CAP_NET_ADMIN'],
      expectedDrop: ['ALL'],
    },
    {
      name: 'Add all caps',
      add: ['ALL'],
      drop: ['CAP_NET_ADMIN', 'CAP_SYS_ADMIN'],
      spec: { CapabilityAdd: ['CAP_NET_ADMIN'], CapabilityDrop: ['CAP_CHOWN'] },
      expectedAdd: ['ALL'],
      expectedDrop: ['CAP_CHOWN', 'CAP_SYS_ADMIN'],
    },
    { name: 'Drop all, and add all', add: ['ALL'], drop: ['ALL'], spec: { CapabilityAdd: ['CAP_NET_ADMIN'], CapabilityDrop: ['CAP_CHOWN'] }, expectedAdd: ['ALL'], expectedDrop: ['CAP_CHOWN'] },
    {
      name: 'Caps are normalized and sorted',
      add: ['bbb', 'aaa', 'cAp_bBb', 'cAp_aAa'],
      drop: ['zzz', 'yyy', 'cAp_yYy', 'cAp_yYy'],
      spec: { CapabilityAdd: ['ccc', 'CAP_DDD'], CapabilityDrop: ['www', 'CAP_XXX'] },
      expectedAdd: ['CAP_AAA', 'CAP_BBB', 'CAP_CCC', 'CAP_DDD'],
      expectedDrop: ['CAP_WWW', 'CAP_XXX', 'CAP_YYY', 'CAP_ZZZ'],
    },
    {
      name: 'Reset capabilities',
      add: ['RESET'],
      drop: ['RESET'],
      spec: { CapabilityAdd: ['CAP_AAA', 'CAP_BBB', 'CAP_CCC', 'CAP_DDD'], CapabilityDrop: ['CAP_WWW', 'CAP_XXX', 'CAP_YYY', 'CAP_ZZZ'] },
    },
    {
      name: 'Reset capabilities, and update after',
      add: ['RESET', 'CAP_ADD_ONE', 'CAP_FOO'],
      drop: ['RESET', 'CAP_DROP_ONE', 'CAP_FOO'],
      spec: { CapabilityAdd: ['CAP_AAA', 'CAP_BBB', 'CAP_CCC', 'CAP_DDD'], CapabilityDrop: ['CAP_WWW', 'CAP_XXX', 'CAP_YYY', 'CAP_ZZZ'] },
      expectedAdd: ['CAP_ADD_ONE', 'CAP_FOO'],
      expectedDrop: ['CAP_DROP_ONE'],
    },
    {
      name: 'Reset capabilities, and add ALL',
      add: ['RESET', 'ALL'],
      drop: ['RESET', 'ALL'],
      spec: { CapabilityAdd: ['CAP_AAA', 'CAP_BBB', 'CAP_CCC', 'CAP_DDD'], CapabilityDrop: ['CAP_WWW', 'CAP_XXX', 'CAP_YYY', 'CAP_ZZZ'] },
      expectedAdd: ['ALL'],
    },
    {
      name: 'Add ALL and RESET',
      add: ['ALL', 'RESET'],
      drop: ['ALL', 'RESET'],
      spec: { CapabilityAdd: ['CAP_AAA', 'CAP_BBB', 'CAP_CCC', 'CAP_DDD'], CapabilityDrop: ['CAP_WWW', 'CAP_XXX', 'CAP_YYY', 'CAP_ZZZ'] },
      expectedAdd: ['ALL'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const pairs: Array<[string, string]> = [...(c.add ?? []).map((v): [string, string] => ['cap-add', v]), ...(c.drop ?? []).map((v): [string, string] => ['cap-drop', v])];
      const out = update(c.spec, pairs).TaskTemplate?.ContainerSpec;
      assert.deepEqual(out?.CapabilityAdd, c.expectedAdd);
      assert.deepEqual(out?.CapabilityDrop, c.expectedDrop);
    });
  }
});

describe('docker update_test.go: TestUpdateUlimits', () => {
  const u = (Name: string, Hard: bigint, Soft: bigint): Ulimit => ({ Name, Hard, Soft });
  const cases: Array<{ name: string; spec?: Ulimit[]; rm?: string[]; add?: string[]; expected?: Ulimit[] }> = [
    { name: 'from scratch', add: ['nofile=512:1024', 'core=1024:1024'], expected: [u('core', 1024n, 1024n), u('nofile', 1024n, 512n)] },
    { name: 'append new', spec: [u('nofile', 1024n, 512n)], add: ['core=1024:1024'], expected: [u('core', 1024n, 1024n), u('nofile', 1024n, 512n)] },
    {
      name: 'remove and append new should append',
      spec: [u('core', 1024n, 1024n), u('nofile', 1024n, 512n)],
      rm: ['nofile=512:1024'],
      add: ['nofile=512:1024'],
      expected: [u('core', 1024n, 1024n), u('nofile', 1024n, 512n)],
    },
    { name: 'update existing', spec: [u('nofile', 2048n, 1024n)], add: ['nofile=512:1024'], expected: [u('nofile', 1024n, 512n)] },
    { name: 'update existing twice', spec: [u('nofile', 2048n, 1024n)], add: ['nofile=256:512', 'nofile=512:1024'], expected: [u('nofile', 1024n, 512n)] },
    { name: 'remove all', spec: [u('core', 1024n, 1024n), u('nofile', 1024n, 512n)], rm: ['nofile=512:1024', 'core=1024:1024'] },
    { name: 'remove by key', spec: [u('core', 1024n, 1024n), u('nofile', 1024n, 512n)], rm: ['core'], expected: [u('nofile', 1024n, 512n)] },
    { name: 'remove by key and different value', spec: [u('core', 1024n, 1024n), u('nofile', 1024n, 512n)], rm: ['core=1234:5678'], expected: [u('nofile', 1024n, 512n)] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const pairs: Array<[string, string]> = [...(c.add ?? []).map((v): [string, string] => ['ulimit-add', v]), ...(c.rm ?? []).map((v): [string, string] => ['ulimit-rm', v])];
      const cs: ContainerSpec = c.spec === undefined ? {} : { Ulimits: c.spec };
      assert.deepEqual(update(cs, pairs).TaskTemplate?.ContainerSpec?.Ulimits, c.expected);
    });
  }
});

describe('docker update_test.go: TestUpdateGetUpdatedConfigs', () => {
  const file = (name: string): ConfigReference['File'] => ({ Name: name, UID: '0', GID: '0', Mode: 0o444 });
  const refs: Record<string, ConfigReference> = {
    fooRef: { File: file('foo'), ConfigID: 'fooID', ConfigName: 'foo' },
    barRef: { File: file('bar'), ConfigID: 'barID', ConfigName: 'bar' },
    bazRef: { File: file('baz'), ConfigID: 'bazID', ConfigName: 'baz' },
    credRef: { Runtime: {}, ConfigID: 'credID', ConfigName: 'cred' },
    newCredRef: { Runtime: {}, ConfigID: 'newCredID', ConfigName: 'newCred' },
  };
  const canned = [
    { ID: 'barID', Name: 'bar' },
    { ID: 'credID', Name: 'cred' },
    { ID: 'newCredID', Name: 'newCred' },
  ];
  const cases: Array<{ name: string; flags?: Array<[string, string]>; old: string[]; oldCredSpec?: CredentialSpec; expected: string[] }> = [
    { name: 'no configs added or removed', old: ['fooRef'], expected: ['fooRef'] },
    { name: 'add a config', flags: [['config-add', 'bar']], old: ['fooRef'], expected: ['fooRef', 'barRef'] },
    { name: 'remove a config', flags: [['config-rm', 'bar']], old: ['fooRef', 'barRef'], expected: ['fooRef'] },
    { name: 'include an old credential spec', old: ['credRef'], oldCredSpec: { Config: 'credID' }, expected: ['credRef'] },
    { name: 'add a credential spec', old: ['fooRef'], flags: [['credential-spec', 'config://cred']], expected: ['fooRef', 'credRef'] },
    { name: 'change a credential spec', old: ['fooRef', 'credRef'], oldCredSpec: { Config: 'credID' }, flags: [['credential-spec', 'config://newCred']], expected: ['fooRef', 'newCredRef'] },
    { name: 'credential spec no longer config', old: ['fooRef', 'credRef'], oldCredSpec: { Config: 'credID' }, flags: [['credential-spec', 'file://someFile']], expected: ['fooRef'] },
    { name: 'credential spec becomes config', old: ['fooRef'], oldCredSpec: { File: 'someFile' }, flags: [['credential-spec', 'config://cred']], expected: ['fooRef', 'credRef'] },
    { name: 'remove credential spec', old: ['fooRef', 'credRef'], oldCredSpec: { Config: 'credID' }, flags: [['credential-spec', '']], expected: ['fooRef'] },
    {
      name: 'just frick my stuff up',
      old: ['fooRef', 'bazRef', 'credRef'],
      oldCredSpec: { Config: 'cred' },
      flags: [
        ['config-add', 'bar'],
        ['config-rm', 'baz'],
        ['credential-spec', 'config://newCred'],
      ],
      expected: ['fooRef', 'barRef', 'newCredRef'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const cs: ContainerSpec = { Configs: c.old.map((k) => structuredClone(refs[k] ?? {})), Privileges: { CredentialSpec: c.oldCredSpec } };
      const out = update(cs, c.flags ?? [], {}, canned).TaskTemplate?.ContainerSpec?.Configs ?? [];
      // docker checks the length and that each expected reference is contained (order aside).
      assert.equal(out.length, c.expected.length);
      for (const k of c.expected) assert.ok(out.some((r) => JSON.stringify(r) === JSON.stringify(refs[k])), `${k} in ${JSON.stringify(out)}`);
    });
  }
});

describe('docker update_test.go: TestUpdateCredSpec', () => {
  const cases: Array<{ name: string; flag: string; spec: ContainerSpec; expected?: CredentialSpec }> = [
    { name: 'add file credential spec', flag: 'file://somefile', spec: {}, expected: { Config: '', File: 'somefile', Registry: '' } },
    { name: 'remove a file credential spec', flag: '', spec: { Privileges: { CredentialSpec: { File: 'someFile' } } } },
    { name: 'remove when no CredentialSpec exists', flag: '', spec: {} },
    {
      name: 'add a config credential spec',
      flag: 'config://someConfigName',
      spec: { Configs: [{ ConfigName: 'someConfigName', ConfigID: 'someConfigID', Runtime: {} }] },
      expected: { Config: 'someConfigID', File: '', Registry: '' },
    },
    { name: 'remove a config credential spec', flag: '', spec: { Privileges: { CredentialSpec: { Config: 'someConfigID' } } } },
    {
      name: 'update a config credential spec',
      flag: 'config://someConfigName',
      spec: { Configs: [{ ConfigName: 'someConfigName', ConfigID: 'someConfigID', Runtime: {} }], Privileges: { CredentialSpec: { Config: 'someDifferentConfigID' } } },
      expected: { Config: 'someConfigID', File: '', Registry: '' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const configs = [{ ID: 'someConfigID', Name: 'someConfigName' }];
      const out = update(c.spec, [['credential-spec', c.flag]], {}, configs).TaskTemplate?.ContainerSpec;
      if (c.expected === undefined) assert.equal(out?.Privileges?.CredentialSpec, undefined);
      else assert.deepEqual(out?.Privileges?.CredentialSpec, c.expected);
    });
  }
});
