/**
 * Errors that carry docker's exit codes. Commands throw; only src/cli.ts prints and exits.
 * docker prints err.Error() to stderr and exits with StatusError.StatusCode, else 1
 * (cmd/docker/docker.go getExitCode).
 */
export class StatusError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'StatusError';
  }
}

/** A flag-parse error: pflag's message plus cobra's usage footer, exit 125 (cli/cobra.go FlagErrorFunc). */
export class UsageError extends StatusError {
  constructor(message: string) {
    super(message, 125);
    this.name = 'UsageError';
  }
}

/** An error response from the Engine API, printed as docker prints it. */
export class DaemonError extends Error {
  constructor(
    readonly daemonMessage: string,
    readonly statusCode: number,
  ) {
    super(`Error response from daemon: ${daemonMessage}`);
    this.name = 'DaemonError';
  }
}

/** The exit code docker would use for this error. */
export function exitCodeOf(err: unknown): number {
  if (err instanceof StatusError) return err.status;
  return 1;
}
