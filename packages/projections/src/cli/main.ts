#!/usr/bin/env node
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

/** Where the command line writes; injectable for tests. */
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

const USAGE = `usage: zhaoshang-projections <command> [options]
  run                    run the projection runner as its own process until SIGINT/SIGTERM (one per read-model store: a lease)
  rebuild [projection]   drop and rebuild one read model (or all) from the first event (takes the lease: stop the runner first)
  status                 state, checkpoint, lag (events, seconds), parked events and the lease
  retry <projection>     try a parked projection's event again
  skip <projection> --position <p> [--by <name>]
                         move a parked projection past its event without applying it (recorded; status lists skips)
options:
  --events <file>        the embedded event store (SQLite file), unless EVENTSTORE_CONNECTION_STRING is set
  --read-models <file>   the embedded read-model store (default read-models.sqlite)
  --batch <n>            events per batch (default 2000)
environment:
  EVENTSTORE_CONNECTION_STRING  read events from EventStoreDB instead (esdb://…)
  MONGODB_URL            keep read models in MongoDB instead (MONGODB_DATABASE picks the database)`;

interface Args {
  readonly command?: string;
  readonly positional: ReadonlyArray<string>;
  readonly options: Readonly<Record<string, string>>;
}

export const parseArgs = (argv: ReadonlyArray<string>): Args => {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const [key, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      options[key] = inline ?? argv[(i += 1)] ?? '';
    } else positional.push(a);
  }
  const [command, ...rest] = positional;
  return { ...(command !== undefined ? { command } : {}), positional: rest, options };
};

/** The API appends in another process: the embedded store's subscriptions then poll the file for its commits. */
const defaultOpenEvents = (args: {
  readonly file?: string;
  readonly connectionString?: string;
}): EventStore =>
  args.connectionString !== undefined
    ? openEsdbEventStore({ connectionString: args.connectionString })
    : openSqliteEventStore({ file: args.file!, durability: 'normal', pollIntervalMs: 250 });

const openStores = async (
  args: Args,
  io: CliIo,
): Promise<{ events: EventStore & RunnerEventSource; store: ReadModelStore; where: string }> => {
  const connectionString = io.env['EVENTSTORE_CONNECTION_STRING'];
  const eventsFile = args.options['events'];
  const esdb = connectionString !== undefined && connectionString !== '';
  if (!esdb && (eventsFile === undefined || eventsFile === ''))
    throw new UsageError('--events <file> (or EVENTSTORE_CONNECTION_STRING) is required');
  const events = (io.openEvents ?? defaultOpenEvents)(esdb ? { connectionString } : { file: eventsFile! });
  const url = io.env['MONGODB_URL'];
  if (url !== undefined && url !== '') {
    const store = await openMongoReadModelStore({
      url,
      ...(io.env['MONGODB_DATABASE'] ? { database: io.env['MONGODB_DATABASE'] } : {}),
    });
    return { events, store, where: `MongoDB (${store.transactional ? 'transactions' : 'redo log'})` };
  }
  const file = args.options['read-models'] ?? 'read-models.sqlite';
  return { events, store: openSqliteReadModelStore({ file }), where: file };
};

class UsageError extends Error {}

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

/** Runs the command line; resolves to the exit code. */
export const runCli = async (argv: ReadonlyArray<string>, io: CliIo): Promise<number> => {
  const args = parseArgs(argv);
  if (args.command === undefined || args.command === 'help' || args.options['help'] !== undefined) {
    io.out(USAGE);
    return args.command === undefined ? 2 : 0;
  }
  const now = io.now ?? Date.now;
  try {
    const command = args.command;
    if (!['rebuild', 'status', 'run', 'retry', 'skip'].includes(command))
      throw new UsageError(`unknown command ${command}`);
    const named =
      command === 'rebuild' || command === 'retry' || command === 'skip' ? args.positional : undefined;
    if ((command === 'retry' || command === 'skip') && named?.length !== 1)
      throw new UsageError(`${command} takes one projection`);
    const projections = selectProjections(named);
    const { events, store, where } = await openStores(args, io);
    try {
      const batchSize = Number(args.options['batch'] ?? 2000);
      if (command === 'run') {
        const runner = new ProjectionRunner({
          eventStore: events,
          store,
          projections,
          batchSize,
          logger: logger(io, true),
        });
        await runner.start();
        io.out(`projection runner ${runner.currentHealth} on ${where}; stop with Ctrl-C`);
        await (io.until ?? signals());
        await runner.stop();
        io.out('projection runner stopped');
        return 0;
      }
      if (command === 'retry') {
        const name = projections[0]!.name;
        if (!(await store.retryParked(name))) {
          io.err(`${name} is not parked`);
          return 1;
        }
        io.out(
          `${name}: the parked event will be tried again (by the running runner within its lease renewal, or on the next start)`,
        );
        return 0;
      }
      if (command === 'skip') {
        const name = projections[0]!.name;
        const text = args.options['position'];
        if (text === undefined || !/^\d+$/.test(text))
          throw new UsageError('skip needs --position <the parked event position, as status prints it>');
        const by = args.options['by'] ?? io.env['USER'] ?? 'operator';
        if (!(await store.skipParked(name, BigInt(text), by, new Date(now()).toISOString()))) {
          io.err(`${name} is not parked at position ${text}: nothing skipped`);
          return 1;
        }
        io.out(`${name}: skipped the event at position ${text} (recorded as skipped by ${by})`);
        return 0;
      }
      if (command === 'rebuild') {
        const runner = new ProjectionRunner({
          eventStore: events,
          store,
          projections,
          batchSize,
          logger: logger(io, false),
          retry: false,
        });
        const head = await headPosition(events);
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
          `rebuilt ${projections.map((p) => p.name).join(', ')} into ${where} up to position ${head} in ${seconds.toFixed(1)} s`,
        );
      }
      return await printStatus(events, store, where, projections, io, now);
    } finally {
      await events.close();
      await store.close();
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof RangeError) {
      io.err(`${error.message}\n${USAGE}`);
      return 2;
    }
    io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
};

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
    `read models: ${where}; head of the event store: ${head}${identity !== undefined ? `; event store ${identity.storeId}` : ''}`,
  );
  io.out(
    lease === undefined
      ? 'lease: free (no runner is applying events)'
      : `lease: held by ${lease.holder} until ${new Date(lease.expiresAt).toISOString()}${lease.expiresAt <= now() ? ' (expired)' : ''}`,
  );
  io.out(['projection', 'version', 'state', 'checkpoint', 'lag (events)', 'lag (s)', 'detail'].join('\t'));
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
        ? `parked at position ${cp.parked.position} (${cp.parked.streamName} #${cp.parked.revision}, ${cp.parked.type}): ${cp.parked.error} — retry ${p.name}, or skip ${p.name} --position ${cp.parked.position}`
        : otherStore
          ? `built from event store ${cp.source?.storeId ?? '(not recorded)'}: the runner rebuilds it on start`
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
      `skipped: ${s.projection} at position ${s.position} (${s.streamName} #${s.revision}, ${s.type}) by ${s.by} at ${s.skippedAt}: ${s.error}`,
    );
  return failed ? 1 : 0;
};

if (require.main === module) {
  runCli(process.argv.slice(2), {
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
    env: process.env,
    progress: process.stderr.isTTY,
  })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exitCode = 1;
    });
}
