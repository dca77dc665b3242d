/**
 * Writes a reproducible demo store for docs/auditing.md: the fixture project (XM-2024-0317) from
 * lead to signed agreement, one event per business day from 2024-03-01 (Shanghai), with fixed
 * event ids, command ids and store clock, so every hash and output in the docs is the same on
 * every run.
 *
 *   npx tsx packages/audit/examples/make-demo-store.ts /tmp/audit-demo/events.sqlite
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ProjectEventCodec, projectEvents, projectStream } from '@zhaoshang/domain';
import { projectFixtures } from '@zhaoshang/domain/testing';
import { openSqliteEventStore } from '@zhaoshang/eventstore';

const file = process.argv[2];
if (file === undefined) {
  process.stderr.write('usage: make-demo-store.ts <file.sqlite>\n');
  process.exit(2);
}
if (existsSync(file)) {
  process.stderr.write(`${file} exists; remove it first so the demo is reproducible\n`);
  process.exit(2);
}

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
            eventId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
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
  } finally {
    await store.close();
  }
  process.stdout.write(`wrote ${events.length} events of project ${id} to ${file}\n`);
};

void main();
