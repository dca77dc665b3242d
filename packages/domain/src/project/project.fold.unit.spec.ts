/**
 * The fast fold (project.fold.ts) is an optimisation of the plain `evolveProject`, never a second
 * meaning: for any history, reachable or not, and from any snapshot, it gives the same state.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { addDays, BusinessDate, maxDate } from '../shared/dates';
import { arbProjectEvent, arbScript, commandFor } from '../testing/project.arbitraries';
import { historyUntil } from '../testing/project.fixtures';
import { projectDecider } from './project.decide';
import type { ProjectEvent } from './project.events';
import { evolveProject } from './project.evolve';
import { foldProject } from './project.fold';
import { initialProjectState, ProjectState } from './project.state';

const reduce = (events: ReadonlyArray<ProjectEvent>, from: ProjectState = initialProjectState) =>
  events.reduce(evolveProject, from);

/** A history the decider produced from a random script of commands (refused commands add nothing). */
const arbReachableHistory = arbScript.map(({ start, steps }) => {
  const history: ProjectEvent[] = start === 'nothing' ? [] : [...historyUntil(start)];
  let state = reduce(history);
  let today = state.status === 'none' ? ('2024-03-01' as BusinessDate) : state.lastActivityOn;
  for (const step of steps) {
    const day = addDays(today, step.gap);
    const outcome = projectDecider.decide(commandFor(step, state, day), state);
    const emitted = E.isRight(outcome) ? outcome.right : [];
    history.push(...emitted);
    today = state.status === 'none' ? day : maxDate(day, state.lastActivityOn);
    state = reduce(emitted, state);
  }
  return history;
});

describe('the fast fold gives exactly the state of the plain evolve', () => {
  it('for every history the decider can produce, folded whole or from a snapshot taken anywhere', () => {
    fc.assert(
      fc.property(arbReachableHistory, fc.nat(), (events, cut) => {
        const i = cut % (events.length + 1);
        const plain = reduce(events);
        expect(foldProject(events)).toEqual(plain);
        expect(foldProject(events.slice(i), reduce(events.slice(0, i)))).toEqual(plain);
      }),
      { numRuns: 150 },
    );
  });

  it('for arbitrary sequences of events too (evolve is total: any stored history replays)', () => {
    fc.assert(
      fc.property(fc.array(arbProjectEvent, { maxLength: 30 }), (events) => {
        expect(foldProject(events)).toEqual(reduce(events));
      }),
      { numRuns: 150 },
    );
  });

  it('folding never writes to the snapshot it starts from', () => {
    fc.assert(
      fc.property(arbReachableHistory, fc.nat(), (events, cut) => {
        const i = cut % (events.length + 1);
        const snapshot = reduce(events.slice(0, i));
        const before = JSON.stringify(snapshot);
        foldProject(events.slice(i), snapshot);
        reduce(events.slice(i), snapshot);
        expect(JSON.stringify(snapshot)).toBe(before);
      }),
      { numRuns: 60 },
    );
  });
});
