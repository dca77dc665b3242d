import { layoutYear, placedOn, type DemoLayout } from '../demo/layout';
import type { ScriptStep } from '../demo/project-life';

/*
 * The demo region's leading-group meetings (R20): September's monthly 例会 (000 §五.1) hands out
 * items to the three units and a department — most done on time, one still open and overdue on the
 * demo's today; October's 专题会 (可临时召集专题工作会议) hands out two more, one done and one not due
 * yet. No monthly 例会 is recorded before September or in October, which the register shows as such.
 * Every fact is dated on or before the reference's today (2024-10-31); the dates are the reference's,
 * placed by the demo's layout (demo/layout.ts), and ids and titles name the months they land in.
 */

const office = (command: ScriptStep['command']): ScriptStep => ({
  role: 'leading-group-office',
  unitId: 'region',
  command,
});
const byOwner = (unitId: string, command: ScriptStep['command']): ScriptStep => ({
  role: 'investment-officer',
  unitId,
  command,
});
const byDepartment = (command: ScriptStep['command']): ScriptStep => ({
  role: 'department-reviewer',
  unitId: 'region',
  command,
});
const minutes = (name: string, fill: string) => [{ sha256: fill.repeat(64), name, kind: 'minutes' }];
const proof = (name: string, fill: string) => [{ sha256: fill.repeat(64), name, kind: 'report' }];
const unit = (unitId: string) => ({ kind: 'unit', unitId });
const department = (d: string) => ({ kind: 'department', department: d });

/** The demo year's meetings, their decisions, the owners' reports and the office's verification. */
export const demoMeetingSteps = (layout: DemoLayout): ReadonlyArray<ScriptStep> => {
  const year = layoutYear(layout);
  const on = placedOn(layout);
  const monthOf = (d: string) => ({
    id: d.slice(0, 7),
    month: `${Number(d.slice(5, 7))}月`,
    title: `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月`,
  });
  const september = monthOf(on('09-05'));
  const october = monthOf(on('10-16'));
  const monthly = `HY-${september.id}`;
  const special = `HY-${october.id}-ZT`;
  return [
    office({
      type: 'HoldMeeting',
      meetingId: monthly,
      unitId: 'region',
      kind: 'monthly',
      title: `${september.title}招商引资和项目服务工作领导小组例会`,
      heldOn: on('09-05'),
      chair: '区长',
      attendees: [
        '分管副区长',
        '区投资促进局',
        '经开区投资促进局',
        '高新区招商局',
        '凤凰镇招商办',
        '区自然资源和规划局',
      ],
      projectIds: [`XM-${year}-0001`, `XM-${year}-0101`, `XM-${year}-0201`],
      recordedBy: '领导小组办公室',
      minutes: minutes(`${september.month}例会纪要.pdf`, 'd'),
    }),
    office({
      type: 'RecordDecision',
      meetingId: monthly,
      decision: 1,
      text: '研究在谈、拟签约项目推进中的问题，明确责任单位和完成时限',
      recordedOn: on('09-06'),
      recordedBy: '领导小组办公室',
      items: [
        {
          itemId: 'JB-1',
          task: '梳理经开区在谈项目清单，提出拟签约项目时间表',
          owner: unit('jingkaiqu'),
          deadline: { kind: 'date', dueOn: on('09-20') },
        },
        {
          itemId: 'JB-2',
          task: '协调高新区标准化厂房交付，满足项目入驻',
          owner: unit('gaoxinqu'),
          deadline: { kind: 'date', dueOn: on('09-30') },
          projectId: `XM-${year}-0101`,
        },
        {
          itemId: 'JB-3',
          task: '解决凤凰镇项目施工用电接入问题',
          owner: unit('fenghuang-town'),
          deadline: { kind: 'date', dueOn: on('10-15') },
          projectId: `XM-${year}-0201`,
        },
        {
          itemId: 'JB-4',
          task: '完成经开区项目用地预审',
          owner: department('natural-resources-planning'),
          deadline: { kind: 'working-days', workingDays: 10 },
          projectId: `XM-${year}-0001`,
        },
      ],
    }),
    byOwner('jingkaiqu', {
      type: 'ReportItemDone',
      meetingId: monthly,
      itemId: 'JB-1',
      owner: unit('jingkaiqu'),
      report: '已形成在谈项目清单 8 个，拟签约项目 3 个',
      evidence: proof('在谈项目清单.xlsx', 'e'),
      doneOn: on('09-18'),
      reportedBy: '经开区投资促进局',
    }),
    byDepartment({
      type: 'ReportItemDone',
      meetingId: monthly,
      itemId: 'JB-4',
      owner: department('natural-resources-planning'),
      report: '用地预审意见已出具',
      evidence: proof('用地预审意见.pdf', 'f'),
      doneOn: on('09-19'),
      reportedBy: '区自然资源和规划局',
    }),
    byOwner('gaoxinqu', {
      type: 'ReportItemDone',
      meetingId: monthly,
      itemId: 'JB-2',
      owner: unit('gaoxinqu'),
      report: '厂房已交付并完成验收',
      evidence: proof('厂房交付验收单.pdf', '1'),
      doneOn: on('09-27'),
      reportedBy: '高新区招商局',
    }),
    {
      role: 'supervision-office',
      unitId: 'region',
      command: {
        type: 'VerifyItem',
        meetingId: monthly,
        itemId: 'JB-1',
        accepted: true,
        verifiedOn: on('09-24'),
        verifiedBy: '督查考核办',
      },
    },
    office({
      type: 'HoldMeeting',
      meetingId: special,
      unitId: 'region',
      kind: 'special',
      title: `${october.title}重大项目要素保障专题会议`,
      heldOn: on('10-16'),
      chair: '分管副区长',
      attendees: ['区发展改革委', '区投资促进局', '经开区投资促进局'],
      projectIds: [`XM-${year}-0001`],
      recordedBy: '领导小组办公室',
    }),
    office({
      type: 'RecordDecision',
      meetingId: special,
      decision: 1,
      text: '协调解决重大项目能耗指标和融资问题',
      recordedOn: on('10-16'),
      recordedBy: '领导小组办公室',
      items: [
        {
          itemId: 'JB-1',
          task: '落实项目能耗指标',
          owner: department('development-reform'),
          deadline: { kind: 'date', dueOn: on('10-30') },
          projectId: `XM-${year}-0001`,
        },
        {
          itemId: 'JB-2',
          task: '对接金融机构，推动项目融资落地',
          owner: unit('jingkaiqu'),
          deadline: { kind: 'date', dueOn: on('11-15') },
          projectId: `XM-${year}-0001`,
        },
      ],
    }),
    byDepartment({
      type: 'ReportItemDone',
      meetingId: special,
      itemId: 'JB-1',
      owner: department('development-reform'),
      report: '能耗指标已落实',
      evidence: proof('能耗指标批复.pdf', '2'),
      doneOn: on('10-29'),
      reportedBy: '区发展改革委',
    }),
  ];
};
