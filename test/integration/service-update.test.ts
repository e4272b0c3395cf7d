/**
 * `tsw service update -d` against `docker service update -d` on the lab swarm: for each case a
 * base service is created (with docker, the same flags both times), updated by one client,
 * read back (`GET /services/{id}` .Spec) and removed; then the same for the other client.
 * stdout, stderr, exit code and the resulting specs must match (the service name mapped; arrays
 * docker orders by a Go map sorted). Failing updates must fail the same way and leave the
 * spec as it was. Services are named tsw-w-u-*; lab objects tsw-w-uo-*.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mustDocker } from '../support/node-lab.ts';
import { labUp, runDocker, runTsw, type Outcome } from '../support/oracle.ts';
import {
  IMAGE,
  REGISTRY,
  assertSameOutcome,
  createLabObjects,
  getService,
  type LabObjects,
  mapName,
  normalise,
  removeLabObjects,
  removeServices,
  serviceName,
} from '../support/service-writes.ts';
import { sortPaths } from '../support/golden.ts';

interface Case {
  readonly id: string;
  /** Flags of the base service (created with docker). */
  readonly base?: readonly string[];
  /** Flags of a first update made with docker before the one compared (for --rollback). */
  readonly before?: readonly string[];
  readonly args: readonly string[];
  readonly unordered?: readonly string[];
  /** Update a service that does not exist. */
  readonly missing?: boolean;
}

let objs: LabObjects = { networks: [], secrets: [], configs: [] };

async function runOne(client: 'docker' | 'tsw', c: Case): Promise<{ out: Outcome; spec: unknown; before: unknown }> {
  const name = serviceName('u');
  if (!c.missing) {
    mustDocker(['service', 'create', '-d', '-q', '--name', name, ...(c.base ?? []), IMAGE]);
    if (c.before) mustDocker(['service', 'update', '-d', '-q', ...c.before, name]);
  }
  const beforeSvc = await getService(name);
  const argv = ['service', 'update', '-d', ...c.args, name];
  const out = client === 'docker' ? runDocker(argv) : runTsw(argv);
  const svc = await getService(name);
  if (svc) await removeServices(name);
  const ids: Record<string, string> = { [name]: '<name>' };
  if (svc) ids[svc.ID] = '<id>';
  const fix = (s: Record<string, unknown> | undefined) => sortPaths(mapName(s, name), c.unordered ?? []);
  return { out: normalise(out, ids), spec: fix(svc?.Spec), before: fix(beforeSvc?.Spec) };
}

async function compare(c: Case): Promise<Outcome> {
  const d = await runOne('docker', c);
  const t = await runOne('tsw', c);
  assertSameOutcome(['service', 'update', ...c.args], t.out, d.out);
  assert.deepEqual(t.spec, d.spec, `spec after service update ${c.args.join(' ')}`);
  if (d.out.code !== 0) {
    assert.deepEqual(d.spec, d.before, 'a failed docker update changed the spec');
    assert.deepEqual(t.spec, t.before, 'a failed tsw update changed the spec');
  }
  return d.out;
}

describe('service update (differential specs, lab swarm)', () => {
  before(async () => {
    assert.ok(labUp(), 'the lab swarm is not up: run the tests with npm test');
    await removeLabObjects('uo');
    await removeServices('tsw-w-u-');
    objs = await createLabObjects('uo');
  });
  after(async () => {
    await removeServices('tsw-w-u-');
    await removeLabObjects('uo');
  });

  const [netA, netB] = [() => objs.networks[0] ?? '', () => objs.networks[1] ?? ''];
  const [secA, secB] = [() => objs.secrets[0] ?? '', () => objs.secrets[1] ?? ''];
  const [cfgA, cfgB] = [() => objs.configs[0] ?? '', () => objs.configs[1] ?? ''];

  const cases: Array<() => Case> = [
    () => ({ id: 'image pinned', args: ['--image', `${REGISTRY}/busybox:1`] }),
    () => ({ id: 'image untagged, not resolved', args: ['--image', `${REGISTRY}/busybox`, '--no-resolve-image'] }),
    () => ({ id: 'no flags', base: ['--replicas', '0'], args: [] }),
    () => ({ id: 'env add/rm', base: ['-e', 'A=1', '-e', 'B=2'], args: ['--env-add', 'A=3', '--env-add', 'C=4', '--env-rm', 'B'], unordered: ['TaskTemplate.ContainerSpec.Env'] }),
    () => ({ id: 'labels', base: ['-l', 'a=1', '-l', 'b=2', '--container-label', 'c=3'], args: ['--label-add', 'x=1', '--label-rm', 'a', '--container-label-add', 'y=2', '--container-label-rm', 'c'] }),
    () => ({ id: 'mounts', base: ['--mount', 'type=volume,src=tsw-w-uv,dst=/m'], args: ['--mount-add', 'type=tmpfs,dst=/t', '--mount-add', 'type=bind,src=/tmp,dst=/b', '--mount-rm', '/m'] }),
    () => ({ id: 'ports', base: ['-p', '28192:81', '-p', '28193:82'], args: ['--publish-add', '28191:80', '--publish-rm', '81'] }),
    () => ({ id: 'constraints', base: ['--constraint', 'node.role==worker'], args: ['--constraint-add', 'node.labels.a==b', '--constraint-rm', 'node.role==worker'] }),
    () => ({ id: 'placement prefs', base: ['--placement-pref', 'spread=node.labels.a'], args: ['--placement-pref-add', 'spread=node.labels.b', '--placement-pref-rm', 'spread=node.labels.a'] }),
    () => ({ id: 'dns', base: ['--dns', '8.8.8.8', '--dns-search', 'a.com'], args: ['--dns-add', '1.1.1.1', '--dns-rm', '8.8.8.8', '--dns-search-add', 'x.com', '--dns-option-add', 'ndots:1'] }),
    () => ({ id: 'hosts', base: ['--host', 'b:5.6.7.8', '--host', 'c:1.1.1.1'], args: ['--host-add', 'a:1.2.3.4', '--host-rm', 'b'] }),
    () => ({ id: 'groups', base: ['--group', '20', '--group', '30'], args: ['--group-add', '10', '--group-rm', '20'] }),
    () => ({ id: 'capabilities', base: ['--cap-add', 'SYS_TIME'], args: ['--cap-add', 'net_admin', '--cap-drop', 'CHOWN'] }),
    () => ({ id: 'sysctls', base: ['--sysctl', 'a.b=1', '--sysctl', 'c.d=2'], args: ['--sysctl-add', 'e.f=3', '--sysctl-rm', 'a.b'] }),
    () => ({ id: 'ulimits', base: ['--ulimit', 'nproc=10'], args: ['--ulimit-add', 'nofile=10:20', '--ulimit-rm', 'nproc'] }),
    () => ({ id: 'generic resources', base: ['--generic-resource', 'fpga=1'], args: ['--generic-resource-add', 'gpu=2', '--generic-resource-rm', 'fpga'] }),
    () => ({ id: 'secrets', base: ['--secret', secA()], args: ['--secret-add', `source=${secB()},target=b`, '--secret-rm', secA()] }),
    () => ({ id: 'configs', base: ['--config', cfgA()], args: ['--config-add', cfgB(), '--config-rm', cfgA()] }),
    () => ({ id: 'networks', base: ['--network', netA()], args: ['--network-add', `name=${netB()},alias=b`, '--network-rm', netA()] }),
    () => ({ id: 'force', args: ['--force'] }),
    () => ({ id: 'replicas, args, entrypoint', args: ['--replicas', '3', '--args', 'sleep 50', '--entrypoint', '/bin/sh -c'] }),
    () => ({ id: 'resources', args: ['--limit-cpu', '0.2', '--limit-memory', '16m', '--reserve-memory', '4m', '--limit-pids', '10'] }),
    () => ({ id: 'restart policy', args: ['--restart-condition', 'none', '--restart-max-attempts', '2'] }),
    () => ({ id: 'update and rollback config', args: ['--update-parallelism', '3', '--update-order', 'start-first', '--rollback-monitor', '2s', '--rollback-failure-action', 'continue'] }),
    () => ({ id: 'healthcheck', args: ['--health-cmd', 'true', '--health-interval', '3s', '--health-retries', '2'] }),
    () => ({ id: 'no healthcheck', base: ['--health-cmd', 'true'], args: ['--no-healthcheck'] }),
    () => ({ id: 'log driver', args: ['--log-driver', 'json-file', '--log-opt', 'max-size=2m'] }),
    () => ({
      id: 'scalars',
      args: ['--hostname', 'x', '--user', '1', '--workdir', '/w', '--stop-signal', 'SIGTERM', '--stop-grace-period', '20s', '--init', '--tty', '--read-only', '--isolation', 'default'],
    }),
    () => ({ id: 'endpoint mode', args: ['--endpoint-mode', 'dnsrr'] }),
    () => ({ id: 'credential spec', args: ['--credential-spec', `config://${cfgA()}`] }),
    () => ({ id: 'with registry auth', args: ['--with-registry-auth', '--image', `${REGISTRY}/busybox:2`] }),
    () => ({ id: 'replicas max per node', args: ['--replicas-max-per-node', '2'] }),
    () => ({ id: 'rollback to the previous spec', before: ['--env-add', 'X=1', '--replicas', '0'], args: ['--rollback'] }),
    () => ({ id: 'quiet detached', args: ['-q', '--env-add', 'Q=1'] }),
  ];
  for (const make of cases) {
    it(make().id, async () => {
      const c = make();
      const d = await compare(c);
      assert.equal(d.code, 0, `docker failed: ${d.stderr}`);
    });
  }

  const refused: Array<() => Case> = [
    () => ({ id: 'replicas on a global service', base: ['--mode', 'global'], args: ['--replicas', '2'] }),
    () => ({ id: '--rollback with other flags', args: ['--rollback', '--image', `${REGISTRY}/busybox:1`] }),
    () => ({ id: '--rollback without a previous spec', args: ['--rollback'] }),
    () => ({ id: 'network-rm of a missing network', args: ['--network-rm', 'tsw-w-no-such-net'] }),
    () => ({ id: 'network-add of an attached network', base: ['--network', netA()], args: ['--network-add', netA()] }),
    () => ({ id: 'secret-add of a missing secret', args: ['--secret-add', 'tsw-w-no-such-secret'] }),
    () => ({ id: 'publish-rm malformed', args: ['--publish-rm', 'x:y:z'] }),
    () => ({ id: 'mount-add duplicate target', args: ['--mount-add', 'type=tmpfs,dst=/d', '--mount-add', 'type=tmpfs,dst=/d'] }),
    () => ({ id: 'bad duration', args: ['--update-delay', 'soon'] }),
    () => ({ id: 'api too old', args: ['--oom-score-adj', '5'] }),
    () => ({ id: 'generic-resource-rm of a missing kind', args: ['--generic-resource-rm', 'gpu'] }),
    () => ({ id: 'missing service', args: ['--replicas', '1'], missing: true }),
    () => ({ id: 'daemon rejects the restart condition', args: ['--restart-condition', 'sometimes'] }),
  ];
  for (const make of refused) {
    it(`refused: ${make().id}`, async () => {
      const c = make();
      const d = await compare(c);
      assert.notEqual(d.code, 0, `docker succeeded on ${c.id}`);
    });
  }

  it('usage errors', () => {
    for (const args of [['service', 'update'], ['service', 'update', 'a', 'b'], ['service', 'update', '--no-such-flag', 'a'], ['service', 'update', '--replicas']]) {
      const d = runDocker(args);
      const t = runTsw(args);
      assertSameOutcome(args, t, d);
    }
  });
});
