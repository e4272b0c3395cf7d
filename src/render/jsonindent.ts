/**
 * Token-preserving JSON re-formatting exactly like Go's encoding/json Indent and Compact.
 *
 * Only whitespace outside strings changes: key order, string escapes and number text are
 * copied verbatim. The scanner is a port of the state machine in go/src/encoding/json/scanner.go
 * (same validation, same error texts); the formatting loops mirror go/src/encoding/json/indent.go.
 */

/** scanner.go step results. */
const enum Scan {
  Continue, // uninteresting byte
  BeginLiteral, // end implied by next result != Continue
  BeginObject,
  ObjectKey,
  ObjectValue,
  EndObject,
  BeginArray,
  ArrayValue,
  EndArray,
  SkipSpace,
  End, // top-level value ended *before* this byte
  Error,
}

const enum Parse {
  ObjectKey,
  ObjectValue,
  ArrayValue,
}

/** scanner.go maxNestingDepth. */
const MAX_NESTING_DEPTH = 10000;

/** Go's *json.SyntaxError: message as err.Error() prints it, offset = bytes read before the error. */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

const utf8 = new TextEncoder();

/** strconv.Quote of a single rune U+0000..U+00FF, without the quotes (what quoteChar needs). */
function quoteLatin1(c: number): string {
  switch (c) {
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x0b:
      return '\\v';
    case 0x5c:
      return '\\\\';
  }
  if (c < 0x20 || c === 0x7f) return '\\x' + c.toString(16).padStart(2, '0');
  // U+0080..U+009F (C1 controls), U+00A0 (NBSP, not ASCII space) and U+00AD (soft hyphen)
  // are not strconv.IsPrint.
  if ((c >= 0x80 && c <= 0xa0) || c === 0xad) return '\\u' + c.toString(16).padStart(4, '0');
  return String.fromCharCode(c);
}

/**
 * quoteChar formats c as a quoted character literal (scanner.go). Go scans bytes, so for a
 * non-ASCII character the message names its first UTF-8 byte read as a Latin-1 rune.
 */
function quoteChar(ch: string): string {
  let c = ch.charCodeAt(0);
  if (c >= 0x80) c = utf8.encode(ch)[0] ?? 0xef;
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return `'"'`;
  return "'" + quoteLatin1(c) + "'";
}

function isSpace(c: string): boolean {
  return c <= ' ' && (c === ' ' || c === '\t' || c === '\r' || c === '\n');
}

type Step = (s: Scanner, c: string) => Scan;

/** A port of encoding/json's scanner: step(c) for each byte, eof() at the end. */
class Scanner {
  step: Step = stateBeginValue;
  endTop = false;
  parseState: Parse[] = [];
  err: JsonSyntaxError | null = null;
  bytes = 0;

  eof(): Scan {
    if (this.err !== null) return Scan.Error;
    if (this.endTop) return Scan.End;
    this.step(this, ' ');
    if (this.endTop) return Scan.End;
    if (this.err === null) this.err = new JsonSyntaxError('unexpected end of JSON input', this.bytes);
    return Scan.Error;
  }

  pushParseState(c: string, newParseState: Parse, successState: Scan): Scan {
    this.parseState.push(newParseState);
    if (this.parseState.length <= MAX_NESTING_DEPTH) return successState;
    return this.error(c, 'exceeded max depth');
  }

  popParseState(): void {
    this.parseState.pop();
    if (this.parseState.length === 0) {
      this.step = stateEndTop;
      this.endTop = true;
    } else {
      this.step = stateEndValue;
    }
  }

  error(c: string, context: string): Scan {
    this.step = stateError;
    this.err = new JsonSyntaxError('invalid character ' + quoteChar(c) + ' ' + context, this.bytes);
    return Scan.Error;
  }
}

function stateBeginValueOrEmpty(s: Scanner, c: string): Scan {
  if (isSpace(c)) return Scan.SkipSpace;
  if (c === ']') return stateEndValue(s, c);
  return stateBeginValue(s, c);
}

function stateBeginValue(s: Scanner, c: string): Scan {
  if (isSpace(c)) return Scan.SkipSpace;
  switch (c) {
    case '{':
      s.step = stateBeginStringOrEmpty;
      return s.pushParseState(c, Parse.ObjectKey, Scan.BeginObject);
    case '[':
      s.step = stateBeginValueOrEmpty;
      return s.pushParseState(c, Parse.ArrayValue, Scan.BeginArray);
    case '"':
      s.step = stateInString;
      return Scan.BeginLiteral;
    case '-':
      s.step = stateNeg;
      return Scan.BeginLiteral;
    case '0': // beginning of 0.123
      s.step = state0;
      return Scan.BeginLiteral;
    case 't': // beginning of true
      s.step = stateT;
      return Scan.BeginLiteral;
    case 'f': // beginning of false
      s.step = stateF;
      return Scan.BeginLiteral;
    case 'n': // beginning of null
      s.step = stateN;
      return Scan.BeginLiteral;
  }
  if ('1' <= c && c <= '9') {
    s.step = state1;
    return Scan.BeginLiteral;
  }
  return s.error(c, 'looking for beginning of value');
}

function stateBeginStringOrEmpty(s: Scanner, c: string): Scan {
  if (isSpace(c)) return Scan.SkipSpace;
  if (c === '}') {
    s.parseState[s.parseState.length - 1] = Parse.ObjectValue;
    return stateEndValue(s, c);
  }
  return stateBeginString(s, c);
}

function stateBeginString(s: Scanner, c: string): Scan {
  if (isSpace(c)) return Scan.SkipSpace;
  if (c === '"') {
    s.step = stateInString;
    return Scan.BeginLiteral;
  }
  return s.error(c, 'looking for beginning of object key string');
}

function stateEndValue(s: Scanner, c: string): Scan {
  const n = s.parseState.length;
  if (n === 0) {
    // Completed top-level before the current byte.
    s.step = stateEndTop;
    s.endTop = true;
    return stateEndTop(s, c);
  }
  if (isSpace(c)) {
    s.step = stateEndValue;
    return Scan.SkipSpace;
  }
  const ps = s.parseState[n - 1];
  switch (ps) {
    case Parse.ObjectKey:
      if (c === ':') {
        s.parseState[n - 1] = Parse.ObjectValue;
        s.step = stateBeginValue;
        return Scan.ObjectKey;
      }
      return s.error(c, 'after object key');
    case Parse.ObjectValue:
      if (c === ',') {
        s.parseState[n - 1] = Parse.ObjectKey;
        s.step = stateBeginString;
        return Scan.ObjectValue;
      }
      if (c === '}') {
        s.popParseState();
        return Scan.EndObject;
      }
      return s.error(c, 'after object key:value pair');
    case Parse.ArrayValue:
      if (c === ',') {
        s.step = stateBeginValue;
        return Scan.ArrayValue;
      }
      if (c === ']') {
        s.popParseState();
        return Scan.EndArray;
      }
      return s.error(c, 'after array element');
  }
  return s.error(c, '');
}

function stateEndTop(s: Scanner, c: string): Scan {
  if (!isSpace(c)) {
    // Complain about non-space byte on next call.
    s.error(c, 'after top-level value');
  }
  return Scan.End;
}

function stateInString(s: Scanner, c: string): Scan {
  if (c === '"') {
    s.step = stateEndValue;
    return Scan.Continue;
  }
  if (c === '\\') {
    s.step = stateInStringEsc;
    return Scan.Continue;
  }
  if (c < ' ') return s.error(c, 'in string literal');
  return Scan.Continue;
}

function stateInStringEsc(s: Scanner, c: string): Scan {
  switch (c) {
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
    case '\\':
    case '/':
    case '"':
      s.step = stateInString;
      return Scan.Continue;
    case 'u':
      s.step = stateInStringEscU;
      return Scan.Continue;
  }
  return s.error(c, 'in string escape code');
}

function isHex(c: string): boolean {
  return ('0' <= c && c <= '9') || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F');
}

function hexStep(next: Step): Step {
  return (s, c) => {
    if (isHex(c)) {
      s.step = next;
      return Scan.Continue;
    }
    return s.error(c, 'in \\u hexadecimal character escape');
  };
}

const stateInStringEscU123: Step = hexStep(stateInString);
const stateInStringEscU12: Step = hexStep(stateInStringEscU123);
const stateInStringEscU1: Step = hexStep(stateInStringEscU12);
const stateInStringEscU: Step = hexStep(stateInStringEscU1);

function stateNeg(s: Scanner, c: string): Scan {
  if (c === '0') {
    s.step = state0;
    return Scan.Continue;
  }
  if ('1' <= c && c <= '9') {
    s.step = state1;
    return Scan.Continue;
  }
  return s.error(c, 'in numeric literal');
}

function state1(s: Scanner, c: string): Scan {
  if ('0' <= c && c <= '9') {
    s.step = state1;
    return Scan.Continue;
  }
  return state0(s, c);
}

function state0(s: Scanner, c: string): Scan {
  if (c === '.') {
    s.step = stateDot;
    return Scan.Continue;
  }
  if (c === 'e' || c === 'E') {
    s.step = stateE;
    return Scan.Continue;
  }
  return stateEndValue(s, c);
}

function stateDot(s: Scanner, c: string): Scan {
  if ('0' <= c && c <= '9') {
    s.step = stateDot0;
    return Scan.Continue;
  }
  return s.error(c, 'after decimal point in numeric literal');
}

function stateDot0(s: Scanner, c: string): Scan {
  if ('0' <= c && c <= '9') return Scan.Continue;
  if (c === 'e' || c === 'E') {
    s.step = stateE;
    return Scan.Continue;
  }
  return stateEndValue(s, c);
}

function stateE(s: Scanner, c: string): Scan {
  if (c === '+' || c === '-') {
    s.step = stateESign;
    return Scan.Continue;
  }
  return stateESign(s, c);
}

function stateESign(s: Scanner, c: string): Scan {
  if ('0' <= c && c <= '9') {
    s.step = stateE0;
    return Scan.Continue;
  }
  return s.error(c, 'in exponent of numeric literal');
}

function stateE0(s: Scanner, c: string): Scan {
  if ('0' <= c && c <= '9') return Scan.Continue;
  return stateEndValue(s, c);
}

/** Steps through the rest of a literal keyword (true/false/null), as stateT, stateTr, … do. */
function literalStep(word: string, at: number): Step {
  const expect = word[at] ?? '';
  const next: Step = at + 1 === word.length ? stateEndValue : literalStep(word, at + 1);
  return (s, c) => {
    if (c === expect) {
      s.step = next;
      return Scan.Continue;
    }
    return s.error(c, `in literal ${word} (expecting '${expect}')`);
  };
}

const stateT: Step = literalStep('true', 1);
const stateF: Step = literalStep('false', 1);
const stateN: Step = literalStep('null', 1);

function stateError(_s: Scanner, _c: string): Scan {
  return Scan.Error;
}

/**
 * The scanner walks UTF-16 code units instead of bytes. That is equivalent: every byte the
 * state machine tests for is ASCII, and non-ASCII text is only legal inside strings, where it
 * is copied verbatim. Only `bytes` (the error offset) is counted in UTF-8 bytes.
 */
function utf8Len(c: string): number {
  const u = c.charCodeAt(0);
  if (u < 0x80) return 1;
  if (u < 0x800) return 2;
  if (u >= 0xd800 && u <= 0xdbff) return 4; // high surrogate: the pair's 4 bytes
  if (u >= 0xdc00 && u <= 0xdfff) return 0; // low surrogate: counted with its high half
  return 3;
}

/**
 * Go json.Compact: the same tokens with insignificant whitespace dropped. HTML characters
 * are not escaped (Compact passes escape=false); json.Marshal compacts a MarshalJSON result
 * with escapeHTML, which writes < > & as \u003c \u003e \u0026 and U+2028/9 as \u2028/9.
 * Throws JsonSyntaxError on invalid input.
 * // go/src/encoding/json/indent.go Compact / appendCompact
 */
export function jsonCompact(src: string, escapeHTML = false): string {
  const scan = new Scanner();
  let out = '';
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    if (escapeHTML && (c === '<' || c === '>' || c === '&' || c === '\u2028' || c === '\u2029')) {
      out += src.slice(start, i) + '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
      start = i + 1;
    }
    const v = scan.step(scan, c);
    scan.bytes += utf8Len(c);
    if (v >= Scan.SkipSpace) {
      if (v === Scan.Error) break;
      if (start < i) out += src.slice(start, i);
      start = i + 1;
    }
  }
  if (scan.eof() === Scan.Error) throw scan.err ?? new JsonSyntaxError('unexpected end of JSON input', scan.bytes);
  return out + src.slice(start);
}

/**
 * Go json.Indent(dst, src, prefix, indent): each element on its own line, `": "` after keys,
 * empty `{}` and `[]` kept compact. Leading whitespace is dropped; trailing whitespace after
 * the top-level value is kept, as in Go. Throws JsonSyntaxError on invalid input.
 * // go/src/encoding/json/indent.go Indent / appendIndent
 */
export function jsonIndent(src: string, prefix = '', indent = '    '): string {
  const scan = new Scanner();
  const parts: string[] = [];
  let needIndent = false;
  let depth = 0;
  const newline = (): void => {
    parts.push('\n' + prefix + indent.repeat(depth));
  };
  // Runs of uninteresting bytes (string and number contents) are copied as slices.
  let runStart = -1;
  const flushRun = (end: number): void => {
    if (runStart >= 0) {
      parts.push(src.slice(runStart, end));
      runStart = -1;
    }
  };
  let i = 0;
  for (; i < src.length; i++) {
    const c = src[i] as string;
    scan.bytes += utf8Len(c);
    const v = scan.step(scan, c);
    if (v === Scan.SkipSpace) {
      flushRun(i);
      continue;
    }
    if (v === Scan.Error) break;
    if (needIndent && v !== Scan.EndObject && v !== Scan.EndArray) {
      flushRun(i);
      needIndent = false;
      depth++;
      newline();
    }
    // Emit semantically uninteresting bytes (in particular, punctuation in strings) unmodified.
    if (v === Scan.Continue) {
      if (runStart < 0) runStart = i;
      continue;
    }
    flushRun(i);
    switch (c) {
      case '{':
      case '[':
        // Delay indent so that empty object and array are formatted as {} and [].
        needIndent = true;
        parts.push(c);
        break;
      case ',':
        parts.push(c);
        newline();
        break;
      case ':':
        parts.push(': ');
        break;
      case '}':
      case ']':
        if (needIndent) {
          // Suppress indent in empty object/array.
          needIndent = false;
        } else {
          depth--;
          newline();
        }
        parts.push(c);
        break;
      default:
        parts.push(c);
    }
  }
  flushRun(i);
  if (scan.eof() === Scan.Error) throw scan.err ?? new JsonSyntaxError('unexpected end of JSON input', scan.bytes);
  return parts.join('');
}

/**
 * docker's inspect output with no --format: the daemon's raw bodies joined into one array,
 * re-indented with 4 spaces, plus a newline; `[]\n` when there is nothing to show.
 * // docker/cli cli/command/inspect/inspector.go jsonInspector.Flush (NewIndentedInspector)
 */
export function inspectJSON(rawBodies: readonly string[]): string {
  if (rawBodies.length === 0) return '[]\n';
  return jsonIndent('[' + rawBodies.join(',') + ']', '', '    ') + '\n';
}

/**
 * docker's inspect output for `--format json`: the same array through json.Compact, one line.
 * // docker/cli cli/command/inspect/inspector.go jsonInspector.Flush (NewJSONInspector)
 */
export function inspectJSONCompact(rawBodies: readonly string[]): string {
  if (rawBodies.length === 0) return '[]\n';
  return jsonCompact('[' + rawBodies.join(',') + ']') + '\n';
}
