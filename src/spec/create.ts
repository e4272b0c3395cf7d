/**
 * Flags → ServiceSpec for `docker service create`: serviceOptions.ToService
 * (docker/cli v28.2.2 cli/command/service/opts.go) followed by the secret and config
 * resolution of runCreate/setConfigs (create.go, parse.go). The result is field for field
 * the spec docker passes to ServiceCreate; encodeServiceSpec (codec.ts) gives its bytes.
 *
 * Left to the caller (I/O): reading env files, the API lookups (networks, secrets, configs) —
 * their results are passed in — and what the client does to the image afterwards
 * (imageWithTagString, the digest pin and Placement.Platforms: see pinServiceImage).
 */
import { SpecError } from './errors.ts';
import type { ServiceFlagValues } from './flags.ts';
import { type LookupEnv, kvToMap, makeEnv, parseEnvFile } from './kv.ts';
import type { NetworkOpt } from './network.ts';
import { type NamedObject, resolveConfigRefs, resolveSecretRefs } from './refs.ts';
import type {
  ConfigReference,
  HealthConfig,
  NetworkAttachmentConfig,
  Platform,
  RestartPolicy,
  ServiceMode,
  ServiceSpec,
  UpdateConfig,
} from './types.ts';
import { effectiveCapAddCapDrop, extraHostsToSwarm, parseGenericResources } from './values.ts';

/** A lookup result the caller fetched, or the error the lookup gave (thrown in docker's order). */
export type Lookup<T> = T | Error;

/** What buildServiceSpec needs from outside: environment, file contents, API lookups. */
export interface CreateContext {
  /** The CLI's environment (env-file lines with a bare KEY take their value from it). */
  readonly lookupEnv: LookupEnv;
  /** The content of each `--env-file` path, or the error opening it gave. */
  readonly envFiles?: ReadonlyMap<string, Lookup<Uint8Array>>;
  /**
   * `--network` targets resolved to network IDs (`GET /networks/{name}?scope=swarm`), or the
   * error for a name that failed. A target missing from the map is left as given (and the
   * attachments are then sorted by those names).
   */
  readonly networks?: ReadonlyMap<string, Lookup<string>>;
  /** The secrets the lookup for `--secret` found (`GET /secrets?filters=…`). */
  readonly secrets?: Lookup<readonly NamedObject[]>;
  /** The configs the lookup for `--config` and `--credential-spec config://` found. */
  readonly configs?: Lookup<readonly NamedObject[]>;
}

/** `docker service create [OPTIONS] IMAGE [COMMAND] [ARG...]`: the positional part. */
export interface CreateArgs {
  /** IMAGE as given (the client later adds `:latest` and pins the digest). */
  readonly image: string;
  /** COMMAND and ARGs: they become ContainerSpec.Args (not Command). */
  readonly args: readonly string[];
}

/** A SpecError as is; any other error's message as a SpecError. */
export function rethrow(e: Error): never {
  if (e instanceof SpecError) throw e;
  throw new SpecError(e.message);
}

/** updateConfigFromDefaults(defaults.Service.Update / Rollback) (swarmkit api/defaults). */
export function defaultUpdateConfig(): UpdateConfig {
  return { Parallelism: 1n, Delay: 0n, FailureAction: 'pause', Monitor: 5_000_000_000n, MaxFailureRatio: 0, Order: 'stop-first' };
}

/** defaultRestartPolicy(): condition any, delay 5s, max attempts 0, no window. */
export function defaultRestartPolicy(): RestartPolicy {
  return { Condition: 'any', Delay: 5_000_000_000n, MaxAttempts: 0n };
}

type UpdatePrefix = 'update' | 'rollback';

/** The update (or rollback) flags given, set on c; whether any was given. */
export function setUpdateConfig(c: UpdateConfig, f: ServiceFlagValues, p: UpdatePrefix): boolean {
  const parallelism = f[`${p}-parallelism`];
  const delay = f[`${p}-delay`];
  const monitor = f[`${p}-monitor`];
  const failureAction = f[`${p}-failure-action`];
  const ratio = f[`${p}-max-failure-ratio`];
  const order = f[`${p}-order`];
  if (parallelism !== undefined) c.Parallelism = parallelism;
  if (delay !== undefined) c.Delay = delay;
  if (monitor !== undefined) c.Monitor = monitor;
  if (failureAction !== undefined) c.FailureAction = failureAction;
  if (ratio !== undefined) c.MaxFailureRatio = ratio;
  if (order !== undefined) c.Order = order;
  return [parallelism, delay, monitor, failureAction, ratio, order].some((v) => v !== undefined);
}

/** updateOptions.updateConfig / rollbackConfig: defaults plus the flags given; absent when none. */
function toUpdateConfig(f: ServiceFlagValues, p: UpdatePrefix): UpdateConfig | undefined {
  const c = defaultUpdateConfig();
  return setUpdateConfig(c, f, p) ? c : undefined;
}

/** restartPolicyOptions.ToRestartPolicy: defaults plus the flags given; absent when none. */
function toRestartPolicy(f: ServiceFlagValues): RestartPolicy | undefined {
  const cond = f['restart-condition'];
  const delay = f['restart-delay'];
  const attempts = f['restart-max-attempts'];
  const window = f['restart-window'];
  if (cond === undefined && delay === undefined && attempts === undefined && window === undefined) return undefined;
  const rp = defaultRestartPolicy();
  if (delay !== undefined) rp.Delay = delay;
  if (cond !== undefined) rp.Condition = cond;
  if (attempts !== undefined) rp.MaxAttempts = attempts;
  if (window !== undefined) rp.Window = window;
  return rp;
}

/** healthCheckOptions.toHealthConfig (create): absent when no health flag has a value. */
function toHealthConfig(f: ServiceFlagValues): HealthConfig | undefined {
  const cmd = f['health-cmd'] ?? '';
  const have =
    cmd !== '' ||
    f['health-interval'] !== undefined ||
    f['health-timeout'] !== undefined ||
    f['health-start-period'] !== undefined ||
    f['health-start-interval'] !== undefined ||
    (f['health-retries'] ?? 0n) !== 0n;
  if (f['no-healthcheck'] === true) {
    if (have) throw new SpecError('--no-healthcheck conflicts with --health-* options');
    return { Test: ['NONE'] };
  }
  if (!have) return undefined;
  const h: HealthConfig = {};
  if (cmd !== '') h.Test = ['CMD-SHELL', cmd];
  h.Interval = f['health-interval'] ?? 0n;
  h.Timeout = f['health-timeout'] ?? 0n;
  h.Retries = f['health-retries'] ?? 0n;
  h.StartPeriod = f['health-start-period'] ?? 0n;
  h.StartInterval = f['health-start-interval'] ?? 0n;
  return h;
}

/** serviceOptions.ToServiceMode. */
function toServiceMode(f: ServiceFlagValues): ServiceMode {
  const mode = f.mode ?? 'replicated';
  const replicas = f.replicas;
  const maxConcurrent = f['max-concurrent'];
  const maxReplicas = f['replicas-max-per-node'] ?? 0n;
  switch (mode) {
    case 'global':
      if (replicas !== undefined) throw new SpecError('replicas can only be used with replicated or replicated-job mode');
      if (maxReplicas > 0n) throw new SpecError('replicas-max-per-node can only be used with replicated or replicated-job mode');
      if (maxConcurrent !== undefined) throw new SpecError('max-concurrent can only be used with replicated-job mode');
      return { Global: {} };
    case 'replicated':
      if (maxConcurrent !== undefined) throw new SpecError('max-concurrent can only be used with replicated-job mode');
      return { Replicated: replicas === undefined ? {} : { Replicas: replicas } };
    case 'replicated-job': {
      const job: { MaxConcurrent?: bigint; TotalCompletions?: bigint } = {};
      const concurrent = maxConcurrent ?? replicas;
      if (concurrent !== undefined) job.MaxConcurrent = concurrent;
      if (replicas !== undefined) job.TotalCompletions = replicas;
      return { ReplicatedJob: job };
    }
    case 'global-job':
      if (maxReplicas > 0n) throw new SpecError('replicas-max-per-node can only be used with replicated or replicated-job mode');
      if (maxConcurrent !== undefined) throw new SpecError('max-concurrent can only be used with replicated-job mode');
      if (replicas !== undefined) throw new SpecError('replicas can only be used with replicated or replicated-job mode');
      return { GlobalJob: {} };
    default:
      throw new SpecError(`Unknown mode: ${mode}, only replicated and global supported`);
  }
}

/** convertNetworks + resolveNetworkID + sort by target ID (create). */
export function resolveNetworkAttachments(nets: readonly NetworkOpt[], ids: ReadonlyMap<string, Lookup<string>> | undefined): NetworkAttachmentConfig[] {
  const out: NetworkAttachmentConfig[] = nets.map((n) => {
    const r = ids?.get(n.target);
    if (r instanceof Error) rethrow(r);
    const a: NetworkAttachmentConfig = { Target: r ?? n.target };
    if (n.aliases !== undefined) a.Aliases = [...n.aliases];
    if (n.driverOpts !== undefined) a.DriverOpts = { ...n.driverOpts };
    return a;
  });
  // sort.Slice by Target (not stable in Go; equal targets only arise from duplicate flags).
  return out.sort((a, b) => byteCompare(a.Target ?? '', b.Target ?? ''));
}

/** Go's string comparison: UTF-8 bytes. */
export function byteCompare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** serviceOptions.makeEnv: env files (read by the caller) then `-e`. */
function toEnv(f: ServiceFlagValues, ctx: CreateContext): string[] {
  const variables: string[] = [];
  for (const path of f['env-file'] ?? []) {
    const content = ctx.envFiles?.get(path);
    if (content === undefined) throw new SpecError(`open ${path}: no such file or directory`);
    if (content instanceof Error) rethrow(content);
    variables.push(...parseEnvFile(path, content, ctx.lookupEnv));
  }
  variables.push(...(f.env ?? []));
  return makeEnv(variables);
}

/**
 * serviceOptions.ToService + runCreate's ParseSecrets and setConfigs: the ServiceSpec docker
 * sends for `service create` (before the client's image tagging/pinning).
 * Throws SpecError (exit 1) with docker's messages, in docker's order.
 */
export function buildServiceSpec(args: CreateArgs, f: ServiceFlagValues, ctx: CreateContext): ServiceSpec {
  const env = toEnv(f, ctx);
  const healthcheck = toHealthConfig(f);
  const mode = toServiceMode(f);
  const updateConfig = toUpdateConfig(f, 'update');
  const rollbackConfig = toUpdateConfig(f, 'rollback');
  if ((mode.ReplicatedJob !== undefined || mode.GlobalJob !== undefined) && (updateConfig !== undefined || rollbackConfig !== undefined)) {
    throw new SpecError('update and rollback configuration is not supported for jobs');
  }
  const networks = resolveNetworkAttachments(f.network ?? [], ctx.networks);
  const generic = parseGenericResources(f['generic-resource'] ?? []);
  const caps = effectiveCapAddCapDrop(f['cap-add'] ?? [], f['cap-drop'] ?? []);

  const spec: ServiceSpec = {};
  if (f.name !== undefined) spec.Name = f.name;
  spec.Labels = kvToMap(f.label ?? []);
  const cs: NonNullable<NonNullable<ServiceSpec['TaskTemplate']>['ContainerSpec']> = {
    Image: args.image,
    Labels: kvToMap(f['container-label'] ?? []),
    Command: f.entrypoint,
    Args: args.args.length > 0 ? [...args.args] : undefined,
    Hostname: f.hostname,
    Env: env,
    Dir: f.workdir,
    User: f.user,
    Groups: f.group,
    Init: f.init ?? false, // always sent (a *bool to options.init)
    StopSignal: f['stop-signal'],
    TTY: f.tty,
    OpenStdin: undefined,
    ReadOnly: f['read-only'],
    Mounts: f.mount,
    StopGracePeriod: f['stop-grace-period'],
    Healthcheck: healthcheck,
    Hosts: extraHostsToSwarm(f.host ?? []),
    DNSConfig: { Nameservers: f.dns, Search: f['dns-search'], Options: f['dns-option'] },
    Isolation: f.isolation,
    Sysctls: kvToMap(f.sysctl ?? []),
    CapabilityAdd: caps.capAdd,
    CapabilityDrop: caps.capDrop,
    Ulimits: [...(f.ulimit ?? [])].sort((a, b) => byteCompare(a.Name ?? '', b.Name ?? '')),
    OomScoreAdj: f['oom-score-adj'],
  };
  const logDriver = f['log-driver'] ?? '';
  spec.TaskTemplate = {
    ContainerSpec: cs,
    Resources: {
      Limits: { NanoCPUs: f['limit-cpu'], MemoryBytes: f['limit-memory'], Pids: f['limit-pids'] },
      Reservations: { NanoCPUs: f['reserve-cpu'], MemoryBytes: f['reserve-memory'], GenericResources: generic },
    },
    RestartPolicy: toRestartPolicy(f),
    Placement: { Constraints: f.constraint, Preferences: f['placement-pref'], MaxReplicas: f['replicas-max-per-node'] },
    Networks: networks,
    LogDriver: logDriver === '' ? undefined : { Name: logDriver, Options: kvToMap(f['log-opt'] ?? []) },
    ForceUpdate: 0n,
  };
  spec.Mode = mode;
  spec.UpdateConfig = updateConfig;
  spec.RollbackConfig = rollbackConfig;
  spec.EndpointSpec = { Mode: (f['endpoint-mode'] ?? 'vip').toLowerCase(), Ports: f.publish };
  const credSpec = f['credential-spec'];
  if (credSpec !== undefined && credSpec.source !== '') cs.Privileges = { CredentialSpec: { ...credSpec.value } };

  // runCreate: secrets, then configs (setConfigs, which also resolves a config:// credential spec).
  const secrets = f.secret ?? [];
  if (secrets.length > 0) {
    const found = ctx.secrets ?? [];
    if (found instanceof Error) rethrow(found);
    cs.Secrets = resolveSecretRefs(secrets, found);
  }
  const configs: ConfigReference[] = [...(f.config ?? [])];
  const credConfig = credSpec?.value.Config ?? '';
  if (credConfig !== '') configs.push({ Runtime: {}, ConfigName: credConfig });
  if (configs.length > 0) {
    const found = ctx.configs ?? [];
    if (found instanceof Error) rethrow(found);
    cs.Configs = resolveConfigRefs(configs, found);
    if (credConfig !== '') {
      const ref = cs.Configs.find((c) => c.ConfigName === credConfig);
      const cred = cs.Privileges?.CredentialSpec;
      if (ref !== undefined && cred !== undefined) cred.Config = ref.ConfigID ?? '';
    }
  }
  return spec;
}

/**
 * What the client's ServiceCreate/ServiceUpdate does after a successful
 * `GET /distribution/{image}/json` (resolveContainerSpecImage): the image becomes the pinned
 * reference, and a non-empty platform list goes to Placement.Platforms (the caller maps
 * `arm` to "" and skips nothing else, as the client does).
 */
export function pinServiceImage(spec: ServiceSpec, pinnedImage: string, platforms: readonly Platform[]): ServiceSpec {
  const task = spec.TaskTemplate ?? {};
  const cs = task.ContainerSpec ?? {};
  const out: ServiceSpec = { ...spec, TaskTemplate: { ...task, ContainerSpec: { ...cs, Image: pinnedImage } } };
  if (platforms.length > 0 && out.TaskTemplate !== undefined) {
    out.TaskTemplate.Placement = { ...(task.Placement ?? {}), Platforms: platforms.map((p) => ({ ...p })) };
  }
  return out;
}

/** A platform as `GET /distribution/{image}/json` lists it (OCI field names). */
export interface DistributionPlatform {
  readonly architecture?: string;
  readonly os?: string;
}

/**
 * imageDigestAndPlatforms' platform list: each {architecture, os} as a swarm Platform, with
 * the architecture `arm` (any case) cleared (moby/swarmkit#2294 workaround in the client).
 */
export function distributionPlatforms(platforms: readonly DistributionPlatform[]): Platform[] {
  return platforms.map((p) => {
    const arch = p.architecture ?? '';
    const out: Platform = {};
    out.Architecture = arch.toLowerCase() === 'arm' ? '' : arch;
    out.OS = p.os ?? '';
    return out;
  });
}
