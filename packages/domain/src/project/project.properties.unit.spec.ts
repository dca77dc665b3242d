/**
 * Properties of the investment-project aggregate (STYLE.md "Tests read as specifications"):
 * codecs round-trip, replay is deterministic, random valid command scripts keep the invariants,
 * and a repeated command emits nothing.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { addDays, BusinessDate, maxDate } from '../shared/dates';
import {
  arbProjectEvent,
  arbScript,
  arbScriptStep,
  commandFor,
  IDEMPOTENT_STEPS,
  projectEventArbitraries,
  ScriptStep,
} from '../testing/project.arbitraries';
import { FixtureMilestone, historyUntil } from '../testing/project.fixtures';
import { projectDecider } from './project.decide';
import { ProjectEvent, ProjectEventCodec, projectEvents } from './project.events';
import { evolveProject } from './project.evolve';
import { foldProject } from './project.fold';
import { initialProjectState, ProjectState } from './project.state';

const RUNS = { numRuns: 60 };

const reduce = (
  events: ReadonlyArray<ProjectEvent>,
  from: ProjectState = initialProjectState,
): ProjectState => events.reduce(evolveProject, from);

const roundTrip = (e: ProjectEvent): unknown =>
  ProjectEventCodec.decode(JSON.parse(JSON.stringify(ProjectEventCodec.encode(e))));

interface Run {
  readonly history: ReadonlyArray<ProjectEvent>;
  readonly state: ProjectState;
  readonly today: BusinessDate;
}

/** Starts a script: from nothing, or from the fixture project at a milestone. */
const begin = (start: FixtureMilestone | 'nothing'): Run => {
  const history = start === 'nothing' ? [] : historyUntil(start);
  const state = foldProject(history);
  return {
    history,
    state,
    today: state.status === 'none' ? ('2024-03-01' as BusinessDate) : state.lastActivityOn,
  };
};

/** One step: its command through decide; accepted events are folded, refusals leave the run as it was. */
const advance = (run: Run, step: ScriptStep) => {
  const today = addDays(run.today, step.gap);
  const command = commandFor(step, run.state, today);
  const outcome = projectDecider.decide(command, run.state);
  const emitted = E.isRight(outcome) ? outcome.right : [];
  const next: Run = {
    history: [...run.history, ...emitted],
    state: emitted.reduce(evolveProject, run.state),
    today: run.state.status === 'none' ? today : maxDate(today, run.state.lastActivityOn),
  };
  return { command, outcome, emitted, next };
};

/** The invariants every reachable state keeps. */
const checkInvariants = (run: Run, emitted: ReadonlyArray<ProjectEvent>): void => {
  for (const e of emitted) {
    // evolve accepts whatever decide emits: the event is valid data, and survives storage.
    expect(E.isRight(ProjectEventCodec.decode(e))).toBe(true);
    expect(roundTrip(e)).toEqual(E.right(e));
  }
  const s = run.state;
  if (s.status === 'none') return;
  if (s.completedOn !== undefined) {
    expect(s.startedOn).toBeDefined();
    expect(s.startedOn! <= s.completedOn).toBe(true);
  }
  if (s.productionOn !== undefined) {
    expect(s.startedOn).toBeDefined();
    expect(s.startedOn! <= s.productionOn).toBe(true);
    expect(s.completedOn! <= s.productionOn).toBe(true);
  }
  if (s.capacityOn !== undefined) expect(s.productionOn! <= s.capacityOn).toBe(true);
  for (const account of Object.values(s.incentives)) {
    expect(account.clawedBack).toBeGreaterThanOrEqual(0);
    expect(account.clawedBack).toBeLessThanOrEqual(account.disbursed);
    expect(account.disbursed).toBeLessThanOrEqual(account.ceiling);
  }
  const months = Object.values(s.investmentByMonth).reduce<number>((a, b) => a + b, 0);
  expect(s.cumulativeInvestment).toBe(months);
  const keys = run.history.flatMap((e) => (e.type === 'MilestoneMissed' ? [e.data.milestoneKey] : []));
  expect(new Set(keys).size).toBe(keys.length);
  if (s.landReclaimedOn !== undefined) expect(s.termination).toBeDefined();
  if (s.agreement === undefined) expect(s.startedOn).toBeUndefined();
  // Corrections keep the timeline's order (DOMAIN.md §5): signing ≤ start, statistics after the start.
  if (s.startedOn !== undefined && s.agreement !== undefined)
    expect(s.agreement.signedOn <= s.startedOn).toBe(true);
  if (s.statistics !== undefined) expect(s.startedOn! <= s.statistics.on).toBe(true);
  // A miss stands or is withdrawn, never both; only a raised miss is withdrawn, and only by a fact in time.
  for (const key of Object.keys(s.withdrawnMilestones)) {
    expect(s.missedMilestones[key]).toBeUndefined();
    expect(keys).toContain(key);
  }
  for (const e of emitted)
    if (e.type === 'MilestoneWithdrawn') expect(e.data.factOn <= e.data.dueOn).toBe(true);
};

describe('codecs', () => {
  it('the arbitraries cover every event type of the catalogue', () => {
    expect(Object.keys(projectEventArbitraries).sort()).toEqual(Object.keys(projectEvents).sort());
  });

  it.each(Object.keys(projectEvents))('%s survives encode → JSON → decode unchanged', (type) => {
    const arb = projectEventArbitraries[
      type as keyof typeof projectEventArbitraries
    ] as fc.Arbitrary<ProjectEvent>;
    fc.assert(
      fc.property(arb, (e) => {
        expect(E.isRight(ProjectEventCodec.decode(e))).toBe(true);
        expect(roundTrip(e)).toEqual(E.right(e));
      }),
      { numRuns: 25 },
    );
  });
});

describe('replay is deterministic', () => {
  it('folding the same events twice gives equal states, and folding in two halves equals one fold', () => {
    fc.assert(
      fc.property(fc.array(arbProjectEvent, { maxLength: 25 }), fc.nat(), (events, cut) => {
        const i = events.length === 0 ? 0 : cut % (events.length + 1);
        const once = foldProject(events);
        expect(foldProject(events)).toEqual(once);
        expect(reduce(events)).toEqual(once);
        expect(foldProject(events.slice(i), foldProject(events.slice(0, i)))).toEqual(once);
      }),
      RUNS,
    );
  });

  it('the same holds for histories the decider produced, and folding never changes an earlier state', () => {
    fc.assert(
      fc.property(arbScript, fc.nat(), ({ start, steps }, cut) => {
        let run = begin(start);
        for (const step of steps) run = advance(run, step).next;
        const events = run.history;
        const i = cut % (events.length + 1);
        const first = foldProject(events.slice(0, i));
        const snapshot = JSON.stringify(first);
        expect(foldProject(events.slice(i), first)).toEqual(run.state);
        expect(reduce(events)).toEqual(run.state);
        expect(JSON.stringify(first)).toBe(snapshot);
      }),
      RUNS,
    );
  });
});

describe('random valid command scripts keep the invariants', () => {
  it('no production before start, completion after start, clawedBack ≤ disbursed ≤ ceiling, exact cumulative investment, each missed deadline once, withdrawn only by a fact in time, corrections in order (R8/R10, DOMAIN.md §5)', () => {
    fc.assert(
      fc.property(arbScript, ({ start, steps }) => {
        let run = begin(start);
        checkInvariants(run, run.history);
        for (const step of steps) {
          const { next, emitted } = advance(run, step);
          run = next;
          checkInvariants(run, emitted);
        }
      }),
      { numRuns: 120 },
    );
  });
});

describe('a repeated command emits nothing', () => {
  it('an idempotent command accepted once emits [] when repeated at once', () => {
    fc.assert(
      fc.property(arbScript, arbScriptStep, ({ start, steps }, last) => {
        let run = begin(start);
        for (const step of steps) run = advance(run, step).next;
        fc.pre(IDEMPOTENT_STEPS.has(last.kind));
        const { command, outcome, next } = advance(run, last);
        fc.pre(E.isRight(outcome));
        expect(projectDecider.decide(command, next.state)).toEqual(E.right([]));
      }),
      { numRuns: 120 },
    );
  });
});
