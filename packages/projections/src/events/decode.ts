import {
  bulletinEvents,
  leaderActivityEvents,
  makeEventReader,
  readProjectEvent,
  targetPlanEvents,
  type BulletinEvent,
  type LeaderActivityEvent,
  type ProjectEvent,
  type TargetPlanEvent,
  type UpcastError,
} from '@zhaoshang/domain';
import type { StoredEvent } from '@zhaoshang/eventstore';
import * as E from 'fp-ts/Either';
import { PathReporter } from 'io-ts/PathReporter';

/** Stream categories, named after the prefix of their stream names. */
export type EventCategory = 'project' | 'target-plan' | 'leader' | 'bulletin';

/** Stream-name prefixes of each category (`project-<id>`, `target-plan-<unit>-<year>`, …). */
export const CATEGORY_PREFIXES: { readonly [K in EventCategory]: string } = {
  project: 'project-',
  'target-plan': 'target-plan-',
  leader: 'leader-',
  bulletin: 'bulletin-',
};

interface Position {
  readonly position: bigint;
  readonly streamName: string;
}

/** A stored event decoded with the domain's codecs (and upcast to the current schema). */
export type DecodedEvent =
  | (Position & { readonly category: 'project'; readonly event: ProjectEvent })
  | (Position & { readonly category: 'target-plan'; readonly event: TargetPlanEvent })
  | (Position & { readonly category: 'leader'; readonly event: LeaderActivityEvent })
  | (Position & { readonly category: 'bulletin'; readonly event: BulletinEvent });

/** Why a stored event of a known category could not be read. */
export interface DecodeFailure {
  readonly category: EventCategory;
  readonly position: bigint;
  readonly streamName: string;
  readonly type: string;
  readonly code: UpcastError['code'];
  readonly message: string;
}

/** The category of a stream, or undefined for streams no projection reads (e.g. an audit log). */
export const categoryOf = (streamName: string): EventCategory | undefined => {
  // `target-plan-` is tested before anything shorter could match it.
  if (streamName.startsWith('project-')) return 'project';
  if (streamName.startsWith('target-plan-')) return 'target-plan';
  if (streamName.startsWith('leader-')) return 'leader';
  if (streamName.startsWith('bulletin-')) return 'bulletin';
  return undefined;
};

const readTargetPlanEvent = makeEventReader<TargetPlanEvent>(targetPlanEvents, []);
const readLeaderEvent = makeEventReader<LeaderActivityEvent>(leaderActivityEvents, []);
const readBulletinEvent = makeEventReader<BulletinEvent>(bulletinEvents, []);

const describe = (error: UpcastError): string => {
  switch (error.code) {
    case 'UNKNOWN_EVENT_TYPE':
      return `unknown event type ${error.type}`;
    case 'NO_UPCASTER':
      return `no upcaster for ${error.type} from schema version ${error.fromVersion}`;
    case 'FUTURE_VERSION':
      return `${error.type} has schema version ${error.version}, newer than this code (${error.current})`;
    case 'INVALID_EVENT_DATA':
      return `invalid ${error.type} data: ${PathReporter.report(E.left([...error.errors]))
        .slice(0, 3)
        .join('; ')}`;
  }
};

/**
 * Decodes a stored event by its stream category; `undefined` for a stream of no known category,
 * a `Left` for an event of a known category that cannot be read (it stops the projections that read it).
 */
export const decodeStoredEvent = (stored: StoredEvent): E.Either<DecodeFailure, DecodedEvent> | undefined => {
  const category = categoryOf(stored.streamName);
  if (category === undefined) return undefined;
  const input = {
    type: stored.type,
    version: typeof stored.metadata?.schemaVersion === 'number' ? stored.metadata.schemaVersion : 1,
    data: stored.data,
  };
  const at = { position: stored.globalPosition, streamName: stored.streamName };
  const fail = (error: UpcastError): E.Either<DecodeFailure, DecodedEvent> =>
    E.left({ category, ...at, type: stored.type, code: error.code, message: describe(error) });
  switch (category) {
    case 'project': {
      const r = readProjectEvent(input);
      return E.isLeft(r) ? fail(r.left) : E.right({ category, ...at, event: r.right });
    }
    case 'target-plan': {
      const r = readTargetPlanEvent(input);
      return E.isLeft(r) ? fail(r.left) : E.right({ category, ...at, event: r.right });
    }
    case 'leader': {
      const r = readLeaderEvent(input);
      return E.isLeft(r) ? fail(r.left) : E.right({ category, ...at, event: r.right });
    }
    case 'bulletin': {
      const r = readBulletinEvent(input);
      return E.isLeft(r) ? fail(r.left) : E.right({ category, ...at, event: r.right });
    }
  }
};
