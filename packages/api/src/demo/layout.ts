import { addMonths, date, type BusinessDate } from '@zhaoshang/domain';

/**
 * Where the demo region lies in time (issue #18 item 6: a demo region that lives in the present).
 *
 * The demo is written once, as a reference layout: the region as it stood on DEMO_TODAY
 * (2024-10-31), the day the docs' and tests' figures are quoted for. Seeding places that layout
 * relative to its ANCHOR — the server's business date when the demo is first seeded (`TODAY` when
 * pinned, else the real date): every calendar date of the reference is moved by the same number of
 * whole calendar months (the day of the month kept, clamped to the month's length: 31 March → 30
 * April), so that the reference's last day, the end of October, becomes the month end nearest the
 * anchor. Dates the reference counts in days from another fact (a project's life: 7 days to qualify,
 * 55 to sign …) are counted from the moved fact, and the weekly visits are laid out from the anchor
 * itself. Facts that would fall after the anchor have not happened yet and are left out.
 *
 * Why whole months, not whole weeks: the figures the demo is there to show are calendar ones — a
 * target plan per calendar year and its 序时进度, last month's bulletin, the monthly 例会, half-year
 * land clearances, the lights' and R8's month thresholds (三个月不开工, a lead idle two months) — and a
 * month shift keeps every fact in its place in the month and in the year; a week shift drifts a
 * January plan into March and a history across a year boundary. What weeks would keep, weekdays,
 * matters less here: R18's weekly visits are laid out on the anchor's own weeks, R7's limits (3
 * working days) are met with two calendar days to spare on any weekday, and a holiday schedule the
 * packaged calendar lacks (years after 2026) is "not judged" by the watcher (R7/R18 never guess).
 *
 * The anchor is stored with the data: it is the day of the seeding, written into every demo
 * event's correlation id (`demo-region@<anchor>`), and the seed runs on an empty store only, so later
 * starts never move the region.
 */

/** The day the reference layout stands at: the docs' and tests' figures are quoted for it. */
export const DEMO_TODAY = '2024-10-31';

/** The calendar year of the reference layout. */
const REFERENCE_YEAR = 2024;

/** The demo region placed for one anchor. */
export interface DemoLayout {
  /** The day the region stands at (the anchor): no fact of the demo is dated after it. */
  readonly today: string;
  /** Whole calendar months every reference date is moved by (0: the reference itself). */
  readonly months: number;
}

const monthIndex = (d: string): number => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;

/**
 * The layout for an anchor. An anchor on or before DEMO_TODAY gets the reference itself, as it
 * stood on that day (a server pinned to 2024-06-01 sees the region of June 2024). A later anchor
 * gets the reference moved so that its last day (a month end) is the month end nearest the anchor:
 * the anchor's own month end from the 15th on (the rest of the month's reference facts have not
 * happened yet), else the previous month's (at most 14 days before the anchor).
 */
export const demoLayout = (anchor: string): DemoLayout => {
  if (anchor <= DEMO_TODAY) return { today: anchor, months: 0 };
  const ownMonth = Number(anchor.slice(8, 10)) >= 15;
  return { today: anchor, months: monthIndex(anchor) - monthIndex(DEMO_TODAY) - (ownMonth ? 0 : 1) };
};

/** A date of the reference layout where the layout puts it (`months` later, the day clamped). */
export const placed = (layout: DemoLayout, reference: string): BusinessDate =>
  addMonths(date(reference), layout.months);

/** A reference date of the reference year given as `MM-DD` (or of a later year: `yearsLater`), placed. */
export const placedOn =
  (layout: DemoLayout) =>
  (monthDay: string, yearsLater = 0): BusinessDate =>
    placed(layout, `${REFERENCE_YEAR + yearsLater}-${monthDay}`);

/** The year the reference year (2024) lands in: the year of the demo's ids and labels (XM-<year>-0001). */
export const layoutYear = (layout: DemoLayout): number =>
  Number(placed(layout, `${REFERENCE_YEAR}-01-01`).slice(0, 4));

/**
 * The calendar years the demo's history lies in, each with its target plans (plans are per year, R11
 * and R12): the year the reference's January lands in up to the anchor's year. The reference: 2024.
 */
export const planYears = (layout: DemoLayout): ReadonlyArray<number> => {
  const from = layoutYear(layout);
  const to = Math.max(from, Number(layout.today.slice(0, 4)));
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
};

/** The earlier of two dates: a yearly or monthly fact that comes "by" a day is dated no later than today. */
export const noLaterThan = (d: string, today: string): string => (d <= today ? d : today);

/**
 * The bulletin the demo publishes: the reference publishes September's on 8 October (DEMO_TODAY's
 * month; a server pinned before that day sees none yet). A later anchor publishes the month before the anchor's, on the 8th of the anchor's month —
 * or on the anchor itself when it comes earlier, so last month's bulletin is always out.
 */
export const demoBulletin = (
  layout: DemoLayout,
): { readonly period: string; readonly publishedOn: string } => {
  if (layout.today <= DEMO_TODAY) return { period: '2024-09', publishedOn: '2024-10-08' };
  const month = addMonths(date(`${layout.today.slice(0, 7)}-01`), -1);
  return {
    period: month.slice(0, 7),
    publishedOn: noLaterThan(`${layout.today.slice(0, 7)}-08`, layout.today),
  };
};
