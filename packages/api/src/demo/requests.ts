import { layoutYear, placedOn, type DemoLayout } from './layout';
import type { ScriptStep } from './project-life';

/**
 * The demo region's enterprise requests and complaints (R17: 001 §二 及时受理和办结投资企业投诉事宜,
 * 004 §(十二) 事前收集梳理、事中研究交办、事后跟踪评价): a few in every state of the loop, two
 * past their 交办 limit on the reference's today (2024-10-31), one closed after the enterprise was first
 * unsatisfied. Dates are the reference's, placed by the layout (layout.ts); the seed drops any step
 * dated after the anchor.
 */

type Unit = 'jingkaiqu' | 'gaoxinqu' | 'fenghuang-town';

interface DemoRequest {
  readonly requestId: string;
  readonly unitId: Unit;
  readonly kind: 'request' | 'complaint';
  readonly enterprise: { readonly name: string; readonly projectId?: string };
  readonly channel: 'service-window' | 'responsible-person' | 'hotline' | 'online' | 'letter' | 'visit';
  readonly category:
    | 'procedures'
    | 'land'
    | 'policy-honouring'
    | 'financing'
    | 'infrastructure'
    | 'labour'
    | 'law-enforcement';
  readonly text: string;
  readonly receivedOn: string;
  /** The department it is handed to and when (交办). */
  readonly assigned?: { readonly department: string; readonly on: string };
  /** The department's answers and the enterprise's verdict on each, round by round. */
  readonly rounds?: ReadonlyArray<{
    readonly answer: string;
    readonly on: string;
    readonly verdict?: { readonly satisfied: boolean; readonly on: string; readonly comment?: string };
  }>;
  readonly closedOn?: string;
}

/** A date as the answers write it: `3 月 15 日`. */
const monthDay = (d: string): string => `${Number(d.slice(5, 7))} 月 ${Number(d.slice(8, 10))} 日`;

const officer = (unitId: string) => ({ role: 'investment-officer' as const, unitId });
const OFFICE = { role: 'leading-group-office' as const, unitId: 'region' };
const DEPARTMENT = { role: 'department-reviewer' as const, unitId: 'region' };

/** The reference's requests (ids of the layout's year, dates placed by `on`). */
const demoRequests = (year: number, on: (monthDay: string) => string): ReadonlyArray<DemoRequest> => [
  {
    requestId: `SQ-${year}-001`,
    unitId: 'jingkaiqu',
    kind: 'request',
    enterprise: { name: '福建宁川新能源材料有限公司', projectId: `XM-${year}-0001` },
    channel: 'responsible-person',
    category: 'infrastructure',
    text: '厂区 110 千伏专线接入进度滞后，影响试生产',
    receivedOn: on('03-04'),
    assigned: { department: 'development-reform', on: on('03-05') },
    rounds: [
      {
        answer: `已协调供电公司，专线于 ${monthDay(on('03-15'))}送电`,
        on: on('03-15'),
        verdict: { satisfied: true, on: on('03-18') },
      },
    ],
    closedOn: on('03-19'),
  },
  {
    requestId: `SQ-${year}-002`,
    unitId: 'gaoxinqu',
    kind: 'complaint',
    enterprise: { name: '苏州某新能源科技有限公司', projectId: `XM-${year}-0102` },
    channel: 'hotline',
    category: 'law-enforcement',
    text: '同一事项一月内被多部门重复检查，影响正常生产',
    receivedOn: on('05-06'),
    assigned: { department: 'market-regulation', on: on('05-07') },
    rounds: [
      {
        answer: '已约谈相关科室，检查计划并入联合检查',
        on: on('05-16'),
        verdict: { satisfied: false, on: on('05-20'), comment: '未明确后续检查频次' },
      },
      {
        answer: '已出具联合检查计划，全年不超过两次',
        on: on('05-29'),
        verdict: { satisfied: true, on: on('06-03') },
      },
    ],
    closedOn: on('06-04'),
  },
  {
    requestId: `SQ-${year}-003`,
    unitId: 'fenghuang-town',
    kind: 'request',
    enterprise: { name: '安徽某农产品加工有限公司' },
    channel: 'service-window',
    category: 'policy-honouring',
    text: '设备购置补助申报已满三个月，尚未拨付',
    receivedOn: on('08-26'),
    assigned: { department: 'finance', on: on('08-27') },
    rounds: [
      {
        answer: `补助资金已于 ${monthDay(on('09-06'))}拨付到账`,
        on: on('09-06'),
        verdict: { satisfied: true, on: on('09-09') },
      },
    ],
  },
  {
    // 交办 on 9-2, unanswered: past its limit on the demo's today.
    requestId: `SQ-${year}-004`,
    unitId: 'jingkaiqu',
    kind: 'request',
    enterprise: { name: '某精密制造有限公司', projectId: `XM-${year}-0004` },
    channel: 'responsible-person',
    category: 'land',
    text: '二期用地规划条件迟迟未出具，影响项目备案',
    receivedOn: on('09-02'),
    assigned: { department: 'natural-resources-planning', on: on('09-02') },
  },
  {
    // Reopened on 9-30 and not answered again: past its new limit on the demo's today.
    requestId: `SQ-${year}-005`,
    unitId: 'gaoxinqu',
    kind: 'complaint',
    enterprise: { name: '某电子信息科技有限公司' },
    channel: 'letter',
    category: 'procedures',
    text: '施工许可材料被反复要求补正',
    receivedOn: on('09-09'),
    assigned: { department: 'administrative-approval', on: on('09-10') },
    rounds: [
      {
        answer: '已一次性告知补正材料清单',
        on: on('09-20'),
        verdict: { satisfied: false, on: on('09-30'), comment: '清单仍有前后不一致之处' },
      },
    ],
  },
  {
    requestId: `SQ-${year}-006`,
    unitId: 'fenghuang-town',
    kind: 'request',
    enterprise: { name: '安徽某新型建材有限公司' },
    channel: 'visit',
    category: 'labour',
    text: '投产在即，急需招聘技术工人 80 名',
    receivedOn: on('10-14'),
    assigned: { department: 'host-carrier', on: on('10-15') },
    rounds: [{ answer: '已组织专场招聘会，达成用工意向 86 人', on: on('10-25') }],
  },
  {
    requestId: `SQ-${year}-007`,
    unitId: 'jingkaiqu',
    kind: 'request',
    enterprise: { name: '某生物医药有限公司' },
    channel: 'online',
    category: 'financing',
    text: '申请对接“科技贷”，缓解研发投入资金压力',
    receivedOn: on('10-21'),
    assigned: { department: 'finance', on: on('10-22') },
  },
  {
    requestId: `SQ-${year}-008`,
    unitId: 'gaoxinqu',
    kind: 'request',
    enterprise: { name: '某智能装备有限公司' },
    channel: 'service-window',
    category: 'infrastructure',
    text: '园区道路断头，物流车辆绕行',
    receivedOn: on('10-29'),
  },
];

/** One request's loop as script steps, in order. */
const stepsOf = (r: DemoRequest): ReadonlyArray<ScriptStep> => {
  const requestId = r.requestId;
  const steps: ScriptStep[] = [
    {
      ...officer(r.unitId),
      command: {
        type: 'ReceiveRequest',
        requestId,
        unitId: r.unitId,
        kind: r.kind,
        enterprise: r.enterprise,
        channel: r.channel,
        category: r.category,
        text: r.text,
        evidence: [],
        receivedOn: r.receivedOn,
        receivedBy: '招商专员',
      },
    },
  ];
  if (r.assigned !== undefined)
    steps.push({
      ...OFFICE,
      command: {
        type: 'AssignRequest',
        requestId,
        department: r.assigned.department,
        assignedOn: r.assigned.on,
        assignedBy: '区营商办',
      },
    });
  (r.rounds ?? []).forEach((round, i) => {
    steps.push({
      ...DEPARTMENT,
      command: {
        type: 'HandleRequest',
        requestId,
        answer: round.answer,
        evidence: [],
        handledOn: round.on,
        handledBy: '承办部门',
      },
    });
    if (round.verdict !== undefined)
      steps.push({
        ...officer(r.unitId),
        command: {
          type: 'EvaluateRequest',
          requestId,
          round: i + 1,
          satisfied: round.verdict.satisfied,
          evaluatedOn: round.verdict.on,
          evaluatedBy: '企业联系人',
          ...(round.verdict.comment !== undefined ? { comment: round.verdict.comment } : {}),
        },
      });
  });
  if (r.closedOn !== undefined)
    steps.push({
      ...OFFICE,
      command: { type: 'CloseRequest', requestId, closedOn: r.closedOn, closedBy: '区营商办' },
    });
  return steps;
};

/** The demo's enterprise requests as script steps (the seed keeps those dated on or before its today). */
export const demoRequestSteps = (layout: DemoLayout): ReadonlyArray<ScriptStep> =>
  demoRequests(layoutYear(layout), placedOn(layout)).flatMap(stepsOf);
