/**
 * docker's template functions (templates/templates.go): json, split, join, title, lower,
 * upper, pad, truncate, and the identity HeaderFunctions used when rendering a table header.
 * Docker 28's join is strings.Join (a []string only); docker 29's also joins other slices and
 * map values.
 */
import { goType } from '../govalue.ts';
import { FuncError } from './errors.ts';
import type { FuncMap } from './funcs.ts';
import { marshalJSON } from './json.ts';
import { sprint } from './print.ts';
import { isDigit, isLetter, isSpaceRune, toLowerRune, toTitleRune, toUpperRune } from './unicode.ts';
import { byteLength, byteSlice, isASCII } from './utf8.ts';
import { compare } from '../../go/strings.ts';
import { GoNumber, isNilValue, kindOf, scalarOf, typeName, unwrapInterface } from './values.ts';

const ANY = 'interface {}';

function numOf(v: unknown): number {
  const s = scalarOf(v);
  const raw = s instanceof GoNumber ? s.value : s;
  return Number(raw);
}

function mapRunes(s: string, f: (cp: number) => number): string {
  let out = '';
  for (const ch of s) out += String.fromCodePoint(f(ch.codePointAt(0) ?? 0xfffd));
  return out;
}

/** strings.ToUpper. */
export function goToUpper(s: string): string {
  return isASCII(s) ? s.toUpperCase() : mapRunes(s, toUpperRune);
}

/** strings.ToLower. */
export function goToLower(s: string): string {
  return isASCII(s) ? s.toLowerCase() : mapRunes(s, toLowerRune);
}

function isSeparator(r: number): boolean {
  // ASCII alphanumerics and underscore are not separators.
  if (r <= 0x7f) {
    if ((r >= 0x30 && r <= 0x39) || (r >= 0x61 && r <= 0x7a) || (r >= 0x41 && r <= 0x5a) || r === 0x5f) return false;
    return true;
  }
  if (isLetter(r) || isDigit(r)) return false;
  return isSpaceRune(r);
}

/** strings.Title: upper-case the first letter of each word. */
export function goTitle(s: string): string {
  let prev = 0x20;
  return mapRunes(s, (r) => {
    if (isSeparator(prev)) {
      prev = r;
      return toTitleRune(r);
    }
    prev = r;
    return r;
  });
}

/** strings.Split. */
export function goSplit(s: string, sep: string): string[] {
  const out = sep === '' ? [...s] : s.split(sep);
  Object.defineProperty(out, goType, { value: '[]string' });
  return out;
}

function formatJSONFunc(v: unknown): string {
  // json.NewEncoder with SetEscapeHTML(false); Encode's trailing newline is trimmed.
  return marshalJSON(v, false).trim();
}

function padWithSpace(source: unknown, prefix: unknown, suffix: unknown): string {
  const s = String(source);
  if (s === '') return s;
  const p = numOf(prefix);
  const q = numOf(suffix);
  if (p < 0 || q < 0) throw new FuncError('strings: negative Repeat count');
  return ' '.repeat(p) + s + ' '.repeat(q);
}

function truncateWithLength(source: unknown, length0: unknown): string {
  const s = String(source);
  const n = numOf(length0);
  const len = byteLength(s);
  if (len < n) return s;
  if (n < 0) throw new FuncError(`runtime error: slice bounds out of range [:${n}]`);
  return byteSlice(s, 0, n);
}

/** docker 29's join: []string, any slice (fmt.Sprint per element), or map values sorted. */
function joinElements(elems: unknown, sep: unknown): string {
  const e = unwrapInterface(elems);
  if (e === undefined) return '';
  const k = kindOf(e);
  if (k === 'slice') {
    const items = e instanceof Uint8Array ? Array.from(e) : Array.isArray(e) ? e : [];
    return items.map((x) => sprint([x])).join(String(sep));
  }
  if (k === 'map' && !isNilValue(e)) {
    const m = e as Record<string, unknown> | Map<unknown, unknown>;
    const vals = m instanceof Map ? [...m.values()] : Object.values(m);
    return vals
      .map((x) => sprint([x]))
      .sort(compare)
      .join(String(sep));
  }
  if (k === 'map') return '';
  throw new FuncError(`expected slice, got ${typeName(e)}`);
}

/** Which docker release's template functions to reproduce (they differ in `join`). */
export type DockerFuncsVersion = 28 | 29;

/** docker's basicFunctions. Docker 28 (the default) uses strings.Join, which needs a []string. */
export function dockerFuncs(version: DockerFuncsVersion = 28): FuncMap {
  return {
    json: { params: [ANY], fn: formatJSONFunc },
    split: { params: ['string', 'string'], fn: (s, sep) => goSplit(String(s), String(sep)) },
    join:
      version === 28
        ? { params: ['[]string', 'string'], fn: (a, sep) => (Array.isArray(a) ? a.map(String).join(String(sep)) : '') }
        : { params: [ANY, 'string'], fn: joinElements },
    title: { params: ['string'], fn: (s) => goTitle(String(s)) },
    lower: { params: ['string'], fn: (s) => goToLower(String(s)) },
    upper: { params: ['string'], fn: (s) => goToUpper(String(s)) },
    pad: { params: ['string', 'int', 'int'], fn: padWithSpace },
    truncate: { params: ['string', 'int'], fn: truncateWithLength },
  };
}

/** docker's HeaderFunctions: identities (with the same parameter types), pad not overridden. */
export const headerFuncs: FuncMap = {
  json: { params: ['string'], fn: (v) => v },
  split: { params: ['string', 'string'], fn: (v) => v },
  join: { params: ['string', 'string'], fn: (v) => v },
  title: { params: ['string'], fn: (v) => v },
  lower: { params: ['string'], fn: (v) => v },
  upper: { params: ['string'], fn: (v) => v },
  truncate: { params: ['string', 'int'], fn: (v) => v },
};
