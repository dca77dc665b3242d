import { cny, defaultProjectPolicy } from '@zhaoshang/domain';
import { projectLife, type ProjectSpec } from './project-life';

const spec = (totalYi: number): ProjectSpec => ({
  projectId: 'XM-DEMO-1',
  unitId: 'kaifaqu',
  name: '示范项目',
  investor: '示范投资有限公司',
  industryChain: '新能源',
  content: '电池模组',
  totalYi,
  capturedOn: '2024-01-05',
});

const rolesAssigned = (totalYi: number): ReadonlyArray<unknown> =>
  projectLife(spec(totalYi))
    .filter((step) => step.command.type === 'AssignLeader')
    .map((step) => step.command['role']);

describe('the demo project life assigns whom R6 requires (000 §三.3: 重点项目 … 项目经理、项目秘书)', () => {
  it('reads the key-project threshold from the domain policy: fixed assets (80 % of the total) of 1亿元 or more', () => {
    expect(defaultProjectPolicy.keyProjectThreshold).toBe(cny.yi(1));
    // 1.25亿元 in all → 1亿元 of fixed assets: a key project.
    expect(rolesAssigned(1.25)).toEqual(expect.arrayContaining(['project-manager', 'project-secretary']));
    // 1.2亿元 in all → 0.96亿元 of fixed assets: not a key project.
    expect(rolesAssigned(1.2)).not.toContain('project-manager');
  });
});
