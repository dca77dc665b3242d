import { count } from '../shared/money';
import type { EnterpriseRequestEvent } from './enterprise-request.events';
import type { EnterpriseRequest, EnterpriseRequestState, HandlingRound } from './enterprise-request.state';

/** The current round changed by `f` (evolve stays total: no round yet leaves the rounds as they are). */
const withCurrentRound = (
  s: EnterpriseRequest,
  f: (r: HandlingRound) => HandlingRound,
): EnterpriseRequest['rounds'] =>
  s.rounds.length === 0 ? s.rounds : [...s.rounds.slice(0, -1), f(s.rounds[s.rounds.length - 1]!)];

/** Records what happened; never validates (the decider already did). */
export const evolveEnterpriseRequest = (
  state: EnterpriseRequestState,
  event: EnterpriseRequestEvent,
): EnterpriseRequestState => {
  if (event.type === 'RequestReceived') {
    const d = event.data;
    return {
      status: 'received',
      requestId: d.requestId,
      unitId: d.unitId,
      kind: d.kind,
      category: d.category,
      receivedOn: d.receivedOn,
      receipt: d,
      rounds: [],
    };
  }
  // Any other event on an empty stream cannot be emitted by decide; evolve stays total anyway.
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'RequestAssigned': {
      const d = event.data;
      return {
        ...state,
        status: 'assigned',
        department: d.department,
        assignedOn: d.assignedOn,
        rounds: [{ round: count(1), since: d.assignedOn, limit: d.limit }],
      };
    }
    case 'RequestHandled': {
      const d = event.data;
      return {
        ...state,
        status: 'handled',
        rounds: withCurrentRound(state, (r) => ({
          ...r,
          answer: {
            on: d.handledOn,
            answer: d.answer,
            by: d.handledBy,
            ...(d.withinTimeLimit !== undefined ? { withinTimeLimit: d.withinTimeLimit } : {}),
          },
        })),
      };
    }
    case 'RequestEvaluated': {
      const d = event.data;
      return {
        ...state,
        status: d.satisfied ? 'satisfied' : state.status,
        rounds: withCurrentRound(state, (r) => ({
          ...r,
          evaluation: { on: d.evaluatedOn, satisfied: d.satisfied, by: d.evaluatedBy },
        })),
      };
    }
    case 'RequestReopened': {
      const d = event.data;
      return {
        ...state,
        status: 'assigned',
        rounds: [...state.rounds, { round: d.round, since: d.reopenedOn, limit: d.limit }],
      };
    }
    case 'RequestDeadlineComputed': {
      const d = event.data;
      return {
        ...state,
        rounds: state.rounds.map((r) =>
          r.round !== d.round
            ? r
            : {
                ...r,
                limit: { ...r.limit, deadline: { kind: 'due', dueOn: d.dueOn } },
                ...(r.answer !== undefined && d.withinTimeLimit !== undefined
                  ? { answer: { ...r.answer, withinTimeLimit: d.withinTimeLimit } }
                  : {}),
              },
        ),
      };
    }
    case 'RequestClosed':
      return { ...state, status: 'closed', closedOn: event.data.closedOn };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};
