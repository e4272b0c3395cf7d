#!/usr/bin/env node
// Captures what docker 28 prints for `inspect -f TEMPLATE` against the typed Go values
// (swarm.Node, swarm.Service, swarm.Task, swarm.Secret, swarm.Config, network.Inspect,
// swarm.ClusterInfo), together with the JSON each object came from, in one run, so unit tests
// of src/render/typed.ts need no engine. Also captures Go oracles for the pure helpers:
// Duration.String/ParseDuration (via --update-delay), fmt float verbs (via printf),
// Time.Format (via .CreatedAt.Format), NaturalLess (via `config ls` order), json.Indent and
// json.Compact (raw API bodies vs `inspect` / `inspect --format json`).
//
// Run against the lab: source /tmp/tsw-lab.env && node test/capture/typed.mjs
// Writes test/golden/typed/*.json. Everything it creates is named tsw-cap-* and removed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../golden/typed/', import.meta.url));
mkdirSync(out, { recursive: true });

const docker = process.env.TSW_ORACLE ?? 'docker';
const host = process.env.DOCKER_HOST;
if (!host?.startsWith('unix://')) throw new Error('set DOCKER_HOST to the lab manager (source /tmp/tsw-lab.env)');
const socketPath = host.slice('unix://'.length);
const registry = process.env.TSW_LAB_REGISTRY ?? '';
const env = { PATH: process.env.PATH, HOME: '/nonexistent-home', DOCKER_HOST: host, TZ: 'UTC' };
const tag = `tsw-cap-${process.pid}`;

function run(args, input = '') {
  const r = spawnSync(docker, args, { encoding: 'utf8', input, env });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}

function must(args, input = '') {
  const r = run(args, input);
  if (r.code !== 0) throw new Error(`docker ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

const version = must(['version', '--format', '{{.Client.Version}} {{.Client.GoVersion}} api={{.Client.APIVersion}} server={{.Server.Version}}']).trim();
if (Number(/^(\d+)\./.exec(version)?.[1] ?? 0) < 28) throw new Error(`oracle is not docker >= 28: ${version}`);

/** GET a raw API body over the lab socket (the bytes docker's inspect re-indents). */
function apiGet(path) {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path: `/v1.41${path}`, method: 'GET' }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', reject);
    req.end();
  });
}

function save(name, data) {
  writeFileSync(`${out}${name}.json`, `${JSON.stringify({ client: version, ...data }, null, 2)}\n`);
  console.log(`  ${name}.json`);
}

/**
 * Runs every template against one object, between two plain inspects; retries until the
 * object did not change meanwhile, so raw JSON and outputs belong together.
 */
function captureObject(name, kind, inspectArgs, ref, templates) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = must([...inspectArgs, ref]);
    const cases = templates.map((template) => {
      const r = run([...inspectArgs, '--format', template, ref]);
      return { template, stdout: r.stdout, stderr: r.stderr, code: r.code };
    });
    const after = must([...inspectArgs, ref]);
    if (before === after) {
      save(name, { kind, command: [...inspectArgs, ref], inspect: before, cases });
      return JSON.parse(before)[0];
    }
  }
  throw new Error(`${name}: object kept changing`);
}

/** A label whose value needs JSON escapes: HTML characters, quote, backslash, tab, U+2028, non-ASCII. */
const WEIRD_LABEL = 'weird=<a href="x">&amp;</a> \\ \t \u2028 é 😀 \u007f';

const TIME_LAYOUTS = [
  '2006-01-02 15:04:05.999999999 -0700 MST',
  '2006-01-02T15:04:05.999999999Z07:00',
  '2006-01-02T15:04:05Z07:00',
  'Mon Jan _2 15:04:05 MST 2006',
  'Monday, 02-Jan-06 15:04:05.000 MST',
  '3:04PM pm PM 03 3 _2 __2 002 1 01 Jan January 06',
  '15:04:05.000000 .999 ,000 ,999999999 .0 .9',
  '-0700 -07:00 -07 -070000 -07:00:00 Z0700 Z07:00 Z07 Z070000 Z07:00:00',
  '_2006 2006_ Janx Monx MSTx 2006-002 2 5 4',
];

const COMMON = [
  '{{.ID}}',
  '{{.CreatedAt}}',
  '{{.UpdatedAt}}',
  '{{.Version}}',
  '{{.Version.Index}}',
  '{{.Meta.Version}}',
  '{{.Meta}}',
  '{{json .Meta}}',
  '{{json .Version}}',
  '{{json .CreatedAt}}',
  '{{printf "%T" .}}',
  '{{printf "%T|%T|%T" .Version .CreatedAt .Meta}}',
  '{{.CreatedAt.Unix}} {{.CreatedAt.UnixNano}} {{.CreatedAt.Nanosecond}} {{.CreatedAt.IsZero}}',
  '{{.CreatedAt.Year}} {{.CreatedAt.Month}} {{.CreatedAt.Day}} {{.CreatedAt.Weekday}} {{.CreatedAt.YearDay}} {{.CreatedAt.Hour}} {{.CreatedAt.Minute}} {{.CreatedAt.Second}}',
  '{{.UpdatedAt.Sub .CreatedAt}}',
  '{{.CreatedAt.Sub .UpdatedAt}}',
  '{{json .}}',
  '{{.}}',
  ...TIME_LAYOUTS.map((l) => `{{.CreatedAt.Format ${JSON.stringify(l)}}}`),
];

const NODE = [
  ...COMMON,
  '{{.Spec}}',
  '{{.Spec.Name}}|{{.Spec.Labels}}|{{.Spec.Role}}|{{.Spec.Availability}}',
  '{{.Spec.Annotations}}',
  '{{json .Spec}}',
  '{{.Description.Hostname}}',
  '{{.Description.Platform}}',
  '{{.Description.Resources}}',
  '{{.Description.Resources.NanoCPUs}} {{.Description.Resources.MemoryBytes}}',
  '{{.Description.Resources.GenericResources}}',
  '{{.Description.Engine.EngineVersion}}|{{.Description.Engine.Labels}}',
  '{{.Description.Engine.Plugins}}',
  '{{index .Description.Engine.Plugins 0}}',
  '{{.Description.TLSInfo.CertIssuerSubject}}',
  '{{json .Description.TLSInfo}}',
  '{{.Description.CSIInfo}}',
  '{{json .Description.CSIInfo}}',
  '{{.Status}}',
  '{{.Status.State}}|{{.Status.Message}}|{{.Status.Addr}}',
  '{{.ManagerStatus}}',
  '{{json .ManagerStatus}}',
  '{{if .ManagerStatus}}manager{{else}}worker{{end}}',
  '{{printf "%T|%T|%T" .ManagerStatus .Spec.Role .Description.Resources.NanoCPUs}}',
];

const SERVICE = [
  ...COMMON,
  '{{.Spec.Name}}|{{.Spec.Labels}}',
  '{{.Spec.UpdateConfig}}',
  '{{.Spec.UpdateConfig.Delay}}|{{.Spec.UpdateConfig.Monitor}}|{{.Spec.UpdateConfig.MaxFailureRatio}}|{{.Spec.UpdateConfig.Parallelism}}',
  '{{.Spec.UpdateConfig.Delay.Seconds}} {{.Spec.UpdateConfig.Delay.Minutes}} {{.Spec.UpdateConfig.Delay.Nanoseconds}}',
  '{{json .Spec.UpdateConfig}}',
  '{{.Spec.RollbackConfig.Delay}}|{{.Spec.RollbackConfig.Monitor}}',
  '{{.Spec.TaskTemplate.RestartPolicy.Condition}}|{{.Spec.TaskTemplate.RestartPolicy.Delay}}|{{.Spec.TaskTemplate.RestartPolicy.MaxAttempts}}|{{.Spec.TaskTemplate.RestartPolicy.Window}}',
  '{{json .Spec.TaskTemplate.RestartPolicy}}',
  '{{.Spec.TaskTemplate.ContainerSpec.Image}}',
  '{{.Spec.TaskTemplate.ContainerSpec.Labels}}|{{.Spec.TaskTemplate.ContainerSpec.Args}}|{{.Spec.TaskTemplate.ContainerSpec.Env}}',
  '{{.Spec.TaskTemplate.ContainerSpec.StopGracePeriod}}|{{.Spec.TaskTemplate.ContainerSpec.Init}}',
  '{{.Spec.TaskTemplate.ContainerSpec.Healthcheck}}',
  '{{.Spec.TaskTemplate.ContainerSpec.Healthcheck.Interval}}|{{.Spec.TaskTemplate.ContainerSpec.Healthcheck.StartPeriod}}|{{.Spec.TaskTemplate.ContainerSpec.Healthcheck.Test}}',
  '{{json .Spec.TaskTemplate.ContainerSpec.Healthcheck}}',
  '{{.Spec.TaskTemplate.ContainerSpec.Ulimits}}',
  '{{range .Spec.TaskTemplate.ContainerSpec.Ulimits}}{{.}} {{.Name}}{{end}}',
  '{{range .Spec.TaskTemplate.ContainerSpec.Mounts}}{{.Type}} {{.Target}} {{.TmpfsOptions.Mode}} {{.TmpfsOptions.SizeBytes}}{{end}}',
  '{{range .Spec.TaskTemplate.ContainerSpec.Secrets}}{{.SecretName}} {{.File.Name}} {{.File.Mode}} {{.File.UID}}{{end}}',
  '{{range .Spec.TaskTemplate.ContainerSpec.Configs}}{{.ConfigName}} {{.File.Mode}} {{.Runtime}}{{end}}',
  '{{json .Spec.TaskTemplate.ContainerSpec.Secrets}}',
  '{{.Spec.TaskTemplate.ContainerSpec.Hosts}}|{{.Spec.TaskTemplate.ContainerSpec.DNSConfig}}|{{.Spec.TaskTemplate.ContainerSpec.CapabilityAdd}}|{{.Spec.TaskTemplate.ContainerSpec.Sysctls}}',
  '{{.Spec.TaskTemplate.ContainerSpec.Privileges}}',
  '{{.Spec.TaskTemplate.Resources.Limits}}|{{.Spec.TaskTemplate.Resources.Reservations}}',
  '{{.Spec.TaskTemplate.Placement.Constraints}}|{{.Spec.TaskTemplate.Placement.Preferences}}|{{.Spec.TaskTemplate.Placement.MaxReplicas}}',
  '{{.Spec.TaskTemplate.LogDriver}}',
  '{{.Spec.TaskTemplate.ForceUpdate}}|{{.Spec.TaskTemplate.Runtime}}',
  '{{json .Spec.TaskTemplate}}',
  '{{.Spec.Mode.Replicated.Replicas}}|{{.Spec.Mode.Global}}|{{.Spec.Mode.ReplicatedJob}}',
  '{{.Spec.Mode.ReplicatedJob.TotalCompletions}}|{{.Spec.Mode.ReplicatedJob.MaxConcurrent}}',
  '{{json .Spec.Mode}}',
  '{{.Spec.EndpointSpec}}',
  '{{json .Spec.EndpointSpec}}',
  '{{.Endpoint.Ports}}|{{.Endpoint.VirtualIPs}}',
  '{{json .Endpoint}}',
  '{{.PreviousSpec}}|{{.UpdateStatus}}|{{.ServiceStatus}}',
  '{{.JobStatus}}',
  '{{json .JobStatus}}',
  '{{.JobStatus.JobIteration}}|{{.JobStatus.LastExecution}}',
  '{{json .Spec}}',
  '{{.Spec}}',
  '{{.Spec.TaskTemplate}}',
  '{{.Spec.TaskTemplate.ContainerSpec}}',
  '{{.Spec.TaskTemplate.Resources}}',
  '{{.Spec.Mode}}',
  '{{.Endpoint}}',
];

const TASK = [
  ...COMMON,
  '{{.Name}}|{{.Labels}}|{{.ServiceID}}|{{.Slot}}|{{.NodeID}}|{{.DesiredState}}',
  '{{.Annotations}}',
  '{{.Status.Timestamp}}|{{.Status.State}}|{{.Status.Message}}|{{.Status.Err}}',
  '{{.Status.ContainerStatus.PID}} {{.Status.ContainerStatus.ExitCode}}',
  '{{json .Status}}',
  '{{.Status.PortStatus}}',
  '{{.JobIteration}}|{{.Volumes}}|{{.GenericResources}}',
  '{{range .NetworksAttachments}}{{.Network.Spec.Name}} {{.Network.CreatedAt}} {{.Addresses}} {{.Network.Version}}{{end}}',
  '{{json .NetworksAttachments}}',
  '{{.Spec.ContainerSpec.Image}}',
  '{{.Status}}',
  '{{.Spec}}',
  '{{.NetworksAttachments}}',
];

const SECRET = [
  ...COMMON,
  '{{.Spec}}',
  '{{.Spec.Name}}|{{.Spec.Labels}}|{{.Spec.Data}}|{{.Spec.Driver}}|{{.Spec.Templating}}',
  '{{json .Spec}}',
  '{{json .Spec.Labels}}',
  '{{index .Spec.Labels "weird"}}',
  '{{.Spec.Labels.weird}}|{{.Spec.Labels.nope}}',
  '{{index .Spec.Labels "nope"}}',
];

const CONFIG = SECRET;

const NETWORK = [
  '{{.Name}}|{{.ID}}|{{.Scope}}|{{.Driver}}',
  '{{.Created}}',
  '{{json .Created}}',
  '{{.EnableIPv4}}|{{.EnableIPv6}}|{{.Internal}}|{{.Attachable}}|{{.Ingress}}|{{.ConfigOnly}}',
  '{{.IPAM}}',
  '{{.IPAM.Options}}|{{.IPAM.Config}}',
  '{{json .IPAM}}',
  '{{.ConfigFrom}}|{{.ConfigFrom.Network}}',
  '{{.Containers}}',
  '{{.Options}}|{{.Labels}}',
  '{{.Peers}}',
  '{{.Services}}',
  '{{printf "%T" .}}',
  '{{json .}}',
  '{{.Created.Format "2006-01-02 15:04:05.000 MST"}}',
  '{{.}}',
];

const CLUSTER = [
  '{{.Swarm.Cluster.Spec.Dispatcher.HeartbeatPeriod}}|{{.Swarm.Cluster.Spec.CAConfig.NodeCertExpiry}}',
  '{{.Swarm.Cluster.Spec.Orchestration.TaskHistoryRetentionLimit}}|{{.Swarm.Cluster.Spec.Raft.KeepOldSnapshots}}',
  '{{.Swarm.Cluster.Spec.Raft}}',
  '{{.Swarm.Cluster.Spec.CAConfig}}',
  '{{.Swarm.Cluster.Spec.TaskDefaults}}',
  '{{.Swarm.Cluster.Spec.EncryptionConfig}}',
  '{{.Swarm.Cluster.Version}}|{{.Swarm.Cluster.CreatedAt}}',
  '{{.Swarm.Cluster.DefaultAddrPool}}|{{.Swarm.Cluster.SubnetSize}}|{{.Swarm.Cluster.DataPathPort}}|{{.Swarm.Cluster.RootRotationInProgress}}',
  '{{json .Swarm.Cluster.Spec}}',
  '{{printf "%T" .Swarm.Cluster}}',
];

/** Float literals for fmt's verbs (formatFloat oracle). */
const FLOATS = [
  0, 1, -1, 0.5, 0.25, 0.1, 1.5, 15.625, 1000.5, 1023.5, 999.95, 9.9995, 1.0005, 1e6, 1e21, 123456789.0, 1e-5,
  0.0001, 0.00001234, 2.5, 3.5, 0.125, 1.125, 64, 1536, 100000, 1234567, 23.54, 7.9999, 1.99999, 5e-324, 1.7976931348623157e308,
];
const FLOAT_VERBS = ['%v', '%.4g', '%.3g', '%g', '%.2f', '%.0f', '%e', '%.3e', '%f'];

/** Durations for --update-delay (ParseDuration → ns → Duration.String oracle). */
const DURATIONS = [
  '0s', '1ns', '999ns', '1us', '1µs', '1.5µs', '999us', '1ms', '1.5ms', '500ms', '999.999999ms', '1s', '1.5s', '59.999999999s',
  '60s', '90s', '1m30s', '1h', '1h0m0.5s', '2h45m', '1.5h', '100h', '2540400h', '.5s', '1.s', '+3s', '0', '1h2m3.004005006s',
  '0.333333333333h', '3m60s', '1e3s', '1y', '1', 'x', '', '-', '.s', '1.2.3s', '1sm', '9223372036854775807ns', '9223372036854775808ns',
  '2562048h', '1..5s', '1 s', '5m-3s',
];

/** Config names whose `config ls` order shows NaturalLess. */
const NAT_NAMES = [
  'a', 'a0', 'a00', 'a1', 'a01', 'a001', 'a1b', 'a01b', 'a1a', 'a2', 'a10', 'a010', 'a9', 'a99', 'ab', 'a.1', 'a-1',
  'a_1', '0', '00', '1', '01', '9', '10', '1a', '01a', 'a99999999999999999999', 'a100000000000000000000', 'a1b2', 'a1b10', 'a01b2',
  'z', 'x1y01', 'x01y1',
];

async function main() {
  console.log(`oracle: docker ${version}`);
  const created = { services: [], secrets: [], configs: [] };
  try {
    // --- nodes ----------------------------------------------------------------------------
    const self = captureObject('node-self', 'swarm.Node', ['node', 'inspect'], 'self', NODE);
    const ids = must(['node', 'ls', '-q']).trim().split('\n');
    const worker = ids.find((id) => id !== self.ID) ?? self.ID;
    captureObject('node-worker', 'swarm.Node', ['node', 'inspect'], worker, NODE);

    // Raw bodies vs docker's re-indented / compacted arrays (json.Indent / json.Compact).
    for (let attempt = 0; attempt < 5; attempt++) {
      const bodies = [];
      for (const id of ids) bodies.push(await apiGet(`/nodes/${id}`));
      const indented = must(['node', 'inspect', ...ids]);
      const compact = must(['node', 'inspect', '--format', 'json', ...ids]);
      const again = [];
      for (const id of ids) again.push(await apiGet(`/nodes/${id}`));
      if (again.join('') === bodies.join('')) {
        save('inspect-json-nodes', { bodies, indented, compact });
        break;
      }
    }

    // --- secret and config -------------------------------------------------------------
    const secretName = `${tag}-secret`;
    must(['secret', 'create', '--label', 'k=v', '--label', 'empty=', '--label', WEIRD_LABEL, secretName, '-'], 'hi');
    created.secrets.push(secretName);
    captureObject('secret', 'swarm.Secret', ['secret', 'inspect'], secretName, SECRET);
    const configName = `${tag}-config`;
    must(['config', 'create', '--label', 'k=v', '--label', WEIRD_LABEL, configName, '-'], 'hi <&>\n');
    created.configs.push(configName);
    captureObject('config', 'swarm.Config', ['config', 'inspect'], configName, CONFIG);
    {
      const secretId = must(['secret', 'inspect', '--format', '{{.ID}}', secretName]).trim();
      const configId = must(['config', 'inspect', '--format', '{{.ID}}', configName]).trim();
      const bodies = [await apiGet(`/secrets/${secretId}`)];
      const cbodies = [await apiGet(`/configs/${configId}`)];
      save('inspect-json-secret-config', {
        bodies,
        indented: must(['secret', 'inspect', secretName]),
        compact: must(['secret', 'inspect', '--format', 'json', secretName]),
        configBodies: cbodies,
        configIndented: must(['config', 'inspect', configName]),
        configCompact: must(['config', 'inspect', '--format', 'json', configName]),
      });
    }

    // --- services ------------------------------------------------------------------------
    const image = `${registry}/busybox:latest`;
    const svc = `${tag}-svc`;
    must([
      'service', 'create', '--detach', '--quiet', '--no-resolve-image', '--name', svc,
      '--label', 'a=b', '--label', 'empty=', '--container-label', 'c=d', '--env', 'X=1',
      '--update-delay', '1m30s', '--update-monitor', '500ms', '--update-max-failure-ratio', '0.25',
      '--update-parallelism', '2', '--update-order', 'start-first', '--update-failure-action', 'rollback',
      '--rollback-delay', '0s', '--rollback-monitor', '2s',
      '--restart-condition', 'on-failure', '--restart-delay', '5s', '--restart-max-attempts', '3', '--restart-window', '2m',
      '--stop-grace-period', '1.5s', '--init',
      '--health-cmd', 'true', '--health-interval', '10s', '--health-timeout', '3s', '--health-start-period', '1m', '--health-retries', '2',
      '--limit-memory', '64M', '--limit-cpu', '0.5', '--reserve-memory', '32M',
      '--ulimit', 'nofile=1024:2048',
      '--mount', 'type=tmpfs,dst=/t,tmpfs-size=1048576,tmpfs-mode=1770',
      '--secret', `source=${secretName},target=sec,mode=0400,uid=1,gid=2`,
      '--config', `source=${configName},target=/cfg,mode=0440`,
      '--host', 'foo:1.2.3.4', '--dns', '1.1.1.1', '--cap-add', 'NET_ADMIN', '--sysctl', 'net.core.somaxconn=1024',
      '--placement-pref', 'spread=node.labels.zone', '--constraint', 'node.role==manager',
      '--log-driver', 'json-file', '--log-opt', 'max-size=1m',
      '--publish', 'published=18080,target=80', '--replicas', '1',
      image, 'sleep', '3600',
    ]);
    created.services.push(svc);
    const job = `${tag}-job`;
    must(['service', 'create', '--detach', '--quiet', '--no-resolve-image', '--name', job, '--mode', 'replicated-job', '--replicas', '1', image, 'true']);
    created.services.push(job);

    // Wait for the service's task to run, so the task capture is stable.
    let taskId = '';
    for (let i = 0; i < 120 && taskId === ''; i++) {
      const lines = must(['service', 'ps', '--no-trunc', '--filter', 'desired-state=running', '--format', '{{.ID}} {{.CurrentState}}', svc]).trim();
      const running = lines.split('\n').find((l) => / Running /.test(l));
      if (running) taskId = running.split(' ')[0] ?? '';
      else await new Promise((r) => setTimeout(r, 500));
    }
    for (let i = 0; i < 120; i++) {
      const s = must(['service', 'ps', '--format', '{{.CurrentState}}', job]);
      if (/Complete/.test(s)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    captureObject('service', 'swarm.Service', ['service', 'inspect'], svc, SERVICE);
    captureObject('service-job', 'swarm.Service', ['service', 'inspect'], job, SERVICE);
    if (taskId) {
      await new Promise((r) => setTimeout(r, 1000));
      captureObject('task', 'swarm.Task', ['inspect', '--type', 'task'], taskId, TASK);
    }

    // --- network and cluster ---------------------------------------------------------------
    captureObject('network-ingress', 'network.Inspect', ['network', 'inspect'], 'ingress', NETWORK);
    {
      const raw = must(['info', '--format', '{{json .Swarm.Cluster}}']);
      const cases = CLUSTER.map((template) => {
        const r = run(['info', '--format', template]);
        return { template, stdout: r.stdout, stderr: r.stderr, code: r.code };
      });
      save('cluster', { kind: '*swarm.ClusterInfo', command: ['info'], json: raw, cases });
    }

    // --- Go oracles for the pure helpers -------------------------------------------------
    {
      const cases = [];
      for (const verb of FLOAT_VERBS) {
        const tpl = `{{printf ${JSON.stringify(FLOATS.map(() => verb).join('|'))} ${FLOATS.map((f) => floatLiteral(f)).join(' ')}}}`;
        const r = must(['node', 'inspect', '--format', tpl, 'self']).replace(/\n$/, '').split('|');
        cases.push({ verb, values: FLOATS.map((f, i) => [floatLiteral(f), r[i]]) });
      }
      save('go-floats', { cases });
    }
    {
      const cases = [];
      for (const d of DURATIONS) {
        const r = run(['service', 'update', '--detach', '--quiet', '--update-delay', d, svc]);
        if (r.code !== 0) {
          cases.push({ input: d, code: r.code, stderr: r.stderr });
          continue;
        }
        const shown = must(['service', 'inspect', '--format', '{{.Spec.UpdateConfig.Delay}}|{{json .Spec.UpdateConfig.Delay}}', svc]).trim().split('|');
        cases.push({ input: d, code: 0, string: shown[0], nanos: shown[1] ?? '0' });
      }
      save('go-durations', { flag: '--update-delay', cases });
    }
    {
      for (const n of NAT_NAMES) {
        must(['config', 'create', `${tag}-nat-${n}`, '-'], 'x');
        created.configs.push(`${tag}-nat-${n}`);
      }
      const listed = must(['config', 'ls', '--filter', `name=${tag}-nat-`, '--format', '{{.Name}}']).trim().split('\n');
      save('go-natsort', { prefix: `${tag}-nat-`, names: NAT_NAMES, sorted: listed.map((n) => n.slice(`${tag}-nat-`.length)) });
    }
    {
      const r = run(['node', 'inspect', '--pretty', 'self']);
      save('node-pretty-self', { stdout: r.stdout, memoryBytes: self.Description?.Resources?.MemoryBytes ?? 0 });
    }
  } finally {
    for (const s of created.services) run(['service', 'rm', s]);
    // Secrets/configs in use by a removed service can only go once its tasks are gone.
    for (let i = 0; i < 60; i++) {
      const left = run(['service', 'ls', '-q', '--filter', `name=${tag}`]).stdout.trim();
      if (left === '') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    for (let i = 0; i < 20; i++) {
      const rs = created.secrets.length ? run(['secret', 'rm', ...created.secrets]) : { code: 0 };
      const rc = created.configs.length ? run(['config', 'rm', ...created.configs]) : { code: 0 };
      if (rs.code === 0 && rc.code === 0) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const leftovers = [
      run(['service', 'ls', '-q', '--filter', `name=${tag}`]).stdout,
      run(['secret', 'ls', '-q', '--filter', `name=${tag}`]).stdout,
      run(['config', 'ls', '-q', '--filter', `name=${tag}`]).stdout,
    ].join('').trim();
    if (leftovers) console.error(`WARNING: lab objects left behind: ${leftovers}`);
  }
}

/** A Go float literal for a JS number (always with '.' or exponent, so printf sees a float64). */
function floatLiteral(f) {
  const s = String(f);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

await main();
