/**
 * Go's encoding/csv `Reader.Read` with the default settings (comma ',', no comment character,
 * LazyQuotes off, TrimLeadingSpace off), returning the first record. docker reads `--mount`,
 * `--publish`, `--network`, `--secret` and `--config` values with it, and its errors reach the
 * user verbatim (`parse error on line 1, column 4: bare " in non-quoted-field`). Columns are
 * 1-based byte offsets (Go ≥ 1.17). Empty input (or only empty lines) is Go's `EOF`. The
 * engine reads DOCKER_CUSTOM_HEADERS with it too.
 */

const ERR_BARE_QUOTE = 'bare " in non-quoted-field';
const ERR_QUOTE = 'extraneous or missing " in quoted-field';

/** Reads the first CSV record of `text`. Throws an `ErrorClass` (the spec's SpecValueError) with Go's message. */
export function csvFirstRecord(text: string, ErrorClass: new (message: string) => Error = Error): string[] {
  // Work on the UTF-8 bytes, one latin1 code unit per byte, so offsets are byte offsets.
  const src = Buffer.from(text, 'utf8').toString('latin1');
  let off = 0;
  let numLine = 0;
  /** Reader.readLine: the next line with its '\n'; "\r\n" becomes "\n"; a final '\r' is dropped. */
  const readLine = (): { line: string; eof: boolean } => {
    const nl = src.indexOf('\n', off);
    let line = nl < 0 ? src.slice(off) : src.slice(off, nl + 1);
    off += line.length;
    const eof = nl < 0 && line.length === 0;
    if (nl < 0 && line.endsWith('\r')) line = line.slice(0, -1);
    numLine++;
    if (line.endsWith('\r\n')) line = `${line.slice(0, -2)}\n`;
    return { line, eof };
  };
  const lengthNL = (b: string): number => (b.endsWith('\n') ? 1 : 0);

  // Skip empty lines.
  let line = '';
  let eof = false;
  for (;;) {
    ({ line, eof } = readLine());
    if (eof) throw new ErrorClass('EOF');
    if (line.length === lengthNL(line)) continue;
    break;
  }
  const recLine = numLine;
  const fields: string[] = [];
  let pos = { line: numLine, col: 1 };
  const parseError = (l: number, col: number, what: string): Error =>
    new ErrorClass(
      recLine !== l ? `record on line ${recLine}; parse error on line ${l}, column ${col}: ${what}` : `parse error on line ${l}, column ${col}: ${what}`,
    );

  for (;;) {
    if (line.length === 0 || line[0] !== '"') {
      // Non-quoted field.
      const i = line.indexOf(',');
      const field = i >= 0 ? line.slice(0, i) : line.slice(0, line.length - lengthNL(line));
      const j = field.indexOf('"');
      if (j >= 0) throw parseError(numLine, pos.col + j, ERR_BARE_QUOTE);
      fields.push(field);
      if (i >= 0) {
        line = line.slice(i + 1);
        pos = { line: pos.line, col: pos.col + i + 1 };
        continue;
      }
      break;
    }
    // Quoted field.
    line = line.slice(1);
    pos = { line: pos.line, col: pos.col + 1 };
    let buf = '';
    let done = false;
    for (;;) {
      const i = line.indexOf('"');
      if (i >= 0) {
        buf += line.slice(0, i);
        line = line.slice(i + 1);
        pos = { line: pos.line, col: pos.col + i + 1 };
        const next = line[0];
        if (next === '"') {
          buf += '"'; // `""` is a quote
          line = line.slice(1);
          pos = { line: pos.line, col: pos.col + 1 };
        } else if (next === ',') {
          line = line.slice(1);
          pos = { line: pos.line, col: pos.col + 1 };
          fields.push(buf);
          break;
        } else if (lengthNL(line) === line.length) {
          fields.push(buf); // end of line
          done = true;
          break;
        } else {
          throw parseError(numLine, pos.col - 1, ERR_QUOTE);
        }
      } else if (line.length > 0) {
        // The field continues on the next line.
        buf += line;
        pos = { line: pos.line, col: pos.col + line.length };
        ({ line } = readLine());
        if (line.length > 0) pos = { line: pos.line + 1, col: 1 };
      } else {
        // End of input inside quotes.
        throw parseError(pos.line, pos.col, ERR_QUOTE);
      }
    }
    if (done) break;
  }
  return fields.map((f) => Buffer.from(f, 'latin1').toString('utf8'));
}
