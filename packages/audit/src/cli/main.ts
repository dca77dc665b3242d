#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { unsafeId, type ProjectId } from '@zhaoshang/domain';
import { isEventStoreError, openSqliteEventStore, type EventStore } from '@zhaoshang/eventstore';
import {
  BulletinRecomputeError,
  parseBulletinPeriod,
  verifyBulletin,
  type BulletinVerification,
} from '../bulletin';
import { exportBundle, verifyBundle, type BundleReport } from '../bundle';
import { diffStates, projectHistory, stateOfHistory, UndecodableEventError, type AsOf } from '../history';
import { verifyStore, type VerifyReport } from '../verify';
import { runTransparencyCommand, TRANSPARENCY_USAGE } from './transparency';

/** Where the CLI writes; tests pass collectors. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Exit codes: 0 all good, 1 a problem was found (broken chain, bad bundle, unknown project), 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_PROBLEM = 1;
export const EXIT_USAGE = 2;

const USAGE = `用法 usage: zhaoshang-audit <command> [options]
  history <projectId> --events <file>                      项目历史 project history
  as-of <projectId> --date YYYY-MM-DD|--position N --events <file>   某时点状态 state as of
  diff <projectId> --from D|N --to D|N --events <file>     状态差异 differences between two points
  verify [--stream <name>] --events <file>                 哈希链校验 verify hash chains
  export-bundle <dir> [--project <id>] --events <file>     导出审计包 export an audit bundle
  verify-bundle <dir|file.jsonl>                           离线校验审计包 verify a bundle offline
  verify-bulletin <2024-03|2024-Q1|2024> --events <file>   通报重算核对 verify a published bulletin
  --json                                                   机器可读输出 JSON output
${TRANSPARENCY_USAGE}`;

class UsageError extends Error {}

const json = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString(10) : v), 2);

const parsePoint = (text: string, flag: string): AsOf => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { date: text };
  if (/^\d+$/.test(text)) return { position: BigInt(text) };
  throw new UsageError(`${flag}: expected YYYY-MM-DD or a position, got ${JSON.stringify(text)}`);
};

const pointLabel = (asOf: AsOf): string =>
  'date' in asOf ? `业务日期 date ${asOf.date}` : `位置 position ${asOf.position}`;

const openStore = (file: string | undefined): EventStore => {
  if (file === undefined) throw new UsageError('--events <file> is required');
  if (!existsSync(file)) throw new UsageError(`--events: no such file ${file}`);
  return openSqliteEventStore({ file });
};

const projectIdOf = (positionals: ReadonlyArray<string>, what: string): ProjectId => {
  const id = positionals[0];
  if (id === undefined) throw new UsageError(`${what}: <projectId> is required`);
  return unsafeId.project(id);
};

const withStore = async <T>(file: string | undefined, run: (store: EventStore) => Promise<T>): Promise<T> => {
  const store = openStore(file);
  try {
    return await run(store);
  } finally {
    await store.close();
  }
};

const printVerify = (io: CliIo, report: VerifyReport, asJson: boolean): number => {
  if (asJson) io.stdout(`${json(report)}\n`);
  else if (report.ok) io.stdout(`校验通过 OK: ${report.scope}, 已校验 checked ${report.checked}\n`);
  else {
    const b = report.firstBroken;
    io.stdout(
      `校验失败 BROKEN: ${report.scope}, 已校验 checked ${report.checked}\n` +
        `首个断点 first broken link: ${b.streamName} 修订 revision ${b.revision} 位置 position ${b.position} 原因 reason ${b.reason}\n`,
    );
  }
  return report.ok ? EXIT_OK : EXIT_PROBLEM;
};

const printBundle = (io: CliIo, report: BundleReport, asJson: boolean): number => {
  if (asJson) io.stdout(`${json(report)}\n`);
  else if (report.ok) io.stdout(`审计包校验通过 bundle OK: 已校验 checked ${report.checked}\n`);
  else {
    const p = report.problem;
    const where =
      p.line === undefined
        ? ''
        : ` 行 line ${p.line}${p.streamName === undefined ? '' : ` ${p.streamName}@${p.revision ?? '?'}`}`;
    io.stdout(
      `审计包有问题 bundle BROKEN: ${p.code}${where}: ${p.detail}\n已校验 checked ${report.checked}\n`,
    );
  }
  return report.ok ? EXIT_OK : EXIT_PROBLEM;
};

const printBulletin = (io: CliIo, v: BulletinVerification, asJson: boolean): number => {
  if (asJson) {
    io.stdout(`${json(v)}\n`);
    return v.ok ? EXIT_OK : EXIT_PROBLEM;
  }
  io.stdout(
    `通报 bulletin ${v.period} (${v.stream}), ${v.editions.length} 版 editions, 现行 in force: ${v.inForce}\n`,
  );
  for (const e of v.editions) {
    const what = e.event === 'BulletinPublished' ? '发布 published' : `更正 corrected (${e.reason ?? ''})`;
    io.stdout(
      `[${e.edition}] ${e.bulletinId} ${what} ${e.on} ${e.by}, 位置 position ${e.position}, 计算位置 computed at ${e.computedAtPosition}\n` +
        `    摘要 digest: 发布 published ${e.digest.published}\n` +
        `                 重算 recomputed ${e.digest.recomputed}\n`,
    );
    if (!e.computedBeforeEdition)
      io.stdout(`    计算位置不早于本版自身 computed at or after its own position\n`);
    if (e.digest.ofPublishedFigures !== e.digest.published)
      io.stdout(
        `    发布的摘要与发布的数据不符 the published digest is not that of the published figures (${e.digest.ofPublishedFigures})\n`,
      );
    io.stdout(
      e.ok
        ? `    一致 EQUAL: 数据可由历史重算得出 the figures follow from history\n`
        : `    不一致 DIFFERENT: ${e.differences.length} 处差异 differences\n`,
    );
    for (const d of e.differences)
      io.stdout(
        `    ${d.unit} ${d.metric}: 发布 published ${JSON.stringify(d.published)}, 重算 recomputed ${JSON.stringify(d.recomputed)}\n`,
      );
  }
  return v.ok ? EXIT_OK : EXIT_PROBLEM;
};

const parseOptions = (args: ReadonlyArray<string>) => {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        events: { type: 'string' },
        date: { type: 'string' },
        position: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        stream: { type: 'string' },
        project: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    // parseArgs throws a TypeError (ERR_PARSE_ARGS_*) for unknown options and missing values.
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
};

const run = async (argv: ReadonlyArray<string>, io: CliIo): Promise<number> => {
  const [command, ...rest] = argv;
  const transparency = await runTransparencyCommand(command, rest, io);
  if (transparency !== undefined) return transparency;
  const { values, positionals } = parseOptions(rest);
  const asJson = values.json === true;
  switch (command) {
    case 'history': {
      const id = projectIdOf(positionals, 'history');
      const history = await withStore(values.events, (store) => projectHistory(store, id));
      if (asJson) {
        io.stdout(`${json(history.map(({ event: _event, ...entry }) => entry))}\n`);
      } else {
        io.stdout(`项目 project ${id}: ${history.length} 个事件 events\n`);
        io.stdout(
          '修订 rev\t位置 pos\t业务时间 business time\t\t记录时间 recorded at\t\t操作人 actor\t事件 type\t原因 reason\n',
        );
        for (const h of history)
          io.stdout(
            `${h.revision}\t${h.position}\t${h.businessTime}\t${h.recordedAt}\t${h.actor.userId}/${h.actor.role}\t${h.type}\t${h.reason ?? ''}\n`,
          );
      }
      return EXIT_OK;
    }
    case 'as-of': {
      const id = projectIdOf(positionals, 'as-of');
      if ((values.date === undefined) === (values.position === undefined))
        throw new UsageError('as-of: give exactly one of --date YYYY-MM-DD or --position N');
      const asOf =
        values.date !== undefined
          ? parsePoint(values.date, '--date')
          : parsePoint(values.position ?? '', '--position');
      if (values.date !== undefined && !('date' in asOf)) throw new UsageError('--date: expected YYYY-MM-DD');
      if (values.position !== undefined && !('position' in asOf))
        throw new UsageError('--position: expected a number');
      const history = await withStore(values.events, (store) => projectHistory(store, id));
      const state = stateOfHistory(history, asOf);
      if (asJson)
        io.stdout(
          `${json({ projectId: id, asOf: 'date' in asOf ? { date: asOf.date } : { position: asOf.position }, state })}\n`,
        );
      else {
        io.stdout(`项目 project ${id} 截至 as of ${pointLabel(asOf)} 的状态 state:\n`);
        io.stdout(`${json(state)}\n`);
      }
      return EXIT_OK;
    }
    case 'diff': {
      const id = projectIdOf(positionals, 'diff');
      if (values.from === undefined || values.to === undefined)
        throw new UsageError('diff: --from and --to are required');
      const from = parsePoint(values.from, '--from');
      const to = parsePoint(values.to, '--to');
      const history = await withStore(values.events, (store) => projectHistory(store, id));
      const changes = diffStates(stateOfHistory(history, from), stateOfHistory(history, to));
      if (asJson) io.stdout(`${json(changes)}\n`);
      else {
        io.stdout(
          `项目 project ${id}: ${pointLabel(from)} → ${pointLabel(to)}, ${changes.length} 处变化 changes\n`,
        );
        for (const c of changes)
          io.stdout(
            `${c.path}: ${JSON.stringify(c.before) ?? '(无 none)'} → ${JSON.stringify(c.after) ?? '(无 none)'}\n`,
          );
      }
      return EXIT_OK;
    }
    case 'verify': {
      if (positionals.length > 0) throw new UsageError('verify takes no positional argument');
      const report = await withStore(values.events, (store) =>
        verifyStore(store, values.stream === undefined ? {} : { stream: values.stream }),
      );
      return printVerify(io, report, asJson);
    }
    case 'export-bundle': {
      const dir = positionals[0];
      if (dir === undefined) throw new UsageError('export-bundle: <dir> is required');
      const manifest = await withStore(values.events, (store) =>
        exportBundle(
          store,
          values.project === undefined ? {} : { projectId: unsafeId.project(values.project) },
          dir,
        ),
      );
      if (asJson) io.stdout(`${json(manifest)}\n`);
      else
        io.stdout(
          `已导出 exported ${manifest.count} 个事件 events (位置 positions ${manifest.fromPosition ?? '-'}..${manifest.toPosition ?? '-'}) → ${dir}\n` +
            `events.jsonl SHA-256 ${manifest.eventsSha256}\n`,
        );
      return EXIT_OK;
    }
    case 'verify-bundle': {
      const path = positionals[0];
      if (path === undefined) throw new UsageError('verify-bundle: <dir> or <file.jsonl> is required');
      return printBundle(io, verifyBundle(path), asJson);
    }
    case 'verify-bulletin': {
      const label = positionals[0];
      if (label === undefined || positionals.length > 1)
        throw new UsageError('verify-bulletin: one <period> is required (2024-03, 2024-Q1 or 2024)');
      const period = parseBulletinPeriod(label);
      if (period === undefined)
        throw new UsageError(
          `verify-bulletin: expected 2024-03, 2024-Q1 or 2024, got ${JSON.stringify(label)}`,
        );
      const verification = await withStore(values.events, (store) => verifyBulletin(store, period));
      if (verification === undefined) {
        io.stderr(`该期未发布通报 no bulletin was published for ${label}\n`);
        return EXIT_PROBLEM;
      }
      return printBulletin(io, verification, asJson);
    }
    default:
      throw new UsageError(command === undefined ? 'a command is required' : `unknown command ${command}`);
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
    if (e instanceof UndecodableEventError) {
      io.stderr(`无法解码事件 cannot decode event: ${e.message}\n`);
      return EXIT_PROBLEM;
    }
    if (e instanceof BulletinRecomputeError) {
      io.stderr(`无法重算通报 cannot recompute the bulletin: ${e.message}\n`);
      return EXIT_PROBLEM;
    }
    if (isEventStoreError(e) && e.code === 'STREAM_NOT_FOUND') {
      io.stderr(`没有该项目的事件 no events for this project: ${e.message}\n`);
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
