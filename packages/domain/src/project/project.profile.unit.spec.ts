import { date } from '../shared/dates';
import { unsafeId } from '../shared/ids';
import { spec } from '../testing/decider-spec';
import { historyUntil, recordProjectProfile } from '../testing/project.fixtures';
import { projectDecider } from './project.decide';
import { foldProject } from './project.fold';
import { isProjectCode } from './project.profile';

const project = spec(projectDecider);
const text = unsafeId.text;

/*
 * R22 — DOMAIN.md §6 "Registers as offices keep them. Project list: 投资方, 项目名称, 项目类别, … 园区,
 * 镇街 … Procedures: 项目代码, 批准部门, 备案证号, 统一社会信用代码, 用地类型, 供地进度 …": the profile
 * records the columns that no other fact of the project gives.
 */
describe('the project profile (R22 · DOMAIN.md §6 「项目类别…园区、镇街」「项目代码…备案证号…用地类型、供地进度」)', () => {
  it('R22 · §6 项目代码、备案证号: given a lead, when its profile is recorded, then ProjectProfileRecorded holds the fields named', () => {
    const c = recordProjectProfile();
    project
      .given(historyUntil('lead'))
      .when(c)
      .then([
        { type: 'ProjectProfileRecorded', data: { projectId: c.projectId, on: c.on, profile: c.profile } },
      ]);
  });

  it('R22 · §6 供地进度: a later record holds only the fields it changes, and the state keeps the others', () => {
    const first = recordProjectProfile();
    const history = [
      ...historyUntil('lead'),
      {
        type: 'ProjectProfileRecorded' as const,
        data: { projectId: first.projectId, on: first.on, profile: first.profile },
      },
    ];
    const second = recordProjectProfile({
      on: date('2024-07-01'),
      profile: { landUse: 'industrial', landSupply: 'listed', townId: unsafeId.unit('fenghuang-town') },
    });
    project
      .given(history)
      .when(second)
      .then([
        {
          type: 'ProjectProfileRecorded',
          data: {
            projectId: first.projectId,
            on: second.on,
            profile: { townId: unsafeId.unit('fenghuang-town'), landSupply: 'listed' },
          },
        },
      ]);
    const state = foldProject([
      ...history,
      {
        type: 'ProjectProfileRecorded',
        data: { projectId: first.projectId, on: second.on, profile: { landSupply: 'listed' } },
      },
    ]);
    expect(state.status !== 'none' && state.profile).toEqual({ ...first.profile, landSupply: 'listed' });
  });

  it('R22 · §6: the same profile recorded twice is recorded once', () => {
    const c = recordProjectProfile();
    project
      .given([
        ...historyUntil('lead'),
        { type: 'ProjectProfileRecorded', data: { projectId: c.projectId, on: c.on, profile: c.profile } },
      ])
      .when(c)
      .thenNothingHappens();
  });

  it('R22 · §6 项目代码: a code not of the platform’s shape (年份-行政区划-行业-类型-流水号) is refused', () => {
    project
      .given(historyUntil('lead'))
      .when(recordProjectProfile({ profile: { projectCode: text('2024-3406-04-03-512345') } }))
      .thenFails('PROJECT_CODE_MALFORMED', { projectCode: '2024-3406-04-03-512345' });
    project
      .given(historyUntil('lead'))
      .when(recordProjectProfile({ profile: { projectCode: text('2024-340603-04-07-512345') } }))
      .thenFails('PROJECT_CODE_MALFORMED');
  });

  it('R22 · §6 项目代码: a code of a year after the day it is recorded is refused', () => {
    project
      .given(historyUntil('lead'))
      .when(recordProjectProfile({ profile: { projectCode: text('2025-340603-04-03-512345') } }))
      .thenFails('PROJECT_CODE_AFTER_RECORD', { codeYear: 2025, on: '2024-06-01' });
  });

  it('R22 · §6: a record that names no field is refused', () => {
    project
      .given(historyUntil('lead'))
      .when(recordProjectProfile({ profile: {} }))
      .thenFails('PROJECT_PROFILE_EMPTY');
  });

  it('R22: a profile dated before the project was captured is refused', () => {
    project
      .given(historyUntil('lead'))
      .when(recordProjectProfile({ on: date('2023-01-05'), profile: { category: 'service' } }))
      .thenFails('DATE_OUT_OF_ORDER');
  });

  it('R22 · §6 项目代码: the three project types of the platform (01 审批, 02 核准, 03 备案) are accepted', () => {
    expect(['01', '02', '03'].map((t) => isProjectCode(`2024-340603-04-${t}-000001`))).toEqual([
      true,
      true,
      true,
    ]);
    expect(isProjectCode('2024-340603-04-03-00001')).toBe(false);
  });
});
