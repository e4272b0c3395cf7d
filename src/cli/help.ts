/**
 * Help text laid out like docker's (cli/cobra.go usageTemplate, pflag FlagUsagesWrapped).
 * Pure: the caller passes the width docker would use (stdin's terminal width, else 80).
 */
import type { FlagSpec } from './flags.ts';

export interface HelpCommand {
  /** Full command path, e.g. "docker node ls". */
  readonly path: string;
  readonly use: string;
  readonly short: string;
  readonly aliases: readonly string[];
  readonly flags: readonly FlagSpec[];
  /** Subcommands of a group: name and short description. */
  readonly subcommands?: ReadonlyArray<{ readonly name: string; readonly short: string }>;
}

/** The use line cobra prints: parent path + Use. */
export function useLine(cmd: HelpCommand): string {
  const parent = cmd.path.split(' ').slice(0, -1).join(' ');
  return `${parent} ${cmd.use}`;
}

export function renderHelp(cmd: HelpCommand, width: number): string {
  const visible = cmd.flags.filter((f) => !f.hidden);
  const out: string[] = [];
  if (cmd.subcommands) {
    out.push(`Usage:  ${cmd.path}${visible.length > 0 ? ' [OPTIONS]' : ''} COMMAND`, '');
  } else {
    out.push(`Usage:  ${useLine(cmd)}`, '');
  }
  out.push(cmd.short.trim());
  if (cmd.aliases.length > 0) {
    const parent = cmd.path.split(' ').slice(0, -1).join(' ');
    out.push('', 'Aliases:', `  ${[cmd.path, ...cmd.aliases.map((a) => `${parent} ${a}`)].join(', ')}`);
  }
  if (visible.length > 0) {
    out.push('', 'Options:', flagUsages(visible, width - 1).replace(/\s+$/, ''));
  }
  if (cmd.subcommands) {
    const pad = Math.max(11, ...cmd.subcommands.map((s) => s.name.length + 1));
    out.push('', 'Commands:');
    for (const s of cmd.subcommands) out.push(`  ${s.name.padEnd(pad)} ${s.short}`);
    out.push('', `Run '${cmd.path} COMMAND --help' for more information on a command.`);
  }
  return `${out.join('\n')}\n`;
}

/** pflag's type name for the value column. */
function varName(f: FlagSpec): string {
  switch (f.type) {
    case 'bool':
      return '';
    case 'int64':
      return 'int';
    case 'uint64':
      return 'uint';
    case 'stringSlice':
      return 'strings';
    default:
      return f.type;
  }
}

/** pflag FlagUsagesWrapped, flags sorted by name. */
export function flagUsages(flags: readonly FlagSpec[], cols: number): string {
  const sorted = [...flags].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let maxlen = 0;
  const lines = sorted.map((f) => {
    let line = f.short ? `  -${f.short}, --${f.name}` : `      --${f.name}`;
    const vn = varName(f);
    if (vn) line += ` ${vn}`;
    line += '\0';
    maxlen = Math.max(maxlen, line.length);
    line += f.usage;
    if (f.defaultText !== undefined) {
      line += f.type === 'string' ? ` (default ${JSON.stringify(f.defaultText)})` : ` (default ${f.defaultText})`;
    }
    return line;
  });
  let buf = '';
  for (const line of lines) {
    const sidx = line.indexOf('\0');
    const spacing = ' '.repeat(maxlen - sidx);
    buf += `${line.slice(0, sidx)} ${spacing} ${wrap(maxlen + 2, cols, line.slice(sidx + 1))}\n`;
  }
  return buf;
}

function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ''];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (w <= 0) return [s, ''];
  const nl = head.lastIndexOf('\n');
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}

/** pflag's wrap: first line unindented, the rest indented by i, wrapped at w. */
function wrap(i: number, w: number, text: string): string {
  let s = text;
  if (w === 0) return s.split('\n').join(`\n${' '.repeat(i)}`);
  let width = w - i;
  let r = '';
  if (width < 24) {
    i = 16;
    width = w - i;
    r += `\n${' '.repeat(i)}`;
  }
  if (width < 24) return s.split('\n').join(r);
  const slop = 5;
  width -= slop;
  const indent = ' '.repeat(i);
  let l: string;
  [l, s] = wrapN(width, slop, s);
  r += l.split('\n').join(`\n${indent}`);
  while (s !== '') {
    let t: string;
    [t, s] = wrapN(width, slop, s);
    r += `\n${indent}${t.split('\n').join(`\n${indent}`)}`;
  }
  return r;
}
