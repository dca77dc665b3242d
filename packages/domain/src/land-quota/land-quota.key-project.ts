import * as E from 'fp-ts/Either';
import type { Either } from 'fp-ts/Either';
import { domainError, type DomainError } from '../shared/errors';
import { defaultProjectPolicy, type ProjectPolicy } from '../project/project.policy';
import type { ProjectState } from '../project/project.state';

/**
 * R19 (001 §(二) 有限指标保重点): whether a project may use the quota reserved for key projects — a
 * signed project whose fixed-asset investment in force reaches the policy's key-project threshold
 * (the threshold R6 uses for 重点项目). The API checks a UseLandQuota's `keyProject` against it.
 */
export const isKeyProject = (state: ProjectState, policy: ProjectPolicy = defaultProjectPolicy): boolean =>
  state.status !== 'none' &&
  state.agreement !== undefined &&
  state.agreement.terms.fixedAssetInvestment >= policy.keyProjectThreshold;

/**
 * R19 (001 §(二) 保重点): a use of land quota that claims the key-project reservation names a key
 * project. The ledger cannot see the project's stream, so the API checks the claim against the
 * project's state before the ledger decides (the ledger then trusts `keyProject`).
 */
export const requireKeyProjectClaim = (
  claimsKeyProject: boolean,
  projectId: string,
  project: ProjectState,
  policy: ProjectPolicy = defaultProjectPolicy,
): Either<DomainError, true> =>
  !claimsKeyProject || isKeyProject(project, policy)
    ? E.right(true)
    : E.left(domainError('LAND_QUOTA_NOT_A_KEY_PROJECT', { projectId }));
