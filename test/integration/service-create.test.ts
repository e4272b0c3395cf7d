/**
 * `tsw service create -d` against `docker service create -d` on the lab swarm, flag family by
 * flag family: each case runs docker, reads the spec back (`GET /services/{id}` .Spec),
 * removes the service, then does the same with tsw. stdout, stderr and exit code must match
 * (the new service's ID and name mapped to placeholders), and so must the specs (the service
 * name mapped; arrays whose order docker takes from a Go map sorted first). A case that fails
 * must fail the same way with both clients and leave no service behind.
 *
 * Services are named tsw-w-c-*; networks, secrets and configs tsw-w-co-*; all removed in after().
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { labUp, runDocker, runTsw, type Outcome, type RunOpts } from '../support/oracle.ts';
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
  /** Flags (before the image). */
  readonly args: readonly string[];
  /** IMAGE and COMMAND/ARGs (default: the lab image alone). */
  readonly rest?: readonly string[];
  /** Spec arrays whose order docker takes from a Go map. */
  readonly unordered?: readonly string[];
  /** No -d: for the cases that only fail. */
  readonly attached?: boolean;
  /** docker panics (exit 2, a goroutine trace): tsw prints the panic's first line only. */
  readonly panics?: boolean;
}

let objs: LabObjects = { networks: [], secrets: [], configs: [] };
let work = '';

/** Runs one client, reads back and removes what it created. */
async function runOne(client: 'docker' | 'tsw', c: Case, opts: RunOpts): Promise<{ out: Outcome; spec: unknown; name: string }> {
  const name = serviceName('c');
  const argv = ['service', 'create', ...(c.attached ? [] : ['-d']), '--name', name, ...c.args, ...(c.rest ?? [IMAGE])];
  const out = client === 'docker' ? runDocker(argv, opts) : runTsw(argv, opts);
  const svc = await getService(name);
  if (svc) await removeServices(name);
  const ids: Record<string, string> = { [name]: '<name>' };
  if (svc) ids[svc.ID] = '<id>';
  return { out: normalise(out, ids), spec: svc ? sortPaths(mapName(svc.Spec, name), c.unordered ?? []) : undefined, name };
}

async function compare(c: Case): Promise<Outcome> {
  const opts: RunOpts = { env: { TSW_W_VAR: 'from-env' } };
  const d = await runOne('docker', c, opts);
  const t = await runOne('tsw', c, opts);
  if (c.panics) {
    // The Go stack trace is not reproduced: the panic line and the exit status are.
    assert.equal(t.out.stderr, `${d.out.stderr.split('\n')[0]}\n`, 'the panic line');
    assert.equal(t.out.code, d.out.code, 'exit code');
    assert.equal(t.out.stdout, d.out.stdout, 'stdout');
  } else {
    assertSameOutcome(['service', 'create', ...c.args], t.out, d.out);
  }
  assert.deepEqual(t.spec, d.spec, `spec after service create ${c.args.join(' ')}`);
  if (d.out.code !== 0) assert.equal(d.spec, undefined, 'a failed create left a service');
  return d.out;
}

describe('service create (differential specs, lab swarm)', () => {
  before(async () => {
    assert.ok(labUp(), 'the lab swarm is not up: run the tests with npm test');
    await removeLabObjects('co');
    objs = await createLabObjects('co');
    work = mkdtempSync(join(tmpdir(), 'tsw-w-create-'));
    writeFileSync(join(work, 'a.env'), '# comment\nA=1\nB=two words\nTSW_W_VAR\n');
  });

  after(async () => {
    await removeServices('tsw-w-c-');
    await removeLabObjects('co');
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const [netA, netB] = [() => objs.networks[0] ?? '', () => objs.networks[1] ?? ''];
  const [secA, secB] = [() => objs.secrets[0] ?? '', () => objs.secrets[1] ?? ''];
  const [cfgA, cfgB] = [() => objs.configs[0] ?? '', () => objs.configs[1] ?? ''];

  const cases: Array<() => Case> = [
    () => ({ id: 'plain', args: [] }),
    () => ({ id: 'replicas', args: ['--replicas', '3'] }),
    () => ({ id: 'replicas-base-prefix', args: ['--replicas', '0x2'] }),
    () => ({ id: 'labels', args: ['-l', 'a=1', '--label', 'b', '--container-label', 'x=y', '--container-label', 'z'] }),
    () => ({ id: 'env', args: ['-e', 'A=1', '-e', 'TSW_W_VAR', '-e', 'UNSET_W_VAR', '--env', 'A=2'] }),
    () => ({ id: 'env-file', args: ['--env-file', join(work, 'a.env'), '-e', 'C=3'] }),
    () => ({ id: 'user-workdir-hostname-groups', args: ['-w', '/tmp', '-u', '1000:1000', '--hostname', 'h1', '--group', '10', '--group', 'wheel'] }),
    () => ({ id: 'entrypoint-and-args', args: ['--entrypoint', 'sh -c'], rest: [IMAGE, 'echo hi; sleep 100'] }),
    () => ({ id: 'positional-args-look-like-flags', args: [], rest: [IMAGE, 'sleep', '--', '-d', '100'] }),
    () => ({ id: 'init-tty-readonly', args: ['--init', '-t', '--read-only'] }),
    () => ({ id: 'init-false', args: ['--init=false', '--tty=false'] }),
    () => ({ id: 'stop', args: ['--stop-signal', 'SIGUSR1', '--stop-grace-period', '3s'] }),
    () => ({ id: 'mount-bind', args: ['--mount', 'type=bind,src=/tmp,dst=/data,ro,bind-propagation=rslave'] }),
    () => ({ id: 'mount-volume', args: ['--mount', 'type=volume,src=tsw-w-vol,dst=/v,volume-label=a=b,volume-nocopy'] }),
    () => ({ id: 'mount-tmpfs', args: ['--mount', 'type=tmpfs,dst=/t,tmpfs-size=1m,tmpfs-mode=1700'] }),
    () => ({ id: 'mount-bind-nonrecursive-warning', args: ['--mount', 'type=bind,src=/tmp,dst=/nr,bind-nonrecursive=true'] }),
    () => ({ id: 'publish-short', args: ['-p', '28181:80', '-p', '28182:81/udp'] }),
    () => ({ id: 'publish-range', args: ['-p', '28183-28184:80-81'], unordered: ['EndpointSpec.Ports'] }),
    () => ({ id: 'publish-long-host', args: ['-p', 'published=28185,target=80,protocol=udp,mode=host'] }),
    () => ({ id: 'dns', args: ['--dns', '8.8.8.8', '--dns', '1.1.1.1', '--dns-search', 'example.com', '--dns-option', 'ndots:2'] }),
    () => ({ id: 'hosts', args: ['--host', 'foo:10.0.0.1', '--host', 'bar=10.0.0.2', '--host', 'v6:[::1]'] }),
    () => ({ id: 'sysctl', args: ['--sysctl', 'net.core.somaxconn=1024'] }),
    () => ({ id: 'caps', args: ['--cap-add', 'net_admin', '--cap-add', 'CAP_SYS_TIME', '--cap-drop', 'CHOWN'] }),
    () => ({ id: 'ulimits', args: ['--ulimit', 'nofile=1024:2048', '--ulimit', 'nproc=100'] }),
    () => ({ id: 'resources', args: ['--limit-cpu', '0.5', '--limit-memory', '64m', '--reserve-cpu', '0.1', '--reserve-memory', '8MiB', '--limit-pids', '100'] }),
    () => ({ id: 'generic-resources', args: ['--generic-resource', 'gpu=1', '--generic-resource', 'fpga=2'], unordered: ['TaskTemplate.Resources.Reservations.GenericResources'] }),
    () => ({ id: 'restart', args: ['--restart-condition', 'on-failure', '--restart-delay', '2s', '--restart-max-attempts', '3', '--restart-window', '10s'] }),
    () => ({
      id: 'update-config',
      args: ['--update-parallelism', '2', '--update-delay', '2s', '--update-failure-action', 'rollback', '--update-monitor', '3s', '--update-max-failure-ratio', '0.5', '--update-order', 'start-first'],
    }),
    () => ({ id: 'rollback-config', args: ['--rollback-parallelism', '0', '--rollback-delay', '1s', '--rollback-failure-action', 'continue', '--rollback-monitor', '1s', '--rollback-order', 'start-first'] }),
    () => ({ id: 'mode-global', args: ['--mode', 'global'] }),
    () => ({ id: 'mode-replicated-job', args: ['--mode', 'replicated-job', '--replicas', '2', '--max-concurrent', '1'], rest: [IMAGE, 'true'] }),
    () => ({ id: 'mode-global-job', args: ['--mode', 'global-job'], rest: [IMAGE, 'true'] }),
    () => ({ id: 'max-per-node', args: ['--replicas', '2', '--replicas-max-per-node', '1'] }),
    () => ({ id: 'placement', args: ['--constraint', 'node.role==worker', '--constraint', 'node.labels.x!=y', '--placement-pref', 'spread=node.labels.zone'] }),
    () => ({ id: 'networks', args: ['--network', netB(), '--network', `name=${netA()},alias=web,alias=www`] }),
    () => ({ id: 'secrets', args: ['--secret', secA(), '--secret', `source=${secB()},target=b,mode=0400,uid=1`], unordered: ['TaskTemplate.ContainerSpec.Secrets'] }),
    () => ({ id: 'configs', args: ['--config', cfgA(), '--config', `source=${cfgB()},target=/c,gid=2`], unordered: ['TaskTemplate.ContainerSpec.Configs'] }),
    () => ({ id: 'credential-spec-config', args: ['--credential-spec', `config://${cfgA()}`] }),
    () => ({ id: 'healthcheck', args: ['--health-cmd', 'true', '--health-interval', '5s', '--health-timeout', '2s', '--health-retries', '3', '--health-start-period', '1s'] }),
    () => ({ id: 'no-healthcheck', args: ['--no-healthcheck'] }),
    () => ({ id: 'log-driver', args: ['--log-driver', 'json-file', '--log-opt', 'max-size=1m', '--log-opt', 'max-file=2'] }),
    () => ({ id: 'endpoint-mode', args: ['--endpoint-mode', 'DNSRR'] }),
    () => ({ id: 'with-registry-auth', args: ['--with-registry-auth'] }),
    () => ({ id: 'no-resolve-image', args: ['--no-resolve-image'] }),
    () => ({ id: 'image-untagged', args: [], rest: [`${REGISTRY}/busybox`] }),
    () => ({ id: 'image-tag-1', args: [], rest: [`${REGISTRY}/busybox:1`] }),
    () => ({ id: 'image-unreachable-warns', args: [], rest: [`${REGISTRY}/tsw-w-missing:1`] }),
    () => ({ id: 'quiet-detached', args: ['-q'] }),
    () => ({
      id: 'kitchen-sink',
      args: ['--replicas', '2', '-l', 'k=v', '-e', 'E=1', '--mount', 'type=tmpfs,dst=/k', '-p', '28186:80', '--dns', '9.9.9.9', '--host', 'k:1.2.3.4', '--limit-memory', '32m', '--restart-delay', '1s', '--update-order', 'start-first', '--no-healthcheck', '-t', '--network', netA()],
    }),
  ];

  for (const make of cases) {
    const probe = make();
    it(`${probe.id}`, async () => {
      const c = make();
      const d = await compare(c);
      assert.equal(d.code, 0, `docker failed on ${c.id}: ${d.stderr}`);
    });
  }

  // Values rejected before anything is sent, or by the daemon: same message, same exit code,
  // no service.
  const refused: Array<() => Case> = [
    () => ({ id: 'bad-memory', args: ['--limit-memory', '12x'] }),
    () => ({ id: 'bad-cpu', args: ['--limit-cpu', 'abc'] }),
    () => ({ id: 'bad-duration', args: ['--update-delay', '5'] }),
    () => ({ id: 'bad-uint', args: ['--replicas', '-1'] }),
    () => ({ id: 'bad-bool', args: ['--tty=maybe'] }),
    () => ({ id: 'bad-port', args: ['-p', '80:abc'] }),
    () => ({ id: 'bad-mount', args: ['--mount', 'type=bind,dst=/x,foo=bar'] }),
    () => ({ id: 'bad-secret-format', args: ['--secret', 'source=,target=x'] }),
    () => ({ id: 'secret-not-found', args: ['--secret', 'tsw-w-no-such-secret'] }),
    () => ({ id: 'config-not-found', args: ['--config', 'tsw-w-no-such-config'] }),
    () => ({ id: 'network-not-found', args: ['--network', 'tsw-w-no-such-network'] }),
    () => ({ id: 'mode-unknown', args: ['--mode', 'sometimes'] }),
    () => ({ id: 'global-with-replicas', args: ['--mode', 'global', '--replicas', '2'] }),
    () => ({ id: 'job-with-update-config', args: ['--mode', 'replicated-job', '--update-delay', '1s'] }),
    () => ({ id: 'env-empty-name', args: ['-e', '=x'] }),
    () => ({ id: 'label-whitespace', args: ['-l', 'a b=c'] }),
    () => ({ id: 'ulimit-bad', args: ['--ulimit', 'nofile=x'] }),
    () => ({ id: 'dns-bad-ip', args: ['--dns', '1.2.3'] }),
    () => ({ id: 'placement-pref-bad', args: ['--placement-pref', 'binpack=x'] }),
    () => ({ id: 'healthcheck-conflict', args: ['--no-healthcheck', '--health-cmd', 'x'] }),
    () => ({ id: 'env-file-missing', args: ['--env-file', '/nonexistent/tsw-w.env'] }),
    () => ({ id: 'unknown-flag', args: ['--no-such-flag'] }),
    () => ({ id: 'missing-flag-value', args: ['--replicas'], rest: [] }),
    () => ({ id: 'no-image', args: [], rest: [], attached: true }),
    () => ({ id: 'api-too-old-oom-score-adj', args: ['--oom-score-adj', '10', '--health-start-interval', '1s'] }),
    () => ({ id: 'daemon-rejects-restart-condition', args: ['--restart-condition', 'sometimes'] }),
    () => ({ id: 'daemon-rejects-memory', args: ['--limit-memory', '1k'] }),
    () => ({ id: 'duplicate-secret-target', args: ['--secret', `source=${secA()},target=t`, '--secret', `source=${secB()},target=t`] }),
    () => ({ id: 'env-panics', args: ['-e', 'A=1', '-e', 'A=1', '-e', 'A=3'], panics: true }),
  ];
  for (const make of refused) {
    it(`refused: ${make().id}`, async () => {
      const c = make();
      const d = await compare(c);
      assert.notEqual(d.code, 0, `docker succeeded on ${c.id}`);
    });
  }
});
