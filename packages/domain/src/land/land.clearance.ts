import type { BusinessDate } from '../shared/dates';
import { cny, type Cny } from '../shared/money';
import type { LandArea } from './land.area';
import type { FlagBasis } from './plot.events';

/**
 * The land clearance's standard as policy data (R19). 003 asks zones to judge land by its yield
 * per 亩 (亩均论英雄) without a figure; the default takes 200 万元 of yearly output per 亩 for an
 * occupied plot in production. A region with its own standard passes its own policy.
 */
export interface LandClearancePolicy {
  /** Yearly output per 亩 (分 per 亩) below which a plot in production is low-efficiency (低效). */
  readonly lowOutputPerMu: Cny;
}

export const defaultLandClearancePolicy: LandClearancePolicy = { lowOutputPerMu: cny.wan(200) };

/** What a clearance reads of a plot's occupant (from the project's facts). */
export interface OccupantFacts {
  /** The construction start the agreement fixed (or the one given when the plot was allocated). */
  readonly agreedStartBy?: BusinessDate;
  readonly constructionStartedOn?: BusinessDate;
  readonly productionStartedOn?: BusinessDate;
  /** The latest yearly output reported (分), and its year. */
  readonly latestOutput?: { readonly year: number; readonly output: number };
}

/**
 * R19 (001 §(四) 每半年土地清理; 圈而不建 坚决收回土地; 003 亩均论英雄): what a clearance as of a day
 * finds on an occupied plot of `area` (0.01 亩) — 圈而不建 when the agreed construction start has passed
 * with no construction started; 低效 when the plot is in production and its latest yearly output per
 * 亩 is below the policy's standard; nothing otherwise. Pure: the day and the facts are given.
 */
export const clearanceFinding = (
  facts: OccupantFacts,
  area: LandArea,
  asOf: BusinessDate,
  policy: LandClearancePolicy = defaultLandClearancePolicy,
): Extract<FlagBasis, 'no-construction' | 'low-output'> | undefined => {
  const { agreedStartBy, constructionStartedOn, productionStartedOn, latestOutput } = facts;
  const started = constructionStartedOn !== undefined && constructionStartedOn <= asOf;
  if (!started && agreedStartBy !== undefined && agreedStartBy < asOf) return 'no-construction';
  const producing = productionStartedOn !== undefined && productionStartedOn <= asOf;
  // Output per 亩 below the standard, compared without dividing (integers: 分 × 0.01 亩).
  if (
    producing &&
    latestOutput !== undefined &&
    area > 0 &&
    latestOutput.output * 100 < policy.lowOutputPerMu * area
  )
    return 'low-output';
  return undefined;
};
