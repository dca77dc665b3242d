/**
 * R18 — weekly 包保 visits. 000 §五.2 「包保责任人每周不少于一次对包保单位进行走访调研，对需要处理的问题
 * 及时协调解决」; 000 §三.3 「对签订投资协议后开工建设的项目 … 一个项目、一个包保领导、一个包保责任人」.
 * The 2027 schedule used here is a labelled TEST FIXTURE (testing/working-calendar.fixtures.ts).
 */
import * as E from 'fp-ts/Either';
import { date, type BusinessDate } from '../shared/dates';
import { fold } from '../shared/decider';
import { unsafeId } from '../shared/ids';
import { officialCalendar } from '../shared/working-days';
import { spec } from '../testing/decider-spec';
import {
  andThen,
  assignLeader,
  fixtureIds,
  fixtureLeaders,
  projectOf,
  recordMissedMilestones,
  recordSiteVisit,
  runScript,
  smallProjectSigned,
} from '../testing/project.fixtures';
import { fixture2027Adopted } from '../testing/working-calendar.fixtures';
import { workingCalendarDecider, workingDayCalendarOf } from '../working-calendar';
import { makeProjectDecider, projectDecider } from './project.decide';
import type { ProjectEvent } from './project.events';
import { readProjectEvent } from './project.upcasters';
import { isoWeekOf, missedVisitWeeks, visitPeriodOf } from './project.visits';

const project = spec(projectDecider);
const pid = fixtureIds.project;
const text = unsafeId.text;
const person = fixtureLeaders['responsible-person'];
const leader = fixtureLeaders['responsible-leader'];

/** Signed on Friday 2024-05-10, the responsible person assigned at capture (2024-04-01). */
const signed = (): ReadonlyArray<ProjectEvent> => smallProjectSigned('2024-05-10', '2024-04-01');
const visits = (history: ReadonlyArray<ProjectEvent>, ...days: ReadonlyArray<string>) =>
  andThen(history, ...days.map((on) => recordSiteVisit({ on: date(on) })));
const weeksRaised = (events: ReadonlyArray<ProjectEvent>): ReadonlyArray<string> =>
  events.flatMap((e) => (e.type === 'VisitWeekMissed' ? [e.data.week] : []));
const pass = (history: ReadonlyArray<ProjectEvent>, today: string, decider = projectDecider) =>
  weeksRaised(runScript([recordMissedMilestones(today)], history, decider));

describe('R18 · 000 §五.2 「包保责任人每周不少于一次对包保单位进行走访调研」', () => {
  it('a responsible person who visited every week of the period leaves nothing to raise (R18 · 000 §五.2)', () => {
    // Weeks 2024-W20 (05-13…05-19), W21, W22 ended by Monday 06-03; the agreed start (06-09) is still ahead.
    project
      .given(visits(signed(), '2024-05-15', '2024-05-22', '2024-05-29'))
      .when(recordMissedMilestones('2024-06-03'))
      .thenNothingHappens();
  });

  it('a week of the period without the responsible person’s visit is raised once by the clock, naming who owed it (R18 · 000 §五.2)', () => {
    const history = visits(signed(), '2024-05-15', '2024-05-29');
    project
      .given(history)
      .when(recordMissedMilestones('2024-06-03'))
      .then([
        {
          type: 'VisitWeekMissed',
          data: {
            projectId: pid,
            week: isoWeekOf(date('2024-05-20')),
            weekStart: date('2024-05-20'),
            weekEnd: date('2024-05-26'),
            responsiblePerson: {
              leaderId: unsafeId.leader(person.leaderId),
              name: text(person.name),
            },
            detectedOn: date('2024-06-03'),
          },
        },
      ]);
    expect(isoWeekOf(date('2024-05-20'))).toBe('2024-W21');
  });

  it('the same week is never raised twice: a second pass on the same or a later day raises only weeks not raised before (R18)', () => {
    const history = visits(signed(), '2024-05-15', '2024-05-29');
    const first = runScript([recordMissedMilestones('2024-06-03')], history);
    const after = [...history, ...first];
    project.given(after).when(recordMissedMilestones('2024-06-03')).thenNothingHappens();
    expect(pass(after, '2024-06-10')).toEqual(['2024-W23']);
  });

  it('a visit by the 包保领导 does not meet the responsible person’s weekly visit (R18 · 000 §五.2 puts it on 包保责任人)', () => {
    const history = andThen(
      signed(),
      recordSiteVisit({ on: date('2024-05-15') }),
      recordSiteVisit({ on: date('2024-05-22'), leaderId: unsafeId.leader(leader.leaderId) }),
      recordSiteVisit({ on: date('2024-05-23'), leaderId: unsafeId.leader('LD-another-officer') }),
      recordSiteVisit({ on: date('2024-05-29') }),
    );
    expect(pass(history, '2024-06-03')).toEqual(['2024-W21']);
  });

  it('a week not yet ended, and the week of the signing (not wholly in the period), are not raised (R18)', () => {
    // Signed Friday 2024-05-10: week 2024-W19 began before the period. On Sunday 05-19, W20 has not ended.
    expect(pass(signed(), '2024-05-19')).toEqual([]);
    expect(pass(signed(), '2024-05-20')).toEqual(['2024-W20']);
  });

  it('the period starts at the later of signing and the responsible person’s assignment (R18 · 000 §三.3)', () => {
    const unassigned = smallProjectSigned('2024-05-10', '2024-04-01').filter(
      (e) => !(e.type === 'LeaderAssigned' && e.data.role === 'responsible-person'),
    );
    expect(visitPeriodOf(projectOf(unassigned))).toBeUndefined();
    expect(pass(unassigned, '2024-06-03')).toEqual([]);
    const assignedLate = andThen(unassigned, assignLeader('responsible-person', { on: date('2024-05-22') }));
    expect(visitPeriodOf(projectOf(assignedLate))).toEqual({ from: '2024-05-22' });
    expect(pass(assignedLate, '2024-06-03')).toEqual(['2024-W22']);
  });

  it('the period ends when the project reaches capacity (达产): later weeks ask no visit (R18 · 000 §五.2 早建成早投产早达效)', () => {
    const history: ReadonlyArray<ProjectEvent> = [
      ...signed(),
      { type: 'CapacityReached', data: { projectId: pid, on: date('2024-05-29'), evidence: [] } },
    ];
    const p = projectOf(history);
    expect(visitPeriodOf(p)).toEqual({ from: '2024-05-10', to: '2024-05-29' });
    expect(missedVisitWeeks(p, date('2024-07-01'), officialCalendar).map((w) => w.week)).toEqual([
      '2024-W20',
      '2024-W21',
    ]);
  });

  it('a week with no working day on the official calendar (春节 2022-01-31…02-06) asks no visit; the next week does (R18, R7 calendar)', () => {
    // 2022 schedule (国办发明电〔2021〕11号): 1月31日至2月6日放假调休, 1月29日、30日上班.
    const history = visits(
      smallProjectSigned('2022-01-07', '2021-12-01'),
      '2022-01-12',
      '2022-01-19',
      '2022-01-26',
    );
    expect(pass(history, '2022-02-14')).toEqual(['2022-W06']);
    expect(isoWeekOf(date('2022-01-31'))).toBe('2022-W05');
  });

  it('a week in a year whose official schedule is not adopted is not guessed; it is raised once the year is adopted (R18, R7)', () => {
    const calendarWith2027 = workingDayCalendarOf(fold(workingCalendarDecider, [fixture2027Adopted()]));
    const history = visits(
      smallProjectSigned('2026-12-01', '2026-10-01'),
      '2026-12-09',
      '2026-12-16',
      '2026-12-23',
    );
    // Weeks 2026-12-28…2027-01-03 (2026-W53) and 2027-01-04…01-10 (2027-W01) reach into 2027.
    expect(pass(history, '2027-01-11')).toEqual([]);
    expect(pass(history, '2027-01-11', makeProjectDecider({ calendar: calendarWith2027 }))).toEqual([
      '2026-W53',
      '2027-W01',
    ]);
  });

  it('after a replacement, the old responsible person’s visits no longer meet the week and the new one owes it (R18 · 000 §三.3 一个包保责任人)', () => {
    const next = { leaderId: unsafeId.leader('LD-new-person'), name: text('新任包保责任人') };
    const history = andThen(
      signed(),
      recordSiteVisit({ on: date('2024-05-15') }),
      assignLeader('responsible-person', {
        ...next,
        on: date('2024-05-20'),
        replaces: unsafeId.leader(person.leaderId),
      }),
      recordSiteVisit({ on: date('2024-05-22') }),
      recordSiteVisit({ on: date('2024-05-29'), leaderId: next.leaderId }),
    );
    const raised = runScript([recordMissedMilestones('2024-06-03')], history).filter(
      (e) => e.type === 'VisitWeekMissed',
    );
    expect(
      raised.map((e) => (e.type === 'VisitWeekMissed' ? [e.data.week, e.data.responsiblePerson] : [])),
    ).toEqual([['2024-W21', next]]);
  });

  it('a visit records the problems it found and solved; a visit that states none records none (R18 · 000 §五.2 及时协调解决)', () => {
    const found = [text('供电线路迁改未完成')];
    const [withIssues] = runScript(
      [recordSiteVisit({ on: date('2024-05-15'), issuesFound: found, issuesSolved: found })],
      signed(),
    );
    expect(withIssues).toMatchObject({ data: { issuesFound: found, issuesSolved: found } });
    const [plain] = runScript([recordSiteVisit({ on: date('2024-05-15') })], signed());
    expect(plain).toMatchObject({ data: { issuesFound: [], issuesSolved: [] } });
  });

  it('a visit stored by version 1 (date, who, summary) reads with no issues found or solved (R18)', () => {
    const v1 = { projectId: pid, leaderId: person.leaderId, on: '2024-05-15', summary: '现场踏勘' };
    expect(readProjectEvent({ type: 'SiteVisitRecorded', version: 1, data: v1 })).toEqual(
      E.right({ type: 'SiteVisitRecorded', data: { ...v1, issuesFound: [], issuesSolved: [] } }),
    );
  });

  it.each([
    ['2024-06-03', '2024-W23'],
    ['2024-06-09', '2024-W23'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
    ['2026-02-16', '2026-W08'],
  ])('the official week of %s is %s (ISO 8601, Monday to Sunday)', (d, week) => {
    expect(isoWeekOf(d as BusinessDate)).toBe(week);
  });
});
