import * as E from 'fp-ts/Either';
import {
  cny,
  date,
  describeError,
  fold,
  projectDecider,
  ProjectCommandCodec,
  unsafeId,
} from '@zhaoshang/domain';

// 1. Decode untrusted input with the command codec (io-ts reports every failing path).
const input: unknown = {
  type: 'CaptureLead',
  projectId: 'p-2024-001',
  unitId: 'zone-east',
  name: '年产 5 万吨高性能复合材料项目',
  investor: { name: '江苏某新材料有限公司' },
  industryChain: '新材料',
  content: '建设高性能碳纤维复合材料生产线',
  channel: 'industrial-chain',
  intendedInvestment: cny.yi(3), // exact integer 分: 3 亿元 = 30,000,000,000
  capturedOn: '2024-01-08',
};
const capture = ProjectCommandCodec.decode(input);
if (E.isLeft(capture)) throw new Error('bad input');

// 2. Decide against the current state (a new stream starts from initialState), then fold.
const decided = projectDecider.decide(capture.right, projectDecider.initialState);
if (E.isLeft(decided)) throw new Error(decided.left.code);
const state = fold(projectDecider, decided.right);

// 3. A rule that is broken comes back as a value with a stable code and a bilingual message.
const refused = projectDecider.decide(
  {
    type: 'StartConstruction',
    projectId: unsafeId.project('p-2024-001'),
    on: date('2024-02-01'),
    evidence: [],
  },
  state,
);
export const outcome = {
  events: decided.right.map((e) => e.type), // ['LeadCaptured']
  stage: state.status === 'none' ? 'none' : state.stage, // 'lead'
  refusal: E.isLeft(refused) ? refused.left.code : 'accepted', // 'AGREEMENT_NOT_SIGNED'
  message: E.isLeft(refused) ? describeError(refused.left, 'zh') : '', // '项目尚未签约'
};
