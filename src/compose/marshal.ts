/**
 * The `stack config` output: yaml.v3 Encoder (indent 2) writing the Go types of
 * cli/compose/types (v28.2.2): fields in struct order under their yaml tag (else the
 * lower-cased Go name), omitempty, the types' MarshalYAML methods (Duration, UnitBytes,
 * External, UlimitsConfig, Services), map keys in yaml.v3's order, and yaml.v3's choice of
 * plain, single-quoted, double-quoted or literal scalars.
 */
import { formatDuration } from '../render/duration.ts';
import * as D from './fields.ts';
import type { FieldType, StructDesc } from './fields.ts';
import { isMap } from './interpolate.ts';
import { formatFloat } from '../go/strconv.ts';
import { GoFloat } from './gofloat.ts';
import { YamlTimestamp, resolvePlain } from './parse.ts';
import type { Config } from './types.ts';

type YNode =
  | { readonly kind: 'map'; readonly entries: ReadonlyArray<readonly [string, YNode]> }
  | { readonly kind: 'seq'; readonly items: readonly YNode[] }
  /** A non-string scalar written as is (ints, bools, null, timestamps). */
  | { readonly kind: 'raw'; readonly text: string }
  | { readonly kind: 'str'; readonly value: string };

type Dict = Record<string, unknown>;

// ---- yaml.v3 key order (sorter.go keyList.Less for string keys) ----

const isDigit = (c: string): boolean => /^\p{Nd}$/u.test(c);
const isLetter = (c: string): boolean => /^\p{L}$/u.test(c);

export function yamlKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  let digits = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i] as string;
    const bc = br[i] as string;
    if (ac === bc) {
      digits = isDigit(ac);
      continue;
    }
    const al = isLetter(ac);
    const bl = isLetter(bc);
    if (al && bl) return (ac.codePointAt(0) ?? 0) < (bc.codePointAt(0) ?? 0);
    if (al || bl) return digits ? al : bl;
    let an = 0n;
    let bn = 0n;
    if (ac === '0' || bc === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j] as string); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai] as string); ai++) an = an * 10n + BigInt((ar[ai] as string).charCodeAt(0) - 48);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi] as string); bi++) bn = bn * 10n + BigInt((br[bi] as string).charCodeAt(0) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return (ac.codePointAt(0) ?? 0) < (bc.codePointAt(0) ?? 0);
  }
  return ar.length < br.length;
}

function sortedKeys(m: Dict): string[] {
  return Object.keys(m).sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0));
}

// ---- numbers ----

/** A Go float64 as yaml.v3 writes it. */
function floatNode(n: number): YNode {
  const s = formatFloat(n, 'g', -1, 64);
  return { kind: 'raw', text: s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s };
}

// ---- Go values to nodes ----

/** yaml.v3 isZero for a Go value of type t. */
function isZero(t: FieldType, v: unknown): boolean {
  if (v === undefined || v === null) return true;
  switch (t.k) {
    case 'string':
      return v === '';
    case 'bool':
      return v === false;
    case 'int':
    case 'float32':
    case 'duration':
    case 'bytes':
      return v === 0;
    case 'ptr':
      return false;
    case 'strings':
    case 'slice':
      return (v as unknown[]).length === 0;
    case 'mapSS':
    case 'mapEq':
    case 'map':
    case 'extras':
    case 'any':
      return isMap(v) ? Object.keys(v).length === 0 : false;
    case 'struct':
      if (t.ptr) return false;
      return t.s.fields.every((f) => isZero(f.t, (v as Dict)[f.go]));
    case 'external':
      return !(v as Dict)['Name'] && !(v as Dict)['External'];
  }
}

function anyNode(v: unknown): YNode {
  if (v === null || v === undefined) return { kind: 'raw', text: 'null' };
  if (typeof v === 'string') return { kind: 'str', value: v };
  if (typeof v === 'boolean') return { kind: 'raw', text: String(v) };
  if (typeof v === 'number') return Number.isInteger(v) ? { kind: 'raw', text: v.toFixed(0) } : floatNode(v);
  if (typeof v === 'bigint') return { kind: 'raw', text: v.toString() };
  if (v instanceof GoFloat) return floatNode(v.value);
  if (v instanceof YamlTimestamp) return { kind: 'raw', text: v.rfc3339 };
  if (Array.isArray(v)) return { kind: 'seq', items: v.map(anyNode) };
  if (isMap(v)) return { kind: 'map', entries: sortedKeys(v).map((k) => [k, anyNode(v[k])] as const) };
  return { kind: 'str', value: String(v) };
}

function valueNode(t: FieldType, v: unknown): YNode {
  if (v === undefined || v === null) {
    // A zero Go value that is written anyway.
    switch (t.k) {
      case 'string':
        return { kind: 'str', value: '' };
      case 'bool':
        return { kind: 'raw', text: 'false' };
      case 'int':
      case 'float32':
        return { kind: 'raw', text: '0' };
      case 'duration':
        return { kind: 'str', value: '0s' };
      case 'bytes':
        return { kind: 'str', value: '0' };
      case 'strings':
      case 'slice':
        return { kind: 'seq', items: [] };
      case 'mapSS':
      case 'mapEq':
      case 'map':
        return { kind: 'map', entries: [] };
      case 'struct':
        return t.ptr ? { kind: 'raw', text: 'null' } : structNode(t.s, {});
      case 'external':
        return { kind: 'raw', text: 'false' };
      default:
        return { kind: 'raw', text: 'null' };
    }
  }
  switch (t.k) {
    case 'string':
      return { kind: 'str', value: String(v) };
    case 'bool':
      return { kind: 'raw', text: v ? 'true' : 'false' };
    case 'int':
      return { kind: 'raw', text: String(v) };
    case 'float32':
      return { kind: 'raw', text: formatFloat(v as number, 'g', -1, 32) };
    case 'duration':
      return { kind: 'str', value: formatDuration(BigInt(Math.trunc(v as number))) };
    case 'bytes':
      return { kind: 'str', value: String(Math.trunc(v as number)) };
    case 'ptr':
      return valueNode(t.of, v);
    case 'strings':
      return { kind: 'seq', items: (v as string[]).map((s) => ({ kind: 'str', value: s }) as YNode) };
    case 'slice':
      return { kind: 'seq', items: (v as unknown[]).map((x) => valueNode(t.of, x)) };
    case 'mapSS':
    case 'mapEq': {
      const m = v as Record<string, string | null>;
      return { kind: 'map', entries: sortedKeys(m).map((k) => [k, m[k] === null ? ({ kind: 'raw', text: 'null' } as YNode) : ({ kind: 'str', value: m[k] } as YNode)] as const) };
    }
    case 'map': {
      const m = v as Dict;
      return { kind: 'map', entries: sortedKeys(m).map((k) => [k, valueNode(t.of, m[k])] as const) };
    }
    case 'struct':
      if (t.s.name === 'UlimitsConfig' && (v as Dict)['Single']) return { kind: 'raw', text: String((v as Dict)['Single']) };
      return structNode(t.s, v as Dict);
    case 'external': {
      const e = v as Dict;
      if (!e['Name']) return { kind: 'raw', text: e['External'] ? 'true' : 'false' };
      return { kind: 'map', entries: [['name', { kind: 'str', value: String(e['Name']) }]] };
    }
    case 'extras':
    case 'any':
      return anyNode(v);
  }
}

function structNode(desc: StructDesc, v: Dict): YNode {
  const entries: Array<readonly [string, YNode]> = [];
  let extras: Dict | undefined;
  for (const f of desc.fields) {
    if (f.t.k === 'extras') {
      extras = v[f.go] as Dict | undefined;
      continue;
    }
    const x = v[f.go];
    if (f.omitempty && isZero(f.t, x)) continue;
    entries.push([f.yaml, valueNode(f.t, x)]);
  }
  if (extras) for (const k of sortedKeys(extras)) entries.push([k, anyNode(extras[k])]);
  return { kind: 'map', entries };
}

function configNode(cfg: Config): YNode {
  const entries: Array<readonly [string, YNode]> = [];
  entries.push(['version', { kind: 'str', value: cfg.Version ?? '' }]);
  const services: Dict = {};
  for (const s of cfg.Services) services[s.Name] = s;
  entries.push(['services', { kind: 'map', entries: sortedKeys(services).map((k) => [k, structNode(D.ServiceConfig, services[k] as Dict)] as const) }]);
  const section = (name: string, m: Dict | undefined, desc: StructDesc): void => {
    if (!m || Object.keys(m).length === 0) return;
    entries.push([name, { kind: 'map', entries: sortedKeys(m).map((k) => [k, structNode(desc, m[k] as Dict)] as const) }]);
  };
  section('networks', cfg.Networks as Dict | undefined, D.NetworkConfig);
  section('volumes', cfg.Volumes as Dict | undefined, D.VolumeConfig);
  section('secrets', cfg.Secrets as Dict | undefined, D.FileObjectConfig);
  section('configs', cfg.Configs as Dict | undefined, D.FileObjectConfig);
  if (cfg.Extras) for (const k of sortedKeys(cfg.Extras)) entries.push([k, anyNode(cfg.Extras[k])]);
  return { kind: 'map', entries };
}

// ---- the emitter ----

const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const OLD_BOOLS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);

/** yaml.v3's is_printable (which, unlike the YAML spec, excludes NEL and anything past the BMP). */
function isPrintable(cp: number): boolean {
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);
}

interface Analysis {
  multiline: boolean;
  blockPlain: boolean;
  flowPlain: boolean;
  single: boolean;
  block: boolean;
}

/** yaml_emitter_analyze_scalar. */
function analyze(value: string): Analysis {
  if (value.length === 0) return { multiline: false, blockPlain: true, flowPlain: false, single: true, block: false };
  let blockInd = false;
  let flowInd = false;
  let lineBreaks = false;
  let special = false;
  let tabs = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let prevSpace = false;
  let prevBreak = false;
  if (value.startsWith('---') || value.startsWith('...')) {
    blockInd = true;
    flowInd = true;
  }
  const chars = Array.from(value);
  let precededByWS = true;
  chars.forEach((c, i) => {
    const next = chars[i + 1];
    const followedByWS = next === undefined || next === ' ' || next === '\t' || next === '\r' || next === '\n' || next === '\u0085' || next === '\u2028' || next === '\u2029';
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) {
        flowInd = true;
        blockInd = true;
      } else if (c === '?' || c === ':') {
        flowInd = true;
        if (followedByWS) blockInd = true;
      } else if (c === '-' && followedByWS) {
        flowInd = true;
        blockInd = true;
      }
    } else if (',?[]{}'.includes(c)) {
      flowInd = true;
    } else if (c === ':') {
      flowInd = true;
      if (followedByWS) blockInd = true;
    } else if (c === '#' && precededByWS) {
      flowInd = true;
      blockInd = true;
    }
    const cp = c.codePointAt(0) ?? 0;
    if (c === '\t') tabs = true;
    else if (!isPrintable(cp)) special = true;
    const isBreak = c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029';
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (isBreak) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevSpace = false;
      prevBreak = true;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    precededByWS = c === ' ' || c === '\t' || isBreak;
  });
  const a: Analysis = { multiline: lineBreaks, blockPlain: true, flowPlain: true, single: true, block: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    a.flowPlain = false;
    a.blockPlain = false;
  }
  if (trailingSpace) a.block = false;
  if (breakSpace) {
    a.flowPlain = false;
    a.blockPlain = false;
    a.single = false;
  }
  if (spaceBreak || tabs || special) {
    a.flowPlain = false;
    a.blockPlain = false;
    a.single = false;
  }
  if (spaceBreak || special) a.block = false;
  if (lineBreaks) {
    a.flowPlain = false;
    a.blockPlain = false;
  }
  if (flowInd) a.flowPlain = false;
  if (blockInd) a.blockPlain = false;
  return a;
}

function doubleQuoted(s: string): string {
  let out = '"';
  for (const c of s) {
    const cp = c.codePointAt(0) ?? 0;
    const isBreak = c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029';
    if (!isPrintable(cp) || cp === 0xfeff || isBreak || c === '"' || c === '\\') {
      const esc: Record<number, string> = {
        0x00: '0',
        0x07: 'a',
        0x08: 'b',
        0x09: 't',
        0x0a: 'n',
        0x0b: 'v',
        0x0c: 'f',
        0x0d: 'r',
        0x1b: 'e',
        0x22: '"',
        0x5c: '\\',
        0x85: 'N',
        0xa0: '_',
        0x2028: 'L',
        0x2029: 'P',
      };
      const e = esc[cp];
      if (e !== undefined) out += `\\${e}`;
      else if (cp <= 0xff) out += `\\x${cp.toString(16).toUpperCase().padStart(2, '0')}`;
      else if (cp <= 0xffff) out += `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
      else out += `\\U${cp.toString(16).toUpperCase().padStart(8, '0')}`;
    } else {
      out += c;
    }
  }
  return `${out}"`;
}

type Style = 'plain' | 'single' | 'double' | 'literal';

/** encoder.stringv + yaml_emitter_select_scalar_style (block context). */
function styleOf(s: string, simpleKey: boolean, flow: boolean): Style {
  const r = resolvePlain(s);
  // "<<" resolves to the merge tag, which yaml.v3's encoder still writes plain.
  const canUsePlain = (r.tag === 'str' || r.tag === 'merge') && !BASE60.test(s) && !OLD_BOOLS.has(s);
  let style: Style;
  if (s.includes('\n')) style = flow ? 'double' : 'literal';
  else if (canUsePlain) style = 'plain';
  else style = 'double';
  const a = analyze(s);
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain') {
    if ((flow && !a.flowPlain) || (!flow && !a.blockPlain)) style = 'single';
    if (s.length === 0 && (flow || simpleKey)) style = 'single';
  }
  if (style === 'single' && !a.single) style = 'double';
  if (style === 'literal' && (!a.block || flow || simpleKey)) style = 'double';
  return style;
}

function scalarInline(s: string, simpleKey: boolean): string {
  const style = styleOf(s, simpleKey, false);
  switch (style) {
    case 'plain':
      return s;
    case 'single':
      return `'${s.replace(/'/g, "''")}'`;
    default:
      return doubleQuoted(s);
  }
}

/** A literal block scalar: its header and its lines at `indent`. */
function literal(s: string, indent: number): string {
  let hint = '';
  if (s.startsWith(' ') || s.startsWith('\n')) hint = '2';
  let chomp = '';
  if (!s.endsWith('\n')) chomp = '-';
  else if (s.length === 1 || s.endsWith('\n\n')) chomp = '+';
  const body = s.endsWith('\n') ? s.slice(0, -1) : s;
  const pad = ' '.repeat(indent);
  const lines = body.split('\n').map((l) => (l === '' ? '' : pad + l));
  return `|${hint}${chomp}\n${lines.join('\n')}\n`;
}

/** The text after "key:" or "-" for a node: " value\n" or "\n" followed by a block. */
function emitValue(node: YNode, indent: number): string {
  switch (node.kind) {
    case 'raw':
      return ` ${node.text}\n`;
    case 'str':
      if (styleOf(node.value, false, false) === 'literal') return ` ${literal(node.value, indent + 2)}`;
      return ` ${scalarInline(node.value, false)}\n`;
    case 'map':
      if (node.entries.length === 0) return ' {}\n';
      return `\n${emitMap(node, indent + 2)}`;
    case 'seq':
      if (node.items.length === 0) return ' []\n';
      return `\n${emitSeq(node, indent + 2)}`;
  }
}

function emitMap(node: Extract<YNode, { kind: 'map' }>, indent: number, firstInline = false): string {
  let out = '';
  node.entries.forEach(([k, v], i) => {
    const pad = i === 0 && firstInline ? '' : ' '.repeat(indent);
    // yaml_emitter_check_simple_key: a multi-line key or one over 128 bytes is a complex key.
    if (k.includes('\n') || Buffer.byteLength(k) > 128) {
      const style = styleOf(k, false, false);
      const key = style === 'literal' ? literal(k, indent + 2) : `${scalarInline(k, false)}\n`;
      out += `${pad}? ${key}${emitIndicated(':', v, indent, ' '.repeat(indent))}`;
      return;
    }
    out += `${pad}${scalarInline(k, true)}:${emitValue(v, indent)}`;
  });
  return out;
}

function emitSeq(node: Extract<YNode, { kind: 'seq' }>, indent: number, firstInline = false): string {
  let out = '';
  node.items.forEach((item, i) => {
    out += emitIndicated('-', item, indent, i === 0 && firstInline ? '' : ' '.repeat(indent));
  });
  return out;
}

/**
 * A node after an indicator that opens a block on its own line ("- " of a sequence item, ": "
 * of a complex key's value): block collections start on the indicator's line.
 */
function emitIndicated(indicator: string, item: YNode, indent: number, pad: string): string {
  if (item.kind === 'map' && item.entries.length > 0) return `${pad}${indicator} ${emitMap(item, indent + 2, true)}`;
  if (item.kind === 'seq' && item.items.length > 0) return `${pad}${indicator} ${emitSeq(item, indent + 2, true)}`;
  if (item.kind === 'str' && styleOf(item.value, false, false) === 'literal') return `${pad}${indicator} ${literal(item.value, indent + 2)}`;
  return `${pad}${indicator}${emitValue(item, indent)}`;
}

/** What `docker stack config` prints for a loaded config. */
export function marshalConfig(cfg: Config): string {
  const root = configNode(cfg);
  if (root.kind !== 'map') return '';
  return emitMap(root, 0);
}
