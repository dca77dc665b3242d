#!/usr/bin/env node
import {
  command,
  EXIT_OK,
  EXIT_PROBLEM,
  existingPath,
  positiveInteger,
  program,
  runProcess,
  UsageError,
  type CliIo as TextIo,
} from '@zhaoshang/cli';
import { openEsdbEventStore, openSqliteEventStore, type EventStore } from '@zhaoshang/eventstore';
import { SingleBar } from 'cli-progress';
import { selectProjections } from '../projections';
import {
  readAfter,
  sameStore,
  type EventStoreIdentity,
  type RunnerEventSource,
} from '../runner/event-source';
import { headPosition, ProjectionRunner, type RunnerLogger } from '../runner/runner';
import { openMongoReadModelStore } from '../stores/mongodb/mongo-read-model-store';
import type { ReadModelStore } from '../stores/read-model-store';
import { openSqliteReadModelStore } from '../stores/sqlite/sqlite-read-model-store';

/** Where the command line writes (a line a call) and what it reads; injectable for tests. */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Shows a progress bar (default true on a terminal). */
  readonly progress?: boolean;
  /** `run` stops when this resolves (default: SIGINT or SIGTERM). */
  readonly until?: Promise<void>;
  /** The clock (ms since the epoch) for lag in seconds and the skip record. */
  readonly now?: () => number;
  /** Opens the event store (tests pass one with an identity). */
  readonly openEvents?: (args: {
    readonly file?: string;
    readonly connectionString?: string;
  }) => EventStore & RunnerEventSource;
}

/** The runner's text io over the line io. */
interface ProjectionsIo extends CliIo, TextIo {}

const FOOTER = `环境变量 environment:
  EVENTSTORE_CONNECTION_STRING  从 EventStoreDB 读取事件 read events from EventStoreDB instead (esdb://…)
  MONGODB_URL                   读模型存于 MongoDB keep read models in MongoDB instead (MONGODB_DATABASE picks the database)
不存在的存储文件不会被新建（rebuild 与 run --create 除外）。 A store file that does not exist is never created
(except by rebuild, and by run --create).`;

const EVENTS_OPTION = {
  events: {
    type: 'string',
    arg: '<file>',
    help: '嵌入式事件存储（SQLite 文件，须已存在）the embedded event store, an existing SQLite file (unless EVENTSTORE_CONNECTION_STRING is set)',
  },
} as const;
const READ_MODELS_OPTION = {
  'read-models': {
    type: 'string',
    arg: '<file>',
    help: '嵌入式读模型存储 the embedded read-model store (default read-models.sqlite)',
  },
} as const;
const STORE_OPTIONS = { ...EVENTS_OPTION, ...READ_MODELS_OPTION } as const;
const BATCH_OPTION = {
  batch: { type: 'string', arg: '<n>', help: '每批事件数 events per batch (default 2000)' },
} as const;

/** What opens the stores: the file options and whether a missing file may be created. */
interface StoreArgs {
  readonly events?: string | undefined;
  readonly 'read-models'?: string | undefined;
  /** Create a missing event store file (run --create). */
  readonly createEvents: boolean;
  /** Create a missing read-model store file (rebuild, run --create). */
  readonly createReadModels: boolean;
}

/** The API appends in another process: the embedded store's subscriptions then poll the file for its commits. */
const defaultOpenEvents = (args: {
  readonly file?: string;
  readonly connectionString?: string;
}): EventStore =>
  args.connectionString !== undefined
    ? openEsdbEventStore({ connectionString: args.connectionString })
    : openSqliteEventStore({ file: args.file!, durability: 'normal', pollIntervalMs: 250 });

const openStores = async (
  args: StoreArgs,
  io: CliIo,
): Promise<{ events: EventStore & RunnerEventSource; store: ReadModelStore; where: string }> => {
  const connectionString = io.env['EVENTSTORE_CONNECTION_STRING'];
  const esdb = connectionString !== undefined && connectionString !== '';
  const url = io.env['MONGODB_URL'];
  const mongo = url !== undefined && url !== '';
  // Check both paths before opening anything, so a mistyped one leaves no file behind.
  const eventsFile = esdb
    ? undefined
    : args.createEvents
      ? (args.events ?? '')
      : existingPath('--events', args.events);
  if (eventsFile === '')
    throw new UsageError(
      '--events <file>: 必填（或设 EVENTSTORE_CONNECTION_STRING）is required (or EVENTSTORE_CONNECTION_STRING)',
    );
  const readModelsFile = args['read-models'] ?? 'read-models.sqlite';
  if (!mongo && !args.createReadModels) existingPath('--read-models', readModelsFile);
  const events = (io.openEvents ?? defaultOpenEvents)(
    eventsFile === undefined ? { connectionString } : { file: eventsFile },
  );
  if (mongo) {
    const store = await openMongoReadModelStore({
      url,
      ...(io.env['MONGODB_DATABASE'] ? { database: io.env['MONGODB_DATABASE'] } : {}),
    });
    return { events, store, where: `MongoDB (${store.transactional ? 'transactions' : 'redo log'})` };
  }
  return { events, store: openSqliteReadModelStore({ file: readModelsFile }), where: readModelsFile };
};

const withStores = async <T>(
  args: StoreArgs,
  io: CliIo,
  run: (stores: Awaited<ReturnType<typeof openStores>>) => Promise<T>,
): Promise<T> => {
  const stores = await openStores(args, io);
  try {
    return await run(stores);
  } finally {
    await stores.events.close();
    await stores.store.close();
  }
};

/** The projections named (none: all); an unknown name is a usage error. */
const projectionsNamed = (names: ReadonlyArray<string>): ReturnType<typeof selectProjections> => {
  try {
    return selectProjections(names);
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(`未知投影 ${e.message}`);
    throw e;
  }
};

const jsonFields = (fields: Readonly<Record<string, unknown>> | undefined): string =>
  JSON.stringify(fields ?? {}, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

const logger = (io: CliIo, verbose: boolean): RunnerLogger => ({
  info: (message, fields) => (verbose ? io.err(`${message} ${jsonFields(fields)}`) : undefined),
  error: (message, fields) => io.err(`${message} ${jsonFields(fields)}`),
});

const signals = (): Promise<void> =>
  new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });

const batchSizeOf = (text: string | undefined): number =>
  text === undefined ? 2000 : positiveInteger('--batch', text);

const run = command({
  name: 'run',
  summary:
    '作为独立进程运行投影，直到 SIGINT/SIGTERM run the projection runner as its own process until SIGINT/SIGTERM (one per read-model store: a lease)',
  options: {
    ...STORE_OPTIONS,
    ...BATCH_OPTION,
    create: {
      type: 'boolean',
      help: '存储文件不存在时新建 create the event store and read-model store files if they do not exist',
    },
  },
  run: ({ values }, io: ProjectionsIo) => {
    const create = values.create === true;
    const batchSize = batchSizeOf(values.batch);
    return withStores({ ...values, createEvents: create, createReadModels: create }, io, async (s) => {
      const runner = new ProjectionRunner({
        eventStore: s.events,
        store: s.store,
        projections: projectionsNamed([]),
        batchSize,
        logger: logger(io, true),
      });
      await runner.start();
      io.out(
        `投影运行中 projection runner ${runner.currentHealth} on ${s.where}; 按 Ctrl-C 停止 stop with Ctrl-C`,
      );
      await (io.until ?? signals());
      await runner.stop();
      io.out('投影已停止 projection runner stopped');
      return EXIT_OK;
    });
  },
});

const rebuild = command({
  name: 'rebuild',
  args: '[projection…]',
  positionals: [0, Infinity],
  summary:
    '从第一个事件起重建读模型（缺省全部）drop and rebuild read models (default all) from the first event (takes the lease: stop the runner first); creates the read-model store',
  options: { ...STORE_OPTIONS, ...BATCH_OPTION },
  run: ({ values, positionals }, io: ProjectionsIo) => {
    const projections = projectionsNamed(positionals);
    const batchSize = batchSizeOf(values.batch);
    const now = io.now ?? Date.now;
    return withStores({ ...values, createEvents: false, createReadModels: true }, io, async (s) => {
      const runner = new ProjectionRunner({
        eventStore: s.events,
        store: s.store,
        projections,
        batchSize,
        logger: logger(io, false),
        retry: false,
      });
      const head = await headPosition(s.events);
      const started = Date.now();
      const bar =
        io.progress === false
          ? undefined
          : new SingleBar({ format: 'rebuild {bar} {value} events | {rate} events/s', hideCursor: true });
      bar?.start(0, 0, { rate: 0 });
      await runner.rebuild(
        projections.map((p) => p.name),
        (p) => {
          const seconds = (Date.now() - started) / 1000;
          bar?.update(p.processed, { rate: seconds > 0 ? Math.round(p.processed / seconds) : 0 });
        },
      );
      bar?.stop();
      const seconds = (Date.now() - started) / 1000;
      io.out(
        `已重建 rebuilt ${projections.map((p) => p.name).join(', ')} into ${s.where} up to position ${head} in ${seconds.toFixed(1)} s`,
      );
      return printStatus(s.events, s.store, s.where, projections, io, now);
    });
  },
});

const status = command({
  name: 'status',
  summary:
    '状态、检查点、滞后、搁置事件与租约 state, checkpoint, lag (events, seconds), parked events and the lease (exit 1 unless every projection is ok)',
  options: STORE_OPTIONS,
  run: ({ values }, io: ProjectionsIo) =>
    withStores({ ...values, createEvents: false, createReadModels: false }, io, (s) =>
      printStatus(s.events, s.store, s.where, projectionsNamed([]), io, io.now ?? Date.now),
    ),
});

const retry = command({
  name: 'retry',
  args: '<projection>',
  positionals: [1, 1],
  summary: '重试被搁置投影的事件 try a parked projection’s event again',
  options: STORE_OPTIONS,
  run: ({ values, positionals }, io: ProjectionsIo) => {
    const name = projectionsNamed(positionals)[0]!.name;
    return withStores({ ...values, createEvents: false, createReadModels: false }, io, async (s) => {
      if (!(await s.store.retryParked(name))) {
        io.err(`${name} 未被搁置 is not parked`);
        return EXIT_PROBLEM;
      }
      io.out(
        `${name}: 将重试被搁置的事件 the parked event will be tried again (by the running runner within its lease renewal, or on the next start)`,
      );
      return EXIT_OK;
    });
  },
});

const skip = command({
  name: 'skip',
  args: '<projection>',
  positionals: [1, 1],
  summary:
    '跳过被搁置投影的事件（有记录）move a parked projection past its event without applying it (recorded; status lists skips)',
  options: {
    ...STORE_OPTIONS,
    position: {
      type: 'string',
      arg: '<p>',
      help: '被搁置事件的位置（照 status 所示）the parked event’s position, as status prints it',
    },
    by: { type: 'string', arg: '<name>', help: '操作人 who skips it (default $USER)' },
  },
  run: ({ values, positionals }, io: ProjectionsIo) => {
    const name = projectionsNamed(positionals)[0]!.name;
    const text = values.position;
    if (text === undefined || !/^\d+$/.test(text))
      throw new UsageError(
        'skip 需要 --position <被搁置事件的位置> skip needs --position <the parked event position, as status prints it>',
      );
    const by = values.by ?? io.env['USER'] ?? 'operator';
    const now = io.now ?? Date.now;
    return withStores({ ...values, createEvents: false, createReadModels: false }, io, async (s) => {
      if (!(await s.store.skipParked(name, BigInt(text), by, new Date(now()).toISOString()))) {
        io.err(`${name} 未搁置于该位置 is not parked at position ${text}: 未跳过 nothing skipped`);
        return EXIT_PROBLEM;
      }
      io.out(`${name}: 已跳过 skipped the event at position ${text} (recorded as skipped by ${by})`);
      return EXIT_OK;
    });
  },
});

const main = program<ProjectionsIo>({
  name: 'zhaoshang-projections',
  commands: [run, rebuild, status, retry, skip],
  footer: FOOTER,
  onError: (error, io) => {
    io.err(`错误 error: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_PROBLEM;
  },
});

/** Runs the command line; resolves to the exit code. */
export const runCli = (argv: ReadonlyArray<string>, io: CliIo): Promise<number> =>
  main(argv, {
    ...io,
    stdout: (text) => io.out(text.replace(/\n$/, '')),
    stderr: (text) => io.err(text.replace(/\n$/, '')),
  });

const LAG_CAP = 10_000;

/** The status table; exit 1 when a projection is not built, parked, built by another version or from another event store. */
const printStatus = async (
  events: EventStore & RunnerEventSource,
  store: ReadModelStore,
  where: string,
  projections: ReturnType<typeof selectProjections>,
  io: CliIo,
  now: () => number,
): Promise<number> => {
  const checkpoints = new Map((await store.checkpoints()).map((c) => [c.projection, c]));
  const head = await headPosition(events);
  const identity: EventStoreIdentity | undefined =
    typeof events.identity === 'function' ? await events.identity() : undefined;
  const lease = await store.lease();
  io.out(
    `读模型 read models: ${where}; 事件存储末端 head of the event store: ${head}${identity !== undefined ? `; 事件存储 event store ${identity.storeId}` : ''}`,
  );
  io.out(
    lease === undefined
      ? '租约 lease: 空闲 free (no runner is applying events)'
      : `租约 lease: held by ${lease.holder} until ${new Date(lease.expiresAt).toISOString()}${lease.expiresAt <= now() ? ' (已过期 expired)' : ''}`,
  );
  io.out(
    [
      '投影 projection',
      '版本 version',
      '状态 state',
      '检查点 checkpoint',
      '滞后事件 lag (events)',
      '滞后秒 lag (s)',
      '说明 detail',
    ].join('\t'),
  );
  let failed = false;
  for (const p of projections) {
    const cp = checkpoints.get(p.name);
    const otherStore =
      cp !== undefined &&
      identity !== undefined &&
      (cp.source === undefined || !sameStore(cp.source, identity));
    const state =
      cp === undefined
        ? 'not built'
        : otherStore
          ? 'other event store'
          : cp.version !== p.version
            ? 'needs rebuild'
            : cp.status;
    failed ||= state !== 'ok';
    const behind = await readAfter(
      events,
      cp === undefined || cp.position < 0n ? undefined : cp.position,
      LAG_CAP,
    );
    const lagEvents = `${behind.length}${behind.length >= LAG_CAP ? '+' : ''}`;
    const lagSeconds =
      behind[0] === undefined
        ? 0
        : Math.max(0, Math.round((now() - Date.parse(behind[0].metadata.recordedAt)) / 1000));
    const detail =
      cp?.parked !== undefined
        ? `搁置于 parked at position ${cp.parked.position} (${cp.parked.streamName} #${cp.parked.revision}, ${cp.parked.type}): ${cp.parked.error} — retry ${p.name}, or skip ${p.name} --position ${cp.parked.position}`
        : otherStore
          ? `由另一事件存储构建 built from event store ${cp.source?.storeId ?? '(not recorded)'}: 运行时将重建 the runner rebuilds it on start`
          : '';
    io.out(
      [
        p.name,
        String(p.version),
        state,
        cp === undefined ? '-' : String(cp.position),
        lagEvents,
        String(lagSeconds),
        detail,
      ].join('\t'),
    );
  }
  const skipped = (await store.skipped()).filter((s) => projections.some((p) => p.name === s.projection));
  for (const s of skipped)
    io.out(
      `已跳过 skipped: ${s.projection} at position ${s.position} (${s.streamName} #${s.revision}, ${s.type}) by ${s.by} at ${s.skippedAt}: ${s.error}`,
    );
  return failed ? 1 : 0;
};

/** The bin: runs the CLI as this process. */
export const bin = (): Promise<void> =>
  runProcess((argv) =>
    runCli(argv, {
      out: (l) => process.stdout.write(`${l}\n`),
      err: (l) => process.stderr.write(`${l}\n`),
      env: process.env,
      progress: process.stderr.isTTY,
    }),
  );

if (require.main === module) void bin();
