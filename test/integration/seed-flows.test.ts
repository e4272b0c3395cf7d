/**
 * The flows of the five seed tutorials (/work/shared/seeds/*.txt: docker 1.12–18.03, Chinese)
 * replayed on the lab swarm, step by step, tsw against docker 28.2.2.
 *
 * Writes run twice: docker on one set of objects (tsw-sd-d-*), tsw on a twin set (tsw-sd-t-*),
 * with the same arguments apart from the name prefix and a few side-specific values (published
 * ports, subnets, node label keys: the twins cannot share them). Both outputs are normalised
 * (the side's names, values and object IDs become placeholders) and must be byte-identical,
 * with the same exit code; the specs read back through the Engine API must be equal too.
 * Reads run both clients on docker's objects (assertSameTimed: "… ago" may tick between runs).
 * Progress output of commands run without -d is compared after normaliseProgress (timing).
 *
 * Left out on purpose: swarm init/join/leave (the lab's swarm is shared), killing engines,
 * draining or promoting nodes other helpers place tasks on (node labels and no-op updates are
 * used instead). Images: the lab's busybox (:1, :2, :latest) in place of nginx/httpd/redis.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { api, assertSame, assertSameStable, assertSameTimed, waitUntil } from '../support/node-lab.ts';
import { labUp, runDocker, runTsw, type Outcome } from '../support/oracle.ts';
import { REGISTRY, normaliseProgress } from '../support/service-writes.ts';

type Side = 'd' | 't';
const FIXTURES = fileURLToPath(new URL('../fixtures/seed-flows/', import.meta.url));
const IMG = `${REGISTRY}/busybox`;

/** Side-specific values: `{key}` in an argument becomes the side's value. */
const VALUES: Record<Side, Record<string, string>> = {
  d: { p: 'tsw-sd-d-', s1: 'tswsd1d', s2: 'tswsd2d', s3: 'tswsd3d', port1: '28611', port2: '28613', port3: '28615', port4: '28617', subnet: '10.231.1.0/24', gw: '10.231.1.1', subnet2: '10.231.3.0/24', gw2: '10.231.3.1' },
  t: { p: 'tsw-sd-t-', s1: 'tswsd1t', s2: 'tswsd2t', s3: 'tswsd3t', port1: '28612', port2: '28614', port3: '28616', port4: '28618', subnet: '10.231.2.0/24', gw: '10.231.2.1', subnet2: '10.231.4.0/24', gw2: '10.231.4.1' },
};

function expand(args: readonly string[], side: Side): string[] {
  return args.map((a) => a.replace(/\{(\w+)\}/g, (m, k: string) => VALUES[side][k] ?? m));
}

interface Named {
  id: string;
  name: string;
}

/** This suite's objects: names tsw-sd-*, and stacks tswsd<N>d (docker's) and tswsd<N>t (tsw's). */
const OURS = /^(tsw-sd-|tswsd\d+[dt]_)/;

/** IDs of this suite's services, networks, configs and secrets. */
async function ours(): Promise<Named[]> {
  const out: Named[] = [];
  const svcs = await api<Array<{ ID: string; Spec: { Name: string } }>>('GET', '/services');
  for (const s of svcs.value ?? []) if (OURS.test(s.Spec.Name)) out.push({ id: s.ID, name: s.Spec.Name });
  const nets = await api<Array<{ Id: string; Name: string }>>('GET', '/networks');
  for (const n of nets.value ?? []) if (OURS.test(n.Name)) out.push({ id: n.Id, name: n.Name });
  for (const kind of ['configs', 'secrets']) {
    const r = await api<Array<{ ID: string; Spec: { Name: string } }>>('GET', `/${kind}`);
    for (const o of r.value ?? []) if (OURS.test(o.Spec.Name)) out.push({ id: o.ID, name: o.Spec.Name });
  }
  return out;
}

/** Text with the side's object IDs (full and 12-character) and values turned into placeholders. */
function unside(text: string, side: Side, objs: readonly Named[]): string {
  let s = text;
  for (const o of objs) {
    const logical = `<${o.name.replace(/^tsw-sd-[dt]-/, '')}>`;
    s = s.split(o.id).join(logical);
    if (o.id.length > 12) s = s.split(o.id.slice(0, 12)).join(logical);
  }
  const entries = Object.entries(VALUES[side]).sort((a, b) => b[1].length - a[1].length);
  // Ports become a number of their own (the text may be JSON), everything else `{key}`.
  for (const [k, v] of entries) s = s.split(v).join(k.startsWith('port') ? `2860${k.slice(4)}` : `{${k}}`);
  return s;
}

function normalised(o: Outcome, side: Side, objs: readonly Named[]): Outcome {
  return { stdout: unside(o.stdout, side, objs), stderr: unside(o.stderr, side, objs), code: o.code };
}

/**
 * normaliseProgress, and also without `overall progress: k out of N tasks` with k > N: after a
 * scale-down docker counts a task of a removed slot as long as its desired state is still
 * running (progress.go), which a poll sees or not depending on timing.
 */
function progress(stdout: string): string {
  return normaliseProgress(stdout)
    .split('\n')
    .filter((l) => {
      const m = /^overall progress: (\d+) out of (\d+) tasks$/.exec(l);
      return !(m && Number(m[1]) > Number(m[2]));
    })
    .join('\n');
}

/**
 * A write on both sides: docker on the d objects, then tsw on the t objects. Outputs normalised
 * and compared; returns docker's (normalised) outcome.
 */
async function twin(args: readonly string[], opts: { progress?: boolean; env?: (side: Side) => Record<string, string | undefined>; unordered?: boolean } = {}): Promise<Outcome> {
  const d = runDocker(expand(args, 'd'), { env: opts.env?.('d') ?? {} });
  const t = tsw(expand(args, 't'), opts.env?.('t') ?? {});
  const objs = await ours();
  // docker ranges over a Go map (stack deploy's services): its line order is random.
  const order = (o: Outcome): Outcome => (opts.unordered ? { ...o, stdout: o.stdout.split('\n').sort().join('\n') } : o);
  const nd = order(normalised(d, 'd', objs));
  const nt = order(normalised(t, 't', objs));
  const what = args.join(' ');
  assert.equal(nt.stderr, nd.stderr, `stderr of ${what}`);
  if (opts.progress) assert.equal(progress(nt.stdout), progress(nd.stdout), `stdout (progress normalised) of ${what}`);
  else assert.equal(nt.stdout, nd.stdout, `stdout of ${what}`);
  assert.equal(nt.code, nd.code, `exit code of ${what}`);
  return nd;
}

function tsw(args: readonly string[], env: Record<string, string | undefined> = {}): Outcome {
  return runTsw(args, { env });
}

/** A read: both clients on docker's objects, at (nearly) the same moment. */
function read(args: readonly string[]): Outcome {
  return assertSameTimed(expand(args, 'd'));
}

interface Svc {
  ID: string;
  Spec: Record<string, unknown>;
  PreviousSpec?: Record<string, unknown>;
  UpdateStatus?: { State?: string };
}

async function service(name: string): Promise<Svc | undefined> {
  const r = await api<Svc>('GET', `/services/${encodeURIComponent(name)}`);
  return r.status === 200 ? r.value : undefined;
}

/** The twins' specs (and previous specs) read back and compared, placeholders for side values. */
async function sameSpecs(...names: string[]): Promise<void> {
  const objs = await ours();
  for (const n of names) {
    const named = (side: Side) => (n.includes('{') ? expand([n], side)[0] ?? n : `tsw-sd-${side}-${n}`);
    const [d, t] = [await service(named('d')), await service(named('t'))];
    assert.ok(d, `docker's service ${n} exists`);
    const fix = (s: Svc | undefined, side: Side) => JSON.parse(unside(JSON.stringify({ Spec: s?.Spec, PreviousSpec: s?.PreviousSpec }), side, objs)) as unknown;
    assert.deepEqual(fix(t, 't'), fix(d, 'd'), `spec of ${n}`);
  }
}

/** The twins' networks read back (what a create decides), compared. */
async function sameNetworks(...names: string[]): Promise<void> {
  const objs = await ours();
  for (const n of names) {
    const get = async (side: Side) => {
      const path = `/networks/${n.includes('{') ? expand([n], side)[0] ?? n : `tsw-sd-${side}-${n}`}`;
      let r = await api<Record<string, unknown>>('GET', path);
      // Right after a create the manager may still show the network unallocated (Driver "",
      // IPAM.Config null), whichever client made it: read again until it is allocated.
      for (let i = 0; i < 40 && r.status === 200 && r.value['Driver'] === ''; i++) {
        await new Promise((res) => setTimeout(res, 250));
        r = await api<Record<string, unknown>>('GET', path);
      }
      if (r.status !== 200) return undefined;
      const v = r.value;
      const options = { ...(v['Options'] as Record<string, string> | null) };
      delete options['com.docker.network.driver.overlay.vxlanid_list'];
      const pick = { Name: v['Name'], Driver: v['Driver'], Scope: v['Scope'], EnableIPv6: v['EnableIPv6'], IPAM: v['IPAM'], Internal: v['Internal'], Attachable: v['Attachable'], Ingress: v['Ingress'], Options: options, Labels: v['Labels'] };
      const out = JSON.parse(unside(JSON.stringify(pick), side, objs)) as { IPAM?: { Config?: Array<Record<string, string>> } };
      // Subnets the daemon picked itself differ between the twins.
      for (const c of out.IPAM?.Config ?? []) for (const k of ['Subnet', 'Gateway']) if (c[k] && !c[k].startsWith('{')) c[k] = '<picked by the daemon>';
      return out;
    };
    assert.deepEqual(await get('t'), await get('d'), `network ${n}`);
  }
}

interface Task {
  DesiredState: string;
  Status: { State: string };
}

/** Waits until both twins' tasks are where they are meant to be and no update is running. */
async function settle(...names: string[]): Promise<void> {
  for (const side of ['d', 't'] as const) {
    for (const n of names) {
      const name = `tsw-sd-${side}-${n}`;
      await waitUntil(
        async () => {
          const s = await service(name);
          if (!s) return true;
          if (s.UpdateStatus?.State === 'updating' || s.UpdateStatus?.State === 'rollback_started') return false;
          const f = encodeURIComponent(JSON.stringify({ service: { [name]: true } }));
          const tasks = (await api<Task[]>('GET', `/tasks?filters=${f}`)).value ?? [];
          return tasks.every((t) => (t.DesiredState === 'running' ? t.Status.State === 'running' : !['new', 'pending', 'assigned', 'accepted', 'preparing', 'starting', 'running'].includes(t.Status.State)));
        },
        90_000,
        `tasks of ${name} to settle`,
      );
    }
  }
}

interface NodeObj {
  ID: string;
  Version: { Index: number };
  Spec: { Labels?: Record<string, string> | null } & Record<string, unknown>;
  Description: { Hostname: string };
}

async function node(host: string): Promise<NodeObj> {
  const r = await api<NodeObj[]>('GET', '/nodes');
  const n = (r.value ?? []).find((x) => x.Description.Hostname === host);
  assert.ok(n, `node ${host}`);
  return n;
}

/** Removes this suite's labels (keys tsw-sd-*) from every node. */
async function cleanNodeLabels(): Promise<void> {
  for (const host of ['node-1', 'node-2', 'node-3']) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const n = await node(host);
      const labels = { ...(n.Spec.Labels ?? {}) };
      const keys = Object.keys(labels).filter((k) => k.startsWith('tsw-sd-'));
      if (keys.length === 0) break;
      for (const k of keys) delete labels[k];
      const r = await api('POST', `/nodes/${n.ID}/update?version=${n.Version.Index}`, { ...n.Spec, Labels: labels });
      if (r.status === 200) break;
    }
  }
}

async function cleanup(): Promise<void> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const left = await ours();
    if (left.length === 0) break;
    for (const o of left) {
      const kind = (await api('GET', `/services/${o.id}`)).status === 200 ? 'services' : (await api('GET', `/networks/${o.id}`)).status === 200 ? 'networks' : (await api('GET', `/configs/${o.id}`)).status === 200 ? 'configs' : 'secrets';
      await api('DELETE', `/${kind}/${o.id}`);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  await cleanNodeLabels();
  // Volumes the services' mounts made on the nodes.
  for (const n of [1, 2, 3]) {
    const r = await api<{ Volumes?: Array<{ Name: string }> | null }>('GET', '/volumes', undefined, n);
    for (const v of r.value?.Volumes ?? []) if (OURS.test(v.Name)) await api('DELETE', `/volumes/${encodeURIComponent(v.Name)}`, undefined, n);
  }
}

/** Removes the twins of these services (both sides) through the API. */
async function drop(...names: string[]): Promise<void> {
  for (const n of names) for (const side of ['d', 't']) await api('DELETE', `/services/tsw-sd-${side}-${n}`);
}

/** The tasks of these services (by ID: a `service` filter fails once the service is gone). */
async function tasksOf(ids: readonly string[]): Promise<Array<Task & { ServiceID: string }>> {
  const r = await api<Array<Task & { ServiceID: string }>>('GET', '/tasks');
  return (Array.isArray(r.value) ? r.value : []).filter((t) => ids.includes(t.ServiceID));
}

/** Removes the twins of these services and waits until their tasks are gone too. */
async function dropAndWait(...names: string[]): Promise<void> {
  const ids: string[] = [];
  for (const n of names) for (const side of ['d', 't']) {
    const s = await service(`tsw-sd-${side}-${n}`);
    if (s) ids.push(s.ID);
  }
  await drop(...names);
  await waitUntil(async () => (await tasksOf(ids)).length === 0, 90_000, `tasks of ${names.join(', ')} to go`);
}

/** Scales services (real names) to 0 with the API and waits until none of their tasks runs. */
async function quiesce(names: readonly string[]): Promise<void> {
  const ids: string[] = [];
  for (const n of names) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const s = await api<Svc & { Version: { Index: number } }>('GET', `/services/${n}`);
      if (s.status !== 200) break;
      ids.push(s.value.ID);
      const spec = structuredClone(s.value.Spec) as { Mode?: { Replicated?: { Replicas?: number } } };
      if (spec.Mode?.Replicated) spec.Mode.Replicated.Replicas = 0;
      if ((await api('POST', `/services/${s.value.ID}/update?version=${s.value.Version.Index}`, spec)).status === 200) break;
    }
  }
  const live = ['new', 'pending', 'assigned', 'accepted', 'preparing', 'starting', 'running'];
  await waitUntil(async () => (await tasksOf(ids)).every((t) => !live.includes(t.Status.State)), 90_000, `tasks of ${names.join(', ')} to stop`);
}

describe('seed tutorial flows, tsw against docker (lab swarm)', { concurrency: false }, () => {
  before(async () => {
    assert.ok(labUp(), 'the lab swarm is not up');
    await cleanup();
  });
  after(cleanup);

  // 000_… "docker swarm mode" (docker 1.12): nodes, services, scale, publish, overlay network,
  // rolling update with parallelism and delay, rollback, node labels and constraints, health checks.
  describe('000 docker swarm mode', { concurrency: false }, () => {
    it('node ls and network ls read the same', () => {
      assertSame(['node', 'ls', '--filter', 'role=manager']);
      assertSameStable(['network', 'ls']);
      read(['node', 'ls']);
      read(['network', 'ls', '--filter', 'driver=overlay', '--filter', 'name=ingress']);
    });

    it('node role changes that change nothing: promote a manager, demote and --role worker a worker', () => {
      assertSame(['node', 'promote', 'node-1']);
      assertSame(['node', 'demote', 'node-3']);
      assertSame(['node', 'update', '--role', 'worker', 'node-3']);
    });

    it('service create --name web; --mode global frontweb (waiting for convergence)', async () => {
      await drop('web', 'frontweb');
      await twin(['service', 'create', '--name', '{p}web', `${IMG}:latest`], { progress: true });
      await twin(['service', 'create', '--name', '{p}frontweb', '--mode', 'global', `${IMG}:latest`], { progress: true });
      await sameSpecs('web', 'frontweb');
      await settle('web', 'frontweb');
      read(['service', 'ls', '--filter', 'name={p}']);
      read(['service', 'ps', '{p}web']);
      read(['service', 'ps', '{p}frontweb']);
      read(['service', 'inspect', '{p}frontweb', '--pretty']);
    });

    it('service scale web=3, then web=2', async () => {
      await twin(['service', 'scale', '{p}web=3'], { progress: true });
      await sameSpecs('web');
      await settle('web');
      read(['service', 'ls', '--filter', 'name={p}']);
      read(['service', 'ps', '{p}web']);
      await twin(['service', 'scale', '{p}web=2'], { progress: true });
      await sameSpecs('web');
      await settle('web');
      read(['service', 'ps', '{p}web']);
      await drop('web', 'frontweb');
    });

    it('service create --name web --replicas=2 again, then with --publish 8000:80 (name taken), update --publish-add', async () => {
      await drop('web');
      await twin(['service', 'create', '-d', '--name', '{p}web', '--replicas=2', `${IMG}:latest`, 'httpd', '-f']);
      await twin(['service', 'create', '-d', '--name', '{p}web', '--publish', '{port1}:80', '--replicas=2', `${IMG}:latest`, 'httpd', '-f']);
      await twin(['service', 'update', '--publish-add', '{port1}:80', '{p}web'], { progress: true });
      await sameSpecs('web');
      await settle('web');
      read(['service', 'ps', '{p}web']);
      read(['service', 'ls', '--filter', 'name={p}web']);
      read(['service', 'inspect', '--pretty', '{p}web']);
      await drop('web');
    });

    it('network create --driver overlay web; services on it', async () => {
      await drop('my-web', 'test');
      await twin(['network', 'create', '--driver', 'overlay', '{p}web']);
      await sameNetworks('web');
      read(['network', 'ls', '--filter', 'name={p}']);
      read(['network', 'inspect', '{p}web', '--format', '{{.Name}} {{.Driver}} {{.Scope}} {{.Attachable}} {{len .IPAM.Config}}']);
      await twin(['service', 'create', '-d', '--name', '{p}my-web', '--replicas=2', '--network', '{p}web', `${IMG}:latest`, 'httpd', '-f']);
      await twin(['service', 'create', '--name', '{p}test', '--network', '{p}web', `${IMG}:latest`, 'sleep', '10000000'], { progress: true });
      await sameSpecs('my-web', 'test');
      await settle('my-web', 'test');
      read(['service', 'ps', '{p}test']);
      read(['service', 'inspect', '--pretty', '{p}my-web']);
      await drop('my-web', 'test');
    });

    it('rolling update: --image, --replicas 6 --update-parallelism 2 --update-delay 1m05s, --image again, --rollback', async () => {
      await drop('web-update');
      await twin(['service', 'create', '--name', '{p}web-update', '--replicas=2', `${IMG}:1`], { progress: true });
      await settle('web-update');
      read(['service', 'ps', '{p}web-update']);
      await twin(['service', 'update', '--image', `${IMG}:2`, '{p}web-update'], { progress: true });
      await sameSpecs('web-update');
      await settle('web-update');
      read(['service', 'ps', '{p}web-update']);
      await twin(['service', 'update', '-d', '--replicas', '6', '--update-parallelism', '2', '--update-delay', '1m05s', '{p}web-update']);
      await sameSpecs('web-update');
      await settle('web-update');
      read(['service', 'ps', '{p}web-update']);
      read(['service', 'inspect', '{p}web-update', '--pretty']);
      await twin(['service', 'update', '-d', '--image', `${IMG}:latest`, '{p}web-update']);
      await sameSpecs('web-update');
      read(['service', 'inspect', '{p}web-update', '--pretty']);
      await twin(['service', 'update', '-d', '--rollback', '{p}web-update']);
      await sameSpecs('web-update');
      read(['service', 'inspect', '{p}web-update', '--format', '{{.Spec.TaskTemplate.ContainerSpec.Image}} {{.PreviousSpec.TaskTemplate.ContainerSpec.Image}}']);
      await drop('web-update');
    });

    it('node labels and constraints: --label-add, inspect --pretty, --constraint, --constraint-rm/-add, --rollback', async () => {
      await drop('web');
      await twin(['node', 'update', '--label-add', '{p}ncname=docker-1-label', 'node-2']);
      await twin(['node', 'update', '--label-add', '{p}ncname=docker-2-label', 'node-3']);
      const labels = (await node('node-2')).Spec.Labels ?? {};
      assert.equal(labels['tsw-sd-d-ncname'], 'docker-1-label');
      assert.equal(labels['tsw-sd-t-ncname'], 'docker-1-label');
      read(['node', 'inspect', 'node-2', '--format', '{{index .Spec.Labels "{p}ncname"}}']);
      read(['node', 'inspect', 'node-2', '--pretty']);
      await twin(['service', 'create', '--name', '{p}web', '--constraint', 'node.labels.{p}ncname==docker-1-label', '--replicas', '2', `${IMG}:latest`], { progress: true });
      await sameSpecs('web');
      await settle('web');
      read(['service', 'ps', '{p}web']);
      await twin(['service', 'update', '-d', '--constraint-rm', 'node.labels.{p}ncname==docker-1-label', '{p}web']);
      await sameSpecs('web');
      await settle('web');
      await twin(['service', 'update', '-d', '--constraint-add', 'node.labels.{p}ncname==docker-2-label', '{p}web']);
      await sameSpecs('web');
      await settle('web');
      read(['service', 'ps', '{p}web']);
      await twin(['service', 'update', '-d', '--rollback', '{p}web']);
      await sameSpecs('web');
      await settle('web');
      await drop('web');
      await twin(['node', 'update', '--label-rm', '{p}ncname', 'node-2']);
      await twin(['node', 'update', '--label-rm', '{p}ncname', 'node-3']);
      await twin(['node', 'update', '--label-rm', '{p}ncname', 'node-3']);
      const after = (await node('node-3')).Spec.Labels ?? {};
      assert.equal(Object.keys(after).filter((k) => k.startsWith('tsw-sd-')).length, 0);
    });

    it('health check flags (elasticsearch example)', async () => {
      await drop('elasticsearch');
      await twin([
        'service', 'create', '-d', '--name={p}elasticsearch',
        '--health-cmd=wget -q -O /dev/null localhost:9200/ || exit 1', '--health-interval=5s', '--health-retries=12', '--health-timeout=2s',
        `${IMG}:latest`,
      ]);
      await sameSpecs('elasticsearch');
      read(['service', 'inspect', '--pretty', '{p}elasticsearch']);
      read(['service', 'inspect', '--format', '{{json .Spec.TaskTemplate.ContainerSpec.Healthcheck}}', '{p}elasticsearch']);
      await drop('elasticsearch');
    });
  });

  // 001_… (docker 18.x notes): network create with subnet/gateway (and again: name taken),
  // published port, inspect, update --replicas, scale, rm, volume mounts.
  describe('001 swarm notes', { concurrency: false }, () => {
    it('swarm join-token -q worker and join-token worker read the same', () => {
      assertSame(['swarm', 'join-token', '-q', 'worker']);
      assertSame(['swarm', 'join-token', 'worker']);
      assertSame(['swarm', 'join-token', 'manager']);
    });

    it('service create -p 8888:80 --name my-nginx; ls; inspect; update --replicas 3; scale =2; rm', async () => {
      await drop('my-nginx');
      await twin(['service', 'create', '-p', '{port2}:80', '--name', '{p}my-nginx', `${IMG}:latest`, 'httpd', '-f'], { progress: true });
      await sameSpecs('my-nginx');
      await settle('my-nginx');
      read(['service', 'ls', '--filter', 'name={p}my-nginx']);
      read(['service', 'inspect', '{p}my-nginx', '--format', '{{json .Spec.EndpointSpec}} {{len .Endpoint.Ports}}']);
      await twin(['service', 'update', '--replicas', '3', '{p}my-nginx'], { progress: true });
      await sameSpecs('my-nginx');
      await twin(['service', 'scale', '{p}my-nginx=2'], { progress: true });
      await sameSpecs('my-nginx');
      await twin(['service', 'rm', '{p}my-nginx']);
      assert.equal(await service('tsw-sd-t-my-nginx'), undefined);
      await twin(['service', 'rm', '{p}my-nginx']);
    });

    it('service create --mount type=volume (busybox ping, no target host)', async () => {
      await drop('uchin_v_test');
      await twin(['service', 'create', '-d', '--mount', 'type=volume,src={p}volume,dst=/data', '--name', '{p}uchin_v_test', `${IMG}:latest`, 'ping']);
      await sameSpecs('uchin_v_test');
      read(['service', 'inspect', '--pretty', '{p}uchin_v_test']);
      await drop('uchin_v_test');
    });

    it('network create kafka --driver overlay --subnet --gateway; again with --attachable (name taken)', async () => {
      await twin(['network', 'create', '{p}kafka', '--driver', 'overlay', '--subnet', '{subnet}', '--gateway', '{gw}']);
      await sameNetworks('kafka');
      await twin(['network', 'create', '{p}kafka', '--driver', 'overlay', '--attachable', '--subnet', '{subnet}', '--gateway', '{gw}']);
      read(['network', 'inspect', '{p}kafka']);
      read(['network', 'ls', '--filter', 'name={p}kafka', '--no-trunc']);
    });

    it('services on kafka with volume mounts; then network rm while in use and after', async () => {
      await drop('uchin_test', 'my-nginx');
      await twin(['service', 'create', '-d', '--name', '{p}uchin_test', '--network', '{p}kafka', '--mount', 'type=volume,src={p}volume_kafka,dst=/home', '--replicas', '2', `${IMG}:latest`]);
      await twin(['service', 'create', '-d', '--network', '{p}kafka', '-p', '{port2}:80', '--name', '{p}my-nginx', '--mount', 'type=volume,src={p}volume_kafka,dst=/home', `${IMG}:latest`]);
      await sameSpecs('uchin_test', 'my-nginx');
      read(['service', 'inspect', '--pretty', '{p}my-nginx']);
      // With two services on it the daemon names either one (map order): keep one.
      await drop('my-nginx');
      await twin(['network', 'rm', '{p}kafka']);
      // The network goes once the tasks are gone.
      await dropAndWait('uchin_test');
      await twin(['network', 'rm', '{p}kafka']);
      // The manager keeps its local copy of a removed overlay network for a moment; a rm by name
      // in that window resolves the copy and the daemon says `network <ID> not found` instead of
      // the name. Wait until neither side's copy is listed, then both get the name.
      await waitUntil(async () => !(await ours()).some((o) => /^tsw-sd-[dt]-kafka$/.test(o.name)), 60_000, 'kafka networks to go');
      await twin(['network', 'rm', '{p}kafka']);
    });
  });

  // 002_… (docker 1.12 swarm tutorial): en dashes typed for --, global mode, a constraint
  // without ==, helloworld (ping), scale, rm, redis rolling update with --update-delay,
  // drain/active (no-op here), node inspect --pretty, promote/demote (no-op here).
  describe('002 swarm tutorial', { concurrency: false }, () => {
    it('network create -d overlay mynet', async () => {
      await twin(['network', 'create', '-d', 'overlay', '{p}mynet']);
      await sameNetworks('mynet');
    });

    it('service create typed with en dashes (–replicas) fails the same and creates nothing', async () => {
      const before = (await ours()).length;
      await twin(['service', 'create', '–replicas', '3', '–name', 'frontend', '–network', '{p}mynet', '–publish', '80:80/tcp', 'frontend_image:latest']);
      await twin(['service', 'create', '–name', 'redis', '–network', '{p}mynet', 'redis:latest']);
      assert.equal((await ours()).length, before);
    });

    it('--mode=global; --constraint engine.labels.com.example.storage=ssd (no operator) fails', async () => {
      await drop('extend_frontend', 'frontend');
      await twin(['service', 'create', '-d', '--mode=global', '--name', '{p}extend_frontend', `${IMG}:latest`]);
      await twin(['service', 'create', '-d', '--replicas', '3', '--name', '{p}frontend', '--network', '{p}mynet', '--publish', '{port1}:80/tcp', '--constraint', 'engine.labels.com.example.storage=ssd', `${IMG}:lastest`]);
      await twin(['service', 'create', '-d', '--replicas', '3', '--name', '{p}frontend', '--network', '{p}mynet', '--publish', '{port1}:80/tcp', '--constraint', 'engine.labels.com.example.storage==ssd', `${IMG}:latest`]);
      await sameSpecs('extend_frontend', 'frontend');
      read(['service', 'ps', '{p}frontend']);
      await drop('extend_frontend', 'frontend');
    });

    it('helloworld: create --replicas 1 … ping, ls, inspect --pretty, ps, scale =5, rm', async () => {
      await drop('helloworld');
      await twin(['service', 'create', '--replicas', '1', '--name', '{p}helloworld', `${IMG}:latest`, 'ping', '127.0.0.1'], { progress: true });
      await sameSpecs('helloworld');
      await settle('helloworld');
      read(['service', 'ls', '--filter', 'name={p}helloworld']);
      read(['service', 'inspect', '--pretty', '{p}helloworld']);
      read(['service', 'ps', '{p}helloworld']);
      await twin(['service', 'scale', '{p}helloworld=5'], { progress: true });
      await sameSpecs('helloworld');
      await settle('helloworld');
      read(['service', 'ps', '{p}helloworld']);
      await twin(['service', 'rm', '{p}helloworld']);
    });

    it('redis: --update-delay 10s, update --image, ps', async () => {
      await drop('redis');
      await twin(['service', 'create', '-d', '--replicas', '3', '--name', '{p}redis', '--update-delay', '10s', `${IMG}:1`]);
      await settle('redis');
      await twin(['service', 'update', '-d', '--image', `${IMG}:2`, '{p}redis']);
      await sameSpecs('redis');
      read(['service', 'inspect', '--pretty', '{p}redis']);
      read(['service', 'ps', '{p}redis']);
    });

    it('availability active on an active node, node inspect --pretty, promote/demote that change nothing', () => {
      const n3 = assertSame(['node', 'update', '--availability', 'active', 'node-3']);
      assert.equal(n3.stdout, 'node-3\n');
      read(['node', 'inspect', '--pretty', 'node-3']);
      assertSame(['node', 'promote', 'node-1']);
      read(['node', 'ls', '--filter', 'name=node-']);
      assertSame(['node', 'demote', 'node-2']);
      assertSame(['node', 'update', '--availability', 'drain']);
      assertSame(['node', 'update', '--availability', 'drained', 'node-3']);
    });

    it('clean up redis and mynet', async () => {
      await drop('redis');
      await settle('redis');
    });
  });

  // 003_… (docker 17.x, copy of the official tutorial with en dashes): hellowalld, inspect of a
  // removed service, en-dashed flags read as arguments.
  describe('003 swarm official tutorial copy', { concurrency: false }, () => {
    it('hellowalld: create, ls, inspect --pretty, inspect, ps, scale =5, rm; inspect of a missing service', async () => {
      await drop('hellowalld');
      await twin(['service', 'create', '--replicas', '1', '--name', '{p}hellowalld', `${IMG}:latest`, 'ping', '127.0.0.1'], { progress: true });
      await settle('hellowalld');
      read(['service', 'inspect', '--pretty', '{p}hellowalld']);
      read(['service', 'ps', '{p}hellowalld']);
      await twin(['service', 'scale', '{p}hellowalld=5'], { progress: true });
      await sameSpecs('hellowalld');
      await twin(['service', 'rm', '{p}hellowalld']);
      await twin(['service', 'inspect', '{p}helloworld']);
    });

    it('redis with --update-delay; inspect –pretty (en dash: a second name) ', async () => {
      await drop('redis');
      await twin(['service', 'create', '--replicas', '3', '--name', '{p}redis', '--update-delay', '10s', `${IMG}:1`], { progress: true });
      await twin(['service', 'inspect', '--pretty', '{p}redis']);
      await twin(['service', 'update', '-d', '--image', `${IMG}:2`, '{p}redis']);
      await sameSpecs('redis');
      read(['service', 'inspect', '–pretty', '{p}redis']);
      read(['service', 'ps', '{p}redis', '--filter', 'desired-state=running']);
      await settle('redis');
      // 000's `service update --rollback`, waiting for it.
      await twin(['service', 'update', '--rollback', '{p}redis'], { progress: true });
      await sameSpecs('redis');
      await twin(['service', 'rollback', '{p}redis'], { progress: true });
      await sameSpecs('redis');
      await drop('redis');
    });

    it('node update –availability drain (en dash) is a usage error; node inspect –pretty fails', () => {
      assertSame(['node', 'update', '–availability', 'drain', 'node-3']);
      assertSame(['node', 'inspect', '–pretty', 'node-3']);
      assertSame(['node', 'update', '--availability', 'active', 'node-3']);
      read(['node', 'inspect', '--pretty', 'node-3']);
    });
  });

  // 004_… (greenplum on swarm): node ls, an attachable overlay network with a /16 subnet,
  // service scale, service update --image on a stack's service. (Stack steps: see below.)
  describe('004 greenplum', { concurrency: false }, () => {
    it('network create --driver overlay --subnet=… --attachable', async () => {
      await twin(['network', 'create', '--driver', 'overlay', '--subnet={subnet2}', '--attachable', '{p}gpdb']);
      await sameNetworks('gpdb');
      read(['network', 'inspect', '{p}gpdb', '--format', '{{json .IPAM}} {{.Attachable}}']);
    });

    it('service scale SERVICE=5, service update SERVICE --image (flags after the name)', async () => {
      await drop('mdw');
      await twin(['service', 'create', '-d', '--replicas', '1', '--network', '{p}gpdb', '--name', '{p}mdw', '--hostname', 'mdw', '--restart-condition', 'on-failure', '--restart-delay', '5s', '--restart-max-attempts', '3', '--constraint', 'node.role == manager', `${IMG}:latest`]);
      await sameSpecs('mdw');
      await twin(['service', 'scale', '-d', '{p}mdw=5']);
      await sameSpecs('mdw');
      await twin(['service', 'update', '-d', '{p}mdw', '--image', `${IMG}:2`]);
      await sameSpecs('mdw');
      await drop('mdw');
    });
  });

  // Stacks from compose files (001: wordpress; 004: greenplum with an external network named the
  // old way). docker deploys tswsd<N>d, tsw tswsd<N>t.
  describe('stacks from the tutorials', { concurrency: false }, () => {
    const env1 = (side: Side) => ({ SD_PORT: VALUES[side]['port3'] ?? '' });
    const env2 = (side: Side) => ({ SD_PORT: VALUES[side]['port4'] ?? '', SD_NET: `${VALUES[side]['p'] ?? ''}gpdb`, REGISTRY, TAGNAME: 'busybox:latest' });
    /** The lines of a whole-swarm listing that are this suite's (and the header). */
    const mine = (args: readonly string[]) => {
      for (let i = 0; i < 10; i++) {
        const keep = (o: Outcome) => ({ ...o, stdout: o.stdout.split('\n').filter((l, k) => k === 0 || l.startsWith('tswsd')).join('\n') });
        const [d1, t, d2] = [keep(runDocker(args)), keep(runTsw(args)), keep(runDocker(args))];
        if (d1.stdout !== d2.stdout) continue;
        assert.deepEqual(t, d1, `${args.join(' ')} (this suite's lines)`);
        return;
      }
      assert.fail(`the swarm never held still for ${args.join(' ')}`);
    };

    it('001: stack deploy -c docker-compose.yml wordpress; ls, ps, services; deploy again', async () => {
      await twin(['stack', 'deploy', '-c', `${FIXTURES}wordpress.yml`, '{s1}'], { env: env1, unordered: true });
      await sameSpecs('{s1}_wordpress', '{s1}_db', '{s1}_visualizer');
      await sameNetworks('{s1}_overlay');
      mine(['stack', 'ls']);
      read(['stack', 'services', '{s1}']);
      read(['stack', 'ps', '{s1}', '--filter', 'desired-state=running', '--format', '{{.Name}} {{.Image}} {{.DesiredState}}']);
      await twin(['stack', 'deploy', '-c', `${FIXTURES}wordpress.yml`, '{s1}'], { env: env1, unordered: true });
      await sameSpecs('{s1}_wordpress', '{s1}_db', '{s1}_visualizer');
      await twin(['service', 'scale', '-d', '{s1}_wordpress=1']);
      await sameSpecs('{s1}_wordpress');
    });

    it('001: stack rm wordpress, and again', async () => {
      // With tasks still shutting down, which network removals fail ("not found") is timing:
      // the services are scaled to 0 first. Networks go in the daemon's listing order, which
      // follows their IDs: lines sorted.
      for (const side of ['d', 't'] as const) await quiesce(['wordpress', 'db', 'visualizer'].map((n) => `${VALUES[side]['s1'] ?? ''}_${n}`));
      await twin(['stack', 'rm', '{s1}'], { unordered: true });
      await twin(['stack', 'rm', '{s1}']);
      assert.equal(await service('tswsd1t_wordpress'), undefined);
    });

    it('001: a docker-compose file (build, container_name, links, restart) deployed as a stack', async () => {
      await twin(['stack', 'deploy', '-c', `${FIXTURES}single-host.yml`, '{s3}'], { env: env1, unordered: true });
      await sameSpecs('{s3}_web', '{s3}_db');
      read(['stack', 'services', '{s3}', '--format', '{{.Name}} {{.Mode}} {{.Image}} {{.Ports}}']);
      for (const side of ['d', 't'] as const) await quiesce(['web', 'db'].map((n) => `${VALUES[side]['s3'] ?? ''}_${n}`));
      await twin(['stack', 'rm', '{s3}'], { unordered: true });
    });

    it('004: stack deploy greenplum onto the external gpdb network; stack ps --no-trunc; service ls; scale =5; stack rm; update after rm', async () => {
      if ((await api('GET', '/networks/tsw-sd-t-gpdb')).status !== 200) {
        await twin(['network', 'create', '--driver', 'overlay', '--subnet={subnet2}', '--attachable', '{p}gpdb']);
      }
      // ${TAGNAME} left unset: an image reference ending in "/", nothing created.
      await twin(['stack', 'deploy', '-c', `${FIXTURES}greenplum.yml`, '{s2}'], { env: (side) => ({ ...env2(side), TAGNAME: undefined }) });
      assert.equal(await service('tswsd2t_mdw'), undefined);
      await twin(['stack', 'deploy', '-c', `${FIXTURES}greenplum.yml`, '{s2}'], { env: env2, unordered: true });
      await sameSpecs('{s2}_mdw');
      read(['stack', 'ps', '--no-trunc', '{s2}', '--format', '{{.ID}} {{.Name}} {{.Image}} {{.Node}} {{.DesiredState}}']);
      read(['service', 'ls', '--filter', 'name={s2}']);
      await twin(['service', 'scale', '-d', '{s2}_mdw=5']);
      await sameSpecs('{s2}_mdw');
      await twin(['service', 'update', '-d', '{s2}_mdw', '--image', `${IMG}:2`]);
      await sameSpecs('{s2}_mdw');
      await twin(['stack', 'rm', '{s2}']);
      await twin(['service', 'update', '{s2}_mdw', '--image', `${IMG}:latest`]);
    });
  });
});
