/**
 * The few Unicode predicates and case mappings Go's template, fmt and strings packages use,
 * expressed with JS Unicode property escapes.
 */

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const PRINT = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;
const GRAPHIC_SPACE = /\p{Zs}/u;

/** unicode.IsLetter. */
export function isLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return LETTER.test(String.fromCodePoint(cp));
}

/** unicode.IsDigit (decimal digits, category Nd). */
export function isDigit(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39;
  return DIGIT.test(String.fromCodePoint(cp));
}

/** unicode.IsUpper, enough for Go's "is this name exported" test. */
export function isUpper(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a;
  return /\p{Lu}/u.test(String.fromCodePoint(cp));
}

/** unicode.IsPrint / strconv.IsPrint: letters, marks, numbers, punctuation, symbols and U+0020. */
export function isPrint(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
  return PRINT.test(String.fromCodePoint(cp));
}

/** strconv.IsGraphic: IsPrint plus the other space separators (Zs). */
export function isGraphic(cp: number): boolean {
  if (isPrint(cp)) return true;
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
  return GRAPHIC_SPACE.test(String.fromCodePoint(cp));
}

/**
 * unicode.ToUpper on one rune: Go uses the simple (one-to-one) mapping, so runes whose full
 * uppercase is several characters (ß → SS) stay unchanged.
 */
export function toUpperRune(cp: number): number {
  if (cp < 0x80) return cp >= 0x61 && cp <= 0x7a ? cp - 32 : cp;
  const up = String.fromCodePoint(cp).toUpperCase();
  const first = up.codePointAt(0) ?? cp;
  return up.length === String.fromCodePoint(first).length ? first : cp;
}

/** unicode.ToLower on one rune (simple mapping; İ → i). */
export function toLowerRune(cp: number): number {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp;
  const low = String.fromCodePoint(cp).toLowerCase();
  return low.codePointAt(0) ?? cp;
}

const TITLE_CASE: ReadonlyMap<number, number> = new Map([
  [0x1c4, 0x1c5],
  [0x1c5, 0x1c5],
  [0x1c6, 0x1c5],
  [0x1c7, 0x1c8],
  [0x1c8, 0x1c8],
  [0x1c9, 0x1c8],
  [0x1ca, 0x1cb],
  [0x1cb, 0x1cb],
  [0x1cc, 0x1cb],
  [0x1f1, 0x1f2],
  [0x1f2, 0x1f2],
  [0x1f3, 0x1f2],
]);

/** unicode.ToTitle: ToUpper except for the Latin digraphs, which have a distinct title case. */
export function toTitleRune(cp: number): number {
  return TITLE_CASE.get(cp) ?? toUpperRune(cp);
}

/** unicode.IsSpace. */
export function isSpaceRune(cp: number): boolean {
  if (cp < 0x100) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0x85 || cp === 0xa0;
  return /\p{White_Space}/u.test(String.fromCodePoint(cp));
}
