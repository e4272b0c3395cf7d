/**
 * Registering docker-style commands on commander: flags from FlagSpecs, docker's argument
 * rules and their messages, pflag's error texts, cobra's help. Commander parses; this file
 * makes what it reports read exactly like docker.
 */
import { Command, CommanderError, Option } from 'commander';
import { StatusError, UsageError } from '../errors.ts';
import { quote } from '../go/quote.ts';
import { parseGoBool } from '../go/strconv.ts';
import { versionLess } from '../go/versions.ts';
import { type FlagSpec, FlagValueError, flagDisplayName, parseFlagValue } from './flags.ts';
import { type HelpCommand, renderHelp, useLine } from './help.ts';

export type ArgsRule =
  | { readonly kind: 'none' }
  | { readonly kind: 'any' }
  | { readonly kind: 'exact'; readonly n: number }
  | { readonly kind: 'min'; readonly n: number }
  | { readonly kind: 'max'; readonly n: number }
  | { readonly kind: 'range'; readonly min: number; readonly max: number };

export const noArgs: ArgsRule = { kind: 'none' };
export const anyArgs: ArgsRule = { kind: 'any' };
export const exactArgs = (n: number): ArgsRule => ({ kind: 'exact', n });
export const minArgs = (n: number): ArgsRule => ({ kind: 'min', n });
export const maxArgs = (n: number): ArgsRule => ({ kind: 'max', n });
export const rangeArgs = (min: number, max: number): ArgsRule => ({ kind: 'range', min, max });

/** Parsed flag values keyed by long flag name ("no-trunc", "filter"); unset flags are absent. */
export type FlagValues = Readonly<Record<string, unknown>>;

export interface LeafDef {
  readonly name: string;
  readonly use: string;
  readonly short: string;
  readonly aliases?: readonly string[];
  readonly args: ArgsRule;
  readonly flags: readonly FlagSpec[];
  /** false for commands whose positional arguments end flag parsing (service create). */
  readonly interspersed?: boolean;
  /** cobra's `version` annotation: the API version the command needs (see GroupDef.version). */
  readonly version?: string;
  readonly action: (flags: FlagValues, args: string[]) => Promise<void>;
}

export interface GroupDef {
  readonly name: string;
  readonly short: string;
  /** cobra's Use when it is more than the name ("stack [OPTIONS]"): the usage line of errors. */
  readonly use?: string;
  /** cobra PersistentFlags: accepted before the subcommand and by every leaf (not in help). */
  readonly persistentFlags?: readonly FlagSpec[];
  /**
   * cobra's `version` annotation: the API version every command of the group needs. Below it
   * (isSupported, cmd/docker/docker.go) a command fails with `docker stack ls requires API
   * version 1.25, …` before its arguments are checked, before a flag error is reported and
   * instead of its help (then on stdout, exit 0); help leaves out leaves and flags that need
   * more (hideUnsupportedFeatures).
   */
  readonly version?: string;
  /**
   * The stack group's own help function (stack/cmd.go): a refusal goes to stderr, and help
   * lists every flag and leaf whatever the API version.
   */
  readonly plainHelp?: boolean;
}

/**
 * What registration needs from the process: where help goes, how wide it is, and the daemon's
 * API version for the `version` annotations (undefined when the daemon cannot be reached: docker
 * then compares with its own newest version, so everything is supported).
 */
export interface HelpSink {
  readonly helpWidth: number;
  printHelp(text: string, toStderr: boolean): void;
  readonly apiVersion?: () => Promise<string | undefined>;
}

interface Meta {
  readonly help: HelpCommand;
  readonly flags: readonly FlagSpec[];
  /** A group's persistent flags. */
  readonly persistent?: readonly FlagSpec[];
  /** The command's `version` annotation. */
  readonly version?: string;
  /** A group's sink (for the version checks of a parse error). */
  readonly sink?: HelpSink;
  /** GroupDef.plainHelp. */
  readonly plainHelp?: boolean;
}

const metaOf = new WeakMap<Command, Meta>();
/**
 * A leaf's options and action, added when runGroup dispatches to it: building commander
 * options for every flag of every verb (service create and update have a hundred each) costs
 * milliseconds at every start, and only the leaf that runs needs them.
 */
const pendingLeaf = new WeakMap<Command, () => void>();

function plural(n: number): string {
  return n === 1 ? 'argument' : 'arguments';
}

/** docker's cli/required.go messages (exit 1). */
export function checkArgs(rule: ArgsRule, args: readonly string[], help: HelpCommand): void {
  const path = help.path;
  const program = path.split(' ')[0];
  const fail = (what: string, verb = 'Run') =>
    new StatusError(
      `${program}: '${path}' ${what}\n\nUsage:  ${useLine(help)}\n\n${verb} '${path} --help' for more information`,
      1,
    );
  switch (rule.kind) {
    case 'none':
      if (args.length > 0) throw fail('accepts no arguments');
      return;
    case 'exact':
      if (args.length !== rule.n) throw fail(`requires ${rule.n} ${plural(rule.n)}`);
      return;
    case 'min':
      if (args.length < rule.n) throw fail(`requires at least ${rule.n} ${plural(rule.n)}`, 'See');
      return;
    case 'max':
      if (args.length > rule.n) throw fail(`requires at most ${rule.n} ${plural(rule.n)}`);
      return;
    case 'range':
      if (args.length < rule.min || args.length > rule.max) {
        throw fail(`requires at least ${rule.min} and at most ${rule.max} ${plural(rule.max)}`);
      }
      return;
    case 'any':
      return;
  }
}

function flagError(message: string, help: HelpCommand): UsageError {
  return new UsageError(`${message}\n\nUsage:  ${useLine(help)}\n\nRun '${help.path} --help' for more information`);
}

const helpFlag: FlagSpec = { name: 'help', short: 'h', type: 'bool', usage: 'Print usage', hidden: true };

function commanderFlags(f: FlagSpec): string {
  const arg = f.type === 'bool' ? '' : ' <value>';
  return f.short ? `-${f.short}, --${f.name}${arg}` : `--${f.name}${arg}`;
}

/** Creates a group command ("docker node") whose leaves are added with addLeaf. */
export function createGroup(path: string, def: GroupDef, sink: HelpSink): Command {
  const group = new Command(def.name);
  // Group flags (only --help) count only before the subcommand, so `node ls --help` reaches ls.
  group.enablePositionalOptions().helpOption(false).helpCommand(false).exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  const help: HelpCommand = {
    path: path ? `${path} ${def.name}` : def.name,
    use: def.use ?? def.name,
    short: def.short,
    aliases: [],
    flags: [],
    subcommands: [],
  };
  const persistent = def.persistentFlags ?? [];
  const plainHelp = def.plainHelp === true;
  metaOf.set(group, { help, flags: [], persistent, sink, plainHelp, ...(def.version !== undefined ? { version: def.version } : {}) });
  group.addOption(new Option('-h, --help').hideHelp());
  for (const f of persistent) group.addOption(flagOption(f, help));
  group.hook('preSubcommand', () => flushNotices(sink));
  group.argument('[command]');
  group.allowExcessArguments(true);
  group.action(async (cmdName: string | undefined, opts: Record<string, unknown>) => {
    flushNotices(sink);
    if (!(await supportedOrHelp(sink, help.path, [def.version], [], {}, opts['help'] === true, plainHelp))) return;
    if (cmdName !== undefined) {
      throw new StatusError(
        `${help.path.split(' ')[0]}: unknown command: ${help.path} ${cmdName}\n\nUsage:  ${useLine(help)}\n\nRun '${help.path} --help' for more information`,
        1,
      );
    }
    // `docker node` alone shows help on stderr and succeeds; `--help` prints it on stdout.
    const toStderr = opts['help'] !== true;
    const shown = plainHelp ? groupHelp(group) : await supportedLeaves(groupHelp(group), group, sink);
    sink.printHelp((toStderr ? '' : helpPrefix()) + renderHelp(shown, sink.helpWidth), toStderr);
  });
  return group;
}

function groupHelp(group: Command): HelpCommand {
  const meta = metaOf.get(group);
  if (!meta) throw new Error('not a tsw group');
  const subs = group.commands
    .map((c) => ({ name: c.name(), short: metaOf.get(c)?.help.short ?? '' }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  return { ...meta.help, subcommands: subs };
}

/** hideUnsupportedFeatures for a group's help: leaves annotated with a newer API are left out. */
async function supportedLeaves(help: HelpCommand, group: Command, sink: HelpSink): Promise<HelpCommand> {
  const versions = new Map(group.commands.map((c) => [c.name(), metaOf.get(c)?.version]));
  if (![...versions.values()].some((v) => v !== undefined)) return help;
  const api = await sink.apiVersion?.();
  if (api === undefined) return help;
  const tooNew = (name: string) => {
    const v = versions.get(name);
    return v !== undefined && versionLess(api, v);
  };
  return { ...help, subcommands: (help.subcommands ?? []).filter((c) => !tooNew(c.name)) };
}

/** Adds a leaf command ("docker node ls") to a group. */
export function addLeaf(group: Command, def: LeafDef, sink: HelpSink): Command {
  const groupMeta = metaOf.get(group);
  if (!groupMeta) throw new Error('addLeaf needs a group made by createGroup');
  const help: HelpCommand = {
    path: `${groupMeta.help.path} ${def.name}`,
    use: def.use,
    short: def.short,
    aliases: def.aliases ?? [],
    flags: def.flags,
  };
  const cmd = group.command(def.name);
  metaOf.set(cmd, { help, flags: def.flags, ...(def.version !== undefined ? { version: def.version } : {}) });
  for (const a of def.aliases ?? []) cmd.alias(a);
  cmd.helpOption(false).exitOverride((err) => {
    throw mapCommanderError(err, help, lastArgv);
  });
  cmd.configureOutput({ writeErr: () => {}, writeOut: () => {} });
  cmd.argument('[args...]').allowExcessArguments(true);
  if (def.interspersed === false) cmd.passThroughOptions();
  pendingLeaf.set(cmd, () => materializeLeaf(cmd, def, help, sink, groupMeta));
  return cmd;
}

/** Adds a leaf's flags and action (once, right before it parses). */
function materializeLeaf(cmd: Command, def: LeafDef, help: HelpCommand, sink: HelpSink, groupMeta: Meta): void {
  for (const f of [...def.flags, helpFlag, ...(groupMeta.persistent ?? [])]) cmd.addOption(flagOption(f, help));
  const versions = [def.version, groupMeta.version];
  cmd.action(async (args: string[], raw: Record<string, unknown>) => {
    if (leafFlagError !== undefined) {
      await isSupported(sink, help.path, versions, [], {});
      throw leafFlagError;
    }
    flushNotices(sink);
    const values = collectValues(cmd, def.flags, raw);
    if (!(await supportedOrHelp(sink, help.path, versions, def.flags, values, raw['help'] === true, groupMeta.plainHelp === true))) return;
    if (raw['help'] === true) {
      const flags = groupMeta.plainHelp === true ? help.flags : await supportedFlags(sink, help.flags);
      sink.printHelp(helpPrefix() + renderHelp({ ...help, flags }, sink.helpWidth), false);
      return;
    }
    checkArgs(def.args, args, help);
    await def.action(values, args);
  });
}

/**
 * isSupported (cmd/docker/docker.go): the `version` annotations of the command and its group
 * (`docker stack ls requires API version 1.25, but the Docker daemon API version is 1.24`), then
 * every given flag annotated with a newer version, in pflag's sorted order, joined by newlines
 * (exit 1). The daemon is asked for its version only when something given is annotated.
 */
async function isSupported(sink: HelpSink, path: string, versions: ReadonlyArray<string | undefined>, flags: readonly FlagSpec[], given: FlagValues): Promise<void> {
  const needed = versions.filter((v): v is string => v !== undefined);
  const annotated = flags.filter((f) => f.version !== undefined && given[f.name] !== undefined);
  if (needed.length === 0 && annotated.length === 0) return;
  const api = await sink.apiVersion?.();
  if (api === undefined) return;
  for (const v of needed) {
    if (versionLess(api, v)) throw new StatusError(`${path} requires API version ${v}, but the Docker daemon API version is ${api}`, 1);
  }
  const errs = annotated
    .filter((f) => versionLess(api, f.version ?? ''))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((f) => `"--${f.name}" requires API version ${f.version ?? ''}, but the Docker daemon API version is ${api}`);
  if (errs.length > 0) throw new StatusError(errs.join('\n'), 1);
}

/**
 * isSupported before a command runs or shows its help. For help, docker prints the refusal
 * instead and succeeds (on stdout; stack's own help function on stderr): then false is returned.
 * Otherwise the refusal is thrown.
 */
async function supportedOrHelp(
  sink: HelpSink,
  path: string,
  versions: ReadonlyArray<string | undefined>,
  flags: readonly FlagSpec[],
  given: FlagValues,
  forHelp: boolean,
  refusalToStderr: boolean,
): Promise<boolean> {
  try {
    await isSupported(sink, path, versions, flags, given);
    return true;
  } catch (e) {
    if (!forHelp) throw e;
    sink.printHelp(`${e instanceof Error ? e.message : String(e)}\n`, refusalToStderr);
    return false;
  }
}

/** hideUnsupportedFeatures for a leaf's help: flags annotated with a newer API are hidden. */
async function supportedFlags(sink: HelpSink, flags: readonly FlagSpec[]): Promise<readonly FlagSpec[]> {
  if (!flags.some((f) => f.version !== undefined)) return flags;
  const api = await sink.apiVersion?.();
  if (api === undefined) return flags;
  return flags.map((f) => (f.version !== undefined && versionLess(api, f.version) ? { ...f, hidden: true } : f));
}

/** A commander option for a FlagSpec: pflag's value parsing and messages. */
function flagOption(f: FlagSpec, help: HelpCommand): Option {
  const opt = new Option(commanderFlags(f), f.usage);
  if (f.hidden || f.deprecated !== undefined) opt.hideHelp();
  if (f.type !== 'bool') {
    opt.argParser((value: string, previous: unknown) => {
      try {
        const parsed = parseFlagValue(f, value, previous);
        if (f.deprecated !== undefined) notices.push(`Flag --${f.name} has been deprecated, ${f.deprecated}\n`);
        return parsed;
      } catch (e) {
        throw e instanceof FlagValueError ? flagError(e.message, help) : e;
      }
    });
  }
  return opt;
}

/**
 * pflag's deprecation notices of the command being parsed. cobra buffers them and prints
 * them (on docker's stdout) once that command's flags parsed without error.
 */
let notices: string[] = [];

/** A leaf's bool flag error found before parsing, thrown once the group's flags are parsed. */
let leafFlagError: unknown;

function flushNotices(sink: HelpSink): void {
  if (notices.length > 0) sink.printHelp(notices.join(''), false);
  notices = [];
}

/** pflag warns on stdout when the deprecated -h shorthand is used for help. */
function helpPrefix(): string {
  return lastArgv.includes('-h') ? 'Flag shorthand -h has been deprecated, use --help\n' : '';
}

/** Bool values given as --flag=value, applied after commander parsed (pflag accepts them). */
let boolOverrides = new Map<string, boolean>();
let lastArgv: readonly string[] = [];

function collectValues(cmd: Command, flags: readonly FlagSpec[], raw: Record<string, unknown>): FlagValues {
  const out: Record<string, unknown> = {};
  for (const f of flags) {
    const opt = cmd.options.find((o) => o.long === `--${f.name}`);
    if (!opt) continue;
    const key = opt.attributeName();
    const source = cmd.getOptionValueSource(key);
    if (source === 'cli' && raw[key] !== undefined) {
      out[f.name] = opt.negate ? !raw[key] : raw[key];
    }
    if (boolOverrides.has(f.name)) out[f.name] = boolOverrides.get(f.name);
  }
  return out;
}

/**
 * Rewrites `--flag=true|false` for bool flags (pflag syntax commander lacks) before commander
 * sees argv. Stops at `--`. Returns the argv commander should parse.
 */
export function normalizeBools(argv: readonly string[], flags: readonly FlagSpec[], help: HelpCommand): string[] {
  boolOverrides = new Map();
  const out: string[] = [];
  let done = false;
  for (const tok of argv) {
    // pflag reads `-c=value` as the shorthand's value "value" (commander would keep "=value").
    const short = done ? null : /^-([^-=])=([\s\S]+)$/.exec(tok);
    if (short) {
      const f = flags.find((x) => x.short === short[1]);
      if (f && f.type !== 'bool') {
        out.push(`-${short[1]}`, short[2] ?? '');
        continue;
      }
      if (f) {
        const v = parseGoBool(short[2] ?? '');
        if (v === undefined) {
          const text = short[2] ?? '';
          throw flagError(`invalid argument ${quote(text)} for "${flagDisplayName(f)}" flag: strconv.ParseBool: parsing ${quote(text)}: invalid syntax`, help);
        }
        boolOverrides.set(f.name, v);
        continue;
      }
    }
    if (done || !tok.startsWith('--') || !tok.includes('=')) {
      if (tok === '--') done = true;
      out.push(tok);
      continue;
    }
    const eq = tok.indexOf('=');
    const name = tok.slice(2, eq);
    const f = flags.find((x) => x.name === name && x.type === 'bool');
    if (!f) {
      out.push(tok);
      continue;
    }
    const text = tok.slice(eq + 1);
    const v = parseGoBool(text);
    if (v === undefined) {
      throw flagError(`invalid argument ${quote(text)} for "${flagDisplayName(f)}" flag: strconv.ParseBool: parsing ${quote(text)}: invalid syntax`, help);
    }
    boolOverrides.set(name, v);
  }
  return out;
}

/** Translates commander's parse errors into pflag's words and cobra's usage footer. */
function mapCommanderError(err: CommanderError, help: HelpCommand, argv: readonly string[]): Error {
  if (err instanceof StatusError) return err;
  const quoted = /'([^']+)'/.exec(err.message)?.[1] ?? '';
  switch (err.code) {
    case 'commander.unknownOption': {
      if (quoted.startsWith('--')) return flagError(`unknown flag: ${quoted.split('=')[0]}`, help);
      const ch = quoted.slice(1, 2);
      return flagError(`unknown shorthand flag: '${ch}' in -${ch}`, help);
    }
    case 'commander.optionMissingArgument': {
      const long = /--([\w-]+)/.exec(quoted)?.[1] ?? '';
      const short = /^-(\w),/.exec(quoted)?.[1];
      const usedLong = argv.includes(`--${long}`);
      if (short && !usedLong) return flagError(`flag needs an argument: '${short}' in -${short}`, help);
      return flagError(`flag needs an argument: --${long}`, help);
    }
    default:
      return flagError(err.message.replace(/^error: /, ''), help);
  }
}

/** Finds the leaf a group would dispatch argv to, so its bool flags can be normalized. */
export function findLeaf(group: Command, argv: readonly string[]): { cmd: Command; index: number } | undefined {
  // The value of a group flag given as `--flag value` is not the subcommand's name.
  const valued = (metaOf.get(group)?.persistent ?? []).filter((f) => f.type !== 'bool');
  const takesValue = (tok: string) => valued.some((f) => tok === `--${f.name}` || (f.short !== undefined && tok === `-${f.short}`));
  let index = -1;
  for (let i = 0; i < argv.length; i++) {
    const tok = argv[i] ?? '';
    if (!tok.startsWith('-')) {
      index = i;
      break;
    }
    if (takesValue(tok)) i++;
  }
  if (index < 0) return undefined;
  const word = argv[index];
  const cmd = group.commands.find((c) => c.name() === word || c.aliases().includes(word ?? ''));
  return cmd ? { cmd, index } : undefined;
}

/** Parses argv (after the group word) on a group made by createGroup. */
export async function runGroup(group: Command, argv: readonly string[]): Promise<void> {
  lastArgv = argv;
  notices = [];
  leafFlagError = undefined;
  const leaf = findLeaf(group, argv);
  let args = [...argv];
  if (leaf) {
    const materialize = pendingLeaf.get(leaf.cmd);
    pendingLeaf.delete(leaf.cmd);
    materialize?.();
    const meta = metaOf.get(leaf.cmd);
    if (meta) {
      try {
        args = [...argv.slice(0, leaf.index + 1), ...normalizeBools(argv.slice(leaf.index + 1), meta.flags, meta.help)];
      } catch (e) {
        // The group's own flags parse first (their notices are printed): the leaf fails then.
        if ((metaOf.get(group)?.persistent ?? []).length === 0) throw e;
        leafFlagError = e;
        args = argv.slice(0, leaf.index + 1);
      }
    }
  }
  try {
    await group.parseAsync(args, { from: 'user' });
  } catch (err) {
    const meta = metaOf.get(group);
    let mapped = err;
    if (err instanceof CommanderError && !(err instanceof StatusError) && meta) mapped = mapCommanderError(err, meta.help, argv);
    // docker's flag error function checks the command's API version first.
    if (mapped instanceof UsageError && meta?.sink) {
      const leafMeta = leaf ? metaOf.get(leaf.cmd) : undefined;
      await isSupported(meta.sink, leafMeta?.help.path ?? meta.help.path, [leafMeta?.version, meta.version], [], {});
    }
    throw mapped;
  }
}
