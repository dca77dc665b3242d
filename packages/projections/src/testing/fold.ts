import type { DecodedEvent } from '../events/decode';
import type { Doc, DocReader, Projection } from '../read-model';

/**
 * A projection's documents after some decoded events, in memory: `apply` with a reader of what the
 * earlier events wrote (no store, no runner) — for unit tests of a projection's `apply`.
 */
export const foldProjection = (projection: Projection, events: ReadonlyArray<DecodedEvent>): DocReader => {
  const docs = new Map<string, Doc>();
  const reader: DocReader = {
    get: <D extends Doc>(c: { name: string }, id: string) => docs.get(`${c.name}/${id}`) as D | undefined,
  };
  for (const decoded of events)
    for (const change of projection.apply(reader, decoded)) {
      if (change.doc === null) docs.delete(`${change.collection}/${change.id}`);
      else docs.set(`${change.collection}/${change.id}`, change.doc);
    }
  return reader;
};
