/**
 * The typed compose file configuration, mirroring docker/cli `cli/compose/types/types.go` @v28.2.2:
 * one interface per Go struct with the Go field names.
 *
 * Conventions:
 * - A field is optional (`?`). For a Go pointer field `undefined` means nil (so `Replicas: 0`
 *   differs from an absent `Replicas`); for a Go value field `undefined` means the Go zero value
 *   ("" / 0 / false / empty struct / empty slice or map) — readers treat both the same.
 * - Go `Duration` (time.Duration) is a number of nanoseconds; `UnitBytes` a number of bytes.
 *   Go `*uint64` / `int` / `int64` / `uint32` are numbers (all values the schema admits are exact).
 * - Go maps are `Record<string, T>`; `MappingWithEquals` values are `string | null` (null = the
 *   key was given without `=`).
 * - `Extras` holds the `x-*` extension keys, as Go's `map[string]any` (`yaml:",inline"`).
 * Pure types: no imports, no I/O.
 */

/** Keys the v3 loader ignores with "Ignoring unsupported options: ..." (types.UnsupportedProperties). */
export const UnsupportedProperties: readonly string[] = [
  'build',
  'cgroupns_mode',
  'cgroup_parent',
  'devices',
  'domainname',
  'external_links',
  'ipc',
  'links',
  'mac_address',
  'network_mode',
  'pid',
  'privileged',
  'restart',
  'security_opt',
  'shm_size',
  'userns_mode',
];

/** Keys removed from v3 whose use does not change behaviour (types.DeprecatedProperties). */
export const DeprecatedProperties: Readonly<Record<string, string>> = {
  container_name: 'Setting the container name is not supported.',
  expose: "Exposing ports is unnecessary - services on the same network can access each other's containers on any port.",
};

/** Keys that make loading fail (types.ForbiddenProperties). */
export const ForbiddenProperties: Readonly<Record<string, string>> = {
  extends: 'Support for `extends` is not implemented yet.',
  volume_driver:
    'Instead of setting the volume driver on the service, define a volume using the top-level `volumes` option and specify the driver there.',
  volumes_from:
    'To share a volume between services, define it using the top-level `volumes` option and reference it from each service that shares it using the service-level `volumes` option.',
  cpu_quota: 'Set resource limits using deploy.resources',
  cpu_shares: 'Set resource limits using deploy.resources',
  cpuset: 'Set resource limits using deploy.resources',
  mem_limit: 'Set resource limits using deploy.resources',
  memswap_limit: 'Set resource limits using deploy.resources',
};

/** A filename and the contents of the file as a dict (types.ConfigFile). */
export interface ConfigFile {
  Filename: string;
  Config: Record<string, unknown>;
}

/** The details about a group of ConfigFiles (types.ConfigDetails). */
export interface ConfigDetails {
  Version?: string;
  WorkingDir: string;
  ConfigFiles: ConfigFile[];
  Environment: Record<string, string>;
}

/** time.Duration as nanoseconds. */
export type Duration = number;
/** types.UnitBytes: a number of bytes. */
export type UnitBytes = number;

/** A full compose file configuration (types.Config). */
export interface Config {
  Filename?: string;
  Version?: string;
  Services: Services;
  Networks?: Record<string, NetworkConfig>;
  Volumes?: Record<string, VolumeConfig>;
  Secrets?: Record<string, SecretConfig>;
  Configs?: Record<string, ConfigObjConfig>;
  Extras?: Record<string, unknown>;
}

/** types.Services: the services in the order the loader produced them (sorted by name). */
export type Services = ServiceConfig[];

/** The configuration of one service (types.ServiceConfig). */
export interface ServiceConfig {
  Name: string;

  Build?: BuildConfig;
  CapAdd?: string[];
  CapDrop?: string[];
  CgroupNSMode?: string;
  CgroupParent?: string;
  Command?: ShellCommand;
  Configs?: ServiceConfigObjConfig[];
  ContainerName?: string;
  CredentialSpec?: CredentialSpecConfig;
  DependsOn?: string[];
  Deploy?: DeployConfig;
  Devices?: string[];
  DNS?: StringList;
  DNSSearch?: StringList;
  DomainName?: string;
  Entrypoint?: ShellCommand;
  Environment?: MappingWithEquals;
  EnvFile?: StringList;
  Expose?: StringOrNumberList;
  ExternalLinks?: string[];
  ExtraHosts?: HostsList;
  Hostname?: string;
  HealthCheck?: HealthCheckConfig;
  Image?: string;
  Init?: boolean;
  Ipc?: string;
  Isolation?: string;
  Labels?: Labels;
  Links?: string[];
  Logging?: LoggingConfig;
  MacAddress?: string;
  NetworkMode?: string;
  /** A null value is a network listed without options (Go nil *ServiceNetworkConfig). */
  Networks?: Record<string, ServiceNetworkConfig | null>;
  Pid?: string;
  Ports?: ServicePortConfig[];
  Privileged?: boolean;
  ReadOnly?: boolean;
  Restart?: string;
  Secrets?: ServiceSecretConfig[];
  SecurityOpt?: string[];
  ShmSize?: string;
  StdinOpen?: boolean;
  StopGracePeriod?: Duration;
  StopSignal?: string;
  Sysctls?: Mapping;
  Tmpfs?: StringList;
  Tty?: boolean;
  Ulimits?: Record<string, UlimitsConfig>;
  User?: string;
  OomScoreAdj?: number;
  UserNSMode?: string;
  Volumes?: ServiceVolumeConfig[];
  WorkingDir?: string;

  Extras?: Record<string, unknown>;
}

/** types.BuildConfig. */
export interface BuildConfig {
  Context?: string;
  Dockerfile?: string;
  Args?: MappingWithEquals;
  Labels?: Labels;
  CacheFrom?: StringList;
  ExtraHosts?: HostsList;
  Network?: string;
  Target?: string;
}

/** A string or list of string args (types.ShellCommand). */
export type ShellCommand = string[];
/** A string or list of strings (types.StringList). */
export type StringList = string[];
/** A list of strings or numbers, as strings (types.StringOrNumberList). */
export type StringOrNumberList = string[];
/** key[=value]: `key=` maps to "", `key` maps to null (types.MappingWithEquals). */
export type MappingWithEquals = Record<string, string | null>;
/** key[=value]: `key=` and `key` both map to "" (types.Mapping). */
export type Mapping = Record<string, string>;
/** types.Labels. */
export type Labels = Record<string, string>;
/** 'key: value' strings (types.MappingWithColon). */
export type MappingWithColon = Record<string, string>;
/** Colon-separated host-ip mappings (types.HostsList). */
export type HostsList = string[];

/** types.LoggingConfig. */
export interface LoggingConfig {
  Driver?: string;
  Options?: Record<string, string>;
}

/** types.DeployConfig. */
export interface DeployConfig {
  Mode?: string;
  Replicas?: number;
  Labels?: Labels;
  UpdateConfig?: UpdateConfig;
  RollbackConfig?: UpdateConfig;
  Resources?: Resources;
  RestartPolicy?: RestartPolicy;
  Placement?: Placement;
  EndpointMode?: string;
}

/** types.HealthCheckConfig. */
export interface HealthCheckConfig {
  Test?: HealthCheckTest;
  Timeout?: Duration;
  Interval?: Duration;
  Retries?: number;
  StartPeriod?: Duration;
  StartInterval?: Duration;
  Disable?: boolean;
}

/** types.HealthCheckTest. */
export type HealthCheckTest = string[];

/** types.UpdateConfig (update_config and rollback_config). */
export interface UpdateConfig {
  Parallelism?: number;
  /** Go value Duration: undefined = 0. */
  Delay?: Duration;
  FailureAction?: string;
  /** Go value Duration: undefined = 0. */
  Monitor?: Duration;
  /** Go float32. */
  MaxFailureRatio?: number;
  Order?: string;
}

/** types.Resources. */
export interface Resources {
  Limits?: ResourceLimit;
  Reservations?: Resource;
}

/** types.ResourceLimit. */
export interface ResourceLimit {
  /** The `cpus` string as written (e.g. "0.5"). */
  NanoCPUs?: string;
  MemoryBytes?: UnitBytes;
  Pids?: number;
}

/** types.Resource. */
export interface Resource {
  NanoCPUs?: string;
  MemoryBytes?: UnitBytes;
  GenericResources?: GenericResource[];
}

/** types.GenericResource. */
export interface GenericResource {
  DiscreteResourceSpec?: DiscreteGenericResource;
}

/** types.DiscreteGenericResource. */
export interface DiscreteGenericResource {
  Kind: string;
  Value: number;
}

/** types.RestartPolicy. */
export interface RestartPolicy {
  Condition?: string;
  Delay?: Duration;
  MaxAttempts?: number;
  Window?: Duration;
}

/** types.Placement. */
export interface Placement {
  Constraints?: string[];
  Preferences?: PlacementPreferences[];
  /** max_replicas_per_node (Go uint64 value: undefined = 0). */
  MaxReplicas?: number;
}

/** types.PlacementPreferences. */
export interface PlacementPreferences {
  Spread?: string;
}

/** types.ServiceNetworkConfig. */
export interface ServiceNetworkConfig {
  Aliases?: string[];
  DriverOpts?: Record<string, string>;
  Ipv4Address?: string;
  Ipv6Address?: string;
}

/** types.ServicePortConfig. */
export interface ServicePortConfig {
  Mode?: string;
  Target?: number;
  Published?: number;
  Protocol?: string;
}

/** types.ServiceVolumeConfig. */
export interface ServiceVolumeConfig {
  Type?: string;
  Source?: string;
  Target?: string;
  ReadOnly?: boolean;
  Consistency?: string;
  Bind?: ServiceVolumeBind;
  Volume?: ServiceVolumeVolume;
  Image?: ServiceVolumeImage;
  Tmpfs?: ServiceVolumeTmpfs;
  Cluster?: ServiceVolumeCluster;
}

/** types.ServiceVolumeBind. */
export interface ServiceVolumeBind {
  Propagation?: string;
}

/** types.ServiceVolumeVolume. */
export interface ServiceVolumeVolume {
  NoCopy?: boolean;
  Subpath?: string;
}

/** types.ServiceVolumeImage. */
export interface ServiceVolumeImage {
  Subpath?: string;
}

/** types.ServiceVolumeTmpfs. */
export interface ServiceVolumeTmpfs {
  Size?: number;
}

/** types.ServiceVolumeCluster: deliberately empty. */
export type ServiceVolumeCluster = Record<string, never>;

/** types.FileReferenceConfig: a reference to a swarm file object. */
export interface FileReferenceConfig {
  Source?: string;
  Target?: string;
  UID?: string;
  GID?: string;
  /** Go *uint32. */
  Mode?: number;
}

/** types.ServiceConfigObjConfig. */
export type ServiceConfigObjConfig = FileReferenceConfig;
/** types.ServiceSecretConfig. */
export type ServiceSecretConfig = FileReferenceConfig;

/** types.UlimitsConfig. */
export interface UlimitsConfig {
  Single?: number;
  Soft?: number;
  Hard?: number;
}

/** types.NetworkConfig. */
export interface NetworkConfig {
  Name?: string;
  Driver?: string;
  DriverOpts?: Record<string, string>;
  Ipam?: IPAMConfig;
  External?: External;
  Internal?: boolean;
  Attachable?: boolean;
  Labels?: Labels;
  Extras?: Record<string, unknown>;
}

/** types.IPAMConfig. */
export interface IPAMConfig {
  Driver?: string;
  Config?: IPAMPool[];
}

/** types.IPAMPool. */
export interface IPAMPool {
  Subnet?: string;
}

/** types.VolumeConfig. */
export interface VolumeConfig {
  Name?: string;
  Driver?: string;
  DriverOpts?: Record<string, string>;
  External?: External;
  Labels?: Labels;
  Extras?: Record<string, unknown>;
  /** x-cluster-spec. */
  Spec?: ClusterVolumeSpec;
}

/** types.ClusterVolumeSpec. */
export interface ClusterVolumeSpec {
  Group?: string;
  AccessMode?: AccessMode;
  AccessibilityRequirements?: TopologyRequirement;
  CapacityRange?: CapacityRange;
  Secrets?: VolumeSecret[];
  Availability?: string;
}

/** types.AccessMode. */
export interface AccessMode {
  Scope?: string;
  Sharing?: string;
  MountVolume?: MountVolume;
  BlockVolume?: BlockVolume;
}

/** types.MountVolume. */
export interface MountVolume {
  FsType?: string;
  MountFlags?: string[];
}

/** types.BlockVolume: deliberately empty. */
export type BlockVolume = Record<string, never>;

/** types.TopologyRequirement. */
export interface TopologyRequirement {
  Requisite?: Topology[];
  Preferred?: Topology[];
}

/** types.Topology. */
export interface Topology {
  Segments?: Mapping;
}

/** types.CapacityRange. */
export interface CapacityRange {
  RequiredBytes?: UnitBytes;
  LimitBytes?: UnitBytes;
}

/** types.VolumeSecret. */
export interface VolumeSecret {
  Key?: string;
  Secret?: string;
}

/**
 * types.External: marks a volume/network/secret/config as not managed by the stack.
 * External.Name is deprecated (replaced by the object's Name).
 */
export interface External {
  Name?: string;
  External?: boolean;
}

/** types.CredentialSpecConfig. */
export interface CredentialSpecConfig {
  Config?: string;
  File?: string;
  Registry?: string;
}

/** types.FileObjectConfig: a file-backed swarm object (secret or config). */
export interface FileObjectConfig {
  Name?: string;
  File?: string;
  External?: External;
  Labels?: Labels;
  Extras?: Record<string, unknown>;
  Driver?: string;
  DriverOpts?: Record<string, string>;
  TemplateDriver?: string;
}

/** types.SecretConfig. */
export type SecretConfig = FileObjectConfig;
/** types.ConfigObjConfig. */
export type ConfigObjConfig = FileObjectConfig;
