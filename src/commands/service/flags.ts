/**
 * The `service create` / `service update` flags (src/spec's SERVICE_FLAGS) as the command
 * framework's FlagSpecs: pflag's type names for help, the defaults pflag shows, and each
 * value parsed by the spec layer's flag.Value Set through the FlagSpec.parse hook, and each
 * flag's `version` annotation (checked and hidden from help by src/cli/define.ts).
 */
import type { FlagSpec, FlagType } from '../../cli/flags.ts';
import { quote } from '../../go/quote.ts';
import type { Deps } from '../../deps.ts';
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
      ...(def.version !== undefined ? { version: def.version } : {}),
      ...(def.kind === 'bool' ? {} : { parse: (value: string, previous: unknown) => parseFlagValue(def, value, previous, ctx) }),
    };
    return spec;
  });
}

/** The parsed flag values as the spec layer takes them (a key is present iff the flag was given). */
export function serviceFlagValues(values: Readonly<Record<string, unknown>>): ServiceFlagValues {
  return { ...values } as ServiceFlagValues;
}
