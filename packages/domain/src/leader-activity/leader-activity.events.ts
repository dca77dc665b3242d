import * as t from 'io-ts';
import { BusinessDate } from '../shared/dates';
import { catalogueCodec, defineEvent, EventOf, struct } from '../shared/event-codec';
import { LeaderId, NonEmptyText, ProjectId, TripId, UnitId } from '../shared/ids';
import { Count } from '../shared/money';

/**
 * What an outbound trip register records (DOMAIN.md §6: 团组名称, 主要成员, 出访地, 拜访企业, 取得成果,
 * 下一步打算), plus the leads it produced. Results and next steps may be filled in by a correction.
 */
export const tripDetails = {
  unitId: UnitId, // the leader's unit, whose minimum the trip counts towards (R15)
  delegation: NonEmptyText, // 团组名称
  members: t.readonlyArray(NonEmptyText), // 主要成员
  destination: NonEmptyText, // 出访地 (city / region)
  from: BusinessDate,
  to: BusinessDate,
  companiesMet: t.readonlyArray(NonEmptyText), // 拜访企业
  leadsProduced: t.readonlyArray(ProjectId), // 形成的线索（项目流 id）
};
export const tripOutcome = {
  results: NonEmptyText, // 取得成果
  nextSteps: NonEmptyText, // 下一步打算
};

export const OutboundTripRecorded = defineEvent(
  'OutboundTripRecorded',
  struct({ tripId: TripId, leaderId: LeaderId, ...tripDetails, days: Count }, tripOutcome),
  {
    zh: '登记外出招商（天数按出发、返回日期含首尾计算）',
    en: 'An outbound promotion trip was recorded (days counted inclusively from departure to return)',
    rules: ['R15'],
  },
);

/** The fields a correction replaces; `days` is present whenever `from` or `to` is. */
export const TripCorrection = struct({}, { ...tripDetails, ...tripOutcome, days: Count }, 'TripCorrection');
export type TripCorrection = t.TypeOf<typeof TripCorrection>;

export const OutboundTripCorrected = defineEvent(
  'OutboundTripCorrected',
  struct({
    tripId: TripId,
    leaderId: LeaderId,
    corrected: TripCorrection,
    correctedOn: BusinessDate,
    reason: NonEmptyText,
  }),
  {
    zh: '更正外出招商记录（只列出更正的字段，附理由）',
    en: 'An outbound trip record was corrected (only the corrected fields, with a reason)',
    rules: ['R15'],
  },
);

/** Every event of a leader's activity (stream `leader-<leaderId>`). */
export const leaderActivityEvents = { OutboundTripRecorded, OutboundTripCorrected } as const;

export type LeaderActivityEvent = EventOf<typeof leaderActivityEvents>;
export type LeaderActivityEventType = LeaderActivityEvent['type'];

/** Decodes any leader-activity event, dispatching on its type. */
export const LeaderActivityEventCodec = catalogueCodec('LeaderActivityEvent', leaderActivityEvents);
