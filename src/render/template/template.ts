/**
 * The Template object: text/template's New(name).Funcs(...).Option(...).Parse(src), plus
 * Execute. A Template is immutable; withFuncs returns a copy with replaced functions (what
 * docker does with tmpl.Funcs(HeaderFunctions) before rendering a table header).
 */
import { builtins, type FuncMap } from './funcs.ts';
import { State, type ExecTemplate, type MissingKey } from './exec.ts';
import type { ListNode } from './nodes.ts';

/** A piece of a text-and-fields template: literal text, or the name of a {{.Field}}. */
export type FieldPart = { readonly text: string } | { readonly field: string };
import { parse } from './parser.ts';

/** Options for parseTemplate. */
export interface TemplateOptions {
  /** Template name, used in error messages ("" for docker's --format templates). */
  readonly name?: string;
  /** Functions in addition to Go's built-ins (docker's are in dockerFuncs()). */
  readonly funcs?: FuncMap;
  /** Go's Option("missingkey=..."); docker uses the default except for the inspect raw fallback. */
  readonly missingKey?: MissingKey;
}

/** A parsed template set. */
export class Template implements ExecTemplate {
  private constructor(
    readonly name: string,
    readonly source: string,
    readonly parseName: string,
    readonly trees: ReadonlyMap<string, ListNode>,
    readonly funcs: FuncMap,
    readonly missingKey: MissingKey,
  ) {}

  /** Parse src. Throws TemplateParseError with Go's message. */
  static parse(src: string, options: TemplateOptions = {}): Template {
    const name = options.name ?? '';
    const funcs = options.funcs ?? {};
    const has = (fn: string): boolean =>
      Object.prototype.hasOwnProperty.call(funcs, fn) || Object.prototype.hasOwnProperty.call(builtins, fn);
    const trees = parse(name, src, has);
    return new Template(name, src, name, trees, funcs, options.missingKey ?? 'default');
  }

  /** A copy whose execution-time functions are overridden by `funcs` (Go's Funcs after Parse). */
  withFuncs(funcs: FuncMap): Template {
    return new Template(this.name, this.source, this.parseName, this.trees, { ...this.funcs, ...funcs }, this.missingKey);
  }

  /** A copy with another missingkey option. */
  withMissingKey(missingKey: MissingKey): Template {
    return new Template(this.name, this.source, this.parseName, this.trees, this.funcs, missingKey);
  }

  /** Names of the templates defined in the set (the main one included). */
  templateNames(): string[] {
    return [...this.trees.keys()];
  }

  /** Execute against data; throws TemplateExecError (output produced so far is lost). */
  execute(data: unknown): string {
    const out: string[] = [];
    this.executeInto(data, out);
    return out.join('');
  }

  /**
   * Execute, appending output pieces to `out` as they are produced; on error `out` keeps the
   * partial output (docker relies on this when it ignores header errors).
   */
  executeInto(data: unknown, out: string[]): void {
    new State(this, out, data).run(data);
  }

  /**
   * The template as text and {{.Field}} actions only (`table {{.ID}}\t{{.Name}}`, every default
   * list format), or undefined when it uses anything else (pipelines, functions, variables,
   * control structures, method arguments). Lets a caller print rows whose fields are string
   * getters without walking the tree (see appendFieldRow); what it prints is what execute does.
   */
  fieldParts(): readonly FieldPart[] | undefined {
    if (this.parts === null) this.parts = fieldPartsOf(this.trees.get(this.name));
    return this.parts;
  }
  private parts: readonly FieldPart[] | undefined | null = null;

  /** Execute the template called `name` in this set (Go's ExecuteTemplate). */
  executeTemplate(name: string, data: unknown): string {
    if (!this.trees.has(name)) {
      throw new Error(`template: no template "${name}" associated with template "${this.name}"`);
    }
    const t = new Template(name, this.source, this.parseName, this.trees, this.funcs, this.missingKey);
    return t.execute(data);
  }
}

function fieldPartsOf(root: ListNode | undefined): readonly FieldPart[] | undefined {
  if (root === undefined) return undefined;
  const parts: FieldPart[] = [];
  for (const n of root.nodes) {
    if (n.type === 'text') {
      parts.push({ text: n.text });
      continue;
    }
    if (n.type !== 'action' || n.pipe.decl.length !== 0 || n.pipe.cmds.length !== 1) return undefined;
    const args = (n.pipe.cmds[0] as { args: readonly { type: string; ident?: unknown }[] }).args;
    const first = args[0];
    if (args.length !== 1 || first === undefined || first.type !== 'field') return undefined;
    const ident = first.ident as readonly string[];
    if (ident.length !== 1) return undefined;
    parts.push({ field: ident[0] as string });
  }
  return parts;
}

/** Prototypes whose named members are all getters (checked once per prototype and field list). */
const getterProtos = new WeakMap<object, Map<readonly FieldPart[], boolean>>();

function allGetters(proto: object, parts: readonly FieldPart[]): boolean {
  let byParts = getterProtos.get(proto);
  if (byParts === undefined) {
    byParts = new Map();
    getterProtos.set(proto, byParts);
  }
  let ok = byParts.get(parts);
  if (ok === undefined) {
    ok = parts.every((p) => {
      if (!('field' in p)) return true;
      // Exported (A–Z first, as Go) and a getter on the class: what evalField calls for .Field.
      const c = p.field.charCodeAt(0);
      if (c < 0x41 || c > 0x5a) return false;
      for (let o: object | null = proto; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
        const d = Object.getOwnPropertyDescriptor(o, p.field);
        if (d) return d.get !== undefined;
      }
      return false;
    });
    byParts.set(parts, ok);
  }
  return ok;
}

/**
 * Appends one row printed through fieldParts: for a class instance whose fields are getters
 * returning strings, text and field values in order, as executing the template would print
 * them. Returns false, having appended nothing, for any other row (a plain object or Map, an
 * own property shadowing a getter, a getter that throws or returns something other than a
 * string): execute the template for that row instead.
 */
export function appendFieldRow(row: unknown, parts: readonly FieldPart[], out: string[]): boolean {
  if (typeof row !== 'object' || row === null || Array.isArray(row) || row instanceof Map) return false;
  const proto = Object.getPrototypeOf(row) as object | null;
  if (proto === null || proto === Object.prototype || !allGetters(proto, parts)) return false;
  const values: string[] = [];
  for (const p of parts) {
    if ('text' in p) {
      values.push(p.text);
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(row, p.field)) return false;
    let v: unknown;
    try {
      v = (row as Record<string, unknown>)[p.field];
    } catch {
      return false;
    }
    if (typeof v !== 'string') return false;
    values.push(v);
  }
  for (const v of values) out.push(v);
  return true;
}
