/**
 * The template lexer: a state machine over the source text that the parser pulls one item
 * at a time from, with Go's trim markers ("{{- ", " -}}"), comments, and error items worded
 * like Go's. Positions are JS string indices; they are converted to Go byte columns only
 * when an error is reported.
 */
import { quote } from '../../go/quote.ts';
import { isDigit, isLetter, isPrint } from './unicode.ts';
import { byteLength, truncateRunes } from './utf8.ts';

/** Item types, in Go's order (keywords after Keyword). */
export const Item = {
  Error: 0,
  Bool: 1,
  Char: 2,
  CharConstant: 3,
  Comment: 4,
  Complex: 5,
  Assign: 6,
  Declare: 7,
  EOF: 8,
  Field: 9,
  Identifier: 10,
  LeftDelim: 11,
  LeftParen: 12,
  Number: 13,
  Pipe: 14,
  RawString: 15,
  RightDelim: 16,
  RightParen: 17,
  Space: 18,
  String: 19,
  Text: 20,
  Variable: 21,
  Keyword: 22,
  Block: 23,
  Break: 24,
  Continue: 25,
  Dot: 26,
  Define: 27,
  Else: 28,
  End: 29,
  If: 30,
  Nil: 31,
  Range: 32,
  Template: 33,
  With: 34,
} as const;

export type ItemType = (typeof Item)[keyof typeof Item];

/** A lexed token. */
export interface Token {
  readonly typ: ItemType;
  /** Start of the token (JS index into the source). */
  readonly pos: number;
  readonly val: string;
  /** Line number (1-based) at the start of the token. */
  readonly line: number;
}

const KEYWORDS: ReadonlyMap<string, ItemType> = new Map<string, ItemType>([
  ['.', Item.Dot],
  ['block', Item.Block],
  ['break', Item.Break],
  ['continue', Item.Continue],
  ['define', Item.Define],
  ['else', Item.Else],
  ['end', Item.End],
  ['if', Item.If],
  ['range', Item.Range],
  ['nil', Item.Nil],
  ['template', Item.Template],
  ['with', Item.With],
]);

/** How an item prints in "unexpected X in Y" messages (Go's item.String). */
export function tokenString(t: Token): string {
  if (t.typ === Item.EOF) return 'EOF';
  if (t.typ === Item.Error) return t.val;
  if (t.typ > Item.Keyword) return `<${t.val}>`;
  // Long values (more than 10 bytes) print as %.10q...: at most the first 10 runes, quoted.
  if (byteLength(t.val) > 10) return `${quote(truncateRunes(t.val, 10))}...`;
  return quote(t.val);
}

/** fmt's %#U: U+0041 'A' (the quoted form only when printable). */
export function formatRuneU(r: number): string {
  const hex = r.toString(16).toUpperCase().padStart(4, '0');
  return isPrint(r) ? `U+${hex} '${String.fromCodePoint(r)}'` : `U+${hex}`;
}

const EOF = -1;
const LEFT = '{{';
const RIGHT = '}}';
const LEFT_COMMENT = '/*';
const RIGHT_COMMENT = '*/';
const SPACE_CHARS = ' \t\r\n';

function isSpace(r: number): boolean {
  return r === 0x20 || r === 0x09 || r === 0x0d || r === 0x0a;
}

function isAlphaNumeric(r: number): boolean {
  return r === 0x5f || (r >= 0 && (isLetter(r) || isDigit(r)));
}

function hasLeftTrimMarker(s: string, at: number): boolean {
  return s.charCodeAt(at) === 0x2d && isSpace(s.charCodeAt(at + 1));
}

function hasRightTrimMarker(s: string, at: number): boolean {
  return isSpace(s.charCodeAt(at)) && s.charCodeAt(at + 1) === 0x2d;
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 0x0a) n++;
  return n;
}

type StateFn = (l: Lexer) => StateFn | null;

/** Options the parser sets: break/continue are keywords unless shadowed by functions. */
export interface LexOptions {
  breakOK: boolean;
  continueOK: boolean;
}

/** The lexer; the parser calls nextItem() repeatedly. */
export class Lexer {
  private input: string;
  private pos = 0;
  private start = 0;
  private atEOF = false;
  private parenDepth = 0;
  private line = 1;
  private startLine = 1;
  private item: Token;
  private insideAction = false;
  options: LexOptions = { breakOK: true, continueOK: true };

  constructor(input: string) {
    this.input = input;
    this.item = { typ: Item.EOF, pos: 0, val: 'EOF', line: 1 };
  }

  /** The next item; after an error or EOF it keeps returning EOF. */
  nextItem(): Token {
    this.item = { typ: Item.EOF, pos: this.pos, val: 'EOF', line: this.startLine };
    let state: StateFn | null = this.insideAction ? lexInsideAction : lexText;
    while (state !== null) state = state(this);
    return this.item;
  }

  // --- primitives -------------------------------------------------------------------

  next(): number {
    if (this.pos >= this.input.length) {
      this.atEOF = true;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos) ?? 0;
    this.pos += r > 0xffff ? 2 : 1;
    if (r === 0x0a) this.line++;
    return r;
  }

  peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  backup(): void {
    if (!this.atEOF && this.pos > 0) {
      const lo = this.input.charCodeAt(this.pos - 1);
      let w = 1;
      if (lo >= 0xdc00 && lo <= 0xdfff && this.pos >= 2) {
        const hi = this.input.charCodeAt(this.pos - 2);
        if (hi >= 0xd800 && hi <= 0xdbff) w = 2;
      }
      this.pos -= w;
      if (lo === 0x0a) this.line--;
    }
  }

  thisItem(typ: ItemType): Token {
    const t: Token = { typ, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine };
    this.start = this.pos;
    this.startLine = this.line;
    return t;
  }

  emit(typ: ItemType): StateFn | null {
    return this.emitItem(this.thisItem(typ));
  }

  emitItem(t: Token): StateFn | null {
    this.item = t;
    return null;
  }

  ignore(): void {
    this.line += countNewlines(this.input, this.start, this.pos);
    this.start = this.pos;
    this.startLine = this.line;
  }

  accept(valid: string): boolean {
    const r = this.next();
    if (r !== EOF && valid.includes(String.fromCodePoint(r))) return true;
    this.backup();
    return false;
  }

  acceptRun(valid: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || !valid.includes(String.fromCodePoint(r))) break;
    }
    this.backup();
  }

  errorf(msg: string): StateFn | null {
    this.item = { typ: Item.Error, pos: this.start, val: msg, line: this.startLine };
    this.start = 0;
    this.pos = 0;
    this.input = '';
    return null;
  }

  atRightDelim(): { delim: boolean; trimSpaces: boolean } {
    if (hasRightTrimMarker(this.input, this.pos) && this.input.startsWith(RIGHT, this.pos + 2)) {
      return { delim: true, trimSpaces: true };
    }
    if (this.input.startsWith(RIGHT, this.pos)) return { delim: true, trimSpaces: false };
    return { delim: false, trimSpaces: false };
  }

  atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r)) return true;
    switch (r) {
      case EOF:
      case 0x2e: // .
      case 0x2c: // ,
      case 0x7c: // |
      case 0x3a: // :
      case 0x29: // )
      case 0x28: // (
        return true;
      default:
        return this.input.startsWith(RIGHT, this.pos);
    }
  }

  // --- state accessors used by the state functions -------------------------------------

  get src(): string {
    return this.input;
  }
  get p(): number {
    return this.pos;
  }
  set p(v: number) {
    this.pos = v;
  }
  get s(): number {
    return this.start;
  }
  get depth(): number {
    return this.parenDepth;
  }
  set depth(v: number) {
    this.parenDepth = v;
  }
  set inAction(v: boolean) {
    this.insideAction = v;
  }
  addLines(n: number): void {
    this.line += n;
  }
}

function leftTrimLength(s: string, from: number): number {
  let i = from;
  while (i < s.length && SPACE_CHARS.includes(s[i] ?? '')) i++;
  return i - from;
}

function rightTrimLength(s: string, from: number, to: number): number {
  let i = to;
  while (i > from && SPACE_CHARS.includes(s[i - 1] ?? '')) i--;
  return to - i;
}

function lexText(l: Lexer): StateFn | null {
  const src = l.src;
  const x = src.indexOf(LEFT, l.p);
  if (x >= 0) {
    if (x > l.p) {
      l.p = x;
      let trim = 0;
      if (hasLeftTrimMarker(src, x + LEFT.length)) trim = rightTrimLength(src, l.s, x);
      l.p = x - trim;
      l.addLines(countNewlines(src, l.s, l.p));
      const t = l.thisItem(Item.Text);
      l.p += trim;
      l.ignore();
      if (t.val.length > 0) return l.emitItem(t);
    }
    return lexLeftDelim;
  }
  l.p = src.length;
  if (l.p > l.s) {
    l.addLines(countNewlines(src, l.s, l.p));
    return l.emit(Item.Text);
  }
  return l.emit(Item.EOF);
}

function lexLeftDelim(l: Lexer): StateFn | null {
  l.p += LEFT.length;
  const trimSpace = hasLeftTrimMarker(l.src, l.p);
  const afterMarker = trimSpace ? 2 : 0;
  if (l.src.startsWith(LEFT_COMMENT, l.p + afterMarker)) {
    l.p += afterMarker;
    l.ignore();
    return lexComment;
  }
  const t = l.thisItem(Item.LeftDelim);
  l.inAction = true;
  l.p += afterMarker;
  l.ignore();
  l.depth = 0;
  return l.emitItem(t);
}

function lexComment(l: Lexer): StateFn | null {
  l.p += LEFT_COMMENT.length;
  const x = l.src.indexOf(RIGHT_COMMENT, l.p);
  if (x < 0) return l.errorf('unclosed comment');
  l.p = x + RIGHT_COMMENT.length;
  const { delim, trimSpaces } = l.atRightDelim();
  if (!delim) return l.errorf('comment ends before closing delimiter');
  l.addLines(countNewlines(l.src, l.s, l.p));
  l.thisItem(Item.Comment);
  if (trimSpaces) l.p += 2;
  l.p += RIGHT.length;
  if (trimSpaces) l.p += leftTrimLength(l.src, l.p);
  l.ignore();
  return lexText;
}

function lexRightDelim(l: Lexer): StateFn | null {
  const { trimSpaces } = l.atRightDelim();
  if (trimSpaces) {
    l.p += 2;
    l.ignore();
  }
  l.p += RIGHT.length;
  const t = l.thisItem(Item.RightDelim);
  if (trimSpaces) {
    l.p += leftTrimLength(l.src, l.p);
    l.ignore();
  }
  l.inAction = false;
  return l.emitItem(t);
}

function lexInsideAction(l: Lexer): StateFn | null {
  const { delim } = l.atRightDelim();
  if (delim) {
    if (l.depth === 0) return lexRightDelim;
    return l.errorf('unclosed left paren');
  }
  const r = l.next();
  if (r === EOF) return l.errorf('unclosed action');
  if (isSpace(r)) {
    l.backup(); // Put the space back in case we have " -}}".
    return lexSpace;
  }
  switch (r) {
    case 0x3d: // =
      return l.emit(Item.Assign);
    case 0x3a: // :
      if (l.next() !== 0x3d) return l.errorf('expected :=');
      return l.emit(Item.Declare);
    case 0x7c: // |
      return l.emit(Item.Pipe);
    case 0x22: // "
      return lexQuote;
    case 0x60: // `
      return lexRawQuote;
    case 0x24: // $
      return lexVariable;
    case 0x27: // '
      return lexChar;
    case 0x28: // (
      l.depth++;
      return l.emit(Item.LeftParen);
    case 0x29: // )
      l.depth--;
      if (l.depth < 0) return l.errorf('unexpected right paren');
      return l.emit(Item.RightParen);
    default:
      break;
  }
  if (r === 0x2e) {
    // Special look-ahead for ".field" so we don't break backup().
    if (l.p < l.src.length) {
      const c = l.src.charCodeAt(l.p);
      if (c < 0x30 || c > 0x39) return lexField;
    }
    l.backup();
    return lexNumber; // '.' can start a number.
  }
  if (r === 0x2b || r === 0x2d || (r >= 0x30 && r <= 0x39)) {
    l.backup();
    return lexNumber;
  }
  if (isAlphaNumeric(r)) {
    l.backup();
    return lexIdentifier;
  }
  if (r < 0x80 && isPrint(r)) return l.emit(Item.Char);
  return l.errorf(`unrecognized character in action: ${formatRuneU(r)}`);
}

function lexSpace(l: Lexer): StateFn | null {
  let numSpaces = 0;
  for (;;) {
    const r = l.peek();
    if (!isSpace(r)) break;
    l.next();
    numSpaces++;
  }
  // Be careful about a trim-marked closing delimiter, which has a minus after a space.
  if (hasRightTrimMarker(l.src, l.p - 1) && l.src.startsWith(RIGHT, l.p - 1 + 2)) {
    l.backup(); // Before the space.
    if (numSpaces === 1) return lexRightDelim;
  }
  return l.emit(Item.Space);
}

function lexIdentifier(l: Lexer): StateFn | null {
  for (;;) {
    const r = l.next();
    if (isAlphaNumeric(r)) continue;
    l.backup();
    const word = l.src.slice(l.s, l.p);
    if (!l.atTerminator()) return l.errorf(`bad character ${formatRuneU(r)}`);
    const kw = KEYWORDS.get(word);
    if (kw !== undefined && kw > Item.Keyword) {
      if ((kw === Item.Break && !l.options.breakOK) || (kw === Item.Continue && !l.options.continueOK)) {
        return l.emit(Item.Identifier);
      }
      return l.emit(kw);
    }
    if (word.startsWith('.')) return l.emit(Item.Field);
    if (word === 'true' || word === 'false') return l.emit(Item.Bool);
    return l.emit(Item.Identifier);
  }
}

function lexField(l: Lexer): StateFn | null {
  return lexFieldOrVariable(l, Item.Field);
}

function lexVariable(l: Lexer): StateFn | null {
  if (l.atTerminator()) return l.emit(Item.Variable); // Nothing interesting follows -> "$".
  return lexFieldOrVariable(l, Item.Variable);
}

function lexFieldOrVariable(l: Lexer, typ: ItemType): StateFn | null {
  if (l.atTerminator()) return l.emit(typ === Item.Variable ? Item.Variable : Item.Dot);
  let r: number;
  for (;;) {
    r = l.next();
    if (!isAlphaNumeric(r)) {
      l.backup();
      break;
    }
  }
  if (!l.atTerminator()) return l.errorf(`bad character ${formatRuneU(r)}`);
  return l.emit(typ);
}

function lexChar(l: Lexer): StateFn | null {
  for (;;) {
    let r = l.next();
    if (r === 0x5c) {
      r = l.next();
      if (r !== EOF && r !== 0x0a) continue;
      return l.errorf('unterminated character constant');
    }
    if (r === EOF || r === 0x0a) return l.errorf('unterminated character constant');
    if (r === 0x27) break;
  }
  return l.emit(Item.CharConstant);
}

function scanNumber(l: Lexer): boolean {
  l.accept('+-');
  let digits = '0123456789_';
  if (l.accept('0')) {
    // Note: a leading 0 does not mean octal in floats.
    if (l.accept('xX')) digits = '0123456789abcdefABCDEF_';
    else if (l.accept('oO')) digits = '01234567_';
    else if (l.accept('bB')) digits = '01_';
  }
  l.acceptRun(digits);
  if (l.accept('.')) l.acceptRun(digits);
  if (digits.length === 10 + 1 && l.accept('eE')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  if (digits.length === 16 + 6 + 1 && l.accept('pP')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  l.accept('i'); // Imaginary?
  if (isAlphaNumeric(l.peek())) {
    l.next();
    return false;
  }
  return true;
}

function lexNumber(l: Lexer): StateFn | null {
  if (!scanNumber(l)) return l.errorf(`bad number syntax: ${quote(l.src.slice(l.s, l.p))}`);
  const sign = l.peek();
  if (sign === 0x2b || sign === 0x2d) {
    // Complex: 1+2i. No spaces, must end in 'i'.
    if (!scanNumber(l) || l.src.charCodeAt(l.p - 1) !== 0x69) {
      return l.errorf(`bad number syntax: ${quote(l.src.slice(l.s, l.p))}`);
    }
    return l.emit(Item.Complex);
  }
  return l.emit(Item.Number);
}

function lexQuote(l: Lexer): StateFn | null {
  for (;;) {
    let r = l.next();
    if (r === 0x5c) {
      r = l.next();
      if (r !== EOF && r !== 0x0a) continue;
      return l.errorf('unterminated quoted string');
    }
    if (r === EOF || r === 0x0a) return l.errorf('unterminated quoted string');
    if (r === 0x22) break;
  }
  return l.emit(Item.String);
}

function lexRawQuote(l: Lexer): StateFn | null {
  for (;;) {
    const r = l.next();
    if (r === EOF) return l.errorf('unterminated raw quoted string');
    if (r === 0x60) break;
  }
  return l.emit(Item.RawString);
}
