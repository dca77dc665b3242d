import type * as E from 'fp-ts/Either';
import { bulletinCommandDates } from './bulletin/bulletin.commands';
import type { BulletinCommand } from './bulletin/bulletin.commands';
import { leaderActivityCommandDates } from './leader-activity/leader-activity.commands';
import type { LeaderActivityCommand } from './leader-activity/leader-activity.commands';
import { projectCommandDates } from './project/project.commands';
import type { ProjectCommand } from './project/project.commands';
import { requireFactsNotAfter, type BusinessDateErrorCode, type FactDates } from './shared/business-date';
import type { BusinessDate } from './shared/dates';
import type { DomainError } from './shared/errors';
import { targetPlanCommandDates } from './target-plan/target-plan.commands';
import { workingCalendarCommandDates } from './working-calendar/working-calendar.commands';
import type { WorkingCalendarCommand } from './working-calendar/working-calendar.commands';
import type { TargetPlanCommand } from './target-plan/target-plan.commands';

/** A command of any aggregate (command types are unique across aggregates). */
export type AnyCommand =
  ProjectCommand | TargetPlanCommand | LeaderActivityCommand | BulletinCommand | WorkingCalendarCommand;

/** The dates any command states as facts, its business date first (each aggregate knows its own). */
export const commandFactDates = (c: AnyCommand): FactDates => {
  switch (c.type) {
    case 'SetAnnualTargets':
    case 'ReviseAnnualTargets':
      return targetPlanCommandDates(c);
    case 'RecordOutboundTrip':
    case 'CorrectOutboundTrip':
      return leaderActivityCommandDates(c);
    case 'PublishBulletin':
    case 'CorrectBulletin':
      return bulletinCommandDates(c);
    case 'AdoptHolidaySchedule':
    case 'CorrectHolidaySchedule':
      return workingCalendarCommandDates(c);
    default:
      return projectCommandDates(c);
  }
};

/** The business date of any command: the day of the fact it records, in China (DOMAIN.md §5). */
export const commandBusinessDate = (c: AnyCommand): BusinessDate => commandFactDates(c)[0].date;

/**
 * DOMAIN.md §5: no fact is dated after the day it is recorded. A pure check: `today` is the
 * server's business date in Asia/Shanghai, which the caller (the API's clock) passes in.
 */
export const requireNotAfter =
  (today: BusinessDate) =>
  (c: AnyCommand): E.Either<DomainError<BusinessDateErrorCode>, void> =>
    requireFactsNotAfter(today)(commandFactDates(c));
