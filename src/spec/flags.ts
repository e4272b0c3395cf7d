/**
 * The flags of `docker service create` and `docker service update` (docker/cli v28.2.2
 * cli/command/service/{create,update,opts}.go): their names, pflag types, usage texts,
 * defaults, API-version annotations, and each value's parser (the flag.Value's Set). Parsing a
 * value accumulates it into {@link ServiceFlagValues}; a flag is "changed" (pflag's
 * `flags.Changed`) exactly when its key is present there.
 */
import { quote } from '../go/quote.ts';
import { DurationParseError, parseDuration } from '../render/duration.ts';
import { ramInBytes } from './bytes.ts';
import { parseNanoCPUs } from './cpus.ts';
import { SpecValueError } from './errors.ts';
import { type LookupEnv, validateEnv, validateLabel } from './kv.ts';
import { parseMountOpt } from './mounts.ts';
import { type NetworkOpt, parseNetworkOpt } from './network.ts';
import { parsePortOpt } from './ports.ts';
import { parseConfigOpt, parseSecretOpt } from './refs.ts';
import { shlexSplit } from './shlex.ts';
import { NumError, parseGoBool, parseGoFloat, parseGoInt, parseGoUint } from '../go/strconv.ts';
import type { ConfigReference, Mount, PlacementPreference, PortConfig, SecretReference, Ulimit } from './types.ts';
import {
  type CredentialSpecOpt,
  parseCredentialSpec,
  parsePlacementPref,
  parseUlimit,
  validateDNSSearch,
  validateExtraHost,
  validateGenericResource,
  validateIPAddress,
} from './values.ts';

/**
 * The parsed values of the flags the user gave, keyed by long flag name. Lists accumulate in
 * command-line order; scalar flags keep the last value. Durations are nanoseconds.
 */
export interface ServiceFlagValues {
  // shared by create and update (addServiceFlags)
  detach?: boolean;
  quiet?: boolean;
  workdir?: string;
  user?: string;
  'credential-spec'?: CredentialSpecOpt;
  hostname?: string;
  entrypoint?: string[];
  'cap-add'?: string[];
  'cap-drop'?: string[];
  'limit-cpu'?: bigint;
  'limit-memory'?: bigint;
  'reserve-cpu'?: bigint;
  'reserve-memory'?: bigint;
  'limit-pids'?: bigint;
  'stop-grace-period'?: bigint;
  replicas?: bigint;
  'max-concurrent'?: bigint;
  'replicas-max-per-node'?: bigint;
  'restart-condition'?: string;
  'restart-delay'?: bigint;
  'restart-max-attempts'?: bigint;
  'restart-window'?: bigint;
  'update-parallelism'?: bigint;
  'update-delay'?: bigint;
  'update-monitor'?: bigint;
  'update-failure-action'?: string;
  'update-max-failure-ratio'?: number;
  'update-order'?: string;
  'rollback-parallelism'?: bigint;
  'rollback-delay'?: bigint;
  'rollback-monitor'?: bigint;
  'rollback-failure-action'?: string;
  'rollback-max-failure-ratio'?: number;
  'rollback-order'?: string;
  'endpoint-mode'?: string;
  'with-registry-auth'?: boolean;
  'no-resolve-image'?: boolean;
  'log-driver'?: string;
  'log-opt'?: string[];
  'health-cmd'?: string;
  'health-interval'?: bigint;
  'health-timeout'?: bigint;
  'health-retries'?: bigint;
  'health-start-period'?: bigint;
  'health-start-interval'?: bigint;
  'no-healthcheck'?: boolean;
  tty?: boolean;
  'read-only'?: boolean;
  'stop-signal'?: string;
  isolation?: string;
  // create only
  mode?: string;
  name?: string;
  label?: string[];
  'container-label'?: string[];
  env?: string[];
  'env-file'?: string[];
  mount?: Mount[];
  constraint?: string[];
  'placement-pref'?: PlacementPreference[];
  network?: NetworkOpt[];
  secret?: SecretReference[];
  config?: ConfigReference[];
  publish?: PortConfig[];
  group?: string[];
  dns?: string[];
  'dns-option'?: string[];
  'dns-search'?: string[];
  host?: string[];
  init?: boolean; // also on update
  sysctl?: string[];
  ulimit?: Ulimit[];
  'oom-score-adj'?: bigint; // also on update
  'generic-resource'?: string[];
  // update only
  image?: string;
  args?: string[];
  rollback?: boolean;
  force?: boolean;
  'env-add'?: string[];
  'env-rm'?: string[];
  'label-add'?: string[];
  'label-rm'?: string[];
  'container-label-add'?: string[];
  'container-label-rm'?: string[];
  'mount-add'?: Mount[];
  'mount-rm'?: string[];
  'publish-add'?: PortConfig[];
  'publish-rm'?: PortConfig[];
  'constraint-add'?: string[];
  'constraint-rm'?: string[];
  'placement-pref-add'?: PlacementPreference[];
  'placement-pref-rm'?: PlacementPreference[];
  'network-add'?: NetworkOpt[];
  'network-rm'?: string[];
  'secret-add'?: SecretReference[];
  'secret-rm'?: string[];
  'config-add'?: ConfigReference[];
  'config-rm'?: string[];
  'group-add'?: string[];
  'group-rm'?: string[];
  'dns-add'?: string[];
  'dns-rm'?: string[];
  'dns-option-add'?: string[];
  'dns-option-rm'?: string[];
  'dns-search-add'?: string[];
  'dns-search-rm'?: string[];
  'host-add'?: string[];
  'host-rm'?: string[];
  'sysctl-add'?: string[];
  'sysctl-rm'?: string[];
  'ulimit-add'?: Ulimit[];
  'ulimit-rm'?: string[];
  'generic-resource-add'?: string[];
  'generic-resource-rm'?: string[];
}

/** A long flag name of `service create` or `service update`. */
export type ServiceFlagName = keyof ServiceFlagValues;

/** What value parsing needs from the CLI process (passed in; the spec layer does no I/O). */
export interface ParseContext {
  /** The CLI's environment (os.LookupEnv): `-e KEY` takes its value from here. */
  readonly lookupEnv: LookupEnv;
  /** The CLI's working directory (absolute): relative `--mount source=./x` resolves against it. */
  readonly cwd: string;
  /** Receives the warnings docker logs (logrus.Warn) while parsing a value. */
  readonly warn?: (message: string) => void;
}

/** How a value parses and accumulates. */
type ValueKind =
  | 'string'
  | 'bool'
  | 'int' // pflag int / int64: strconv.ParseInt(s, 0, 64)
  | 'uint' // pflag uint64 and service.Uint64Opt: strconv.ParseUint(s, 0, 64)
  | 'duration' // pflag duration / opts.DurationOpt: time.ParseDuration
  | 'positive-duration' // opts.PositiveDurationOpt
  | 'float32' // service floatValue: strconv.ParseFloat(s, 32)
  | 'decimal' // opts.NanoCPUs
  | 'bytes' // opts.MemBytes
  | 'command' // service.ShlexOpt (replaces)
  | 'list' // opts.ListOpts without validator
  | 'env'
  | 'label'
  | 'ip'
  | 'dns-search'
  | 'extra-host'
  | 'generic-resource'
  | 'mount'
  | 'port'
  | 'network'
  | 'secret'
  | 'config'
  | 'pref'
  | 'credential-spec'
  | 'ulimit';

/** One flag as docker registers it. */
export interface ServiceFlagDef {
  readonly name: ServiceFlagName;
  readonly short?: string;
  /** pflag's `Value.Type()` (help shows int64 as "int", uint64 as "uint", bool as nothing). */
  readonly type: string;
  /** The usage text on `service create` (create's includes docker's "(default …)" suffixes). */
  readonly usage: string;
  /** The usage text on `service update`, when it differs (no default suffixes there). */
  readonly updateUsage?: string;
  /** pflag's DefValue on create (help appends `(default X)` unless it is a zero value). */
  readonly defValue: string;
  /** pflag's DefValue on update, when it differs. */
  readonly updateDefValue?: string;
  /** The "version" annotation: the minimum API version (flag hidden and rejected below it). */
  readonly version?: string;
  readonly commands: 'create' | 'update' | 'both';
  readonly kind: ValueKind;
}

function def(
  name: ServiceFlagName,
  type: string,
  kind: ValueKind,
  commands: ServiceFlagDef['commands'],
  usage: string,
  extra: Partial<Pick<ServiceFlagDef, 'short' | 'updateUsage' | 'defValue' | 'updateDefValue' | 'version'>> = {},
): ServiceFlagDef {
  return { name, type, kind, commands, usage, defValue: '', ...extra };
}

const D = (desc: string, dflt: string): Pick<ServiceFlagDef, 'usage' | 'updateUsage'> => ({ usage: `${desc} (default ${dflt})`, updateUsage: desc });

function withDefault(
  name: ServiceFlagName,
  type: string,
  kind: ValueKind,
  desc: string,
  dflt: string,
  extra: Partial<Pick<ServiceFlagDef, 'short' | 'defValue' | 'updateDefValue' | 'version'>> = {},
): ServiceFlagDef {
  const u = D(desc, dflt);
  return def(name, type, kind, 'both', u.usage, { updateUsage: u.updateUsage, ...extra });
}

/**
 * Every flag of `service create` and `service update`, in docker's registration order
 * (addServiceFlags, then the command's own). Help lists them sorted by name.
 */
export const SERVICE_FLAGS: readonly ServiceFlagDef[] = [
  // create.go, before addServiceFlags
  def('mode', 'string', 'string', 'create', 'Service mode ("replicated", "global", "replicated-job", "global-job")', { defValue: 'replicated' }),
  def('name', 'string', 'string', 'create', 'Service name'),
  // update.go, before addServiceFlags
  def('image', 'string', 'string', 'update', 'Service image tag'),
  def('args', 'command', 'command', 'update', 'Service command args'),
  def('rollback', 'bool', 'bool', 'update', 'Rollback to previous specification', { defValue: 'false', version: '1.25' }),
  def('force', 'bool', 'bool', 'update', 'Force update even if no changes require it', { defValue: 'false', version: '1.25' }),
  // addServiceFlags
  def('detach', 'bool', 'bool', 'both', 'Exit immediately instead of waiting for the service to converge', { short: 'd', defValue: 'false', version: '1.29' }),
  def('quiet', 'bool', 'bool', 'both', 'Suppress progress output', { short: 'q', defValue: 'false' }),
  def('workdir', 'string', 'string', 'both', 'Working directory inside the container', { short: 'w' }),
  def('user', 'string', 'string', 'both', 'Username or UID (format: <name|uid>[:<group|gid>])', { short: 'u' }),
  def('credential-spec', 'credential-spec', 'credential-spec', 'both', 'Credential spec for managed service account (Windows only)', { version: '1.29' }),
  def('hostname', 'string', 'string', 'both', 'Container hostname', { version: '1.25' }),
  def('entrypoint', 'command', 'command', 'both', 'Overwrite the default ENTRYPOINT of the image'),
  def('cap-add', 'list', 'list', 'both', 'Add Linux capabilities', { version: '1.41' }),
  def('cap-drop', 'list', 'list', 'both', 'Drop Linux capabilities', { version: '1.41' }),
  def('limit-cpu', 'decimal', 'decimal', 'both', 'Limit CPUs'),
  def('limit-memory', 'bytes', 'bytes', 'both', 'Limit Memory', { defValue: '0' }),
  def('reserve-cpu', 'decimal', 'decimal', 'both', 'Reserve CPUs'),
  def('reserve-memory', 'bytes', 'bytes', 'both', 'Reserve Memory', { defValue: '0' }),
  def('limit-pids', 'int64', 'int', 'both', 'Limit maximum number of processes (default 0 = unlimited)', { defValue: '0', version: '1.41' }),
  withDefault('stop-grace-period', 'duration', 'duration', 'Time to wait before force killing a container (ns|us|ms|s|m|h)', '10s'),
  def('replicas', 'uint', 'uint', 'both', 'Number of tasks'),
  def('max-concurrent', 'uint', 'uint', 'both', 'Number of job tasks to run concurrently (default equal to --replicas)', { version: '1.41' }),
  def('replicas-max-per-node', 'uint64', 'uint', 'both', 'Maximum number of tasks per node (default 0 = unlimited)', { defValue: '0', version: '1.40' }),
  withDefault('restart-condition', 'string', 'string', 'Restart when condition is met ("none", "on-failure", "any")', '"any"'),
  withDefault('restart-delay', 'duration', 'duration', 'Delay between restart attempts (ns|us|ms|s|m|h)', '5s'),
  def('restart-max-attempts', 'uint', 'uint', 'both', 'Maximum number of restarts before giving up'),
  def('restart-window', 'duration', 'duration', 'both', 'Window used to evaluate the restart policy (ns|us|ms|s|m|h)'),
  def('update-parallelism', 'uint64', 'uint', 'both', 'Maximum number of tasks updated simultaneously (0 to update all at once)', { defValue: '1', updateDefValue: '0' }),
  withDefault('update-delay', 'duration', 'duration', 'Delay between updates (ns|us|ms|s|m|h)', '0s', { defValue: '0s' }),
  withDefault('update-monitor', 'duration', 'duration', 'Duration after each task update to monitor for failure (ns|us|ms|s|m|h)', '5s', {
    defValue: '0s',
    version: '1.25',
  }),
  withDefault('update-failure-action', 'string', 'string', 'Action on update failure ("pause", "continue", "rollback")', '"pause"'),
  withDefault('update-max-failure-ratio', 'float', 'float32', 'Failure rate to tolerate during an update', '0', { defValue: '0', version: '1.25' }),
  withDefault('update-order', 'string', 'string', 'Update order ("start-first", "stop-first")', '"stop-first"', { version: '1.29' }),
  def('rollback-parallelism', 'uint64', 'uint', 'both', 'Maximum number of tasks rolled back simultaneously (0 to roll back all at once)', {
    defValue: '1',
    updateDefValue: '0',
    version: '1.28',
  }),
  withDefault('rollback-delay', 'duration', 'duration', 'Delay between task rollbacks (ns|us|ms|s|m|h)', '0s', { defValue: '0s', version: '1.28' }),
  withDefault('rollback-monitor', 'duration', 'duration', 'Duration after each task rollback to monitor for failure (ns|us|ms|s|m|h)', '5s', {
    defValue: '0s',
    version: '1.28',
  }),
  withDefault('rollback-failure-action', 'string', 'string', 'Action on rollback failure ("pause", "continue")', '"pause"', { version: '1.28' }),
  withDefault('rollback-max-failure-ratio', 'float', 'float32', 'Failure rate to tolerate during a rollback', '0', { defValue: '0', version: '1.28' }),
  withDefault('rollback-order', 'string', 'string', 'Rollback order ("start-first", "stop-first")', '"stop-first"', { version: '1.29' }),
  def('endpoint-mode', 'string', 'string', 'both', 'Endpoint mode (vip or dnsrr)', { defValue: 'vip', updateDefValue: '' }),
  def('with-registry-auth', 'bool', 'bool', 'both', 'Send registry authentication details to swarm agents', { defValue: 'false' }),
  def('no-resolve-image', 'bool', 'bool', 'both', 'Do not query the registry to resolve image digest and supported platforms', { defValue: 'false', version: '1.30' }),
  def('log-driver', 'string', 'string', 'both', 'Logging driver for service'),
  def('log-opt', 'list', 'env', 'both', 'Logging driver options'),
  def('health-cmd', 'string', 'string', 'both', 'Command to run to check health', { version: '1.25' }),
  def('health-interval', 'duration', 'positive-duration', 'both', 'Time between running the check (ms|s|m|h)', { version: '1.25' }),
  def('health-timeout', 'duration', 'positive-duration', 'both', 'Maximum time to allow one check to run (ms|s|m|h)', { version: '1.25' }),
  def('health-retries', 'int', 'int', 'both', 'Consecutive failures needed to report unhealthy', { defValue: '0', version: '1.25' }),
  def('health-start-period', 'duration', 'positive-duration', 'both', 'Start period for the container to initialize before counting retries towards unstable (ms|s|m|h)', {
    version: '1.29',
  }),
  def('health-start-interval', 'duration', 'positive-duration', 'both', 'Time between running the check during the start period (ms|s|m|h)', { version: '1.44' }),
  def('no-healthcheck', 'bool', 'bool', 'both', 'Disable any container-specified HEALTHCHECK', { defValue: 'false', version: '1.25' }),
  def('tty', 'bool', 'bool', 'both', 'Allocate a pseudo-TTY', { short: 't', defValue: 'false', version: '1.25' }),
  def('read-only', 'bool', 'bool', 'both', "Mount the container's root filesystem as read only", { defValue: 'false', version: '1.28' }),
  def('stop-signal', 'string', 'string', 'both', 'Signal to stop the container', { version: '1.28' }),
  def('isolation', 'string', 'string', 'both', 'Service container isolation mode', { version: '1.35' }),
  // create.go, after addServiceFlags
  def('label', 'list', 'label', 'create', 'Service labels', { short: 'l' }),
  def('container-label', 'list', 'label', 'create', 'Container labels'),
  def('env', 'list', 'env', 'create', 'Set environment variables', { short: 'e' }),
  def('env-file', 'list', 'list', 'create', 'Read in a file of environment variables'),
  def('mount', 'mount', 'mount', 'create', 'Attach a filesystem mount to the service'),
  def('constraint', 'list', 'list', 'create', 'Placement constraints'),
  def('placement-pref', 'pref', 'pref', 'create', 'Add a placement preference', { version: '1.28' }),
  def('network', 'network', 'network', 'create', 'Network attachments'),
  def('secret', 'secret', 'secret', 'create', 'Specify secrets to expose to the service', { version: '1.25' }),
  def('config', 'config', 'config', 'create', 'Specify configurations to expose to the service', { version: '1.30' }),
  def('publish', 'port', 'port', 'create', 'Publish a port as a node port', { short: 'p' }),
  def('group', 'list', 'list', 'create', 'Set one or more supplementary user groups for the container', { version: '1.25' }),
  def('dns', 'list', 'ip', 'create', 'Set custom DNS servers', { version: '1.25' }),
  def('dns-option', 'list', 'list', 'create', 'Set DNS options', { version: '1.25' }),
  def('dns-search', 'list', 'dns-search', 'create', 'Set custom DNS search domains', { version: '1.25' }),
  def('host', 'list', 'extra-host', 'create', 'Set one or more custom host-to-IP mappings (host:ip)', { version: '1.25' }),
  def('init', 'bool', 'bool', 'both', 'Use an init inside each service container to forward signals and reap processes', { defValue: 'false', version: '1.37' }),
  def('sysctl', 'list', 'list', 'create', 'Sysctl options', { version: '1.40' }),
  def('ulimit', 'ulimit', 'ulimit', 'create', 'Ulimit options', { defValue: '[]', version: '1.41' }),
  def('oom-score-adj', 'int64', 'int', 'both', "Tune host's OOM preferences (-1000 to 1000) ", { defValue: '0', version: '1.46' }),
  // No version annotation: create.go annotates the (unregistered) --host-add by mistake.
  def('generic-resource', 'list', 'generic-resource', 'create', 'User defined resources'),
  // update.go, after addServiceFlags
  def('env-rm', 'list', 'list', 'update', 'Remove an environment variable'),
  def('group-rm', 'list', 'list', 'update', 'Remove a previously added supplementary user group from the container', { version: '1.25' }),
  def('label-rm', 'list', 'list', 'update', 'Remove a label by its key'),
  def('container-label-rm', 'list', 'list', 'update', 'Remove a container label by its key'),
  def('mount-rm', 'list', 'list', 'update', 'Remove a mount by its target path'),
  def('publish-rm', 'port', 'port', 'update', 'Remove a published port by its target port'),
  def('constraint-rm', 'list', 'list', 'update', 'Remove a constraint'),
  def('dns-rm', 'list', 'list', 'update', 'Remove a custom DNS server', { version: '1.25' }),
  def('dns-option-rm', 'list', 'list', 'update', 'Remove a DNS option', { version: '1.25' }),
  def('dns-search-rm', 'list', 'list', 'update', 'Remove a DNS search domain', { version: '1.25' }),
  def('host-rm', 'list', 'list', 'update', 'Remove a custom host-to-IP mapping ("host:ip")', { version: '1.25' }),
  def('label-add', 'list', 'label', 'update', 'Add or update a service label'),
  def('container-label-add', 'list', 'label', 'update', 'Add or update a container label'),
  def('env-add', 'list', 'env', 'update', 'Add or update an environment variable'),
  def('secret-rm', 'list', 'list', 'update', 'Remove a secret', { version: '1.25' }),
  def('secret-add', 'secret', 'secret', 'update', 'Add or update a secret on a service', { version: '1.25' }),
  def('config-rm', 'list', 'list', 'update', 'Remove a configuration file', { version: '1.30' }),
  def('config-add', 'config', 'config', 'update', 'Add or update a config file on a service', { version: '1.30' }),
  def('mount-add', 'mount', 'mount', 'update', 'Add or update a mount on a service'),
  def('constraint-add', 'list', 'list', 'update', 'Add or update a placement constraint'),
  def('placement-pref-add', 'pref', 'pref', 'update', 'Add a placement preference', { version: '1.28' }),
  def('placement-pref-rm', 'pref', 'pref', 'update', 'Remove a placement preference', { version: '1.28' }),
  def('network-add', 'network', 'network', 'update', 'Add a network', { version: '1.29' }),
  def('network-rm', 'list', 'list', 'update', 'Remove a network', { version: '1.29' }),
  def('publish-add', 'port', 'port', 'update', 'Add or update a published port'),
  def('group-add', 'list', 'list', 'update', 'Add an additional supplementary user group to the container', { version: '1.25' }),
  def('dns-add', 'list', 'ip', 'update', 'Add or update a custom DNS server', { version: '1.25' }),
  def('dns-option-add', 'list', 'list', 'update', 'Add or update a DNS option', { version: '1.25' }),
  def('dns-search-add', 'list', 'dns-search', 'update', 'Add or update a custom DNS search domain', { version: '1.25' }),
  // update.go annotates --host-add with 1.25, then (meaning --generic-resource-*) twice with 1.32.
  def('host-add', 'list', 'extra-host', 'update', 'Add a custom host-to-IP mapping ("host:ip")', { version: '1.32' }),
  def('sysctl-add', 'list', 'list', 'update', 'Add or update a Sysctl option', { version: '1.40' }),
  def('sysctl-rm', 'list', 'list', 'update', 'Remove a Sysctl option', { version: '1.40' }),
  def('ulimit-add', 'ulimit', 'ulimit', 'update', 'Add or update a ulimit option', { defValue: '[]', version: '1.41' }),
  def('ulimit-rm', 'list', 'list', 'update', 'Remove a ulimit option', { version: '1.41' }),
  def('generic-resource-rm', 'list', 'list', 'update', 'Remove a Generic resource'),
  def('generic-resource-add', 'list', 'generic-resource', 'update', 'Add a Generic resource'),
];

const BY_NAME = new Map<string, ServiceFlagDef>(SERVICE_FLAGS.map((d) => [d.name, d]));

/** The flags one command registers, in registration order. */
export function serviceFlagsFor(command: 'create' | 'update'): ServiceFlagDef[] {
  return SERVICE_FLAGS.filter((d) => d.commands === 'both' || d.commands === command);
}

/** Looks a flag up by long name or one-letter shorthand. */
export function findServiceFlag(command: 'create' | 'update', nameOrShort: string): ServiceFlagDef | undefined {
  const d = BY_NAME.get(nameOrShort) ?? SERVICE_FLAGS.find((x) => x.short === nameOrShort);
  return d !== undefined && (d.commands === 'both' || d.commands === command) ? d : undefined;
}

function num(r: bigint | NumError): bigint {
  if (r instanceof NumError) throw new SpecValueError(r.message);
  return r;
}

function duration(value: string): bigint {
  try {
    return parseDuration(value);
  } catch (e) {
    if (e instanceof DurationParseError) throw new SpecValueError(e.message);
    throw e;
  }
}

function append<T>(previous: unknown, items: readonly T[]): T[] {
  return [...((previous as T[] | undefined) ?? []), ...items];
}

/**
 * Parses one occurrence of a flag's value (the flag.Value's Set) given the value accumulated
 * so far, and returns the new accumulated value. Throws SpecValueError with Set's message
 * (pflag then reports `invalid argument "v" for "--flag" flag: <message>`, exit 125).
 */
export function parseFlagValue(flag: ServiceFlagDef, value: string, previous: unknown, ctx: ParseContext): unknown {
  switch (flag.kind) {
    case 'string':
      return value;
    case 'bool': {
      const b = parseGoBool(value);
      if (b === undefined) throw new SpecValueError(`strconv.ParseBool: parsing ${quote(value)}: invalid syntax`);
      return b;
    }
    case 'int':
      return num(parseGoInt(value, 0, 64));
    case 'uint':
      return num(parseGoUint(value, 0, 64));
    case 'duration':
      return duration(value);
    case 'positive-duration': {
      const d = duration(value);
      if (d < 0n) throw new SpecValueError('duration cannot be negative');
      return d;
    }
    case 'float32': {
      const f = parseGoFloat(value, 32);
      if (f instanceof NumError) throw new SpecValueError(f.message);
      return f;
    }
    case 'decimal':
      return parseNanoCPUs(value);
    case 'bytes':
      return ramInBytes(value);
    case 'command':
      return shlexSplit(value);
    case 'list':
      return append(previous, [value]);
    case 'env':
      return append(previous, [validateEnv(value, ctx.lookupEnv)]);
    case 'label':
      return append(previous, [validateLabel(value)]);
    case 'ip':
      return append(previous, [validateIPAddress(value)]);
    case 'dns-search':
      return append(previous, [validateDNSSearch(value)]);
    case 'extra-host':
      return append(previous, [validateExtraHost(value)]);
    case 'generic-resource':
      return append(previous, [validateGenericResource(value)]);
    case 'mount': {
      const r = parseMountOpt(value, ctx.cwd);
      for (const w of r.warnings) ctx.warn?.(w);
      return append(previous, [r.mount]);
    }
    case 'port':
      return append(previous, parsePortOpt(value));
    case 'network':
      return append(previous, [parseNetworkOpt(value)]);
    case 'secret':
      return append(previous, [parseSecretOpt(value)]);
    case 'config':
      return append(previous, [parseConfigOpt(value)]);
    case 'pref':
      return append(previous, [parsePlacementPref(value)]);
    case 'credential-spec':
      return parseCredentialSpec(value);
    case 'ulimit': {
      // opts.UlimitOpt is a map by name: a later value for the same name replaces it.
      const u = parseUlimit(value);
      const list = ((previous as Ulimit[] | undefined) ?? []).filter((x) => x.Name !== u.Name);
      return [...list, u];
    }
  }
}

/** A flag value that failed to parse: pflag's message is `invalid argument "v" for "--flag" flag: <cause>`. */
export class FlagParseError extends Error {
  constructor(
    readonly flag: ServiceFlagDef,
    readonly value: string,
    readonly reason: string,
  ) {
    super(`invalid argument ${quote(value)} for "${flag.short !== undefined ? `-${flag.short}, ` : ''}--${flag.name}" flag: ${reason}`);
    this.name = 'FlagParseError';
  }
}

/**
 * Parses `[name, value]` pairs (long names, in command-line order; bool flags with "true" or
 * "false") into ServiceFlagValues, as pflag would while parsing the command line. Throws
 * FlagParseError (exit 125) at the first bad value. Convenient for tests and for commands that
 * tokenise argv themselves.
 */
export function parseServiceFlags(command: 'create' | 'update', pairs: ReadonlyArray<readonly [string, string]>, ctx: ParseContext): ServiceFlagValues {
  const values: Record<string, unknown> = {};
  for (const [name, value] of pairs) {
    const flag = findServiceFlag(command, name);
    if (flag === undefined) throw new Error(`unknown flag: --${name}`);
    try {
      values[flag.name] = parseFlagValue(flag, value, values[flag.name], ctx);
    } catch (e) {
      if (e instanceof SpecValueError) throw new FlagParseError(flag, value, e.message);
      throw e;
    }
  }
  return values as ServiceFlagValues;
}
