/**
 * The two kinds of error the spec layer raises, matching where docker raises them:
 *
 * - {@link SpecValueError}: a flag value that a pflag `Value.Set` rejects. The message is
 *   exactly `err.Error()` of that Set; the command layer wraps it as pflag does
 *   (`invalid argument "v" for "--flag" flag: <message>`) and exits 125.
 * - {@link SpecError}: an error docker returns later, from `serviceOptions.ToService`,
 *   `runCreate`, `updateService` or `runUpdate` (cli/command/service/*.go at v28.2.2). docker
 *   prints the message as-is on stderr and exits 1.
 */

/** A value rejected by a flag's Set (pflag wraps it; exit 125). */
export class SpecValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpecValueError';
  }
}

/** A validation error raised after flag parsing (printed as-is; exit 1). */
export class SpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpecError';
  }
}
