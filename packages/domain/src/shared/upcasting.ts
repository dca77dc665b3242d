import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import type { AnyDefinition, DomainEvent } from './event-codec';

/** An event as stored: its type, the schema version it was written with, and its raw data. */
export interface StoredEventData {
  readonly type: string;
  readonly version: number;
  readonly data: unknown;
}

/** Turns the data of one schema version of an event type into the next version's data. */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  readonly upcast: (data: unknown) => unknown;
}

export type UpcastError =
  | { readonly code: 'UNKNOWN_EVENT_TYPE'; readonly type: string }
  | { readonly code: 'NO_UPCASTER'; readonly type: string; readonly fromVersion: number }
  | {
      readonly code: 'FUTURE_VERSION';
      readonly type: string;
      readonly version: number;
      readonly current: number;
    }
  | {
      readonly code: 'INVALID_EVENT_DATA';
      readonly type: string;
      readonly errors: ReadonlyArray<t.ValidationError>;
    };

/**
 * Reads stored events of any schema version: upcasts their data step by step to the current
 * version of their definition, then decodes it. Stored events are never rewritten; old versions
 * are read through this chain (a shipped event type is never renamed, STYLE.md).
 */
export const makeEventReader = <Ev extends DomainEvent>(
  definitions: Record<string, AnyDefinition>,
  upcasters: ReadonlyArray<Upcaster>,
) => {
  const byType = new Map(Object.values(definitions).map((d) => [d.type, d]));
  const steps = new Map(upcasters.map((u) => [`${u.type}@${u.fromVersion}`, u.upcast]));
  return (stored: StoredEventData): E.Either<UpcastError, Ev> => {
    const def = byType.get(stored.type);
    if (def === undefined) return E.left({ code: 'UNKNOWN_EVENT_TYPE', type: stored.type });
    if (stored.version > def.version) {
      return E.left({
        code: 'FUTURE_VERSION',
        type: stored.type,
        version: stored.version,
        current: def.version,
      });
    }
    let data = stored.data;
    for (let v = stored.version; v < def.version; v += 1) {
      const step = steps.get(`${stored.type}@${v}`);
      if (step === undefined) return E.left({ code: 'NO_UPCASTER', type: stored.type, fromVersion: v });
      data = step(data);
    }
    const decoded = def.codec.decode({ type: stored.type, data });
    return E.isLeft(decoded)
      ? E.left({ code: 'INVALID_EVENT_DATA', type: stored.type, errors: decoded.left })
      : E.right(decoded.right as Ev);
  };
};
