/**
 * docker's --format layer (cli/command/formatter/formatter.go, templates/templates.go):
 * turn a --format value, row contexts and a header map into the bytes docker prints.
 *
 *   renderFormat({format, rows, header})   list commands: table / table TMPL / json / TMPL
 *   resolveFormat(source, quiet, defaults) a command's NewFormat (table/raw/quiet mapping)
 *   executeInspectTemplate(src, objects)   inspect -f: template per object, verbatim
 *
 * Errors are thrown as FormatError whose message is docker's ("template parsing error: ...").
 */
import { goType } from './govalue.ts';
import { Tabwriter } from './tabwriter.ts';
import {
  appendFieldRow,
  TemplateExecError,
  TemplateParseError,
  dockerFuncs,
  goMapElem,
  headerFuncs,
  parseDockerTemplate,
  type DockerFuncsVersion,
  type Template,
} from './template/index.ts';

/** A template error as docker reports it; `parse` tells parse errors from execution errors. */
export class FormatError extends Error {
  constructor(
    message: string,
    readonly parse: boolean,
  ) {
    super(message);
    this.name = 'FormatError';
  }
}

export const TABLE_FORMAT_KEY = 'table';
export const RAW_FORMAT_KEY = 'raw';
export const PRETTY_FORMAT_KEY = 'pretty';
export const JSON_FORMAT_KEY = 'json';
export const DEFAULT_QUIET_FORMAT = '{{.ID}}';
export const JSON_FORMAT = '{{json .}}';

/**
 * formatter.SubHeaderContext: a map[string]string of column titles whose Label method turns a
 * label key into a title ("com.example.foo-bar" → "foo bar"), for `table {{.Label "k"}}`.
 */
export class SubHeaderContext extends Map<string, string> {
  readonly [goType] = 'formatter.SubHeaderContext';
  readonly [goMapElem] = 'string';

  /** The last dot-separated part of name, with '-' and '_' as spaces. */
  Label(name: string): string {
    const parts = String(name).split('.');
    return (parts[parts.length - 1] ?? '').replace(/[-_]/g, ' ');
  }
}

/** Build a header map from plain key → title pairs. */
export function headerContext(titles: Readonly<Record<string, string>>): SubHeaderContext {
  return new SubHeaderContext(Object.entries(titles));
}

/** Whether a format is a table format (docker: strings.HasPrefix(format, "table")). */
export function isTableFormat(format: string): boolean {
  return format.startsWith(TABLE_FORMAT_KEY);
}

/** Whether a format is the json shortcut (exactly "json"). */
export function isJSONFormat(format: string): boolean {
  return format === JSON_FORMAT_KEY;
}

/**
 * formatter.Context.preFormat: the template text docker parses for a list format. Drops a
 * leading "table", maps "json" to {{json .}}, trims spaces (only U+0020) at both ends and
 * replaces the two-character sequences \t and \n with a tab and a newline.
 */
export function templateText(format: string): string {
  let f = format;
  if (isTableFormat(f)) f = f.slice(TABLE_FORMAT_KEY.length);
  else if (isJSONFormat(f)) f = JSON_FORMAT;
  f = f.replace(/^ +| +$/g, '');
  return f.replace(/\\[tn]/g, (m) => (m === '\\t' ? '\t' : '\n'));
}

/** The format sources a command maps "table", "raw" and -q to (its NewFormat). */
export interface FormatDefaults {
  /** The default table format, e.g. "table {{.ID}}\t{{.Name}}". */
  readonly table: string;
  /** The quiet format (docker's default is {{.ID}}). */
  readonly quiet?: string;
  /** The raw format and its quiet variant, for commands that have one. */
  readonly raw?: string;
  readonly rawQuiet?: string;
}

/**
 * A command's NewFormat: "table" → the default table (or the quiet format with -q), "raw" →
 * the raw format (quiet variant with -q); anything else is used as given.
 */
export function resolveFormat(source: string, quiet: boolean, defaults: FormatDefaults): string {
  if (source === TABLE_FORMAT_KEY) return quiet ? (defaults.quiet ?? DEFAULT_QUIET_FORMAT) : defaults.table;
  if (source === RAW_FORMAT_KEY && defaults.raw !== undefined) {
    return quiet ? (defaults.rawQuiet ?? defaults.quiet ?? DEFAULT_QUIET_FORMAT) : defaults.raw;
  }
  return source;
}

/** Parse with docker's functions; parse errors become "template parsing error: ...". */
export function parseFormatTemplate(text: string, version: DockerFuncsVersion = 28): Template {
  try {
    return parseDockerTemplate(text, version);
  } catch (e) {
    if (e instanceof TemplateParseError) throw new FormatError(`template parsing error: ${e.message}`, true);
    throw e;
  }
}

function execError(e: unknown): never {
  if (e instanceof TemplateExecError) throw new FormatError(`template parsing error: ${e.message}`, false);
  throw e;
}

/** Input of renderFormat. */
export interface RenderFormatOptions {
  /** The --format value; mapped through resolveFormat when `defaults` is given. */
  readonly format: string;
  /** The command's table/raw/quiet formats (its NewFormat); omit when format is final. */
  readonly defaults?: FormatDefaults;
  /** -q: only changes "table" and "raw" (docker: --format X -q uses X). */
  readonly quiet?: boolean;
  /** Row contexts, in output order. */
  readonly rows: readonly unknown[];
  /** Column titles for table formats (a SubHeaderContext or plain key → title pairs). */
  readonly header?: SubHeaderContext | Readonly<Record<string, string>>;
  /** Tabwriter cell width (default go-runewidth); pass an East-Asian aware one if needed. */
  readonly width?: (text: string) => number;
  /** Which docker's template functions (28 by default). */
  readonly dockerVersion?: DockerFuncsVersion;
}

/**
 * formatter.Context.Write: render every row (each followed by "\n"); for table formats add
 * the header row (the same template executed on the header map with header functions, its
 * errors ignored, as docker does) and align everything with the tabwriter. Nothing is
 * returned on error: FormatError is thrown.
 */
export function renderFormat(opts: RenderFormatOptions): string {
  const format = opts.defaults ? resolveFormat(opts.format, opts.quiet === true, opts.defaults) : opts.format;
  const tmpl = parseFormatTemplate(templateText(format), opts.dockerVersion);
  const buffer: string[] = [];
  // Text-and-fields formats (every default one) print string getters directly.
  const parts = tmpl.fieldParts();
  for (const row of opts.rows) {
    if (parts === undefined || !appendFieldRow(row, parts, buffer)) {
      try {
        tmpl.executeInto(row, buffer);
      } catch (e) {
        execError(e);
      }
    }
    buffer.push('\n');
  }
  if (!isTableFormat(format)) return buffer.join('');

  const header = opts.header instanceof SubHeaderContext ? opts.header : headerContext(opts.header ?? {});
  const headerOut: string[] = [];
  try {
    tmpl.withFuncs(headerFuncs).executeInto(header, headerOut);
  } catch {
    // docker ignores header execution errors and keeps whatever was written.
  }
  const tw = new Tabwriter(opts.width ? { width: opts.width } : {});
  tw.write(headerOut.join(''));
  tw.write('\n');
  tw.write(buffer.join(''));
  tw.flush();
  return tw.output();
}

/** Result of executeInspectTemplate: the bytes to print and the per-object errors. */
export interface InspectResult {
  readonly output: string;
  readonly errors: readonly string[];
}

/** Options of executeInspectTemplate. */
export interface InspectOptions {
  /**
   * The raw-JSON fallback: when the typed object fails, docker decodes the object's raw JSON
   * (numbers as json.Number) and executes again with missingkey=error. Return undefined when
   * there is no raw body for object i.
   */
  readonly raw?: (index: number) => unknown;
  readonly dockerVersion?: DockerFuncsVersion;
}

/**
 * inspect.TemplateInspector: parse src verbatim (no \t replacement), execute per object, each
 * output followed by "\n"; a failing object adds an error and prints nothing; when nothing at
 * all was printed the output is a single "\n". Parse errors throw FormatError (docker exits 64
 * for `network inspect`, 1 elsewhere).
 */
export function executeInspectTemplate(src: string, objects: readonly unknown[], opts: InspectOptions = {}): InspectResult {
  const tmpl = parseFormatTemplate(src, opts.dockerVersion);
  let out = '';
  const errors: string[] = [];
  objects.forEach((obj, i) => {
    try {
      out += tmpl.execute(obj) + '\n';
      return;
    } catch (e) {
      if (!(e instanceof TemplateExecError)) throw e;
      const raw = opts.raw?.(i);
      if (raw === undefined) {
        errors.push(`template parsing error: ${e.message}`);
        return;
      }
    }
    try {
      out += tmpl.withMissingKey('error').execute(opts.raw?.(i)) + '\n';
    } catch (e2) {
      if (!(e2 instanceof TemplateExecError)) throw e2;
      errors.push(`template parsing error: ${e2.message}`);
    }
  });
  return { output: out === '' ? '\n' : out, errors };
}

export { dockerFuncs };
