import { addDays, date } from '@zhaoshang/domain';
import { layoutYear, placedOn, type DemoLayout } from '../demo/layout';
import type { ScriptStep } from '../demo/project-life';

/** The demo's advisors (招商顾问, 002 §八): an association figure, an entrepreneur, a scholar; none a civil servant. */
const DEMO_ADVISORS = [
  {
    suffix: '01',
    name: '陈某某',
    category: 'association-figure',
    organisation: '亳州市浙江商会常务副会长',
    contact: '陈会长 0558-5550101',
  },
  {
    suffix: '02',
    name: '林某某',
    category: 'entrepreneur',
    organisation: '某新能源集团董事长',
    contact: '林总秘书 0558-5550102',
  },
  { suffix: '03', name: '周某某', category: 'scholar', organisation: '某大学材料学院教授' },
] as const;

const stepDate = (step: ScriptStep, field: string): string | undefined => {
  const v = step.command[field];
  return typeof v === 'string' ? v : undefined;
};

/**
 * The demo region's advisors, appended after its projects (a reward is checked against the signed
 * project, so the project's steps come first): three appointed at the start of the year; the first
 * credited with introducing the first project signed by `today` and rewarded for it 20 days after the
 * signing (or on `today`); the second credited with a lead still in progress; the third resigned.
 * Every fact is dated on or before `today`; the year's dates are the reference's, placed by the demo's
 * layout (demo/layout.ts).
 */
export const demoAdvisorSteps = (
  projectSteps: ReadonlyArray<ScriptStep>,
  layout: DemoLayout,
): ReadonlyArray<ScriptStep> => {
  const { today } = layout;
  const year = layoutYear(layout);
  const on = placedOn(layout);
  // The start of the demo's year: the reference's 1 January 2024, placed by the layout.
  const yearStart = on('01-01');
  const office = { role: 'leading-group-office', unitId: 'region' } as const;
  const ids = DEMO_ADVISORS.map((a) => `GW-${year}-${a.suffix}`);
  const steps: ScriptStep[] = DEMO_ADVISORS.map((a, i) => ({
    ...office,
    command: {
      type: 'AppointAdvisor',
      advisorId: ids[i],
      name: a.name,
      category: a.category,
      organisation: a.organisation,
      civilServant: false,
      term: { from: yearStart, to: on('12-31', 2) },
      appointedOn: on('01-05'),
      appointedBy: '区招商引资工作领导小组办公室',
      ...('contact' in a ? { contact: a.contact } : {}),
    },
  }));
  const captured = new Map(
    projectSteps
      .filter((s) => s.command.type === 'CaptureLead')
      .map((s) => [s.command.projectId, { unitId: s.unitId, on: stepDate(s, 'capturedOn') }]),
  );
  const credit = (advisorId: string, projectId: unknown): ScriptStep | undefined => {
    const lead = captured.get(projectId);
    if (lead?.on === undefined || lead.on < yearStart) return undefined;
    return {
      role: 'investment-officer',
      unitId: lead.unitId,
      command: {
        type: 'CreditIntroduction',
        advisorId,
        projectId,
        unitId: lead.unitId,
        introducedOn: lead.on,
        creditedBy: '招商专员',
        note: '顾问牵线引荐投资方来区考察洽谈',
      },
    };
  };
  const signed = projectSteps.find((s) => {
    const on = stepDate(s, 'on');
    const lead = captured.get(s.command.projectId);
    return (
      s.command.type === 'SignAgreement' && on !== undefined && on <= today && (lead?.on ?? '') >= yearStart
    );
  });
  const signedCredit = signed === undefined ? undefined : credit(ids[0]!, signed.command.projectId);
  if (signed !== undefined && signedCredit !== undefined) {
    const signedOn = stepDate(signed, 'on')!;
    const rewardedOn = addDays(date(signedOn), 20) <= today ? addDays(date(signedOn), 20) : today;
    steps.push(signedCredit, {
      role: 'finance-bureau',
      unitId: 'region',
      command: {
        type: 'RewardAdvisor',
        advisorId: ids[0],
        projectId: signed.command.projectId,
        agreementId: signed.command['agreementId'],
        signedOn,
        amount: 5_000_000, // 5 万元, in 分
        policyRef: '《谯城区招商引资目标管理激励办法》',
        rewardedOn,
        approvedBy: '区财政局',
      },
    });
  }
  const signedIds = new Set(
    projectSteps.filter((s) => s.command.type === 'SignAgreement').map((s) => s.command.projectId),
  );
  const inProgress = [...captured.keys()].find((p) => !signedIds.has(p) && credit(ids[1]!, p) !== undefined);
  const inProgressCredit = credit(ids[1]!, inProgress);
  if (inProgressCredit !== undefined) steps.push(inProgressCredit);
  steps.push({
    ...office,
    command: {
      type: 'EndAdvisorAppointment',
      advisorId: ids[2],
      reason: 'resigned',
      endedOn: on('09-30'),
      endedBy: '区招商引资工作领导小组办公室',
      note: '本人因工作调动申请辞聘',
    },
  });
  return steps;
};
