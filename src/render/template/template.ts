/**
 * The Template object: text/template's New(name).Funcs(...).Option(...).Parse(src), plus
 * Execute. A Template is immutable; withFuncs returns a copy with replaced functions (what
 * docker does with tmpl.Funcs(HeaderFunctions) before rendering a table header).
 */
import { builtins, type FuncMap } from './funcs.ts';
import { State, type ExecTemplate, type MissingKey } from './exec.ts';
import type { ListNode } from './nodes.ts';
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

  /** Execute the template called `name` in this set (Go's ExecuteTemplate). */
  executeTemplate(name: string, data: unknown): string {
    if (!this.trees.has(name)) {
      throw new Error(`template: no template "${name}" associated with template "${this.name}"`);
    }
    const t = new Template(name, this.source, this.parseName, this.trees, this.funcs, this.missingKey);
    return t.execute(data);
  }
}
