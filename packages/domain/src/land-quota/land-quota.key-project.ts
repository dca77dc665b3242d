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
