/**
 * Typed values for `inspect -f`: the daemon's decoded JSON wrapped so the template engine sees
 * what docker's templates see — the Go structs of docker 28's API types (swarm.Node,
 * swarm.Service, swarm.Task, swarm.Swarm, swarm.Secret, swarm.Config, network.Inspect).
 *
 * Decoding follows encoding/json into those structs (docker/cli inspect: the client decodes
 * the body into the typed value, then text/template executes against it):
 *  - every declared field exists; absent or null ones hold Go zero values ("" / 0 / false,
 *    the zero struct, a typed nil pointer/slice/map as GoNil);
 *  - unknown JSON keys are dropped; keys match field names exactly, else case-insensitively;
 *  - time.Duration → GoDuration ("10s"), time.Time → GoTimeValue (Time.String()),
 *    os.FileMode → GoFileMode ("-r--r--r--"), []byte → Uint8Array (prints [104 105]),
 *    float32/uint64/int64/uint32 → GoNumber with that type, Go int → plain number;
 *  - a non-nil *struct is a struct object whose goType is "*pkg.T"; a non-nil pointer to a
 *    scalar (*uint64, *bool, *time.Duration, *time.Time) is a GoPtr;
 *  - maps are plain objects tagged with goMapElem (element type), slices are arrays tagged
 *    with goType ("[]string");
 *  - embedded structs (Meta, Annotations, ClusterInfo) are fields named after their type and
 *    their fields are also reachable on the outer struct (Go's promotion: {{.CreatedAt}});
 *  - Stringers: swarm.Version prints its Index ({{.Version}} → 42), units.Ulimit prints
 *    "name=soft:hard".
 * Every struct object has toJSON(), giving exactly what encoding/json would write (json names,
 * omitempty, embedded fields inlined, Time as RFC 3339 nanos, []byte as base64), so
 * {{json .Spec}} can be rendered from it.
 *
 * Known differences from Go (see also test/unit/typed.test.ts):
 *  - a pointer nested in a printed struct is an address in Go (0xc000123456); the engine prints
 *    a fixed placeholder, so `{{.Spec.TaskTemplate}}` can never match byte for byte;
 *  - runtime.PluginSpec's String method (protobuf CompactTextString) is not reproduced:
 *    `{{.Spec.TaskTemplate.PluginSpec}}` prints the struct instead;
 *  - uint64/int64 values above 2^53 lose precision (JSON.parse).
 */
import { goFields, goFormat, goType } from './govalue.ts';
import { GoNil, GoNumber, GoPtr, goMapElem } from './template/values.ts';
import { buildSchema, typeString, type FieldDef, type GoTypeExpr, type Schema, type StructDef } from './gotypes/schema.ts';
import { CONTAINER_DECLS, MOUNT_DECLS, NETWORK_DECLS, RUNTIME_DECLS, SWARM_DECLS } from './gotypes/decls.ts';
import { GoDuration, GoFileMode, GoNamedString, GoTimeValue } from './gotypes/scalars.ts';
import { parseRFC3339, ZERO_TIME, type LocalZone } from './gotime.ts';

/** The top-level types docker's inspect commands decode into. */
export type TypedKind =
  | 'swarm.Node'
  | 'swarm.Service'
  | 'swarm.Task'
  | 'swarm.Swarm'
  | 'swarm.Secret'
  | 'swarm.Config'
  | 'network.Inspect';

/** A wrapped Go struct value: fields as properties, plus the govalue protocol symbols. */
export type GoStructValue = Record<string, unknown> & {
  readonly [goType]: string;
  readonly [goFields]: readonly string[];
  toJSON(): unknown;
};

let schemaCache: Schema | null = null;

/** The parsed schema of docker 28's API types (built once, on first use). */
export function apiSchema(): Schema {
  schemaCache ??= buildSchema(SWARM_DECLS, RUNTIME_DECLS, MOUNT_DECLS, CONTAINER_DECLS, NETWORK_DECLS);
  return schemaCache;
}

/** Options for decoding. */
export interface TypedOptions {
  /** time.Local of the docker client, for timestamps with a numeric offset (default UTC). */
  readonly local?: LocalZone;
}

/**
 * Wraps a decoded API response as the typed Go value docker's inspect template sees, e.g.
 * typed('swarm.Node', JSON.parse(raw)).
 */
export function typed(kind: TypedKind, decoded: unknown, opts: TypedOptions = {}): GoStructValue {
  const schema = apiSchema();
  return decodeStruct(schema, schema.struct(kind), decoded, false, opts) as GoStructValue;
}

/** Wraps a value of any declared type, e.g. typedValue('[]swarm.PortConfig', ports). */
export function typedValue(typeText: string, decoded: unknown, opts: TypedOptions = {}): unknown {
  const schema = apiSchema();
  return decode(schema, schema.resolve(typeText), decoded, opts);
}

/** Go stringer methods of the declared types (value or pointer receivers). */
const STRINGERS: Readonly<Record<string, (v: Record<string, unknown>) => string>> = {
  // swarm.Version.String: strconv.FormatUint(v.Index, 10)
  'swarm.Version': (v) => numText(v['Index']),
  // units.(*Ulimit).String: fmt.Sprintf("%s=%d:%d", u.Name, u.Soft, u.Hard)
  'units.Ulimit': (v) => `${String(v['Name'])}=${numText(v['Soft'])}:${numText(v['Hard'])}`,
};

function numText(v: unknown): string {
  if (v instanceof GoNumber) return String(v.value);
  return String(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** encoding/json's field matching: exact key first, then a case-insensitive match. */
function lookupKey(obj: Record<string, unknown>, key: string): unknown {
  if (Object.prototype.hasOwnProperty.call(obj, key)) return obj[key];
  const lower = key.toLowerCase();
  for (const k of Object.keys(obj)) if (k.toLowerCase() === lower) return obj[k];
  return undefined;
}

function define(obj: object, key: PropertyKey, value: unknown, enumerable: boolean): void {
  Object.defineProperty(obj, key, { value, enumerable, writable: false, configurable: true });
}

function decodeStruct(schema: Schema, def: StructDef, json: unknown, pointer: boolean, opts: TypedOptions): GoStructValue {
  const src = isRecord(json) ? json : {};
  const obj: Record<string, unknown> = {};
  const names: string[] = [];
  for (const f of def.fields) {
    names.push(f.name);
    let value: unknown;
    if (f.embedded && f.type.kind === 'struct') {
      // An embedded struct without a json name takes its fields from the same JSON object.
      value = decodeStruct(schema, schema.struct(f.type.name), src, false, opts);
    } else {
      value = decode(schema, f.type, f.skip ? undefined : lookupKey(src, f.json), opts);
    }
    define(obj, f.name, value, true);
  }
  // Promote the fields of embedded structs (depth-first; a shallower name wins, as in Go).
  for (const f of def.fields) {
    if (!f.embedded) continue;
    const inner = obj[f.name];
    if (!isRecord(inner)) continue;
    for (const key of promotedNames(inner)) {
      if (!(key in obj)) define(obj, key, inner[key], false);
    }
  }
  const typeName = pointer ? '*' + def.name : def.name;
  define(obj, goType, typeName, false);
  define(obj, goFields, Object.freeze(names), false);
  const stringer = STRINGERS[def.name];
  if (stringer) {
    const text = (): string => stringer(obj);
    define(obj, goFormat, text, false);
    define(obj, 'String', text, false);
  }
  define(obj, 'toJSON', () => marshalStruct(schema, def, obj), false);
  return obj as GoStructValue;
}

/** Field names reachable on a struct object (own fields and those it promotes). */
function promotedNames(inner: Record<string, unknown>): string[] {
  return Object.getOwnPropertyNames(inner).filter((k) => k !== 'toJSON' && k !== 'String');
}

function decodeNumber(t: { name: string; basic: string }, json: unknown): unknown {
  const n = typeof json === 'number' ? json : 0;
  if (t.basic === 'int') return n;
  // A named integer type (none in these schemas) would keep its name here.
  return new GoNumber(n, t.basic);
}

function decode(schema: Schema, t: GoTypeExpr, json: unknown, opts: TypedOptions): unknown {
  switch (t.kind) {
    case 'basic': {
      if (t.basic === 'string') {
        const str = typeof json === 'string' ? json : '';
        // A named string type (swarm.NodeRole) keeps its name for %T; plain strings stay strings.
        return t.name === 'string' ? str : new GoNamedString(t.name, str);
      }
      if (t.basic === 'bool') return json === true;
      return decodeNumber(t, json);
    }
    case 'duration':
      return new GoDuration(typeof json === 'number' ? json : 0);
    case 'time':
      return new GoTimeValue(typeof json === 'string' ? parseRFC3339(json, opts.local) : ZERO_TIME);
    case 'filemode':
      return new GoFileMode(typeof json === 'number' ? json : 0);
    case 'bytes': {
      if (typeof json !== 'string') return new GoNil('[]uint8');
      return bytesValue(Buffer.from(json, 'base64'));
    }
    case 'any':
      return json === undefined ? null : json;
    case 'ptr': {
      if (json === undefined || json === null) return new GoNil(typeString(t));
      if (t.elem.kind === 'struct') return decodeStruct(schema, schema.struct(t.elem.name), json, true, opts);
      return new GoPtr(decode(schema, t.elem, json, opts), typeString(t));
    }
    case 'slice': {
      if (!Array.isArray(json)) return new GoNil(typeString(t));
      const arr = json.map((e: unknown) => decode(schema, t.elem, e, opts));
      define(arr, goType, typeString(t), false);
      return arr;
    }
    case 'map': {
      if (!isRecord(json)) return new GoNil(typeString(t));
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(json).sort(compareKeys)) out[k] = decode(schema, t.elem, json[k], opts);
      define(out, goMapElem, typeString(t.elem), false);
      return out;
    }
    case 'struct':
      return decodeStruct(schema, schema.struct(t.name), json, false, opts);
  }
}

function bytesValue(buf: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(buf);
  define(bytes, 'toJSON', () => Buffer.from(bytes).toString('base64'), false);
  return bytes;
}

/** Whether JS would order this object key numerically ("0", "42"; not "01" or "-1"). */
function isArrayIndex(k: string): boolean {
  return /^(0|[1-9]\d{0,9})$/.test(k) && Number(k) < 2 ** 32 - 1;
}

/** Go sorts map keys by their UTF-8 bytes; for strings that is code-point order. */
function compareKeys(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

// ---------------------------------------------------------------------------------------------
// encoding/json, for toJSON.

/** encoding/json isEmptyValue, for omitempty. Structs (including time.Time) are never empty. */
function isEmpty(t: GoTypeExpr, v: unknown): boolean {
  if (v instanceof GoNil) return true;
  switch (t.kind) {
    case 'basic':
      if (v instanceof GoNumber) return v.value === 0 || v.value === 0n;
      if (v instanceof GoNamedString) return v.value === '';
      return v === '' || v === 0 || v === false;
    case 'duration':
      return v instanceof GoDuration && v.ns === 0n;
    case 'filemode':
      return v instanceof GoFileMode && v.mode === 0;
    case 'bytes':
      return v instanceof Uint8Array && v.length === 0;
    case 'slice':
      return Array.isArray(v) && v.length === 0;
    case 'map':
      return isRecord(v) && Object.keys(v).length === 0;
    case 'any':
      return v === null || v === undefined;
    case 'ptr':
      return v === null;
    case 'time':
    case 'struct':
      return false;
  }
}

/** The plain JSON data encoding/json writes for a value of type t. */
function marshal(schema: Schema, t: GoTypeExpr, v: unknown): unknown {
  if (v instanceof GoNil || v === undefined || v === null) return null;
  if (v instanceof GoPtr) return marshal(schema, t.kind === 'ptr' ? t.elem : t, v.elem);
  switch (t.kind) {
    case 'basic':
      if (v instanceof GoNamedString) return v.value;
      return v instanceof GoNumber ? Number(v.value) : v;
    case 'duration':
    case 'time':
    case 'filemode':
      return (v as { toJSON(): unknown }).toJSON();
    case 'bytes':
      return Buffer.from(v as Uint8Array).toString('base64');
    case 'any':
      return v;
    case 'ptr':
      return marshal(schema, t.elem, v);
    case 'slice':
      return (v as unknown[]).map((e) => marshal(schema, t.elem, e));
    case 'map': {
      const m = v as Record<string, unknown>;
      const keys = Object.keys(m).sort(compareKeys);
      // JS objects put array-index keys ("1", "10") first whatever the insertion order; Go
      // sorts map keys as strings. A Map keeps the order for encoders that honour it (the
      // template engine's marshalJSON sorts Map keys as Go does).
      if (keys.some(isArrayIndex)) return new Map(keys.map((k) => [k, marshal(schema, t.elem, m[k])]));
      const out: Record<string, unknown> = {};
      for (const k of keys) out[k] = marshal(schema, t.elem, m[k]);
      return out;
    }
    case 'struct':
      return marshalStruct(schema, schema.struct(t.name), v as Record<string, unknown>);
  }
}

interface JsonField {
  readonly name: string;
  readonly depth: number;
  readonly field: FieldDef;
  readonly value: unknown;
}

/** The struct's JSON fields in index order, untagged embedded structs expanded (encoding/json typeFields). */
function collectFields(schema: Schema, def: StructDef, v: Record<string, unknown>, depth: number, out: JsonField[]): void {
  for (const f of def.fields) {
    if (f.skip) continue;
    const value = v[f.name];
    if (f.embedded && f.type.kind === 'struct' && f.json === f.name && isRecord(value)) {
      collectFields(schema, schema.struct(f.type.name), value, depth + 1, out);
      continue;
    }
    out.push({ name: f.json, depth, field: f, value });
  }
}

function marshalStruct(schema: Schema, def: StructDef, v: Record<string, unknown>): Record<string, unknown> {
  const fields: JsonField[] = [];
  collectFields(schema, def, v, 0, fields);
  // Go's dominance rule: of the fields sharing a JSON name, the shallowest one wins, and only
  // if it is alone at that depth.
  const best = new Map<string, { depth: number; count: number }>();
  for (const f of fields) {
    const b = best.get(f.name);
    if (!b || f.depth < b.depth) best.set(f.name, { depth: f.depth, count: 1 });
    else if (f.depth === b.depth) b.count++;
  }
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const b = best.get(f.name);
    if (!b || b.depth !== f.depth || b.count !== 1) continue;
    if (f.field.omitempty && isEmpty(f.field.type, f.value)) continue;
    out[f.name] = marshal(schema, f.field.type, f.value);
  }
  return out;
}
