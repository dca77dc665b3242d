/**
 * The requests read model, the supervision list's request items and the review's request figures
 * (R17), folded from events the domain's decider emits:
 * - 001 §二: "及时受理和办结投资企业投诉事宜";
 * - 004 §(十二): "形成事前收集梳理、事中研究交办、事后跟踪评价的工作流程".
 */
import {
  count,
  date,
  enterpriseRequestDecider as decider,
  unsafeId,
  type BusinessDate,
  type EnterpriseRequestCommand,
  type EnterpriseRequestEvent,
} from '@zhaoshang/domain';
import * as E from 'fp-ts/Either';
import type { Doc, DocReader } from '../read-model';
import { supervisionItems } from '../supervision/supervision.document';
import { supervisionProjection } from '../supervision/supervision.projection';
import { supervisionEntry } from '../supervision/supervision.queries';
import { requestsCollection } from './requests.document';
import { evolveRequestDoc, requestsProjection } from './requests.projection';
import { requestEntry } from './requests.queries';
import { requestFigures, requestReview } from './requests.review';

const requestId = unsafeId.request('SQ-U-1');
const text = unsafeId.text;
const receive: EnterpriseRequestCommand = {
  type: 'ReceiveRequest',
  requestId,
  unitId: unsafeId.unit('jingkaiqu'),
  kind: 'request',
  enterprise: { name: text('某精密制造有限公司') },
  channel: 'responsible-person',
  category: 'procedures',
  text: text('施工许可办理缓慢'),
  evidence: [],
  receivedOn: date('2024-04-01'),
  receivedBy: text('招商专员'),
};
const assign: EnterpriseRequestCommand = {
  type: 'AssignRequest',
  requestId,
  department: 'administrative-approval',
  assignedOn: date('2024-04-02'),
  assignedBy: text('区营商办'),
};
const handle = (on: string): EnterpriseRequestCommand => ({
  type: 'HandleRequest',
  requestId,
  answer: text(`${on} 答复`),
  evidence: [],
  handledOn: date(on),
  handledBy: text('区行政审批局'),
});
const evaluate = (round: number, satisfied: boolean, on: string): EnterpriseRequestCommand => ({
  type: 'EvaluateRequest',
  requestId,
  round: count(round),
  satisfied,
  evaluatedOn: date(on),
  evaluatedBy: text('企业'),
});

/** The events the decider records for the commands, in order. */
const eventsOf = (
  commands: ReadonlyArray<EnterpriseRequestCommand>,
): ReadonlyArray<EnterpriseRequestEvent> => {
  const out: EnterpriseRequestEvent[] = [];
  for (const c of commands) {
    const r = decider.decide(c, out.reduce(decider.evolve, decider.initialState));
    if (E.isLeft(r)) throw new Error(`fixture refused: ${r.left.code}`);
    out.push(...r.right);
  }
  return out;
};

/** Folds the events through the requests and supervision projections with an in-memory reader. */
const fold = (events: ReadonlyArray<EnterpriseRequestEvent>): DocReader => {
  const docs = new Map<string, Doc>();
  const reader: DocReader = {
    get: <D extends Doc>(c: { name: string }, id: string) => docs.get(`${c.name}/${id}`) as D | undefined,
  };
  events.forEach((event, i) => {
    for (const projection of [requestsProjection, supervisionProjection])
      for (const change of projection.apply(reader, {
        category: 'enterprise-request',
        event,
        position: BigInt(i + 1),
        streamName: `enterprise-request-${requestId}`,
      })) {
        if (change.doc === null) docs.delete(`${change.collection}/${change.id}`);
        else docs.set(`${change.collection}/${change.id}`, change.doc);
      }
  });
  return reader;
};

const on = (d: string) => d as BusinessDate;

describe('the requests read model and the supervision list follow the loop (004 §(十二)) (R17)', () => {
  // 10 working days from 2024-04-02 end on 2024-04-17 (清明 4-4…4-6 off, Sunday 4-7 worked).
  const late = eventsOf([receive, assign, handle('2024-04-19'), evaluate(1, false, '2024-04-22')]);

  it('004 §(十二) 事中研究交办: a round answered after its due date leaves the list when answered, shown overdue until then (R17)', () => {
    const docs = fold(late);
    const first = docs.get(supervisionItems, `enterprise-request:${requestId}:1`);
    expect(first).toMatchObject({
      kind: 'enterprise-request',
      departmentId: 'administrative-approval',
      dueOn: '2024-04-17',
      resolvedOn: '2024-04-19',
      resolution: 'met',
    });
    expect(first && supervisionEntry(first, on('2024-04-17'))).toBeUndefined(); // not yet overdue
    expect(first && supervisionEntry(first, on('2024-04-18'))).toMatchObject({
      overdue: true,
      daysOverdue: 1,
    });
    expect(first && supervisionEntry(first, on('2024-04-19'))).toBeUndefined(); // answered
  });

  it('004 §(十二) 事后跟踪评价: the unsatisfied enterprise reopens it: a new item with the new deadline, the same department (R17)', () => {
    const docs = fold(late);
    // Reopened 4-22: 4-23…4-26 (1–4), Sunday 4-28 worked (5), 4-29, 4-30 (6, 7), 劳动节 5-1…5-5 off, 5-6…5-8 (8–10).
    expect(docs.get(supervisionItems, `enterprise-request:${requestId}:2`)).toMatchObject({
      openedOn: '2024-04-22',
      dueOn: '2024-05-08',
      ownerId: 'administrative-approval',
    });
    const doc = docs.get(requestsCollection, requestId);
    expect(doc).toMatchObject({ status: 'assigned', dueOn: '2024-05-08', pendingCalendar: false });
    expect(doc && requestEntry(doc, on('2024-05-10'))).toMatchObject({ overdue: true, daysOverdue: 2 });
  });

  it('the API’s fold of one stream and the read model agree (one shape from the stream and the store) (R17)', () => {
    const folded = late.reduce(evolveRequestDoc, undefined);
    expect(fold(late).get(requestsCollection, requestId)).toEqual(folded);
  });

  it('001 §二 及时办结: the review counts a late answer as not on time, and overdue only while unanswered at the end of the window (R17)', () => {
    const doc = late.reduce(evolveRequestDoc, undefined)!;
    // April: received, late answer given 4-19, the reopened round due 5-8 not yet passed on 4-30.
    expect(requestFigures([doc], { from: on('2024-04-01'), to: on('2024-04-30') })).toEqual({
      received: 1,
      closed: 0,
      closedOnTime: 0,
      overdue: 0,
      evaluated: 1,
      satisfied: 0,
      satisfaction: { numerator: 0, denominator: 1, basisPoints: 0 },
    });
    // May: the reopened round unanswered past 5-8 at the end of the month.
    expect(requestFigures([doc], { from: on('2024-05-01'), to: on('2024-05-31') })).toMatchObject({
      received: 0,
      overdue: 1,
    });
    // A closed loop with a late first answer is closed, not closed on time.
    const closed = eventsOf([
      receive,
      assign,
      handle('2024-04-19'),
      evaluate(1, true, '2024-04-22'),
      { type: 'CloseRequest', requestId, closedOn: date('2024-04-23'), closedBy: text('区营商办') },
    ]).reduce(evolveRequestDoc, undefined)!;
    const { departments } = requestReview([closed], ['jingkaiqu'], {
      from: on('2024-04-01'),
      to: on('2024-04-30'),
    });
    expect(departments).toEqual([
      expect.objectContaining({
        departmentId: 'administrative-approval',
        received: 1,
        closed: 1,
        closedOnTime: 0,
      }),
    ]);
  });
});
