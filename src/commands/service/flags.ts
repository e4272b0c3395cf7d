/**
 * The `service create` / `service update` flags (src/spec's SERVICE_FLAGS) as the command
 * framework's FlagSpecs: pflag's type names for help, the defaults pflag shows, and each
 * value parsed by the spec layer's flag.Value Set through the FlagSpec.parse hook. Also the
 * checks docker's root command runs before RunE: flags annotated with a newer API version.
 */
import type { FlagSpec, FlagType } from '../../cli/flags.ts';
import { quote } from '../../go/quote.ts';
import type { Deps } from '../../deps.ts';
import type { Engine } from '../../engine/types.ts';
import { StatusError } from '../../errors.ts';
import { compareVersions } from '../../engine/negotiate.ts';
import { type ParseContext, parseFlagValue, type ServiceFlagDef, type ServiceFlagValues, serviceFlagsFor } from '../../spec/flags.ts';

/** pflag's flag.defaultIsZeroValue for the DefValues the service flags use. */
function isZeroDefault(def: ServiceFlagDef, defValue: string): boolean {
  if (defValue === '' || defValue === '0' || defValue === 'false' || defValue === '<nil>') return true;
  // pflag's durationValue zero is "0s" (the --update-*/--rollback-* delay and monitor flags).
  return def.type === 'duration' && def.kind === 'duration' && defValue === '0s';
}

/**
 * logrus's text formatter as docker's logger writes to its stderr stream (never a *os.File, so
 * never coloured): `time="<RFC3339>" level=warning msg=<msg, quoted when needed>`.
 */
export function logrusWarning(message: string, now: Date): string {
  const plain = /^[A-Za-z0-9\-._/@^+]+$/.test(message);
  return `time="${rfc3339(now)}" level=warning msg=${plain ? message : quote(message)}\n`;
}

function rfc3339(d: Date): string {
  const off = -d.getTimezoneOffset();
  const local = new Date(d.getTime() + off * 60_000);
  const base = local.toISOString().slice(0, 19);
  if (off === 0) return `${base}Z`;
  const sign = off > 0 ? '+' : '-';
  const a = Math.abs(off);
  return `${base}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** Whether logrus (level from -l/-D) lets a warning through. */
function warningsShown(deps: Deps): boolean {
  const level = deps.globals.debug ? 'debug' : deps.globals.logLevel;
  return ['trace', 'debug', 'info', 'warn', 'warning'].includes(level);
}

/** The context the spec layer's parsers need: the CLI's environment, its cwd, its logger. */
export function parseContext(deps: Deps): ParseContext {
  return {
    lookupEnv: (k) => deps.env[k],
    cwd: deps.system.cwd,
    warn: (m) => {
      if (warningsShown(deps)) deps.stderr.write(logrusWarning(m, deps.now()));
    },
  };
}

/** The FlagSpecs one command registers, in docker's registration order. */
export function serviceFlagSpecs(command: 'create' | 'update', deps: Deps): FlagSpec[] {
  const ctx = parseContext(deps);
  return serviceFlagsFor(command).map((def) => {
    const defValue = command === 'update' && def.updateDefValue !== undefined ? def.updateDefValue : def.defValue;
    const usage = command === 'update' && def.updateUsage !== undefined ? def.updateUsage : def.usage;
    const spec: FlagSpec = {
      name: def.name,
      ...(def.short !== undefined ? { short: def.short } : {}),
      // pflag's Value.Type(): help prints it (int64 as "int", uint64 as "uint", bool as nothing).
      type: (def.kind === 'bool' ? 'bool' : def.type) as FlagType,
      usage,
      ...(isZeroDefault(def, defValue) ? {} : { defaultText: defValue }),
      ...(def.kind === 'bool' ? {} : { parse: (value: string, previous: unknown) => parseFlagValue(def, value, previous, ctx) }),
    };
    return spec;
  });
}

/** The parsed flag values as the spec layer takes them (a key is present iff the flag was given). */
export function serviceFlagValues(values: Readonly<Record<string, unknown>>): ServiceFlagValues {
  return { ...values } as ServiceFlagValues;
}

/**
 * areFlagsSupported (cmd/docker/docker.go): every changed flag annotated with a newer API
 * version than the negotiated one, in pflag's sorted order, errors joined by newlines. The
 * version is asked for only when a changed flag carries an annotation (that is what pings).
 */
export async function checkFlagVersions(command: 'create' | 'update', values: ServiceFlagValues, engine: () => Promise<Engine>): Promise<void> {
  const annotated = serviceFlagsFor(command)
    .filter((d) => d.version !== undefined && Object.prototype.hasOwnProperty.call(values, d.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (annotated.length === 0) return;
  const api = await (await engine()).apiVersion();
  const errs = annotated
    .filter((d) => compareVersions(api, d.version ?? '') < 0)
    .map((d) => `"--${d.name}" requires API version ${d.version ?? ''}, but the Docker daemon API version is ${api}`);
  if (errs.length > 0) throw new StatusError(errs.join('\n'), 1);
}

/**
 * hideUnsupportedFeatures for `--help`: the flags annotated with a newer API version than the
 * one negotiated with the daemon are hidden (an unreachable daemon leaves every flag shown).
 */
export function helpFlagsFor(command: 'create' | 'update', specs: readonly FlagSpec[], deps: Deps): () => Promise<readonly FlagSpec[]> {
  return async () => {
    const api = await (await deps.engine()).apiVersion();
    const tooNew = new Set(serviceFlagsFor(command).filter((d) => d.version !== undefined && compareVersions(api, d.version) < 0).map((d) => d.name as string));
    return specs.map((f) => (tooNew.has(f.name) ? { ...f, hidden: true } : f));
  };
}
