#!/usr/bin/env node
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { copyStore, type CopyProgress, type CopyReport } from '../copy';
import { openEsdbEventStore } from '../esdb';
import { isEventStoreError } from '../errors';
import type { EventImporter, EventStore } from '../port';
import { openSqliteEventStore } from '../sqlite';

/** Where the CLI writes; tests pass collectors. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Exit codes: 0 copied and verified, 1 a problem (refused event, store unavailable, heads differ), 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_PROBLEM = 1;
export const EXIT_USAGE = 2;

const USAGE = `用法 usage: zhaoshang-eventstore <command> [options]
  copy --from <events.sqlite> --to <esdb://… | other.sqlite>   迁移事件存储 copy a store, hashes and metadata as recorded
       [--batch-size N]                                         每批事件数 events per batch (default 500)
       [--json]                                                 机器可读输出 JSON summary on stdout
  可中断后重跑：已复制的事件会被跳过。 Re-run after an interruption: what was copied is skipped.
`;

class UsageError extends Error {}

/** A URL-like argument is a server; anything else is a SQLite file path. */
const isConnectionString = (text: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
/** What the EventStoreDB client accepts (`esdb://host:2113?tls=false`, `esdb+discover://…`). */
const isEsdbConnectionString = (text: string): boolean => /^esdb(\+discover)?:\/\//.test(text);

const json = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString(10) : v), 2);

/** Hides a password in a connection string before printing it. */
const redact = (where: string): string => where.replace(/(\/\/[^:/@]+:)[^@/]*@/, '$1***@');

const parseOptions = (args: ReadonlyArray<string>) => {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        'batch-size': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    // parseArgs throws a TypeError (ERR_PARSE_ARGS_*) for unknown options and missing values.
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
};

const sameFile = (a: string, b: string): boolean => {
  const real = (p: string): string => (existsSync(p) ? realpathSync(p) : resolve(p));
  return real(a) === real(b);
};

const progressLine = (p: CopyProgress): string => {
  switch (p.phase) {
    case 'copying':
      return (
        `已读取 read ${p.read}，已写入 imported ${p.imported}，已存在 skipped ${p.skipped}` +
        `（源位置 source position ${p.position ?? '-'} / ${p.sourceHead ?? '-'}）\n`
      );
    case 'verifying':
      return '正在校验目标存储的哈希链 verifying the target (verifyAll)…\n';
    case 'comparing':
      return '正在比对各事件流的末端哈希 comparing stream heads…\n';
  }
};

const printReport = (io: CliIo, report: CopyReport, from: string, to: string, asJson: boolean): void => {
  if (asJson) {
    io.stdout(`${json({ from, to, ...report })}\n`);
    return;
  }
  io.stdout(
    `${report.ok ? '迁移完成并通过校验 COPIED and verified' : '迁移有问题 PROBLEM'}: ${from} → ${to}\n` +
      `读取 read ${report.read}，写入 imported ${report.imported}，已存在 skipped ${report.skipped}，` +
      `事件流 streams ${report.streams}` +
      (report.targetOnlyStreams > 0
        ? `，目标独有事件流 target-only streams ${report.targetOnlyStreams}`
        : '') +
      '\n',
  );
  const v = report.verify;
  io.stdout(
    v.ok
      ? `目标哈希链校验通过 target verifyAll OK: 已校验 checked ${v.checked}\n`
      : `目标哈希链断裂 target verifyAll BROKEN: ${v.brokenAt.streamName} 修订 revision ${v.brokenAt.revision} 原因 reason ${v.brokenAt.reason}\n`,
  );
  if (report.headMismatches.length === 0)
    io.stdout(`各事件流末端哈希一致 every stream head matches (${report.streams})\n`);
  else {
    io.stdout(`末端不一致的事件流 streams whose head differs: ${report.headMismatches.length}\n`);
    for (const m of report.headMismatches.slice(0, 20))
      io.stdout(
        `  ${m.streamName}: 源 source ${m.source.revision} ${m.source.hash}，目标 target ${m.target === undefined ? '(无 none)' : `${m.target.revision} ${m.target.hash}`}\n`,
      );
  }
};

const run = async (argv: ReadonlyArray<string>, io: CliIo): Promise<number> => {
  const [command, ...rest] = argv;
  if (command !== 'copy')
    throw new UsageError(command === undefined ? 'a command is required' : `unknown command ${command}`);
  const { values, positionals } = parseOptions(rest);
  if (positionals.length > 0)
    throw new UsageError(`copy takes no positional argument: ${positionals.join(' ')}`);
  const from = values.from;
  const to = values.to;
  if (from === undefined || to === undefined) throw new UsageError('copy: --from and --to are required');
  if (isConnectionString(from))
    throw new UsageError('--from: the source is an embedded store file (events.sqlite), not a server');
  if (!existsSync(from)) throw new UsageError(`--from: no such file ${from}`);
  if (isConnectionString(to) && !isEsdbConnectionString(to))
    throw new UsageError(
      `--to: expected esdb://… or esdb+discover://… (or a .sqlite file), got ${redact(to)}`,
    );
  if (!isConnectionString(to) && sameFile(from, to))
    throw new UsageError('--from and --to are the same file');
  let batchSize: number | undefined;
  if (values['batch-size'] !== undefined) {
    batchSize = Number(values['batch-size']);
    if (!Number.isSafeInteger(batchSize) || batchSize < 1)
      throw new UsageError(
        `--batch-size: expected a positive integer, got ${JSON.stringify(values['batch-size'])}`,
      );
  }
  const toLabel = redact(to);

  const source = openSqliteEventStore({ file: from });
  let target: (EventStore & EventImporter) | undefined;
  try {
    if (isConnectionString(to)) {
      try {
        target = openEsdbEventStore({ connectionString: to });
      } catch (e) {
        throw new UsageError(`--to: ${redact(e instanceof Error ? e.message : String(e))}`);
      }
    } else {
      mkdirSync(dirname(resolve(to)), { recursive: true });
      target = openSqliteEventStore({ file: to });
    }
    let lastLine = 0;
    const report = await copyStore(source, target, {
      ...(batchSize === undefined ? {} : { batchSize }),
      onProgress: (p) => {
        // At most one progress line a second while copying; every phase change is shown.
        const now = Date.now();
        if (p.phase === 'copying' && now - lastLine < 1000 && p.position !== p.sourceHead) return;
        lastLine = now;
        io.stderr(progressLine(p));
      },
    });
    printReport(io, report, from, toLabel, values.json === true);
    return report.ok ? EXIT_OK : EXIT_PROBLEM;
  } finally {
    await source.close();
    await target?.close();
  }
};

/** Runs the CLI; resolves to the exit code. */
export const main = async (argv: ReadonlyArray<string>, io: CliIo): Promise<number> => {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n${USAGE}`);
      return EXIT_USAGE;
    }
    if (isEventStoreError(e)) {
      io.stderr(`迁移中止 copy stopped [${e.code}]\n${e.render('zh')}\n${e.render('en')}\n`);
      if (e.code === 'STORE_UNAVAILABLE')
        io.stderr(
          `原因 cause: ${redact(e.message)}${e.cause instanceof Error ? ` — ${redact(e.cause.message)}` : ''}\n`,
        );
      if (e.code === 'IMPORT_REFUSED' || e.code === 'STORE_UNAVAILABLE')
        io.stderr(
          '已写入的事件保留且可校验；排除问题后重新运行即可续传。 What was imported stays (and verifies); fix the cause and re-run to resume.\n',
        );
      return EXIT_PROBLEM;
    }
    throw e;
  }
};

if (require.main === module) {
  void main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = EXIT_PROBLEM;
    },
  );
}
