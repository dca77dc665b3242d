import { date } from '../shared/dates';
import { unsafeId } from '../shared/ids';
import { cny, count } from '../shared/money';
import { spec } from '../testing/decider-spec';
import {
  historyUntil,
  orderRectification,
  recordMissedMilestones,
  reportInvestment,
  runScript,
  reportPerformance,
  startSecondaryPromotion,
  stateOf,
} from '../testing/project.fixtures';
import { projectDecider } from './project.decide';
import { fixtureScript } from '../testing/project.fixtures';
import type { ProjectEvent } from './project.events';

const project = spec(projectDecider);
const underperforming = () =>
  historyUntil('evaluated', { performance: { output: cny.yi(6), tax: cny.wan(1800), jobs: count(280) } });
const events = (commands: Parameters<typeof runScript>[0]): ReadonlyArray<ProjectEvent> =>
  runScript(commands);
const script = (until: Parameters<typeof historyUntil>[0]) => {
  const steps = fixtureScript();
  return steps.slice(0, steps.findIndex(([m]) => m === until) + 1).flatMap(([, c]) => c);
};

describe('repeats and corrections that change nothing record nothing', () => {
  it('secondary promotion started twice on the same day is recorded once (R10)', () => {
    const first = startSecondaryPromotion();
    const history = underperforming();
    const started = projectDecider.decide(first, stateOf(history));
    if (started._tag === 'Left') throw new Error(started.left.code);
    expect(started.right.map((e) => e.type)).toEqual(['SecondaryPromotionStarted']);
    project
      .given([...history, ...started.right])
      .when(first)
      .thenNothingHappens();
  });

  it('a correction that repeats the reported investment figure appends nothing', () => {
    const report = reportInvestment('2025-03', cny.wan(2500));
    project
      .given(events([...script('under-construction'), report]))
      .when({ ...report, correction: { reason: unsafeId.text('复核无误') } })
      .thenNothingHappens();
  });

  it('a correction that repeats the reported yearly output appends nothing (R9)', () => {
    const history = underperforming();
    const reported = history.find((e) => e.type === 'PerformanceReported');
    if (reported?.type !== 'PerformanceReported') throw new Error('fixture has no performance report');
    const { projectId, year, output, tax, jobs, investmentToDate, on, evidence } = reported.data;
    project
      .given(history)
      .when(
        reportPerformance({
          projectId,
          year,
          output,
          tax,
          jobs,
          investmentToDate,
          on,
          evidence,
          correction: { reason: unsafeId.text('复核') },
        }),
      )
      .thenNothingHappens();
  });
});

describe('missed rectification deadlines', () => {
  it('two rectifications ordered on the same day are two deadlines, each raised once (R9)', () => {
    const on = date('2026-03-01');
    const history = events([
      ...script('in-production'),
      orderRectification({ on, dueBy: date('2026-04-01') }),
      orderRectification({ on, dueBy: date('2026-05-01') }),
    ]);
    const state = project.given(history).when(recordMissedMilestones('2026-06-01')).thenState();
    const raised = project.given(history).when(recordMissedMilestones('2026-06-01')).outcome();
    expect(raised._tag).toBe('Right');
    const keys =
      raised._tag === 'Right'
        ? raised.right.flatMap((e) =>
            e.type === 'MilestoneMissed' && e.data.kind === 'rectification-deadline'
              ? [e.data.milestoneKey]
              : [],
          )
        : [];
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
    expect(projectDecider.decide(recordMissedMilestones('2026-06-02'), state)).toEqual({
      _tag: 'Right',
      right: [],
    });
  });
});
