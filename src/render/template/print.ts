/**
 * Go's fmt printer (print.go) over the JS value model: printArg / printValue for every kind,
 * Stringers (goFormat), the %!verb(type=value) form of a bad verb, Sprint and Sprintln.
 * Printf's format parsing is in printf.ts, the low-level formatting in fmt.ts.
 *
 * Unmatchable: pointer addresses (Go prints the real address of a pointer nested in a value,
 * e.g. {0xc000123456}); tsw prints the fixed placeholder FAKE_ADDRESS instead.
 */
import { goType } from '../govalue.ts';
import { Fmt, LDIGITS, MASK64, UDIGITS } from './fmt.ts';
import { toBytes } from './utf8.ts';
import {
  GoComplex,
  GoNil,
  GoNumber,
  GoPtr,
  formatterOf,
  kindOf,
  mapElemType,
  scalarOf,
  sortedEntries,
  structFields,
  typeName,
  NIL_IFACE,
  type Kind,
} from './values.ts';

/** Placeholder printed where Go would print a pointer's address. */
export const FAKE_ADDRESS = 0xc000010000n;

/** The "no argument" marker of pp.arg / pp.value. */
export const NONE: unique symbol = Symbol('none');

/** Whether an argument is Go's nil interface (prints <nil>, and %!d(<nil>) for other verbs). */
export function isNilArg(v: unknown): boolean {
  return v === undefined || v === null || v === NIL_IFACE;
}

/**
 * A nil element of a container: in an interface-typed map or slice it is a nil interface
 * (printed "<nil>" whatever the verb), otherwise a nil pointer.
 */
function nilElement(v: unknown, elemType: string): unknown {
  if (v !== null && v !== undefined) return v;
  return elemType === 'interface {}' ? NIL_IFACE : null;
}

/** Options that change how the outermost value prints. */
interface PrintOptions {
  /**
   * The template printer dereferences pointers before calling fmt (printableValue), so a
   * struct pointer prints as {...} rather than &{...}.
   */
  readonly derefTop?: boolean;
}

/** fmt's pp: prints arguments by kind. */
export class Printer extends Fmt {
  // pp state
  protected arg: unknown = NONE;
  protected value: unknown = NONE;
  protected erroring = false;
  protected reordered = false;
  protected goodArgNum = true;
  derefTop = false;

  protected badVerb(verb: string): void {
    this.erroring = true;
    this.write('%!' + verb + '(');
    if (this.arg !== NONE && !isNilArg(this.arg)) {
      this.write(typeName(this.arg) + '=');
      this.printArg(this.arg, 'v');
    } else if (this.value !== NONE && this.value !== undefined) {
      this.write(typeName(this.value) + '=');
      this.printValue(this.value, 'v', 0);
    } else {
      this.write('<nil>');
    }
    this.write(')');
    this.erroring = false;
  }

  protected fmtBool(v: boolean, verb: string): void {
    if (verb === 't' || verb === 'v') this.fmtBoolean(v);
    else this.badVerb(verb);
  }

  protected fmt0x64(v: bigint, leading0x: boolean): void {
    const sharp = this.sharp;
    this.sharp = leading0x;
    this.fmtInteger(v, 16, false, 'v', LDIGITS);
    this.sharp = sharp;
  }

  protected fmtIntegerVerb(v: bigint, isSigned: boolean, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.sharpV && !isSigned) this.fmt0x64(v, true);
        else this.fmtInteger(v, 10, isSigned, verb, LDIGITS);
        return;
      case 'd':
        this.fmtInteger(v, 10, isSigned, verb, LDIGITS);
        return;
      case 'b':
        this.fmtInteger(v, 2, isSigned, verb, LDIGITS);
        return;
      case 'o':
      case 'O':
        this.fmtInteger(v, 8, isSigned, verb, LDIGITS);
        return;
      case 'x':
        this.fmtInteger(v, 16, isSigned, verb, LDIGITS);
        return;
      case 'X':
        this.fmtInteger(v, 16, isSigned, verb, UDIGITS);
        return;
      case 'c':
        this.fmtC(isSigned ? BigInt.asIntN(64, v) & MASK64 : v);
        return;
      case 'q':
        this.fmtQc(v & MASK64);
        return;
      case 'U':
        this.fmtUnicode(v & MASK64);
        return;
      default:
        this.badVerb(verb);
    }
  }

  protected fmtFloatVerb(v: number, verb: string, bitSize = 64): void {
    switch (verb) {
      case 'v':
        this.fmtFloatRaw(v, 'g', -1, bitSize);
        return;
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
        this.fmtFloatRaw(v, verb, -1, bitSize);
        return;
      case 'f':
      case 'e':
      case 'E':
        this.fmtFloatRaw(v, verb, 6, bitSize);
        return;
      case 'F':
        this.fmtFloatRaw(v, 'f', 6, bitSize);
        return;
      default:
        this.badVerb(verb);
    }
  }

  protected fmtComplex(c: GoComplex, verb: string): void {
    switch (verb) {
      case 'v':
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
      case 'f':
      case 'F':
      case 'e':
      case 'E': {
        const oldPlus = this.plus;
        this.write('(');
        this.fmtFloatVerb(c.re, verb);
        // Imaginary part always has a sign.
        this.plus = true;
        this.fmtFloatVerb(c.im, verb);
        this.write('i)');
        this.plus = oldPlus;
        return;
      }
      default:
        this.badVerb(verb);
    }
  }

  protected fmtString(v: string, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.sharpV) this.fmtQ(v);
        else this.fmtS(v);
        return;
      case 's':
        this.fmtS(v);
        return;
      case 'x':
        this.fmtSbx(toBytes(v), LDIGITS);
        return;
      case 'X':
        this.fmtSbx(toBytes(v), UDIGITS);
        return;
      case 'q':
        this.fmtQ(v);
        return;
      default:
        this.badVerb(verb);
    }
  }

  protected fmtBytes(v: Uint8Array, verb: string, type: string): void {
    switch (verb) {
      case 'v':
      case 'd':
        if (this.sharpV) {
          this.write(type + '{');
          v.forEach((c, i) => {
            if (i > 0) this.write(', ');
            this.fmt0x64(BigInt(c), true);
          });
          this.write('}');
        } else {
          this.write('[');
          v.forEach((c, i) => {
            if (i > 0) this.write(' ');
            this.fmtInteger(BigInt(c), 10, false, verb, LDIGITS);
          });
          this.write(']');
        }
        return;
      case 's': {
        const s = new TextDecoder().decode(v);
        this.pad(this.truncateString(s));
        return;
      }
      case 'x':
        this.fmtSbx(v, LDIGITS);
        return;
      case 'X':
        this.fmtSbx(v, UDIGITS);
        return;
      case 'q':
        this.fmtQ(new TextDecoder().decode(v));
        return;
      default:
        this.printValue(Array.from(v, (b) => new GoNumber(b, 'uint8')), verb, 0);
    }
  }

  protected fmtPointer(value: unknown, verb: string): void {
    const k = kindOf(value);
    if (k !== 'func' && k !== 'map' && k !== 'ptr' && k !== 'slice') {
      this.badVerb(verb);
      return;
    }
    const u = value === null || value instanceof GoNil ? 0n : FAKE_ADDRESS;
    switch (verb) {
      case 'v':
        if (this.sharpV) {
          this.write('(' + typeName(value) + ')(');
          if (u === 0n) this.write('nil');
          else this.fmt0x64(u, true);
          this.write(')');
        } else if (u === 0n) this.pad('<nil>');
        else this.fmt0x64(u, !this.sharp);
        return;
      case 'p':
        this.fmt0x64(u, !this.sharp);
        return;
      case 'b':
      case 'o':
      case 'd':
      case 'x':
      case 'X':
        this.fmtIntegerVerb(u, false, verb);
        return;
      default:
        this.badVerb(verb);
    }
  }

  protected handleMethods(verb: string): boolean {
    if (this.erroring) return false;
    if (verb === 'w') {
      // %w is only valid in Errorf with an error argument.
      this.badVerb(verb);
      return true;
    }
    if (this.sharpV) return false;
    if (verb === 'v' || verb === 's' || verb === 'x' || verb === 'X' || verb === 'q') {
      // A pointer's method set includes its pointee's: *time.Duration is a Stringer too.
      const f = formatterOf(this.arg instanceof GoPtr ? this.arg.elem : this.arg);
      if (f) {
        this.fmtString(f(), verb);
        return true;
      }
    }
    return false;
  }

  printArg(arg: unknown, verb: string): void {
    this.arg = arg;
    this.value = NONE;
    if (isNilArg(arg)) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb);
      return;
    }
    if (verb === 'T') {
      this.fmtS(typeName(arg));
      return;
    }
    if (verb === 'p') {
      this.fmtPointer(arg, 'p');
      return;
    }
    switch (typeof arg) {
      case 'boolean':
        this.fmtBool(arg, verb);
        return;
      case 'number':
        if (kindOf(arg) === 'int') {
          if ((verb === 'v' || verb === 'd') && !this.widPresent && !this.precPresent && !this.plus && !this.space && !this.sharpV) {
            this.write(String(arg === 0 ? 0 : arg));
            return;
          }
          this.fmtIntegerVerb(BigInt(arg), true, verb);
        } else this.fmtFloatVerb(arg, verb);
        return;
      case 'bigint':
        this.fmtIntegerVerb(arg, true, verb);
        return;
      case 'string':
        if (verb === 'v' && !this.widPresent && !this.precPresent && !this.sharpV) {
          this.write(arg);
          return;
        }
        this.fmtString(arg, verb);
        return;
      default:
        break;
    }
    if (arg instanceof GoNumber) {
      this.printNumber(arg, verb);
      return;
    }
    if (arg instanceof GoComplex) {
      this.fmtComplex(arg, verb);
      return;
    }
    if (arg instanceof Uint8Array) {
      this.fmtBytes(arg, verb, '[]byte');
      return;
    }
    if (!this.handleMethods(verb)) this.printValue(arg, verb, 0);
  }

  protected printNumber(n: GoNumber, verb: string): void {
    if (n.kind === 'float') {
      const v = Number(n.value);
      if (n.type === 'float32') this.fmtFloatVerb(Math.fround(v), verb, 32);
      else this.fmtFloatVerb(v, verb);
      return;
    }
    const big = typeof n.value === 'bigint' ? n.value : BigInt(Math.trunc(n.value));
    this.fmtIntegerVerb(big, n.kind === 'int', verb);
  }

  printValue(value: unknown, verb: string, depth: number): void {
    // Handle values with special methods if not already handled by printArg (depth == 0).
    if (depth > 0 && value !== undefined) {
      this.arg = value;
      if (this.handleMethods(verb)) return;
    }
    this.arg = NONE;
    this.value = value;
    const k: Kind = kindOf(value);
    switch (k) {
      case 'invalid':
        if (depth === 0) this.write('<invalid reflect.Value>');
        else if (verb === 'v') this.write('<nil>');
        else this.badVerb(verb);
        return;
      case 'bool':
        this.fmtBool(scalarOf(value) === true, verb);
        return;
      case 'int':
      case 'uint':
      case 'float': {
        const s = scalarOf(value);
        if (s instanceof GoNumber) this.printNumber(s, verb);
        else if (typeof s === 'bigint') this.fmtIntegerVerb(s, k === 'int', verb);
        else if (k === 'float') this.fmtFloatVerb(Number(s), verb);
        else this.fmtIntegerVerb(BigInt(Math.trunc(Number(s))), k === 'int', verb);
        return;
      }
      case 'complex':
        this.fmtComplex(value as GoComplex, verb);
        return;
      case 'string':
        this.fmtString(String(scalarOf(value)), verb);
        return;
      case 'map':
        this.printMap(value, verb, depth);
        return;
      case 'struct':
        this.printStruct(value as object, verb, depth);
        return;
      case 'interface':
        if (this.sharpV) this.write(typeName(value) + '(nil)');
        else this.write('<nil>');
        return;
      case 'slice':
        this.printSlice(value, verb, depth);
        return;
      case 'ptr':
        if (value instanceof GoPtr && depth === 0) {
          const ek = kindOf(value.elem);
          if (ek === 'slice' || ek === 'struct' || ek === 'map') {
            this.write('&');
            this.printValue(value.elem, verb, depth + 1);
            return;
          }
        }
        this.fmtPointer(value, verb);
        return;
      case 'func':
        this.fmtPointer(value, verb);
        return;
    }
  }

  protected printMap(value: unknown, verb: string, depth: number): void {
    if (value instanceof GoNil) {
      if (this.sharpV) this.write(value.type + '(nil)');
      else this.write('map[]');
      return;
    }
    const m = value as Record<string, unknown> | Map<unknown, unknown>;
    this.write(this.sharpV ? typeName(value) + '{' : 'map[');
    sortedEntries(m).forEach(([k, v], i) => {
      if (i > 0) this.write(this.sharpV ? ', ' : ' ');
      this.printValue(k, verb, depth + 1);
      this.write(':');
      this.printValue(nilElement(v, mapElemType(value)), verb, depth + 1);
    });
    this.write(this.sharpV ? '}' : ']');
  }

  protected printStruct(value: object, verb: string, depth: number): void {
    const t = typeName(value);
    if (t.startsWith('*')) {
      // A pointer to a struct: &{...} at the top, an address when nested.
      if (depth > 0) {
        this.fmtPointer(new GoPtr(value, t), verb);
        return;
      }
      if (!this.derefTop) this.write('&');
    }
    if (this.sharpV) this.write(t.startsWith('*') ? t.slice(1) : t);
    this.write('{');
    const rec = value as Record<string, unknown>;
    structFields(value).forEach((name, i) => {
      if (i > 0) this.write(this.sharpV ? ', ' : ' ');
      if (this.plusV || this.sharpV) this.write(name + ':');
      this.printValue(rec[name] === undefined ? null : rec[name], verb, depth + 1);
    });
    this.write('}');
  }

  protected printSlice(value: unknown, verb: string, depth: number): void {
    const t = typeName(value);
    if (value instanceof GoNil) {
      if (this.sharpV) this.write(t + '(nil)');
      else this.write('[]');
      return;
    }
    if ((verb === 's' || verb === 'q' || verb === 'x' || verb === 'X') && (value instanceof Uint8Array || t === '[]uint8')) {
      const bytes = value instanceof Uint8Array ? value : Uint8Array.from(value as unknown[], (b) => Number(scalarOf(b instanceof GoNumber ? b.value : b)));
      this.fmtBytes(bytes, verb, t);
      return;
    }
    const items: unknown[] = value instanceof Uint8Array ? Array.from(value, (b) => new GoNumber(b, 'uint8')) : (value as unknown[]);
    const elemType = t.startsWith('[]') ? t.slice(2) : 'interface {}';
    if (this.sharpV) {
      this.write(t + '{');
      items.forEach((e, i) => {
        if (i > 0) this.write(', ');
        this.printValue(nilElement(e, elemType), verb, depth + 1);
      });
      this.write('}');
      return;
    }
    this.write('[');
    items.forEach((e, i) => {
      if (i > 0) this.write(' ');
      this.printValue(nilElement(e, elemType), verb, depth + 1);
    });
    this.write(']');
  }

  doPrint(a: readonly unknown[]): void {
    let prevString = false;
    a.forEach((arg, argNum) => {
      const isString = !isNilArg(arg) && kindOf(arg) === 'string';
      // Add a space between two non-string arguments.
      if (argNum > 0 && !isString && !prevString) this.write(' ');
      this.printArg(arg, 'v');
      prevString = isString;
    });
  }

  doPrintln(a: readonly unknown[]): void {
    a.forEach((arg, argNum) => {
      if (argNum > 0) this.write(' ');
      this.printArg(arg, 'v');
    });
    this.write('\n');
  }
}

/** fmt.Sprint. */
export function sprint(args: readonly unknown[], opts: PrintOptions = {}): string {
  // Fast paths for the overwhelmingly common single string/int argument.
  if (args.length === 1) {
    const a = args[0];
    if (typeof a === 'string') return a;
    if (typeof a === 'number' && Number.isInteger(a) && Math.abs(a) < 2 ** 53) return String(a === 0 ? 0 : a);
    if (typeof a === 'boolean') return a ? 'true' : 'false';
  }
  const p = new Printer();
  p.derefTop = opts.derefTop === true;
  p.doPrint(args);
  return p.result();
}

/** fmt.Sprintln. */
export function sprintln(args: readonly unknown[]): string {
  const p = new Printer();
  p.doPrintln(args);
  return p.result();
}


/** fmt's %v of one value, as used inside error messages ("range can't iterate over %v"). */
export function formatV(v: unknown): string {
  return sprint([v]);
}

/** Whether a struct-like value is a pointer type ("*T"), for the template's printableValue. */
export function isPointerType(v: unknown): boolean {
  return typeof v === 'object' && v !== null && typeof (v as Record<symbol, unknown>)[goType] === 'string' && typeName(v).startsWith('*');
}

