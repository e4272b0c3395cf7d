/**
 * Compose file validation as docker's cli/compose/schema/schema.go (v28.2.2) does it: the v3
 * JSON schemas (draft-04, vendored in ./schema/) checked by a validator written after
 * xeipuuv/gojsonschema v1.2.0's validation.go (same error kinds, order and scores, so the
 * "most specific error" docker picks is the same), and schema.go's translation into
 * `<field> <description>`. Pure; the schema files are imported lazily.
 */
import { parseDuration } from '../render/duration.ts';
import { parsePortSpec } from '../spec/ports.ts';
import { ComposeError, isMap } from './interpolate.ts';
import { formatFloat } from '../go/strconv.ts';
import { GoFloat } from './gofloat.ts';
import { NonStringKeyMap, YamlTimestamp } from './parse.ts';

const DEFAULT_VERSION = '3.13';

/** schema.Version: the config's version, "3.13" when missing, empty or "3". */
export function schemaVersion(config: Record<string, unknown>): string {
  if (!('version' in config)) return DEFAULT_VERSION;
  return normalizeVersion(goSprint(config['version']));
}

function normalizeVersion(v: string): string {
  return v === '' || v === '3' ? DEFAULT_VERSION : v;
}

/** fmt.Sprint / %v of a decoded YAML value. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (v instanceof YamlTimestamp) return v.goString;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (v instanceof GoFloat) return formatFloat(v.value, 'g', -1, 64);
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  if (isMap(v)) {
    const keys = Object.keys(v).sort();
    return `map[${keys.map((k) => `${k}:${goSprint(v[k])}`).join(' ')}]`;
  }
  return String(v);
}

type Schema = Record<string, unknown>;

interface Err {
  type: string;
  field: string;
  description: string;
  details: Record<string, unknown>;
}

class Result {
  errors: Err[] = [];
  score = 0;
  add(type: string, context: string[], description: string, details: Record<string, unknown> = {}): void {
    const ctx = context.join('.');
    const field = ctx === '(root)' ? '(root)' : ctx.replace(/^\(root\)\./, '');
    this.errors.push({ type, field, description, details });
    this.score -= 2;
  }
  merge(other: Result): void {
    this.errors.push(...other.errors);
    this.score += other.score;
  }
  valid(): boolean {
    return this.errors.length === 0;
  }
}

/** The types a value has for the schema ("integer" numbers are integral). */
function typesOf(schema: Schema): string[] | undefined {
  const t = schema['type'];
  if (t === undefined) return undefined;
  return Array.isArray(t) ? (t as string[]) : [t as string];
}

function typesString(types: string[]): string {
  return types.length === 1 ? (types[0] ?? '') : `[${types.join(',')}]`;
}

/** nat.ParsePortSpec accepts it (the `ports` format). */
function isPortSpec(s: string): boolean {
  try {
    parsePortSpec(s);
    return true;
  } catch {
    return false;
  }
}

/** The numerator of a float64 as an exact reduced fraction (big.Rat.String up to the "/"). */
function ratNumerator(v: number): string {
  if (Number.isInteger(v)) return BigInt(v).toString();
  let den = 1n;
  let x = v;
  while (!Number.isInteger(x)) {
    x *= 2;
    den *= 2n;
  }
  let n = BigInt(x);
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
  const g = gcd(n, den);
  n /= g;
  return n.toString();
}

function checkFormat(format: string, value: string): boolean {
  switch (format) {
    case 'duration':
      try {
        parseDuration(value);
        return true;
      } catch {
        return false;
      }
    case 'ports':
      return isPortSpec(value);
    default:
      return true;
  }
}

/** encoding/json of a value, as marshalWithoutNumber compares enum members and unique items. */
function jsonOf(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (isMap(x) ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, x[k]])) : x));
}

class Validator {
  constructor(private readonly root: Schema) {}

  private deref(schema: Schema): Schema {
    let s = schema;
    while (typeof s['$ref'] === 'string') {
      const ref = s['$ref'] as string;
      const path = ref.replace(/^#\/?/, '').split('/').filter((p) => p !== '');
      let t: unknown = this.root;
      for (const p of path) t = (t as Schema)[p];
      s = t as Schema;
    }
    return s;
  }

  sub(schema: Schema, value: unknown, context: string[]): Result {
    const r = new Result();
    this.recurse(schema, value, r, context);
    return r;
  }

  recurse(schema0: Schema, value0: unknown, r: Result, context: string[]): void {
    const schema = this.deref(schema0);
    const value = value0 instanceof GoFloat ? value0.value : typeof value0 === 'bigint' ? Number(value0) : value0;
    const types = typesOf(schema);
    const typeError = (given: string): void => {
      r.add('invalid_type', context, `Invalid type. Expected: ${typesString(types ?? [])}, given: ${given}`, { expected: typesString(types ?? []) });
    };
    if (value === null || value === undefined) {
      if (types && !types.includes('null')) return typeError('null');
      this.validateSchema(schema, value, r, context);
      this.validateCommon(schema, value, r, context);
    } else if (typeof value === 'number') {
      const isInt = Number.isInteger(value);
      const ok = !types || types.includes('number') || (isInt && types.includes('integer'));
      if (!ok) return typeError(isInt ? 'integer' : 'number');
      this.validateSchema(schema, value, r, context);
      this.validateNumber(schema, value, r, context);
      this.validateCommon(schema, value, r, context);
    } else if (Array.isArray(value)) {
      if (types && !types.includes('array')) return typeError('array');
      this.validateSchema(schema, value, r, context);
      this.validateArray(schema, value, r, context);
      this.validateCommon(schema, value, r, context);
    } else if (isMap(value) && !(value instanceof YamlTimestamp)) {
      if (types && !types.includes('object')) return typeError('object');
      this.validateSchema(schema, value, r, context);
      this.validateObject(schema, value, r, context);
      this.validateCommon(schema, value, r, context);
      const props = (schema['properties'] ?? {}) as Record<string, Schema>;
      for (const [name, ps] of Object.entries(props)) {
        if (name in value) this.recurse(ps, value[name], r, [...context, name]);
      }
    } else if (typeof value === 'boolean') {
      if (types && !types.includes('boolean')) return typeError('boolean');
      this.validateSchema(schema, value, r, context);
      this.validateCommon(schema, value, r, context);
    } else {
      const s = value instanceof YamlTimestamp ? value.rfc3339 : String(value);
      if (types && !types.includes('string')) return typeError('string');
      this.validateSchema(schema, s, r, context);
      this.validateCommon(schema, s, r, context);
      this.validateString(schema, s, r, context);
    }
    r.score++;
  }

  validateSchema(schema: Schema, value: unknown, r: Result, context: string[]): void {
    const anyOf = schema['anyOf'] as Schema[] | undefined;
    if (anyOf && anyOf.length > 0) {
      let ok = false;
      let best: Result | undefined;
      for (const s of anyOf) {
        if (ok) continue;
        const vr = this.sub(s, value, context);
        ok = vr.valid();
        if (!ok && (best === undefined || vr.score > best.score)) best = vr;
      }
      if (!ok) {
        r.add('number_any_of', context, 'Must validate at least one schema (anyOf)');
        if (best) r.merge(best);
      }
    }
    const oneOf = schema['oneOf'] as Schema[] | undefined;
    if (oneOf && oneOf.length > 0) {
      let n = 0;
      let best: Result | undefined;
      for (const s of oneOf) {
        const vr = this.sub(s, value, context);
        if (vr.valid()) n++;
        else if (n === 0 && (best === undefined || vr.score > best.score)) best = vr;
      }
      if (n !== 1) {
        r.add('number_one_of', context, 'Must validate one and only one schema (oneOf)');
        if (n === 0 && best) r.merge(best);
      }
    }
    r.score++;
  }

  validateCommon(schema: Schema, value: unknown, r: Result, context: string[]): void {
    const en = schema['enum'] as unknown[] | undefined;
    if (en && en.length > 0) {
      const members = en.map(jsonOf);
      if (!members.includes(jsonOf(value))) {
        const field = fieldOf(context);
        r.add('enum', context, `${field} must be one of the following: ${members.join(', ')}`);
      }
    }
    r.score++;
  }

  validateNumber(schema: Schema, value: number, r: Result, context: string[]): void {
    const min = schema['minimum'];
    if (typeof min === 'number' && value < min) {
      r.add('number_gte', context, `Must be greater than or equal to ${min}`);
    }
    // Formats see numbers as a *big.Rat: the ports checker parses the numerator ("3/2" -> "3").
    const format = schema['format'];
    if (typeof format === 'string') {
      const ok = format === 'ports' ? isPortSpec(ratNumerator(value)) : format === 'duration' ? false : true;
      if (!ok) r.add('format', context, `Does not match format '${format}'`);
    }
    r.score++;
  }

  validateString(schema: Schema, value: string, r: Result, context: string[]): void {
    const format = schema['format'];
    if (typeof format === 'string' && !checkFormat(format, value)) {
      r.add('format', context, `Does not match format '${format}'`);
    }
    r.score++;
  }

  validateArray(schema: Schema, value: unknown[], r: Result, context: string[]): void {
    const items = schema['items'];
    if (isMap(items)) {
      value.forEach((v, i) => r.merge(this.sub(items, v, [...context, String(i)])));
    } else if (Array.isArray(items)) {
      for (let i = 0; i < items.length && i < value.length; i++) r.merge(this.sub(items[i] as Schema, value[i], [...context, String(i)]));
    }
    if (schema['uniqueItems'] === true) {
      const seen = new Map<string, number>();
      value.forEach((v, j) => {
        const k = jsonOf(v);
        const i = seen.get(k);
        if (i !== undefined) r.add('unique', context, `array items[${i},${j}] must be unique`);
        seen.set(k, j);
      });
    }
    r.score++;
  }

  validateObject(schema: Schema, value: Record<string, unknown>, r: Result, context: string[]): void {
    for (const req of (schema['required'] ?? []) as string[]) {
      if (req in value) r.score++;
      else r.add('required', context, `${req} is required`);
    }
    const props = (schema['properties'] ?? {}) as Record<string, Schema>;
    const patterns = (schema['patternProperties'] ?? {}) as Record<string, Schema>;
    const additional = schema['additionalProperties'];
    for (const key of Object.keys(value)) {
      const found = key in props;
      let pp = false;
      for (const [pat, ps] of Object.entries(patterns)) {
        if (new RegExp(pat, 'u').test(key)) {
          pp = true;
          r.merge(this.sub(ps, value[key], [...context, key]));
        }
      }
      if (pp) r.score++;
      if (!found && !pp) {
        if (additional === false) r.add('additional_property_not_allowed', context, `Additional property ${key} is not allowed`);
        else if (isMap(additional)) r.merge(this.sub(additional, value[key], [...context, key]));
      }
    }
    r.score++;
  }
}

function fieldOf(context: string[]): string {
  const ctx = context.join('.');
  return ctx === '(root)' ? '(root)' : ctx.replace(/^\(root\)\./, '');
}

function humanReadableType(definition: string): string {
  if (definition.startsWith('[')) {
    const all = definition.slice(1, -1).split(',').map(humanReadableType);
    return `${all.slice(0, -1).join(', ')} or ${all[all.length - 1] ?? ''}`;
  }
  if (definition === 'object') return 'mapping';
  if (definition === 'array') return 'list';
  return definition;
}

function description(parent: Err, child: Err | undefined): string {
  switch (parent.type) {
    case 'invalid_type':
      return `must be a ${humanReadableType(String(parent.details['expected']))}`;
    case 'number_one_of':
    case 'number_any_of':
      return child === undefined ? parent.description : child.description;
  }
  return parent.description;
}

const specificity = (e: Err): number => e.field.split('.').length;

/** getMostSpecificError + validationError.Error(). */
function toError(errs: Err[]): string {
  let most = 0;
  errs.forEach((e, i) => {
    const cur = errs[most] as Err;
    if (specificity(e) > specificity(cur)) {
      most = i;
      return;
    }
    if (specificity(e) === specificity(cur) && e.type === 'invalid_type' && cur.type !== 'invalid_type') most = i;
  });
  const parent = errs[most] as Err;
  let child: Err | undefined;
  if (most + 1 !== errs.length && (parent.type === 'number_one_of' || parent.type === 'number_any_of')) child = errs[most + 1];
  return `${parent.field} ${description(parent, child)}`;
}

const SCHEMAS: Record<string, () => Promise<{ default: unknown }>> = {
  '3.0': () => import('./schema/config_schema_v3.0.json', { with: { type: 'json' } }),
  '3.1': () => import('./schema/config_schema_v3.1.json', { with: { type: 'json' } }),
  '3.2': () => import('./schema/config_schema_v3.2.json', { with: { type: 'json' } }),
  '3.3': () => import('./schema/config_schema_v3.3.json', { with: { type: 'json' } }),
  '3.4': () => import('./schema/config_schema_v3.4.json', { with: { type: 'json' } }),
  '3.5': () => import('./schema/config_schema_v3.5.json', { with: { type: 'json' } }),
  '3.6': () => import('./schema/config_schema_v3.6.json', { with: { type: 'json' } }),
  '3.7': () => import('./schema/config_schema_v3.7.json', { with: { type: 'json' } }),
  '3.8': () => import('./schema/config_schema_v3.8.json', { with: { type: 'json' } }),
  '3.9': () => import('./schema/config_schema_v3.9.json', { with: { type: 'json' } }),
  '3.10': () => import('./schema/config_schema_v3.10.json', { with: { type: 'json' } }),
  '3.11': () => import('./schema/config_schema_v3.11.json', { with: { type: 'json' } }),
  '3.12': () => import('./schema/config_schema_v3.12.json', { with: { type: 'json' } }),
  '3.13': () => import('./schema/config_schema_v3.13.json', { with: { type: 'json' } }),
};

/** Loads the schema of a version, or undefined when docker has none. */
export async function loadSchema(version: string): Promise<Schema | undefined> {
  const load = Object.hasOwn(SCHEMAS, normalizeVersion(version)) ? SCHEMAS[normalizeVersion(version)] : undefined;
  if (!load) return undefined;
  return (await load()).default as Schema;
}

/** What encoding/json refuses (gojsonschema's Go loader marshals the config first), in its order. */
function jsonMarshalError(v: unknown): string | undefined {
  if (v instanceof GoFloat) {
    return Number.isFinite(v.value) ? undefined : `json: unsupported value: ${formatFloat(v.value, 'g', -1, 64)}`;
  }
  if (v instanceof NonStringKeyMap) return 'json: unsupported type: map[interface {}]interface {}';
  if (Array.isArray(v)) {
    for (const x of v) {
      const e = jsonMarshalError(x);
      if (e) return e;
    }
    return undefined;
  }
  if (isMap(v)) {
    for (const k of Object.keys(v).sort()) {
      const e = jsonMarshalError(v[k]);
      if (e) return e;
    }
  }
  return undefined;
}

/** schema.Validate with an already loaded schema: throws ComposeError with docker's text. */
export function validate(config: Record<string, unknown>, version: string, schema: Schema | undefined): void {
  if (!schema) throw new ComposeError(`unsupported Compose file version: ${normalizeVersion(version)}`);
  const jsonErr = jsonMarshalError(config);
  if (jsonErr) throw new ComposeError(jsonErr);
  const v = new Validator(schema);
  const r = v.sub(schema, config, ['(root)']);
  if (!r.valid()) throw new ComposeError(toError(r.errors));
}
