/**
 * `service logs` output (cli/command/service/logs.go, docker 28): the multiplexed stream cut
 * into frames (pkg/stdcopy), each frame's details parsed (internal/logdetails), and the line
 * rewritten as
 *
 *   [<timestamp> ]<service>.<slot>[.<task id>]@<node><pad>    | [<details> ]<message>
 *
 * Pure: bytes in, bytes out; the caller resolves names (taskPrefix) and writes.
 */
import { quoteBytes } from '../go/quote.ts';

/** One stdcopy frame: the stream it belongs to and its payload. */
export interface Frame {
  readonly stream: 'stdout' | 'stderr';
  readonly data: Buffer;
}

/** A stream error as stdcopy reports it (the message is docker's). */
export class LogStreamError extends Error {}

const HEADER = 8;

/**
 * stdcopy.StdCopy as a push parser: feed chunks, take complete frames. A frame of stream 3
 * (systemerr) or an unknown stream byte ends the copy with docker's error, after the frames
 * before it (pushFrames returns them with the error; push throws it once they are handled by
 * the caller of pushFrames). A stream cut in the middle of a frame just ends (StdCopy returns
 * nil at EOF).
 */
export class StdDemuxer {
  private buf: Buffer = Buffer.alloc(0);
  private failed: LogStreamError | undefined;

  /** The complete frames in the data so far, and the error that stops the copy, if any. */
  pushFrames(chunk: Buffer): { frames: Frame[]; error?: LogStreamError } {
    const frames: Frame[] = [];
    if (this.failed) return { frames, error: this.failed };
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    while (this.buf.length >= HEADER) {
      const kind = this.buf[0] ?? 0;
      if (kind > 3) {
        this.failed = new LogStreamError(`Unrecognized input header: ${kind}`);
        break;
      }
      const size = this.buf.readUInt32BE(4);
      if (this.buf.length < HEADER + size) break;
      const data = this.buf.subarray(HEADER, HEADER + size);
      this.buf = this.buf.subarray(HEADER + size);
      if (kind === 3) {
        this.failed = new LogStreamError(`error from daemon in stream: ${data.toString('utf8')}`);
        break;
      }
      // stdin (0) is written to stdout, as stdcopy does.
      frames.push({ stream: kind === 2 ? 'stderr' : 'stdout', data: Buffer.from(data) });
    }
    return this.failed ? { frames, error: this.failed } : { frames };
  }

  /** pushFrames for callers without anything to do between frames: the error is thrown. */
  push(chunk: Buffer): Frame[] {
    const { frames, error } = this.pushFrames(chunk);
    if (error && frames.length === 0) throw error;
    if (error) this.failed = error;
    return frames;
  }
}

const HEX = /^[0-9a-fA-F]$/;

/** url.QueryUnescape on bytes held as a latin1 string; Go's EscapeError text on bad escapes. */
export function queryUnescape(s: string): string {
  for (let i = 0; i < s.length; ) {
    if (s[i] === '%') {
      if (i + 2 >= s.length || !HEX.test(s[i + 1] ?? '') || !HEX.test(s[i + 2] ?? '')) {
        let bad = s.slice(i);
        if (bad.length > 3) bad = bad.slice(0, 3);
        throw new LogStreamError(`invalid URL escape ${quoteBytes(Buffer.from(bad, 'latin1'))}`);
      }
      i += 3;
    } else {
      i++;
    }
  }
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '%') {
      out += String.fromCharCode(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === '+') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

/** logdetails.Parse: "k=v,k2=v2", keys and values query-unescaped (latin1 strings = Go bytes). */
export function parseLogDetails(details: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of details.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new LogStreamError('invalid details format');
    out.set(queryUnescape(pair.slice(0, eq)), queryUnescape(pair.slice(eq + 1)));
  }
  return out;
}

/** The task a log line comes from (the details docker consumes). */
export interface LogContext {
  readonly nodeID: string;
  readonly serviceID: string;
  readonly taskID: string;
}

/** Go's %v of a map[string]string: map[k:v k2:v2], keys sorted. */
function goMapText(m: ReadonlyMap<string, string>): string {
  const keys = [...m.keys()].sort();
  return `map[${keys.map((k) => `${k}:${m.get(k) ?? ''}`).join(' ')}]`;
}

/** parseContext: takes the three swarm IDs out of the details. */
export function parseLogContext(details: Map<string, string>): LogContext {
  const take = (key: string, what: string): string => {
    const v = details.get(key);
    if (v === undefined) throw new LogStreamError(`missing ${what} id in details: ${goMapText(details)}`);
    details.delete(key);
    return v;
  };
  const nodeID = take('com.docker.swarm.node.id', 'node');
  const serviceID = take('com.docker.swarm.service.id', 'service');
  const taskID = take('com.docker.swarm.task.id', 'task');
  return { nodeID, serviceID, taskID };
}

/** How many digits a replica count or slot number has (getMaxLength). */
export function digits(n: number): number {
  return String(Math.trunc(n)).length;
}

/** The "<service>.<slot>[.<task>]@<node><pad>" part (taskFormatter.format). */
export function taskPrefix(o: {
  readonly serviceName: string;
  readonly slot: number;
  readonly taskID: string;
  readonly nodeName: string;
  readonly noTaskIDs: boolean;
  readonly noTrunc: boolean;
  readonly padding: number;
}): string {
  let name = `${o.serviceName}.${o.slot}`;
  if (!o.noTaskIDs) name += `.${o.noTrunc ? o.taskID : truncate12(o.taskID)}`;
  const pad = o.padding - digits(o.slot);
  return `${name}@${o.nodeName}${pad > 0 ? ' '.repeat(pad) : ''}`;
}

function truncate12(id: string): string {
  const i = id.indexOf(':');
  const s = i >= 0 ? id.slice(i + 1) : id;
  return s.length > 12 ? s.slice(0, 12) : s;
}

/** A frame split as logWriter.Write splits it. */
export interface ParsedLine {
  readonly timestamp?: Buffer;
  readonly context: LogContext;
  /** The remaining details, "k=v" pairs sorted (for --details). */
  readonly details: readonly string[];
  readonly message: Buffer;
}

/** Splits a frame: [timestamp ]details message (SplitN on spaces), details parsed. */
export function parseLogLine(frame: Buffer, timestamps: boolean): ParsedLine {
  const parts: Buffer[] = [];
  const n = timestamps ? 3 : 2;
  let rest = frame;
  while (parts.length < n - 1) {
    const sp = rest.indexOf(0x20);
    if (sp < 0) break;
    parts.push(rest.subarray(0, sp));
    rest = rest.subarray(sp + 1);
  }
  parts.push(rest);
  if (parts.length !== n) throw new LogStreamError(`invalid context in log message: ${frame.toString('utf8')}`);
  const detailsText = (parts[n - 2] as Buffer).toString('latin1');
  const details = parseLogDetails(detailsText);
  const context = parseLogContext(details);
  const pairs = [...details].map(([k, v]) => `${k}=${v}`);
  pairs.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    ...(timestamps ? { timestamp: parts[0] as Buffer } : {}),
    context,
    details: pairs,
    message: parts[n - 1] as Buffer,
  };
}

/** The bytes docker writes for a parsed line, given its task prefix. */
export function formatLogLine(line: ParsedLine, prefix: string, showDetails: boolean): Buffer {
  const out: Buffer[] = [];
  if (line.timestamp) out.push(line.timestamp, Buffer.from(' '));
  out.push(Buffer.from(`${prefix}    | `, 'utf8'));
  if (showDetails) out.push(Buffer.from(line.details.join(','), 'latin1'), Buffer.from(' '));
  out.push(line.message);
  return Buffer.concat(out);
}
