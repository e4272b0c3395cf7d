/**
 * The Go struct layouts behind src/spec/types.ts, as encoding/json sees them: field order,
 * JSON name, Go kind and `omitempty`, from docker 28.2.2's vendored moby API
 * (vendor/github.com/docker/docker/api/types/swarm/*.go, mount/mount.go,
 * docker-image-spec HealthcheckConfig, go-units Ulimit, swarm/runtime/plugin.pb.go).
 * Embedded structs (Annotations in ServiceSpec) are flattened in place.
 */

/** A Go type as far as JSON is concerned. Scalars: int = any 64-bit Go integer (bigint). */
export type GoType =
  | 'string'
  | 'bool'
  | 'int'
  | 'uint32'
  | 'float32'
  | 'bytes'
  | { readonly struct: readonly GoField[]; readonly name: string }
  | { readonly ptr: GoType }
  | { readonly slice: GoType }
  | { readonly map: GoType };

/** One struct field: JSON name, type, and whether it has `json:",omitempty"`. */
export interface GoField {
  readonly name: string;
  readonly type: GoType;
  readonly omitempty: boolean;
}

function f(name: string, type: GoType, omitempty = true): GoField {
  return { name, type, omitempty };
}
function struct(name: string, fields: GoField[]): { struct: GoField[]; name: string } {
  return { struct: fields, name };
}
const ptr = (t: GoType): GoType => ({ ptr: t });
const slice = (t: GoType): GoType => ({ slice: t });
const map = (t: GoType): GoType => ({ map: t });

const Driver = struct('Driver', [f('Name', 'string'), f('Options', map('string'))]);

const PortConfig = struct('PortConfig', [
  f('Name', 'string'),
  f('Protocol', 'string'),
  f('TargetPort', 'uint32'),
  f('PublishedPort', 'uint32'),
  f('PublishMode', 'string'),
]);

const EndpointSpec = struct('EndpointSpec', [f('Mode', 'string'), f('Ports', slice(PortConfig))]);

const NetworkAttachmentConfig = struct('NetworkAttachmentConfig', [
  f('Target', 'string'),
  f('Aliases', slice('string')),
  f('DriverOpts', map('string')),
]);

const UpdateConfig = struct('UpdateConfig', [
  f('Parallelism', 'int', false),
  f('Delay', 'int'),
  f('FailureAction', 'string'),
  f('Monitor', 'int'),
  f('MaxFailureRatio', 'float32', false),
  f('Order', 'string', false),
]);

const ServiceMode = struct('ServiceMode', [
  f('Replicated', ptr(struct('ReplicatedService', [f('Replicas', ptr('int'))]))),
  f('Global', ptr(struct('GlobalService', []))),
  f('ReplicatedJob', ptr(struct('ReplicatedJob', [f('MaxConcurrent', ptr('int')), f('TotalCompletions', ptr('int'))]))),
  f('GlobalJob', ptr(struct('GlobalJob', []))),
]);

const Mount = struct('Mount', [
  f('Type', 'string'),
  f('Source', 'string'),
  f('Target', 'string'),
  f('ReadOnly', 'bool'),
  f('Consistency', 'string'),
  f(
    'BindOptions',
    ptr(
      struct('BindOptions', [
        f('Propagation', 'string'),
        f('NonRecursive', 'bool'),
        f('CreateMountpoint', 'bool'),
        f('ReadOnlyNonRecursive', 'bool'),
        f('ReadOnlyForceRecursive', 'bool'),
      ]),
    ),
  ),
  f(
    'VolumeOptions',
    ptr(
      struct('VolumeOptions', [
        f('NoCopy', 'bool'),
        f('Labels', map('string')),
        f('Subpath', 'string'),
        f('DriverConfig', ptr(Driver)),
      ]),
    ),
  ),
  f('ImageOptions', ptr(struct('ImageOptions', [f('Subpath', 'string')]))),
  f('TmpfsOptions', ptr(struct('TmpfsOptions', [f('SizeBytes', 'int'), f('Mode', 'uint32'), f('Options', slice(slice('string')))]))),
  f('ClusterOptions', ptr(struct('ClusterOptions', []))),
]);

const FileTarget = struct('FileTarget', [f('Name', 'string', false), f('UID', 'string', false), f('GID', 'string', false), f('Mode', 'uint32', false)]);

const SecretReference = struct('SecretReference', [f('File', ptr(FileTarget), false), f('SecretID', 'string', false), f('SecretName', 'string', false)]);

const ConfigReference = struct('ConfigReference', [
  f('File', ptr(FileTarget)),
  f('Runtime', ptr(struct('ConfigReferenceRuntimeTarget', []))),
  f('ConfigID', 'string', false),
  f('ConfigName', 'string', false),
]);

const Privileges = struct('Privileges', [
  f('CredentialSpec', ptr(struct('CredentialSpec', [f('Config', 'string', false), f('File', 'string', false), f('Registry', 'string', false)])), false),
  f(
    'SELinuxContext',
    ptr(
      struct('SELinuxContext', [
        f('Disable', 'bool', false),
        f('User', 'string', false),
        f('Role', 'string', false),
        f('Type', 'string', false),
        f('Level', 'string', false),
      ]),
    ),
    false,
  ),
  f('Seccomp', ptr(struct('SeccompOpts', [f('Mode', 'string'), f('Profile', 'bytes')]))),
  f('AppArmor', ptr(struct('AppArmorOpts', [f('Mode', 'string')]))),
  f('NoNewPrivileges', 'bool', false),
]);

const HealthConfig = struct('HealthConfig', [
  f('Test', slice('string')),
  f('Interval', 'int'),
  f('Timeout', 'int'),
  f('StartPeriod', 'int'),
  f('StartInterval', 'int'),
  f('Retries', 'int'),
]);

const Ulimit = struct('Ulimit', [f('Name', 'string', false), f('Hard', 'int', false), f('Soft', 'int', false)]);

const ContainerSpec = struct('ContainerSpec', [
  f('Image', 'string'),
  f('Labels', map('string')),
  f('Command', slice('string')),
  f('Args', slice('string')),
  f('Hostname', 'string'),
  f('Env', slice('string')),
  f('Dir', 'string'),
  f('User', 'string'),
  f('Groups', slice('string')),
  f('Privileges', ptr(Privileges)),
  f('Init', ptr('bool')),
  f('StopSignal', 'string'),
  f('TTY', 'bool'),
  f('OpenStdin', 'bool'),
  f('ReadOnly', 'bool'),
  f('Mounts', slice(Mount)),
  f('StopGracePeriod', ptr('int')),
  f('Healthcheck', ptr(HealthConfig)),
  f('Hosts', slice('string')),
  f('DNSConfig', ptr(struct('DNSConfig', [f('Nameservers', slice('string')), f('Search', slice('string')), f('Options', slice('string'))]))),
  f('Secrets', slice(ptr(SecretReference))),
  f('Configs', slice(ptr(ConfigReference))),
  f('Isolation', 'string'),
  f('Sysctls', map('string')),
  f('CapabilityAdd', slice('string')),
  f('CapabilityDrop', slice('string')),
  f('Ulimits', slice(ptr(Ulimit))),
  f('OomScoreAdj', 'int'),
]);

const PluginSpec = struct('PluginSpec', [
  f('name', 'string'),
  f('remote', 'string'),
  f('privileges', slice(ptr(struct('PluginPrivilege', [f('name', 'string'), f('description', 'string'), f('value', slice('string'))])))),
  f('disabled', 'bool'),
  f('env', slice('string')),
]);

const GenericResource = struct('GenericResource', [
  f('NamedResourceSpec', ptr(struct('NamedGenericResource', [f('Kind', 'string'), f('Value', 'string')]))),
  f('DiscreteResourceSpec', ptr(struct('DiscreteGenericResource', [f('Kind', 'string'), f('Value', 'int')]))),
]);

const TaskSpec = struct('TaskSpec', [
  f('ContainerSpec', ptr(ContainerSpec)),
  f('PluginSpec', ptr(PluginSpec)),
  f('NetworkAttachmentSpec', ptr(struct('NetworkAttachmentSpec', [f('ContainerID', 'string', false)]))),
  f(
    'Resources',
    ptr(
      struct('ResourceRequirements', [
        f('Limits', ptr(struct('Limit', [f('NanoCPUs', 'int'), f('MemoryBytes', 'int'), f('Pids', 'int')]))),
        f('Reservations', ptr(struct('Resources', [f('NanoCPUs', 'int'), f('MemoryBytes', 'int'), f('GenericResources', slice(GenericResource))]))),
      ]),
    ),
  ),
  f(
    'RestartPolicy',
    ptr(struct('RestartPolicy', [f('Condition', 'string'), f('Delay', ptr('int')), f('MaxAttempts', ptr('int')), f('Window', ptr('int'))])),
  ),
  f(
    'Placement',
    ptr(
      struct('Placement', [
        f('Constraints', slice('string')),
        f('Preferences', slice(struct('PlacementPreference', [f('Spread', ptr(struct('SpreadOver', [f('SpreadDescriptor', 'string', false)])), false)]))),
        f('MaxReplicas', 'int'),
        f('Platforms', slice(struct('Platform', [f('Architecture', 'string'), f('OS', 'string')]))),
      ]),
    ),
  ),
  f('Networks', slice(NetworkAttachmentConfig)),
  f('LogDriver', ptr(Driver)),
  f('ForceUpdate', 'int', false),
  f('Runtime', 'string'),
]);

/** swarm.ServiceSpec (Annotations embedded: Name omitempty, Labels always written). */
export const SERVICE_SPEC: GoType = struct('ServiceSpec', [
  f('Name', 'string'),
  f('Labels', map('string'), false),
  f('TaskTemplate', TaskSpec),
  f('Mode', ServiceMode),
  f('UpdateConfig', ptr(UpdateConfig)),
  f('RollbackConfig', ptr(UpdateConfig)),
  f('Networks', slice(NetworkAttachmentConfig)),
  f('EndpointSpec', ptr(EndpointSpec)),
]);
