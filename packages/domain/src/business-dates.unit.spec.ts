/**
 * DOMAIN.md §5: "Business dates are Chinese dates (Asia/Shanghai)" and "No fact is dated after the
 * day it is recorded" — which field of each command is its business date, and the pure check
 * against the server's today that the API runs before every rule.
 */
import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import { commandBusinessDate, commandFactDates, requireNotAfter, type AnyCommand } from './business-dates';
import { addDays, date } from './shared/dates';
import { arbLeaderActivityCommand } from './testing/leader-activity.arbitraries';
import { arbScriptStep, commandFor } from './testing/project.arbitraries';
import * as fx from './testing/project.fixtures';
import { arbBusinessDate } from './testing/shared.arbitraries';
import { initialProjectState } from './project/project.state';
import { unsafeId } from './shared/ids';

const refusal = (today: string, c: AnyCommand) => {
  const r = requireNotAfter(date(today))(c);
  return E.isLeft(r) ? r.left : undefined;
};

describe('the business date of a command (DOMAIN.md §5)', () => {
  it.each([
    ['CaptureLead', fx.captureLead(), '2024-03-01'],
    ['PlanProject', fx.planProject(), '2024-03-01'],
    [
      'RequestProcedure (the day the file became complete, R7 · 001 §(三)2)',
      fx.requestProcedure(),
      '2024-05-20',
    ],
    ['SignAgreement (the signing, not the agreed schedule)', fx.signAgreement(), '2024-05-10'],
    ['OrderRectification (the order, not its deadline)', fx.orderRectification(), '2027-03-01'],
    ['RecordMissedMilestones (the watcher’s today)', fx.recordMissedMilestones('2024-09-01'), '2024-09-01'],
  ] as const)('%s', (_name, command, expected) => {
    expect(commandBusinessDate(command)).toBe(expected);
  });

  it('a trip is dated by its departure, and its return is a fact date too (R15)', () => {
    const trip = {
      type: 'RecordOutboundTrip',
      tripId: unsafeId.trip('TRIP-1'),
      leaderId: unsafeId.leader('LD-1'),
      unitId: fx.fixtureIds.unit,
      delegation: unsafeId.text('招商小分队'),
      members: [],
      destination: unsafeId.text('苏州'),
      from: date('2024-03-10'),
      to: date('2024-03-14'),
      companiesMet: [],
      leadsProduced: [],
    } as AnyCommand;
    expect(commandFactDates(trip)).toEqual([
      { field: 'from', date: '2024-03-10' },
      { field: 'to', date: '2024-03-14' },
    ]);
  });
});

describe('requireNotAfter(today): no fact is dated after the day it is recorded (DOMAIN.md §5)', () => {
  it('a fact dated today is accepted; the day after is refused with DATE_IN_FUTURE, naming field, date and today', () => {
    expect(refusal('2024-03-01', fx.captureLead())).toBeUndefined();
    expect(refusal('2024-02-29', fx.captureLead())).toEqual({
      code: 'DATE_IN_FUTURE',
      params: { field: 'capturedOn', date: '2024-03-01', today: '2024-02-29' },
    });
  });

  it('an agreement may fix start, completion and production dates ahead of today: deadlines are not facts (R5 · 000 §三.2)', () => {
    // Signed 2024-05-10 with startBy 2024-08-01 … produceBy 2026-03-31, recorded the day it was signed.
    expect(refusal('2024-05-10', fx.signAgreement())).toBeUndefined();
    expect(refusal('2024-05-10', fx.orderRectification({ on: date('2024-05-10') }))).toBeUndefined();
  });

  it('investment cannot be reported for a month that has not begun (R13 · 004 §(十六) investment actually completed)', () => {
    const report = fx.reportInvestment('2024-07', 1_000, { on: date('2024-06-28') });
    expect(refusal('2024-06-30', report)).toMatchObject({
      code: 'DATE_IN_FUTURE',
      params: { field: 'period', date: '2024-07-01' },
    });
    expect(refusal('2024-07-01', report)).toBeUndefined();
  });

  it('a trip counts only once it is over: a return day after today is refused (R15 · 004 §(二))', () => {
    const trip = {
      type: 'RecordOutboundTrip',
      from: date('2024-05-29'),
      to: date('2024-06-03'),
    } as AnyCommand;
    expect(refusal('2024-06-01', trip)).toMatchObject({ params: { field: 'to', date: '2024-06-03' } });
    const correction = {
      type: 'CorrectOutboundTrip',
      correctedOn: date('2024-06-01'),
      changes: { to: date('2024-06-05') },
    } as AnyCommand;
    expect(refusal('2024-06-01', correction)).toMatchObject({ params: { field: 'changes.to' } });
  });

  it('a holiday schedule may be adopted for a year ahead, but not on a day still to come (R7 · 001 §(三)2)', () => {
    const adoption = {
      type: 'AdoptHolidaySchedule',
      year: 2027,
      on: date('2026-12-30'),
    } as AnyCommand;
    expect(refusal('2026-12-30', adoption)).toBeUndefined();
    expect(refusal('2026-12-29', adoption)).toMatchObject({ params: { field: 'on', date: '2026-12-30' } });
  });

  it('property: a command is accepted exactly when today is on or after its latest fact date', () => {
    const arbCommand: fc.Arbitrary<AnyCommand> = fc.oneof(
      fc
        .tuple(arbScriptStep, arbBusinessDate('2023-01-01', '2027-12-31'))
        .map(([step, today]) => commandFor(step, initialProjectState, today)),
      arbLeaderActivityCommand(),
    );
    fc.assert(
      fc.property(arbCommand, (c) => {
        const dates = commandFactDates(c);
        expect(dates[0].date).toBe(commandBusinessDate(c));
        const latest = dates.map((d) => d.date).reduce((a, b) => (a > b ? a : b));
        expect(E.isRight(requireNotAfter(latest)(c))).toBe(true);
        const dayBefore = addDays(latest, -1);
        expect(requireNotAfter(dayBefore)(c)).toMatchObject({
          _tag: 'Left',
          left: { code: 'DATE_IN_FUTURE' },
        });
      }),
    );
  });
});
