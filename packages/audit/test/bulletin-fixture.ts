import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import {
  bulletinDecider,
  bulletinStream,
  cny,
  fold,
  periodLabel,
  unsafeId,
  type BulletinCommand,
  type BulletinEvent,
  type BulletinPeriod,
  type BusinessDate,
  type Figures,
} from '@zhaoshang/domain';
import { projectFixtures } from '@zhaoshang/domain/testing';
import { openSqliteEventStore, type EventStore } from '@zhaoshang/eventstore';
import { makeTempDir, testPositions } from '@zhaoshang/eventstore/testing';
import {
  appendScenario,
  GOLDEN,
  goldenStreams,
  projectStreamOf,
  toNewEvent,
} from '@zhaoshang/projections/testing';
import { figuresDigest, parseBulletinPeriod, type BulletinFigures } from '../src';
import { decodeStored } from '../src/history';

export const period = (label: string): BulletinPeriod => {
  const p = parseBulletinPeriod(label);
  if (p === undefined) throw new Error(`not a period: ${label}`);
  return p;
};

export const head = async (store: EventStore): Promise<bigint> => {
  const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
  return last?.globalPosition ?? -1n;
};

/** Decides a bulletin command on the stream's state and appends what it emits (as the API's gateway does). */
export const issue = async (
  store: EventStore,
  command: BulletinCommand,
  commandId: string,
): Promise<void> => {
  const stream = bulletinStream(command.period);
  let stored: ReadonlyArray<{ type: string; data: unknown; revision: number }> = [];
  try {
    stored = await store.readStream(stream);
  } catch {
    stored = [];
  }
  const state = fold(
    bulletinDecider,
    stored.map((s) => ({ type: s.type, data: s.data }) as BulletinEvent),
  );
  const decided = bulletinDecider.decide(command, state);
  if (E.isLeft(decided)) throw new Error(`${command.type} refused: ${decided.left.code}`);
  await store.append(stream, decided.right.map(toNewEvent), {
    expectedRevision: stored.length === 0 ? 'no-stream' : stored.length - 1,
    context: {
      commandId,
      actor: { userId: 'zhang.wei', role: 'supervision-office', unitId: 'ducha' },
      businessTime: '2024-12-31T02:00:00.000Z',
    },
  });
};

export const publish = (f: BulletinFigures): BulletinCommand => ({
  type: 'PublishBulletin',
  bulletinId: unsafeId.bulletin(`TB-${f.label}`),
  period: f.period,
  computedAtPosition: f.computedAtPosition,
  figuresDigest: f.digest,
  figures: f.figures,
  publishedOn: f.period.year === 2023 ? ('2024-01-05' as BusinessDate) : ('2024-12-31' as BusinessDate),
  publishedBy: unsafeId.text('区督查考核办'),
});

export const correct = (
  f: Pick<BulletinFigures, 'period' | 'computedAtPosition' | 'figures'>,
  supersedes: string,
  reason: string,
  edition = 1,
): BulletinCommand => ({
  type: 'CorrectBulletin',
  bulletinId: unsafeId.bulletin(`TB-${periodLabel(f.period)}-r${edition}`),
  period: f.period,
  computedAtPosition: f.computedAtPosition,
  figuresDigest: figuresDigest(f.figures),
  figures: f.figures,
  supersedes: supersedes as never,
  correctedOn: '2024-12-31' as BusinessDate,
  correctedBy: unsafeId.text('区督查考核办'),
  reason: unsafeId.text(reason),
});

/** One figure changed: a number by one, a string by a suffix. */
export const tamper = (figures: Figures, unit: string, metric: string): Figures => {
  const value = figures[unit]![metric]!;
  return {
    ...figures,
    [unit]: { ...figures[unit]!, [metric]: typeof value === 'number' ? value + 1 : `${value}?` },
  };
};

/** Later facts of the golden zone: a new lead qualified in April and J01's April report corrected. */
export const laterFacts = async (store: EventStore): Promise<void> => {
  const j99 = projectStreamOf([
    projectFixtures.captureLead({
      projectId: unsafeId.project('J99'),
      unitId: unsafeId.unit(GOLDEN.zone),
      name: unsafeId.text('项目 J99'),
      capturedOn: '2024-04-02' as BusinessDate,
    }),
    projectFixtures.qualifyLead({ projectId: unsafeId.project('J99'), on: '2024-04-09' as BusinessDate }),
  ]);
  await store.append(j99.streamName, j99.events, {
    expectedRevision: 'no-stream',
    context: {
      commandId: 'later-J99',
      actor: { userId: 'li.na', role: 'investment-officer', unitId: GOLDEN.zone },
      businessTime: '2025-01-10T02:00:00.000Z',
    },
  });
  const j01 = await store.readStream('project-J01');
  const correction = projectFixtures.runScript(
    [
      projectFixtures.reportInvestment('2024-04', cny.wan(2000), {
        projectId: unsafeId.project('J01'),
        on: '2024-05-06' as BusinessDate,
        correction: { reason: unsafeId.text('四月投资额统计口径有误，更正为 2000 万元') },
      }),
    ],
    j01.map(decodeStored),
  );
  await store.append('project-J01', correction.map(toNewEvent), {
    expectedRevision: j01.length - 1,
    context: {
      commandId: 'later-J01-correction',
      actor: { userId: 'li.na', role: 'investment-officer', unitId: GOLDEN.zone },
      businessTime: '2025-01-10T03:00:00.000Z',
    },
  });
};

/** The golden year of @zhaoshang/projections in a SQLite file, and fresh copies of it to write to. */
export const goldenStoreFiles = () => {
  const dir = makeTempDir('audit-bulletin');
  const file = join(dir, 'golden.sqlite');
  let copies = 0;
  return {
    dir,
    file,
    /** Appends the golden streams; returns how many events (the last position). */
    create: async (): Promise<number> => {
      const store = openSqliteEventStore({ file, durability: 'normal', positions: testPositions() });
      const count = await appendScenario(store, goldenStreams());
      await store.close(); // checkpoints the WAL: the file alone holds every event
      return count;
    },
    /** A copy's path (the golden file itself is never written after `create`). */
    copyFile: (): string => {
      copies += 1;
      const copy = join(dir, `copy-${copies}.sqlite`);
      copyFileSync(file, copy);
      return copy;
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
};
