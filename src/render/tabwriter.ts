/**
 * Elastic tabstops, as docker's fork of Go's text/tabwriter lays them out
 * (cli/command/formatter/tabwriter, cell width = go-runewidth display width).
 *
 * Text is a sequence of cells terminated by '\t' (or '\v'); '\n' ends a line. A column is
 * formed by consecutive lines that have a terminated cell at that index; its width is
 * max(minwidth, widest cell + padding). The text after the last tab of a line is not part of
 * any column and is never padded. An empty terminated cell is padded too, which is how docker
 * tables get trailing spaces. A line without any tab flushes everything before it, so column
 * blocks never span such a line. '\f' ends a line and flushes as well.
 *
 * docker: NewWriter(out, minwidth 10, tabwidth 1, padding 3, ' ', 0) — the defaults here.
 * Not supported (docker never sets them): FilterHTML, StripEscape and the 0xff escape byte.
 *
 * Like Go's, the writer keeps the buffered text in one place and cells as offsets into it
 * (no object or string per cell), which keeps 2000-row tables cheap.
 */
import { displayWidth } from './display.ts';

/** Align cell content right instead of left. */
export const AlignRight = 4;
/** Treat columns whose cells are all empty as width 0. */
export const DiscardEmptyColumns = 8;
/** Pad leading empty cells with tabs regardless of padchar. */
export const TabIndent = 16;
/** Print a vertical bar between columns. */
export const Debug = 32;

/** Layout parameters (Go's NewWriter arguments) and the cell width function. */
export interface TabwriterOptions {
  readonly minwidth?: number;
  readonly tabwidth?: number;
  readonly padding?: number;
  /** One character; '\t' means tab padding (then alignment assumes tabwidth columns per tab). */
  readonly padchar?: string;
  readonly flags?: number;
  /** Display width of a cell's text (default: go-runewidth's StringWidth); pure: results are reused. */
  readonly width?: (text: string) => number;
}

const SPACES = ' '.repeat(256);
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** go-runewidth StringWidth with a fast path for printable ASCII. */
function defaultWidth(s: string): number {
  return PRINTABLE_ASCII.test(s) ? s.length : displayWidth(s);
}

/** A tabwriter; write() any number of times, then flush() and read output(). */
export class Tabwriter {
  private readonly minwidth: number;
  private readonly tabwidth: number;
  private readonly padding: number;
  private readonly padchar: string;
  private readonly flags: number;
  private readonly width: (text: string) => number;
  private readonly out: string[] = [];
  /** Everything written since the last flush, terminators included; cells are ranges of it. */
  private text = '';
  /** Where the current, unterminated cell starts in text. */
  private cellFrom = 0;
  /** Widths of the non-ASCII cells seen so far (tables repeat them: "…" errors, states). */
  private readonly widthMemo = new Map<string, number>();
  /** Cells: [start, end) in text, display width, terminated by a horizontal tab. */
  private cellStart: number[] = [];
  private cellEnd: number[] = [];
  private cellWidth: number[] = [];
  private cellHtab: boolean[] = [];
  /** Index of the first cell of each line; the last line is the one being built. */
  private lineStart: number[] = [0];
  private widths: number[] = [];

  constructor(opts: TabwriterOptions = {}) {
    this.minwidth = opts.minwidth ?? 10;
    this.tabwidth = opts.tabwidth ?? 1;
    this.padding = opts.padding ?? 3;
    this.padchar = opts.padchar ?? ' ';
    let flags = opts.flags ?? 0;
    if (this.padchar === '\t') flags &= ~AlignRight; // tab padding enforces left-alignment
    this.flags = flags;
    this.width = opts.width ?? defaultWidth;
    if (this.minwidth < 0 || this.tabwidth < 0 || this.padding < 0) {
      throw new Error('negative minwidth, tabwidth, or padding');
    }
  }

  /** Feed text. Output is produced whenever a line without tabs (or '\f') is completed. */
  write(text: string): void {
    // Scan with indexOf (native) rather than per character: cell terminators are \t \n \v \f.
    const hasVF = text.indexOf('\v') >= 0 || text.indexOf('\f') >= 0;
    // text[i] is this.text[base + i] (base moves back when a flush drops the laid-out lines).
    let base = this.text.length;
    this.text += text;
    let pos = 0;
    let nextTab = text.indexOf('\t');
    let nextNL = text.indexOf('\n');
    for (;;) {
      let i: number;
      if (nextTab < 0) i = nextNL;
      else if (nextNL < 0) i = nextTab;
      else i = nextTab < nextNL ? nextTab : nextNL;
      if (hasVF) {
        const v = firstOf(text, pos);
        if (v >= 0 && (i < 0 || v < i)) i = v;
      }
      if (i < 0) break;
      const c = text.charCodeAt(i);
      this.terminateCell(base + i, c === 9);
      pos = i + 1;
      if (c === 9) nextTab = text.indexOf('\t', pos);
      else if (c === 10) nextNL = text.indexOf('\n', pos);
      if (c === 10 || c === 12) {
        const ncells = this.cellStart.length - (this.lineStart[this.lineStart.length - 1] as number);
        this.lineStart.push(this.cellStart.length);
        if (c === 12 || ncells === 1) {
          // A line with a single cell cannot belong to a column block: flush. Also, '\f'
          // ends the block explicitly.
          base -= this.flushLines();
          if (c === 12 && (this.flags & Debug) !== 0) this.out.push('---\n');
        }
      }
    }
  }

  /** Lay out and emit everything buffered. */
  flush(): void {
    if (this.text.length > this.cellFrom) this.terminateCell(this.text.length, false);
    this.flushLines();
  }

  /** Everything emitted so far. */
  output(): string {
    return this.out.join('');
  }

  /** Ends the current cell at end (an offset in text, where its terminator is). */
  private terminateCell(end: number, htab: boolean): void {
    const start = this.cellFrom;
    this.cellFrom = end + 1;
    this.cellStart.push(start);
    this.cellEnd.push(end);
    this.cellWidth.push(start === end ? 0 : this.widthOf(start, end));
    this.cellHtab.push(htab);
  }

  /** The width of text[start:end]: printable ASCII is its length; anything else is measured once. */
  private widthOf(start: number, end: number): number {
    const text = this.text;
    if (this.width === defaultWidth) {
      let i = start;
      while (i < end) {
        const c = text.charCodeAt(i);
        if (c < 0x20 || c > 0x7e) break;
        i++;
      }
      if (i === end) return end - start;
    }
    const cell = text.slice(start, end);
    let w = this.widthMemo.get(cell);
    if (w === undefined) {
      w = this.width(cell);
      this.widthMemo.set(cell, w);
    }
    return w;
  }

  private lineCount(): number {
    return this.lineStart.length;
  }

  /** Number of cells of line i. */
  private cells(i: number): number {
    const next = i + 1 < this.lineStart.length ? (this.lineStart[i + 1] as number) : this.cellStart.length;
    return next - (this.lineStart[i] as number);
  }

  /** Lays out the buffered lines and drops their text; returns how many characters went. */
  private flushLines(): number {
    this.format(0, this.lineCount());
    const dropped = this.cellFrom;
    this.text = this.text.slice(dropped);
    this.cellFrom = 0;
    this.cellStart = [];
    this.cellEnd = [];
    this.cellWidth = [];
    this.cellHtab = [];
    this.lineStart = [0];
    this.widths = [];
    return dropped;
  }

  private padText(textw: number, cellw: number, useTabs: boolean): string {
    if (this.padchar === '\t' || useTabs) {
      // Padding is done with tabs.
      if (this.tabwidth === 0) return ''; // tabs have no width - can't do any padding
      // Make cellw the smallest multiple of tabwidth.
      const cw = Math.ceil(cellw / this.tabwidth) * this.tabwidth;
      const n = cw - textw;
      if (n < 0) throw new Error('internal error');
      return '\t'.repeat(Math.ceil(n / this.tabwidth));
    }
    const n = cellw - textw;
    if (n <= 0) return '';
    return this.padchar === ' ' && n <= SPACES.length ? SPACES.slice(0, n) : this.padchar.repeat(n);
  }

  private writeLines(line0: number, line1: number): void {
    const debug = (this.flags & Debug) !== 0;
    const alignRight = (this.flags & AlignRight) !== 0;
    const widths = this.widths;
    const text = this.text;
    const lines = this.lineCount();
    let buf = '';
    for (let i = line0; i < line1; i++) {
      const first = this.lineStart[i] as number;
      const n = this.cells(i);
      // Leading empty cells are padded with tabs when TabIndent is set.
      let useTabs = (this.flags & TabIndent) !== 0;
      for (let j = 0; j < n; j++) {
        const k = first + j;
        const start = this.cellStart[k] as number;
        const end = this.cellEnd[k] as number;
        const cw = this.cellWidth[k] as number;
        if (j > 0 && debug) buf += '|';
        const w = widths[j];
        if (start === end) {
          // An empty cell.
          if (w !== undefined) buf += this.padText(cw, w, useTabs);
        } else {
          useTabs = false;
          if (!alignRight) {
            buf += text.slice(start, end);
            if (w !== undefined) buf += this.padText(cw, w, false);
          } else {
            if (w !== undefined) buf += this.padText(cw, w, false);
            buf += text.slice(start, end);
          }
        }
      }
      // The last buffered line has no newline yet (layout happens right after a terminator or
      // once flush() ended the last cell, so nothing of it is left to print).
      if (i + 1 !== lines) buf += '\n';
    }
    this.out.push(buf);
  }

  /** Format lines [line0, line1) for the column at index widths.length (recursively). */
  private format(line0In: number, line1: number): void {
    let line0 = line0In;
    const column = this.widths.length;
    const lineStart = this.lineStart;
    const nLines = lineStart.length;
    const nCells = this.cellStart.length;
    const cellWidth = this.cellWidth;
    for (let row = line0; row < line1; row++) {
      const count = (row + 1 < nLines ? (lineStart[row + 1] as number) : nCells) - (lineStart[row] as number);
      if (column >= count - 1) continue;
      // This line has a cell in this column: it starts a block. Print what came before.
      this.writeLines(line0, row);
      line0 = row;
      // Column block: the width is the widest cell (plus padding) over consecutive lines.
      let width = this.minwidth;
      let discardable = true;
      for (; row < line1; row++) {
        const first = lineStart[row] as number;
        const cnt = (row + 1 < nLines ? (lineStart[row + 1] as number) : nCells) - first;
        if (column >= cnt - 1) break;
        const k = first + column;
        const cw = cellWidth[k] as number;
        const w = cw + this.padding;
        if (w > width) width = w;
        if (cw > 0 || this.cellHtab[k] === true) discardable = false;
      }
      if (discardable && (this.flags & DiscardEmptyColumns) !== 0) width = 0;
      this.widths.push(width);
      this.format(line0, row);
      this.widths.pop();
      line0 = row;
    }
    this.writeLines(line0, line1);
  }
}

function firstOf(text: string, from: number): number {
  const v = text.indexOf('\v', from);
  const f = text.indexOf('\f', from);
  if (v < 0) return f;
  if (f < 0) return v;
  return v < f ? v : f;
}

/** Lay out text in one go (write + flush) with docker's parameters unless overridden. */
export function tabwrite(text: string, opts: TabwriterOptions = {}): string {
  const w = new Tabwriter(opts);
  w.write(text);
  w.flush();
  return w.output();
}
