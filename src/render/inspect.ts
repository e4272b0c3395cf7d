/**
 * docker's inspect machinery (cli/command/inspect/inspector.go, docker 28), shared by the
 * `inspect` commands:
 *
 *  - no format: the objects as an indented JSON array (4 spaces) — the daemon's raw bodies
 *    re-indented when the command keeps them (config, secret, network), else the typed Go
 *    value marshalled again (node, service: their getRef returns no raw body);
 *  - "json": the same array compacted on one line;
 *  - any other text: a Go template executed per object against the typed value, verbatim (no
 *    \t replacement); when that fails and a raw body exists, again against the raw JSON
 *    (numbers kept as json.Number) with missingkey=error.
 *
 * Objects that cannot be fetched are collected as errors; what was found is still printed.
 * Pure apart from the getRef callback the caller supplies.
 */
import { StatusError } from '../errors.ts';
import { FormatError, parseFormatTemplate } from './format.ts';
import { jsonCompact, jsonIndent } from './jsonindent.ts';
import { decodeJSONUseNumber, marshalJSON, TemplateExecError, type Template } from './template/index.ts';

/** One inspected object: its typed value (see typed()) and, when the command keeps it, the raw body. */
export interface InspectElement {
  readonly value: unknown;
  readonly raw?: string;
}

/** Exit status of a template that does not parse (`network inspect` keeps it; others exit 1). */
export const INSPECT_PARSE_STATUS = 64;

/** inspect.Inspector: collects objects, then flushes the bytes to print. */
export interface Inspector {
  /** Adds an object; returns the error message when the template fails on it. */
  inspect(el: InspectElement): string | undefined;
  /** What docker writes to stdout at the end. */
  flush(): string;
}

class JSONInspector implements Inspector {
  private readonly elements: unknown[] = [];
  private readonly raws: string[] = [];
  constructor(private readonly indent: boolean) {}

  inspect(el: InspectElement): undefined {
    if (el.raw !== undefined) this.raws.push(el.raw);
    else this.elements.push(el.value);
    return undefined;
  }

  flush(): string {
    if (this.elements.length === 0 && this.raws.length === 0) return '[]\n';
    // Raw bodies win: typed-only elements are dropped when any raw body exists (as in docker).
    const text = this.raws.length > 0 ? `[${this.raws.join(',')}]` : marshalJSON(this.elements, true);
    return `${this.indent ? jsonIndent(text, '', '    ') : jsonCompact(text)}\n`;
  }
}

class TemplateInspector implements Inspector {
  private buffer = '';
  constructor(private readonly tmpl: Template) {}

  inspect(el: InspectElement): string | undefined {
    let out: string;
    try {
      out = this.tmpl.execute(el.value);
    } catch (e) {
      if (!(e instanceof TemplateExecError)) throw e;
      if (el.raw === undefined) return `template parsing error: ${e.message}`;
      let decoded: unknown;
      try {
        decoded = decodeJSONUseNumber(el.raw);
      } catch (d) {
        return `unable to read inspect data: ${d instanceof Error ? d.message : String(d)}`;
      }
      try {
        out = this.tmpl.withMissingKey('error').execute(decoded);
      } catch (e2) {
        if (!(e2 instanceof TemplateExecError)) throw e2;
        return `template parsing error: ${e2.message}`;
      }
    }
    this.buffer += `${out}\n`;
    return undefined;
  }

  flush(): string {
    return this.buffer === '' ? '\n' : this.buffer;
  }
}

/**
 * NewTemplateInspectorFromString: "" → indented JSON, "json" → compact JSON, else a template
 * (used verbatim). A template that does not parse throws StatusError with status 64.
 */
export function createInspector(format: string): Inspector {
  if (format === '') return new JSONInspector(true);
  if (format === 'json') return new JSONInspector(false);
  try {
    return new TemplateInspector(parseFormatTemplate(format));
  } catch (e) {
    if (e instanceof FormatError) throw new StatusError(e.message, INSPECT_PARSE_STATUS);
    throw e;
  }
}

/** The outcome of inspecting refs: stdout text, and the error messages in ref order. */
export interface InspectRun {
  readonly output: string;
  readonly errors: readonly string[];
}

/**
 * inspect.Inspect: fetch each ref in order with getRef (a rejection is collected as an error
 * message), inspect what was found, flush. The template is parsed before anything is fetched.
 */
export async function inspectRefs(
  refs: readonly string[],
  format: string,
  getRef: (ref: string) => Promise<InspectElement>,
): Promise<InspectRun> {
  const inspector = createInspector(format);
  const errors: string[] = [];
  for (const ref of refs) {
    let el: InspectElement;
    try {
      el = await getRef(ref);
    } catch (e) {
      errors.push(e instanceof Error ? e.message : String(e));
      continue;
    }
    const err = inspector.inspect(el);
    if (err !== undefined) errors.push(err);
  }
  return { output: inspector.flush(), errors };
}

/** The error docker exits with after printing an InspectRun (errors joined by "\n", exit 1). */
export function inspectFailure(run: InspectRun): StatusError | undefined {
  return run.errors.length > 0 ? new StatusError(run.errors.join('\n'), 1) : undefined;
}
