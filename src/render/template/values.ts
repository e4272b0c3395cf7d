/**
 * The Go value model of the template engine: how a JS value answers reflect's questions
 * (Kind, Type().String(), IsNil, Len, MapIndex, truthiness).
 *
 * Base protocol (src/render/govalue.ts): plain objects are map[string]interface {}, objects
 * carrying goType are structs, goFormat is a Stringer, goScalar is the scalar under a named
 * type. This file adds a few optional wrappers for values whose Go type matters:
 *
 *  - GoNumber: a number with a Go type ("uint64", "int64", "float64", "time.Duration"...).
 *    A bare JS number is an int when integral, else a float64.
 *  - GoNil: a typed nil ("interface {}", "*swarm.ManagerStatus", "[]string", "map[string]string").
 *    A bare null is a nil pointer of unknown type; a missing struct field listed in goFields too.
 *  - GoPtr: a non-nil pointer to a scalar (*uint64, *bool): truthy even when it points at 0.
 *  - JS Map instances are Go maps too (goType names the map type, goMapElem the element type);
 *    a Map subclass may add exported methods, which win over keys (like SubHeaderContext.Label).
 *  - Arrays may carry goType ("[]string"); untagged arrays are []string when every element is
 *    a string, else []interface {}. Uint8Array is []uint8 ([]byte).
 */
import { compare } from '../../go/strings.ts';
import { goFields, goFormat, goScalar, goType } from '../govalue.ts';
import { byteLength } from './utf8.ts';

/** Element type of a map (JS Map or plain object), e.g. "string". Default "interface {}". */
export const goMapElem = Symbol.for('tsw.goMapElem');

/**
 * Optional zero value of a map's element type, when goMapElem names a type whose zero value
 * cannot be derived from its name (a named slice type such as store.EndpointFiles).
 */
export const goMapZero = Symbol.for('tsw.goMapZero');

/** reflect.Kind, reduced to what text/template distinguishes. */
export type Kind =
  | 'invalid'
  | 'bool'
  | 'int'
  | 'uint'
  | 'float'
  | 'complex'
  | 'string'
  | 'slice'
  | 'map'
  | 'struct'
  | 'ptr'
  | 'interface'
  | 'func';

const INT_TYPES = new Set(['int', 'int8', 'int16', 'int32', 'int64', 'rune']);
const UINT_TYPES = new Set(['uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'byte']);
const FLOAT_TYPES = new Set(['float32', 'float64']);

/** Common base of the wrappers below (one instanceof test on hot paths). */
export abstract class GoBox {}

/** A number carrying its Go type. `kind` is needed only for named types (time.Duration → int). */
export class GoNumber extends GoBox {
  readonly kind: 'int' | 'uint' | 'float';
  constructor(
    readonly value: number | bigint,
    readonly type: string = 'int',
    kind?: 'int' | 'uint' | 'float',
  ) {
    super();
    this.kind = kind ?? (UINT_TYPES.has(type) ? 'uint' : FLOAT_TYPES.has(type) ? 'float' : 'int');
  }
}

/** A complex128 (only produced by complex literals such as 1+2i). */
export class GoComplex extends GoBox {
  constructor(
    readonly re: number,
    readonly im: number,
    readonly type = 'complex128',
  ) {
    super();
  }
}

/** A nil of a known Go type (kind needed only for named types: new GoNil('store.EndpointFiles', 'slice')). */
export class GoNil extends GoBox {
  readonly kind: Kind;
  constructor(
    readonly type: string,
    kind?: Kind,
  ) {
    super();
    this.kind = kind ?? kindOfTypeName(type);
  }
}

/** A non-nil pointer to a non-struct value (struct pointers are goType objects named "*T"). */
export class GoPtr extends GoBox {
  constructor(
    readonly elem: unknown,
    readonly type: string,
  ) {
    super();
  }
}

/** The nil interface{}: a map[string]any entry holding nil, or an `any` struct field. */
export const NIL_IFACE = new GoNil('interface {}');

/** Convenience constructors for typed values. */
export const goInt64 = (v: number | bigint): GoNumber => new GoNumber(v, 'int64');
export const goUint64 = (v: number | bigint): GoNumber => new GoNumber(v, 'uint64');
export const goFloat64 = (v: number): GoNumber => new GoNumber(v, 'float64');
export const goUint8 = (v: number): GoNumber => new GoNumber(v, 'uint8');

/** reflect.Kind of a type spelled as Go prints it. */
export function kindOfTypeName(t: string): Kind {
  if (t === 'bool') return 'bool';
  if (t === 'string') return 'string';
  if (INT_TYPES.has(t)) return 'int';
  if (UINT_TYPES.has(t)) return 'uint';
  if (FLOAT_TYPES.has(t)) return 'float';
  if (t === 'complex64' || t === 'complex128') return 'complex';
  if (t.startsWith('[]') || /^\[\d+\]/.test(t)) return 'slice';
  if (t.startsWith('map[')) return 'map';
  if (t.startsWith('*')) return 'ptr';
  if (t.startsWith('func')) return 'func';
  if (t === 'interface {}' || t === 'any' || t.startsWith('interface') || t === 'error') return 'interface';
  return 'struct';
}

/** Whether an untyped nil can be assigned to a value of type t (reflect's canBeNil). */
export function canBeNilType(t: string): boolean {
  if (t === 'reflect.Value') return true;
  const k = kindOfTypeName(t);
  return k === 'ptr' || k === 'slice' || k === 'map' || k === 'func' || k === 'interface';
}

function isRecord(v: unknown): v is Record<PropertyKey, unknown> {
  return typeof v === 'object' && v !== null;
}

/** A plain JS object (prototype Object.prototype or null): a Go map unless it carries goType. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (!isRecord(v)) return false;
  const p = Object.getPrototypeOf(v) as unknown;
  return p === Object.prototype || p === null;
}

/** A value with goScalar: a named scalar type (Duration, NodeState, Version...). */
export function hasScalar(v: unknown): v is Record<symbol, unknown> {
  return isRecord(v) && goScalar in v;
}

/** The scalar underneath a named value, or v itself. */
export function scalarOf(v: unknown): unknown {
  return hasScalar(v) ? v[goScalar] : v;
}

/** True for values that behave as Go maps. */
export function isGoMap(v: unknown): v is Record<string, unknown> | Map<unknown, unknown> {
  if (v instanceof Map) return true;
  return isPlainObject(v) && !(goType in v) && !(goScalar in v);
}

/** reflect.Value.Kind() of a JS value. */
export function kindOf(v: unknown): Kind {
  switch (typeof v) {
    case 'undefined':
      return 'invalid';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? 'int' : 'float';
    case 'bigint':
      return 'int';
    case 'function':
      return 'func';
    default:
      break;
  }
  if (v === null) return 'ptr';
  if (v instanceof GoNumber) return v.kind;
  if (v instanceof GoNil) return v.kind;
  if (v instanceof GoPtr) return 'ptr';
  if (v instanceof GoComplex) return 'complex';
  if (Array.isArray(v) || v instanceof Uint8Array) return 'slice';
  if (v instanceof Map) return 'map';
  if (hasScalar(v)) {
    const k = kindOf(v[goScalar]);
    const t = (v as Record<symbol, unknown>)[goType];
    if (typeof t === 'string' && (k === 'int' || k === 'float')) {
      // A named integer type stays an integer kind even when its scalar is a float (rare).
      const tk = kindOfTypeName(t);
      if (tk === 'int' || tk === 'uint' || tk === 'float') return tk;
    }
    return k;
  }
  if (isPlainObject(v) && !(goType in v)) return 'map';
  return 'struct';
}

/** reflect.Type.String() of a JS value ("<nil>" for an invalid value). */
export function typeName(v: unknown): string {
  switch (typeof v) {
    case 'undefined':
      return '<nil>';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return kindOf(v) === 'int' ? 'int' : 'float64';
    case 'bigint':
      return 'int64';
    case 'function':
      return funcTypeName(v as (...a: unknown[]) => unknown);
    default:
      break;
  }
  if (v === null) return '<nil>';
  if (v instanceof GoNumber || v instanceof GoNil || v instanceof GoPtr || v instanceof GoComplex) return v.type;
  if (v instanceof Uint8Array) return '[]uint8';
  const rec = v as Record<PropertyKey, unknown>;
  const named = rec[goType];
  if (typeof named === 'string') return named;
  if (Array.isArray(v)) return v.every((e) => typeof e === 'string') ? '[]string' : '[]interface {}';
  if (v instanceof Map || isPlainObject(v)) {
    const elem = rec[goMapElem];
    return `map[string]${typeof elem === 'string' ? elem : 'interface {}'}`;
  }
  const ctor = (Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null)?.constructor?.name;
  return ctor ? `*${ctor}` : 'struct {}';
}

function funcTypeName(f: (...a: unknown[]) => unknown): string {
  const params = Array.from({ length: f.length }, () => 'interface {}').join(', ');
  return `func(${params}) interface {}`;
}

/** Element type of a map value ("interface {}" unless declared). */
export function mapElemType(m: unknown): string {
  if (!isRecord(m)) return 'interface {}';
  const elem = m[goMapElem];
  if (typeof elem === 'string') return elem;
  const t = m[goType];
  if (typeof t === 'string' && t.startsWith('map[')) {
    const close = t.indexOf(']');
    return t.slice(close + 1);
  }
  return 'interface {}';
}

/** The zero value of a map's element type (index of a missing key, missingkey=zero). */
export function mapZero(m: unknown): unknown {
  if (isRecord(m) && goMapZero in m) return m[goMapZero];
  return zeroValue(mapElemType(m));
}

/**
 * A JSON value as Go's json.Unmarshal into interface{} produces it: numbers are float64,
 * arrays []interface {}, objects map[string]interface {}.
 */
export function fromJSON(v: unknown): unknown {
  if (typeof v === 'number') return Number.isInteger(v) ? new GoNumber(v, 'float64') : v;
  if (Array.isArray(v)) {
    const out = v.map(fromJSON);
    Object.defineProperty(out, goType, { value: '[]interface {}' });
    return out;
  }
  if (isRecord(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(v)) out[k] = fromJSON(e);
    return out;
  }
  return v;
}

/** reflect.Zero(t) as a JS value. */
export function zeroValue(t: string): unknown {
  switch (kindOfTypeName(t)) {
    case 'string':
      return '';
    case 'bool':
      return false;
    case 'int':
      return t === 'int' ? 0 : new GoNumber(0, t);
    case 'uint':
    case 'float':
      return new GoNumber(0, t);
    case 'complex':
      return new GoComplex(0, 0, t);
    case 'struct':
      return undefined;
    default:
      return t === 'interface {}' ? NIL_IFACE : new GoNil(t);
  }
}

/** IsNil for nillable kinds (invalid counts as nil, as in funcs.go isNil). */
export function isNilValue(v: unknown): boolean {
  return v === undefined || v === null || v instanceof GoNil;
}

/** Length of a string (bytes), slice, or map; undefined when the kind has no length. */
export function lengthOf(v: unknown): number | undefined {
  if (typeof v === 'string') return byteLength(v);
  if (Array.isArray(v) || v instanceof Uint8Array) return v.length;
  if (v instanceof Map) return v.size;
  if (v instanceof GoNil) return v.kind === 'slice' || v.kind === 'map' ? 0 : undefined;
  if (isGoMap(v)) return Object.keys(v).length;
  if (hasScalar(v) && typeof v[goScalar] === 'string') return byteLength(v[goScalar] as string);
  return undefined;
}

/** Go's notion of truth (text/template isTrue). ok=false for kinds with no truth value. */
export function isTrue(v: unknown): { truth: boolean; ok: boolean } {
  const k = kindOf(v);
  const s = scalarOf(v);
  switch (k) {
    case 'invalid':
      return { truth: false, ok: true };
    case 'bool':
      return { truth: s === true, ok: true };
    case 'string':
      return { truth: (s as string).length > 0, ok: true };
    case 'int':
    case 'uint':
    case 'float': {
      const n = s instanceof GoNumber ? s.value : s;
      return { truth: typeof n === 'bigint' ? n !== 0n : n !== 0, ok: true };
    }
    case 'complex': {
      const c = v as GoComplex;
      return { truth: c.re !== 0 || c.im !== 0, ok: true };
    }
    case 'slice':
    case 'map':
      return { truth: (lengthOf(v) ?? 0) > 0, ok: true };
    case 'ptr':
    case 'interface':
    case 'func':
      return { truth: !isNilValue(v), ok: true };
    case 'struct':
      return { truth: true, ok: true };
  }
}

/** internal/fmtsort ordering of map keys. */
function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') return compare(a, b);
  const x = numericOf(a);
  const y = numericOf(b);
  if (x !== undefined && y !== undefined) return x < y ? -1 : x > y ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  return compare(String(a), String(b));
}

function numericOf(v: unknown): number | bigint | undefined {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (v instanceof GoNumber) return v.value;
  return undefined;
}

/** Map entries sorted by key, as fmt and range visit them. */
export function sortedEntries(m: Record<string, unknown> | Map<unknown, unknown>): [unknown, unknown][] {
  const entries: [unknown, unknown][] = m instanceof Map ? [...m.entries()] : Object.entries(m);
  return entries.sort((p, q) => compareKeys(p[0], q[0]));
}

/** MapIndex: the entry for key, or found=false. */
export function mapLookup(m: Record<string, unknown> | Map<unknown, unknown>, key: unknown): { found: boolean; value: unknown } {
  if (m instanceof Map) {
    if (m.has(key)) return { found: true, value: m.get(key) };
    return { found: false, value: undefined };
  }
  if (typeof key === 'string' && Object.prototype.hasOwnProperty.call(m, key)) return { found: true, value: m[key] };
  return { found: false, value: undefined };
}

/**
 * A map element as reflect sees it. Elements of an interface-typed map that hold nil are nil
 * interfaces (not invalid values): `.K.X` then fails with "nil pointer evaluating interface {}.X".
 */
export function mapElement(m: unknown, value: unknown): unknown {
  if (value === null || value === undefined) {
    const elem = mapElemType(m);
    return elem === 'interface {}' ? NIL_IFACE : mapZero(m);
  }
  return value;
}

/** The declared fields of a struct-like object, in order. */
export function structFields(v: object): string[] {
  const declared = (v as Record<symbol, unknown>)[goFields];
  if (Array.isArray(declared)) return declared as string[];
  return Object.keys(v);
}

/** Whether v has a Stringer-like formatter (goFormat). */
export function formatterOf(v: unknown): (() => string) | undefined {
  if (!isRecord(v)) return undefined;
  const f = v[goFormat];
  return typeof f === 'function' ? (f as () => string).bind(v) : undefined;
}

/** Strip one level of interface: a nil interface is invalid (reflect's Elem on Interface). */
export function unwrapInterface(v: unknown): unknown {
  return v instanceof GoNil && v.kind === 'interface' ? undefined : v;
}

/** Follow pointers (GoPtr) down to the pointee; reports nil pointers. */
export function indirect(v: unknown): { value: unknown; isNil: boolean } {
  let cur = v;
  while (cur instanceof GoPtr) cur = cur.elem;
  if (cur === null || (cur instanceof GoNil && (cur.kind === 'ptr' || cur.kind === 'interface'))) {
    return { value: cur, isNil: true };
  }
  return { value: cur, isNil: false };
}
