import * as t from 'io-ts';
import { ProcedureDeadline } from '../project/project.events';
import { Department } from '../project/project.vocabulary';
import { CreditCode } from '../shared/credit-code';
import { BusinessDate, Year } from '../shared/dates';
import { catalogueCodec, defineEvent, EventOf, struct } from '../shared/event-codec';
import { Evidence } from '../shared/evidence';
import { NonEmptyText, ProjectId, RequestId, UnitId } from '../shared/ids';
import { Count } from '../shared/money';

/**
 * What the enterprise brings: a request for help (诉求, 004 §(十二)) or a complaint (投诉, 001 §二
 * "及时受理和办结投资企业投诉事宜"). Both follow the same closed loop.
 */
export const RequestKind = t.keyof({ request: null, complaint: null }, 'RequestKind');
export type RequestKind = t.TypeOf<typeof RequestKind>;

/**
 * How it reached the office (004 §(十二) 事前收集梳理: 深入企业调查研究, 企业服务中心窗口, 领导包保).
 */
export const RequestChannel = t.keyof(
  {
    'service-window': null, // 企业服务中心窗口
    'responsible-person': null, // 包保领导/责任人走访收集
    hotline: null, // 服务热线
    online: null, // 网上平台
    letter: null, // 来信
    visit: null, // 来访
    other: null,
  },
  'RequestChannel',
);
export type RequestChannel = t.TypeOf<typeof RequestChannel>;

/** What the request is about. */
export const RequestCategory = t.keyof(
  {
    procedures: null, // 审批手续
    land: null, // 用地
    'policy-honouring': null, // 政策兑现
    financing: null, // 融资
    infrastructure: null, // 水电路气等配套
    labour: null, // 用工
    'law-enforcement': null, // 执法检查、营商环境
    other: null,
  },
  'RequestCategory',
);
export type RequestCategory = t.TypeOf<typeof RequestCategory>;

/** Who brought it: the enterprise's name, and its 统一社会信用代码 and project when known. */
export const RequestingEnterprise = struct(
  { name: NonEmptyText },
  { creditCode: CreditCode, projectId: ProjectId, contact: NonEmptyText },
  'RequestingEnterprise',
);
export type RequestingEnterprise = t.TypeOf<typeof RequestingEnterprise>;

/**
 * A time limit in working days on the official calendar (R7's calendar), counted from the day the
 * request was handed out, and the day it ends (pending while that day falls in a year whose
 * official holiday schedule is not adopted yet: never guessed).
 */
export const HandlingDeadline = struct(
  { workingDays: Count, deadline: ProcedureDeadline },
  'HandlingDeadline',
);
export type HandlingDeadline = t.TypeOf<typeof HandlingDeadline>;

/** What receiving a request records: the command's fields and the event's data are the same. */
export const requestReceipt = {
  requestId: RequestId,
  unitId: UnitId,
  kind: RequestKind,
  enterprise: RequestingEnterprise,
  channel: RequestChannel,
  category: RequestCategory,
  text: NonEmptyText,
  evidence: Evidence,
  receivedOn: BusinessDate,
  receivedBy: NonEmptyText,
};

export const RequestReceived = defineEvent('RequestReceived', struct(requestReceipt, 'RequestReceivedData'), {
  zh: '受理企业诉求或投诉（企业、项目、渠道、类别、内容、材料）',
  en: 'An enterprise request or complaint was received (enterprise, project, channel, category, text, evidence)',
  rules: ['R17'],
});

export const RequestAssigned = defineEvent(
  'RequestAssigned',
  struct(
    {
      requestId: RequestId,
      department: Department,
      assignedOn: BusinessDate,
      assignedBy: NonEmptyText,
      limit: HandlingDeadline,
    },
    'RequestAssignedData',
  ),
  {
    zh: '交办诉求（承办部门、办理时限、截止日期）',
    en: 'The request was handed to a department (交办) with a time limit in working days and its due date',
    rules: ['R17'],
  },
);

export const RequestHandled = defineEvent(
  'RequestHandled',
  struct(
    {
      requestId: RequestId,
      round: Count,
      answer: NonEmptyText,
      evidence: Evidence,
      handledOn: BusinessDate,
      handledBy: NonEmptyText,
    },
    { workingDaysTaken: Count, withinTimeLimit: t.boolean },
    'RequestHandledData',
  ),
  {
    zh: '诉求办结答复（答复内容、材料；是否在时限内）',
    en: 'The department answered the request (answer, evidence; whether within the time limit)',
    rules: ['R17'],
  },
);

export const RequestEvaluated = defineEvent(
  'RequestEvaluated',
  struct(
    {
      requestId: RequestId,
      round: Count,
      satisfied: t.boolean,
      evaluatedOn: BusinessDate,
      evaluatedBy: NonEmptyText,
    },
    { comment: NonEmptyText },
    'RequestEvaluatedData',
  ),
  {
    zh: '企业评价办理结果（满意或不满意）',
    en: 'The enterprise evaluated the answer (satisfied or not)',
    rules: ['R17'],
  },
);

export const RequestReopened = defineEvent(
  'RequestReopened',
  struct(
    { requestId: RequestId, round: Count, reopenedOn: BusinessDate, limit: HandlingDeadline },
    'RequestReopenedData',
  ),
  {
    zh: '企业不满意，诉求重新办理（新的办理时限）',
    en: 'The enterprise was not satisfied: the request goes back to the department with a new time limit',
    rules: ['R17'],
  },
);

export const RequestClosed = defineEvent(
  'RequestClosed',
  struct({ requestId: RequestId, closedOn: BusinessDate, closedBy: NonEmptyText }, 'RequestClosedData'),
  {
    zh: '诉求办结归档（企业满意）',
    en: 'The request was closed after the enterprise was satisfied',
    rules: ['R17'],
  },
);

/**
 * A round's time limit that waited for a year's official holiday schedule, counted once the
 * schedule was adopted (by the server's deadline watcher, never by a caller; R7's calendar). For a
 * round already answered: the count its answer could not make then.
 */
export const RequestDeadlineComputed = defineEvent(
  'RequestDeadlineComputed',
  struct(
    {
      requestId: RequestId,
      round: Count,
      dueOn: BusinessDate,
      /** The year whose adopted schedule made the count possible. */
      calendarYear: Year,
      computedOn: BusinessDate,
    },
    { workingDaysTaken: Count, withinTimeLimit: t.boolean },
    'RequestDeadlineComputedData',
  ),
  {
    zh: '诉求办理时限确定（节假日安排公布后）',
    en: "A request's time limit was counted once its year's holiday schedule was adopted",
    rules: ['R17'],
  },
);

/** Every event of an enterprise request (stream `enterprise-request-<id>`), in lifecycle order. */
export const enterpriseRequestEvents = {
  RequestReceived,
  RequestAssigned,
  RequestHandled,
  RequestEvaluated,
  RequestReopened,
  RequestClosed,
  RequestDeadlineComputed,
} as const;

export type EnterpriseRequestEvent = EventOf<typeof enterpriseRequestEvents>;
export type EnterpriseRequestEventType = EnterpriseRequestEvent['type'];
export type EnterpriseRequestEventOf<T extends EnterpriseRequestEventType> = Extract<
  EnterpriseRequestEvent,
  { readonly type: T }
>;

/** Decodes any enterprise-request event, dispatching on its type. */
export const EnterpriseRequestEventCodec = catalogueCodec('EnterpriseRequestEvent', enterpriseRequestEvents);
