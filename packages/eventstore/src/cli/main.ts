#!/usr/bin/env node
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  command,
  EXIT_OK,
  EXIT_PROBLEM,
  existingPath,
  positiveInteger,
  processIo,
  program,
  required,
  runProcess,
  UsageError,
  type CliIo,
} from '@zhaoshang/cli';
import { copyStore, type CopyProgress, type CopyReport } from '../copy';
import { openEsdbEventStore } from '../esdb';
import { isEventStoreError } from '../errors';
import type { EventImporter, EventStore } from '../port';
import { openSqliteEventStore } from '../sqlite';

/** A URL-like argument is a server; anything else is a SQLite file path. */
const isConnectionString = (text: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
/** What the EventStoreDB client accepts (`esdb://host:2113?tls=false`, `esdb+discover://…`). */
const isEsdbConnectionString = (text: string): boolean => /^esdb(\+discover)?:\/\//.test(text);

const json = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString(10) : v), 2);

/** Hides a password in a connection string before printing it. */
const redact = (where: string): string => where.replace(/(\/\/[^:/@]+:)[^@/]*@/, '$1***@');

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

const copy = command({
  name: 'copy',
  summary: '迁移事件存储，哈希与元数据按原样 copy a store, hashes and metadata as recorded',
  options: {
    from: {
      type: 'string',
      arg: '<events.sqlite>',
      help: '源：嵌入式存储文件 the source, an embedded store file',
    },
    to: {
      type: 'string',
      arg: '<esdb://… | other.sqlite>',
      help: '目标：EventStoreDB 或新的 SQLite 文件 the target: EventStoreDB or a (new) SQLite file',
    },
    'batch-size': { type: 'string', arg: '<n>', help: '每批事件数 events per batch (default 500)' },
    json: { type: 'boolean', help: '机器可读输出 JSON summary on stdout' },
  },
  notes:
    '可中断后重跑：已复制的事件会被跳过。 Re-run after an interruption: what was copied is skipped.\n' +
    '退出码 exit codes: 0 已复制并校验 copied and verified, 1 有问题 a problem, 2 用法错误 usage error',
  run: async ({ values }, io) => {
    const from = required('--from', values.from);
    const to = required('--to', values.to);
    if (isConnectionString(from))
      throw new UsageError(
        '--from: 源须为嵌入式存储文件而非服务器 the source is an embedded store file (events.sqlite), not a server',
      );
    existingPath('--from', from);
    if (isConnectionString(to) && !isEsdbConnectionString(to))
      throw new UsageError(
        `--to: 需要 expected esdb://… or esdb+discover://… (or a .sqlite file), got ${redact(to)}`,
      );
    if (!isConnectionString(to) && sameFile(from, to))
      throw new UsageError('--from 与 --to 是同一文件 --from and --to are the same file');
    const batch = values['batch-size'];
    const batchSize = batch === undefined ? undefined : positiveInteger('--batch-size', batch);
    return copyBetween(io, from, to, batchSize, values.json === true);
  },
});

const copyBetween = async (
  io: CliIo,
  from: string,
  to: string,
  batchSize: number | undefined,
  asJson: boolean,
): Promise<number> => {
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
      // The target of a copy is created: that is what the command is for.
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
    printReport(io, report, from, toLabel, asJson);
    return report.ok ? EXIT_OK : EXIT_PROBLEM;
  } finally {
    await source.close();
    await target?.close();
  }
};

/** Runs the CLI (`argv` without node and the script); resolves to the exit code. */
export const main = program<CliIo>({
  name: 'zhaoshang-eventstore',
  commands: [copy],
  onError: (e, io) => {
    if (!isEventStoreError(e)) return undefined;
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
  },
});

/** The bin: runs the CLI as this process. */
export const bin = (): Promise<void> => runProcess((argv) => main(argv, processIo));

if (require.main === module) void bin();
