import fc from 'fast-check';
import { addDays, type BusinessDate } from '../shared/dates';
import type { LeaderId, NonEmptyText, ProjectId, TripId, UnitId } from '../shared/ids';
import type { LeaderActivityCommand, TripChanges } from '../leader-activity/leader-activity.commands';

const text = (...xs: ReadonlyArray<string>) => fc.constantFrom(...xs).map((s) => s as NonEmptyText);
const arbTripId = fc.constantFrom('trip-1', 'trip-2', 'trip-3', 'trip-4').map((s) => s as TripId);
/** Departures in a narrow window so that trips often overlap or cross a month boundary. */
const arbFrom: fc.Arbitrary<BusinessDate> = fc
  .integer({ min: 0, max: 45 })
  .map((n) => addDays('2024-03-10' as BusinessDate, n));
const arbRange = fc
  .tuple(arbFrom, fc.integer({ min: -2, max: 9 }))
  .map(([from, len]) => ({ from, to: addDays(from, len) }));

const arbDetails = (leaderId: LeaderId) =>
  fc.record({
    leaderId: fc.constant(leaderId),
    unitId: fc.constantFrom('qugou', 'kaifaqu').map((s) => s as UnitId),
    delegation: text('长三角招商小分队', '珠三角招商组'),
    members: fc.subarray(['张三', '李四', '王五'].map((s) => s as NonEmptyText)),
    destination: text('上海', '深圳', '合肥'),
    companiesMet: fc.subarray(['甲公司', '乙公司'].map((s) => s as NonEmptyText)),
    leadsProduced: fc.subarray(['p-1', 'p-2'].map((s) => s as ProjectId)),
  });

/** Record or correct commands for one leader, from a small pool of trip ids and dates. */
export const arbLeaderActivityCommand = (
  leaderId: LeaderId = 'leader-1' as LeaderId,
): fc.Arbitrary<LeaderActivityCommand> =>
  fc.oneof(
    fc
      .tuple(arbTripId, arbDetails(leaderId), arbRange, fc.option(text('签约意向 2 个'), { nil: undefined }))
      .map(([tripId, details, range, results]) => ({
        type: 'RecordOutboundTrip' as const,
        tripId,
        ...details,
        ...range,
        ...(results === undefined ? {} : { results }),
      })),
    fc
      .tuple(
        arbTripId,
        fc.record(
          {
            destination: text('上海', '苏州'),
            results: text('签约意向 2 个', '达成初步合作'),
            from: arbFrom,
            to: arbFrom,
          },
          { requiredKeys: [] },
        ),
        text('录入有误'),
      )
      .map(([tripId, changes, reason]) => ({
        type: 'CorrectOutboundTrip' as const,
        tripId,
        leaderId,
        changes: changes as TripChanges,
        correctedOn: '2024-06-01' as BusinessDate,
        reason,
      })),
  );
