import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { WorkingDayCalendar } from '../shared/working-days';
import type { ProjectEvent, ProjectEventOf } from './project.events';
import type { ProjectPolicy } from './project.policy';
import type { Check, ProjectError } from './project.rules';

/** What deciding a project command gives: the events to record (`[]`: already satisfied) or a refusal. */
export type Result = E.Either<ProjectError, ReadonlyArray<ProjectEvent>>;

/** What a project decider needs from outside: the working-day calendar and the figures of the rules. */
export interface ProjectDeciderDeps {
  readonly calendar: WorkingDayCalendar;
  readonly policy: ProjectPolicy;
}

type Data<T extends ProjectEvent['type']> = ProjectEventOf<T>['data'];

/** An event of the given type with its data. */
export const emit = <T extends ProjectEvent['type']>(type: T, data: Data<T>): ProjectEvent =>
  ({ type, data }) as ProjectEvent;

/** The command is already satisfied: nothing new to record. */
export const nothing: Result = E.right([]);

/** The events, once the checks pass. */
export const then = (check: Check, events: () => ReadonlyArray<ProjectEvent>): Result =>
  pipe(
    check,
    E.map(() => events()),
  );

export { same, withoutType } from '../shared/decision';
