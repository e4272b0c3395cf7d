/**
 * The Go structs of cli/compose/types (v28.2.2) as data: each field's Go name, the dict key
 * mapstructure decodes it from (its `mapstructure` tag, else the Go name matched
 * case-insensitively), the name yaml.v3 writes (its `yaml` tag, else the lower-cased Go name),
 * `omitempty`, and its Go type. The loader, the merge and the YAML writer all walk these.
 */

export type FieldType =
  | { readonly k: 'string' }
  | { readonly k: 'bool' }
  /** Go ints; `unsigned` for uint32/uint64 (mapstructure refuses negative values). */
  | { readonly k: 'int'; readonly unsigned?: boolean }
  | { readonly k: 'float32' }
  /** types.Duration value (not a pointer). */
  | { readonly k: 'duration' }
  /** types.UnitBytes. */
  | { readonly k: 'bytes' }
  /** A Go pointer to a scalar (*bool, *uint64, *uint32, *Duration). */
  | { readonly k: 'ptr'; readonly of: FieldType }
  /** []string, StringList, ShellCommand, HealthCheckTest, HostsList, StringOrNumberList. */
  | { readonly k: 'strings'; readonly named?: 'StringList' | 'ShellCommand' | 'HealthCheckTest' | 'HostsList' | 'StringOrNumberList' }
  /** map[string]string, Mapping, Labels. */
  | { readonly k: 'mapSS'; readonly named?: 'Mapping' | 'Labels' }
  /** MappingWithEquals (map[string]*string). */
  | { readonly k: 'mapEq' }
  | { readonly k: 'struct'; readonly s: StructDesc; readonly ptr?: boolean }
  | { readonly k: 'slice'; readonly of: FieldType }
  | { readonly k: 'map'; readonly of: FieldType }
  | { readonly k: 'external' }
  /** map[string]any (Extras), inlined by yaml.v3. */
  | { readonly k: 'extras' }
  | { readonly k: 'any' };

export interface Field {
  readonly go: string;
  /** The mapstructure tag, when there is one. */
  readonly key?: string;
  readonly yaml: string;
  readonly omitempty: boolean;
  readonly t: FieldType;
}

export interface StructDesc {
  readonly name: string;
  readonly fields: readonly Field[];
}

const S: FieldType = { k: 'string' };
const B: FieldType = { k: 'bool' };
const I: FieldType = { k: 'int' };
const U: FieldType = { k: 'int', unsigned: true };
const DUR: FieldType = { k: 'duration' };
const BYTES: FieldType = { k: 'bytes' };
const ptr = (of: FieldType): FieldType => ({ k: 'ptr', of });
const strs = (named?: 'StringList' | 'ShellCommand' | 'HealthCheckTest' | 'HostsList' | 'StringOrNumberList'): FieldType =>
  named ? { k: 'strings', named } : { k: 'strings' };
const mapSS = (named?: 'Mapping' | 'Labels'): FieldType => (named ? { k: 'mapSS', named } : { k: 'mapSS' });
const struct = (s: StructDesc, isPtr = false): FieldType => ({ k: 'struct', s, ptr: isPtr });
const slice = (of: FieldType): FieldType => ({ k: 'slice', of });
const map = (of: FieldType): FieldType => ({ k: 'map', of });
const EXTRAS: FieldType = { k: 'extras' };

/** A field `Go yaml:",omitempty"` with an optional mapstructure/yaml tag name. */
function f(go: string, t: FieldType, tag?: string, omitempty = true): Field {
  return tag === undefined ? { go, yaml: go.toLowerCase(), omitempty, t } : { go, key: tag, yaml: tag, omitempty, t };
}

export const LoggingConfig: StructDesc = { name: 'LoggingConfig', fields: [f('Driver', S), f('Options', mapSS())] };

export const UpdateConfig: StructDesc = {
  name: 'UpdateConfig',
  fields: [f('Parallelism', ptr(U)), f('Delay', DUR), f('FailureAction', S, 'failure_action'), f('Monitor', DUR), f('MaxFailureRatio', { k: 'float32' }, 'max_failure_ratio'), f('Order', S)],
};

export const DiscreteGenericResource: StructDesc = {
  name: 'DiscreteGenericResource',
  fields: [f('Kind', S, undefined, false), f('Value', I, undefined, false)],
};
export const GenericResource: StructDesc = {
  name: 'GenericResource',
  fields: [f('DiscreteResourceSpec', struct(DiscreteGenericResource, true), 'discrete_resource_spec')],
};
export const ResourceLimit: StructDesc = { name: 'ResourceLimit', fields: [f('NanoCPUs', S, 'cpus'), f('MemoryBytes', BYTES, 'memory'), f('Pids', I, 'pids')] };
export const Resource: StructDesc = {
  name: 'Resource',
  fields: [f('NanoCPUs', S, 'cpus'), f('MemoryBytes', BYTES, 'memory'), f('GenericResources', slice(struct(GenericResource)), 'generic_resources')],
};
export const Resources: StructDesc = { name: 'Resources', fields: [f('Limits', struct(ResourceLimit, true)), f('Reservations', struct(Resource, true))] };
export const RestartPolicy: StructDesc = {
  name: 'RestartPolicy',
  fields: [f('Condition', S), f('Delay', ptr(DUR)), f('MaxAttempts', ptr(U), 'max_attempts'), f('Window', ptr(DUR))],
};
export const PlacementPreferences: StructDesc = { name: 'PlacementPreferences', fields: [f('Spread', S)] };
export const Placement: StructDesc = {
  name: 'Placement',
  fields: [f('Constraints', strs()), f('Preferences', slice(struct(PlacementPreferences))), f('MaxReplicas', U, 'max_replicas_per_node')],
};
export const DeployConfig: StructDesc = {
  name: 'DeployConfig',
  fields: [
    f('Mode', S),
    f('Replicas', ptr(U)),
    f('Labels', mapSS('Labels')),
    f('UpdateConfig', struct(UpdateConfig, true), 'update_config'),
    f('RollbackConfig', struct(UpdateConfig, true), 'rollback_config'),
    f('Resources', struct(Resources)),
    f('RestartPolicy', struct(RestartPolicy, true), 'restart_policy'),
    f('Placement', struct(Placement)),
    f('EndpointMode', S, 'endpoint_mode'),
  ],
};
export const HealthCheckConfig: StructDesc = {
  name: 'HealthCheckConfig',
  fields: [
    f('Test', strs('HealthCheckTest')),
    f('Timeout', ptr(DUR)),
    f('Interval', ptr(DUR)),
    f('Retries', ptr(U)),
    f('StartPeriod', ptr(DUR), 'start_period'),
    f('StartInterval', ptr(DUR), 'start_interval'),
    f('Disable', B),
  ],
};
export const BuildConfig: StructDesc = {
  name: 'BuildConfig',
  fields: [
    f('Context', S),
    f('Dockerfile', S),
    f('Args', { k: 'mapEq' }),
    f('Labels', mapSS('Labels')),
    f('CacheFrom', strs('StringList'), 'cache_from'),
    f('ExtraHosts', strs('HostsList'), 'extra_hosts'),
    f('Network', S),
    f('Target', S),
  ],
};
export const CredentialSpecConfig: StructDesc = { name: 'CredentialSpecConfig', fields: [f('Config', S), f('File', S), f('Registry', S)] };
export const ServiceNetworkConfig: StructDesc = {
  name: 'ServiceNetworkConfig',
  fields: [f('Aliases', strs()), f('DriverOpts', mapSS(), 'driver_opts'), f('Ipv4Address', S, 'ipv4_address'), f('Ipv6Address', S, 'ipv6_address')],
};
export const ServicePortConfig: StructDesc = { name: 'ServicePortConfig', fields: [f('Mode', S), f('Target', U), f('Published', U), f('Protocol', S)] };
export const ServiceVolumeBind: StructDesc = { name: 'ServiceVolumeBind', fields: [f('Propagation', S)] };
export const ServiceVolumeVolume: StructDesc = { name: 'ServiceVolumeVolume', fields: [f('NoCopy', B, 'nocopy'), f('Subpath', S, 'subpath')] };
export const ServiceVolumeImage: StructDesc = { name: 'ServiceVolumeImage', fields: [f('Subpath', S, 'subpath')] };
export const ServiceVolumeTmpfs: StructDesc = { name: 'ServiceVolumeTmpfs', fields: [f('Size', I)] };
export const ServiceVolumeCluster: StructDesc = { name: 'ServiceVolumeCluster', fields: [] };
export const ServiceVolumeConfig: StructDesc = {
  name: 'ServiceVolumeConfig',
  fields: [
    f('Type', S),
    f('Source', S),
    f('Target', S),
    f('ReadOnly', B, 'read_only'),
    f('Consistency', S),
    f('Bind', struct(ServiceVolumeBind, true)),
    f('Volume', struct(ServiceVolumeVolume, true)),
    f('Image', struct(ServiceVolumeImage, true)),
    f('Tmpfs', struct(ServiceVolumeTmpfs, true)),
    f('Cluster', struct(ServiceVolumeCluster, true)),
  ],
};
export const FileReferenceConfig: StructDesc = {
  name: 'FileReferenceConfig',
  fields: [f('Source', S), f('Target', S), f('UID', S), f('GID', S), f('Mode', ptr(U))],
};
export const UlimitsConfig: StructDesc = { name: 'UlimitsConfig', fields: [f('Single', I), f('Soft', I), f('Hard', I)] };

export const ServiceConfig: StructDesc = {
  name: 'ServiceConfig',
  fields: [
    f('Build', struct(BuildConfig)),
    f('CapAdd', strs(), 'cap_add'),
    f('CapDrop', strs(), 'cap_drop'),
    f('CgroupNSMode', S, 'cgroupns_mode'),
    f('CgroupParent', S, 'cgroup_parent'),
    f('Command', strs('ShellCommand')),
    f('Configs', slice(struct(FileReferenceConfig))),
    f('ContainerName', S, 'container_name'),
    f('CredentialSpec', struct(CredentialSpecConfig), 'credential_spec'),
    f('DependsOn', strs(), 'depends_on'),
    f('Deploy', struct(DeployConfig)),
    f('Devices', strs()),
    f('DNS', strs('StringList')),
    f('DNSSearch', strs('StringList'), 'dns_search'),
    f('DomainName', S, 'domainname'),
    f('Entrypoint', strs('ShellCommand')),
    f('Environment', { k: 'mapEq' }),
    f('EnvFile', strs('StringList'), 'env_file'),
    f('Expose', strs('StringOrNumberList')),
    f('ExternalLinks', strs(), 'external_links'),
    f('ExtraHosts', strs('HostsList'), 'extra_hosts'),
    f('Hostname', S),
    f('HealthCheck', struct(HealthCheckConfig, true)),
    f('Image', S),
    f('Init', ptr(B)),
    f('Ipc', S),
    f('Isolation', S, 'isolation'),
    f('Labels', mapSS('Labels')),
    f('Links', strs()),
    f('Logging', struct(LoggingConfig, true)),
    f('MacAddress', S, 'mac_address'),
    f('NetworkMode', S, 'network_mode'),
    f('Networks', map(struct(ServiceNetworkConfig, true))),
    f('Pid', S),
    f('Ports', slice(struct(ServicePortConfig))),
    f('Privileged', B),
    f('ReadOnly', B, 'read_only'),
    f('Restart', S),
    f('Secrets', slice(struct(FileReferenceConfig))),
    f('SecurityOpt', strs(), 'security_opt'),
    f('ShmSize', S, 'shm_size'),
    f('StdinOpen', B, 'stdin_open'),
    f('StopGracePeriod', ptr(DUR), 'stop_grace_period'),
    f('StopSignal', S, 'stop_signal'),
    f('Sysctls', mapSS('Mapping')),
    f('Tmpfs', strs('StringList')),
    f('Tty', B, 'tty'),
    f('Ulimits', map(struct(UlimitsConfig, true))),
    f('User', S),
    // No mapstructure tag and a Go name that no compose key matches: `oom_score_adj` is
    // accepted by the schema but never decoded (docker drops it), and written as `oomscoreadj`.
    { go: 'OomScoreAdj', yaml: 'oomscoreadj', omitempty: true, t: I },
    f('UserNSMode', S, 'userns_mode'),
    f('Volumes', slice(struct(ServiceVolumeConfig))),
    f('WorkingDir', S, 'working_dir'),
    { go: 'Extras', yaml: '', omitempty: false, t: EXTRAS },
  ],
};

export const IPAMPool: StructDesc = { name: 'IPAMPool', fields: [f('Subnet', S)] };
export const IPAMConfig: StructDesc = { name: 'IPAMConfig', fields: [f('Driver', S), f('Config', slice(struct(IPAMPool, true)))] };
const EXTERNAL: FieldType = { k: 'external' };

export const NetworkConfig: StructDesc = {
  name: 'NetworkConfig',
  fields: [
    f('Name', S),
    f('Driver', S),
    f('DriverOpts', mapSS(), 'driver_opts'),
    f('Ipam', struct(IPAMConfig)),
    f('External', EXTERNAL),
    f('Internal', B),
    f('Attachable', B),
    f('Labels', mapSS('Labels')),
    { go: 'Extras', yaml: '', omitempty: false, t: EXTRAS },
  ],
};

const MountVolume: StructDesc = { name: 'MountVolume', fields: [f('FsType', S, 'fs_type'), f('MountFlags', strs(), 'mount_flags')] };
const BlockVolume: StructDesc = { name: 'BlockVolume', fields: [] };
const AccessMode: StructDesc = {
  name: 'AccessMode',
  fields: [f('Scope', S), f('Sharing', S), f('MountVolume', struct(MountVolume, true), 'mount_volume'), f('BlockVolume', struct(BlockVolume, true), 'block_volume')],
};
const Topology: StructDesc = { name: 'Topology', fields: [f('Segments', mapSS('Mapping'))] };
const TopologyRequirement: StructDesc = { name: 'TopologyRequirement', fields: [f('Requisite', slice(struct(Topology))), f('Preferred', slice(struct(Topology)))] };
const CapacityRange: StructDesc = { name: 'CapacityRange', fields: [f('RequiredBytes', BYTES, 'required_bytes'), f('LimitBytes', BYTES, 'limit_bytes')] };
const VolumeSecret: StructDesc = { name: 'VolumeSecret', fields: [f('Key', S), f('Secret', S)] };
export const ClusterVolumeSpec: StructDesc = {
  name: 'ClusterVolumeSpec',
  fields: [
    f('Group', S),
    f('AccessMode', struct(AccessMode, true), 'access_mode'),
    f('AccessibilityRequirements', struct(TopologyRequirement, true), 'accessibility_requirements'),
    f('CapacityRange', struct(CapacityRange, true), 'capacity_range'),
    f('Secrets', slice(struct(VolumeSecret))),
    f('Availability', S),
  ],
};
export const VolumeConfig: StructDesc = {
  name: 'VolumeConfig',
  fields: [
    f('Name', S),
    f('Driver', S),
    f('DriverOpts', mapSS(), 'driver_opts'),
    f('External', EXTERNAL),
    f('Labels', mapSS('Labels')),
    { go: 'Extras', yaml: '', omitempty: false, t: EXTRAS },
    f('Spec', struct(ClusterVolumeSpec, true), 'x-cluster-spec'),
  ],
};
export const FileObjectConfig: StructDesc = {
  name: 'FileObjectConfig',
  fields: [
    f('Name', S),
    f('File', S),
    f('External', EXTERNAL),
    f('Labels', mapSS('Labels')),
    { go: 'Extras', yaml: '', omitempty: false, t: EXTRAS },
    f('Driver', S),
    f('DriverOpts', mapSS(), 'driver_opts'),
    f('TemplateDriver', S, 'template_driver'),
  ],
};
