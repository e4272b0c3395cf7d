/**
 * loader.ParseYAML (docker/cli v28.2.2) with go-yaml v3 semantics on top of the `yaml` package:
 * plain scalars resolved as yaml.v3 resolves them (only true/false booleans, `0777` octal,
 * `1_000`, 0x/0o/0b ints, timestamps), anchors, `<<` merge keys (explicit keys win, then the
 * first merged map), duplicate keys reported as yaml.v3 reports them, and a mapping at the top.
 * Load this module lazily: it imports `yaml`.
 */
import { Alias, type Document, LineCounter, type Node, Pair, Scalar, YAMLError, YAMLMap, YAMLSeq, isAlias, isMap, isScalar, isSeq, parseAllDocuments, visit } from 'yaml';
import { GoFloat } from './gofloat.ts';
import { ComposeError } from './interpolate.ts';

/** A YAML timestamp (yaml.v3 decodes unquoted timestamps into time.Time). */
export class YamlTimestamp {
  constructor(
    /** time.Time.Format(time.RFC3339Nano), how yaml.v3 and encoding/json write it. */
    readonly rfc3339: string,
    /** time.Time.String(), how fmt.Sprint writes it. */
    readonly goString: string,
  ) {}
  toJSON(): string {
    return this.rfc3339;
  }
}

/**
 * A mapping with a key that is not a string: yaml.v3 decodes it into map[interface{}]interface{},
 * which docker's loader cannot validate (encoding/json refuses it).
 */
export class NonStringKeyMap {
  constructor(readonly entries: Record<string, unknown>) {}
}

/** A YAML float (yaml.v3 float64), kept apart from ints only where Go prints them differently. */
export type Resolved = { tag: 'null' | 'bool' | 'int' | 'float' | 'str' | 'timestamp' | 'merge'; value: unknown };

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -9223372036854775808n;
const UINT64_MAX = 18446744073709551615n;

/** strconv.ParseInt/ParseUint(s, 0, 64) after the underscores were removed. */
function parseGoInt(s: string): bigint | undefined {
  let neg = false;
  let t = s;
  if (t.startsWith('+') || t.startsWith('-')) {
    neg = t[0] === '-';
    t = t.slice(1);
  }
  let v: bigint;
  if (/^0[xX][0-9a-fA-F]+$/.test(t)) v = BigInt(t);
  else if (/^0[bB][01]+$/.test(t)) v = BigInt(`0b${t.slice(2)}`);
  else if (/^0[oO][0-7]+$/.test(t)) v = BigInt(`0o${t.slice(2)}`);
  else if (/^0[0-7]+$/.test(t)) v = BigInt(`0o${t.slice(1)}`);
  else if (/^(0|[1-9][0-9]*)$/.test(t)) v = BigInt(t);
  else return undefined;
  if (neg) v = -v;
  if (v < INT64_MIN || v > UINT64_MAX || (neg && v < INT64_MIN)) return undefined;
  return v;
}

function parseTimestamp(s: string): YamlTimestamp | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]| )(\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})?)?$/.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, se, frac, zone] = m;
  const p2 = (x: string | undefined): string => (x ?? '0').padStart(2, '0');
  // Space-separated times carry no zone; the T forms need one.
  if (h !== undefined && s.includes(' ') === (zone !== undefined)) return undefined;
  if (h !== undefined && !s.includes(' ') && zone === undefined) return undefined;
  const fracDigits = frac ? frac.slice(1).replace(/0+$/, '') : '';
  const z = zone === undefined || zone === 'Z' || zone === '+00:00' ? 'Z' : zone;
  const date = `${y}-${p2(mo)}-${p2(d)}`;
  const time = `${p2(h)}:${p2(mi)}:${p2(se)}`;
  const rfc = `${date}T${time}${fracDigits ? `.${fracDigits}` : ''}${z}`;
  const goZone = z === 'Z' ? '+0000 UTC' : `${z.replace(':', '')} ${z.replace(':', '')}`;
  const goStr = `${date} ${time}${fracDigits ? `.${fracDigits}` : ''} ${goZone}`;
  return new YamlTimestamp(rfc, goStr);
}

/** yaml.v3 resolve("", s) for a plain scalar. */
export function resolvePlain(s: string): Resolved {
  switch (s) {
    case 'true':
    case 'True':
    case 'TRUE':
      return { tag: 'bool', value: true };
    case 'false':
    case 'False':
    case 'FALSE':
      return { tag: 'bool', value: false };
    case '':
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return { tag: 'null', value: null };
    case '.nan':
    case '.NaN':
    case '.NAN':
      return { tag: 'float', value: new GoFloat(NaN) };
    case '.inf':
    case '.Inf':
    case '.INF':
    case '+.inf':
    case '+.Inf':
    case '+.INF':
      return { tag: 'float', value: new GoFloat(Infinity) };
    case '-.inf':
    case '-.Inf':
    case '-.INF':
      return { tag: 'float', value: new GoFloat(-Infinity) };
    case '<<':
      return { tag: 'merge', value: '<<' };
  }
  const c = s[0] ?? '';
  if (c === '.') {
    if (/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s)) return { tag: 'float', value: new GoFloat(Number(s)) };
    return { tag: 'str', value: s };
  }
  if (c === '+' || c === '-' || (c >= '0' && c <= '9')) {
    const ts = parseTimestamp(s);
    if (ts) return { tag: 'timestamp', value: ts };
    const plain = s.replace(/_/g, '');
    const i = parseGoInt(plain);
    if (i !== undefined) return { tag: 'int', value: Number.isSafeInteger(Number(i)) ? Number(i) : i };
    if (YAML_STYLE_FLOAT.test(plain)) return { tag: 'float', value: new GoFloat(Number(plain)) };
  }
  return { tag: 'str', value: s };
}

function lineOf(lc: LineCounter, node: { range?: [number, number, number] | null } | null | undefined): number {
  const off = node?.range?.[0] ?? 0;
  return lc.linePos(off).line;
}

/** "line N: " as yaml.v3 writes it: N is 0-based and left out when it is 0. */
function where(line0: number): string {
  return line0 > 0 ? `line ${line0}: ` : '';
}

/** A scanner error's "line N: ": yaml.v3 adds one to a 0-based line that is not 0. */
function scannerWhere(line0: number): string {
  return where(line0 === 0 ? 0 : line0 + 1);
}

/** The 0-based line of an offset. */
function line0Of(source: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset && i < source.length; i++) if (source[i] === '\n') n++;
  return n;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

const blank = (l: string): boolean => l.trim() === '' || l.trim().startsWith('#');

/** The first line of the block at `indent` that contains line `from` (scanning upwards). */
function blockStart(lines: string[], from: number, indent: number): number {
  let start = from;
  for (let j = from - 1; j >= 0; j--) {
    const l = lines[j] ?? '';
    if (blank(l)) continue;
    const li = indentOf(l);
    if (li < indent) break;
    if (li === indent) start = j;
  }
  return start;
}

/**
 * The context yaml.v3 names for a mis-indented line: the block collection it was parsing when
 * the line came (a sequence of `-` items at the same indentation, else the mapping of the
 * nearest less or equally indented line), by its first line.
 */
function indentContext(lines: string[], bad: number): { line0: number; seq: boolean } {
  const ind = indentOf(lines[bad] ?? '');
  const badIsItem = (lines[bad] ?? '').trimStart().startsWith('-');
  for (let i = bad - 1; i >= 0; i--) {
    const l = lines[i] ?? '';
    if (blank(l)) continue;
    const li = indentOf(l);
    if (li > ind) continue;
    if (li === ind && l.trimStart().startsWith('-') && !badIsItem) return { line0: blockStart(lines, i, ind), seq: true };
    return { line0: blockStart(lines, i, li), seq: false };
  }
  return { line0: 0, seq: false };
}

/** The last unmatched opening bracket before an offset (flow collections). */
function openBracket(source: string, end: number, open: string): number {
  const stack: number[] = [];
  let quote = '';
  for (let i = 0; i < end && i < source.length; i++) {
    const c = source[i] ?? '';
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') stack.push(i);
    else if ((c === ']' || c === '}') && stack.length > 0) stack.pop();
  }
  for (let k = stack.length - 1; k >= 0; k--) if (source[stack[k] ?? 0] === open) return stack[k] ?? 0;
  return stack[stack.length - 1] ?? 0;
}

/** yaml.v3's message for the first parse error the `yaml` package reports. */
function syntaxMessage(source: string, errors: readonly YAMLError[]): string {
  const err = errors[0] as YAMLError;
  const at = err.pos[0];
  const l0 = line0Of(source, at);
  const msg = err.message;
  switch (err.code) {
    case 'MISSING_CHAR':
      if (/quote/.test(msg)) {
        const q = Math.max(source.lastIndexOf('"', at - 1), source.lastIndexOf("'", at - 1));
        const ql = line0Of(source, q);
        return `yaml: ${scannerWhere(ql === 0 ? line0Of(source, source.length) : ql)}found unexpected end of stream`;
      }
      return `yaml: ${scannerWhere(l0)}could not find expected ':'`;
    case 'BAD_INDENT': {
      if (/Flow sequence/.test(msg)) return `yaml: ${where(line0Of(source, openBracket(source, at, '[')))}did not find expected ',' or ']'`;
      if (/Flow map/.test(msg)) return `yaml: ${where(line0Of(source, openBracket(source, at, '{')))}did not find expected ',' or '}'`;
      const ctx = indentContext(source.split('\n'), l0);
      return `yaml: ${where(ctx.line0 || l0)}did not find expected ${ctx.seq ? "'-' indicator" : 'key'}`;
    }
    case 'UNEXPECTED_TOKEN': {
      // Trailing text after a value: the mapping that holds the line is the context.
      const lines = source.split('\n');
      return `yaml: ${where(blockStart(lines, l0, indentOf(lines[l0] ?? '')) || l0)}did not find expected key`;
    }
    case 'MULTILINE_IMPLICIT_KEY':
      return `yaml: ${scannerWhere(line0Of(source, err.pos[1]))}mapping values are not allowed in this context`;
    case 'BLOCK_AS_IMPLICIT_KEY': {
      if (/block sequence/.test(msg)) {
        const ctx = indentContext(source.split('\n'), l0);
        return `yaml: ${where(ctx.line0 || l0)}did not find expected key`;
      }
      const next = errors[1];
      const colon = next && next.code === 'MULTILINE_IMPLICIT_KEY' ? line0Of(source, next.pos[1]) : l0;
      return `yaml: ${scannerWhere(colon)}mapping values are not allowed in this context`;
    }
    case 'TAB_AS_INDENT':
    case 'BAD_SCALAR_START':
      return `yaml: ${scannerWhere(l0)}found character that cannot start any token`;
    case 'BAD_DQ_ESCAPE':
      return `yaml: ${scannerWhere(l0)}found unknown escape character`;
    default:
      return `yaml: ${scannerWhere(l0)}${(msg.split(' at line')[0] ?? msg).replace(/^./, (c) => c.toLowerCase())}`;
  }
}

class Builder {
  readonly dupErrors: string[] = [];
  /** The anchored nodes being expanded (an alias inside its own anchor is an error). */
  private readonly expanding = new Set<unknown>();
  constructor(
    readonly doc: Document,
    readonly lc: LineCounter,
  ) {}

  value(node: unknown): unknown {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = (node as Alias).resolve(this.doc);
      if (!target) throw new ComposeError(`yaml: unknown anchor '${(node as Alias).source}' referenced`);
      if (this.expanding.has(target)) throw new ComposeError(`yaml: anchor '${(node as Alias).source}' value contains itself`);
      return this.value(target);
    }
    if ((isMap(node) || isSeq(node)) && (node as YAMLMap).anchor) {
      this.expanding.add(node);
      try {
        return isSeq(node) ? (node as YAMLSeq).items.map((i) => this.value(i)) : this.map(node as YAMLMap);
      } finally {
        this.expanding.delete(node);
      }
    }
    if (isScalar(node)) return this.scalar(node as Scalar);
    if (isSeq(node)) return (node as YAMLSeq).items.map((i) => this.value(i));
    if (isMap(node)) return this.map(node as YAMLMap);
    return null;
  }

  scalar(n: Scalar): unknown {
    const text = String(n.value ?? '');
    const tag = n.tag;
    if (tag) {
      const short = tag.replace('tag:yaml.org,2002:', '!!');
      if (short === '!!str') return text;
      const r = resolvePlain(text);
      return r.value;
    }
    if (n.type === 'PLAIN' || n.type === undefined) return resolvePlain(text).value;
    return text;
  }

  keyString(k: unknown): string {
    if (isScalar(k)) {
      const v = this.scalar(k as Scalar);
      if (v === null) return '';
      if (v instanceof YamlTimestamp) return v.goString;
      return String(v);
    }
    return String(this.value(k));
  }

  isMergeKey(k: unknown): boolean {
    return isScalar(k) && ((k as Scalar).type === 'PLAIN' || (k as Scalar).type === undefined) && (k as Scalar).value === '<<' && !(k as Scalar).tag;
  }

  map(m: YAMLMap): Record<string, unknown> | NonStringKeyMap {
    const out: Record<string, unknown> = {};
    let stringKeys = true;
    const merges: unknown[] = [];
    // yaml.v3 checks the keys of a mapping (by kind and source text) before decoding its values.
    const keys = m.items.map((item) => {
      const k = (item as Pair).key;
      const raw = isScalar(k) ? { kind: 'scalar', text: String((k as Scalar).value ?? '') } : { kind: 'other', text: '' };
      return { ...raw, line: lineOf(this.lc, k as Node) };
    });
    const before = this.dupErrors.length;
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const a = keys[i];
        const b = keys[j];
        if (a && b && a.kind === 'scalar' && b.kind === 'scalar' && a.text === b.text) {
          this.dupErrors.push(`  line ${b.line}: mapping key ${JSON.stringify(b.text)} already defined at line ${a.line}`);
        }
      }
    }
    // A mapping with duplicate keys is not decoded further.
    if (this.dupErrors.length > before) return out;
    for (const item of m.items) {
      const pair = item as Pair;
      if (this.isMergeKey(pair.key)) {
        merges.push(pair.value);
        continue;
      }
      if (isScalar(pair.key) && typeof this.scalar(pair.key as Scalar) !== 'string') stringKeys = false;
      else if (!isScalar(pair.key) && !isAlias(pair.key)) stringKeys = false;
      const key = this.keyString(pair.key);
      if (key in out) continue;
      out[key] = this.value(pair.value);
    }
    for (const mv of merges) {
      const node = isAlias(mv) ? (mv as Alias).resolve(this.doc) : mv;
      const maps = isSeq(node) ? (node as YAMLSeq).items.map((i) => (isAlias(i) ? (i as Alias).resolve(this.doc) : i)) : [node];
      for (const mm of maps) {
        const v = this.value(mm);
        if (v === null || typeof v !== 'object' || Array.isArray(v)) {
          throw new ComposeError('yaml: map merge requires map or sequence of maps as the value');
        }
        for (const [k, val] of Object.entries(v as Record<string, unknown>)) if (!(k in out)) out[k] = val;
      }
    }
    return stringKeys ? out : new NonStringKeyMap(out);
  }
}

/**
 * Double-quoted escapes libyaml and the `yaml` package disagree on: libyaml accepts `\'` (an
 * apostrophe), which the `yaml` package refuses, and refuses `\/` (YAML 1.2), which it accepts.
 * Returns the offset of a `\'` to rewrite, or throws for a `\/`.
 */
function checkEscapes(source: string, doc: Document): void {
  visit(doc, {
    Scalar(_key, node) {
      if (node.type !== 'QUOTE_DOUBLE' || !node.range) return;
      const raw = source.slice(node.range[0], node.range[1]);
      for (let i = 0; i < raw.length; i++) {
        if (raw[i] !== '\\') continue;
        if (raw[i + 1] === '/') {
          throw new ComposeError(`yaml: ${scannerWhere(line0Of(source, node.range[0]))}found unknown escape character`);
        }
        i++;
      }
    },
  });
}

/** Whether a block line's value is a plain scalar (`key: value`, `- value`, `value`). */
function endsWithPlainScalar(line: string): boolean {
  let t = line.trim().replace(/\s+#.*$/, '');
  while (t.startsWith('- ')) t = t.slice(2).trimStart();
  const colon = t.search(/:(\s|$)/);
  if (colon >= 0 && !/^['"]/.test(t)) t = t.slice(colon + 1).trim();
  if (t === '' || t === '-') return false;
  return !/^['"[{|>&*!#%@`]/.test(t);
}

/** Where a line leaves flow collections and quoted scalars (they may span lines). */
interface FlowState {
  depth: number;
  quote: string;
}

/** Advances st over one line: quotes (with their escapes), `[`/`{` nesting, `#` comments. */
function scanFlow(l: string, st: FlowState): void {
  for (let k = 0; k < l.length; k++) {
    const c = l[k] ?? '';
    if (st.quote === '"') {
      if (c === '\\') k++;
      else if (c === '"') st.quote = '';
      continue;
    }
    if (st.quote === "'") {
      if (c === "'" && l[k + 1] === "'") k++;
      else if (c === "'") st.quote = '';
      continue;
    }
    if (c === '#' && (k === 0 || /\s/.test(l[k - 1] ?? ''))) return;
    if ((c === '"' || c === "'") && (k === 0 || /[\s[{,:]/.test(l[k - 1] ?? ''))) st.quote = c;
    else if (c === '[' || c === '{') st.depth++;
    else if ((c === ']' || c === '}') && st.depth > 0) st.depth--;
  }
}

/**
 * libyaml's checks on tabs in block context that the `yaml` package does not make: a tab where
 * a line's first token would start is "found character that cannot start any token", and, after
 * a plain scalar, a tab left of the block's indentation "violates indentation" (reported at
 * the scalar). Returns yaml.v3's message and the 0-based line it is about, or undefined.
 */
function tabError(source: string): { line0: number; message: string } | undefined {
  const lines = source.split(/\r?\n/);
  let blockScalarIndent = -1;
  let blockContentIndent = -1;
  let blockHeader = 0;
  let prev = -1;
  // Flow collections and quoted scalars may span lines; tabs inside them are whitespace.
  const flow: FlowState = { depth: 0, quote: '' };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (flow.depth > 0 || flow.quote !== '') {
      scanFlow(l, flow);
      prev = -1;
      continue;
    }
    const ind = indentOf(l.replace(/\t.*$/, (m) => (m.trim() === '' ? '' : m)));
    if (blockScalarIndent >= 0) {
      // Inside a block scalar a tab may not stand where the content's indentation goes.
      const lead = /^[ \t]*/.exec(l)?.[0] ?? '';
      const tabAt = lead.indexOf('\t');
      if (tabAt >= 0 && (blockContentIndent < 0 || tabAt < blockContentIndent)) {
        // Reported with the block scalar's header as the context.
        return { line0: blockHeader, message: 'found a tab character where an indentation space is expected' };
      }
      if (l.trim() === '') continue;
      if (indentOf(l) > blockScalarIndent) {
        if (blockContentIndent < 0) blockContentIndent = indentOf(l);
        continue;
      }
      blockScalarIndent = -1;
    }
    const m = /^( *)\t/.exec(l);
    if (m) {
      const col = (m[1] ?? '').length;
      const p = prev >= 0 ? (lines[prev] ?? '') : '';
      const plain = prev >= 0 && endsWithPlainScalar(p);
      if (plain && col < indentOf(p) + 1) {
        return { line0: prev === 0 ? i : prev, message: 'found a tab character that violates indentation' };
      }
      if (!plain) return { line0: i, message: 'found character that cannot start any token' };
      continue;
    }
    if (l.trim() === '') continue;
    if (l.trim().startsWith('#')) {
      prev = -1;
      continue;
    }
    if (/[|>][-+0-9]*\s*(#.*)?$/.test(l) && /(^|:\s|-\s)[|>][-+0-9]*\s*(#.*)?$/.test(l.trim())) {
      blockScalarIndent = ind;
      blockContentIndent = -1;
      blockHeader = i;
    }
    scanFlow(l, flow);
    prev = flow.depth > 0 || flow.quote !== '' ? -1 : i;
  }
  return undefined;
}

/**
 * libyaml takes tabs as whitespace on the continuation lines of flow collections and quoted
 * scalars, where the `yaml` package wants indentation: give it spaces (values do not change,
 * line numbers stay).
 */
function untabContinuations(source: string): string {
  if (!source.includes('\t')) return source;
  const lines = source.split('\n');
  const flow: FlowState = { depth: 0, quote: '' };
  let openerIndent = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? '';
    const inside = flow.depth > 0 || flow.quote !== '';
    if (inside && /^[ \t]*\t/.test(l)) lines[i] = ' '.repeat(openerIndent + 2) + l.replace(/^[ \t]+/, '');
    if (!inside) openerIndent = indentOf(l);
    scanFlow(l, flow);
  }
  return lines.join('\n');
}

/** loader.ParseYAML: the file's top-level mapping, or docker's error (ComposeError). */
export function parseYAML(source0: string): Record<string, unknown> {
  let source = untabContinuations(source0);
  let lc = new LineCounter();
  let doc: Document | undefined;
  for (let attempt = 0; ; attempt++) {
    lc = new LineCounter();
    // yaml.v3's Unmarshal decodes the first document only.
    const docs = parseAllDocuments(source, { schema: 'failsafe', uniqueKeys: false, lineCounter: lc, strict: false });
    doc = Array.isArray(docs) ? docs[0] : undefined;
    if (!doc) throw new ComposeError('top-level object must be a mapping');
    const esc = doc.errors.find((e) => e.code === 'BAD_DQ_ESCAPE' && /\\'/.test(e.message));
    if (!esc || attempt > 1000) break;
    // libyaml reads `\'` as an apostrophe: give the `yaml` package a plain one (same lines).
    const at = source.indexOf("\\'", esc.pos[0]);
    if (at < 0) break;
    source = `${source.slice(0, at)}'${source.slice(at + 2)}`;
  }
  const tab = tabError(source);
  if (tab && (doc.errors.length === 0 || line0Of(source, doc.errors[0]?.pos[0] ?? 0) >= tab.line0)) {
    throw new ComposeError(`yaml: ${scannerWhere(tab.line0)}${tab.message}`);
  }
  if (doc.errors.length > 0) throw new ComposeError(syntaxMessage(source, doc.errors));
  checkEscapes(source, doc);
  const b = new Builder(doc, lc);
  const top = doc.contents;
  if (top === null || !isMap(top)) {
    // Still report an unknown anchor before the shape.
    b.value(top);
    throw new ComposeError('top-level object must be a mapping');
  }
  // A key that is not a string makes yaml.v3 decode into map[interface{}]interface{}.
  for (const item of (top as YAMLMap).items) {
    const k = (item as Pair).key;
    if (isScalar(k) && !b.isMergeKey(k) && typeof b.scalar(k as Scalar) !== 'string') {
      b.value(top);
      if (b.dupErrors.length > 0) break;
      throw new ComposeError('top-level object must be a mapping');
    }
  }
  const value = b.value(top) as Record<string, unknown>;
  if (b.dupErrors.length > 0) throw new ComposeError(`yaml: unmarshal errors:\n${b.dupErrors.join('\n')}`);
  return value;
}

