import * as E from 'fp-ts/Either';
import type { Either } from 'fp-ts/Either';
import type { Decider } from '../shared/decider';
import { domainError, type DomainError, type ErrorParams } from '../shared/errors';
import type { ReviseAnnualTargets, SetAnnualTargets, TargetPlanCommand } from './target-plan.commands';
import {
  metricKinds,
  type MetricTarget,
  type TargetPlanEvent,
  type Targets,
  type TargetValue,
} from './target-plan.events';
import type { TargetPlanErrorCode } from './target-plan.errors';
import { evolveTargetPlan } from './target-plan.evolve';
import { initialTargetPlanState, type TargetPlanState, type TargetsInForce } from './target-plan.state';

type Decision = Either<DomainError, ReadonlyArray<TargetPlanEvent>>;

/** A refusal with a code of the catalogue (a code missing there fails to compile). */
const refuse = (code: TargetPlanErrorCode, params: ErrorParams = {}): E.Either<DomainError, never> =>
  E.left(domainError(code, params));

/** What identifies an entry within a plan: its metric and its threshold ('signedProjects@10000000000'). */
export const metricTargetKey = (entry: MetricTarget): string =>
  `${entry.metric}@${entry.minInvestment === undefined ? 'all' : entry.minInvestment}`;

const valueText = (v: TargetValue): string =>
  v.kind === 'rate' ? `rate:${v.basisPoints}` : `${v.kind}:${v.value}`;

/** Two lists set the same targets, whatever their order. */
export const sameTargets = (a: Targets, b: Targets): boolean => {
  if (a.length !== b.length) return false;
  const lines = (ts: Targets) => ts.map((e) => `${metricTargetKey(e)}=${valueText(e.target)}`).sort();
  const la = lines(a);
  const lb = lines(b);
  return la.every((line, i) => line === lb[i]);
};

/** A plan lists at least one metric, each once per threshold, each in the metric's own unit (R11). */
export const requireValidTargets = (targets: Targets): Either<DomainError, Targets> => {
  if (targets.length === 0) return refuse('NO_TARGETS');
  const seen = new Set<string>();
  for (const entry of targets) {
    const expected = metricKinds[entry.metric];
    if (entry.target.kind !== expected) {
      return refuse('METRIC_UNIT_MISMATCH', { metric: entry.metric, expected, actual: entry.target.kind });
    }
    const key = metricTargetKey(entry);
    if (seen.has(key)) {
      return refuse('DUPLICATE_METRIC', { metric: entry.metric, minInvestment: entry.minInvestment ?? null });
    }
    seen.add(key);
  }
  return E.right(targets);
};

/** Targets are set once per unit and year; an identical repeat (of the original or current list) is harmless. */
export const requireNotYetSet = (c: SetAnnualTargets, s: TargetsInForce): Decision =>
  s.unitId === c.unitId &&
  s.year === c.year &&
  s.scope === c.scope &&
  (sameTargets(c.targets, s.originalTargets) || sameTargets(c.targets, s.targets))
    ? E.right([])
    : refuse('TARGETS_ALREADY_SET', { unitId: s.unitId, year: s.year });

/** R11: a unit's targets for a year, set once (the list checked by `requireValidTargets`). */
export const decideSetAnnualTargets = (c: SetAnnualTargets, s: TargetPlanState): Decision =>
  E.flatMap(requireValidTargets(c.targets), (targets): Decision => {
    if (s.status === 'set') return requireNotYetSet(c, s);
    return E.right([
      {
        type: 'AnnualTargetsSet',
        data: {
          unitId: c.unitId,
          year: c.year,
          scope: c.scope,
          targets,
          setOn: c.setOn,
          setBy: c.setBy,
          ...(c.basis === undefined ? {} : { basis: c.basis }),
        },
      },
    ]);
  });

/** A revision changes targets that were set (an unset plan has nothing to revise). */
export const requireTargetsSet = (
  c: ReviseAnnualTargets,
  s: TargetPlanState,
): Either<DomainError, TargetsInForce> =>
  s.status === 'unset' ? refuse('TARGETS_NOT_SET', { unitId: c.unitId, year: c.year }) : E.right(s);

/** R11: a revision of the targets in force, with its reason; revising to the same list is harmless. */
export const decideReviseAnnualTargets = (c: ReviseAnnualTargets, state: TargetPlanState): Decision =>
  E.flatMap(requireTargetsSet(c, state), (s) =>
    E.flatMap(requireValidTargets(c.targets), (targets): Decision =>
      sameTargets(targets, s.targets)
        ? E.right([]) // nothing would change: already revised to this list
        : E.right([
            {
              type: 'AnnualTargetsRevised',
              data: {
                unitId: s.unitId,
                year: s.year,
                targets,
                revisedOn: c.revisedOn,
                revisedBy: c.revisedBy,
                reason: c.reason,
              },
            },
          ]),
    ),
  );

export const decideTargetPlan = (command: TargetPlanCommand, state: TargetPlanState): Decision => {
  switch (command.type) {
    case 'SetAnnualTargets':
      return decideSetAnnualTargets(command, state);
    case 'ReviseAnnualTargets':
      return decideReviseAnnualTargets(command, state);
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
};

/** The annual target plan (stream per unit and year, R11/R12). */
export const targetPlanDecider: Decider<TargetPlanCommand, TargetPlanEvent, TargetPlanState> = {
  initialState: initialTargetPlanState,
  evolve: evolveTargetPlan,
  decide: decideTargetPlan,
  isTerminal: () => false,
};
