/**
 * ServiceSpec and the types under it, as docker 28.2.2's vendored moby API declares them
 * (vendor/github.com/docker/docker/api/types/swarm/{service,task,container,network,common,
 * secret,config,node,runtime}.go, mount/mount.go, container.HealthConfig =
 * docker-image-spec HealthcheckConfig, container.Ulimit = go-units Ulimit).
 *
 * Property names are the JSON names docker sends. An absent property is Go's zero value
 * (nil pointer, nil slice/map, "", 0, false); src/spec/codec.ts writes each field as
 * encoding/json would (declaration order, `omitempty`, sorted map keys). Go integers of
 * 64 bits (int, int64, uint64, time.Duration in nanoseconds) are bigint; uint32 (ports,
 * os.FileMode) and float32 are number.
 */

/** time.Duration: nanoseconds. */
export type Duration = bigint;

export interface ServiceSpec {
  // Annotations (embedded)
  Name?: string;
  /** No omitempty: absent is sent as `null`. docker's create always sends a map (`{}`). */
  Labels?: Record<string, string>;
  TaskTemplate?: TaskSpec;
  Mode?: ServiceMode;
  UpdateConfig?: UpdateConfig;
  RollbackConfig?: UpdateConfig;
  /** Deprecated: use TaskTemplate.Networks. */
  Networks?: NetworkAttachmentConfig[];
  EndpointSpec?: EndpointSpec;
}

export interface ServiceMode {
  Replicated?: ReplicatedService;
  Global?: GlobalService;
  ReplicatedJob?: ReplicatedJob;
  GlobalJob?: GlobalJob;
}

export interface ReplicatedService {
  Replicas?: bigint;
}

export type GlobalService = Record<string, never>;
export type GlobalJob = Record<string, never>;

export interface ReplicatedJob {
  MaxConcurrent?: bigint;
  TotalCompletions?: bigint;
}

export interface UpdateConfig {
  Parallelism?: bigint;
  Delay?: Duration;
  FailureAction?: string;
  Monitor?: Duration;
  MaxFailureRatio?: number;
  Order?: string;
}

export interface TaskSpec {
  ContainerSpec?: ContainerSpec;
  PluginSpec?: PluginSpec;
  NetworkAttachmentSpec?: NetworkAttachmentSpec;
  Resources?: ResourceRequirements;
  RestartPolicy?: RestartPolicy;
  Placement?: Placement;
  Networks?: NetworkAttachmentConfig[];
  LogDriver?: Driver;
  ForceUpdate?: bigint;
  Runtime?: string;
}

export interface PluginSpec {
  name?: string;
  remote?: string;
  privileges?: PluginPrivilege[];
  disabled?: boolean;
  env?: string[];
}

export interface PluginPrivilege {
  name?: string;
  description?: string;
  value?: string[];
}

export interface NetworkAttachmentSpec {
  ContainerID?: string;
}

export interface ResourceRequirements {
  Limits?: Limit;
  Reservations?: Resources;
}

export interface Limit {
  NanoCPUs?: bigint;
  MemoryBytes?: bigint;
  Pids?: bigint;
}

export interface Resources {
  NanoCPUs?: bigint;
  MemoryBytes?: bigint;
  GenericResources?: GenericResource[];
}

export interface GenericResource {
  NamedResourceSpec?: NamedGenericResource;
  DiscreteResourceSpec?: DiscreteGenericResource;
}

export interface NamedGenericResource {
  Kind?: string;
  Value?: string;
}

export interface DiscreteGenericResource {
  Kind?: string;
  Value?: bigint;
}

export interface RestartPolicy {
  Condition?: string;
  Delay?: Duration;
  MaxAttempts?: bigint;
  Window?: Duration;
}

export interface Placement {
  Constraints?: string[];
  Preferences?: PlacementPreference[];
  MaxReplicas?: bigint;
  Platforms?: Platform[];
}

export interface PlacementPreference {
  Spread?: SpreadOver;
}

export interface SpreadOver {
  SpreadDescriptor?: string;
}

export interface Platform {
  Architecture?: string;
  OS?: string;
}

export interface Driver {
  Name?: string;
  Options?: Record<string, string>;
}

export interface ContainerSpec {
  Image?: string;
  Labels?: Record<string, string>;
  Command?: string[];
  Args?: string[];
  Hostname?: string;
  Env?: string[];
  Dir?: string;
  User?: string;
  Groups?: string[];
  Privileges?: Privileges;
  Init?: boolean;
  StopSignal?: string;
  TTY?: boolean;
  OpenStdin?: boolean;
  ReadOnly?: boolean;
  Mounts?: Mount[];
  StopGracePeriod?: Duration;
  Healthcheck?: HealthConfig;
  Hosts?: string[];
  DNSConfig?: DNSConfig;
  Secrets?: SecretReference[];
  Configs?: ConfigReference[];
  Isolation?: string;
  Sysctls?: Record<string, string>;
  CapabilityAdd?: string[];
  CapabilityDrop?: string[];
  Ulimits?: Ulimit[];
  OomScoreAdj?: bigint;
}

export interface Privileges {
  CredentialSpec?: CredentialSpec;
  SELinuxContext?: SELinuxContext;
  Seccomp?: SeccompOpts;
  AppArmor?: AppArmorOpts;
  NoNewPrivileges?: boolean;
}

export interface CredentialSpec {
  Config?: string;
  File?: string;
  Registry?: string;
}

export interface SELinuxContext {
  Disable?: boolean;
  User?: string;
  Role?: string;
  Type?: string;
  Level?: string;
}

export interface SeccompOpts {
  Mode?: string;
  /** []byte: base64 in JSON; kept here as the base64 text. */
  Profile?: string;
}

export interface AppArmorOpts {
  Mode?: string;
}

export interface HealthConfig {
  Test?: string[];
  Interval?: Duration;
  Timeout?: Duration;
  StartPeriod?: Duration;
  StartInterval?: Duration;
  Retries?: bigint;
}

export interface DNSConfig {
  Nameservers?: string[];
  Search?: string[];
  Options?: string[];
}

export interface SecretReference {
  File?: FileTarget;
  SecretID?: string;
  SecretName?: string;
}

export interface ConfigReference {
  File?: FileTarget;
  Runtime?: ConfigReferenceRuntimeTarget;
  ConfigID?: string;
  ConfigName?: string;
}

/** SecretReferenceFileTarget / ConfigReferenceFileTarget. Mode is an os.FileMode (uint32). */
export interface FileTarget {
  Name?: string;
  UID?: string;
  GID?: string;
  Mode?: number;
}

export type ConfigReferenceRuntimeTarget = Record<string, never>;

export interface Ulimit {
  Name?: string;
  Hard?: bigint;
  Soft?: bigint;
}

export interface Mount {
  Type?: string;
  Source?: string;
  Target?: string;
  ReadOnly?: boolean;
  Consistency?: string;
  BindOptions?: BindOptions;
  VolumeOptions?: VolumeOptions;
  ImageOptions?: ImageOptions;
  TmpfsOptions?: TmpfsOptions;
  ClusterOptions?: ClusterOptions;
}

export interface BindOptions {
  Propagation?: string;
  NonRecursive?: boolean;
  CreateMountpoint?: boolean;
  ReadOnlyNonRecursive?: boolean;
  ReadOnlyForceRecursive?: boolean;
}

export interface VolumeOptions {
  NoCopy?: boolean;
  Labels?: Record<string, string>;
  Subpath?: string;
  DriverConfig?: Driver;
}

export interface ImageOptions {
  Subpath?: string;
}

export interface TmpfsOptions {
  SizeBytes?: bigint;
  Mode?: number;
  Options?: string[][];
}

export type ClusterOptions = Record<string, never>;

export interface EndpointSpec {
  Mode?: string;
  Ports?: PortConfig[];
}

export interface PortConfig {
  Name?: string;
  Protocol?: string;
  TargetPort?: number;
  PublishedPort?: number;
  PublishMode?: string;
}

export interface NetworkAttachmentConfig {
  Target?: string;
  Aliases?: string[];
  DriverOpts?: Record<string, string>;
}
