/**
 * github.com/google/shlex Split (v0.0.0-20191202100458, vendored by docker 28.2.2), as used by
 * the service `ShlexOpt` flags (`--entrypoint`, `--args`): words split on space/tab/CR/LF,
 * "double quotes" with backslash escapes, 'single quotes' literal, `\` escapes outside quotes,
 * and `#` starting a comment only at the start of a word (comments are dropped).
 * Errors: `EOF found when expecting closing quote`, `EOF found after escape character`.
 */
import { SpecValueError } from './errors.ts';

const SPACE = ' \t\r\n';

type State = 'start' | 'word' | 'escaping' | 'escapingQuoted' | 'quotingEscaping' | 'quoting' | 'comment';

/** shlex.Split. Throws SpecValueError with shlex's message. */
export function shlexSplit(s: string): string[] {
  const words: string[] = [];
  const chars = Array.from(s);
  let i = 0;
  for (;;) {
    // One token (Tokenizer.scanStream).
    let state: State = 'start';
    let isWord = false;
    let value = '';
    let token: string | undefined;
    let finished = false;
    while (!finished) {
      const c = i < chars.length ? chars[i] : undefined;
      i++;
      const eof = c === undefined;
      const ch = c ?? '';
      const space = !eof && SPACE.includes(ch);
      switch (state) {
        case 'start':
          if (eof) return words;
          if (space) break;
          isWord = ch !== '#';
          if (ch === '"') state = 'quotingEscaping';
          else if (ch === "'") state = 'quoting';
          else if (ch === '\\') state = 'escaping';
          else if (ch === '#') state = 'comment';
          else {
            value += ch;
            state = 'word';
          }
          break;
        case 'word':
          if (eof || space) {
            token = value;
            finished = true;
          } else if (ch === '"') state = 'quotingEscaping';
          else if (ch === "'") state = 'quoting';
          else if (ch === '\\') state = 'escaping';
          else value += ch;
          break;
        case 'escaping':
          if (eof) throw new SpecValueError('EOF found after escape character');
          state = 'word';
          value += ch;
          break;
        case 'escapingQuoted':
          if (eof) throw new SpecValueError('EOF found after escape character');
          state = 'quotingEscaping';
          value += ch;
          break;
        case 'quotingEscaping':
          if (eof) throw new SpecValueError('EOF found when expecting closing quote');
          if (ch === '"') state = 'word';
          else if (ch === '\\') state = 'escapingQuoted';
          else value += ch;
          break;
        case 'quoting':
          if (eof) throw new SpecValueError('EOF found when expecting closing quote');
          if (ch === "'") state = 'word';
          else value += ch;
          break;
        case 'comment':
          if (eof || ch === '\n') {
            token = value;
            finished = true;
          } else value += ch;
          break;
      }
      if (eof && !finished) return words;
    }
    if (isWord && token !== undefined) words.push(token);
    if (i > chars.length) return words;
  }
}
