import type { ProjectEventType } from '../project/project.events';
import type { Label, Labels } from '../shared/label';

/**
 * Traffic lights (DOMAIN.md §6): green done, blue on time, yellow near a deadline or behind
 * 序时进度, red overdue. The read models compute them; the words are here.
 */
export type TrafficLight = 'green' | 'blue' | 'yellow' | 'red';

/** The lights' names, as registers and bulletins print them. */
export const trafficLightLabels = {
  green: { zh: '绿灯', en: 'Green' },
  blue: { zh: '蓝灯', en: 'Blue' },
  yellow: { zh: '黄灯', en: 'Yellow' },
  red: { zh: '红灯', en: 'Red' },
} as const satisfies Labels<TrafficLight>;

/**
 * The nodes of a project's progress that a register lists (DOMAIN.md §4.1): the steps it passed
 * and the deadlines ahead of it (the agreement's schedule, procedures, ordered rectifications).
 */
export type ProgressNode =
  | 'qualified'
  | 'admitted'
  | 'signed'
  | 'agreed-start'
  | 'agreed-completion'
  | 'agreed-production'
  | 'procedure'
  | 'rectification';

/** A register's words for its nodes. */
export const progressNodeLabels = {
  qualified: { zh: '线索研判', en: 'Lead qualified' },
  admitted: { zh: '论证准入', en: 'Admission review' },
  signed: { zh: '签约', en: 'Signed' },
  'agreed-start': { zh: '协议约定开工', en: 'Agreed start' },
  'agreed-completion': { zh: '协议约定竣工', en: 'Agreed completion' },
  'agreed-production': { zh: '协议约定投产', en: 'Agreed production' },
  procedure: { zh: '手续办理', en: 'Procedure' },
  rectification: { zh: '限期整改', en: 'Rectification' },
} as const satisfies Labels<ProgressNode>;

/** What an item of the supervision list (督办清单) is. */
export type SupervisionItemKind =
  | 'milestone'
  | 'procedure'
  | 'rectification'
  // issue #16: the seeds' other mechanisms
  | 'enterprise-request' // R17 (004 §(十二)): an enterprise request past its 交办 time limit
  | 'visit-week' // R18 (000 §五.2): a week the 包保责任人 did not visit
  | 'meeting-item' // R20 (000 §五.1, 004 §(十七)): a meeting's 交办 item past its deadline
  // land plots (R19, 001 §(四)): a plot a clearance found idle (圈而不建) or low-efficiency, until disposed of
  | 'idle-land';

/** The supervision list's words for its items: a procedure and a rectification as the register names them. */
export const supervisionItemKindLabels = {
  milestone: { zh: '节点逾期', en: 'Missed deadline' },
  procedure: progressNodeLabels.procedure,
  rectification: progressNodeLabels.rectification,
  'enterprise-request': { zh: '企业诉求逾期', en: 'Enterprise request overdue' },
  'visit-week': { zh: '包保走访缺周', en: 'Week without a responsible officer’s visit' },
  'meeting-item': { zh: '会议交办事项逾期', en: 'Meeting assignment overdue' },
  // land plots (R19)
  'idle-land': { zh: '闲置低效用地待处置', en: 'Idle or low-efficiency land to dispose of' },
} as const satisfies Labels<SupervisionItemKind>;

/**
 * Short names of the events that mark a project's way (a timeline prints them beside the point);
 * every event type has its full description in the event catalogue.
 */
export const keyEventLabels = {
  LeadCaptured: { zh: '获取线索', en: 'Captured' },
  ProjectPlanned: { zh: '谋划', en: 'Planned' },
  AdmissionApproved: { zh: '准入', en: 'Admitted' },
  AgreementSigned: { zh: '签约', en: 'Signed' },
  ConstructionStarted: { zh: '开工', en: 'Started' },
  EnteredStatistics: { zh: '纳统', en: 'In statistics' },
  ConstructionCompleted: { zh: '竣工', en: 'Completed' },
  ProductionStarted: { zh: '投产', en: 'In production' },
  SubsidyClawedBack: { zh: '追回补助', en: 'Clawed back' },
  ProjectTerminated: { zh: '清退', en: 'Terminated' },
  ProjectAbandoned: { zh: '终止洽谈', en: 'Abandoned' },
  LeadDiscarded: { zh: '放弃', en: 'Discarded' },
} as const satisfies Partial<Record<ProjectEventType, Label>>;

/**
 * The phases a project's history passes through, as a timeline groups its events (the dashboard's
 * lanes): from the lead to its closure.
 */
export type HistoryPhase =
  | 'lead'
  | 'admission'
  | 'service'
  | 'signing'
  | 'procedures'
  | 'construction'
  | 'operation'
  | 'fulfilment'
  | 'overdue'
  | 'closure'
  | 'other';

/** The phases' names. */
export const historyPhaseLabels = {
  lead: progressNodeLabels.qualified,
  admission: { zh: '论证准入', en: 'Admission' },
  service: { zh: '服务洽谈', en: 'Service' },
  signing: { zh: '签约', en: 'Signing' },
  procedures: progressNodeLabels.procedure,
  construction: { zh: '建设纳统', en: 'Construction' },
  operation: { zh: '投产运营', en: 'Operation' },
  fulfilment: { zh: '履约监管', en: 'Fulfilment' },
  overdue: supervisionItemKindLabels.milestone,
  closure: { zh: '终止/清退', en: 'Closure' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Labels<HistoryPhase>;
