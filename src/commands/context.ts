import type { Deps } from '../deps.ts';
import type { HelpSink } from '../cli/define.ts';

/** What a command group's registration receives. */
export interface CommandContext {
  readonly deps: Deps;
  readonly sink: HelpSink;
  /** Path of the parent, "docker" (docker-compatible commands) or "tsw" (tsw's own). */
  readonly root: string;
}
