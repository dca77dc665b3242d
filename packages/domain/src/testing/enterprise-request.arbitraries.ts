import fc from 'fast-check';
import type {
  EnterpriseRequestCommand,
  ReceiveRequest,
} from '../enterprise-request/enterprise-request.commands';
import type { RequestCategory } from '../enterprise-request/enterprise-request.events';
import type { Department } from '../project/project.vocabulary';
import { fromDayNumber, toDayNumber, type BusinessDate } from '../shared/dates';
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

/** A receipt of the request (any enterprise, channel, category, day of the spring). */
export const arbReceiveRequest = (
  requestId: RequestId = unsafeId.request('SQ-1'),
): fc.Arbitrary<ReceiveRequest> =>
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
  });

/** Any command of one request (id given), with small ranges so that long lives are reachable. */
export const arbEnterpriseRequestCommand = (
  requestId: RequestId = unsafeId.request('SQ-1'),
): fc.Arbitrary<EnterpriseRequestCommand> =>
  fc.oneof(
    arbReceiveRequest(requestId),
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
    fc.record({
      type: fc.constant('ComputeRequestDeadlines' as const),
      requestId: fc.constant(requestId),
      today: arbDay,
    }),
  );

/**
 * A request's whole closed loop in order (received, handed out, answered and evaluated in 1–3
 * rounds, closed when the last evaluation is satisfied), one step a day from `from`, cut at a
 * random step and followed by a few arbitrary commands: every state of the loop is reached.
 */
export const arbEnterpriseRequestLife = (
  requestId: RequestId = unsafeId.request('SQ-1'),
): fc.Arbitrary<ReadonlyArray<EnterpriseRequestCommand>> =>
  fc
    .record({
      receive: arbReceiveRequest(requestId),
      department: arbDepartment,
      rounds: fc.integer({ min: 1, max: 3 }),
      lastSatisfied: fc.boolean(),
      from: arbBusinessDate('2024-03-01', '2024-04-30'),
      cut: fc.integer({ min: 1, max: 12 }),
      tail: fc.array(arbEnterpriseRequestCommand(requestId), { maxLength: 4 }),
    })
    .map(({ receive, department, rounds, lastSatisfied, from, cut, tail }) => {
      const day = (n: number): BusinessDate => fromDayNumber(toDayNumber(from) + n);
      const steps: EnterpriseRequestCommand[] = [
        { ...receive, receivedOn: day(0) },
        {
          type: 'AssignRequest',
          requestId,
          department,
          assignedOn: day(1),
          assignedBy: unsafeId.text('区营商办'),
        },
      ];
      for (let r = 1; r <= rounds; r += 1) {
        steps.push(
          {
            type: 'HandleRequest',
            requestId,
            answer: unsafeId.text(`第${r}次答复`),
            evidence: [],
            handledOn: day(2 * r),
            handledBy: unsafeId.text('承办科室'),
          },
          {
            type: 'EvaluateRequest',
            requestId,
            round: r as Count,
            satisfied: r === rounds && lastSatisfied,
            evaluatedOn: day(2 * r + 1),
            evaluatedBy: unsafeId.text('企业联系人'),
          },
        );
      }
      if (lastSatisfied)
        steps.push({
          type: 'CloseRequest',
          requestId,
          closedOn: day(2 * rounds + 2),
          closedBy: unsafeId.text('区营商办'),
        });
      return [...steps.slice(0, cut), ...tail];
    });
