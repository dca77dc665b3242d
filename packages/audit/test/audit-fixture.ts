import { ProjectEventCodec, projectEvents, type ProjectEvent } from '@zhaoshang/domain';
import { projectFixtures } from '@zhaoshang/domain/testing';
import type { EventStore, NewEvent } from '@zhaoshang/eventstore';

/** The fixture project's id. */
export const projectId = projectFixtures.fixtureIds.project;

/** A domain event encoded as the store keeps it, with its current schema version. */
export const toNewEvent = (event: ProjectEvent): NewEvent => ({
  type: event.type,
  data: (ProjectEventCodec.encode(event) as { readonly data: unknown }).data,
  schemaVersion: projectEvents[event.type].version,
});

/**
 * Appends the fixture project's history until signing, one event per append, the n-th event on
 * business day 2024-03-0(n+1) (Shanghai) so that a date cuts the history at a known place.
 */
export const appendFixtureProject = async (store: EventStore): Promise<number> => {
  const events = projectFixtures.historyUntil('signed');
  for (const [i, event] of events.entries()) {
    const day = new Date(Date.UTC(2024, 2, 1 + i, 2)).toISOString(); // 10:00 in Shanghai
    await store.append(`project-${projectId}`, [toNewEvent(event)], {
      expectedRevision: i === 0 ? 'no-stream' : i - 1,
      context: {
        commandId: `cmd-${i}`,
        actor: { userId: 'u-wang', role: 'project-manager', unitId: 'jingkaiqu-touzicujinju' },
        businessTime: day,
      },
    });
  }
  return events.length;
};

/**
 * The global position of the `index`-th event (0-based) of the store, as the store gave it: tests
 * ask the store instead of assuming positions 1, 2, 3… (they also run with sparse positions).
 */
export const positionAt = async (store: EventStore, index: number): Promise<bigint> => {
  const events = await store.readAll({ maxCount: index + 1 });
  const e = events[index];
  if (e === undefined) throw new Error(`the store has no event ${index}`);
  return e.globalPosition;
};
