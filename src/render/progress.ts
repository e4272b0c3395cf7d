/**
 * Progress output as docker draws it: the events a producer writes through
 * streamformatter's JSON progress output, rendered by jsonmessage.DisplayJSONMessagesStream
 * (vendor/github.com/docker/docker/pkg/jsonmessage/jsonmessage.go).
 *
 * Two kinds of events: action updates (progress.Update / WriteProgress: always carry a
 * progressDetail, possibly all zero) and messages (progress.Message: none).
 *  - stdout not a terminal: an update whose bar text is not empty (current or total > 0) is
 *    dropped; anything else prints `<id>: <status>\n` (or `<status>\n` without an id).
 *  - stdout a terminal: each id with progress gets its own line, in order of first appearance;
 *    an update moves the cursor up to that line (ESC[nA), erases it (ESC[2K), writes
 *    `\r<id>: <status> <bar>\r` and moves back down (ESC[nB). A message, or an update without
 *    id, forgets the lines (later ids start a new block).
 * Pure: events in, text out.
 */
import { formatDuration } from './duration.ts';
import { humanSize } from './humanize.ts';

export interface ProgressEvent {
  readonly id: string;
  /** A progress.Message: printed as is, without progressDetail. */
  readonly message?: string;
  /** The action (status) of an update. */
  readonly action?: string;
  readonly current?: number;
  readonly total?: number;
  /** Unix seconds the operation started (enables the time-left estimate). */
  readonly start?: number;
  readonly hideCounts?: boolean;
  /** Units for counts ("nodes", "tasks"); byte sizes when empty. */
  readonly units?: string;
}

export interface ProgressOptions {
  readonly isTTY: boolean;
  /** Terminal columns; docker uses 200 when the width cannot be read. */
  readonly width: number;
  /** For the time-left estimate of events with a start time. */
  readonly now?: () => Date;
}

const ESC = '\x1b[';

/** JSONProgress.String(): the bar, the counts and the time left. */
export function progressBar(ev: ProgressEvent, width: number, now?: () => Date): string {
  const current = ev.current ?? 0;
  const total = ev.total ?? 0;
  const units = ev.units ?? '';
  if (current <= 0 && total <= 0) return '';
  if (total <= 0) return units === '' ? humanSize(current).padStart(8) : `${current} ${units}`;
  const percentage = Math.min(Math.trunc(Math.trunc((current / total) * 100) / 2), 50);
  let bar = '';
  if (width > 110) bar = `[${'='.repeat(Math.max(0, percentage))}>${' '.repeat(Math.max(0, 50 - percentage))}] `;
  let numbers = '';
  if (ev.hideCounts) numbers = '';
  else if (units === '') {
    numbers = current > total ? humanSize(current).padStart(8) : `${humanSize(current).padStart(8)}/${humanSize(total)}`;
  } else {
    numbers = current > total ? `${current} ${units}` : `${current}/${total} ${units}`;
  }
  let timeLeft = '';
  if (width > 50 && current > 0 && (ev.start ?? 0) > 0 && percentage < 50 && now) {
    const fromStart = BigInt(now().getTime()) * 1_000_000n - BigInt(ev.start ?? 0) * 1_000_000_000n;
    const perEntry = fromStart / BigInt(current);
    const left = BigInt(total - current) * perEntry;
    timeLeft = ` ${formatDuration(roundToSecond(left))}`;
  }
  return bar + numbers + timeLeft;
}

/** time.Duration.Round(time.Second): halves away from zero. */
function roundToSecond(d: bigint): bigint {
  const s = 1_000_000_000n;
  const r = d % s;
  if (d < 0n) {
    const nr = -r;
    return nr + nr < s ? d + nr : d + nr - s;
  }
  return r + r < s ? d - r : d + s - r;
}

/** A stream of progress events rendered as docker's jsonmessage display does. */
export class ProgressDisplay {
  private ids = new Map<string, number>();

  constructor(private readonly opts: ProgressOptions) {}

  /** The text one event adds to the output. */
  render(ev: ProgressEvent): string {
    const tty = this.opts.isTTY;
    const isUpdate = ev.message === undefined;
    let out = '';
    let diff = 0;
    if (ev.id !== '' && isUpdate) {
      let line = this.ids.get(ev.id);
      if (line === undefined) {
        line = this.ids.size;
        this.ids.set(ev.id, line);
        if (tty) out += '\n';
      }
      diff = this.ids.size - line;
      if (tty) out += cursor(diff, 'A');
    } else {
      this.ids = new Map();
    }
    out += this.display(ev);
    if (ev.id !== '' && tty) out += cursor(diff, 'B');
    return out;
  }

  /** JSONMessage.Display. */
  private display(ev: ProgressEvent): string {
    const tty = this.opts.isTTY;
    const isUpdate = ev.message === undefined;
    const status = isUpdate ? (ev.action ?? '') : (ev.message ?? '');
    let out = '';
    let endl = '';
    const bar = isUpdate ? progressBar(ev, this.opts.width, this.opts.now) : '';
    if (tty && isUpdate) {
      endl = '\r';
      out += `${ESC}2K${endl}`;
    } else if (isUpdate && bar !== '') {
      return '';
    }
    if (ev.id !== '') out += `${ev.id}: `;
    if (isUpdate && tty) return `${out}${status} ${bar}${endl}`;
    return `${out}${status}${endl}\n`;
  }
}

function cursor(n: number, dir: 'A' | 'B'): string {
  return n === 0 ? '' : `${ESC}${n}${dir}`;
}

/** Renders a whole list of events (for tests and one-shot output). */
export function renderProgress(events: readonly ProgressEvent[], opts: ProgressOptions): string {
  const d = new ProgressDisplay(opts);
  return events.map((e) => d.render(e)).join('');
}
