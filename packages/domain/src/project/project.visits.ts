/**
 * R18 — weekly 包保 visits. 000 §五.2 「包保责任人每周不少于一次对包保单位进行走访调研，对需要处理的
 * 问题及时协调解决」; who is meant comes from 000 §三.3 「对签订投资协议后开工建设的项目 … 按照“一个项目、
 * 一个包保领导、一个包保责任人、一站式服务” … 进行全过程跟踪服务」.
 *
 * - The 包保 period of a project runs from the later of its signing and its first responsible
 *   person's assignment (the duty is the person's, and §三.3 starts it at the agreement) until it
 *   reaches capacity (达产: the service 「努力使项目早建成早投产早达效」 aims at, §五.2) or is
 *   terminated; a project linked as a duplicate is served through its canonical record (its own
 *   record raises nothing while linked). Abandoned and discarded projects never signed: no period.
 * - A week counts when it is an official week (Monday to Sunday) wholly inside the period and
 *   already ended on the day of the pass.
 * - Only a visit by the project's responsible person — the one assigned for the role on the day of
 *   the visit — meets the week: §五.2 puts the weekly duty on 包保责任人; a visit by the 包保领导
 *   (whose duty in the same sentence is to 「经常深入包保第一线」, with no weekly count) or by
 *   another officer is recorded but does not meet it.
 * - A week with no working day on the official calendar (the Spring Festival week of 2022, for
 *   one) asks no visit. A week in a year whose official schedule is not adopted is not judged
 *   (never guessed, as R7's deadlines): a later pass raises it once the schedule is adopted.
 */
import { addDays, daysBetween, dayOfWeek, maxDate, yearOf, type BusinessDate } from '../shared/dates';
import type { ProjectId } from '../shared/ids';
import type { WorkingDayCalendar } from '../shared/working-days';
import type { IsoWeek, ProjectEventOf } from './project.events';
import type { Project, ResponsiblePerson } from './project.state';

/** The Monday of the official week a date falls in. */
export const mondayOf = (d: BusinessDate): BusinessDate => addDays(d, -((dayOfWeek(d) + 6) % 7));

/** The ISO 8601 week of a date (`2024-W23`): its year is the year of the week's Thursday. */
export const isoWeekOf = (d: BusinessDate): IsoWeek => {
  const thursday = addDays(mondayOf(d), 3);
  const year = yearOf(thursday);
  const week = Math.floor(daysBetween(`${year}-01-01` as BusinessDate, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}` as IsoWeek;
};

/** A project's 包保 period: its first day and, once it ended, its last (both inside). */
export interface VisitPeriod {
  readonly from: BusinessDate;
  readonly to?: BusinessDate;
}

const earliest = (dates: ReadonlyArray<BusinessDate | undefined>): BusinessDate | undefined =>
  dates.reduce<BusinessDate | undefined>(
    (a, d) => (d === undefined ? a : a === undefined || d < a ? d : a),
    undefined,
  );

/** R18: the 包保 period of a project (see the file's comment), or undefined when it has none. */
export const visitPeriodOf = (p: Project): VisitPeriod | undefined => {
  const signedOn = p.agreement?.signedOn;
  const firstAssigned = earliest(Object.keys(p.responsiblePersons) as BusinessDate[]);
  if (signedOn === undefined || firstAssigned === undefined || p.duplicateOf !== undefined) return undefined;
  const to = earliest([p.capacityOn, p.termination?.on, p.abandonedOn]);
  return { from: maxDate(signedOn, firstAssigned), ...(to !== undefined ? { to } : {}) };
};

/** Whether a week asks for a visit: it has a working day; 'pending-calendar' if a day's year is not adopted. */
export const weekHasWorkingDay = (
  calendar: WorkingDayCalendar,
  monday: BusinessDate,
): boolean | 'pending-calendar' => {
  let working = false;
  for (let i = 0; i < 7; i += 1) {
    const d = addDays(monday, i);
    if (!calendar.covers(d)) return 'pending-calendar';
    if (calendar.isWorkday(d)) working = true;
  }
  return working;
};

/** The 包保责任人 on a day: the latest assignment on or before it. */
const responsibleOn = (
  assignments: ReadonlyArray<ResponsiblePerson>,
  d: BusinessDate,
): ResponsiblePerson | undefined => {
  let found: ResponsiblePerson | undefined;
  for (const a of assignments) if (a.since <= d) found = a;
  return found;
};

/** The weeks met by a visit of the responsible person of the day (R18: 000 §五.2). */
const weeksVisitedByResponsible = (
  p: Project,
  assignments: ReadonlyArray<ResponsiblePerson>,
): ReadonlySet<string> =>
  new Set(
    Object.values(p.visits)
      .filter((v) => responsibleOn(assignments, v.on)?.leaderId === v.leaderId)
      .map((v) => isoWeekOf(v.on)),
  );

export type MissedVisitWeek = Omit<ProjectEventOf<'VisitWeekMissed'>['data'], 'detectedOn'> & {
  readonly projectId: ProjectId;
};

/**
 * R18 (000 §五.2 包保责任人每周不少于一次走访): the official weeks of the project's 包保 period that
 * ended before `today` with a working day and no visit by the responsible person, not raised
 * before — each is raised once.
 */
export const missedVisitWeeks = (
  p: Project,
  today: BusinessDate,
  calendar: WorkingDayCalendar,
): ReadonlyArray<MissedVisitWeek> => {
  const period = visitPeriodOf(p);
  if (period === undefined) return [];
  const assignments = Object.values(p.responsiblePersons).sort((a, b) => (a.since < b.since ? -1 : 1));
  const visited = weeksVisitedByResponsible(p, assignments);
  const out: MissedVisitWeek[] = [];
  const first = mondayOf(period.from);
  for (let monday = first < period.from ? addDays(first, 7) : first; ; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    if (sunday >= today || (period.to !== undefined && sunday > period.to)) break;
    const week = isoWeekOf(monday);
    if (p.missedVisitWeeks[week] !== undefined || visited.has(week)) continue;
    if (weekHasWorkingDay(calendar, monday) !== true) continue; // no working day, or not adopted yet
    const owed = responsibleOn(assignments, sunday);
    if (owed === undefined) continue;
    out.push({
      projectId: p.projectId,
      week,
      weekStart: monday,
      weekEnd: sunday,
      responsiblePerson: { leaderId: owed.leaderId, name: owed.name },
    });
  }
  return out;
};
