import { addDays, date, mondayOf, officialCalendar, type BusinessDate } from '@zhaoshang/domain';
import { placed, type DemoLayout } from './layout';
import type { ScriptStep } from './project-life';

/**
 * Weeks the demo's responsible persons leave without a visit (R18, 000 §五.2), by the project's
 * place among its unit's signed projects: the first missed the last week before the demo's today,
 * the second the last two (both still on the supervision list, nobody has been since), the third
 * one week in September of the reference (the week of 9 September 2024, placed by the layout:
 * answered by the next visit, counted by the review, off the list).
 */
const MISSED_WEEKS: ReadonlyArray<
  (lastMonday: BusinessDate, layout: DemoLayout) => ReadonlyArray<BusinessDate>
> = [
  (last) => [last],
  (last) => [addDays(last, -7), last],
  (_, layout) => [mondayOf(placed(layout, '2024-09-09'))],
];

/** The first working day of an official week on the official calendar, if it has one. */
const firstWorkingDay = (monday: BusinessDate): BusinessDate | undefined => {
  for (let i = 0; i < 7; i += 1) {
    const d = addDays(monday, i);
    if (officialCalendar.isWorkday(d)) return d;
  }
  return undefined;
};

/**
 * The demo region's weekly 包保 visits (R18): the responsible person (`LD-<unit>-2`, as the project
 * life assigns) visits each signed project on the first working day of every week from the first
 * full week after signing to the last week that ended by `today`, except a few weeks of a few
 * projects (MISSED_WEEKS). A week with no working day (the Spring Festival week) has no visit and
 * asks none. The weeks are the anchor's own (layout.ts): the reference's weeks are not moved.
 */
export const demoVisits = (
  steps: ReadonlyArray<ScriptStep>,
  layout: DemoLayout,
): ReadonlyArray<ScriptStep> => {
  const { today } = layout;
  const lastMonday = addDays(mondayOf(date(today)), -7);
  const signedInUnit = new Map<string, number>();
  return steps.flatMap((step) => {
    const c = step.command;
    if (c.type !== 'SignAgreement' || typeof c.on !== 'string' || c.on > today) return [];
    const projectId = String(c.projectId);
    const unitId = step.unitId === 'region' ? unitOfProject(steps, projectId) : step.unitId;
    const index = signedInUnit.get(unitId) ?? 0;
    signedInUnit.set(unitId, index + 1);
    const missed = new Set(MISSED_WEEKS[index]?.(lastMonday, layout) ?? []);
    const visits: ScriptStep[] = [];
    // The first week wholly after the signing (the signing's own week if it was signed on its Monday).
    const signedMonday = mondayOf(date(c.on));
    const first = signedMonday === c.on ? signedMonday : addDays(signedMonday, 7);
    for (let monday = first; monday <= lastMonday; monday = addDays(monday, 7)) {
      const on = firstWorkingDay(monday);
      if (on === undefined || missed.has(monday)) continue;
      visits.push({
        role: 'investment-officer',
        unitId,
        command: {
          type: 'RecordSiteVisit',
          projectId,
          leaderId: `LD-${unitId}-2`,
          on,
          summary: '包保责任人走访调研，了解项目建设进展',
          issuesFound: [],
          issuesSolved: [],
        },
      });
    }
    return visits;
  });
};

/** The unit that captured a project (its CaptureLead step). */
const unitOfProject = (steps: ReadonlyArray<ScriptStep>, projectId: string): string => {
  const captured = steps.find((s) => s.command.type === 'CaptureLead' && s.command.projectId === projectId);
  return typeof captured?.command.unitId === 'string' ? captured.command.unitId : 'region';
};
