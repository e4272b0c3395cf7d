/**
 * The executor (text/template/exec.go): walks the parse tree against data, with Go's
 * evaluation order, variable scoping, method/field/map lookup, argument conversion, and
 * error messages (including which node an error is reported at).
 */
import { goFields } from '../govalue.ts';
import { FuncError, TemplateExecError } from './errors.ts';
import { builtins, callFunction, truth, type FuncMap, type GoFunc } from './funcs.ts';
import {
  nodeString,
  type BranchNode,
  type ChainNode,
  type CommandNode,
  type FieldNode,
  type IdentifierNode,
  type ListNode,
  type Node,
  type NumberNode,
  type PipeNode,
  type TemplateNode,
  type VariableNode,
} from './nodes.ts';
import { formatV, sprint, isPointerType } from './print.ts';
import { quote } from '../../go/quote.ts';
import { isUpper } from './unicode.ts';
import { byteLength } from './utf8.ts';
import {
  GoBox,
  GoComplex,
  GoNil,
  GoNumber,
  GoPtr,
  NIL_IFACE,
  canBeNilType,
  formatterOf,
  indirect,
  isGoMap,
  isTrue,
  kindOf,
  kindOfTypeName,
  mapElement,
  mapLookup,
  mapZero,
  scalarOf,
  sortedEntries,
  typeName,
  unwrapInterface,
} from './values.ts';

/** What a missing map key evaluates to (Template.Option("missingkey=...")). */
export type MissingKey = 'default' | 'invalid' | 'zero' | 'error';

/** The parsed template set an execution runs against. */
export interface ExecTemplate {
  /** Name of the template being executed ("" for docker's templates). */
  readonly name: string;
  /** The source every tree was parsed from (for error line:column). */
  readonly source: string;
  /** Name the source was parsed under (Go's ParseName). */
  readonly parseName: string;
  readonly trees: ReadonlyMap<string, ListNode>;
  readonly funcs: FuncMap;
  readonly missingKey: MissingKey;
}

/** Marker for "no value passed from the previous pipeline stage" (Go's missingVal). */
const MISSING: unique symbol = Symbol('missing');
type Final = unknown;

const BREAK = { walk: 'break' };
const CONTINUE = { walk: 'continue' };

/** Go's maxExecDepth; JS runs out of stack first, which is reported with the same words. */
const MAX_EXEC_DEPTH = 100000;

interface Variable {
  name: string;
  value: unknown;
}

/** A method or getter found on an object (fields are returned as values). */
type Member = { readonly kind: 'method'; readonly fn: (...a: unknown[]) => unknown } | { readonly kind: 'getter' };
type Found = Member | { readonly kind: 'field'; readonly value: unknown };

const GETTER: Member = { kind: 'getter' };
const STOP_PROTOS = new Set<unknown>([Object.prototype, Map.prototype, Array.prototype, null]);
/** Members found on class prototypes, per prototype and name (null: absent). */
const protoCache = new WeakMap<object, Map<string, Member | null>>();

function lookupProto(start: object | null, name: string): Member | null {
  for (let o = start; o !== null && !STOP_PROTOS.has(o); o = Object.getPrototypeOf(o) as object | null) {
    const d = Object.getOwnPropertyDescriptor(o, name);
    if (d) {
      if (d.get) return GETTER;
      if (typeof d.value === 'function') return { kind: 'method', fn: d.value as (...a: unknown[]) => unknown };
      return null; // data on a prototype is not a Go field
    }
  }
  return null;
}

/**
 * Find a member on an object's own properties, then its class prototypes (cached). On a Go
 * map (a JS Map) own data properties are not fields.
 */
function lookupMember(obj: object, name: string, isMap: boolean): Found | undefined {
  const own = Object.getOwnPropertyDescriptor(obj, name);
  if (own) {
    if (own.get) return GETTER;
    if (typeof own.value === 'function') return { kind: 'method', fn: own.value as (...a: unknown[]) => unknown };
    return isMap ? undefined : { kind: 'field', value: own.value };
  }
  const proto = Object.getPrototypeOf(obj) as object | null;
  if (proto === null || STOP_PROTOS.has(proto)) return undefined;
  let cache = protoCache.get(proto);
  if (cache === undefined) {
    cache = new Map();
    protoCache.set(proto, cache);
  }
  let m = cache.get(name);
  if (m === undefined) {
    m = lookupProto(proto, name);
    cache.set(name, m);
  }
  return m ?? undefined;
}

function isExported(name: string): boolean {
  const c = name.charCodeAt(0);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  const cp = name.codePointAt(0);
  return cp !== undefined && isUpper(cp);
}

/** A JS method as a Go func: every parameter is interface{}. */
function methodFunc(fn: (...a: unknown[]) => unknown, self: object): GoFunc {
  return { params: Array.from({ length: fn.length }, () => 'interface {}'), fn: (...a) => fn.apply(self, a) };
}

/** A value produced by a method: a JS null/undefined is Go's nil interface. */
function methodResult(v: unknown): unknown {
  return v === null || v === undefined ? NIL_IFACE : v;
}

function isHexInt(s: string): boolean {
  return s.length > 2 && s[0] === '0' && (s[1] === 'x' || s[1] === 'X') && !/[pP]/.test(s);
}

function isRuneInt(s: string): boolean {
  return s.length > 0 && s[0] === "'";
}

function floatValue(f: number): unknown {
  return Number.isInteger(f) ? new GoNumber(f, 'float64') : f;
}

function intValue(v: bigint, type = 'int'): unknown {
  if (type === 'int' && v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(v);
  return new GoNumber(v, type);
}

/** Executes one template (and the templates it invokes) into `out`. */
export class State {
  private node: Node | null = null;
  private vars: Variable[];
  private depth = 0;

  constructor(
    private tmpl: ExecTemplate,
    private readonly out: string[],
    dot: unknown,
  ) {
    this.vars = [{ name: '$', value: dot }];
  }

  /** Run the named tree of the template set. */
  run(dot: unknown): void {
    const root = this.tmpl.trees.get(this.tmpl.name);
    if (root === undefined) this.errorf(`${quote(this.tmpl.name)} is an incomplete or empty template`);
    try {
      this.walk(dot, root);
    } catch (e) {
      if (e instanceof RangeError && e.message.indexOf('call stack') >= 0) {
        this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
      }
      throw e;
    }
  }

  // --- errors ----------------------------------------------------------------------------

  private at(n: Node): void {
    this.node = n;
  }

  private errorf(msg: string): never {
    const name = this.tmpl.name;
    if (this.node === null) throw new TemplateExecError(`template: ${name}: ${msg}`);
    const src = this.tmpl.source;
    const text = src.slice(0, this.node.pos);
    const nl = text.lastIndexOf('\n');
    const col = nl === -1 ? byteLength(text) : byteLength(text.slice(nl + 1));
    let line = 1;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x0a) line++;
    const location = `${this.tmpl.parseName}:${line}:${col}`;
    throw new TemplateExecError(`template: ${location}: executing ${quote(name)} at <${nodeString(this.node)}>: ${msg}`);
  }

  // --- variables ---------------------------------------------------------------------------

  private push(name: string, value: unknown): void {
    this.vars.push({ name, value });
  }

  private mark(): number {
    return this.vars.length;
  }

  private pop(mark: number): void {
    this.vars.length = mark;
  }

  private setVar(name: string, value: unknown): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i] as Variable;
      if (v.name === name) {
        v.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private setTopVar(n: number, value: unknown): void {
    const v = this.vars[this.vars.length - n];
    if (v) v.value = value;
  }

  private varValue(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i] as Variable;
      if (v.name === name) return v.value;
    }
    this.errorf(`undefined variable: ${name}`);
  }

  // --- walking -----------------------------------------------------------------------------

  private walk(dot: unknown, node: Node): void {
    this.at(node);
    switch (node.type) {
      case 'action': {
        const pipe = node.pipe;
        // Fast path for the overwhelmingly common {{.Field}}: the same steps, fewer calls.
        if (pipe.decl.length === 0 && pipe.cmds.length === 1) {
          const cmd = pipe.cmds[0] as CommandNode;
          const first = cmd.args[0] as Node;
          if (first.type === 'field' && first.ident.length === 1) {
            this.at(pipe);
            this.at(first);
            const v = unwrapInterface(this.evalField(dot, first.ident[0] as string, first, cmd.args, MISSING, dot));
            this.printValue(node, v);
            return;
          }
        }
        // Variables declared by the action persist until the next {{end}}; a declaration
        // prints nothing.
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
      case 'comment':
        return;
      case 'if':
      case 'with':
        this.walkIfOrWith(node, dot);
        return;
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range':
        this.walkRange(dot, node);
        return;
      case 'template':
        this.walkTemplate(dot, node);
        return;
      case 'text':
        this.out.push(node.text);
        return;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  private walkIfOrWith(node: BranchNode, dot: unknown): void {
    const mark = this.mark();
    try {
      const val = this.evalPipeline(dot, node.pipe);
      const { truth: t, ok } = isTrue(unwrapInterface(val));
      if (!ok) this.errorf(`if/with can't use ${formatV(val)}`);
      if (t) this.walk(node.type === 'with' ? val : dot, node.list);
      else if (node.elseList) this.walk(dot, node.elseList);
    } finally {
      this.pop(mark);
    }
  }

  private walkRange(dot: unknown, r: BranchNode): void {
    this.at(r);
    const outer = this.mark();
    try {
      const val = indirect(this.evalPipeline(dot, r.pipe)).value;
      // Mark the top of the stack before any variables in the body are pushed.
      const mark = this.mark();
      const decl = r.pipe.decl;
      const oneIteration = (index: unknown, elem: unknown): void => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) {
            // With two variables the index comes first; with one, the element.
            this.setVar((decl[0] as VariableNode).ident[0] ?? '', decl.length > 1 ? index : elem);
          } else {
            this.setTopVar(1, elem);
          }
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar((decl[1] as VariableNode).ident[0] ?? '', elem);
          else this.setTopVar(2, index);
        }
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (e !== CONTINUE) throw e;
        } finally {
          this.pop(mark);
        }
      };
      let ran = false;
      switch (kindOf(val)) {
        case 'int':
        case 'uint': {
          // Ranging over an integer (Go 1.22+): 0..n-1, one variable only.
          if (decl.length > 1) this.errorf(`can't use ${formatV(val)} to iterate over more than one variable`);
          const n = Number(numberOf(val));
          const t = typeName(val);
          for (let i = 0; i < n; i++) {
            ran = true;
            oneIteration(undefined, t === 'int' ? i : new GoNumber(i, t, kindOfTypeName(t) === 'uint' ? 'uint' : 'int'));
          }
          break;
        }
        case 'slice': {
          const items = val instanceof Uint8Array ? Array.from(val, (b) => new GoNumber(b, 'uint8')) : Array.isArray(val) ? val : [];
          for (let i = 0; i < items.length; i++) {
            ran = true;
            const e = items[i];
            oneIteration(i, e === null || e === undefined ? NIL_IFACE : e);
          }
          break;
        }
        case 'map': {
          if (val instanceof GoNil) break;
          const m = val as Record<string, unknown> | Map<unknown, unknown>;
          for (const [k, v] of sortedEntries(m)) {
            ran = true;
            oneIteration(k, mapElement(m, v));
          }
          break;
        }
        case 'invalid':
          break; // An invalid value is likely a nil map, etc. and acts like an empty map.
        default:
          this.errorf(`range can't iterate over ${formatV(val)}`);
      }
      if (!ran && r.elseList) this.walk(dot, r.elseList);
    } catch (e) {
      if (e !== BREAK) throw e;
    } finally {
      this.pop(outer);
    }
  }

  private walkTemplate(dot: unknown, t: TemplateNode): void {
    this.at(t);
    if (!this.tmpl.trees.has(t.name)) this.errorf(`template ${quote(t.name)} not defined`);
    if (this.depth === MAX_EXEC_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
    // Variables declared by the pipeline persist.
    const newDot = this.evalPipeline(dot, t.pipe);
    const root = this.tmpl.trees.get(t.name) as ListNode;
    const saved = { tmpl: this.tmpl, vars: this.vars, node: this.node, depth: this.depth };
    this.tmpl = { ...this.tmpl, name: t.name };
    // No dynamic scoping: template invocations inherit no variables.
    this.vars = [{ name: '$', value: newDot }];
    this.depth++;
    try {
      this.walk(newDot, root);
    } catch (e) {
      // JS runs out of stack long before Go's 100000 nested templates: report Go's error, at
      // this {{template}} node of the calling template.
      if (e instanceof RangeError && e.message.indexOf('call stack') >= 0) {
        this.tmpl = saved.tmpl;
        this.vars = saved.vars;
        this.at(t);
        this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
      }
      throw e;
    } finally {
      this.tmpl = saved.tmpl;
      this.vars = saved.vars;
      this.depth = saved.depth;
    }
  }

  // --- evaluation ------------------------------------------------------------------------------

  private evalPipeline(dot: unknown, pipe: PipeNode | null): unknown {
    if (pipe === null) return undefined;
    this.at(pipe);
    let value: unknown = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      // If the object has type interface{}, dig down one level to the thing inside.
      value = unwrapInterface(value);
    }
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0] ?? '', value);
      else this.push(v.ident[0] ?? '', value);
    }
    return value;
  }

  private notAFunction(args: readonly Node[], final: Final): void {
    if (args.length > 1 || final !== MISSING) {
      this.errorf(`can't give argument to non-function ${nodeString(args[0] as Node)}`);
    }
  }

  private evalCommand(dot: unknown, cmd: CommandNode, final: Final): unknown {
    const first = cmd.args[0] as Node;
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier':
        // Must be a function.
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        // Parenthesized pipeline. The arguments are all inside the pipeline; final must be absent.
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final);
      default:
        break;
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        this.errorf('nil is not a command');
        break;
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
      default:
        break;
    }
    this.errorf(`can't evaluate command ${quote(nodeString(first))}`);
  }

  private idealConstant(c: NumberNode): unknown {
    this.at(c);
    if (c.isComplex) return new GoComplex(c.complex.re, c.complex.im);
    if (c.isFloat && !isHexInt(c.text) && !isRuneInt(c.text) && /[.eEpP]/.test(c.text)) return floatValue(c.float64);
    if (c.isInt) return intValue(c.int64);
    if (c.isUint) this.errorf(`${c.text} overflows int`);
    return undefined;
  }

  private evalFieldNode(dot: unknown, field: FieldNode, args: readonly Node[] | null, final: Final): unknown {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  private evalChainNode(dot: unknown, chain: ChainNode, args: readonly Node[] | null, final: Final): unknown {
    this.at(chain);
    if (chain.field.length === 0) this.errorf('internal error: no fields in evalChainNode');
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    // (pipe).Field1.Field2 has pipe as .Node, fields as .Field. Eval the pipeline, then the fields.
    const pipe = this.evalArg(dot, undefined, chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  private evalVariableNode(dot: unknown, v: VariableNode, args: readonly Node[] | null, final: Final): unknown {
    // $x.Field has $x as the first ident, Field as the second.
    this.at(v);
    const value = this.varValue(v.ident[0] ?? '');
    if (v.ident.length === 1) {
      this.notAFunction(args ?? [], final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  private evalFieldChain(
    dot: unknown,
    receiver0: unknown,
    node: Node,
    ident: readonly string[],
    args: readonly Node[] | null,
    final: Final,
  ): unknown {
    let receiver = receiver0;
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) receiver = this.evalField(dot, ident[i] ?? '', node, null, MISSING, receiver);
    // Now if it's a method, it gets the arguments.
    return this.evalField(dot, ident[n - 1] ?? '', node, args, final, receiver);
  }

  private findFunction(name: string): { fn: GoFunc; isBuiltin: boolean } | undefined {
    const user = Object.prototype.hasOwnProperty.call(this.tmpl.funcs, name) ? this.tmpl.funcs[name] : undefined;
    if (user) return { fn: user, isBuiltin: false };
    const b = Object.prototype.hasOwnProperty.call(builtins, name) ? builtins[name] : undefined;
    if (b) return { fn: b, isBuiltin: true };
    return undefined;
  }

  private evalFunction(dot: unknown, node: IdentifierNode, cmd: Node, args: readonly Node[] | null, final: Final): unknown {
    this.at(node);
    const name = node.ident;
    const f = this.findFunction(name);
    if (!f) this.errorf(`${quote(name)} is not a defined function`);
    return this.evalCall(dot, f.fn, f.isBuiltin, cmd, name, args, final);
  }

  private evalField(
    dot: unknown,
    fieldName: string,
    node: Node,
    args: readonly Node[] | null,
    final: Final,
    receiver0: unknown,
  ): unknown {
    if (receiver0 === undefined) {
      if (this.tmpl.missingKey === 'error') this.errorf(`nil data; no entry for key ${quote(fieldName)}`);
      return undefined;
    }
    const noArgs = (args === null || args.length <= 1) && final === MISSING;
    // Fast path: a struct-like object (class instance or goType object) — the common case.
    if (typeof receiver0 === 'object' && receiver0 !== null && !(receiver0 instanceof GoBox) && !Array.isArray(receiver0)) {
      const isMapInstance = receiver0 instanceof Map;
      if (isMapInstance || !isGoMap(receiver0)) {
        const found = lookupMember(receiver0, fieldName, isMapInstance);
        if (found !== undefined && found.kind !== 'field' && isExported(fieldName)) {
          if (noArgs && (found.kind === 'getter' || found.fn.length === 0)) {
            // A method without arguments: call it directly.
            try {
              const v = found.kind === 'getter' ? (receiver0 as Record<string, unknown>)[fieldName] : found.fn.call(receiver0);
              return methodResult(v);
            } catch (e) {
              if (e === BREAK || e === CONTINUE || e instanceof TemplateExecError) throw e;
              this.at(node);
              this.errorf(`error calling ${fieldName}: ${e instanceof Error ? e.message : String(e)}`);
            }
          }
          const fn: GoFunc =
            found.kind === 'getter'
              ? { params: [], fn: () => (receiver0 as Record<string, unknown>)[fieldName] }
              : methodFunc(found.fn, receiver0);
          return methodResult(this.evalCall(dot, fn, false, node, fieldName, args, final));
        }
        if (found !== undefined && found.kind === 'field' && !isMapInstance && isExported(fieldName) && noArgs) {
          const v = found.value;
          return v === undefined ? null : v;
        }
      }
    }
    const typ = typeName(receiver0);
    const { value: receiver, isNil } = indirect(receiver0);
    const k = kindOf(receiver);
    if (k === 'interface' && isNil) {
      // Calling a method on a nil interface can't work.
      this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
    }
    // Methods first (exported only, as reflect's MethodByName), then fields or map keys.
    // A plain object is a map[string]interface {} and has no methods.
    let member: Found | undefined;
    if (
      typeof receiver === 'object' &&
      receiver !== null &&
      !(receiver instanceof GoBox) &&
      !Array.isArray(receiver) &&
      !(isGoMap(receiver) && !(receiver instanceof Map))
    ) {
      member = lookupMember(receiver, fieldName, receiver instanceof Map);
    }
    if (member && member.kind !== 'field' && isExported(fieldName)) {
      const self = receiver as object;
      const fn: GoFunc =
        member.kind === 'getter'
          ? { params: [], fn: () => (self as Record<string, unknown>)[fieldName] }
          : methodFunc(member.fn, self);
      return methodResult(this.evalCall(dot, fn, false, node, fieldName, args, final));
    }
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    switch (k) {
      case 'struct': {
        if (member && member.kind === 'field') {
          if (!isExported(fieldName)) this.errorf(`${fieldName} is an unexported field of struct type ${typ}`);
          if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
          const v = member.value;
          return v === undefined ? null : v;
        }
        const declared = (receiver as Record<symbol, unknown>)[goFields];
        if (Array.isArray(declared) && declared.includes(fieldName) && isExported(fieldName)) {
          if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
          return null; // declared but absent: a nil pointer
        }
        break;
      }
      case 'map': {
        if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
        const r =
          receiver instanceof GoNil
            ? { found: false, value: undefined }
            : mapLookup(receiver as Record<string, unknown> | Map<unknown, unknown>, fieldName);
        if (!r.found) {
          switch (this.tmpl.missingKey) {
            case 'zero':
              return mapZero(receiver);
            case 'error':
              this.errorf(`map has no entry for key ${quote(fieldName)}`);
              break;
            default:
              return undefined;
          }
        }
        return mapElement(receiver, r.value);
      }
      case 'ptr':
        if (isNil) this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
        break;
      default:
        break;
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  private evalCall(
    dot: unknown,
    fun: GoFunc,
    isBuiltin: boolean,
    node: Node,
    name: string,
    args0: readonly Node[] | null,
    final: Final,
  ): unknown {
    const args = args0 === null ? [] : args0.slice(1); // args[0] is the function itself
    const numParams = fun.params.length + (fun.variadic !== undefined ? 1 : 0);
    let numIn = args.length;
    if (final !== MISSING) numIn++;
    let numFixed = args.length;
    if (fun.variadic !== undefined) {
      numFixed = fun.params.length;
      if (numIn < numFixed) {
        this.errorf(`wrong number of args for ${name}: want at least ${fun.params.length} got ${args.length}`);
      }
    } else if (numIn !== numParams) {
      this.errorf(`wrong number of args for ${name}: want ${numParams} got ${numIn}`);
    }

    // Special case for builtin and/or, which short-circuit (Go 1.18+).
    if (isBuiltin && (name === 'and' || name === 'or')) {
      const argType = fun.params[0] ?? 'reflect.Value';
      let v: unknown = undefined;
      for (const arg of args) {
        v = this.evalArg(dot, argType, arg);
        if (truth(v) === (name === 'or')) return v;
      }
      if (final !== MISSING) {
        // The last argument comes from the pipeline; we didn't short-circuit before it.
        v = this.validateType(final, argType);
      }
      return v;
    }

    const argv: unknown[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv.push(this.evalArg(dot, fun.params[i], args[i] as Node));
    if (fun.variadic !== undefined) {
      for (; i < args.length; i++) argv.push(this.evalArg(dot, fun.variadic, args[i] as Node));
    }
    if (final !== MISSING) {
      let t: string | undefined = fun.params[fun.params.length - 1];
      if (fun.variadic !== undefined) {
        // The final argument maps to a fixed parameter or to the variadic element.
        t = numIn - 1 < numFixed ? fun.params[numIn - 1] : fun.variadic;
      }
      argv.push(this.validateType(final, t ?? 'interface {}'));
    }

    let call = fun.fn;
    if (isBuiltin && name === 'call') {
      // Go names the callee by its node, or by reflect.Value.String() of a piped-in value
      // ("<int Value>" for anything but a string).
      const calleeName =
        args.length === 0 ? (kindOf(final) === 'string' ? String(scalarOf(final)) : `<${typeName(final)} Value>`) : nodeString(args[0] as Node);
      call = (fn: unknown, ...rest: unknown[]) => callFunction(calleeName, fn, rest);
    }
    try {
      return call(...argv);
    } catch (e) {
      if (e === BREAK || e === CONTINUE || e instanceof TemplateExecError) throw e;
      this.at(node);
      const msg = e instanceof FuncError || e instanceof Error ? e.message : String(e);
      this.errorf(`error calling ${name}: ${msg}`);
    }
  }

  private validateType(value: unknown, typ: string | undefined): unknown {
    if (value === undefined) {
      if (typ === undefined) return undefined;
      if (canBeNilType(typ)) {
        const k = kindOfTypeName(typ);
        return typ === 'reflect.Value' || k === 'interface' ? undefined : new GoNil(typ);
      }
      this.errorf(`invalid value; expected ${typ}`);
    }
    if (typ === undefined || typ === 'reflect.Value' || typ === 'interface {}' || typ === 'any') return value;
    const vt = typeName(value);
    if (vt === typ) return value;
    // Dereference (or take the address) once, as Go does for arguments.
    if (value instanceof GoPtr && typeName(value.elem) === typ) return value.elem;
    if (vt === '*' + typ || '*' + vt === typ) {
      if (value === null || value instanceof GoNil) this.errorf(`dereference of nil pointer of type ${typ}`);
      return value;
    }
    this.errorf(`wrong type for value; expected ${typ}; got ${vt}`);
  }

  private evalArg(dot: unknown, typ: string | undefined, n: Node): unknown {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ);
      case 'nil':
        if (typ !== undefined && canBeNilType(typ)) {
          return typ === 'reflect.Value' || kindOfTypeName(typ) === 'interface' ? undefined : new GoNil(typ);
        }
        this.errorf(`cannot assign nil to ${typ ?? '<nil>'}`);
        break;
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, n, null, MISSING), typ);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), typ);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, null, MISSING), typ);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, null, MISSING), typ);
      default:
        break;
    }
    const t = typ ?? 'interface {}';
    const k = t === 'reflect.Value' ? 'interface' : kindOfTypeName(t);
    switch (k) {
      case 'bool':
        if (n.type === 'bool') return n.value;
        this.errorf(`expected bool; found ${nodeString(n)}`);
        break;
      case 'complex':
        if (n.type === 'number' && n.isComplex) return new GoComplex(n.complex.re, n.complex.im);
        this.errorf(`expected complex; found ${nodeString(n)}`);
        break;
      case 'float':
        if (n.type === 'number' && n.isFloat) return t === 'float64' ? floatValue(n.float64) : new GoNumber(n.float64, t);
        this.errorf(`expected float; found ${nodeString(n)}`);
        break;
      case 'int':
        if (n.type === 'number' && n.isInt) return intValue(n.int64, t);
        this.errorf(`expected integer; found ${nodeString(n)}`);
        break;
      case 'uint':
        if (n.type === 'number' && n.isUint) return new GoNumber(n.uint64, t);
        this.errorf(`expected unsigned integer; found ${nodeString(n)}`);
        break;
      case 'string':
        if (n.type === 'string') return n.text;
        this.errorf(`expected string; found ${nodeString(n)}`);
        break;
      case 'interface':
        return this.evalEmptyInterface(dot, n);
      default:
        break;
    }
    this.errorf(`can't handle ${nodeString(n)} for arg of type ${t}`);
  }

  private evalEmptyInterface(dot: unknown, n: Node): unknown {
    this.at(n);
    switch (n.type) {
      case 'bool':
        return n.value;
      case 'dot':
        return dot;
      case 'field':
        return this.evalFieldNode(dot, n, null, MISSING);
      case 'identifier':
        return this.evalFunction(dot, n, n, null, MISSING);
      case 'nil':
        this.errorf("evalEmptyInterface: nil (can't happen)");
        break;
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return n.text;
      case 'variable':
        return this.evalVariableNode(dot, n, null, MISSING);
      case 'pipe':
        return this.evalPipeline(dot, n);
      default:
        break;
    }
    this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }

  // --- printing ------------------------------------------------------------------------------

  private printValue(n: Node, v: unknown): void {
    this.at(n);
    // printableValue: dereference pointers; an invalid value prints as <no value>.
    let val = v;
    if (val instanceof GoPtr) val = indirect(val).value;
    if (val === undefined) {
      this.out.push('<no value>');
      return;
    }
    if (typeof val === 'string') {
      this.out.push(val);
      return;
    }
    if (kindOf(val) === 'func' && !formatterOf(val)) {
      this.errorf(`can't print ${nodeString(n)} of type ${typeName(val)}`);
    }
    this.out.push(sprint([val], { derefTop: isPointerType(val) }));
  }
}

function numberOf(v: unknown): number | bigint {
  const s = scalarOf(v);
  if (s instanceof GoNumber) return s.value;
  return typeof s === 'bigint' ? s : Number(s);
}
