/**
 * One compose service → swarm.ServiceSpec (docker/cli v28.2.2 cli/compose/convert/service.go).
 * Pure: the secret and config references arrive already resolved to IDs (see index.ts, which
 * makes docker's SecretList/ConfigList lookups through callbacks).
 */
import { quote } from '../../go/quote.ts';
import { parseNanoCPUs } from '../../spec/cpus.ts';
import type {
  ConfigReference,
  CredentialSpec,
  EndpointSpec,
  HealthConfig,
  NetworkAttachmentConfig,
  PortConfig,
  ResourceRequirements,
  RestartPolicy,
  SecretReference,
  ServiceMode,
  ServiceSpec,
  Ulimit,
  UpdateConfig,
} from '../../spec/types.ts';
import { effectiveCapAddCapDrop } from '../../spec/values.ts';
import type * as C from '../types.ts';
import { apiLess } from './compose.ts';
import { ConvertError } from './errors.ts';
import { addStackLabel, isUserDefinedNetwork, LABEL_IMAGE, type Namespace } from './namespace.ts';
import { convertVolumes } from './volume.ts';

function fail(msg: string): never {
  throw new ConvertError(msg);
}

/** Go's sort.Strings / string < order (bytewise over UTF-8). */
export function goLess(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

const big = (n: number | undefined): bigint => BigInt(Math.trunc(n ?? 0));
/** uint64(x) of a Go int: negative values wrap. */
const u64 = (n: number): bigint => BigInt.asUintN(64, BigInt(Math.trunc(n)));

function has<T>(m: Readonly<Record<string, T>> | undefined, key: string): boolean {
  return m !== undefined && Object.prototype.hasOwnProperty.call(m, key);
}

// ---- secrets / configs (the part before the API lookup) ----

/** convertFileObject: a service's reference to a top-level secret/config. */
function fileObject(ns: Namespace, ref: C.FileReferenceConfig, defs: Readonly<Record<string, C.FileObjectConfig>> | undefined, kind: 'secret' | 'config') {
  const key = ref.Source ?? '';
  if (!has(defs, key)) fail(`undefined ${kind} ${quote(key)}`);
  const obj = defs?.[key] ?? {};
  const source = (obj.Name ?? '') !== '' ? (obj.Name ?? '') : ns.scope(key);
  const target = (ref.Target ?? '') !== '' ? (ref.Target ?? '') : key;
  return {
    File: { Name: target, UID: (ref.UID ?? '') !== '' ? ref.UID : '0', GID: (ref.GID ?? '') !== '' ? ref.GID : '0', Mode: ref.Mode ?? 0o444 },
    Name: source,
  };
}

/** The references convertServiceSecrets asks ParseSecrets to resolve (names, no IDs yet). */
export function serviceSecretRefs(ns: Namespace, service: C.ServiceConfig, config: C.Config): SecretReference[] {
  return (service.Secrets ?? []).map((s) => {
    const o = fileObject(ns, s, config.Secrets, 'secret');
    return { File: o.File, SecretID: '', SecretName: o.Name };
  });
}

/** The references convertServiceConfigObjs asks ParseConfigs to resolve (incl. the credential spec's runtime config). */
export function serviceConfigRefs(ns: Namespace, service: C.ServiceConfig, config: C.Config): ConfigReference[] {
  const refs: ConfigReference[] = (service.Configs ?? []).map((c) => {
    const o = fileObject(ns, c, config.Configs, 'config');
    return { File: o.File, ConfigID: '', ConfigName: o.Name };
  });
  const credConfig = service.CredentialSpec?.Config ?? '';
  if (credConfig !== '') {
    if (!has(config.Configs, credConfig)) fail(`undefined config ${quote(credConfig)}`);
    const obj = config.Configs?.[credConfig] ?? {};
    refs.push({ ConfigName: (obj.Name ?? '') !== '' ? obj.Name : ns.scope(credConfig), Runtime: {} });
  }
  return refs;
}

/** The stable sort by name convert applies after ParseSecrets/ParseConfigs. */
export function sortSecretRefs(refs: readonly SecretReference[]): SecretReference[] {
  return [...refs].sort((a, b) => goLess(a.SecretName ?? '', b.SecretName ?? ''));
}
export function sortConfigRefs(refs: readonly ConfigReference[]): ConfigReference[] {
  return [...refs].sort((a, b) => goLess(a.ConfigName ?? '', b.ConfigName ?? ''));
}

// ---- the rest of Service() ----

function convertEndpointSpec(endpointMode: string | undefined, ports: readonly C.ServicePortConfig[] | undefined): EndpointSpec {
  const portConfigs: PortConfig[] = (ports ?? []).map((p) => ({
    Protocol: p.Protocol ?? '',
    TargetPort: p.Target ?? 0,
    PublishedPort: p.Published ?? 0,
    PublishMode: p.Mode ?? '',
  }));
  // sort.Slice by PublishedPort (insertion sort for these sizes: stable)
  portConfigs.sort((a, b) => (a.PublishedPort ?? 0) - (b.PublishedPort ?? 0));
  return { Mode: (endpointMode ?? '').toLowerCase(), Ports: portConfigs };
}

function convertDeployMode(mode: string | undefined, replicas: number | undefined): ServiceMode {
  switch (mode ?? '') {
    case 'global-job':
      if (replicas !== undefined) fail('replicas can only be used with replicated or replicated-job mode');
      return { GlobalJob: {} };
    case 'global':
      if (replicas !== undefined) fail('replicas can only be used with replicated or replicated-job mode');
      return { Global: {} };
    case 'replicated-job':
      return { ReplicatedJob: replicas === undefined ? {} : { MaxConcurrent: big(replicas), TotalCompletions: big(replicas) } };
    case 'replicated':
    case '':
      return { Replicated: replicas === undefined ? {} : { Replicas: big(replicas) } };
  }
  return fail(`Unknown mode: ${mode ?? ''}`);
}

function convertResources(source: C.Resources | undefined): ResourceRequirements {
  const out: ResourceRequirements = {};
  const limits = source?.Limits;
  if (limits !== undefined) {
    const cpus = (limits.NanoCPUs ?? '') !== '' ? parseNanoCPUs(limits.NanoCPUs ?? '') : 0n;
    out.Limits = { NanoCPUs: cpus, MemoryBytes: big(limits.MemoryBytes), Pids: big(limits.Pids) };
  }
  const res = source?.Reservations;
  if (res !== undefined) {
    const cpus = (res.NanoCPUs ?? '') !== '' ? parseNanoCPUs(res.NanoCPUs ?? '') : 0n;
    const generic = (res.GenericResources ?? []).map((g) =>
      g.DiscreteResourceSpec !== undefined && g.DiscreteResourceSpec !== null
        ? { DiscreteResourceSpec: { Kind: g.DiscreteResourceSpec.Kind ?? '', Value: big(g.DiscreteResourceSpec.Value) } }
        : {},
    );
    out.Reservations = { NanoCPUs: cpus, MemoryBytes: big(res.MemoryBytes), ...(generic.length > 0 ? { GenericResources: generic } : {}) };
  }
  return out;
}

/** opts.ParseRestartPolicy + the switch of convertRestartPolicy (compose `restart:`). */
function restartFromString(restart: string): RestartPolicy | undefined {
  if (restart === '') return undefined;
  const colon = restart.indexOf(':');
  const k = colon < 0 ? restart : restart.slice(0, colon);
  const v = colon < 0 ? '' : restart.slice(colon + 1);
  if (colon >= 0 && k === '') fail('invalid restart policy format: no policy provided before colon');
  let count = 0;
  if (v !== '') {
    if (!/^[+-]?\d+$/.test(v) || !Number.isSafeInteger(Number(v))) fail('invalid restart policy format: maximum retry count must be an integer');
    count = Number(v);
  }
  switch (k) {
    case 'no':
    case '':
      return undefined;
    case 'always':
    case 'unless-stopped':
      return { Condition: 'any' };
    case 'on-failure':
      return { Condition: 'on-failure', MaxAttempts: u64(count) };
  }
  return fail(`unknown restart policy: ${restart}`);
}

function convertRestartPolicy(restart: string | undefined, source: C.RestartPolicy | undefined): RestartPolicy | undefined {
  if (source === undefined || source === null) return restartFromString(restart ?? '');
  const out: RestartPolicy = { Condition: source.Condition ?? '' };
  if (source.Delay !== undefined) out.Delay = big(source.Delay);
  if (source.MaxAttempts !== undefined) out.MaxAttempts = big(source.MaxAttempts);
  if (source.Window !== undefined) out.Window = big(source.Window);
  return out;
}

function convertUpdateConfig(source: C.UpdateConfig | undefined): UpdateConfig | undefined {
  if (source === undefined || source === null) return undefined;
  return {
    Parallelism: source.Parallelism !== undefined ? big(source.Parallelism) : 1n,
    Delay: big(source.Delay),
    FailureAction: source.FailureAction ?? '',
    Monitor: big(source.Monitor),
    MaxFailureRatio: Math.fround(source.MaxFailureRatio ?? 0),
    Order: source.Order ?? '',
  };
}

function convertHealthcheck(h: C.HealthCheckConfig | undefined): HealthConfig | undefined {
  if (h === undefined || h === null) return undefined;
  if (h.Disable === true) {
    if ((h.Test ?? []).length !== 0) fail("test and disable can't be set at the same time");
    return { Test: ['NONE'] };
  }
  const out: HealthConfig = {
    Interval: big(h.Interval),
    Timeout: big(h.Timeout),
    StartPeriod: big(h.StartPeriod),
    StartInterval: big(h.StartInterval),
    Retries: big(h.Retries),
  };
  if (h.Test !== undefined) out.Test = [...h.Test];
  return out;
}

function convertServiceNetworks(
  networks: Readonly<Record<string, C.ServiceNetworkConfig | null>> | undefined,
  configs: Readonly<Record<string, C.NetworkConfig>> | undefined,
  ns: Namespace,
  name: string,
): NetworkAttachmentConfig[] {
  const entries: [string, C.ServiceNetworkConfig | null][] =
    networks === undefined || Object.keys(networks).length === 0 ? [['default', null]] : Object.entries(networks);
  // Go ranges over the map (random order); tsw checks the keys in sorted order.
  entries.sort((a, b) => goLess(a[0], b[0]));
  const nets: NetworkAttachmentConfig[] = [];
  for (const [networkName, nw] of entries) {
    const known = has(configs, networkName);
    if (!known && networkName !== 'default') fail(`undefined network ${quote(networkName)}`);
    const cfg = known ? (configs?.[networkName] ?? {}) : {};
    const target = (cfg.Name ?? '') !== '' ? (cfg.Name ?? '') : ns.scope(networkName);
    const att: NetworkAttachmentConfig = { Target: target };
    let aliases = nw?.Aliases !== undefined ? [...nw.Aliases] : undefined;
    if (nw?.DriverOpts !== undefined) att.DriverOpts = { ...nw.DriverOpts };
    if (isUserDefinedNetwork(target)) aliases = [...(aliases ?? []), name];
    if (aliases !== undefined) att.Aliases = aliases;
    nets.push(att);
  }
  return nets.sort((a, b) => goLess(a.Target ?? '', b.Target ?? ''));
}

function convertExtraHosts(hosts: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const h of hosts ?? []) {
    const i = h.indexOf(':');
    if (i >= 0) out.push(`${h.slice(i + 1)} ${h.slice(0, i)}`);
  }
  return out;
}

function convertEnvironment(env: Readonly<Record<string, string | null>> | undefined): string[] | undefined {
  const out: string[] = [];
  for (const [k, v] of Object.entries(env ?? {})) out.push(v === null || v === undefined ? k : `${k}=${v}`);
  if (out.length === 0) return undefined;
  return out.sort(goLess);
}

function convertCredentialSpec(ns: Namespace, spec: C.CredentialSpecConfig | undefined, refs: readonly ConfigReference[]): CredentialSpec | undefined {
  const o: string[] = [];
  if ((spec?.Config ?? '') !== '') o.push('"Config"');
  if ((spec?.File ?? '') !== '') o.push('"File"');
  if ((spec?.Registry ?? '') !== '') o.push('"Registry"');
  const l = o.length;
  if (l === 0) return undefined;
  if (l === 2) fail(`invalid credential spec: cannot specify both ${o[0]} and ${o[1]}`);
  if (l > 2) fail(`invalid credential spec: cannot specify both ${o.slice(0, l - 1).join(', ')}, and ${o[l - 1]}`);
  const out: CredentialSpec = { Config: spec?.Config ?? '', File: spec?.File ?? '', Registry: spec?.Registry ?? '' };
  const config = out.Config ?? '';
  if (config !== '') {
    const hit = refs.find((r) => r.ConfigName === config) ?? refs.find((r) => r.ConfigName === ns.scope(config));
    if (hit === undefined) fail(`invalid credential spec: spec specifies config ${config}, but no such config can be found`);
    out.Config = hit.ConfigID ?? '';
  }
  return out;
}

function convertUlimits(ulimits: Readonly<Record<string, C.UlimitsConfig>> | undefined): Ulimit[] {
  const out: Ulimit[] = [];
  for (const [name, u] of Object.entries(ulimits ?? {})) {
    const single = u?.Single ?? 0;
    out.push(single !== 0 ? { Name: name, Soft: big(single), Hard: big(single) } : { Name: name, Soft: big(u?.Soft), Hard: big(u?.Hard) });
  }
  return out.sort((a, b) => goLess(a.Name ?? '', b.Name ?? ''));
}

/**
 * convert.Service: the spec of one service, its secret and config references already
 * resolved (and sorted). Throws ConvertError with docker's (unwrapped) message.
 */
export function convertService(
  apiVersion: string,
  ns: Namespace,
  service: C.ServiceConfig,
  config: C.Config,
  secrets: SecretReference[],
  configs: ConfigReference[],
): ServiceSpec {
  const deploy = service.Deploy ?? {};
  const endpoint = convertEndpointSpec(deploy.EndpointMode, service.Ports);
  const mode = convertDeployMode(deploy.Mode, deploy.Replicas);
  const mounts = convertVolumes(service.Volumes, config.Volumes, ns);
  const resources = convertResources(deploy.Resources);
  const restartPolicy = convertRestartPolicy(service.Restart, deploy.RestartPolicy);
  const healthcheck = convertHealthcheck(service.HealthCheck);
  const networks = convertServiceNetworks(service.Networks, config.Networks, ns, service.Name);
  const dnsConfig =
    service.DNS !== undefined || service.DNSSearch !== undefined
      ? { ...(service.DNS !== undefined ? { Nameservers: [...service.DNS] } : {}), ...(service.DNSSearch !== undefined ? { Search: [...service.DNSSearch] } : {}) }
      : undefined;
  const credentialSpec = convertCredentialSpec(ns, service.CredentialSpec, configs);
  const { capAdd, capDrop } = effectiveCapAddCapDrop(service.CapAdd ?? [], service.CapDrop ?? []);
  const image = service.Image ?? '';

  const cs: NonNullable<NonNullable<ServiceSpec['TaskTemplate']>['ContainerSpec']> = {
    Image: image,
    Labels: addStackLabel(ns, service.Labels),
    Privileges: credentialSpec !== undefined ? { CredentialSpec: credentialSpec } : {},
  };
  if (service.Entrypoint !== undefined) cs.Command = [...service.Entrypoint];
  if (service.Command !== undefined) cs.Args = [...service.Command];
  if ((service.Hostname ?? '') !== '') cs.Hostname = service.Hostname;
  const env = convertEnvironment(service.Environment);
  if (env !== undefined) cs.Env = env;
  if ((service.WorkingDir ?? '') !== '') cs.Dir = service.WorkingDir;
  if ((service.User ?? '') !== '') cs.User = service.User;
  if (service.Init !== undefined && service.Init !== null) cs.Init = service.Init;
  if ((service.StopSignal ?? '') !== '') cs.StopSignal = service.StopSignal;
  if (service.Tty === true) cs.TTY = true;
  if (service.StdinOpen === true) cs.OpenStdin = true;
  if (service.ReadOnly === true) cs.ReadOnly = true;
  if (mounts.length > 0) cs.Mounts = mounts;
  if (service.StopGracePeriod !== undefined && service.StopGracePeriod !== null) cs.StopGracePeriod = big(service.StopGracePeriod);
  if (healthcheck !== undefined) cs.Healthcheck = healthcheck;
  const hosts = convertExtraHosts(service.ExtraHosts);
  if (hosts.length > 0) cs.Hosts = hosts;
  if (dnsConfig !== undefined) cs.DNSConfig = dnsConfig;
  if (secrets.length > 0) cs.Secrets = secrets;
  if (configs.length > 0) cs.Configs = configs;
  if ((service.Isolation ?? '') !== '') cs.Isolation = service.Isolation;
  if (service.Sysctls !== undefined && Object.keys(service.Sysctls).length > 0) cs.Sysctls = { ...service.Sysctls };
  if (capAdd !== undefined) cs.CapabilityAdd = capAdd;
  if (capDrop !== undefined) cs.CapabilityDrop = capDrop;
  const ulimits = convertUlimits(service.Ulimits);
  if (ulimits.length > 0) cs.Ulimits = ulimits;
  if ((service.OomScoreAdj ?? 0) !== 0) cs.OomScoreAdj = big(service.OomScoreAdj);

  const placement = deploy.Placement ?? {};
  const spec: ServiceSpec = {
    Name: ns.scope(service.Name),
    Labels: { ...addStackLabel(ns, deploy.Labels), [LABEL_IMAGE]: image },
    TaskTemplate: {
      ContainerSpec: cs,
      Resources: resources,
      ...(restartPolicy !== undefined ? { RestartPolicy: restartPolicy } : {}),
      Placement: {
        ...(placement.Constraints !== undefined && placement.Constraints.length > 0 ? { Constraints: [...placement.Constraints] } : {}),
        ...((placement.Preferences ?? []).length > 0
          ? { Preferences: (placement.Preferences ?? []).map((p) => ({ Spread: { SpreadDescriptor: p?.Spread ?? '' } })) }
          : {}),
        ...((placement.MaxReplicas ?? 0) !== 0 ? { MaxReplicas: big(placement.MaxReplicas) } : {}),
      },
      ...(service.Logging !== undefined && service.Logging !== null
        ? { LogDriver: { Name: service.Logging.Driver ?? '', ...(service.Logging.Options !== undefined ? { Options: { ...service.Logging.Options } } : {}) } }
        : {}),
    },
    Mode: mode,
    EndpointSpec: endpoint,
  };
  const update = convertUpdateConfig(deploy.UpdateConfig);
  if (update !== undefined) spec.UpdateConfig = update;
  const rollback = convertUpdateConfig(deploy.RollbackConfig);
  if (rollback !== undefined) spec.RollbackConfig = rollback;
  if (apiLess(apiVersion, '1.29')) spec.Networks = networks;
  else if (spec.TaskTemplate !== undefined) spec.TaskTemplate.Networks = networks;
  return spec;
}
