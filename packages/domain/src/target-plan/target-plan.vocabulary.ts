import type { Labels } from '../shared/label';
import type { PlanScope, TargetKind } from './target-plan.events';

/** What a target of each kind is measured in. */
export const targetKindLabels = {
  count: { zh: '个数', en: 'Count' },
  cny: { zh: '金额（元）', en: 'Amount (CNY)' },
  usd: { zh: '金额（美元）', en: 'Amount (USD)' },
  rate: { zh: '比率', en: 'Rate' },
} as const satisfies Labels<TargetKind>;

/** Whose plan it is (R11/R12: each unit's plan, and the region-wide plan). */
export const planScopeLabels = {
  unit: { zh: '单位目标', en: "A unit's plan" },
  region: { zh: '全区目标', en: 'The region-wide plan' },
} as const satisfies Labels<PlanScope>;
