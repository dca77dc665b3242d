import type {
  BusinessDate,
  Department,
  RequestCategory,
  RequestChannel,
  RequestKind,
  RequestStatus,
} from '@zhaoshang/domain';
import { collection } from '../read-model';

/**
 * One round of handling of an enterprise request (R17): handed out (交办, round 1) or reopened after
 * an unsatisfied evaluation (later rounds), the department's answer and the enterprise's verdict.
 */
export interface RequestRoundDoc {
  readonly round: number;
  /** The day the round began: handed out or reopened. */
  readonly since: BusinessDate;
  /** The time limit in working days on the official calendar. */
  readonly workingDays: number;
  /** The round's due date; absent while it waits for a year's official holiday schedule. */
  readonly dueOn?: BusinessDate;
  readonly pendingCalendarYear?: number;
  readonly handledOn?: BusinessDate;
  readonly handledBy?: string;
  readonly answer?: string;
  readonly workingDaysTaken?: number;
  /** Whether the answer kept the limit; absent while the limit cannot be counted yet. */
  readonly withinTimeLimit?: boolean;
  readonly evaluatedOn?: BusinessDate;
  readonly satisfied?: boolean;
  readonly comment?: string;
}

/** The requests read model (企业诉求台账): one document per request, its loop as it stands. */
export interface RequestDoc {
  readonly requestId: string;
  readonly unitId: string;
  readonly kind: RequestKind;
  readonly channel: RequestChannel;
  readonly category: RequestCategory;
  readonly enterpriseName: string;
  readonly creditCode?: string;
  readonly projectId?: string;
  readonly contact?: string;
  readonly text: string;
  readonly status: RequestStatus;
  readonly receivedOn: BusinessDate;
  readonly receivedBy: string;
  /** The department it was handed to (交办). */
  readonly departmentId?: Department;
  readonly assignedOn?: BusinessDate;
  readonly assignedBy?: string;
  /** The current round's due date (absent before 交办 or while it waits for a holiday schedule). */
  readonly dueOn?: BusinessDate;
  /** The current round's limit waits for this year's official holiday schedule. */
  readonly pendingCalendarYear?: number;
  /** Some round's limit waits for a year's holiday schedule (the deadline watcher's question). */
  readonly pendingCalendar: boolean;
  /** The latest answer's day. */
  readonly handledOn?: BusinessDate;
  /** The enterprise's latest verdict. */
  readonly evaluation?: { readonly round: number; readonly satisfied: boolean; readonly on: BusinessDate };
  readonly closedOn?: BusinessDate;
  readonly rounds: ReadonlyArray<RequestRoundDoc>;
}

export const requestsCollection = collection<RequestDoc>('requests', [
  { name: 'unit_received', fields: ['unitId', 'receivedOn'] },
  { name: 'department', fields: ['departmentId'] },
  { name: 'status', fields: ['status'] },
  { name: 'pending_calendar', fields: ['pendingCalendar'] },
]);

/** A request as a list shows it on a date (the server's today): whether its current round is overdue. */
export interface RequestEntry extends RequestDoc {
  readonly asOf: BusinessDate;
  /** With a department, unanswered, and past its due date on `asOf`. */
  readonly overdue: boolean;
  /** Calendar days past the due date (as the supervision list counts them). */
  readonly daysOverdue: number;
}
