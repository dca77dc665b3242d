import type { Projection, ProjectionName } from './read-model';
import { fulfilmentProjection } from './fulfilment/fulfilment.projection';
import { performanceReviewProjection } from './performance-review/performance-review.projection';
import { registerProjection } from './register/register.projection';
import { supervisionProjection } from './supervision/supervision.projection';
import { targetProgressProjection } from './target-progress/target-progress.projection';
// enterprise requests (R17)
import { requestsProjection } from './requests/requests.projection';
// land plots and the land-quota ledger (R19)
import { landProjection } from './land/land.projection';
// Leading-group meetings and their 交办 items (R20)
import { meetingsProjection } from './meetings/meetings.projection';
// advisors (招商顾问, R21 · 002 §八) and the investor directory (客商目录, 002 §一)
import { advisorsProjection } from './advisors/advisors.projection';
import { investorDirectoryProjection } from './investor-directory/investor-directory.projection';

/** Every read model's projection, in the order the runner applies them. */
export const allProjections: ReadonlyArray<Projection> = [
  registerProjection,
  targetProgressProjection,
  performanceReviewProjection,
  fulfilmentProjection,
  supervisionProjection,
  // enterprise requests (R17)
  requestsProjection,
  // land plots and the land-quota ledger (R19)
  landProjection,
  // Leading-group meetings and their 交办 items (R20)
  meetingsProjection,
  // advisors (招商顾问, R21 · 002 §八) and the investor directory (客商目录, 002 §一)
  advisorsProjection,
  investorDirectoryProjection,
];

/** The projections with the given names (all when none is given); throws on an unknown name. */
export const selectProjections = (names?: ReadonlyArray<string>): ReadonlyArray<Projection> => {
  if (names === undefined || names.length === 0) return allProjections;
  return names.map((n) => {
    const p = allProjections.find((x) => x.name === (n as ProjectionName));
    if (p === undefined)
      throw new RangeError(`unknown projection ${n}; known: ${allProjections.map((x) => x.name).join(', ')}`);
    return p;
  });
};
