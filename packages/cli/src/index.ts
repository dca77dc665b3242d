import { existsSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';

type ParseArgsOptionConfig = NonNullable<ParseArgsConfig['options']>[string];

/**
 * The runner every command line of the monorepo shares (zhaoshang-audit, -projections, -eventstore,
 * -api): a program is a list of commands, each declaring its options and positional arguments; the
 * runner parses them with node:util `parseArgs` (strict), answers `--help`, `-h` and `help [command]`,
 * turns every usage mistake into the usage and exit code 2, and returns the command's own code
 * otherwise. Messages a person reads are bilingual: 中文 first, then English.
 */

/** Where a command line writes; tests pass collectors. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Exit codes: 0 all good, 1 a finding or a failure (broken chain, refused, not built…), 2 a usage error. */
export const EXIT_OK = 0;
export const EXIT_PROBLEM = 1;
export const EXIT_USAGE = 2;

/** A mistake in how the command line was called: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A `parseArgs` option with its help line: `arg` names the value in the usage (`--events <file>`). */
export type OptionSpec = ParseArgsOptionConfig & { readonly help: string; readonly arg?: string };
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

type ParseConfig<O extends OptionSpecs> = {
  args: string[];
  options: O & typeof HELP_OPTION;
  allowPositionals: true;
  strict: true;
};

/** The parsed option values of a command, typed from its option specs. */
export type OptionValues<O extends OptionSpecs> = ReturnType<typeof parseArgs<ParseConfig<O>>>['values'];

/** What a command's `run` receives. */
export interface Invocation<O extends OptionSpecs> {
  readonly values: OptionValues<O>;
  readonly positionals: ReadonlyArray<string>;
}

export interface CommandSpec<O extends OptionSpecs, Io extends CliIo> {
  /** One word, or two for a sub-command (`witness init`, `keys add`). */
  readonly name: string;
  /** The positional arguments as the usage shows them (`<projectId>`, `[projection]`). */
  readonly args?: string;
  /** How many positional arguments the command takes: [min, max] (default none). */
  readonly positionals?: readonly [number, number];
  /** One bilingual line for the overall usage. */
  readonly summary: string;
  readonly options: O;
  /** More lines for the command's own help. */
  readonly notes?: string;
  readonly run: (invocation: Invocation<O>, io: Io) => Promise<number> | number;
}

/** A command whose option types are known only inside it (the runner only calls it). */
export interface Command<Io extends CliIo> {
  readonly name: string;
  readonly synopsis: string;
  readonly summary: string;
  readonly help: (program: string) => string;
  readonly run: (args: ReadonlyArray<string>, io: Io) => Promise<number>;
}

const optionLabel = (name: string, spec: OptionSpec): string =>
  `${spec.short === undefined ? '' : `-${spec.short}, `}--${name}${spec.type === 'string' ? ` ${spec.arg ?? '<value>'}` : ''}${spec.multiple === true ? '…' : ''}`;

const table = (rows: ReadonlyArray<readonly [string, string]>): string => {
  const width = Math.min(40, Math.max(...rows.map(([left]) => left.length)));
  return rows
    .map(([left, right]) =>
      left.length > width
        ? `  ${left}\n  ${' '.repeat(width)}  ${right}\n`
        : `  ${left.padEnd(width)}  ${right}\n`,
    )
    .join('');
};

const isHelpFlag = (arg: string): boolean => arg === '--help' || arg === '-h';

/** Asks for help before `--` (what follows `--` is a positional argument). */
const asksHelp = (args: ReadonlyArray<string>): boolean => {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some(isHelpFlag);
};

const plural = (n: number): string => `${n} 个参数 argument${n === 1 ? '' : 's'}`;

/** Declares a command: its options are checked and typed here, the runner sees a `Command`. */
export const command = <const O extends OptionSpecs, Io extends CliIo = CliIo>(
  spec: CommandSpec<O, Io>,
): Command<Io> => {
  const [min, max] = spec.positionals ?? [0, 0];
  const synopsis = `${spec.name}${spec.args === undefined ? '' : ` ${spec.args}`}`;
  return {
    name: spec.name,
    synopsis,
    summary: spec.summary,
    help: (program) =>
      `用法 usage: ${program} ${synopsis}${Object.keys(spec.options).length > 0 ? ' [options]' : ''}\n` +
      `  ${spec.summary}\n` +
      `选项 options:\n` +
      table([
        ...Object.entries(spec.options).map(([name, o]) => [optionLabel(name, o), o.help] as const),
        ['-h, --help', '显示本帮助 show this help'],
      ]) +
      (spec.notes === undefined ? '' : `${spec.notes.replace(/\n?$/, '\n')}`),
    run: async (args, io) => {
      let parsed: ReturnType<typeof parseArgs<ParseConfig<O>>>;
      try {
        parsed = parseArgs<ParseConfig<O>>({
          args: [...args],
          options: { ...spec.options, ...HELP_OPTION },
          allowPositionals: true,
          strict: true,
        });
      } catch (e) {
        // parseArgs throws a TypeError (ERR_PARSE_ARGS_*) for unknown options and missing values.
        throw new UsageError(`参数有误 invalid arguments: ${e instanceof Error ? e.message : String(e)}`);
      }
      const { positionals } = parsed;
      if (positionals.length < min || positionals.length > max)
        throw new UsageError(
          `${spec.name}: 需要 expects ${min === max ? plural(min) : `${min}–${max === Infinity ? '…' : max} 个参数 arguments`}` +
            `, 收到 got ${positionals.length}${positionals.length > 0 ? ` (${positionals.join(' ')})` : ''}`,
        );
      return spec.run({ values: parsed.values, positionals }, io);
    },
  };
};

export interface ProgramSpec<Io extends CliIo> {
  /** The bin's name (`zhaoshang-audit`). */
  readonly name: string;
  readonly commands: ReadonlyArray<Command<Io>>;
  /** Lines after the list of commands (environment, notes). */
  readonly footer?: string;
  /**
   * What an error a command throws means (other than a UsageError): the exit code after printing
   * it, or undefined to let it through (the process then exits 1 with its stack).
   */
  readonly onError?: (error: unknown, io: Io) => number | undefined;
}

/** A program: runs `argv` (without node and the script) and resolves to the exit code. */
export type Program<Io extends CliIo> = (argv: ReadonlyArray<string>, io: Io) => Promise<number>;

const words = (name: string): ReadonlyArray<string> => name.split(' ');

const startsWith = (argv: ReadonlyArray<string>, prefix: ReadonlyArray<string>): boolean =>
  prefix.every((w, i) => argv[i] === w);

export const program = <Io extends CliIo>(spec: ProgramSpec<Io>): Program<Io> => {
  const usage = (commands: ReadonlyArray<Command<Io>> = spec.commands): string =>
    `用法 usage: ${spec.name} <command> [options]\n` +
    table([
      ...commands.map((c) => [c.synopsis, c.summary] as const),
      ['help [command]', '帮助（或在命令后加 --help）help (or --help after a command)'],
    ]) +
    (spec.footer === undefined ? '' : spec.footer.replace(/\n?$/, '\n'));
  /** The command argv names (the one with the most words), and the words it took. */
  const find = (argv: ReadonlyArray<string>): Command<Io> | undefined =>
    spec.commands
      .filter((c) => startsWith(argv, words(c.name)))
      .sort((a, b) => words(b.name).length - words(a.name).length)[0];
  const usageError = (io: Io, message: string, text: string): number => {
    io.stderr(`${message}\n\n${text}`);
    return EXIT_USAGE;
  };

  return async (argv, io) => {
    const [first, ...rest] = argv;
    if (first === undefined) return usageError(io, '缺少命令 a command is required', usage());
    if (first === 'help' || isHelpFlag(first)) {
      if (rest.length === 0) {
        io.stdout(usage());
        return EXIT_OK;
      }
      const asked = find(rest);
      if (asked === undefined)
        return usageError(io, `没有该命令 no such command: ${rest.join(' ')}`, usage());
      io.stdout(asked.help(spec.name));
      return EXIT_OK;
    }
    const found = find(argv);
    if (found === undefined) {
      const group = spec.commands.filter((c) => words(c.name)[0] === first);
      if (group.length > 0) {
        if (asksHelp(rest)) {
          io.stdout(usage(group));
          return EXIT_OK;
        }
        return usageError(
          io,
          `${first}: 需要子命令 expects one of ${group.map((c) => words(c.name).slice(1).join(' ')).join(', ')}`,
          usage(group),
        );
      }
      return usageError(io, `未知命令 unknown command: ${first}`, usage());
    }
    const args = argv.slice(words(found.name).length);
    if (asksHelp(args)) {
      io.stdout(found.help(spec.name));
      return EXIT_OK;
    }
    try {
      return await found.run(args, io);
    } catch (e) {
      if (e instanceof UsageError) return usageError(io, e.message, found.help(spec.name));
      const code = spec.onError?.(e, io);
      if (code === undefined) throw e;
      return code;
    }
  };
};

/** Runs a program as the process: argv from the command line, exit code into `process.exitCode`. */
export const runProcess = (run: (argv: ReadonlyArray<string>) => Promise<number>): Promise<void> =>
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(
        `意外错误 unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
      );
      process.exitCode = EXIT_PROBLEM;
    },
  );

/** The process's own standard streams as a CliIo. */
export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Checks a positive whole number option (`--batch 500`). */
export const positiveInteger = (flag: string, text: string): number => {
  const n = /^[1-9][0-9]{0,8}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n))
    throw new UsageError(`${flag}: 需要正整数 expected a positive whole number, got ${JSON.stringify(text)}`);
  return n;
};

/** A required option's value. */
export const required = (flag: string, value: string | undefined): string => {
  if (value === undefined || value === '') throw new UsageError(`${flag}: 必填 is required`);
  return value;
};

/**
 * A file or directory that must exist already: a mistyped path is a usage error, and nothing is
 * created there (commands that create a store say so with an explicit option or command).
 */
export const existingPath = (flag: string, path: string | undefined): string => {
  const value = required(flag, path);
  if (!existsSync(value))
    throw new UsageError(`${flag}: 没有该文件 no such file: ${value}（未新建 nothing was created）`);
  return value;
};
