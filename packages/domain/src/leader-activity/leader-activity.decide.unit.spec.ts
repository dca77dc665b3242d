import fc from 'fast-check';
import { leaderStream } from '../registry/streams';
import * as E from 'fp-ts/Either';
import { fold } from '../shared/decider';
import type { BusinessDate, YearMonth } from '../shared/dates';
import { unsafeId } from '../shared/ids';
import { count } from '../shared/money';
import { spec } from '../testing/decider-spec';
import { arbLeaderActivityCommand } from '../testing/leader-activity.arbitraries';
import {
  CorrectOutboundTrip,
  LeaderActivityEventCodec,
  leaderActivityDecider,
  leaderActivityErrors,
  meetsTripMinimum,
  tripActivityInMonth,
  tripDaysInMonth,
  tripMinimumsR15,
  type LeaderActivityCommand,
  type LeaderActivityEvent,
  type RecordOutboundTrip,
} from './index';

const leaderId = unsafeId.leader('li-zhen');
const text = unsafeId.text;
const on = (d: string) => d as BusinessDate;
const month = (m: string) => m as YearMonth;

const details = {
  leaderId,
  unitId: unsafeId.unit('qugou'),
  delegation: text('渠沟镇长三角招商小分队'),
  members: [text('李镇长'), text('招商办王主任')],
  destination: text('江苏苏州'),
  companiesMet: [text('苏州某汽车零部件有限公司'), text('昆山某新材料科技有限公司')],
  leadsProduced: [unsafeId.project('p-2024-031')],
  results: text('达成投资意向 1 个'),
  nextSteps: text('邀请企业 4 月来区考察'),
};

const record = (
  tripId: string,
  from: string,
  to: string,
  extra: Partial<RecordOutboundTrip> = {},
): RecordOutboundTrip => ({
  type: 'RecordOutboundTrip',
  tripId: unsafeId.trip(tripId),
  ...details,
  from: on(from),
  to: on(to),
  ...extra,
});
const recorded = (tripId: string, from: string, to: string, days: number): LeaderActivityEvent => ({
  type: 'OutboundTripRecorded',
  data: { tripId: unsafeId.trip(tripId), ...details, from: on(from), to: on(to), days: count(days) },
});
const correct = (tripId: string, changes: CorrectOutboundTrip['changes']): CorrectOutboundTrip => ({
  type: 'CorrectOutboundTrip',
  tripId: unsafeId.trip(tripId),
  leaderId,
  changes,
  correctedOn: on('2024-04-02'),
  reason: text('返回日期登记有误'),
});

const leader = spec(leaderActivityDecider);
const march = recorded('trip-03', '2024-03-11', '2024-03-15', 5);

describe('leader activity', () => {
  describe('recording outbound trips (R15)', () => {
    it('an outbound trip is recorded with its inclusive day count (R15)', () => {
      leader
        .given([])
        .when(record('trip-03', '2024-03-11', '2024-03-15'))
        .then([march]);
    });

    it('a trip out and back on the same day counts one day (R15)', () => {
      leader
        .given([])
        .when(record('trip-x', '2024-03-11', '2024-03-11'))
        .then([recorded('trip-x', '2024-03-11', '2024-03-11', 1)]);
    });

    it('days are counted across a month and a leap day (R15)', () => {
      leader
        .given([])
        .when(record('trip-x', '2024-02-27', '2024-03-02'))
        .then([recorded('trip-x', '2024-02-27', '2024-03-02', 5)]);
    });

    it('a trip that returns before it leaves is refused (R15)', () => {
      leader
        .given([])
        .when(record('trip-x', '2024-03-15', '2024-03-11'))
        .thenFails('TRIP_DATES_INVALID', { from: '2024-03-15', to: '2024-03-11' });
    });

    it('recording the same trip again changes nothing (R15)', () => {
      leader
        .given([march])
        .when(record('trip-03', '2024-03-11', '2024-03-15'))
        .thenNothingHappens();
    });

    it('a trip id already used for a different trip is refused (R15)', () => {
      leader
        .given([march])
        .when(record('trip-03', '2024-03-11', '2024-03-16'))
        .thenFails('TRIP_ID_CONFLICT', { tripId: 'trip-03' });
    });

    it('a trip that overlaps another of the same leader is refused (R15)', () => {
      leader
        .given([march])
        .when(record('trip-04', '2024-03-15', '2024-03-20'))
        .thenFails('TRIP_OVERLAPS', { tripId: 'trip-03', from: '2024-03-11', to: '2024-03-15' });
    });

    it('a trip that leaves the day after the previous one returns is accepted (R15)', () => {
      leader
        .given([march])
        .when(record('trip-04', '2024-03-16', '2024-03-20'))
        .then([recorded('trip-04', '2024-03-16', '2024-03-20', 5)]);
    });

    it('results and next steps may be left for later (R15)', () => {
      const { results: _r, nextSteps: _n, ...bare } = record('trip-x', '2024-05-06', '2024-05-10');
      const events = E.getOrElseW(() => [])(
        leaderActivityDecider.decide(bare, leaderActivityDecider.initialState),
      );
      expect(events).toHaveLength(1);
      expect(events[0]!.data).not.toHaveProperty('results');
    });
  });

  describe('correcting a trip (history is never rewritten)', () => {
    it('a correction records only the corrected fields and its reason (R15)', () => {
      leader
        .given([march])
        .when(correct('trip-03', { results: text('签约 1 个亿元以上项目') }))
        .then([
          {
            type: 'OutboundTripCorrected',
            data: {
              tripId: unsafeId.trip('trip-03'),
              leaderId,
              corrected: { results: text('签约 1 个亿元以上项目') },
              correctedOn: on('2024-04-02'),
              reason: text('返回日期登记有误'),
            },
          },
        ]);
    });

    it('a corrected date range is stated whole with its new day count (R15)', () => {
      leader
        .given([march])
        .when(correct('trip-03', { to: on('2024-03-17') }))
        .then([
          {
            type: 'OutboundTripCorrected',
            data: {
              tripId: unsafeId.trip('trip-03'),
              leaderId,
              corrected: { from: on('2024-03-11'), to: on('2024-03-17'), days: count(7) },
              correctedOn: on('2024-04-02'),
              reason: text('返回日期登记有误'),
            },
          },
        ]);
    });

    it('the trip as corrected is what the month counts (R15)', () => {
      const state = leader
        .given([march])
        .when(correct('trip-03', { to: on('2024-03-17') }))
        .thenState();
      expect(tripDaysInMonth(state, month('2024-03'))).toBe(7);
    });

    it('a trip that was never recorded cannot be corrected (R15)', () => {
      leader
        .given([march])
        .when(correct('trip-99', { results: text('无') }))
        .thenFails('TRIP_NOT_FOUND', { tripId: 'trip-99' });
    });

    it('a correction that changes nothing emits nothing (R15)', () => {
      leader
        .given([march])
        .when(correct('trip-03', { destination: text('江苏苏州'), to: on('2024-03-15') }))
        .thenNothingHappens();
    });

    it('a correction to dates in the wrong order is refused (R15)', () => {
      leader
        .given([march])
        .when(correct('trip-03', { to: on('2024-03-10') }))
        .thenFails('TRIP_DATES_INVALID');
    });

    it('a correction that makes two trips overlap is refused (R15)', () => {
      leader
        .given([march, recorded('trip-04', '2024-03-20', '2024-03-22', 3)])
        .when(correct('trip-03', { to: on('2024-03-20') }))
        .thenFails('TRIP_OVERLAPS', { tripId: 'trip-04' });
    });

    it('the original record still settles a late repeat after a correction (R15)', () => {
      const corrected: LeaderActivityEvent = {
        type: 'OutboundTripCorrected',
        data: {
          tripId: unsafeId.trip('trip-03'),
          leaderId,
          corrected: { results: text('签约 1 个') },
          correctedOn: on('2024-04-02'),
          reason: text('补录成果'),
        },
      };
      leader
        .given([march, corrected])
        .when(record('trip-03', '2024-03-11', '2024-03-15'))
        .thenNothingHappens();
    });

    it('a correction without a reason does not decode', () => {
      expect(E.isLeft(CorrectOutboundTrip.decode({ ...correct('trip-03', {}), reason: '' }))).toBe(true);
    });
  });

  describe('monthly minimums (R15, seed 004 §(二)/§(十一))', () => {
    const state = (events: ReadonlyArray<LeaderActivityEvent>) => fold(leaderActivityDecider, events);

    it('a unit principal with one five-day trip meets 「每月外出招商不少于1批次(5天)」 (R15)', () => {
      expect(meetsTripMinimum(state([march]), month('2024-03'), tripMinimumsR15.unitPrincipal)).toBe(true);
    });

    it('a four-day trip falls short of five days (R15)', () => {
      const short = recorded('trip-03', '2024-03-11', '2024-03-14', 4);
      expect(meetsTripMinimum(state([short]), month('2024-03'), tripMinimumsR15.unitPrincipal)).toBe(false);
    });

    it('the 渠沟镇 principal needs ten days in the month, in as many trips as needed (R15)', () => {
      const second = recorded('trip-04', '2024-03-25', '2024-03-29', 5);
      expect(meetsTripMinimum(state([march]), month('2024-03'), tripMinimumsR15.qugouTownPrincipal)).toBe(
        false,
      );
      expect(
        meetsTripMinimum(state([march, second]), month('2024-03'), tripMinimumsR15.qugouTownPrincipal),
      ).toBe(true);
    });

    it('a month without trips meets no minimum (R15)', () => {
      expect(meetsTripMinimum(state([march]), month('2024-04'), tripMinimumsR15.unitPrincipal)).toBe(false);
      expect(tripActivityInMonth(leaderActivityDecider.initialState, month('2024-04'))).toEqual({
        trips: 0,
        days: 0,
      });
    });

    it('a trip across a month boundary counts its days in each month (R15)', () => {
      const across = state([recorded('trip-x', '2024-01-29', '2024-02-04', 7)]);
      expect(tripActivityInMonth(across, month('2024-01'))).toEqual({ trips: 1, days: 3 });
      expect(tripActivityInMonth(across, month('2024-02'))).toEqual({ trips: 1, days: 4 });
    });

    it('the minimums quote the seed (R15)', () => {
      expect(tripMinimumsR15).toEqual({
        districtLeadershipPrincipal: { trips: 1, days: 7 },
        districtGovernmentDeputy: { trips: 1, days: 14 },
        unitPrincipal: { trips: 1, days: 5 },
        qugouTownPrincipal: { trips: 1, days: 10 },
        zonePrincipal: { trips: 1, days: 10 },
      });
    });
  });

  it('names the stream by leader', () => {
    expect(leaderStream(leaderId)).toBe('leader-li-zhen');
  });

  it('events round-trip through the catalogue codec', () => {
    expect(LeaderActivityEventCodec.decode(JSON.parse(JSON.stringify(march)))).toEqual(E.right(march));
  });

  it('every error code has a message in both languages and names its rule', () => {
    for (const message of Object.values(leaderActivityErrors)) {
      expect(message.rule).toBe('R15');
      expect(message.zh.length * message.en.length).toBeGreaterThan(0);
    }
  });

  describe('properties', () => {
    const run = (commands: ReadonlyArray<LeaderActivityCommand>) => {
      let state = leaderActivityDecider.initialState;
      const events: LeaderActivityEvent[] = [];
      for (const command of commands) {
        const outcome = leaderActivityDecider.decide(command, state);
        if (E.isRight(outcome)) {
          for (const event of outcome.right) state = leaderActivityDecider.evolve(state, event);
          events.push(...outcome.right);
          expect(leaderActivityDecider.decide(command, state)).toEqual(E.right([]));
        }
      }
      return { state, events };
    };

    it('replaying the same history gives the same state, and a repeated command emits nothing', () => {
      fc.assert(
        fc.property(fc.array(arbLeaderActivityCommand(leaderId), { maxLength: 15 }), (commands) => {
          const { state, events } = run(commands);
          expect(fold(leaderActivityDecider, events)).toEqual(state);
          expect(fold(leaderActivityDecider, events)).toEqual(fold(leaderActivityDecider, events));
          for (const event of events) expect(LeaderActivityEventCodec.is(event)).toBe(true);
        }),
      );
    });

    it('no day is ever counted twice: trips of a reachable state never overlap', () => {
      fc.assert(
        fc.property(fc.array(arbLeaderActivityCommand(leaderId), { maxLength: 15 }), (commands) => {
          const { state } = run(commands);
          if (state.status !== 'active') return;
          const trips = [...state.trips.values()].sort((a, b) => (a.from < b.from ? -1 : 1));
          trips.forEach((t, i) => {
            expect(t.days).toBe(Math.round((Date.parse(t.to) - Date.parse(t.from)) / 86_400_000) + 1);
            if (i > 0) expect(trips[i - 1]!.to < t.from).toBe(true);
          });
        }),
      );
    });
  });
});
