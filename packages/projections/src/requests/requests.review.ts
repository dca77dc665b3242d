import { basisPoints, type Department } from '@zhaoshang/domain';
import type { Rate, Window } from '../counting/project-facts';
import type { RequestDoc, RequestRoundDoc } from './requests.document';

/**
 * Enterprise requests in a performance review (R17, 004 §(十二) 事后跟踪评价; issue #16: "the
 * performance review counts received, closed on time, overdue and satisfaction per unit and
 * department"). For a unit, `received` counts what it received (受理) in the period; for a
 * department, what was handed to it (交办) in the period.
 */
export interface RequestFigures {
  readonly received: number;
  /** Closed (办结归档) in the period. */
  readonly closed: number;
  /** Of those closed, every answer of the department within its round's time limit. */
  readonly closedOnTime: number;
  /** With a department and unanswered at the end of the period, past the round's due date. */
  readonly overdue: number;
  /** The enterprise's verdicts given in the period, and the satisfied ones among them. */
  readonly evaluated: number;
  readonly satisfied: number;
  /** satisfied / evaluated. */
  readonly satisfaction: Rate;
}

/** One department's row of the review's request table. */
export interface DepartmentRequestReview extends RequestFigures {
  readonly departmentId: Department;
}

const within = (d: string | undefined, w: Window): boolean => d !== undefined && d >= w.from && d <= w.to;

/** The round in force at the end of the window: the last one begun by then. */
const roundAt = (doc: RequestDoc, day: string): RequestRoundDoc | undefined =>
  [...doc.rounds].reverse().find((r) => r.since <= day);

/** R17: unanswered at the end of the window, its round's due date passed (a pending limit never is). */
const overdueAt = (doc: RequestDoc, w: Window): boolean => {
  if (doc.closedOn !== undefined && doc.closedOn <= w.to) return false;
  const r = roundAt(doc, w.to);
  if (r === undefined || r.dueOn === undefined) return false;
  const answered = r.handledOn !== undefined && r.handledOn <= w.to;
  return !answered && r.dueOn < w.to;
};

const onTime = (doc: RequestDoc): boolean =>
  doc.rounds.every((r) => r.handledOn === undefined || r.withinTimeLimit === true);

/** The figures of some requests in a window; `arrived` says which day counts as received. */
export const requestFigures = (
  docs: ReadonlyArray<RequestDoc>,
  w: Window,
  arrived: (d: RequestDoc) => string | undefined = (d) => d.receivedOn,
): RequestFigures => {
  let received = 0;
  let closed = 0;
  let closedOnTime = 0;
  let overdue = 0;
  let evaluated = 0;
  let satisfied = 0;
  for (const d of docs) {
    if (within(arrived(d), w)) received += 1;
    if (within(d.closedOn, w)) {
      closed += 1;
      if (onTime(d)) closedOnTime += 1;
    }
    if (overdueAt(d, w)) overdue += 1;
    for (const r of d.rounds) {
      if (!within(r.evaluatedOn, w)) continue;
      evaluated += 1;
      if (r.satisfied === true) satisfied += 1;
    }
  }
  const bp = basisPoints(satisfied, evaluated);
  return {
    received,
    closed,
    closedOnTime,
    overdue,
    evaluated,
    satisfied,
    satisfaction:
      bp === undefined
        ? { numerator: satisfied, denominator: evaluated }
        : { numerator: satisfied, denominator: evaluated, basisPoints: bp },
  };
};

/** Per unit (the units reviewed) and per department that was handed a request. */
export const requestReview = (
  docs: ReadonlyArray<RequestDoc>,
  unitIds: ReadonlyArray<string>,
  w: Window,
): {
  readonly units: ReadonlyMap<string, RequestFigures>;
  readonly departments: ReadonlyArray<DepartmentRequestReview>;
} => {
  const units = new Map(
    unitIds.map(
      (u) =>
        [
          u,
          requestFigures(
            docs.filter((d) => d.unitId === u),
            w,
          ),
        ] as const,
    ),
  );
  const departmentIds = [
    ...new Set(docs.flatMap((d) => (d.departmentId === undefined ? [] : [d.departmentId]))),
  ].sort();
  const departments = departmentIds
    .map((departmentId) => ({
      departmentId,
      ...requestFigures(
        docs.filter((d) => d.departmentId === departmentId),
        w,
        (d) => d.assignedOn,
      ),
    }))
    .filter((d) => d.received + d.closed + d.overdue + d.evaluated > 0);
  return { units, departments };
};
