import type { Department } from '../project/project.vocabulary';
import type { BusinessDate } from '../shared/dates';
import type { RequestId, UnitId } from '../shared/ids';
import type { Count } from '../shared/money';
import type {
  EnterpriseRequestEventOf,
  HandlingDeadline,
  RequestCategory,
  RequestKind,
} from './enterprise-request.events';

/** Where a request is in its closed loop (004 §(十二)). */
export type RequestStatus = 'received' | 'assigned' | 'handled' | 'satisfied' | 'closed';

/** One answer of the department and what the enterprise said of it. */
export interface HandlingRound {
  readonly round: Count;
  /** The day this round began: handed out (round 1) or reopened (later rounds). */
  readonly since: BusinessDate;
  readonly limit: HandlingDeadline;
  readonly answer?: {
    readonly on: BusinessDate;
    readonly answer: string;
    readonly by: string;
    /** Whether it kept the limit; absent while the limit waited for a year's holiday schedule. */
    readonly withinTimeLimit?: boolean;
  };
  readonly evaluation?: { readonly on: BusinessDate; readonly satisfied: boolean; readonly by: string };
}

/** A request that has been received. */
export interface EnterpriseRequest {
  readonly status: RequestStatus;
  readonly requestId: RequestId;
  readonly unitId: UnitId;
  readonly kind: RequestKind;
  readonly category: RequestCategory;
  readonly receivedOn: BusinessDate;
  /** What was received, as recorded (a repeated ReceiveRequest is recognised by it). */
  readonly receipt: EnterpriseRequestEventOf<'RequestReceived'>['data'];
  readonly department?: Department;
  readonly assignedOn?: BusinessDate;
  /** Every round of handling, the current one last. */
  readonly rounds: ReadonlyArray<HandlingRound>;
  readonly closedOn?: BusinessDate;
}

/** No request on the stream yet. */
export interface NoRequest {
  readonly status: 'none';
}

export type EnterpriseRequestState = NoRequest | EnterpriseRequest;

export const initialEnterpriseRequestState: EnterpriseRequestState = { status: 'none' };

/** The round being handled or evaluated now (undefined before the request is handed out). */
export const currentRound = (s: EnterpriseRequest): HandlingRound | undefined =>
  s.rounds[s.rounds.length - 1];
