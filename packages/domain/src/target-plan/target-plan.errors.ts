import type { ErrorMessage } from '../shared/errors';

/**
 * Error codes of the annual target plan, with bilingual messages ({param} placeholders).
 * Stable, documented in docs/domain.md, never reused.
 */
export const targetPlanErrors = {
  TARGETS_ALREADY_SET: {
    zh: '{unitId} 的 {year} 年度目标已下达，请用修订',
    en: 'Targets for {unitId} in {year} are already set; revise them instead',
    rule: 'R11',
  },
  TARGETS_NOT_SET: {
    zh: '{unitId} 的 {year} 年度目标尚未下达，无法修订',
    en: 'Targets for {unitId} in {year} have not been set, so they cannot be revised',
    rule: 'R11',
  },
  NO_TARGETS: {
    zh: '目标任务清单为空',
    en: 'The list of targets is empty',
    rule: 'R11',
  },
  DUPLICATE_METRIC: {
    zh: '指标 {metric}（门槛 {minInvestment} 分）在同一份目标中出现多次',
    en: 'Metric {metric} (threshold {minInvestment} fen) appears more than once in the plan',
    rule: 'R11',
  },
  METRIC_UNIT_MISMATCH: {
    zh: '指标 {metric} 的计量单位应为 {expected}，而不是 {actual}',
    en: 'Metric {metric} is measured as {expected}, not {actual}',
    rule: 'R11',
  },
} as const satisfies Record<string, ErrorMessage>;

export type TargetPlanErrorCode = keyof typeof targetPlanErrors;
