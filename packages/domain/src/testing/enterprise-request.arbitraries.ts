import fc from 'fast-check';
import type { EnterpriseRequestCommand } from '../enterprise-request/enterprise-request.commands';
import type { RequestCategory } from '../enterprise-request/enterprise-request.events';
import type { Department } from '../project/project.vocabulary';
import type { BusinessDate } from '../shared/dates';
import { unsafeId, type RequestId } from '../shared/ids';
import type { Count } from '../shared/money';
import { arbBusinessDate, arbCreditCode, arbEvidence, arbText, arbUnitId } from './shared.arbitraries';

const CATEGORIES: ReadonlyArray<RequestCategory> = [
  'procedures',
  'land',
  'policy-honouring',
  'financing',
  'infrastructure',
  'labour',
  'law-enforcement',
  'other',
];
const arbDepartment = fc.constantFrom<Department>('natural-resources-planning', 'administrative-approval');
/** Dates of one spring, so that steps often follow each other in order. */
const arbDay: fc.Arbitrary<BusinessDate> = arbBusinessDate('2024-03-01', '2024-05-31');
/** A few answers, so that repeats of the same answer occur. */
const arbAnswer = fc
  .constantFrom('已协调供电部门接入', '已办理施工许可', '政策资金已拨付')
  .map(unsafeId.text);
const arbRound = fc.integer({ min: 1, max: 3 }).map((n) => n as Count);

/** Any command of one request (id given), with small ranges so that long lives are reachable. */
export const arbEnterpriseRequestCommand = (
  requestId: RequestId = unsafeId.request('SQ-1'),
): fc.Arbitrary<EnterpriseRequestCommand> =>
  fc.oneof(
    fc.record({
      type: fc.constant('ReceiveRequest' as const),
      requestId: fc.constant(requestId),
      unitId: arbUnitId,
      kind: fc.constantFrom('request' as const, 'complaint' as const),
      enterprise: fc.record(
        { name: arbText, creditCode: arbCreditCode, contact: arbText },
        { requiredKeys: ['name'] },
      ),
      channel: fc.constantFrom('service-window' as const, 'responsible-person' as const, 'hotline' as const),
      category: fc.constantFrom(...CATEGORIES),
      text: arbText,
      evidence: arbEvidence,
      receivedOn: arbDay,
      receivedBy: arbText,
    }),
    fc.record({
      type: fc.constant('AssignRequest' as const),
      requestId: fc.constant(requestId),
      department: arbDepartment,
      assignedOn: arbDay,
      assignedBy: fc.constant(unsafeId.text('区营商办')),
    }),
    fc.record({
      type: fc.constant('HandleRequest' as const),
      requestId: fc.constant(requestId),
      answer: arbAnswer,
      evidence: arbEvidence,
      handledOn: arbDay,
      handledBy: fc.constant(unsafeId.text('承办科室')),
    }),
    fc.record(
      {
        type: fc.constant('EvaluateRequest' as const),
        requestId: fc.constant(requestId),
        round: arbRound,
        satisfied: fc.boolean(),
        evaluatedOn: arbDay,
        evaluatedBy: fc.constant(unsafeId.text('企业联系人')),
        comment: arbText,
      },
      { requiredKeys: ['type', 'requestId', 'round', 'satisfied', 'evaluatedOn', 'evaluatedBy'] },
    ),
    fc.record({
      type: fc.constant('CloseRequest' as const),
      requestId: fc.constant(requestId),
      closedOn: arbDay,
      closedBy: fc.constant(unsafeId.text('区营商办')),
    }),
  );
