import { openSqliteEventStore } from '@zhaoshang/eventstore';
import { testPositions } from '@zhaoshang/eventstore/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allProjections, openSqliteReadModelStore, ProjectionRunner } from '../../src';
import { appendScenario, type ScenarioStream } from '../../src/testing';

/** A scenario in SQLite stores of its own, projected to the end by every projection. */
export interface ProjectedScenario {
  readonly events: ReturnType<typeof openSqliteEventStore>;
  readonly store: ReturnType<typeof openSqliteReadModelStore>;
  /** Closes both stores and removes their folder. */
  readonly close: () => Promise<void>;
}

/**
 * Appends the streams to a fresh event store (in a temporary folder named after `name`), runs every
 * projection over them to the end, and checks the runner caught up with nothing lagging.
 */
export const projectScenario = async (
  name: string,
  streams: ReadonlyArray<ScenarioStream>,
): Promise<ProjectedScenario> => {
  const dir = mkdtempSync(join(tmpdir(), `projections-${name}-`));
  // Dense, or sparse in the jest projects named "… · sparse positions" (positions are opaque).
  const events = openSqliteEventStore({
    file: join(dir, 'events.sqlite'),
    durability: 'normal',
    positions: testPositions(),
  });
  const store = openSqliteReadModelStore({ file: join(dir, 'read-models.sqlite') });
  await appendScenario(events, streams);
  const runner = new ProjectionRunner({
    eventStore: events,
    store,
    projections: allProjections,
    batchSize: 50,
  });
  await runner.start();
  await runner.stop();
  expect((await runner.status()).every((s) => s.lagEvents === 0 && s.state === 'running')).toBe(true);
  return {
    events,
    store,
    close: async () => {
      await events.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
