import { openSqliteEventStore, type SqliteEventStore } from '@zhaoshang/eventstore';
import { testPositions } from '@zhaoshang/eventstore/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  allProjections,
  headPosition,
  openSqliteReadModelStore,
  ProjectionRunner,
  registerProjection,
  type RunnerLogger,
} from '../src';
import { appendScenario, goldenStreams } from '../src/testing';

const context = (commandId: string) => ({
  commandId,
  actor: { userId: 'u', role: 'officer', unitId: 'x' },
  businessTime: '2024-12-31T00:00:00.000Z',
});

describe('the runner stops a projection at an event it cannot handle, never skipping it silently', () => {
  let dir: string;
  let events: SqliteEventStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'projections-runner-'));
    events = openSqliteEventStore({
      file: join(dir, 'events.sqlite'),
      durability: 'normal',
      positions: testPositions(),
    });
    await appendScenario(events, goldenStreams());
  });
  afterEach(async () => {
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an undecodable plan event parks the projections that read plans at that event, with its position and error, in the status, the store and the log', async () => {
    const before = await headPosition(events);
    const bad = await events.append(
      'target-plan-jingkai-2025',
      [{ type: 'AnnualTargetsSet', data: { unitId: 'jingkai', year: 'next year' } }],
      {
        expectedRevision: 'no-stream',
        context: context('bad-plan'),
      },
    );
    const after = await events.append(
      'project-LATE',
      [
        {
          type: 'ProjectPlanned',
          data: {
            projectId: 'LATE',
            unitId: 'jingkai',
            name: '后来的谋划项目',
            industryChain: '新材料',
            content: '谋划',
            intendedInvestment: 100,
            plannedOn: '2025-01-05',
          },
        },
      ],
      {
        expectedRevision: 'no-stream',
        context: context('late'),
      },
    );
    const lines: string[] = [];
    const logger: RunnerLogger = {
      info: () => undefined,
      error: (message, fields) =>
        lines.push(
          `${message} ${JSON.stringify(fields, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`,
        ),
    };
    const store = openSqliteReadModelStore({ file: ':memory:' });
    const runner = new ProjectionRunner({
      eventStore: events,
      store,
      projections: allProjections,
      batchSize: 100,
      logger,
    });
    await runner.start();
    await runner.stop();
    const status = Object.fromEntries((await runner.status()).map((s) => [s.name, s]));
    const badAt = bad.position;
    for (const name of ['target-progress', 'performance-review'] as const) {
      expect(status[name]?.state).toBe('parked');
      expect(status[name]?.checkpoint).toBe(before);
      expect(status[name]?.parked).toMatchObject({
        position: badAt,
        streamName: 'target-plan-jingkai-2025',
        revision: 0,
        type: 'AnnualTargetsSet',
      });
      expect(status[name]?.lagEvents).toBe(2);
      expect(status[name]?.error).toMatch(
        new RegExp(
          `at position ${badAt} \\(target-plan-jingkai-2025 #0, AnnualTargetsSet\\): cannot decode AnnualTargetsSet \\(INVALID_EVENT_DATA\\)`,
        ),
      );
    }
    // The other projections went on, past the bad event.
    expect(status['register']).toMatchObject({
      state: 'running',
      checkpoint: after.position,
      lagEvents: 0,
      lagSeconds: 0,
    });
    expect(lines.filter((l) => l.startsWith('projection parked'))).toHaveLength(2);
    expect(await store.checkpoint('target-progress')).toMatchObject({
      status: 'parked',
      position: before,
      parked: { position: badAt },
    });
    await store.close();
  });

  it('a projection whose documents were built by another version refuses to continue until rebuilt', async () => {
    const store = openSqliteReadModelStore({ file: ':memory:' });
    await new ProjectionRunner({ eventStore: events, store, projections: [registerProjection] }).rebuild();
    const lines: string[] = [];
    const v2 = { ...registerProjection, version: registerProjection.version + 1 };
    const runner = new ProjectionRunner({
      eventStore: events,
      store,
      projections: [v2],
      logger: { info: () => undefined, error: (m) => lines.push(m) },
    });
    await runner.start();
    await runner.stop();
    expect((await runner.status())[0]).toMatchObject({ state: 'needs-rebuild' });
    expect(lines).toEqual(['projection needs a rebuild']);
    await runner.rebuild();
    expect((await runner.status())[0]).toMatchObject({ state: 'running', lagEvents: 0 });
    await store.close();
  });

  it('with rebuildOnVersionChange (the API), a projection built by another version is rebuilt by the runner that holds the lease, and its indexes come back', async () => {
    const store = openSqliteReadModelStore({ file: ':memory:' });
    await new ProjectionRunner({
      eventStore: events,
      store,
      projections: [registerProjection],
      lease: false,
    }).rebuild();
    const v2 = { ...registerProjection, version: registerProjection.version + 1 };
    const lines: string[] = [];
    const runner = new ProjectionRunner({
      eventStore: events,
      store,
      projections: [v2],
      rebuildOnVersionChange: true,
      logger: { info: (m) => lines.push(m), error: (m) => lines.push(m) },
    });
    await runner.start();
    await runner.stop();
    expect(lines).toContain('rebuilding read models built by another version');
    expect((await runner.status())[0]).toMatchObject({ state: 'running', lagEvents: 0 });
    expect(await store.checkpoint('register')).toMatchObject({ version: v2.version });
    const indexes = (
      store as unknown as { db: { prepare(sql: string): { all(): Array<{ name: string }> } } }
    ).db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'rm_register' AND name NOT LIKE 'sqlite_%'`,
      )
      .all()
      .map((r) => r.name);
    expect(indexes.length).toBe(registerProjection.collections[0]!.indexes.length);
    await store.close();
  });
});
