/**
 * Go's built-in template functions (text/template/funcs.go); docker's additions are in
 * docker.ts. Each function declares its Go parameter types, which decide how literal
 * arguments are converted and which values are rejected, exactly as reflection does in Go
 * ("wrong type for value; expected string; got int").
 */
import { goType } from '../govalue.ts';
import { FuncError } from './errors.ts';
import { formatV, sprint, sprintln } from './print.ts';
import { compare } from '../../go/strings.ts';
import { sprintf } from './printf.ts';
import { isPrint } from './unicode.ts';
import { byteSlice, toBytes } from './utf8.ts';
import {
  GoComplex,
  GoNumber,
  indirect,
  isNilValue,
  kindOf,
  lengthOf,
  mapElement,
  mapLookup,
  mapZero,
  scalarOf,
  structFields,
  typeName,
  unwrapInterface,
  NIL_IFACE,
} from './values.ts';

/**
 * A template function. `params` are Go type names of the fixed parameters; `variadic` is the
 * element type of a trailing ...T parameter. "reflect.Value" and "interface {}" accept
 * anything. The implementation throws FuncError for Go's error results; any other exception
 * is reported like a recovered panic.
 */
export interface GoFunc {
  readonly params: readonly string[];
  readonly variadic?: string;
  readonly fn: (...args: unknown[]) => unknown;
}

/** Functions by name, as given to Template.Funcs. */
export type FuncMap = Readonly<Record<string, GoFunc>>;

const RV = 'reflect.Value';
const ANY = 'interface {}';

// --- helpers ----------------------------------------------------------------------------------

function bigOf(v: unknown): bigint {
  const s = scalarOf(v);
  const raw = s instanceof GoNumber ? s.value : s;
  if (typeof raw === 'bigint') return raw;
  return BigInt(Math.trunc(Number(raw)));
}

function numOf(v: unknown): number {
  const s = scalarOf(v);
  const raw = s instanceof GoNumber ? s.value : s;
  return Number(raw);
}

/** indexArg: an int-kind index within [0, cap]. */
function indexArg(index: unknown, cap: number): number {
  const k = kindOf(index);
  let x: bigint;
  if (k === 'int' || k === 'uint') x = bigOf(index);
  else if (k === 'invalid') throw new FuncError('cannot index slice/array with nil');
  else throw new FuncError(`cannot index slice/array with type ${typeName(index)}`);
  if (x < 0n || x > BigInt(cap)) throw new FuncError(`index out of range: ${x}`);
  return Number(x);
}

function mapKeyType(m: unknown): string {
  const t = typeof m === 'object' && m !== null ? (m as Record<symbol, unknown>)[goType] : undefined;
  if (typeof t === 'string' && t.startsWith('map[')) return t.slice(4, t.indexOf(']'));
  return 'string';
}

/** prepareArg for a map key. */
function prepareKey(value: unknown, keyType: string): unknown {
  if (value === undefined) throw new FuncError(`value is nil; should be of type ${keyType}`);
  const t = typeName(value);
  if (t === keyType || keyType === ANY) return scalarOf(value);
  const k = kindOf(value);
  const intLike = (x: string): boolean => /^u?int(8|16|32|64|ptr)?$/.test(x);
  if ((k === 'int' || k === 'uint') && intLike(keyType)) return Number(bigOf(value));
  throw new FuncError(`value has type ${t}; should be ${keyType}`);
}

/** The type of a value after Go's indirect(): a struct pointer ("*T") is seen as T. */
function derefTypeName(v: unknown): string {
  const t = typeName(v);
  return kindOf(v) === 'struct' && t.startsWith('*') ? t.slice(1) : t;
}

function sliceElement(arr: unknown[], i: number): unknown {
  const e = arr[i];
  if (e === null || e === undefined) return NIL_IFACE;
  return e;
}

// --- built-ins --------------------------------------------------------------------------------

function index(item0: unknown, ...indexes: unknown[]): unknown {
  let item = unwrapInterface(item0);
  if (item === undefined) throw new FuncError('index of untyped nil');
  for (const idx0 of indexes) {
    const idx = unwrapInterface(idx0);
    const ind = indirect(item);
    if (ind.isNil) throw new FuncError('index of nil pointer');
    item = ind.value;
    const k = kindOf(item);
    if (k === 'slice' || k === 'string') {
      const len = lengthOf(item) ?? 0;
      const x = indexArg(idx, len);
      if (k === 'string') {
        if (x === len) throw new FuncError('reflect: string index out of range');
        item = new GoNumber(toBytes(String(scalarOf(item)))[x] ?? 0, 'uint8');
      } else {
        if (x === len) throw new FuncError('reflect: slice index out of range');
        if (item instanceof Uint8Array) item = new GoNumber(item[x] ?? 0, 'uint8');
        else if (Array.isArray(item)) item = sliceElement(item, x);
        else item = undefined; // a nil slice has no elements (x == len == 0 handled above)
      }
    } else if (k === 'map') {
      const key = prepareKey(idx, mapKeyType(item));
      if (isNilValue(item)) {
        item = mapZero(item);
        continue;
      }
      const r = mapLookup(item as Record<string, unknown> | Map<unknown, unknown>, key);
      item = r.found ? mapElement(item, r.value) : mapZero(item);
    } else {
      throw new FuncError(`can't index item of type ${derefTypeName(item)}`);
    }
  }
  return item;
}

function slice(item0: unknown, ...indexes: unknown[]): unknown {
  const item = unwrapInterface(item0);
  if (item === undefined) throw new FuncError('slice of untyped nil');
  if (indexes.length > 3) throw new FuncError(`too many slice indexes: ${indexes.length}`);
  const k = kindOf(item);
  let cap: number;
  if (k === 'string') {
    if (indexes.length === 3) throw new FuncError('cannot 3-index slice a string');
    cap = lengthOf(item) ?? 0;
  } else if (k === 'slice') {
    cap = lengthOf(item) ?? 0;
  } else {
    throw new FuncError(`can't slice item of type ${typeName(item)}`);
  }
  const len = cap;
  const idx = [0, len, 0];
  indexes.forEach((x, i) => {
    idx[i] = indexArg(x, cap);
  });
  const [i0 = 0, i1 = 0, i2 = 0] = idx;
  if (i0 > i1) throw new FuncError(`invalid slice index: ${i0} > ${i1}`);
  if (indexes.length === 3 && i1 > i2) throw new FuncError(`invalid slice index: ${i1} > ${i2}`);
  if (k === 'string') {
    const s = String(scalarOf(item));
    return byteSlice(s, i0, i1);
  }
  if (item instanceof Uint8Array) return item.slice(i0, i1);
  if (Array.isArray(item)) {
    const out = item.slice(i0, i1);
    const t = (item as unknown as Record<symbol, unknown>)[goType];
    if (typeof t === 'string') Object.defineProperty(out, goType, { value: t });
    return out;
  }
  return item;
}

function length(item0: unknown): number {
  const { value: item, isNil } = indirect(item0);
  if (isNil && item !== undefined) throw new FuncError('len of nil pointer');
  if (item === undefined) throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
  const k = kindOf(item);
  if (k === 'slice' || k === 'map' || k === 'string') return lengthOf(item) ?? 0;
  throw new FuncError(`len of type ${derefTypeName(item)}`);
}

function truth(v: unknown): boolean {
  const u = unwrapInterface(v);
  const k = kindOf(u);
  switch (k) {
    case 'invalid':
      return false;
    case 'bool':
      return scalarOf(u) === true;
    case 'string':
      return String(scalarOf(u)).length > 0;
    case 'int':
    case 'uint':
      return bigOf(u) !== 0n;
    case 'float':
      return numOf(u) !== 0;
    case 'complex':
      return (u as GoComplex).re !== 0 || (u as GoComplex).im !== 0;
    case 'slice':
    case 'map':
      return (lengthOf(u) ?? 0) > 0;
    case 'ptr':
    case 'interface':
    case 'func':
      return !isNilValue(u);
    case 'struct':
      return true;
  }
}

/** Go's truth for and/or/not and the executor (exported for exec.ts). */
export { truth };

type BasicKind = 'invalid' | 'bool' | 'complex' | 'int' | 'float' | 'string' | 'uint';

function basicKind(v: unknown): BasicKind {
  const k = kindOf(v);
  switch (k) {
    case 'bool':
    case 'int':
    case 'uint':
    case 'float':
    case 'complex':
    case 'string':
      return k;
    default:
      return 'invalid';
  }
}

const errBadComparisonType = 'invalid type for comparison';
// Go 1.24 does not name the types (later releases do).
const errBadComparison = 'incompatible types for comparison';

function scalarEq(k: BasicKind, a: unknown, b: unknown): boolean {
  switch (k) {
    case 'bool':
      return scalarOf(a) === scalarOf(b);
    case 'complex':
      return (a as GoComplex).re === (b as GoComplex).re && (a as GoComplex).im === (b as GoComplex).im;
    case 'float':
      return numOf(a) === numOf(b);
    case 'int':
    case 'uint':
      return bigOf(a) === bigOf(b);
    case 'string':
      return String(scalarOf(a)) === String(scalarOf(b));
    default:
      return false;
  }
}

/** Whether v's Go type is comparable (no slices, maps or funcs inside). */
function isComparable(v: unknown, depth = 0): boolean {
  const k = kindOf(v);
  if (k === 'slice' || k === 'map' || k === 'func') return false;
  if (k === 'struct' && depth < 32 && typeof v === 'object' && v !== null) {
    const rec = v as Record<string, unknown>;
    return structFields(v).every((f) => rec[f] === undefined || rec[f] === null || isComparable(rec[f], depth + 1));
  }
  return true;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeName(a) !== typeName(b)) return false;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return formatV(a) === formatV(b);
}

function eq(arg1raw: unknown, ...rest: unknown[]): boolean {
  const arg1 = unwrapInterface(arg1raw);
  if (rest.length === 0) throw new FuncError('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (const raw of rest) {
    const arg = unwrapInterface(raw);
    const k2 = basicKind(arg);
    let t = false;
    if (k1 !== k2) {
      // Integers compare regardless of signedness.
      if (k1 === 'int' && k2 === 'uint') t = bigOf(arg1) >= 0n && bigOf(arg1) === bigOf(arg);
      else if (k1 === 'uint' && k2 === 'int') t = bigOf(arg) >= 0n && bigOf(arg1) === bigOf(arg);
      else if (arg1 !== undefined && arg !== undefined) throw new FuncError(errBadComparison);
    } else if (k1 !== 'invalid') {
      t = scalarEq(k1, arg1, arg);
    } else {
      const ka = kindOf(arg1);
      const kb = kindOf(arg);
      if (!(ka === kb || ka === 'invalid' || kb === 'invalid')) {
        throw new FuncError(`non-comparable types ${sprintf('%s', [arg1])}: ${typeName(arg1)}, ${typeName(arg)}: ${formatV(arg)}`);
      }
      if (isNilValue(arg1) || isNilValue(arg)) t = isNilValue(arg) === isNilValue(arg1);
      else if (!isComparable(arg)) throw new FuncError(`non-comparable type ${sprintf('%s', [arg])}: ${typeName(arg)}`);
      else t = deepEqual(arg1, arg);
    }
    if (t) return true;
  }
  return false;
}

function lt(a0: unknown, b0: unknown): boolean {
  const a = unwrapInterface(a0);
  const b = unwrapInterface(b0);
  const k1 = basicKind(a);
  if (k1 === 'invalid') throw new FuncError(errBadComparisonType);
  const k2 = basicKind(b);
  if (k2 === 'invalid') throw new FuncError(errBadComparisonType);
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint') return bigOf(a) < 0n || bigOf(a) < bigOf(b);
    if (k1 === 'uint' && k2 === 'int') return bigOf(b) >= 0n && bigOf(a) < bigOf(b);
    throw new FuncError(errBadComparison);
  }
  switch (k1) {
    case 'bool':
    case 'complex':
      throw new FuncError(errBadComparisonType);
    case 'float':
      return numOf(a) < numOf(b);
    case 'int':
    case 'uint':
      return bigOf(a) < bigOf(b);
    case 'string':
      return compare(String(scalarOf(a)), String(scalarOf(b))) < 0;
  }
}

function le(a: unknown, b: unknown): boolean {
  return lt(a, b) || eq(a, b);
}

// --- escapers ----------------------------------------------------------------------------------

/**
 * evalArgs: the arguments as one string, like fmt.Sprint but with each argument passed
 * through the template's printableValue (pointers dereferenced, invalid values "<no value>").
 */
function evalArgs(args: unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  const printable = args.map((a) => (a === undefined || a === NIL_IFACE ? '<no value>' : indirect(a).value ?? a));
  return sprint(printable, { derefTop: true });
}

/** template.HTMLEscapeString. */
export function htmlEscape(s: string): string {
  if (!/['"&<>\0]/.test(s)) return s;
  return s.replace(/['"&<>\0]/g, (c) => {
    switch (c) {
      case '"':
        return '&#34;';
      case "'":
        return '&#39;';
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      default:
        return '\uFFFD';
    }
  });
}

function jsIsSpecial(r: number): boolean {
  switch (r) {
    case 0x5c:
    case 0x27:
    case 0x22:
    case 0x3c:
    case 0x3e:
    case 0x26:
    case 0x3d:
      return true;
    default:
      return r < 0x20 || r >= 0x80;
  }
}

/** template.JSEscapeString. */
export function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const r = ch.codePointAt(0) ?? 0xfffd;
    if (!jsIsSpecial(r)) {
      out += ch;
      continue;
    }
    if (r < 0x80) {
      switch (r) {
        case 0x5c:
          out += '\\\\';
          break;
        case 0x27:
          out += "\\'";
          break;
        case 0x22:
          out += '\\"';
          break;
        case 0x3c:
          out += '\\u003C';
          break;
        case 0x3e:
          out += '\\u003E';
          break;
        case 0x26:
          out += '\\u0026';
          break;
        case 0x3d:
          out += '\\u003D';
          break;
        default:
          out += '\\u00' + r.toString(16).toUpperCase().padStart(2, '0');
      }
    } else if (isPrint(r)) {
      out += ch;
    } else {
      out += '\\u' + r.toString(16).toUpperCase().padStart(4, '0');
    }
  }
  return out;
}

/** url.QueryEscape. */
export function queryEscape(s: string): string {
  let out = '';
  for (const b of toBytes(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (b === 0x20) out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

// --- the built-in table --------------------------------------------------------------------

/** Go's built-in template functions. and/or/call are special-cased by the executor. */
export const builtins: FuncMap = {
  and: { params: [RV], variadic: RV, fn: () => undefined },
  or: { params: [RV], variadic: RV, fn: () => undefined },
  call: { params: [RV], variadic: RV, fn: () => undefined },
  html: { params: [], variadic: ANY, fn: (...a) => htmlEscape(evalArgs(a)) },
  index: { params: [RV], variadic: RV, fn: (item, ...idx) => index(item, ...idx) },
  slice: { params: [RV], variadic: RV, fn: (item, ...idx) => slice(item, ...idx) },
  js: { params: [], variadic: ANY, fn: (...a) => jsEscape(evalArgs(a)) },
  len: { params: [RV], fn: (item) => length(item) },
  not: { params: [RV], fn: (a) => !truth(a) },
  print: { params: [], variadic: ANY, fn: (...a) => sprint(a) },
  printf: { params: ['string'], variadic: ANY, fn: (f, ...a) => sprintf(String(f), a) },
  println: { params: [], variadic: ANY, fn: (...a) => sprintln(a) },
  urlquery: { params: [], variadic: ANY, fn: (...a) => queryEscape(evalArgs(a)) },
  eq: { params: [RV], variadic: RV, fn: (a, ...b) => eq(a, ...b) },
  ge: { params: [RV, RV], fn: (a, b) => !lt(a, b) },
  gt: { params: [RV, RV], fn: (a, b) => !le(a, b) },
  le: { params: [RV, RV], fn: (a, b) => le(a, b) },
  lt: { params: [RV, RV], fn: (a, b) => lt(a, b) },
  ne: { params: [RV, RV], fn: (a, b) => !eq(a, b) },
};

/** The `call` built-in: fn(args...) where fn is a function value. */
export function callFunction(name: string, fn0: unknown, args: unknown[]): unknown {
  const fn = unwrapInterface(fn0);
  if (fn === undefined) throw new FuncError('call of nil');
  if (typeof fn !== 'function') throw new FuncError(`non-function ${name} of type ${typeName(fn)}`);
  const numIn = fn.length;
  if (args.length !== numIn) throw new FuncError(`wrong number of args for ${name}: got ${args.length} want ${numIn}`);
  return (fn as (...a: unknown[]) => unknown)(...args.map(unwrapInterface));
}
