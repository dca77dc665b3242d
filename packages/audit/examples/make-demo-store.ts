/**
 * Writes a reproducible demo store for docs/auditing.md: the fixture project (XM-2024-0317) from
 * lead to signed agreement, one event per business day from 2024-03-01 (Shanghai), then its unit's
 * 2024 targets (R11) and the May 2024 bulletin published by the supervision office (R14), its
 * figures computed by `computeBulletinFigures` as the API does. Fixed event ids, command ids and
 * store clock, so every hash and output in the docs is the same on every run.
 *
 *   npx tsx packages/audit/examples/make-demo-store.ts /tmp/audit-demo/events.sqlite
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  bulletinDecider,
  bulletinEvents,
  bulletinStream,
  defaultTargetsR11,
  ProjectEventCodec,
  projectEvents,
  projectStream,
  targetPlanDecider,
  targetPlanEvents,
  targetPlanStream,
  unsafeId,
  type BusinessDate,
  type Year,
} from '@zhaoshang/domain';
import { projectFixtures } from '@zhaoshang/domain/testing';
import { openSqliteEventStore, type EventStore } from '@zhaoshang/eventstore';
import * as E from 'fp-ts/Either';
import { computeBulletinFigures, parseBulletinPeriod } from '../src';

const file = process.argv[2];
if (file === undefined) {
  process.stderr.write('usage: make-demo-store.ts <file.sqlite>\n');
  process.exit(2);
}
if (existsSync(file)) {
  process.stderr.write(`${file} exists; remove it first so the demo is reproducible\n`);
  process.exit(2);
}

const unitId = unsafeId.unit('jingkaiqu-touzicujinju');
const eventId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** The unit's 2024 targets (R11), set by the leading-group office, as event 16. */
const appendTargets = async (store: EventStore): Promise<void> => {
  const decided = targetPlanDecider.decide(
    {
      type: 'SetAnnualTargets',
      unitId,
      year: 2024 as Year,
      scope: 'unit',
      targets: defaultTargetsR11,
      setOn: '2024-01-02' as BusinessDate,
      setBy: unsafeId.text('相山区招商引资工作领导小组办公室'),
    },
    targetPlanDecider.initialState,
  );
  if (E.isLeft(decided)) throw new Error(`targets refused: ${decided.left.code}`);
  await store.append(
    targetPlanStream(unitId, 2024 as Year),
    decided.right.map((e, i) => ({
      type: e.type,
      data: e.data,
      schemaVersion: targetPlanEvents[e.type].version,
      eventId: eventId(16 + i),
    })),
    {
      expectedRevision: 'no-stream',
      context: {
        commandId: 'demo-16',
        actor: { userId: 'chen.jing', role: 'leading-group-office', unitId: 'lingdao-xiaozu' },
        businessTime: '2024-01-02T00:00:00+08:00',
      },
    },
  );
};

/** The May 2024 bulletin (通报), computed at the head (the targets) and published on 5 June, as event 17. */
const appendBulletin = async (store: EventStore): Promise<void> => {
  const period = parseBulletinPeriod('2024-05')!;
  const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
  const f = await computeBulletinFigures(store, period, { upTo: last!.globalPosition });
  const decided = bulletinDecider.decide(
    {
      type: 'PublishBulletin',
      bulletinId: unsafeId.bulletin('TB-2024-05'),
      period,
      computedAtPosition: f.computedAtPosition,
      figuresDigest: f.digest,
      figures: f.figures,
      publishedOn: '2024-06-05' as BusinessDate,
      publishedBy: unsafeId.text('督查考核办'),
    },
    bulletinDecider.initialState,
  );
  if (E.isLeft(decided)) throw new Error(`bulletin refused: ${decided.left.code}`);
  await store.append(
    bulletinStream(period),
    decided.right.map((e, i) => ({
      type: e.type,
      data: e.data,
      schemaVersion: bulletinEvents[e.type].version,
      eventId: eventId(17 + i),
    })),
    {
      expectedRevision: 'no-stream',
      context: {
        commandId: 'demo-17',
        actor: { userId: 'zhang.wei', role: 'supervision-office', unitId: 'ducha-kaoheban' },
        businessTime: '2024-06-05T00:00:00+08:00',
      },
    },
  );
};

const main = async (): Promise<void> => {
  mkdirSync(dirname(file), { recursive: true });
  const events = projectFixtures.historyUntil('signed');
  let tick = 0;
  // The store's clock: 18:00 Shanghai on the business day of the event being appended.
  const store = openSqliteEventStore({ file, clock: () => new Date(Date.UTC(2024, 2, 1 + tick, 10)) });
  const id = projectFixtures.fixtureIds.project;
  try {
    for (const [i, event] of events.entries()) {
      tick = i;
      await store.append(
        projectStream(id),
        [
          {
            type: event.type,
            data: (ProjectEventCodec.encode(event) as { readonly data: unknown }).data,
            schemaVersion: projectEvents[event.type].version,
            eventId: eventId(i),
          },
        ],
        {
          expectedRevision: i === 0 ? 'no-stream' : i - 1,
          context: {
            commandId: `demo-${i}`,
            actor: { userId: 'wang.li', role: 'project-manager', unitId: 'jingkaiqu-touzicujinju' },
            businessTime: new Date(Date.UTC(2024, 2, 1 + i, 2)).toISOString(), // 10:00 Shanghai
          },
        },
      );
    }
    tick = 16; // the targets are recorded on 2024-03-17…
    await appendTargets(store);
    tick = 96; // … and the bulletin on 2024-06-05
    await appendBulletin(store);
  } finally {
    await store.close();
  }
  process.stdout.write(
    `wrote ${events.length} events of project ${id}, its unit's 2024 targets and the 2024-05 bulletin to ${file}\n`,
  );
};

void main();
