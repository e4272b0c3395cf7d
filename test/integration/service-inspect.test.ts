/**
 * `tsw service inspect` against `docker service inspect` on the lab swarm: the JSON (docker
 * re-marshals the typed swarm.Service, defaults inserted), --format json, templates on the
 * typed value, and --pretty with every conditional section: modes (replicated, global, jobs),
 * labels, placement, update/rollback config, update status (completed, paused, rolled back),
 * container spec details, capabilities, sysctls, ulimits, mounts, configs, secrets, log
 * driver, resources, networks (names resolved), endpoint mode, ports, healthcheck.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { labUp, runDocker } from '../support/oracle.ts';
import { assertSame, assertSameTimed, mustDocker, waitUntil } from '../support/node-lab.ts';
import { createService, IMAGE, IMAGE1, IMAGE2, removeLeftovers, servicesOf } from '../support/service-reads.ts';

const P = 'tsw-r-in-';
const NET = `${P}net`;
const CFG = `${P}cfg`;
const SEC = `${P}sec`;

const RICH = [
  '--replicas', '0', '--label', 'b=2', '--label', 'a', '--env', 'A=1', '--env', 'B=x y',
  '--workdir', '/tmp', '--init', '--user', 'nobody', '--cap-add', 'CAP_NET_ADMIN', '--cap-drop', 'CAP_CHOWN',
  '--sysctl', 'net.core.somaxconn=1024', '--ulimit', 'nofile=100:200', '--ulimit', 'core=0:0',
  '--mount', `type=volume,source=${P}vol,target=/data`, '--mount', 'type=bind,source=/tmp,target=/h,readonly',
  '--config', `source=${CFG},target=/c`, '--secret', SEC,
  '--log-driver', 'json-file', '--log-opt', 'max-size=10m', '--log-opt', 'max-file=3',
  '--reserve-cpu', '0.25', '--reserve-memory', '64m', '--limit-cpu', '1.5', '--limit-memory', '512m', '--limit-pids', '100',
  '--network', NET, '-p', '18300:80', '-p', 'mode=host,target=81,published=18301',
  '--health-cmd', 'true', '--health-interval', '5s', '--health-retries', '2', '--health-timeout', '1s',
  '--constraint', 'node.role==manager', '--constraint', 'node.hostname!=x', '--placement-pref', 'spread=node.labels.zone',
  '--replicas-max-per-node', '2', '--update-delay', '10s', '--update-monitor', '1m30s', '--update-max-failure-ratio', '0.2',
  '--update-order', 'start-first', '--rollback-delay', '1s', '--rollback-parallelism', '3',
];

const ALL = ['rich', 'glob', 'job', 'gjob', 'upd', 'paused', 'back', 'small', 'nohealth'].map((s) => P + s);

describe('service inspect (differential, lab swarm)', () => {
  let cfgDir = '';
  let prettyCfgDir = '';

  before(async () => {
    assert.ok(labUp(), 'the lab swarm is not up: run the tests with npm test');
    removeLeftovers(P);
    runDocker(['network', 'rm', NET]);
    runDocker(['config', 'rm', CFG]);
    runDocker(['secret', 'rm', SEC]);
    mustDocker(['network', 'create', '-d', 'overlay', NET]);
    runDocker(['config', 'create', CFG, '-'], { input: 'config data\n' });
    runDocker(['secret', 'create', SEC, '-'], { input: 'secret data\n' });
    createService(`${P}rich`, RICH, [IMAGE, 'sh', '-c', 'sleep 1d']);
    createService(`${P}glob`, ['--mode', 'global', '--endpoint-mode', 'dnsrr', '--log-driver', 'none'], [IMAGE1]);
    createService(`${P}job`, ['--mode', 'replicated-job', '--replicas', '2', '--max-concurrent', '1'], [IMAGE, 'true']);
    createService(`${P}gjob`, ['--mode', 'global-job', '--limit-pids', '7'], [IMAGE, 'true']);
    createService(`${P}upd`, ['--replicas', '1', '--update-delay', '0s'], [IMAGE]);
    createService(`${P}paused`, ['--replicas', '1', '--update-failure-action', 'pause', '--update-monitor', '2s'], [IMAGE]);
    createService(`${P}back`, ['--replicas', '1', '--update-failure-action', 'rollback', '--update-monitor', '2s'], [IMAGE]);
    createService(`${P}small`, ['--replicas', '0', '--no-resolve-image', '--label', 'x<y>&z=1', '--env', 'Q=<&>'], ['busybox']);
    createService(`${P}nohealth`, ['--replicas', '0', '--no-healthcheck'], [IMAGE]);

    const running = async (name: string) => (await servicesOf(name)).some((s) => s.ServiceStatus?.RunningTasks === 1);
    await waitUntil(async () => (await running(`${P}upd`)) && (await running(`${P}paused`)) && (await running(`${P}back`)), 120_000, 'the services to run');
    // A completed rolling update; one paused by a failing task; one rolled back automatically.
    mustDocker(['service', 'update', '-d', '-q', '--image', IMAGE2, `${P}upd`]);
    mustDocker(['service', 'update', '-d', '-q', '--args', 'sh -c "exit 3"', `${P}paused`]);
    mustDocker(['service', 'update', '-d', '-q', '--args', 'sh -c "exit 3"', `${P}back`]);
    const state = async (name: string) => (await servicesOf(name)).find((s) => s.Spec.Name === name)?.UpdateStatus?.State;
    await waitUntil(
      async () => (await state(`${P}upd`)) === 'completed' && (await state(`${P}paused`)) === 'paused' && (await state(`${P}back`)) === 'rollback_completed',
      180_000,
      'the updates to complete, pause and roll back',
    );
    cfgDir = mkdtempSync(join(tmpdir(), 'tsw-r-in-'));
    writeFileSync(join(cfgDir, 'config.json'), JSON.stringify({ serviceInspectFormat: '{{.Spec.Name}} {{.Spec.Labels}}' }));
    prettyCfgDir = mkdtempSync(join(tmpdir(), 'tsw-r-in-'));
    writeFileSync(join(prettyCfgDir, 'config.json'), JSON.stringify({ serviceInspectFormat: 'pretty' }));
  });

  after(() => {
    removeLeftovers(P);
    runDocker(['network', 'rm', NET]);
    runDocker(['config', 'rm', CFG]);
    runDocker(['secret', 'rm', SEC]);
    for (const d of [cfgDir, prettyCfgDir]) if (d) rmSync(d, { recursive: true, force: true });
  });

  describe('JSON', () => {
    for (const s of ALL) it(s, () => void assertSame(['service', 'inspect', s]));
    it('several services, and --format json', () => {
      assertSame(['service', 'inspect', ...ALL]);
      assertSame(['service', 'inspect', '--format', 'json', ...ALL]);
      assertSame(['service', 'inspect', '--format', 'raw', `${P}small`]);
      assertSame(['service', 'inspect', '--format', 'rawjson', `${P}small`]);
    });
    it('by ID and by ID prefix', () => {
      const id = mustDocker(['service', 'inspect', '--format', '{{.ID}}', `${P}small`]).trim();
      assertSame(['service', 'inspect', id]);
      assertSame(['service', 'inspect', '-f', '{{.Spec.Name}}', id.slice(0, 5)]);
    });
  });

  describe('templates (typed values)', () => {
    for (const t of [
      '{{.ID}} {{.Spec.Name}} {{.Version}}',
      '{{.CreatedAt}} {{.UpdatedAt}}',
      '{{.Spec.Labels}}',
      '{{json .Spec.Labels}}',
      '{{.Spec.UpdateConfig.Delay}} {{.Spec.UpdateConfig.Monitor}} {{.Spec.UpdateConfig.MaxFailureRatio}}',
      '{{.Spec.TaskTemplate.ContainerSpec.Healthcheck.Interval}}',
      '{{.Spec.TaskTemplate.ContainerSpec.Env}} {{.Spec.TaskTemplate.ContainerSpec.Args}}',
      '{{.Spec.TaskTemplate.Resources.Limits.NanoCPUs}} {{.Spec.TaskTemplate.Resources.Limits.MemoryBytes}}',
      '{{json .Spec.TaskTemplate.ContainerSpec}}',
      '{{json .Endpoint}}',
      '{{range .Endpoint.Ports}}{{.PublishedPort}}/{{.Protocol}}/{{.PublishMode}} {{end}}',
      '{{.Spec.Mode.Replicated.Replicas}}',
      '{{if .UpdateStatus}}{{.UpdateStatus.State}} {{.UpdateStatus.Message}}{{end}}',
      '{{json .}}',
    ]) {
      it(t, () => void assertSame(['service', 'inspect', '-f', t, `${P}rich`, `${P}upd`, `${P}paused`]));
    }
    it('serviceInspectFormat from config.json, and --format over it', () => {
      const env = { DOCKER_CONFIG: cfgDir };
      assertSame(['service', 'inspect', `${P}rich`, `${P}glob`], env);
      assertSame(['service', 'inspect', '--format', '{{.ID}}', `${P}rich`], env);
    });
  });

  describe('errors', () => {
    it('an unknown service alone', () => {
      const d = assertSame(['service', 'inspect', `${P}nosuch`]);
      assert.equal(d.stderr, `Error: no such service: ${P}nosuch\n`);
      assert.equal(d.stdout, '[]\n');
    });
    it('unknown services among known ones: found ones first, then every error', () => {
      assertSame(['service', 'inspect', `${P}nosuch`, `${P}small`, `${P}nosuch2`]);
      assertSame(['service', 'inspect', '-f', '{{.Spec.Name}}', `${P}nosuch`, `${P}small`]);
      assertSame(['service', 'inspect', '-f', '{{.Spec.Name}}', `${P}nosuch`]);
    });
    it('--pretty stops at the first unknown service, printing nothing', () => {
      assertSame(['service', 'inspect', '--pretty', `${P}small`, `${P}nosuch`, `${P}glob`]);
    });
    it('an empty name', () => void assertSame(['service', 'inspect', ' ']));
    it('--pretty with --format', () => void assertSame(['service', 'inspect', '--pretty', '--format', '{{.ID}}', `${P}small`]));
    it('a pretty format with more', () => void assertSame(['service', 'inspect', '--format', 'pretty {{.ID}}', `${P}small`]));
    it('a template that does not parse', () => void assertSame(['service', 'inspect', '-f', '{{.ID', `${P}small`]));
    it('a template that fails', () => void assertSame(['service', 'inspect', '-f', '{{.Nope}}', `${P}small`, `${P}glob`]));
    it('no argument', () => void assertSame(['service', 'inspect']));
    it('a bad --pretty value', () => void assertSame(['service', 'inspect', '--pretty=maybe', `${P}small`]));
    it('help', () => void assertSame(['service', 'inspect', '--help']));
  });
  describe('--pretty', () => {
    it('(every update status time is now more than a minute old: "About a minute ago" holds for a minute)', async () => {
      const times: number[] = [];
      for (const s of await servicesOf(P)) {
        const u = (s as { UpdateStatus?: { StartedAt?: string; CompletedAt?: string } }).UpdateStatus;
        for (const t of [u?.StartedAt, u?.CompletedAt]) if (t) times.push(Date.parse(t));
      }
      assert.ok(times.length >= 5);
      const wait = Math.max(...times) + 61_000 - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      assert.ok(Date.now() - Math.min(...times) < 110_000, 'the updates were too far apart');
    });
    for (const s of ALL) it(s, () => void assertSameTimed(['service', 'inspect', '--pretty', s]));
    it('several services at once', () => {
      const d = assertSameTimed(['service', 'inspect', '--pretty', ...ALL]);
      assert.match(d.stdout, /^\nID:\t\t/);
      assert.match(d.stdout, /Networks: tsw-r-in-net \n/);
      assert.match(d.stdout, / State:\t\tpaused\n/);
      assert.match(d.stdout, / State:\t\trollback_completed\n/);
      assert.match(d.stdout, / Completed:\t.* ago\n/);
      assert.match(d.stdout, / Healthcheck:\n/);
    });
    it('--format pretty is --pretty', () => void assertSameTimed(['service', 'inspect', '--format', 'pretty', `${P}upd`]));
    it('serviceInspectFormat "pretty" from config.json', () => {
      assertSameTimed(['service', 'inspect', `${P}rich`], { DOCKER_CONFIG: prettyCfgDir });
    });
  });
});
