import { aggregateNames, aggregates, type AggregateName } from './registry/aggregates';
import type { AnyDefinition } from './shared/event-codec';

/** One event type of the whole domain and the aggregate (stream category) it belongs to. */
export interface CatalogueEntry {
  readonly aggregate: AggregateName;
  readonly definition: AnyDefinition;
}

/** Every event type of the domain, by aggregate, in lifecycle order (docs/domain.md is generated from it). */
export const eventCatalogue: ReadonlyArray<CatalogueEntry> = aggregateNames.flatMap((aggregate) =>
  Object.values<AnyDefinition>(aggregates[aggregate].events).map((definition) => ({ aggregate, definition })),
);
