// advisors (招商顾问, R21 · 002 §八)
import { advisorErrors } from './advisor/advisor.errors';
import { bulletinErrors } from './bulletin/bulletin.errors';
import { enterpriseRequestErrors } from './enterprise-request/enterprise-request.errors';
import { plotErrors } from './land/plot.errors';
import { landQuotaErrors } from './land-quota/land-quota.errors';
// Leading-group meetings and their 交办 items (R20)
import { meetingErrors } from './meeting/meeting.errors';
import { leaderActivityErrors } from './leader-activity/leader-activity.errors';
import { projectErrors } from './project/project.errors';
import { businessDateErrors } from './shared/business-date';
import type { ErrorMessage, ErrorParams, Language } from './shared/errors';
import { renderMessage } from './shared/errors';
import { targetPlanErrors } from './target-plan/target-plan.errors';
import { workingCalendarErrors } from './working-calendar/working-calendar.errors';

/**
 * Every domain error code with its bilingual message, in one catalogue (docs/domain.md lists it).
 * A code is defined once: a clash between aggregates fails to compile below.
 */
export const domainErrors = {
  ...businessDateErrors,
  ...projectErrors,
  ...targetPlanErrors,
  ...leaderActivityErrors,
  ...bulletinErrors,
  ...workingCalendarErrors,
  ...enterpriseRequestErrors,
  // land plots and the land-quota ledger (R19)
  ...plotErrors,
  ...landQuotaErrors,
  // Leading-group meetings and their 交办 items (R20)
  ...meetingErrors,
  // advisors (招商顾问, R21 · 002 §八)
  ...advisorErrors,
} as const satisfies Record<string, ErrorMessage>;

export type DomainErrorCode = keyof typeof domainErrors;

type Overlap<A, B> = Extract<keyof A, keyof B>;
// Compile-time guard: no code may be defined by two aggregates.
const _noClash: [
  Overlap<typeof projectErrors, typeof targetPlanErrors>,
  Overlap<typeof projectErrors, typeof leaderActivityErrors>,
  Overlap<typeof projectErrors, typeof bulletinErrors>,
  Overlap<typeof targetPlanErrors, typeof leaderActivityErrors>,
  Overlap<typeof targetPlanErrors, typeof bulletinErrors>,
  Overlap<typeof leaderActivityErrors, typeof bulletinErrors>,
  Overlap<typeof projectErrors & typeof targetPlanErrors, typeof workingCalendarErrors>,
  Overlap<typeof leaderActivityErrors & typeof bulletinErrors, typeof workingCalendarErrors>,
  Overlap<typeof businessDateErrors, typeof projectErrors & typeof targetPlanErrors>,
  Overlap<typeof businessDateErrors, typeof leaderActivityErrors & typeof bulletinErrors>,
  Overlap<typeof businessDateErrors, typeof workingCalendarErrors>,
  Overlap<typeof projectErrors & typeof targetPlanErrors, typeof enterpriseRequestErrors>,
  Overlap<typeof leaderActivityErrors & typeof bulletinErrors, typeof enterpriseRequestErrors>,
  Overlap<typeof workingCalendarErrors & typeof businessDateErrors, typeof enterpriseRequestErrors>,
] extends [never, never, never, never, never, never, never, never, never, never, never, never, never, never]
  ? true
  : false = true;
void _noClash;
// land (R19): no code of the plot or the land-quota ledger is defined elsewhere.
type OtherErrors = typeof businessDateErrors &
  typeof projectErrors &
  typeof targetPlanErrors &
  typeof leaderActivityErrors &
  typeof bulletinErrors &
  typeof workingCalendarErrors &
  typeof enterpriseRequestErrors;
const _noLandClash: [
  Overlap<OtherErrors, typeof plotErrors>,
  Overlap<OtherErrors, typeof landQuotaErrors>,
  Overlap<typeof plotErrors, typeof landQuotaErrors>,
] extends [never, never, never]
  ? true
  : false = true;
void _noLandClash;
// Leading-group meetings and their 交办 items (R20): no code of theirs is another aggregate's.
const _meetingNoClash: Overlap<
  typeof projectErrors &
    typeof targetPlanErrors &
    typeof leaderActivityErrors &
    typeof bulletinErrors &
    typeof workingCalendarErrors &
    typeof businessDateErrors &
    typeof enterpriseRequestErrors &
    typeof plotErrors &
    typeof landQuotaErrors,
  typeof meetingErrors
> extends never
  ? true
  : false = true;
void _meetingNoClash;

// advisors (招商顾问, R21 · 002 §八): no advisor code is defined by another aggregate.
const _noAdvisorClash: [
  Overlap<
    typeof advisorErrors,
    typeof projectErrors &
      typeof targetPlanErrors &
      typeof leaderActivityErrors &
      typeof bulletinErrors &
      typeof workingCalendarErrors &
      typeof businessDateErrors &
      typeof enterpriseRequestErrors &
      typeof plotErrors &
      typeof landQuotaErrors
  >,
] extends [never]
  ? true
  : false = true;
void _noAdvisorClash;

/** The message of an error for a person, in Chinese or English (unknown codes fall back to the code). */
export const describeError = (
  error: { readonly code: string; readonly params: ErrorParams },
  language: Language,
): string => {
  const entry = (domainErrors as Record<string, ErrorMessage>)[error.code];
  return entry === undefined ? error.code : renderMessage(entry, error.params, language);
};
