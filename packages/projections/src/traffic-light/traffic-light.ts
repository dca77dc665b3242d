import { addMonths, daysBetween, type BusinessDate, type TrafficLight } from '@zhaoshang/domain';

/**
 * Traffic lights (DOMAIN.md §6): green done, blue on time, yellow near a deadline or behind
 * 序时进度, red overdue. The thresholds differ by region, so they are data; the defaults are the
 * figures of the deployments the survey describes.
 */
/** A traffic light; the domain's vocabulary names it (`vocabulary.trafficLights`). */
export type Light = TrafficLight;

export interface TrafficLightThresholds {
  /** A node is yellow this many days before its deadline (the survey's "last 48 hours" on business dates). */
  readonly deadlineWarningDays: number;
  /** A unit metric lagging its 序时进度 by at least this many percentage points is yellow … */
  readonly unitLagYellowPoints: number;
  /** … and red when it lags by more than this many. */
  readonly unitLagRedPoints: number;
  /** A started project not yet in the statistics this many months after its start is yellow … */
  readonly statisticsYellowMonths: number;
  /** … and red after this many. */
  readonly statisticsRedMonths: number;
  /** A lead with no progress for this many months is yellow … */
  readonly leadIdleYellowMonths: number;
  /** … red after this many … */
  readonly leadIdleRedMonths: number;
  /** … and dropped from the active list after this many. */
  readonly leadDropMonths: number;
}

/** The defaults of DOMAIN.md §6. */
export const defaultThresholds: TrafficLightThresholds = {
  deadlineWarningDays: 2,
  unitLagYellowPoints: 10,
  unitLagRedPoints: 30,
  statisticsYellowMonths: 1,
  statisticsRedMonths: 2,
  leadIdleYellowMonths: 2,
  leadIdleRedMonths: 3,
  leadDropMonths: 6,
};

const RANK: { readonly [K in Light]: number } = { green: 0, blue: 1, yellow: 2, red: 3 };

/** The more alarming of two lights. */
export const worse = (a: Light, b: Light): Light => (RANK[b] > RANK[a] ? b : a);

/** The most alarming light of a list (green for an empty list). */
export const worst = (lights: Iterable<Light>): Light => {
  let out: Light = 'green';
  for (const l of lights) out = worse(out, l);
  return out;
};

/**
 * A node with a deadline: green once done, red the day after its deadline, yellow from
 * `deadlineWarningDays` before it, blue otherwise. A deadline is missed the day after it (the due
 * day itself is on time), as the domain's milestone watcher has it.
 */
export const nodeLight = (
  node: { readonly dueOn?: BusinessDate; readonly doneOn?: BusinessDate },
  asOf: BusinessDate,
  t: TrafficLightThresholds = defaultThresholds,
): Light => {
  if (node.doneOn !== undefined && node.doneOn <= asOf) return 'green';
  if (node.dueOn === undefined) return 'blue';
  if (asOf > node.dueOn) return 'red';
  return daysBetween(asOf, node.dueOn) <= t.deadlineWarningDays ? 'yellow' : 'blue';
};

/**
 * A unit's metric against its 序时进度: green once the target is reached, otherwise by how many
 * percentage points the completion lags the time-elapsed expectation.
 */
export const metricLight = (
  percentOfTarget: number,
  expectedPercent: number,
  t: TrafficLightThresholds = defaultThresholds,
): Light => {
  if (percentOfTarget >= 100) return 'green';
  const lag = expectedPercent - percentOfTarget;
  if (lag > t.unitLagRedPoints) return 'red';
  if (lag >= t.unitLagYellowPoints) return 'yellow';
  return 'blue';
};

/** Whole months from `from` to `to` (a month counts once its day has come round). */
export const monthsBetween = (from: BusinessDate, to: BusinessDate): number => {
  if (to < from) return 0;
  let months =
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    Number(to.slice(5, 7)) -
    Number(from.slice(5, 7));
  if (addMonths(from, months) > to) months -= 1;
  return Math.max(0, months);
};

/** A started project waiting for statistics (入库纳统): yellow after 1 month, red after 2 (defaults). */
export const statisticsLight = (
  startedOn: BusinessDate | undefined,
  statisticsOn: BusinessDate | undefined,
  asOf: BusinessDate,
  t: TrafficLightThresholds = defaultThresholds,
): Light | undefined => {
  if (startedOn === undefined || startedOn > asOf) return undefined;
  if (statisticsOn !== undefined && statisticsOn <= asOf) return 'green';
  const months = monthsBetween(startedOn, asOf);
  if (months >= t.statisticsRedMonths) return 'red';
  if (months >= t.statisticsYellowMonths) return 'yellow';
  return 'blue';
};

/** A lead without progress: yellow after 2 months, red after 3, dropped after 6 (defaults). */
export const leadLight = (
  lastActivityOn: BusinessDate,
  asOf: BusinessDate,
  t: TrafficLightThresholds = defaultThresholds,
): { readonly light: Light; readonly dropped: boolean; readonly idleMonths: number } => {
  const idleMonths = monthsBetween(lastActivityOn, asOf);
  const light: Light =
    idleMonths >= t.leadIdleRedMonths ? 'red' : idleMonths >= t.leadIdleYellowMonths ? 'yellow' : 'blue';
  return { light, dropped: idleMonths >= t.leadDropMonths, idleMonths };
};
