import { bulletinEvents } from './bulletin/bulletin.events';
import { leaderActivityEvents } from './leader-activity/leader-activity.events';
import { projectEvents } from './project/project.events';
import type { AggregateName } from './registry/aggregates';
import type { AnyDefinition } from './shared/event-codec';
import { targetPlanEvents } from './target-plan/target-plan.events';
import { workingCalendarEvents } from './working-calendar/working-calendar.events';

/** One event type of the whole domain and the aggregate (stream category) it belongs to. */
export interface CatalogueEntry {
  readonly aggregate: AggregateName;
  readonly definition: AnyDefinition;
}

const entries = (
  aggregate: CatalogueEntry['aggregate'],
  defs: Record<string, AnyDefinition>,
): CatalogueEntry[] => Object.values(defs).map((definition) => ({ aggregate, definition }));

/** Every event type of the domain, by aggregate, in lifecycle order (docs/domain.md is generated from it). */
export const eventCatalogue: ReadonlyArray<CatalogueEntry> = [
  ...entries('project', projectEvents),
  ...entries('target-plan', targetPlanEvents),
  ...entries('leader-activity', leaderActivityEvents),
  ...entries('bulletin', bulletinEvents),
  ...entries('working-calendar', workingCalendarEvents),
];
