/**
 * Typed inspect values (src/render/typed.ts).
 *
 * The golden part replays, through tsw's template engine, every `inspect -f` template that
 * docker 28 ran against real objects of the lab (test/golden/typed/*.json, captured with
 * test/capture/typed.mjs together with the JSON they came from). Only the typed execution is
 * checked: templates docker could not run typed (exit 1) must fail here too. Pointer addresses
 * that Go prints (0xc…) are compared as "some address".
 *
 * The rest checks the wrapper objects directly: zero values, promotion, JSON encoding, %T.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiSchema, typed, typedValue, type GoStructValue, type TypedKind } from '../../src/render/typed.ts';
import { GoDuration, GoFileMode, GoNamedString, GoTimeValue, fileModeString } from '../../src/render/gotypes/scalars.ts';
import { goFields, goFormat, goType } from '../../src/render/govalue.ts';
import { GoNil, GoNumber, GoPtr, marshalJSON, parseDockerTemplate, typeName } from '../../src/render/template/index.ts';
import { readGolden } from '../support/golden.ts';

interface Case {
  template: string;
  stdout: string;
  stderr: string;
  code: number;
}
interface ObjectGolden {
  kind: TypedKind;
  inspect: string;
  cases: Case[];
}

const address = (s: string): string => s.replace(/0xc[0-9a-f]+/g, '0xADDR');

function run(template: string, data: unknown): { out?: string; err?: string } {
  try {
    return { out: parseDockerTemplate(template).execute(data) + '\n' };
  } catch (e) {
    return { err: e instanceof Error ? e.message : String(e) };
  }
}

function replay(name: string, cases: Case[], data: unknown): void {
  for (const c of cases) {
    it(`${name}: ${c.template}`, () => {
      const r = run(c.template, data);
      if (c.code === 0) {
        assert.equal(r.err, undefined, 'docker printed this typed; tsw failed');
        assert.equal(address(r.out ?? ''), address(c.stdout));
      } else {
        assert.ok(r.err !== undefined, 'docker could not run this against the typed value; tsw must fail too');
      }
    });
  }
}

describe('typed values replay docker 28 inspect -f (golden)', () => {
  for (const name of ['node-self', 'node-worker', 'service', 'service-job', 'task', 'secret', 'config', 'network-ingress']) {
    const g = JSON.parse(readGolden(`typed/${name}.json`)) as ObjectGolden;
    const obj = (JSON.parse(g.inspect) as unknown[])[0];
    describe(`${name} (${g.kind})`, () => replay(name, g.cases, typed(g.kind, obj)));
  }
  describe('cluster (*swarm.ClusterInfo under docker info)', () => {
    const g = JSON.parse(readGolden('typed/cluster.json')) as { json: string; cases: Case[] };
    replay('cluster', g.cases, { Swarm: { Cluster: typedValue('*swarm.ClusterInfo', JSON.parse(g.json)) } });
  });
});

describe('zero values for missing fields', () => {
  const n = typed('swarm.Node', { ID: 'x' });
  const spec = n['Spec'] as GoStructValue;
  const desc = n['Description'] as GoStructValue;

  it('strings, numbers and bools', () => {
    assert.equal(n['ID'], 'x');
    assert.equal(spec['Name'], '');
    assert.deepEqual(desc['Resources'] && (desc['Resources'] as GoStructValue)['NanoCPUs'], new GoNumber(0, 'int64'));
    assert.equal(((n['Status'] as GoStructValue)['State'] as GoNamedString).value, '');
  });
  it('time.Time is the zero time, Version prints 0', () => {
    assert.equal((n['CreatedAt'] as GoTimeValue)[goFormat](), '0001-01-01 00:00:00 +0000 UTC');
    assert.equal((n['Version'] as GoStructValue & { [goFormat](): string })[goFormat](), '0');
  });
  it('nil pointers, maps and slices are typed nils', () => {
    assert.deepEqual(n['ManagerStatus'], new GoNil('*swarm.ManagerStatus'));
    assert.deepEqual(spec['Labels'], new GoNil('map[string]string'));
    assert.deepEqual(desc['CSIInfo'], new GoNil('[]swarm.NodeCSIInfo'));
    assert.deepEqual((desc['TLSInfo'] as GoStructValue)['CertIssuerSubject'], new GoNil('[]uint8'));
  });
  it('JSON null for a non-pointer struct leaves the zero struct', () => {
    const s = typed('swarm.Node', { Spec: null });
    assert.equal(typeName(s['Spec']), 'swarm.NodeSpec');
  });
});

describe('struct shape', () => {
  const svc = typed('swarm.Service', {
    ID: 'svc',
    Version: { Index: 7 },
    CreatedAt: '2024-03-01T10:11:12.3456789Z',
    Spec: {
      Name: 'web',
      Labels: { b: '2', a: '1' },
      Mode: { Replicated: { Replicas: 3 } },
      UpdateConfig: { Parallelism: 1, Delay: 10_000_000_000, MaxFailureRatio: 0.25 },
      TaskTemplate: { RestartPolicy: { Delay: 5_000_000_000 }, ContainerSpec: { Image: 'nginx', Init: false } },
    },
    Unknown: 'dropped',
  });
  const spec = svc['Spec'] as GoStructValue;

  it('declares fields in Go order, embedded structs named after their type', () => {
    assert.deepEqual(svc[goFields], ['ID', 'Meta', 'Spec', 'PreviousSpec', 'Endpoint', 'UpdateStatus', 'ServiceStatus', 'JobStatus']);
    assert.deepEqual(spec[goFields], ['Annotations', 'TaskTemplate', 'Mode', 'UpdateConfig', 'RollbackConfig', 'Networks', 'EndpointSpec']);
    assert.equal(svc[goType], 'swarm.Service');
  });
  it('promotes embedded fields (Go field promotion)', () => {
    assert.equal(svc['CreatedAt'], (svc['Meta'] as GoStructValue)['CreatedAt']);
    assert.equal(spec['Name'], 'web');
    assert.equal(spec['Name'], (spec['Annotations'] as GoStructValue)['Name']);
    assert.ok(!Object.keys(svc).includes('CreatedAt'), 'promoted fields are not enumerable');
    const sw = typed('swarm.Swarm', { ID: 'c', Version: { Index: 3 }, JoinTokens: { Worker: 'w' } });
    assert.equal(sw['ID'], 'c');
    assert.equal((sw['Version'] as GoStructValue)['Index'] instanceof GoNumber, true);
    assert.deepEqual(sw[goFields], ['ClusterInfo', 'JoinTokens']);
  });
  it('pointers: struct pointers are "*T" structs, scalar pointers GoPtr', () => {
    assert.equal(typeName(spec['UpdateConfig']), '*swarm.UpdateConfig');
    const mode = spec['Mode'] as GoStructValue;
    const rep = mode['Replicated'] as GoStructValue;
    assert.deepEqual(rep['Replicas'], new GoPtr(new GoNumber(3, 'uint64'), '*uint64'));
    const tt = spec['TaskTemplate'] as GoStructValue;
    const rp = tt['RestartPolicy'] as GoStructValue;
    assert.ok(rp['Delay'] instanceof GoPtr);
    assert.equal(((rp['Delay'] as GoPtr).elem as GoDuration)[goFormat](), '5s');
    const cs = tt['ContainerSpec'] as GoStructValue;
    assert.deepEqual(cs['Init'], new GoPtr(false, '*bool'));
  });
  it('durations, floats and times', () => {
    const uc = spec['UpdateConfig'] as GoStructValue;
    assert.equal((uc['Delay'] as GoDuration)[goFormat](), '10s');
    assert.equal((uc['Monitor'] as GoDuration)[goFormat](), '0s');
    assert.deepEqual(uc['MaxFailureRatio'], new GoNumber(0.25, 'float32'));
    assert.equal((svc['CreatedAt'] as GoTimeValue)[goFormat](), '2024-03-01 10:11:12.3456789 +0000 UTC');
  });
  it('maps are plain objects with sorted keys and their element type', () => {
    const labels = spec['Labels'] as Record<string, unknown>;
    assert.deepEqual(Object.keys(labels), ['a', 'b']);
    assert.equal(typeName(labels), 'map[string]string');
  });
  it('matches JSON keys case-insensitively when there is no exact match', () => {
    const n = typed('swarm.Node', { id: 'lower', spec: { role: 'manager' } });
    assert.equal(n['ID'], 'lower');
    assert.equal(((n['Spec'] as GoStructValue)['Role'] as GoNamedString).value, 'manager');
  });
  it('%T names', () => {
    assert.equal(typeName(svc), 'swarm.Service');
    assert.equal(typeName(svc['Meta']), 'swarm.Meta');
    assert.equal(typeName(svc['Version']), 'swarm.Version');
    assert.equal(typeName(svc['CreatedAt']), 'time.Time');
    assert.equal(typeName(svc['UpdateStatus']), '*swarm.UpdateStatus');
    assert.equal(typeName((spec['UpdateConfig'] as GoStructValue)['Delay']), 'time.Duration');
    const node = typed('swarm.Node', { Spec: { Role: 'worker' } });
    assert.equal(typeName((node['Spec'] as GoStructValue)['Role']), 'swarm.NodeRole');
    const hc = typedValue('*container.HealthConfig', { Interval: 1 });
    assert.equal(typeName(hc), '*v1.HealthcheckConfig');
    const ul = typedValue('*container.Ulimit', { Name: 'nofile', Soft: 1, Hard: 2 });
    assert.equal(typeName(ul), '*units.Ulimit');
    assert.equal((ul as GoStructValue & { [goFormat](): string })[goFormat](), 'nofile=1:2');
  });
});

describe('toJSON is what encoding/json writes', () => {
  const json = (v: unknown): string => marshalJSON(v, false);

  it('omitempty, embedded structs inlined, non-omitempty nil map as null', () => {
    const n = typed('swarm.Node', { ID: 'x', Spec: { Role: 'worker' } });
    assert.equal(
      json(n),
      '{"ID":"x","Version":{},"CreatedAt":"0001-01-01T00:00:00Z","UpdatedAt":"0001-01-01T00:00:00Z",' +
        '"Spec":{"Labels":null,"Role":"worker"},"Description":{"Platform":{},"Resources":{},"Engine":{},"TLSInfo":{}},"Status":{}}',
    );
  });
  it('drops unknown fields, keeps declared order, durations as numbers, bytes as base64', () => {
    const c = typed('swarm.Config', { Spec: { Data: 'aGk=', Name: 'c', Extra: 1 }, ID: 'i' });
    assert.equal(json(c), '{"ID":"i","Version":{},"CreatedAt":"0001-01-01T00:00:00Z","UpdatedAt":"0001-01-01T00:00:00Z","Spec":{"Name":"c","Labels":null,"Data":"aGk="}}');
    const uc = typedValue('swarm.UpdateConfig', { Delay: 1500000000, Order: 'start-first', MaxFailureRatio: 0 });
    assert.equal(json(uc), '{"Parallelism":0,"Delay":1500000000,"MaxFailureRatio":0,"Order":"start-first"}');
  });
  it('json tag names (network.Inspect Id, IPAMConfig AuxiliaryAddresses, PluginSpec lower-case)', () => {
    const net = typed('network.Inspect', { Id: 'n1', IPAM: { Config: [{ Subnet: '10.0.0.0/24', AuxiliaryAddresses: { a: '1.2.3.4' } }] } });
    assert.equal(net['ID'], 'n1');
    assert.match(json(net), /^\{"Name":"","Id":"n1",/);
    assert.match(json(net), /"Config":\[\{"Subnet":"10.0.0.0\/24","AuxiliaryAddresses":\{"a":"1.2.3.4"\}\}\]/);
    const ps = typedValue('runtime.PluginSpec', { name: 'p', disabled: true });
    assert.equal(json(ps), '{"name":"p","disabled":true}');
  });
  it('FileMode as its number, *time.Time as RFC 3339', () => {
    const ref = typedValue('swarm.SecretReference', { File: { Name: 'f', Mode: 256 } });
    assert.equal(json(ref), '{"File":{"Name":"f","UID":"","GID":"","Mode":256},"SecretID":"","SecretName":""}');
    const us = typedValue('swarm.UpdateStatus', { State: 'completed', StartedAt: '2024-03-01T10:11:12.5Z' });
    assert.equal(json(us), '{"State":"completed","StartedAt":"2024-03-01T10:11:12.5Z"}');
  });
});

describe('scalar wrappers', () => {
  it('GoDuration methods', () => {
    const d = new GoDuration(90_000_000_000);
    assert.equal(d.String(), '1m30s');
    assert.deepEqual(d.Seconds(), new GoNumber(90, 'float64'));
    assert.deepEqual(d.Minutes(), new GoNumber(1.5, 'float64'));
    assert.deepEqual(d.Milliseconds(), new GoNumber(90000n, 'int64'));
    assert.equal(new GoDuration(-5n).Abs().String(), '5ns');
    assert.equal(d.toJSON(), 90_000_000_000);
  });
  it('GoTimeValue methods', () => {
    const t = typedValue('time.Time', '2024-03-01T10:11:12.3456789Z') as GoTimeValue;
    assert.equal(t.Format('Jan _2 15:04:05.000'), 'Mar  1 10:11:12.345');
    assert.equal(t.Month().String(), 'March');
    assert.equal(t.Weekday().String(), 'Friday');
    assert.equal(t.YearDay(), 61);
    assert.deepEqual(t.Unix(), new GoNumber(1709287872, 'int64'));
    assert.equal(t.IsZero(), false);
    const u = typedValue('time.Time', '2024-03-01T10:11:13Z') as GoTimeValue;
    assert.equal(u.Sub(t).String(), '654.3211ms');
    assert.equal(t.Before(u), true);
    assert.equal(t.toJSON(), '2024-03-01T10:11:12.3456789Z');
  });
  it('FileMode.String (io/fs)', () => {
    assert.equal(fileModeString(0o400), '-r--------');
    assert.equal(fileModeString(0o444), '-r--r--r--');
    assert.equal(fileModeString(0o1770), '-rwxrwx---'); // 0o1000 is not Go's sticky bit
    assert.equal(fileModeString(0x80000000 | 0o755), 'drwxr-xr-x');
    assert.equal(fileModeString(0x00100000 | 0o777), 'trwxrwxrwx');
    assert.equal(new GoFileMode(0o440).String(), '-r--r-----');
    assert.equal(new GoFileMode(0x80000000).IsDir(), true);
    assert.equal(new GoFileMode(0o644).IsRegular(), true);
  });
});

describe('schema', () => {
  it('covers every struct the kinds reach', () => {
    const s = apiSchema();
    for (const k of ['swarm.Node', 'swarm.Service', 'swarm.Task', 'swarm.Swarm', 'swarm.Secret', 'swarm.Config', 'network.Inspect']) {
      assert.ok(s.structs.has(k), k);
    }
    assert.ok(s.structs.size > 60);
  });
  it('rejects unknown types', () => {
    assert.throws(() => typedValue('swarm.Nope', {}), /unknown type swarm.Nope/);
  });
});

describe('map keys in JSON', () => {
  it('are sorted as strings even when they look like array indices', () => {
    const spec = typedValue('swarm.Annotations', { Labels: { '10': 'a', '9': 'b', x: 'c', '01': 'd' } });
    assert.equal(marshalJSON(spec, false), '{"Labels":{"01":"d","10":"a","9":"b","x":"c"}}');
  });
});
