import {
  eventCatalogue,
  leaderActivityDecider,
  leaderStream,
  projectStream,
  targetPlanDecider,
  targetPlanStream,
  unsafeId,
  type LeaderActivityCommand,
  type ProjectCommand,
  type ProjectEvent,
  type TargetPlanCommand,
  type Year,
} from '@zhaoshang/domain';
import { projectFixtures } from '@zhaoshang/domain/testing';
import type { EventStore, NewEvent } from '@zhaoshang/eventstore';
import * as E from 'fp-ts/Either';

/** One stream's events, ready to append. */
export interface ScenarioStream {
  readonly streamName: string;
  readonly events: ReadonlyArray<NewEvent>;
}

/** The current schema version of every event type (the domain's catalogue, derived from its aggregate registry). */
const versions = new Map<string, number>(
  eventCatalogue.map(({ definition }) => [definition.type, definition.version]),
);

/** A domain event as the store takes it, with its current schema version. */
export const toNewEvent = (e: { readonly type: string; readonly data: unknown }): NewEvent => ({
  type: e.type,
  data: e.data,
  schemaVersion: versions.get(e.type) ?? 1,
});

/** Runs a project's commands through the decider (so every event is one the rules allow). */
export const projectStreamOf = (
  commands: ReadonlyArray<ProjectCommand>,
  given: ReadonlyArray<ProjectEvent> = [],
): ScenarioStream => {
  const first = commands[0];
  if (first === undefined) throw new RangeError('a project script needs commands');
  return {
    streamName: projectStream(first.projectId),
    events: projectFixtures.runScript(commands, given).map(toNewEvent),
  };
};

/** Runs target-plan commands through their decider. */
export const targetPlanStreamOf = (commands: ReadonlyArray<TargetPlanCommand>): ScenarioStream => {
  const first = commands[0];
  if (first === undefined) throw new RangeError('a plan script needs commands');
  let state = targetPlanDecider.initialState;
  const events: NewEvent[] = [];
  for (const c of commands) {
    const r = targetPlanDecider.decide(c, state);
    if (E.isLeft(r)) throw new Error(`${c.type} refused: ${JSON.stringify(r.left)}`);
    for (const e of r.right) {
      state = targetPlanDecider.evolve(state, e);
      events.push(toNewEvent(e));
    }
  }
  return { streamName: targetPlanStream(first.unitId, first.year as Year), events };
};

/** Runs a leader's trip commands through their decider. */
export const leaderStreamOf = (commands: ReadonlyArray<LeaderActivityCommand>): ScenarioStream => {
  const first = commands[0];
  if (first === undefined) throw new RangeError('a leader script needs commands');
  let state = leaderActivityDecider.initialState;
  const events: NewEvent[] = [];
  for (const c of commands) {
    const r = leaderActivityDecider.decide(c, state);
    if (E.isLeft(r)) throw new Error(`${c.type} refused: ${JSON.stringify(r.left)}`);
    for (const e of r.right) {
      state = leaderActivityDecider.evolve(state, e);
      events.push(toNewEvent(e));
    }
  }
  return { streamName: leaderStream(unsafeId.leader(first.leaderId)), events };
};

/**
 * Appends the streams to an event store, `chunk` events per append, interleaving streams
 * round-robin so that the global order mixes projects as real traffic does.
 */
export const appendScenario = async (
  store: Pick<EventStore, 'append'>,
  streams: ReadonlyArray<ScenarioStream>,
  chunk = 3,
): Promise<number> => {
  const cursors = streams.map(() => 0);
  let appended = 0;
  let n = 0;
  for (let active = true; active;) {
    active = false;
    for (const [i, s] of streams.entries()) {
      const at = cursors[i]!;
      if (at >= s.events.length) continue;
      active = true;
      const events = s.events.slice(at, at + chunk);
      await store.append(s.streamName, events, {
        expectedRevision: at === 0 ? 'no-stream' : at - 1,
        context: {
          commandId: `scenario-${s.streamName}-${at}`,
          actor: { userId: 'scenario', role: 'officer', unitId: 'scenario' },
          businessTime: '2024-12-31T00:00:00.000Z',
        },
      });
      cursors[i] = at + events.length;
      appended += events.length;
      n += 1;
    }
  }
  void n;
  return appended;
};
