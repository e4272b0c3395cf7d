/** The flags docker accepts before the command word (cli/flags/options.go). */
export interface GlobalOptions {
  /** Every -H/--host value given; docker refuses more than one when it connects. */
  readonly host?: readonly string[];
  readonly context?: string;
  readonly config?: string;
  readonly debug: boolean;
  readonly logLevel: string;
  readonly tls: boolean;
  readonly tlsverify: boolean;
  readonly tlscacert?: string;
  readonly tlscert?: string;
  readonly tlskey?: string;
  /** Names (long form, no dashes) of the flags the user gave explicitly. */
  readonly set: ReadonlySet<string>;
}

export const defaultGlobals: GlobalOptions = {
  debug: false,
  logLevel: 'info',
  tls: false,
  tlsverify: false,
  set: new Set(),
};
