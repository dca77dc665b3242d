import * as t from 'io-ts';
import { BusinessDate } from '../shared/dates';
import { catalogueCodec, defineEvent, EventOf, struct } from '../shared/event-codec';
import { AdvisorId, AgreementId, NonEmptyText, ProjectId, UnitId } from '../shared/ids';
import { Cny } from '../shared/money';

/**
 * Whom the region appoints as 招商顾问 (002 §八: "聘请行业协会商会知名人士、国内外知名企业家、
 * 学术界知名专家学者为招商顾问").
 */
export const AdvisorCategory = t.keyof(
  {
    'association-figure': null, // 行业协会商会知名人士
    entrepreneur: null, // 国内外知名企业家
    scholar: null, // 学术界知名专家学者
  },
  'AdvisorCategory',
);
export type AdvisorCategory = t.TypeOf<typeof AdvisorCategory>;

/** Why an appointment ended: dismissed (解聘), its term ran out (聘期届满), or the advisor resigned (辞聘). */
export const AppointmentEnd = t.keyof(
  { dismissed: null, 'term-ended': null, resigned: null },
  'AppointmentEnd',
);
export type AppointmentEnd = t.TypeOf<typeof AppointmentEnd>;

/** The appointment term (聘期), both days included. */
export const AdvisorTerm = struct({ from: BusinessDate, to: BusinessDate }, 'AdvisorTerm');
export type AdvisorTerm = t.TypeOf<typeof AdvisorTerm>;

/**
 * What appointing an advisor records (the command's fields and the event's data are the same):
 * who, of which kind, from which organisation, whether a civil servant (公职人员: 002 §八 rewards
 * only 非公职人员), the term, and a contact when one is given.
 */
export const advisorAppointment = {
  advisorId: AdvisorId,
  name: NonEmptyText,
  category: AdvisorCategory,
  organisation: NonEmptyText,
  civilServant: t.boolean,
  term: AdvisorTerm,
  appointedOn: BusinessDate,
  appointedBy: NonEmptyText,
};
export const advisorAppointmentOptional = { contact: NonEmptyText };

/** What ending an appointment records. */
export const appointmentEnding = {
  advisorId: AdvisorId,
  reason: AppointmentEnd,
  endedOn: BusinessDate,
  endedBy: NonEmptyText,
};

/**
 * What crediting an introduction (牵线搭桥) records: the project and its unit (the unit scopes who
 * may credit it), the day of the introduction and who credited it.
 */
export const introductionCredit = {
  advisorId: AdvisorId,
  projectId: ProjectId,
  unitId: UnitId,
  introducedOn: BusinessDate,
  creditedBy: NonEmptyText,
};

/**
 * What a one-time reward (一次性奖励) records: the project brought in and the agreement that shows
 * it (its id and signing day, re-checked against the project when the command is issued), the
 * amount in 分, the policy document it follows (《…招商引资目标管理激励办法》), and who approved it.
 */
export const advisorReward = {
  advisorId: AdvisorId,
  projectId: ProjectId,
  agreementId: AgreementId,
  signedOn: BusinessDate,
  amount: Cny,
  policyRef: NonEmptyText,
  rewardedOn: BusinessDate,
  approvedBy: NonEmptyText,
};

export const AdvisorAppointed = defineEvent(
  'AdvisorAppointed',
  struct(advisorAppointment, advisorAppointmentOptional, 'AdvisorAppointedData'),
  {
    zh: '聘请招商顾问（类别、单位、是否公职人员、聘期）',
    en: 'An investment-promotion advisor was appointed (category, organisation, civil servant or not, term)',
    rules: ['R21'],
  },
);

export const AdvisorAppointmentEnded = defineEvent(
  'AdvisorAppointmentEnded',
  struct(appointmentEnding, { note: NonEmptyText }, 'AdvisorAppointmentEndedData'),
  {
    zh: '招商顾问解聘或聘期届满',
    en: 'An advisor’s appointment ended (dismissed, term ended or resigned)',
    rules: ['R21'],
  },
);

export const IntroductionCredited = defineEvent(
  'IntroductionCredited',
  struct(introductionCredit, { note: NonEmptyText }, 'IntroductionCreditedData'),
  {
    zh: '认定招商顾问牵线搭桥引荐项目',
    en: 'An advisor was credited with introducing a project',
    rules: ['R21'],
  },
);

export const AdvisorRewarded = defineEvent('AdvisorRewarded', struct(advisorReward, 'AdvisorRewardedData'), {
  zh: '对成功引进项目的招商顾问（非公职人员）给予一次性奖励',
  en: 'A one-time reward was paid to a non-civil-servant advisor for a project brought in',
  rules: ['R21'],
});

/** Every event of an advisor (stream `advisor-<id>`), in lifecycle order. */
export const advisorEvents = {
  AdvisorAppointed,
  AdvisorAppointmentEnded,
  IntroductionCredited,
  AdvisorRewarded,
} as const;

export type AdvisorEvent = EventOf<typeof advisorEvents>;
export type AdvisorEventType = AdvisorEvent['type'];
export type AdvisorEventOf<T extends AdvisorEventType> = Extract<AdvisorEvent, { readonly type: T }>;

/** Decodes any advisor event, dispatching on its type. */
export const AdvisorEventCodec = catalogueCodec('AdvisorEvent', advisorEvents);
