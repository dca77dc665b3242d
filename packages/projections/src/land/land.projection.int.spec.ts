/**
 * The land register's read models (R19) built by the runner from a small history, the same on the
 * embedded store and on MongoDB (its client double), and the figures the seeds report worked by
 * hand: 000 §四.5 (低效闲置用地 with area totals), 001 §(四) (每半年土地清理: 圈而不建, 低效),
 * 003 (盘活土地, 腾出, 亩均论英雄), 001 §(二) (用地指标, 有限指标保重点).
 */
import {
  date,
  landArea,
  unsafePlotId,
  type Year,
  landQuotaStream,
  plotStream,
  type HalfYear,
  type LandQuotaEvent,
  type PlotEvent,
  type ProjectEvent,
} from '@zhaoshang/domain';
import { projectFixtures as fx } from '@zhaoshang/domain/testing';
import { openSqliteEventStore } from '@zhaoshang/eventstore';
import { testPositions } from '@zhaoshang/eventstore/testing';
import type { MongoClient } from 'mongodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoServerDouble } from '../../test/support/mongodb-double';
import { ProjectionRunner } from '../runner/runner';
import { MongoReadModelStore } from '../stores/mongodb/mongo-read-model-store';
import type { ReadModelStore } from '../stores/read-model-store';
import { openSqliteReadModelStore } from '../stores/sqlite/sqlite-read-model-store';
import { appendScenario, dumpAll, toNewEvent, type ScenarioStream } from '../testing';
import { landProjection } from './land.projection';
import { landQueries } from './land.queries';

const mu = (n: number) => landArea.mu(n);

/** The fixture project's history under another id (the rules already allowed it once). */
const renamed = (projectId: string, events: ReadonlyArray<ProjectEvent>): ReadonlyArray<ProjectEvent> =>
  events.map((e) => ({ ...e, data: { ...e.data, projectId } }) as ProjectEvent);

const stream = (
  streamName: string,
  events: ReadonlyArray<{ type: string; data: unknown }>,
): ScenarioStream => ({
  streamName,
  events: events.map(toNewEvent),
});

const registered = (plotId: string, area: number, unitId = 'kaifaqu'): PlotEvent =>
  ({
    type: 'PlotRegistered',
    data: {
      plotId,
      unitId,
      location: `${plotId} 坐落`,
      area: mu(area),
      landUse: 'industrial',
      supply: 'transferred',
      registeredOn: '2024-01-05',
    },
  }) as PlotEvent;
const allocated = (plotId: string, projectId: string, on: string): PlotEvent =>
  ({ type: 'PlotAllocated', data: { plotId, projectId, allocatedOn: on } }) as PlotEvent;

// 闲置 project: signed 2024-05-10, agreed start 2024-08-01, never started. 低效 project: 8.5 亿元 output in 2026.
const idleProject = renamed('XM-IDLE', fx.historyUntil('signed'));
const lowProject = renamed('XM-LOW', fx.historyUntil('performance-reported'));
const landReclaimed = {
  type: 'LandReclaimed',
  data: { projectId: 'XM-IDLE', on: '2024-11-20', area: 120, reason: '圈而不建，依约收回' },
} as ProjectEvent;

const streams: ReadonlyArray<ScenarioStream> = [
  stream('project-XM-IDLE', idleProject),
  stream('project-XM-LOW', lowProject),
  stream(plotStream(unsafePlotId('DK-IDLE')), [
    registered('DK-IDLE', 120),
    allocated('DK-IDLE', 'XM-IDLE', '2024-05-20'),
  ]),
  stream(plotStream(unsafePlotId('DK-LOW')), [
    registered('DK-LOW', 500),
    allocated('DK-LOW', 'XM-LOW', '2024-05-20'),
  ]),
  stream(plotStream(unsafePlotId('DK-OLD')), [
    registered('DK-OLD', 300.5),
    allocated('DK-OLD', 'XM-LOW', '2024-02-01'),
    {
      type: 'PlotFlagged',
      data: {
        plotId: 'DK-OLD',
        flag: 'idle',
        basis: 'stopped-production',
        period: '2024-H1',
        on: '2024-06-20',
      },
    },
    {
      type: 'PlotRevitalised',
      data: {
        plotId: 'DK-OLD',
        route: 'government-reserve',
        area: mu(300.5),
        on: '2024-09-01',
        evidence: [],
      },
    },
  ] as PlotEvent[]),
  stream(plotStream(unsafePlotId('DK-RES')), [registered('DK-RES', 40)]),
  stream(landQuotaStream(2024 as Year), [
    {
      type: 'LandQuotaGranted',
      data: {
        year: 2024,
        grantId: 'ZB-1',
        area: mu(500),
        reservedForKeyProjects: mu(200),
        grantedOn: '2024-03-15',
        basis: '2024 年第一批用地计划',
      },
    },
    {
      type: 'LandQuotaUsed',
      data: {
        year: 2024,
        useId: 'SY-1',
        projectId: 'XM-LOW',
        area: mu(120),
        usedOn: '2024-05-01',
        keyProject: true,
        fromReserved: mu(120),
      },
    },
  ] as LandQuotaEvent[]),
];
// After the allocation: the idle project's land is reclaimed (its stream, not the plot's).
const later: ReadonlyArray<ScenarioStream> = [
  { streamName: 'project-XM-IDLE', events: [toNewEvent(landReclaimed)] },
];

const run = async (store: ReadModelStore, events: ReturnType<typeof openSqliteEventStore>) => {
  const runner = new ProjectionRunner({
    eventStore: events,
    store,
    projections: [landProjection],
    batchSize: 7,
  });
  await runner.start();
  await runner.stop();
};

let dir: string;
let events: ReturnType<typeof openSqliteEventStore>;
let sqlite: ReadModelStore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'projections-land-'));
  events = openSqliteEventStore({
    file: join(dir, 'events.sqlite'),
    durability: 'normal',
    positions: testPositions(),
  });
  await appendScenario(events, streams);
  for (const s of later) {
    const revision = (await events.readStream(s.streamName)).length - 1;
    await events.append(s.streamName, s.events, {
      expectedRevision: revision,
      context: {
        commandId: 'later',
        actor: { userId: 'scenario', role: 'officer', unitId: 'scenario' },
        businessTime: '2024-11-20T00:00:00.000Z',
      },
    });
  }
  sqlite = openSqliteReadModelStore({ file: join(dir, 'read-models.sqlite') });
  await run(sqlite, events);
}, 60_000);

afterAll(async () => {
  await sqlite.close();
  await events.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the land register read models (R19)', () => {
  it('R19 plot register: every plot with its status, occupant and 亩均 figures in 万元/亩 (wanPerMu)', async () => {
    const plots = await landQueries(sqlite).plots();
    expect(plots.map((p) => [p.plotId, p.status, p.areaMu, p.occupantId])).toEqual([
      ['DK-IDLE', 'in-use', '120.00', 'XM-IDLE'],
      ['DK-LOW', 'in-use', '500.00', 'XM-LOW'],
      ['DK-OLD', 'reserve', '300.50', undefined],
      ['DK-RES', 'reserve', '40.00', undefined],
    ]);
    // 003 亩均论英雄: 8.5 亿元 output, 2600 万元 tax, 3.3 亿元 invested on 500 亩 → 170, 5.2, 66 万元/亩.
    expect(plots[1]?.perMu).toEqual({ investment: 66, output: 170, tax: 5.2, year: 2026 });
    expect(plots[0]?.occupant).toMatchObject({ name: expect.any(String), agreedStartBy: '2024-08-01' });
  });

  it('R19 (001 §(四) 每半年土地清理) the 2024-H2 clearance lists the plot held without building (圈而不建), with its area', async () => {
    const list = await landQueries(sqlite).clearance('2024-H2' as HalfYear, date('2025-03-01'));
    expect(list.asOf).toBe('2024-12-31');
    expect(list.noConstruction.map((p) => p.plotId)).toEqual(['DK-IDLE']);
    expect(list.lowEfficiency).toEqual([]);
    expect(list.totals).toEqual({ noConstructionArea: 12000, lowEfficiencyArea: 0, plots: 1, area: 12000 });
  });

  it('R19 (003 亩均论英雄) the 2026-H2 clearance lists the plot in production below 200 万元 per 亩 as low-efficiency', async () => {
    const list = await landQueries(sqlite).clearance('2026-H2' as HalfYear, date('2026-12-31'));
    expect(list.lowEfficiency.map((p) => [p.plotId, p.finding, p.recorded])).toEqual([
      ['DK-LOW', 'low-output', false],
    ]);
  });

  it('R19 (000 §四.5, 003 盘活 … 腾出) revitalised land by year and route, and the land freed', async () => {
    const r = await landQueries(sqlite).revitalised();
    expect(r.years).toHaveLength(1);
    expect(r.years[0]?.byRoute['government-reserve']).toEqual({ area: 30050, plots: 1 });
    expect(r.totals).toEqual({ revitalised: 30050, freed: 30050 });
  });

  it('R19 (001 §(四) 收回土地) land reclaimed on the project’s stream leaves its plot awaiting the reserve', async () => {
    const pending = await landQueries(sqlite).reclaimPending();
    expect(pending.map((p) => [p.plotId, p.reclaimPending?.projectId, p.reclaimPending?.on])).toEqual([
      ['DK-IDLE', 'XM-IDLE', '2024-11-20'],
    ]);
  });

  it('R19 (001 §(二) 有限指标保重点) the year’s quota: granted, reserved, used, left', async () => {
    const [q] = await landQueries(sqlite).quota(2024);
    expect(q).toMatchObject({
      granted: 50000,
      reserved: 20000,
      usedFromReserved: 12000,
      reservedLeft: 8000,
      generalLeft: 30000,
      left: 38000,
    });
  });

  it.each([
    ['a replica set', true],
    ['a standalone server', false],
  ])('builds the same documents on MongoDB (%s) as on the embedded store', async (_name, replicaSet) => {
    const server = new MongoServerDouble(replicaSet);
    const mongo = await MongoReadModelStore.fromClient(server.client() as unknown as MongoClient, {});
    await run(mongo, events);
    expect(await dumpAll(mongo, [landProjection])).toEqual(await dumpAll(sqlite, [landProjection]));
    await mongo.close();
  });
});
