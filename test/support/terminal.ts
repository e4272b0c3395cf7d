/**
 * A minimal terminal for comparing progress displays drawn in place: it applies "\r", "\n",
 * ESC[nA (up), ESC[nB (down) and ESC[2K (erase line) to a grid of lines, and records every
 * `<id>: …` text written at the start of a line. Two displays that draw the same updates in a
 * different order within a poll (docker walks Go maps) end on the same screen with the same
 * multiset of writes.
 */
export interface Screen {
  /** The final lines, trailing spaces kept, trailing empty lines dropped. */
  readonly lines: string[];
  /** Every text written after an erase, in order (sort it to compare as a multiset). */
  readonly writes: string[];
}

export function renderScreen(bytes: string): Screen {
  const lines: string[] = [''];
  const writes: string[] = [];
  let row = 0;
  let col = 0;
  let current: string | undefined;
  const flush = () => {
    if (current !== undefined) writes.push(current);
    current = undefined;
  };
  const put = (ch: string) => {
    const line = lines[row] ?? '';
    lines[row] = line.slice(0, col).padEnd(col) + ch + line.slice(col + 1);
    col++;
    if (current !== undefined) current += ch;
  };
  for (let i = 0; i < bytes.length; i++) {
    const ch = bytes[i] ?? '';
    if (ch === '\x1b' && bytes[i + 1] === '[') {
      const m = /^\x1b\[(\d*)([A-Za-z])/.exec(bytes.slice(i));
      if (!m) throw new Error(`unknown escape at ${i}: ${JSON.stringify(bytes.slice(i, i + 8))}`);
      const n = Number(m[1] || '1');
      flush();
      if (m[2] === 'A') row = Math.max(0, row - n);
      else if (m[2] === 'B') row += n;
      else if (m[2] === 'K' && m[1] === '2') {
        lines[row] = '';
        current = '';
      } else throw new Error(`unsupported escape ${m[0]}`);
      while (lines.length <= row) lines.push('');
      i += m[0].length - 1;
      continue;
    }
    if (ch === '\r') {
      col = 0;
      continue;
    }
    if (ch === '\n') {
      flush();
      row++;
      col = 0;
      while (lines.length <= row) lines.push('');
      continue;
    }
    put(ch);
  }
  flush();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return { lines, writes };
}
