/**
 * docker's small display helpers: ID truncation, ellipsis, PrettyPrint, and terminal
 * display width (for tables and --no-trunc cut-offs).
 */
import { eastAsianWidthType } from 'get-east-asian-width';
import { isGoFormattable, goFormat, goScalar } from './govalue.ts';

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

/**
 * stringid.TruncateID: drop everything up to the first ':' (e.g. "sha256:"), then keep the
 * first 12 bytes. // docker/docker pkg/stringid/stringid.go TruncateID
 */
export function truncateID(id: string): string {
  const i = id.indexOf(':');
  if (i >= 0) id = id.slice(i + 1);
  if (isAscii(id)) return id.length <= 12 ? id : id.slice(0, 12);
  const bytes = utf8Encoder.encode(id);
  if (bytes.length <= 12) return id;
  // Go slices bytes; IDs are ASCII. A cut through a multi-byte character decodes to U+FFFD here.
  return utf8Decoder.decode(bytes.subarray(0, 12));
}

/**
 * formatter's charWidth: golang.org/x/text/width kinds EastAsianWide and EastAsianFullwidth
 * are 2 columns, everything else 1 (including combining marks and control characters).
 * // docker/cli cli/command/formatter/displayutils.go charWidth
 */
export function charWidth(codePoint: number): 1 | 2 {
  const t = eastAsianWidthType(codePoint);
  return t === 'wide' || t === 'fullwidth' ? 2 : 1;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/**
 * formatter.Ellipsis(s, maxDisplayWidth): s if it fits, else the longest rune prefix whose
 * width is ≤ max−1 followed by "…".
 * Reproduced quirks: max ≤ 0 → ""; max == 1 → the first rune alone (even if 2 wide, no "…");
 * if the first rune is already wider than max−1 (a wide rune with max 2), s is returned
 * unchanged even though it is too wide. Go panics for ("", 1); this returns "".
 * // docker/cli cli/command/formatter/displayutils.go Ellipsis
 */
export function ellipsis(s: string, maxDisplayWidth: number): string {
  if (maxDisplayWidth <= 0) return '';
  const rs = Array.from(s);
  if (maxDisplayWidth === 1) return rs[0] ?? '';
  if (isAscii(s)) {
    if (s.length <= maxDisplayWidth) return s;
    return s.slice(0, maxDisplayWidth - 1) + '…';
  }
  const display: number[] = [];
  let displayWidth = 0;
  for (const r of rs) {
    displayWidth += charWidth(r.codePointAt(0) ?? 0);
    display.push(displayWidth);
  }
  if (displayWidth <= maxDisplayWidth) return s;
  for (let i = 0; i < display.length; i++) {
    const cur = display[i] as number;
    const next = display[i + 1];
    // Go indexes display[i+1] unguarded; it is never reached past the end because the last
    // cumulative width exceeds max−1 whenever we get here.
    if (cur <= maxDisplayWidth - 1 && next !== undefined && next > maxDisplayWidth - 1) {
      return rs.slice(0, i + 1).join('') + '…';
    }
  }
  return s;
}

/** unicode.ToUpper for one rune, with JS's multi-character full mappings kept as Go's simple ones. */
function runeUpper(ch: string): string {
  const u = ch.toUpperCase();
  return Array.from(u).length === 1 ? u : ch;
}

/** unicode.ToLower for one rune (İ U+0130 is the only rune whose JS lower-casing is two runes). */
function runeLower(ch: string): string {
  if (ch === '\u0130') return 'i';
  const l = ch.toLowerCase();
  return Array.from(l).length === 1 ? l : ch;
}

function lowerAll(s: string): string {
  let out = '';
  for (const ch of s) out += runeLower(ch);
  return out;
}

/**
 * formatter's capitalizeFirst: "" stays; a 1-byte string is lower-cased; otherwise the first
 * BYTE upper-cased and the rest lower-cased. Quirk: Go converts the first byte to a rune, so a
 * non-ASCII first character becomes the Latin-1 letter of its lead byte and the leftover
 * continuation bytes become U+FFFD ("état" → "Ã\uFFFDtat").
 * // docker/cli cli/command/formatter/displayutils.go capitalizeFirst
 */
export function capitalizeFirst(s: string): string {
  if (s.length === 0) return s;
  // ASCII (task and node states): one byte per character, Go's case mapping is JS's.
  if (isAscii(s)) return s.length === 1 ? s.toLowerCase() : s[0]!.toUpperCase() + s.slice(1).toLowerCase();
  const bytes = utf8Encoder.encode(s);
  if (bytes.length === 1) return lowerAll(s);
  const b0 = bytes[0] as number;
  if (b0 < 0x80) return runeUpper(s[0] as string) + lowerAll(s.slice(1));
  // strings.ToLower maps each invalid byte to U+FFFD; TextDecoder does the same for stray
  // continuation bytes.
  return runeUpper(String.fromCharCode(b0)) + lowerAll(utf8Decoder.decode(bytes.subarray(1)));
}

/**
 * formatter.PrettyPrint: nil → "None"; strings and fmt "%s" of anything else through
 * capitalizeFirst ("ready" → "Ready", a time → "2024-03-01 10:11:12 +0000 utc").
 * // docker/cli cli/command/formatter/displayutils.go PrettyPrint
 */
export function prettyPrint(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'string') return capitalizeFirst(v);
  if (isGoFormattable(v)) return capitalizeFirst(v[goFormat]());
  // A named string (swarm.NodeState): %s prints the string underneath.
  if (typeof v === 'object' && goScalar in v) return capitalizeFirst(String((v as Record<symbol, unknown>)[goScalar]));
  return capitalizeFirst(String(v));
}

// ---------------------------------------------------------------------------------------------
// go-runewidth (v0.0.16, as vendored by docker 28): the width tabwriter uses for table cells.

type Ranges = readonly (readonly [number, number])[];

function inRanges(r: number, t: Ranges): boolean {
  let lo = 0;
  let hi = t.length - 1;
  if (t.length === 0 || r < (t[0] as readonly [number, number])[0]) return false;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last] = t[mid] as readonly [number, number];
    if (last < r) lo = mid + 1;
    else if (first > r) hi = mid - 1;
    else return true;
  }
  return false;
}

/** go-runewidth's nonprint table. */
const NONPRINT: Ranges = [
  [0x0000, 0x001f], [0x007f, 0x009f], [0x00ad, 0x00ad], [0x070f, 0x070f], [0x180b, 0x180e],
  [0x200b, 0x200f], [0x2028, 0x202e], [0x206a, 0x206f], [0xd800, 0xdfff], [0xfeff, 0xfeff],
  [0xfff9, 0xfffb], [0xfffe, 0xffff],
];

/**
 * go-runewidth's "combining" table: deliberately NOT all of Mn/Me — only these ranges are
 * zero width (e.g. Hebrew points count 1). Transcribed from runewidth_table.go (v0.0.16).
 */
const COMBINING: Ranges = [
  [0x0300, 0x036f], [0x0483, 0x0489], [0x07eb, 0x07f3], [0x0c00, 0x0c00], [0x0c04, 0x0c04],
  [0x0cf3, 0x0cf3], [0x0d00, 0x0d01], [0x135d, 0x135f], [0x1a7f, 0x1a7f], [0x1ab0, 0x1ace],
  [0x1b6b, 0x1b73], [0x1dc0, 0x1dff], [0x20d0, 0x20f0], [0x2cef, 0x2cf1], [0x2de0, 0x2dff],
  [0x3099, 0x309a], [0xa66f, 0xa672], [0xa674, 0xa67d], [0xa69e, 0xa69f], [0xa6f0, 0xa6f1],
  [0xa8e0, 0xa8f1], [0xfe20, 0xfe2f], [0x101fd, 0x101fd], [0x10376, 0x1037a], [0x10eab, 0x10eac],
  [0x10f46, 0x10f50], [0x10f82, 0x10f85], [0x11300, 0x11301], [0x1133b, 0x1133c], [0x11366, 0x1136c],
  [0x11370, 0x11374], [0x16af0, 0x16af4], [0x1cf00, 0x1cf2d], [0x1cf30, 0x1cf46], [0x1d165, 0x1d169],
  [0x1d16d, 0x1d172], [0x1d17b, 0x1d182], [0x1d185, 0x1d18b], [0x1d1aa, 0x1d1ad], [0x1d242, 0x1d244],
  [0x1e000, 0x1e006], [0x1e008, 0x1e018], [0x1e01b, 0x1e021], [0x1e023, 0x1e024], [0x1e026, 0x1e02a],
  [0x1e08f, 0x1e08f], [0x1e8d0, 0x1e8d6],
];

/** go-runewidth's "narrow" table (EAW Na outside ASCII). */
const NARROW: Ranges = [
  [0x0020, 0x007e], [0x00a2, 0x00a3], [0x00a5, 0x00a6], [0x00ac, 0x00ac], [0x00af, 0x00af],
  [0x27e6, 0x27ed], [0x2985, 0x2986],
];

function isDoubleWidth(r: number): boolean {
  const t = eastAsianWidthType(r);
  return t === 'wide' || t === 'fullwidth';
}

/**
 * go-runewidth RuneWidth (DefaultCondition, StrictEmojiNeutral = true): 0 for control,
 * nonprint and its combining ranges, 2 for East Asian Wide/Fullwidth, 1 otherwise; with
 * eastAsian (a CJK locale, see isEastAsianLocale) ambiguous-width runes count 2.
 * // mattn/go-runewidth runewidth.go (*Condition).RuneWidth
 */
export function runeWidth(r: number, eastAsian = false): 0 | 1 | 2 {
  if (r < 0 || r > 0x10ffff) return 0;
  if (!eastAsian) {
    if (r < 0x20) return 0;
    if ((r >= 0x7f && r <= 0x9f) || r === 0xad) return 0;
    if (r < 0x300) return 1;
    if (inRanges(r, NARROW)) return 1;
    if (inRanges(r, NONPRINT) || inRanges(r, COMBINING)) return 0;
    if (isDoubleWidth(r)) return 2;
    return 1;
  }
  if (inRanges(r, NONPRINT) || inRanges(r, COMBINING)) return 0;
  if (inRanges(r, NARROW)) return 1;
  if (eastAsianWidthType(r) === 'ambiguous' || isDoubleWidth(r)) return 2;
  return 1;
}

let graphemes: Intl.Segmenter | null = null;

/** Text whose runes are all single-rune graphemes in the BMP (see displayWidth). */
const SINGLE_RUNE_GRAPHEMES = /^[\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e]*$/;

/**
 * go-runewidth StringWidth: the sum over grapheme clusters of the width of each cluster's
 * first non-zero-width rune ("e\u0301" is 1, a ZWJ emoji family is 2). Clusters come from
 * Intl.Segmenter rather than uniseg v0.2.0; they agree for ordinary text.
 * // mattn/go-runewidth runewidth.go (*Condition).StringWidth
 */
export function displayWidth(s: string, eastAsian = false): number {
  if (SINGLE_RUNE_GRAPHEMES.test(s)) {
    // Every rune is its own grapheme cluster here, so the sum of rune widths is the width
    // (printable ASCII, Latin-1 and Latin Extended, spacing modifiers, general punctuation
    // such as "…": no controls, marks, joiners or variation selectors).
    let w = 0;
    for (let i = 0; i < s.length; i++) w += runeWidth(s.charCodeAt(i), eastAsian);
    return w;
  }
  if (isAscii(s)) {
    let w = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x20 && c !== 0x7f) w++;
    }
    return w;
  }
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let width = 0;
  for (const { segment } of graphemes.segment(s)) {
    let w = 0;
    for (const ch of segment) {
      w = runeWidth(ch.codePointAt(0) ?? 0, eastAsian);
      if (w > 0) break;
    }
    width += w;
  }
  return width;
}

/**
 * go-runewidth IsEastAsian(): whether the locale in LC_ALL, else LC_CTYPE, else LANG names a
 * CJK multibyte charset; RUNEWIDTH_EASTASIAN ("1"/other) overrides when set.
 * Pass the environment in (no process access here).
 * // mattn/go-runewidth runewidth.go handleEnv, runewidth_posix.go IsEastAsian / isEastAsian
 */
export function isEastAsianLocale(env: Readonly<Record<string, string | undefined>>): boolean {
  const override = env['RUNEWIDTH_EASTASIAN'];
  if (override !== undefined && override !== '') return override === '1';
  let locale = env['LC_ALL'] ?? '';
  if (locale === '') locale = env['LC_CTYPE'] ?? '';
  if (locale === '') locale = env['LANG'] ?? '';
  if (locale === 'POSIX' || locale === 'C') return false;
  if (locale.length > 1 && locale[0] === 'C' && (locale[1] === '.' || locale[1] === '-')) return false;
  let charset = locale.toLowerCase();
  const m = /^[a-z][a-z][a-z]?(?:_[A-Z][A-Z])?\.(.+)/.exec(locale);
  if (m && m[1] !== undefined) charset = m[1].toLowerCase();
  if (charset.endsWith('@cjk_narrow')) return false;
  const at = charset.indexOf('@');
  if (at >= 0) charset = charset.slice(0, at);
  const mblen: Record<string, number> = {
    'utf-8': 6, utf8: 6, jis: 8, eucjp: 3, euckr: 2, euccn: 2, sjis: 2, cp932: 2, cp51932: 2,
    cp936: 2, cp949: 2, cp950: 2, big5: 2, gbk: 2, gb2312: 2,
  };
  const max = mblen[charset] ?? 1;
  return (
    max > 1 &&
    (charset[0] !== 'u' || locale.startsWith('ja') || locale.startsWith('ko') || locale.startsWith('zh'))
  );
}
