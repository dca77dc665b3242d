import { addDays, addMonths, date, type BusinessDate } from '@zhaoshang/domain';
import { DEMO_TODAY, type DemoLayout } from './layout';
import type { ScriptStep } from './project-life';

/**
 * The office's recent follow-ups on its pre-signing leads (issue #18 item 6: "a realistic share of
 * green, yellow and red").
 *
 * The reference history (layout.ts) captures its leads early in the year and then leaves them: moved
 * to a later anchor, almost every unsigned project has been idle for three months or more, and the
 * register's lead light (DOMAIN.md §6, `leadLight` in @zhaoshang/projections: a pre-signing project
 * with no progress for 2 months is yellow, for 3 red, for 6 dropped from the active list) turns two
 * thirds of the region's open projects red. A real office follows its leads up. So, on an anchor
 * after DEMO_TODAY (the reference itself stays byte for byte), every unsigned open project that would
 * stand idle for three months or more on the anchor gets one negotiation record (洽谈记录,
 * `HoldNegotiation`: any unsigned project may record one, and the register counts it as progress),
 * in a fixed rotation by project id:
 *
 * - two in five within the last three weeks before the anchor (the lead light: blue, on track),
 * - two in five a little over two months before it (idle two months: yellow, due a follow-up),
 * - one in five none (idle three months or more: red, as an office has a few forgotten leads).
 *
 * The same anchor gives the same records; none is dated after the anchor.
 */

/** How the rotation treats the n-th idle lead (by project id). */
const ROTATION = ['recent', 'earlier', 'recent', 'earlier', 'none'] as const;

/** Commands that close a project: a closed project has no lead light. */
const CLOSING: ReadonlySet<string> = new Set([
  'DiscardLead',
  'AbandonProject',
  'RejectAdmission',
  'TerminateProject',
]);

/** What the officer records, by how far the project got (the latest stage the script gave it). */
const SUMMARY: Readonly<Record<string, string>> = {
  lead: '电话回访投资方，了解投资意向、资金安排和落地时间表',
  qualified: '与投资方洽谈选址、用地规模和供电供气需求',
  'under-review': '向投资方反馈部门会商意见，洽谈环评和能耗指标安排',
  admitted: '就投资协议条款、设备补助比例和达产时限洽谈',
  'ready-to-sign': '就协议签约时间和签约仪式安排与投资方沟通',
};

/**
 * The follow-up records for a script laid out for `layout` (empty on or before DEMO_TODAY).
 * `factDates` gives the dates a step states as facts (seed.ts: `factDatesOfStep`).
 */
export const demoFollowUps = (
  steps: ReadonlyArray<ScriptStep>,
  layout: DemoLayout,
  factDates: (step: ScriptStep) => ReadonlyArray<string>,
): ReadonlyArray<ScriptStep> => {
  if (layout.today <= DEMO_TODAY) return [];
  const today = date(layout.today);
  const projects = new Map<string, { unitId: string; stage: string; last: string; done: boolean }>();
  for (const step of steps) {
    const projectId = step.command['projectId'];
    if (typeof projectId !== 'string') continue;
    const dates = factDates(step).filter((d) => d <= layout.today);
    const p = projects.get(projectId) ?? { unitId: step.unitId, stage: 'lead', last: '', done: false };
    if (step.command.type === 'CaptureLead') p.unitId = step.unitId;
    if (step.stage !== undefined) p.stage = step.stage;
    if (step.command.type === 'SignAgreement' || CLOSING.has(step.command.type)) p.done = true;
    for (const d of dates) if (d > p.last) p.last = d;
    projects.set(projectId, p);
  }
  // Idle three months or more on the anchor: red by the lead light.
  const idle = [...projects]
    .filter(([, p]) => !p.done && p.stage in SUMMARY && addMonths(date(p.last), 3) <= today)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return idle.flatMap(([projectId, p], n): ReadonlyArray<ScriptStep> => {
    const when = ROTATION[n % ROTATION.length]!;
    if (when === 'none') return [];
    const on: BusinessDate =
      when === 'recent'
        ? addDays(today, -(3 + ((n * 5) % 19)))
        : addDays(addMonths(today, -2), -(3 + ((n * 7) % 19)));
    return [
      {
        role: 'investment-officer',
        unitId: p.unitId,
        command: { type: 'HoldNegotiation', projectId, on, summary: SUMMARY[p.stage]! },
      },
    ];
  });
};
