import * as t from 'io-ts';

/** Ids are opaque, URL-safe strings chosen by the caller (a UUID, a ULID, a register number). */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const isIdString = (s: string): boolean => ID_PATTERN.test(s);

/** A branded id codec: `idCodec<ProjectIdBrand>()('ProjectId')`. */
const idCodec =
  <B extends { readonly [K in N]: symbol }, N extends string = keyof B & string>() =>
  (name: N) =>
    t.brand(t.string, (s): s is t.Branded<string, B> => isIdString(s), name);

export interface ProjectIdBrand {
  readonly ProjectId: unique symbol;
}
export interface UnitIdBrand {
  readonly UnitId: unique symbol;
}
export interface LeaderIdBrand {
  readonly LeaderId: unique symbol;
}
export interface AgreementIdBrand {
  readonly AgreementId: unique symbol;
}
export interface IncentiveIdBrand {
  readonly IncentiveId: unique symbol;
}
export interface ProcedureIdBrand {
  readonly ProcedureId: unique symbol;
}
export interface TripIdBrand {
  readonly TripId: unique symbol;
}
export interface BulletinIdBrand {
  readonly BulletinId: unique symbol;
}
export interface RequestIdBrand {
  readonly RequestId: unique symbol;
}
// Leading-group meetings and their 交办 items (R20)
export interface MeetingIdBrand {
  readonly MeetingId: unique symbol;
}
export interface MeetingItemIdBrand {
  readonly MeetingItemId: unique symbol;
}

/** A project (项目) — the aggregate id of an investment project stream. */
export const ProjectId = idCodec<ProjectIdBrand>()('ProjectId');
export type ProjectId = t.TypeOf<typeof ProjectId>;
/** A unit (责任单位): a town, a zone committee, a department that owns targets and projects. */
export const UnitId = idCodec<UnitIdBrand>()('UnitId');
export type UnitId = t.TypeOf<typeof UnitId>;
/** A leader or officer (包保领导、项目经理、项目秘书、责任人). */
export const LeaderId = idCodec<LeaderIdBrand>()('LeaderId');
export type LeaderId = t.TypeOf<typeof LeaderId>;
/** An investment agreement (投资协议). */
export const AgreementId = idCodec<AgreementIdBrand>()('AgreementId');
export type AgreementId = t.TypeOf<typeof AgreementId>;
/** One incentive (扶持政策) granted by an agreement: disbursements and clawbacks are counted per incentive. */
export const IncentiveId = idCodec<IncentiveIdBrand>()('IncentiveId');
export type IncentiveId = t.TypeOf<typeof IncentiveId>;
/** One administrative procedure (审批手续) of a project. */
export const ProcedureId = idCodec<ProcedureIdBrand>()('ProcedureId');
export type ProcedureId = t.TypeOf<typeof ProcedureId>;
/** One outbound promotion trip (外出招商). */
export const TripId = idCodec<TripIdBrand>()('TripId');
export type TripId = t.TypeOf<typeof TripId>;
/** One published bulletin (通报). */
export const BulletinId = idCodec<BulletinIdBrand>()('BulletinId');
export type BulletinId = t.TypeOf<typeof BulletinId>;
/** One enterprise request or complaint (企业诉求 / 投诉). */
export const RequestId = idCodec<RequestIdBrand>()('RequestId');
export type RequestId = t.TypeOf<typeof RequestId>;
// Leading-group meetings and their 交办 items (R20)
/** One leading-group meeting (领导小组例会、专题会、联席会议、调度会). */
export const MeetingId = idCodec<MeetingIdBrand>()('MeetingId');
export type MeetingId = t.TypeOf<typeof MeetingId>;
/** One item a meeting's decision hands out (交办事项), unique within its meeting. */
export const MeetingItemId = idCodec<MeetingItemIdBrand>()('MeetingItemId');
export type MeetingItemId = t.TypeOf<typeof MeetingItemId>;

/** A non-empty, trimmed free text of bounded length (names, summaries, reasons). */
const NOT_BLANK = /\S/;
export interface NonEmptyTextBrand {
  readonly NonEmptyText: unique symbol;
}
export const NonEmptyText = t.brand(
  t.string,
  (s): s is t.Branded<string, NonEmptyTextBrand> => s.length <= 4000 && NOT_BLANK.test(s),
  'NonEmptyText',
);
export type NonEmptyText = t.TypeOf<typeof NonEmptyText>;

/** Unsafe constructors for trusted literals (tests, demo data); decode untrusted input with the codecs. */
export const unsafeId = {
  project: (s: string) => s as ProjectId,
  unit: (s: string) => s as UnitId,
  leader: (s: string) => s as LeaderId,
  agreement: (s: string) => s as AgreementId,
  incentive: (s: string) => s as IncentiveId,
  procedure: (s: string) => s as ProcedureId,
  trip: (s: string) => s as TripId,
  bulletin: (s: string) => s as BulletinId,
  request: (s: string) => s as RequestId,
  // Leading-group meetings (R20)
  meeting: (s: string) => s as MeetingId,
  meetingItem: (s: string) => s as MeetingItemId,
  text: (s: string) => s as NonEmptyText,
};

// ---- land plots (地块, issue #16 item 3, R19) ----
export interface PlotIdBrand {
  readonly PlotId: unique symbol;
}
/** A plot of land (地块) in the zone's land register: the aggregate id of a plot stream. */
export const PlotId = idCodec<PlotIdBrand>()('PlotId');
export type PlotId = t.TypeOf<typeof PlotId>;
/** A plot id from a trusted literal (tests, demo data). */
export const unsafePlotId = (s: string) => s as PlotId;
// ---- advisors (招商顾问, R21 · 002 §八): the id of an appointed advisor ----
export interface AdvisorIdBrand {
  readonly AdvisorId: unique symbol;
}
/** An advisor (招商顾问) the region appoints (002 §八). */
export const AdvisorId = idCodec<AdvisorIdBrand>()('AdvisorId');
export type AdvisorId = t.TypeOf<typeof AdvisorId>;
