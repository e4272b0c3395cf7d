/**
 * Variable substitution as docker's v3 loader does it: cli/compose/template/template.go
 * (the pattern, the substitute funcs and their error texts), cli/compose/interpolation
 * (paths and error wrapping) and cli/compose/loader/interpolate.go (the type-cast paths),
 * docker/cli v28.2.2. Pure: the environment comes in as a lookup function.
 */
import { quote } from '../go/quote.ts';

/** Looks a variable up: undefined when unset. */
export type Lookup = (name: string) => string | undefined;

/** An error the loader reports as is (docker's text; exit status 1). */
export class ComposeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ComposeError';
  }
}

/** template.InvalidTemplateError. */
class InvalidTemplateError extends Error {
  constructor(readonly template: string) {
    super(`Invalid template: ${quote(template)}`);
  }
}

/**
 * `\$(?i:(?P<escaped>\$)|(?P<named>SUBST)|{(?P<braced>SUBST)}|(?P<invalid>))` with
 * SUBST = `[_a-z][_a-z0-9]*(?::?[-?][^}]*)?`. The optional tail is accepted unbraced too.
 */
const SUBST = '[_a-z][_a-z0-9]*(?::?[-?][^}]*)?';
const PATTERN = new RegExp(`\\$(?:(\\$)|(${SUBST})|\\{(${SUBST})\\}|())`, 'gi');

type SubstituteFunc = (substitution: string, lookup: Lookup) => { value: string; applied: boolean };

function partition(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + sep.length)];
}

const softDefault: SubstituteFunc = (substitution, lookup) => {
  if (!substitution.includes(':-')) return { value: '', applied: false };
  const [name, def] = partition(substitution, ':-');
  const v = lookup(name);
  return { value: v === undefined || v === '' ? def : v, applied: true };
};

const hardDefault: SubstituteFunc = (substitution, lookup) => {
  if (!substitution.includes('-')) return { value: '', applied: false };
  const [name, def] = partition(substitution, '-');
  const v = lookup(name);
  return { value: v === undefined ? def : v, applied: true };
};

function withRequired(sep: string, valid: (v: string) => boolean): SubstituteFunc {
  return (substitution, lookup) => {
    if (!substitution.includes(sep)) return { value: '', applied: false };
    const [name, msg] = partition(substitution, sep);
    const v = lookup(name);
    if (v === undefined || !valid(v)) throw new InvalidTemplateError(`required variable ${name} is missing a value: ${msg}`);
    return { value: v, applied: true };
  };
}

const FUNCS: readonly SubstituteFunc[] = [softDefault, hardDefault, withRequired(':?', (v) => v !== ''), withRequired('?', () => true)];

/**
 * template.Substitute. Like docker, the error variable is shared by all matches of the string:
 * a later substitution that runs the substitute funcs without error clears an earlier error.
 */
export function substitute(template: string, lookup: Lookup): string {
  let err: Error | undefined;
  const result = template.replace(PATTERN, (_m, escaped: string | undefined, named: string | undefined, braced: string | undefined) => {
    if (escaped) return escaped;
    const substitution = named || braced || '';
    if (substitution === '') {
      err = new InvalidTemplateError(template);
      return '';
    }
    for (const f of FUNCS) {
      let r: { value: string; applied: boolean };
      try {
        r = f(substitution, lookup);
        err = undefined;
      } catch (e) {
        err = e as Error;
        return '';
      }
      if (!r.applied) continue;
      return r.value;
    }
    return lookup(substitution) ?? '';
  });
  if (err) throw err;
  return result;
}

type Cast = (value: string) => unknown;

class CastError extends Error {}

/** strconv.Atoi. */
const toInt: Cast = (value) => {
  const s = value.startsWith('+') || value.startsWith('-') ? value.slice(1) : value;
  if (!/^[0-9]+$/.test(s)) throw new CastError(`strconv.Atoi: parsing ${quote(value)}: invalid syntax`);
  const n = BigInt(value);
  if (n > 9223372036854775807n || n < -9223372036854775808n) throw new CastError(`strconv.Atoi: parsing ${quote(value)}: value out of range`);
  return Number(n);
};

/** strconv.ParseFloat(s, 64) for the usual spellings. */
const toFloat: Cast = (value) => {
  const s = value.replace(/_/g, '');
  if (/^[+-]?(inf|infinity)$/i.test(value)) return value.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(value)) return NaN;
  if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(s) && !/^[+-]?0[xX]/.test(s)) {
    throw new CastError(`strconv.ParseFloat: parsing ${quote(value)}: invalid syntax`);
  }
  const n = Number(s);
  if (Number.isNaN(n)) throw new CastError(`strconv.ParseFloat: parsing ${quote(value)}: invalid syntax`);
  if (!Number.isFinite(n)) throw new CastError(`strconv.ParseFloat: parsing ${quote(value)}: value out of range`);
  return n;
};

/** http://yaml.org/type/bool.html, as interpolate.go's toBoolean. */
const toBoolean: Cast = (value) => {
  switch (value.toLowerCase()) {
    case 'y':
    case 'yes':
    case 'true':
    case 'on':
      return true;
    case 'n':
    case 'no':
    case 'false':
    case 'off':
      return false;
    default:
      throw new CastError(`invalid boolean: ${value}`);
  }
};

const svc = (...parts: string[]): string => ['services', '*', ...parts].join('.');

/** interpolateTypeCastMapping. */
const CASTS: ReadonlyArray<[string, Cast]> = [
  [svc('configs', '[]', 'mode'), toInt],
  [svc('secrets', '[]', 'mode'), toInt],
  [svc('healthcheck', 'retries'), toInt],
  [svc('healthcheck', 'disable'), toBoolean],
  [svc('deploy', 'replicas'), toInt],
  [svc('deploy', 'update_config', 'parallelism'), toInt],
  [svc('deploy', 'update_config', 'max_failure_ratio'), toFloat],
  [svc('deploy', 'rollback_config', 'parallelism'), toInt],
  [svc('deploy', 'rollback_config', 'max_failure_ratio'), toFloat],
  [svc('deploy', 'restart_policy', 'max_attempts'), toInt],
  [svc('deploy', 'placement', 'max_replicas_per_node'), toInt],
  [svc('ports', '[]', 'target'), toInt],
  [svc('ports', '[]', 'published'), toInt],
  [svc('ulimits', '*'), toInt],
  [svc('ulimits', '*', 'hard'), toInt],
  [svc('ulimits', '*', 'soft'), toInt],
  [svc('privileged'), toBoolean],
  [svc('oom_score_adj'), toInt],
  [svc('read_only'), toBoolean],
  [svc('stdin_open'), toBoolean],
  [svc('tty'), toBoolean],
  [svc('volumes', '[]', 'read_only'), toBoolean],
  [svc('volumes', '[]', 'volume', 'nocopy'), toBoolean],
  ['networks.*.external', toBoolean],
  ['networks.*.internal', toBoolean],
  ['networks.*.attachable', toBoolean],
  ['volumes.*.external', toBoolean],
  ['secrets.*.external', toBoolean],
  ['configs.*.external', toBoolean],
];

function matches(path: string[], pattern: string): boolean {
  const pp = pattern.split('.');
  if (pp.length !== path.length) return false;
  return path.every((part, i) => pp[i] === '*' || pp[i] === part);
}

function casterFor(path: string[]): Cast | undefined {
  for (const [pattern, cast] of CASTS) if (matches(path, pattern)) return cast;
  return undefined;
}

function pathError(path: string[], err: Error): ComposeError {
  const p = path.join('.');
  if (err instanceof InvalidTemplateError) {
    return new ComposeError(`invalid interpolation format for ${p}: ${quote(err.template)}; you may need to escape any $ with another $`);
  }
  return new ComposeError(`error while interpolating ${p}: ${err.message}`);
}

function recurse(value: unknown, path: string[], lookup: Lookup): unknown {
  if (typeof value === 'string') {
    let next: string;
    try {
      next = substitute(value, lookup);
    } catch (e) {
      throw pathError(path, e as Error);
    }
    if (next === value) return value;
    const cast = casterFor(path);
    if (!cast) return next;
    try {
      return cast(next);
    } catch (e) {
      throw pathError(path, new Error(`failed to cast to expected type: ${(e as Error).message}`));
    }
  }
  if (Array.isArray(value)) return value.map((v) => recurse(v, [...path, '[]'], lookup));
  if (isMap(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = recurse(v, [...path, k], lookup);
    return out;
  }
  return value;
}

/** A decoded YAML mapping (a plain object; timestamps and floats are class instances). */
export function isMap(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** interpolation.Interpolate with docker's loader options. Throws ComposeError. */
export function interpolateConfig(config: Record<string, unknown>, lookup: Lookup): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config)) out[k] = recurse(v, [k], lookup);
  return out;
}
