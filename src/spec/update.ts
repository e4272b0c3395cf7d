/**
 * `docker service update`: the flags given applied to the service's current spec, as
 * updateService and the secret/config/credential-spec steps of runUpdate do (docker/cli
 * v28.2.2 cli/command/service/update.go). A flag changes its field only when it was given
 * (its key is present in ServiceFlagValues); some merges run on every update regardless
 * (mounts are re-sorted, ulimits re-sorted, env and secrets lists rebuilt).
 *
 * Flags update accepts but ignores, as docker 28.2.2 does: `--health-start-interval`,
 * `--max-concurrent`, `--log-opt` without `--log-driver`, `--no-resolve-image`,
 * `--with-registry-auth`, `-d`, `-q` (the last three are the command's business).
 *
 * Deviations (docker's order is random because it comes from a Go map; tsw picks one):
 * - `--env-add`: Env keeps the existing variables in place (a replaced value stays at its
 *   key's first position) and appends new keys in flag order.
 * - `--generic-resource-add`/`-rm`: existing kinds in place, new kinds appended.
 * - `--publish-add`/`-rm`, `--mount-add`/`-rm`: docker sorts the result, so no deviation.
 * - `--secret-add`/`--config-add`: resolved references in flag order.
 */
import { byteCompare, defaultRestartPolicy, defaultUpdateConfig, type Lookup, rethrow, setUpdateConfig } from './create.ts';
import { SpecError } from './errors.ts';
import { fields } from '../go/strings.ts';
import type { ServiceFlagValues } from './flags.ts';
import { GoPanic, kvToMap } from './kv.ts';
import { type NamedObject, resolveConfigRefs, resolveSecretRefs } from './refs.ts';
import { parseGenericResources, capabilitiesSet, extraHostsToSwarm, goSortStrings, ALL_CAPABILITIES, RESET_CAPABILITIES } from './values.ts';
import { portConfigString } from './ports.ts';
import type {
  ConfigReference,
  ContainerSpec,
  GenericResource,
  Mount,
  NetworkAttachmentConfig,
  PortConfig,
  ResourceRequirements,
  SecretReference,
  ServiceSpec,
  TaskSpec,
  Ulimit,
} from './types.ts';

/** What applyUpdateFlags needs from the API (looked up by the caller; errors thrown in order). */
export interface UpdateContext {
  /** `--network-add` targets and `--network-rm` names resolved to IDs, or the lookup's error. */
  readonly networks?: ReadonlyMap<string, Lookup<string>>;
  /** The secrets found for the `--secret-add` names. */
  readonly secrets?: Lookup<readonly NamedObject[]>;
  /** The configs found for the `--config-add` names and a `--credential-spec config://` name. */
  readonly configs?: Lookup<readonly NamedObject[]>;
}

/** removeDuplicates: first occurrence kept, order kept. */
function removeDuplicates(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of entries) {
    if (!seen.has(e)) {
      seen.add(e);
      out.push(e);
    }
  }
  return out;
}

/** A label/sysctl map merge (updateLabels, updateContainerLabels, updateSysCtls). */
function updateMap(
  field: Record<string, string> | undefined,
  add: readonly string[] | undefined,
  rm: readonly string[] | undefined,
  rmKeys: (values: readonly string[]) => string[],
): Record<string, string> | undefined {
  let m = field;
  if (m !== undefined && rm !== undefined) for (const k of rmKeys(rm)) delete m[k];
  if (add !== undefined) {
    m ??= {};
    const kv = kvToMap(add);
    for (const k of Object.keys(kv)) Object.defineProperty(m, k, { value: kv[k], enumerable: true, writable: true, configurable: true });
  }
  return m;
}

const envKey = (v: string): string => {
  const eq = v.indexOf('=');
  return eq < 0 ? v : v.slice(0, eq);
};

/** updateEnvironment (see the module comment for the order of `--env-add` results). */
function updateEnvironment(env: readonly string[] | undefined, add: readonly string[] | undefined, rm: readonly string[] | undefined): string[] {
  const toRemove = new Set(rm ?? []);
  let out = (env ?? []).filter((v) => !toRemove.has(envKey(v)));
  if (add !== undefined) {
    const set = new Map<string, string>();
    for (const v of out) set.set(envKey(v), v);
    for (const v of add) set.set(envKey(v), v);
    out = [...set.values()];
  }
  return out;
}

/** updateMounts: keyed by target (adds first, then the old ones), removed by target, sorted. */
function updateMounts(mounts: readonly Mount[] | undefined, add: readonly Mount[] | undefined, rm: readonly string[] | undefined): Mount[] {
  const byTarget = new Map<string, Mount>();
  for (const m of add ?? []) {
    if (byTarget.has(m.Target ?? '')) throw new SpecError('duplicate mount target');
    byTarget.set(m.Target ?? '', m);
  }
  for (const m of mounts ?? []) if (!byTarget.has(m.Target ?? '')) byTarget.set(m.Target ?? '', m);
  const toRemove = new Set(rm ?? []);
  const out = [...byTarget.values()].filter((m) => !toRemove.has(m.Target ?? ''));
  return out.sort((a, b) => (a.Source === b.Source ? byteCompare(a.Target ?? '', b.Target ?? '') : byteCompare(a.Source ?? '', b.Source ?? '')));
}

/** updateUlimits: a map by name, removals, additions; sorted by name; absent when empty. */
function updateUlimits(ulimits: readonly Ulimit[] | undefined, add: readonly Ulimit[] | undefined, rm: readonly string[] | undefined): Ulimit[] | undefined {
  const m = new Map<string, Ulimit>();
  for (const u of ulimits ?? []) m.set(u.Name ?? '', u);
  if (rm !== undefined) for (const k of Object.keys(kvToMap(rm))) m.delete(k);
  for (const u of add ?? []) m.set(u.Name ?? '', u);
  if (m.size === 0) return undefined;
  return [...m.values()].sort((a, b) => byteCompare(a.Name ?? '', b.Name ?? ''));
}

/** buildGenericResourceMap: discrete resources only, one per kind. */
function genericResourceMap(list: readonly GenericResource[] | undefined): Map<string, GenericResource> {
  const m = new Map<string, GenericResource>();
  for (const r of list ?? []) {
    if (r.DiscreteResourceSpec === undefined) throw new SpecError(`invalid generic-resource \`${goStructV(r)}\` for service task`);
    const kind = r.DiscreteResourceSpec.Kind ?? '';
    if (m.has(kind)) throw new SpecError(`duplicate generic-resource \`${kind}\` for service task`);
    m.set(kind, r);
  }
  return m;
}

/** fmt's %+v of a GenericResource holding a named resource (pointers print as addresses in Go). */
function goStructV(r: GenericResource): string {
  return `{NamedResourceSpec:${r.NamedResourceSpec === undefined ? '<nil>' : '0xc000000000'} DiscreteResourceSpec:<nil>}`;
}

/** One Go `for i, x := range s { if match { s = append(s[:i], s[i+1:]...) } }` loop, quirks and panic included. */
function goRangeRemove(items: readonly string[], match: (s: string) => boolean): string[] {
  const backing = [...items];
  let len = backing.length;
  const n = len;
  for (let i = 0; i < n; i++) {
    if (!match(backing[i] ?? '')) continue;
    if (i + 1 > len) throw new GoPanic(`runtime error: slice bounds out of range [${i + 1}:${len}]`);
    for (let j = i + 1; j < len; j++) backing[j - 1] = backing[j] ?? '';
    len--;
  }
  return backing.slice(0, len);
}

/** updateHosts: remove `host` (everywhere) or `host:ip` (entries of that IP), append adds, de-dup. */
function updateHosts(hosts: readonly string[] | undefined, add: readonly string[] | undefined, rm: readonly string[] | undefined): string[] {
  const toRemove = (rm ?? []).map((e) => {
    const i = e.indexOf(':');
    return { host: i < 0 ? e : e.slice(0, i), ip: i < 0 ? '' : e.slice(i + 1) };
  });
  const out: string[] = [];
  for (const entry of hosts ?? []) {
    const parts = fields(entry);
    if (parts.length === 0) continue;
    const ip = parts[0] ?? '';
    let names = parts.slice(1);
    for (const r of toRemove) {
      if (r.ip !== '' && r.ip !== ip) continue;
      names = goRangeRemove(names, (h) => h === r.host);
    }
    if (names.length > 0) out.push(`${ip} ${names.join(' ')}`);
  }
  if (add !== undefined) out.push(...extraHostsToSwarm(add));
  return removeDuplicates(out);
}

const equalProtocol = (a: string | undefined, b: string | undefined): boolean =>
  (a ?? '') === (b ?? '') || ((a ?? '') === '' && b === 'tcp') || ((b ?? '') === '' && a === 'tcp');
const equalPublishMode = (a: string | undefined, b: string | undefined): boolean =>
  (a ?? '') === (b ?? '') || ((a ?? '') === '' && b === 'ingress') || ((b ?? '') === '' && a === 'ingress');

/** updatePorts: de-dup existing, drop removals (target+protocol+mode), add new, sort by string form. */
function updatePorts(ports: readonly PortConfig[] | undefined, add: readonly PortConfig[] | undefined, rm: readonly PortConfig[] | undefined): PortConfig[] {
  const portSet = new Map<string, PortConfig>();
  for (const p of ports ?? []) if (!portSet.has(portConfigString(p))) portSet.set(portConfigString(p), p);
  const out: PortConfig[] = [];
  for (const p of portSet.values()) {
    const removed = (rm ?? []).some((r) => equalProtocol(p.Protocol, r.Protocol) && (p.TargetPort ?? 0) === (r.TargetPort ?? 0) && equalPublishMode(p.PublishMode, r.PublishMode));
    if (!removed) out.push(p);
  }
  // An add that matches an existing port (even one just removed) is skipped.
  for (const p of add ?? []) if (!portSet.has(portConfigString(p))) out.push(p);
  return out.sort((a, b) => byteCompare(portConfigString(a), portConfigString(b)));
}

/** updateDNSConfig: each list = existing + adds, de-duplicated, removals dropped, sorted. */
function updateDNSList(list: readonly string[] | undefined, add: readonly string[] | undefined, rm: readonly string[] | undefined): string[] | undefined {
  const toRemove = new Set(rm ?? []);
  const out = removeDuplicates([...(list ?? []), ...(add ?? [])]).filter((v) => !toRemove.has(v));
  return out.length === 0 ? undefined : goSortStrings(out);
}

/** capsList: sorted; ALL collapses the list; absent when empty. */
function capsList(caps: Set<string>): string[] | undefined {
  if (caps.size === 0) return undefined;
  if (caps.has(ALL_CAPABILITIES)) return [ALL_CAPABILITIES];
  return goSortStrings([...caps]);
}

/** updateCapabilities: the tri-state add/drop merge. */
function updateCapabilities(cs: ContainerSpec, add: readonly string[] | undefined, drop: readonly string[] | undefined): void {
  let capDrop = capabilitiesSet(cs.CapabilityDrop ?? []);
  let capAdd = capabilitiesSet(cs.CapabilityAdd ?? []);
  let toAdd = new Set<string>();
  let toDrop = new Set<string>();
  if (add !== undefined) {
    toAdd = capabilitiesSet(add);
    if (toAdd.has(RESET_CAPABILITIES)) {
      capAdd = new Set();
      toAdd.delete(RESET_CAPABILITIES);
    }
  }
  if (drop !== undefined) {
    toDrop = capabilitiesSet(drop);
    if (toDrop.has(RESET_CAPABILITIES)) {
      capDrop = new Set();
      toDrop.delete(RESET_CAPABILITIES);
    }
  }
  for (const c of toDrop) {
    if (toAdd.has(c)) continue;
    if (capAdd.has(c)) capAdd.delete(c);
    else capDrop.add(c);
  }
  for (const c of toAdd) {
    if (capDrop.has(c)) capDrop.delete(c);
    else capAdd.add(c);
  }
  cs.CapabilityDrop = capsList(capDrop);
  cs.CapabilityAdd = capsList(capAdd);
}

const anyOf = (f: ServiceFlagValues, names: ReadonlyArray<keyof ServiceFlagValues>): boolean => names.some((n) => f[n] !== undefined);

/** updateHealthcheck (note: --health-start-interval is not looked at). */
function updateHealthcheck(cs: ContainerSpec, f: ServiceFlagValues): void {
  const settings: Array<keyof ServiceFlagValues> = ['health-cmd', 'health-interval', 'health-retries', 'health-timeout', 'health-start-period'];
  if (!anyOf(f, ['no-healthcheck', ...settings])) return;
  cs.Healthcheck ??= {};
  if (f['no-healthcheck'] === true) {
    if (!anyOf(f, settings)) {
      cs.Healthcheck = { Test: ['NONE'] };
      return;
    }
    throw new SpecError('--no-healthcheck conflicts with --health-* options');
  }
  const h = cs.Healthcheck;
  if (h.Test !== undefined && h.Test.length > 0 && h.Test[0] === 'NONE') delete h.Test;
  if (f['health-interval'] !== undefined) h.Interval = f['health-interval'];
  if (f['health-timeout'] !== undefined) h.Timeout = f['health-timeout'];
  if (f['health-start-period'] !== undefined) h.StartPeriod = f['health-start-period'];
  if (f['health-retries'] !== undefined) h.Retries = f['health-retries'];
  const cmd = f['health-cmd'];
  if (cmd !== undefined) {
    if (cmd !== '') h.Test = ['CMD-SHELL', cmd];
    else delete h.Test;
  }
}

/** updateNetworks: removals by resolved ID, adds resolved (already attached → error), sorted by ID. */
function updateNetworks(spec: ServiceSpec, task: TaskSpec, f: ServiceFlagValues, ctx: UpdateContext): void {
  let specNetworks = task.Networks ?? [];
  if (specNetworks.length === 0) specNetworks = spec.Networks ?? [];
  delete spec.Networks;
  const resolve = (name: string): string => {
    const r = ctx.networks?.get(name);
    if (r instanceof Error) rethrow(r);
    return r ?? name;
  };
  // Go ranges over a map of the names to remove; tsw resolves them in flag order.
  const idsToRemove = new Set([...new Set(f['network-rm'] ?? [])].map(resolve));
  const existing = new Set<string>();
  const out: NetworkAttachmentConfig[] = [];
  for (const nw of specNetworks) {
    if (idsToRemove.has(nw.Target ?? '')) continue;
    out.push(nw);
    existing.add(nw.Target ?? '');
  }
  for (const n of f['network-add'] ?? []) {
    const id = resolve(n.target);
    if (existing.has(id)) throw new SpecError(`service is already attached to network ${n.target}`);
    const a: NetworkAttachmentConfig = { Target: id };
    if (n.aliases !== undefined) a.Aliases = [...n.aliases];
    if (n.driverOpts !== undefined) a.DriverOpts = { ...n.driverOpts };
    out.push(a);
    existing.add(id);
  }
  out.sort((a, b) => byteCompare(a.Target ?? '', b.Target ?? ''));
  task.Networks = out.length === 0 ? undefined : out;
}

/** getUpdatedSecrets: keep those not removed (by name), append the resolved adds. */
function updatedSecrets(current: readonly SecretReference[] | undefined, f: ServiceFlagValues, ctx: UpdateContext): SecretReference[] {
  const toRemove = new Set(f['secret-rm'] ?? []);
  const out = (current ?? []).filter((s) => !toRemove.has(s.SecretName ?? ''));
  const add = f['secret-add'];
  if (add !== undefined) {
    const found = ctx.secrets ?? [];
    if (found instanceof Error && add.length > 0) rethrow(found);
    out.push(...resolveSecretRefs(add, found instanceof Error ? [] : found));
  }
  return out;
}

/** getUpdatedConfigs + removeConfigs: runtime (credential spec) references kept only while in use. */
function updatedConfigs(cs: ContainerSpec, f: ServiceFlagValues, ctx: UpdateContext): ConfigReference[] {
  let credSpecConfigName = '';
  let credSpecConfigID = '';
  const credFlag = f['credential-spec'];
  if (credFlag !== undefined) credSpecConfigName = credFlag.value.Config ?? '';
  else if ((cs.Privileges?.CredentialSpec?.Config ?? '') !== '') credSpecConfigID = cs.Privileges?.CredentialSpec?.Config ?? '';
  const toRemove = new Set(f['config-rm'] ?? []);
  const keep: ConfigReference[] = [];
  for (const c of cs.Configs ?? []) {
    if (c.Runtime !== undefined) {
      if ((c.ConfigName ?? '') === credSpecConfigName || (c.ConfigID ?? '') === credSpecConfigID) keep.push(c);
      continue;
    }
    if (!toRemove.has(c.ConfigName ?? '')) keep.push(c);
  }
  const resolveList: ConfigReference[] = [...(f['config-add'] ?? [])];
  // A credential-spec config given on the command line is (re)added as a runtime reference.
  if (credSpecConfigName !== '') resolveList.push({ Runtime: {}, ConfigName: credSpecConfigName });
  if (resolveList.length > 0) {
    const found = ctx.configs ?? [];
    if (found instanceof Error) rethrow(found);
    keep.push(...resolveConfigRefs(resolveList, found));
  }
  return keep;
}

/** updateCredSpecConfig: "" removes the credential spec; config:// names become IDs. */
function updateCredSpecConfig(cs: ContainerSpec, f: ServiceFlagValues): void {
  const flag = f['credential-spec'];
  if (flag === undefined) return;
  if (flag.source === '') {
    if (cs.Privileges !== undefined) delete cs.Privileges.CredentialSpec;
    return;
  }
  const credSpec = { ...flag.value };
  if ((credSpec.Config ?? '') !== '') {
    const ref = (cs.Configs ?? []).find((c) => c.ConfigName === credSpec.Config);
    if (ref !== undefined) credSpec.Config = ref.ConfigID ?? '';
  }
  cs.Privileges ??= {};
  cs.Privileges.CredentialSpec = credSpec;
}

/**
 * The spec `service update` sends: `current` (as decoded from `GET /services/{id}`, see
 * decodeService) with the given flags applied. `current` is not modified.
 * Throws SpecError (exit 1) with docker's messages, GoPanic where docker panics.
 */
export function applyUpdateFlags(current: ServiceSpec, f: ServiceFlagValues, ctx: UpdateContext = {}): ServiceSpec {
  if (f.rollback === true) {
    const others = Object.keys(f).filter((k) => k !== 'rollback' && k !== 'detach' && k !== 'quiet');
    if (others.length > 0) throw new SpecError('other flags may not be combined with --rollback');
  }
  const spec = structuredClone(current);
  spec.TaskTemplate ??= {};
  const task = spec.TaskTemplate;
  task.ContainerSpec ??= {};
  const cs = task.ContainerSpec;

  spec.Labels = updateMap(spec.Labels, f['label-add'], f['label-rm'], (v) => [...v]);
  cs.Labels = updateMap(cs.Labels, f['container-label-add'], f['container-label-rm'], (v) => [...v]);
  if (f.image !== undefined) cs.Image = f.image;
  if (f.args !== undefined) cs.Args = [...f.args];
  if (f.entrypoint !== undefined) cs.Command = [...f.entrypoint];
  cs.Env = updateEnvironment(cs.Env, f['env-add'], f['env-rm']);
  if (f.workdir !== undefined) cs.Dir = f.workdir;
  if (f.user !== undefined) cs.User = f.user;
  if (f.hostname !== undefined) cs.Hostname = f.hostname;
  if (f.init !== undefined) cs.Init = f.init;
  if (f.isolation !== undefined) cs.Isolation = f.isolation;
  cs.Mounts = updateMounts(cs.Mounts, f['mount-add'], f['mount-rm']);
  cs.Sysctls = updateMap(cs.Sysctls, f['sysctl-add'], f['sysctl-rm'], (v) => Object.keys(kvToMap(v)));
  cs.Ulimits = updateUlimits(cs.Ulimits, f['ulimit-add'], f['ulimit-rm']);

  const taskResources = (): Required<Pick<ResourceRequirements, 'Limits' | 'Reservations'>> => {
    task.Resources ??= {};
    task.Resources.Limits ??= {};
    task.Resources.Reservations ??= {};
    return task.Resources as Required<Pick<ResourceRequirements, 'Limits' | 'Reservations'>>;
  };
  if (anyOf(f, ['limit-cpu', 'limit-memory', 'limit-pids'])) {
    const limits = taskResources().Limits;
    if (f['limit-cpu'] !== undefined) limits.NanoCPUs = f['limit-cpu'];
    if (f['limit-memory'] !== undefined) limits.MemoryBytes = f['limit-memory'];
    if (f['limit-pids'] !== undefined) limits.Pids = f['limit-pids'];
  }
  if (anyOf(f, ['reserve-cpu', 'reserve-memory'])) {
    const res = taskResources().Reservations;
    if (f['reserve-cpu'] !== undefined) res.NanoCPUs = f['reserve-cpu'];
    if (f['reserve-memory'] !== undefined) res.MemoryBytes = f['reserve-memory'];
  }
  if (f['oom-score-adj'] !== undefined) cs.OomScoreAdj = f['oom-score-adj'];

  const genericAdd = f['generic-resource-add'];
  if (genericAdd !== undefined) {
    task.Resources ??= {};
    task.Resources.Reservations ??= {};
    const parsed = parseGenericResources(genericAdd) ?? [];
    const m = genericResourceMap(task.Resources.Reservations.GenericResources);
    for (const r of parsed) m.set(r.DiscreteResourceSpec?.Kind ?? '', r);
    task.Resources.Reservations.GenericResources = [...m.values()];
  }
  const genericRm = f['generic-resource-rm'];
  if (genericRm !== undefined) {
    task.Resources ??= {};
    task.Resources.Reservations ??= {};
    const m = genericResourceMap(task.Resources.Reservations.GenericResources);
    for (const kind of genericRm) {
      if (!m.has(kind)) throw new SpecError(`could not find generic-resource \`${kind}\` to remove it`);
      m.delete(kind);
    }
    task.Resources.Reservations.GenericResources = [...m.values()];
  }

  if (f['stop-grace-period'] !== undefined) cs.StopGracePeriod = f['stop-grace-period'];

  if (anyOf(f, ['restart-condition', 'restart-delay', 'restart-max-attempts', 'restart-window'])) {
    task.RestartPolicy ??= defaultRestartPolicy();
    const rp = task.RestartPolicy;
    if (f['restart-condition'] !== undefined) rp.Condition = f['restart-condition'];
    if (f['restart-delay'] !== undefined) rp.Delay = f['restart-delay'];
    if (f['restart-max-attempts'] !== undefined) rp.MaxAttempts = f['restart-max-attempts'];
    if (f['restart-window'] !== undefined) rp.Window = f['restart-window'];
  }

  if (anyOf(f, ['constraint-add', 'constraint-rm'])) {
    task.Placement ??= {};
    const toRemove = new Set(f['constraint-rm'] ?? []);
    const all = [...(task.Placement.Constraints ?? []), ...(f['constraint-add'] ?? [])];
    task.Placement.Constraints = goSortStrings(all.filter((c) => !toRemove.has(c)));
  }
  if (anyOf(f, ['placement-pref-add', 'placement-pref-rm'])) {
    task.Placement ??= {};
    let prefs = task.Placement.Preferences;
    const rm = f['placement-pref-rm'];
    if (rm !== undefined) {
      prefs = (prefs ?? []).filter(
        (p) => !rm.some((r) => r.Spread !== undefined && p.Spread !== undefined && (r.Spread.SpreadDescriptor ?? '') === (p.Spread.SpreadDescriptor ?? '')),
      );
    }
    const add = f['placement-pref-add'];
    if (add !== undefined) prefs = [...(prefs ?? []), ...add];
    task.Placement.Preferences = prefs !== undefined && prefs.length > 0 ? prefs : undefined;
  }

  if (anyOf(f, ['network-add', 'network-rm'])) updateNetworks(spec, task, f, ctx);

  if (f.replicas !== undefined) {
    if (spec.Mode?.Replicated === undefined) throw new SpecError('replicas can only be used with replicated mode');
    spec.Mode.Replicated.Replicas = f.replicas;
  }
  const maxReplicas = f['replicas-max-per-node'];
  if (maxReplicas !== undefined) {
    // docker dereferences a nil Placement here.
    if (task.Placement === undefined) throw new GoPanic('runtime error: invalid memory address or nil pointer dereference');
    task.Placement.MaxReplicas = maxReplicas;
  }

  if (anyOf(f, ['update-parallelism', 'update-delay', 'update-monitor', 'update-failure-action', 'update-max-failure-ratio', 'update-order'])) {
    spec.UpdateConfig ??= defaultUpdateConfig();
    setUpdateConfig(spec.UpdateConfig, f, 'update');
  }
  if (anyOf(f, ['rollback-parallelism', 'rollback-delay', 'rollback-monitor', 'rollback-failure-action', 'rollback-max-failure-ratio', 'rollback-order'])) {
    spec.RollbackConfig ??= defaultUpdateConfig();
    setUpdateConfig(spec.RollbackConfig, f, 'rollback');
  }
  if (f['endpoint-mode'] !== undefined) {
    spec.EndpointSpec ??= {};
    spec.EndpointSpec.Mode = f['endpoint-mode']; // not lower-cased on update
  }
  if (anyOf(f, ['group-add', 'group-rm'])) {
    const toRemove = new Set(f['group-rm'] ?? []);
    cs.Groups = goSortStrings([...(cs.Groups ?? []), ...(f['group-add'] ?? [])].filter((g) => !toRemove.has(g)));
  }
  if (anyOf(f, ['publish-add', 'publish-rm'])) {
    spec.EndpointSpec ??= {};
    spec.EndpointSpec.Ports = updatePorts(spec.EndpointSpec.Ports, f['publish-add'], f['publish-rm']);
  }
  if (anyOf(f, ['dns-add', 'dns-rm', 'dns-option-add', 'dns-option-rm', 'dns-search-add', 'dns-search-rm'])) {
    const dns = cs.DNSConfig ?? {};
    cs.DNSConfig = {
      Nameservers: updateDNSList(dns.Nameservers, f['dns-add'], f['dns-rm']),
      Search: updateDNSList(dns.Search, f['dns-search-add'], f['dns-search-rm']),
      Options: updateDNSList(dns.Options, f['dns-option-add'], f['dns-option-rm']),
    };
  }
  if (anyOf(f, ['host-add', 'host-rm'])) cs.Hosts = updateHosts(cs.Hosts, f['host-add'], f['host-rm']);

  const logDriver = f['log-driver'];
  if (logDriver !== undefined && logDriver !== '') task.LogDriver = { Name: logDriver, Options: kvToMap(f['log-opt'] ?? []) };

  if (f.force === true) task.ForceUpdate = BigInt.asUintN(64, (task.ForceUpdate ?? 0n) + 1n);

  updateHealthcheck(cs, f);
  if (f.tty !== undefined) cs.TTY = f.tty;
  if (f['read-only'] !== undefined) cs.ReadOnly = f['read-only'];
  if (f['stop-signal'] !== undefined) cs.StopSignal = f['stop-signal'];
  if (anyOf(f, ['cap-add', 'cap-drop'])) updateCapabilities(cs, f['cap-add'], f['cap-drop']);

  // runUpdate, after updateService (and the image digest, which is the caller's):
  cs.Secrets = updatedSecrets(cs.Secrets, f, ctx);
  cs.Configs = updatedConfigs(cs, f, ctx);
  updateCredSpecConfig(cs, f);
  return spec;
}
