import type { Labels } from '../shared/label';
import type { RequestCategory, RequestChannel, RequestKind } from './enterprise-request.events';
import type { RequestStatus } from './enterprise-request.state';

/** 诉求 (004 §(十二)) or 投诉 (001 §二). */
export const requestKindLabels = {
  request: { zh: '企业诉求', en: 'Request' },
  complaint: { zh: '企业投诉', en: 'Complaint' },
} as const satisfies Labels<RequestKind>;

/** How a request reached the office. */
export const requestChannelLabels = {
  'service-window': { zh: '企业服务中心窗口', en: 'Enterprise service window' },
  'responsible-person': { zh: '包保走访收集', en: 'Collected on a responsible person’s visit' },
  hotline: { zh: '服务热线', en: 'Hotline' },
  online: { zh: '网上平台', en: 'Online platform' },
  letter: { zh: '来信', en: 'Letter' },
  visit: { zh: '来访', en: 'Walk-in visit' },
  other: { zh: '其他渠道', en: 'Other channel' },
} as const satisfies Labels<RequestChannel>;

/** What a request is about. */
export const requestCategoryLabels = {
  procedures: { zh: '审批手续', en: 'Approvals and procedures' },
  land: { zh: '用地', en: 'Land' },
  'policy-honouring': { zh: '政策兑现', en: 'Honouring incentives' },
  financing: { zh: '融资', en: 'Financing' },
  infrastructure: { zh: '水电路气等配套', en: 'Utilities and infrastructure' },
  labour: { zh: '用工', en: 'Labour' },
  'law-enforcement': { zh: '执法检查与营商环境', en: 'Inspections and business environment' },
  other: { zh: '其他事项', en: 'Other matters' },
} as const satisfies Labels<RequestCategory>;

/** Where a request is in its closed loop (004 §(十二) 事前收集梳理、事中研究交办、事后跟踪评价). */
export const requestStatusLabels = {
  received: { zh: '已受理', en: 'Received' },
  assigned: { zh: '已交办，办理中', en: 'With a department' },
  handled: { zh: '已答复，待评价', en: 'Answered, awaiting evaluation' },
  satisfied: { zh: '企业满意，待归档', en: 'Enterprise satisfied, to be closed' },
  closed: { zh: '已办结', en: 'Closed' },
} as const satisfies Labels<RequestStatus>;
