/**
 * tsw's entry: parse global flags, dispatch to the command, and map every error to docker's
 * message and exit code. The only module that touches process, console or the clock.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import type { ConfigFile } from './configfile.ts';
import { catalog } from './commands/catalog.ts';
import type { CommandContext } from './commands/context.ts';
import type { HelpSink } from './cli/define.ts';
import { parseRootFlags, RootFlagError } from './cli/root-flags.ts';
import type { Deps, Out, SystemInfo } from './deps.ts';
import type { Engine } from './engine/types.ts';
import { StatusError, UsageError, exitCodeOf } from './errors.ts';
import type { GlobalOptions } from './globals.ts';
import { TSW_VERSION, TSW_COMMIT } from './version-info.ts';

/** The process-facing half of Deps, before global flags are known. */
export interface ProcessIO {
  readonly stdout: Out;
  readonly stderr: Out;
  readonly stdin: Deps['stdin'];
  readonly env: Deps['env'];
  now(): Date;
  readonly onInterrupt?: Deps['onInterrupt'];
  readonly system: SystemInfo;
  /** Width docker would wrap help to: stdin's terminal width, else 80. */
  readonly helpWidth: number;
}

const ROOT_USAGE = 'Usage:  docker [OPTIONS] COMMAND [ARG...]';
const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'warning', 'error', 'fatal', 'panic'];

function rootFlagError(message: string): UsageError {
  return new UsageError(`${message}\n\n${ROOT_USAGE}\n\nRun 'docker --help' for more information`);
}

interface RootParse {
  readonly globals: GlobalOptions;
  readonly command?: string;
  readonly rest: string[];
  readonly version: boolean;
  readonly help: boolean;
}

/** Global flags are parsed only before the first command word (cli/cobra.go HandleGlobalFlags). */
export function parseRoot(argv: readonly string[]): RootParse {
  let parsed;
  try {
    parsed = parseRootFlags(argv);
  } catch (err) {
    if (err instanceof RootFlagError) throw rootFlagError(err.message);
    throw err;
  }
  const v = parsed.values;
  const str = (k: string) => {
    const x = v.get(k);
    return typeof x === 'string' ? x : undefined;
  };
  const opt = <K extends string>(key: K, value: string | undefined) => (value !== undefined ? { [key]: value } : {});
  const host = v.get('host');
  const globals: GlobalOptions = {
    ...(Array.isArray(host) ? { host } : {}),
    ...opt('context', str('context')),
    ...opt('config', str('config')),
    ...opt('tlscacert', str('tlscacert')),
    ...opt('tlscert', str('tlscert')),
    ...opt('tlskey', str('tlskey')),
    debug: v.get('debug') === true,
    logLevel: str('log-level') ?? 'info',
    tls: v.get('tls') === true,
    tlsverify: v.get('tlsverify') === true,
    set: new Set(v.keys()),
  };
  const [command, ...rest] = parsed.rest;
  return {
    globals,
    ...(command !== undefined ? { command } : {}),
    rest,
    version: v.get('version') === true,
    help: v.get('help') === true,
  };
}

function rootHelp(): string {
  const pad = Math.max(...catalog.map((c) => c.name.length)) + 2;
  const list = (tswOnly: boolean) =>
    catalog.filter((c) => (c.tswOnly ?? false) === tswOnly).map((c) => `  ${c.name.padEnd(pad)}${c.short}`);
  return [
    'Usage:  tsw [OPTIONS] COMMAND',
    '',
    "A drop-in replacement for the docker CLI's Swarm commands",
    '',
    'Commands:',
    ...list(false),
    '',
    'tsw Commands:',
    ...list(true),
    '',
    'Global Options: as docker (--config, -c/--context, -D/--debug, -H/--host, -l/--log-level,',
    '  --tls, --tlscacert, --tlscert, --tlskey, --tlsverify, -v/--version)',
    '',
    "Run 'tsw COMMAND --help' for more information on a command.",
    '',
  ].join('\n');
}

/** Runs tsw with argv (without the node and script paths); resolves to the exit code. */
export async function main(argv: readonly string[], io: ProcessIO): Promise<number> {
  try {
    const root = parseRoot(argv);
    if (root.version) {
      io.stdout.write(`tsw version ${TSW_VERSION}, build ${TSW_COMMIT}\n`);
      return 0;
    }
    if (root.globals.logLevel !== undefined && !LOG_LEVELS.includes(root.globals.logLevel)) {
      throw new StatusError(`Unable to parse logging level: ${root.globals.logLevel}`, 1);
    }
    if (root.command === undefined) {
      (root.help ? io.stdout : io.stderr).write(rootHelp());
      return 0;
    }
    const entry = catalog.find((c) => c.name === root.command);
    if (!entry) {
      throw new StatusError(`docker: unknown command: docker ${root.command}\n\nRun 'docker --help' for more information`, 1);
    }
    const { readClientConfig, configDir } = await import('./configfile.ts');
    const loaded = readClientConfig(configDir(root.globals, io.env, io.system.homedir), (p) => readFileSync(p));
    if (loaded.warning !== undefined) io.stderr.write(`${loaded.warning}\n`);
    const deps = makeDeps(io, root.globals, loaded.file);
    const sink: HelpSink = {
      helpWidth: io.helpWidth,
      printHelp: (text, toStderr) => (toStderr ? io.stderr : io.stdout).write(text),
      // An unreachable daemon: docker compares with its own newest version (all supported);
      // the command's first request then reports the connection error.
      apiVersion: () => deps.engine().then((e) => e.apiVersion()).catch(() => undefined),
    };
    const ctx: CommandContext = { deps, sink, root: entry.tswOnly ? 'tsw' : 'docker' };
    try {
      const cmd = await entry.load(ctx);
      const { runGroup } = await import('./cli/define.ts');
      await runGroup(cmd, entry.leaf ? [entry.name, ...root.rest] : root.rest);
    } finally {
      closeEngine();
    }
    return 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (message !== '') io.stderr.write(`${message}\n`);
    return exitCodeOf(err);
  }
}

let openEngine: Engine | undefined;

function closeEngine(): void {
  openEngine?.close();
  openEngine = undefined;
}

function makeDeps(io: ProcessIO, globals: GlobalOptions, config: ConfigFile): Deps {
  let engine: Promise<Engine> | undefined;
  return {
    stdout: io.stdout,
    stderr: io.stderr,
    stdin: io.stdin,
    env: io.env,
    now: io.now,
    ...(io.onInterrupt ? { onInterrupt: io.onInterrupt } : {}),
    globals,
    config,
    system: io.system,
    engine(): Promise<Engine> {
      engine ??= import('./engine/index.ts').then((m) => {
        const e = m.connect(globals, io.env, io.system);
        openEngine = e;
        return e;
      });
      return engine;
    },
  };
}

function outOf(stream: NodeJS.WriteStream): Out {
  return {
    write: (text: string) => void stream.write(text),
    writeBytes: (data: Uint8Array) => void stream.write(data),
    isTTY: stream.isTTY === true,
    columns: stream.isTTY ? stream.columns : 0,
  };
}

/**
 * The executable's entry (bin/tsw): real process streams, clock and environment. tsw's arguments
 * start at process.argv[argStart]: 2 when node runs a script, 1 when it starts from tsw's
 * start-up snapshot (src/snapshot.ts), where no script path is given.
 */
export function runProcess(argStart = 2): void {
  // bin/tsw moves NODE_EXTRA_CA_CERTS aside so node does not load it at start-up: put it back
  // for the commands tsw runs (ssh, credential helpers) and hand it to the TLS transport.
  const deferredCA = process.env['TSW_NODE_EXTRA_CA_CERTS'];
  if (deferredCA !== undefined) {
    delete process.env['TSW_NODE_EXTRA_CA_CERTS'];
    process.env['NODE_EXTRA_CA_CERTS'] = deferredCA;
  }
  const stdinTTY = process.stdin.isTTY === true;
  const io: ProcessIO = {
    stdout: outOf(process.stdout),
    stderr: outOf(process.stderr),
    stdin: process.stdin,
    env: process.env,
    now: () => new Date(),
    onInterrupt: (handler) => {
      process.on('SIGINT', handler);
      return () => void process.off('SIGINT', handler);
    },
    system: {
      platform: process.platform,
      uid: typeof process.getuid === 'function' ? process.getuid() : -1,
      cwd: process.cwd(),
      homedir: homedir(),
      argv0: argStart === 2 ? (process.argv[1] ?? 'tsw') : 'tsw',
      nodeVersion: process.version,
      arch: ({ x64: 'amd64', ia32: '386', arm: 'arm' } as Record<string, string>)[process.arch] ?? process.arch,
      ...(deferredCA ? { extraCACerts: deferredCA } : {}),
    },
    helpWidth: stdinTTY && process.stdout.columns ? process.stdout.columns : 80,
  };
  // EPIPE when piped into `head`: docker (Go) dies of SIGPIPE on a write to a closed stdout, so
  // the shell sees 141 (`set -o pipefail` scripts notice). Node ignores SIGPIPE; adding and
  // removing a listener puts the default action back (libuv resets it to SIG_DFL), then raise it.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') return;
    const restoreDefault = (): void => {};
    process.on('SIGPIPE', restoreDefault);
    process.off('SIGPIPE', restoreDefault);
    process.kill(process.pid, 'SIGPIPE');
  });
  main(process.argv.slice(argStart), io).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
