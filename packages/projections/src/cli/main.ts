#!/usr/bin/env node
import { openSqliteEventStore, type EventStore } from '@zhaoshang/eventstore';
import { SingleBar } from 'cli-progress';
import { selectProjections } from '../projections';
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
}

const USAGE = `usage: zhaoshang-projections <command> [options]
  rebuild [projection]   drop and rebuild one read model (or all) from the first event
  status                 checkpoint, head and lag of every projection
options:
  --events <file>        the embedded event store (SQLite file)            [required]
  --read-models <file>   the embedded read-model store (default read-models.sqlite)
  --batch <n>            events per batch (default 2000)
environment:
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

const openStores = async (args: Args, io: CliIo): Promise<{ events: EventStore; store: ReadModelStore; where: string }> => {
  const eventsFile = args.options['events'];
  if (eventsFile === undefined || eventsFile === '') throw new UsageError('--events <file> is required');
  const events = openSqliteEventStore({ file: eventsFile, durability: 'normal' });
  const url = io.env['MONGODB_URL'];
  if (url !== undefined && url !== '') {
    const store = await openMongoReadModelStore({ url, ...(io.env['MONGODB_DATABASE'] ? { database: io.env['MONGODB_DATABASE'] } : {}) });
    return { events, store, where: `MongoDB (${store.transactional ? 'transactions' : 'redo log'})` };
  }
  const file = args.options['read-models'] ?? 'read-models.sqlite';
  return { events, store: openSqliteReadModelStore({ file }), where: file };
};

class UsageError extends Error {}

const logger = (io: CliIo): RunnerLogger => ({
  info: () => undefined,
  error: (message, fields) => io.err(`${message} ${JSON.stringify(fields ?? {}, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`),
});

/** Runs the command line; resolves to the exit code. */
export const runCli = async (argv: ReadonlyArray<string>, io: CliIo): Promise<number> => {
  const args = parseArgs(argv);
  if (args.command === undefined || args.command === 'help' || args.options['help'] !== undefined) {
    io.out(USAGE);
    return args.command === undefined ? 2 : 0;
  }
  try {
    if (args.command !== 'rebuild' && args.command !== 'status') throw new UsageError(`unknown command ${args.command}`);
    const projections = selectProjections(args.command === 'rebuild' ? args.positional : undefined);
    const { events, store, where } = await openStores(args, io);
    try {
      const batchSize = Number(args.options['batch'] ?? 2000);
      const runner = new ProjectionRunner({ eventStore: events, store, projections, batchSize, logger: logger(io) });
      if (args.command === 'rebuild') {
        const head = await headPosition(events);
        const started = Date.now();
        const bar = io.progress === false ? undefined : new SingleBar({ format: 'rebuild {bar} {percentage}% | {value}/{total} events | {rate} events/s | ETA {eta_formatted}', hideCursor: true });
        bar?.start(Number(head > 0n ? head : 0n), 0, { rate: 0 });
        await runner.rebuild(
          projections.map((p) => p.name),
          (p) => {
            const seconds = (Date.now() - started) / 1000;
            bar?.update(Number(p.position), { rate: seconds > 0 ? Math.round(p.processed / seconds) : 0 });
          },
        );
        bar?.stop();
        const seconds = (Date.now() - started) / 1000;
        io.out(`rebuilt ${projections.map((p) => p.name).join(', ')} into ${where} up to position ${head} in ${seconds.toFixed(1)} s`);
      }
      const checkpoints = new Map((await store.checkpoints()).map((c) => [c.projection, c]));
      const head = await headPosition(events);
      io.out(`read models: ${where}; head of the event store: ${head}`);
      io.out(['projection', 'version', 'state', 'checkpoint', 'lag', 'error'].join('\t'));
      let failed = false;
      for (const p of projections) {
        const cp = checkpoints.get(p.name);
        const state = cp === undefined ? 'not built' : cp.version !== p.version ? 'needs rebuild' : cp.status;
        failed ||= state !== 'ok';
        const lag = cp === undefined ? head + 1n : head - cp.position;
        io.out([p.name, String(p.version), state, cp === undefined ? '-' : String(cp.position), String(lag < 0n ? 0n : lag), cp?.error ?? ''].join('\t'));
      }
      return failed ? 1 : 0;
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
