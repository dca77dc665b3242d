import { halfYearOf, date } from '@zhaoshang/domain';
import { layoutYear, placedOn, type DemoLayout } from '../demo/layout';
import type { ScriptStep } from '../demo/project-life';

/** A project of the demo script as the land demo reads it from the script's own steps. */
interface DemoProject {
  readonly projectId: string;
  readonly unitId: string;
  readonly signedOn: string;
  readonly fixedAssets: number;
  readonly started: boolean;
  readonly producing: boolean;
}

const ONE_YI = 10_000_000_000; // 分: the key-project threshold of the default policy (R6)
const OFFICE = 'department-reviewer' as const; // 自然资源/用地保障
const REGION = 'region';
const mu = (n: number): number => Math.round(n * 100);
const later = (a: string, b: string): string => (a > b ? a : b);

/** The signed projects of a script, with what they did after signing. */
const signedProjects = (steps: ReadonlyArray<ScriptStep>): ReadonlyArray<DemoProject> => {
  const byId = new Map<string, DemoProject>();
  const units = new Map<string, string>();
  for (const { command } of steps) {
    const projectId = command.projectId;
    if (typeof projectId !== 'string') continue;
    if (typeof command.unitId === 'string' && !units.has(projectId)) units.set(projectId, command.unitId);
    const unitId = units.get(projectId) ?? REGION;
    if (command.type === 'SignAgreement') {
      const terms = command.terms as { readonly fixedAssetInvestment: number };
      byId.set(projectId, {
        projectId,
        unitId,
        signedOn: String(command.on),
        fixedAssets: terms.fixedAssetInvestment,
        started: false,
        producing: false,
      });
    }
    const p = byId.get(projectId);
    if (p === undefined) continue;
    if (command.type === 'StartConstruction') byId.set(projectId, { ...p, started: true });
    if (command.type === 'StartProduction') byId.set(projectId, { ...p, producing: true });
  }
  return [...byId.values()];
};

const office = (command: ScriptStep['command']): ScriptStep => ({ role: OFFICE, unitId: REGION, command });

const registered = (plotId: string, unitId: string, area: number, location: string, supply = 'transferred') =>
  office({
    type: 'RegisterPlot',
    plotId,
    unitId,
    location,
    area: mu(area),
    landUse: 'industrial',
    supply,
    registeredOn: '2019-12-02',
  });

/**
 * The demo region's land (R19): a dozen plots — some held without building by signed projects
 * (圈而不建, listed by the 2024-H2 clearance and flagged idle), some in production below the output
 * standard (flagged low-efficiency in the 2024-H1 clearance), one revitalised by 合作招商 and one
 * taken into the government reserve (000 §四.5), five in reserve — and the 2024 land quota with its
 * key-project reservation partly used. The occupants are the script's own signed projects; every
 * date is on or before the signing it follows and `today`. Dates, half-years and the quota's year are
 * the reference's (2024), placed by the demo's layout (demo/layout.ts).
 */
export const demoLandSteps = (
  steps: ReadonlyArray<ScriptStep>,
  layout: DemoLayout,
): ReadonlyArray<ScriptStep> => {
  const { today } = layout;
  const year = layoutYear(layout);
  const on = placedOn(layout);
  const signed = signedProjects(steps);
  const notStarted = signed.filter((p) => !p.started).slice(0, 3);
  const producing = signed.filter((p) => p.producing).slice(0, 4);
  const key = signed.find((p) => p.fixedAssets >= ONE_YI && p.started);
  const small = signed.find((p) => p.fixedAssets < ONE_YI);
  const out: ScriptStep[] = [];
  const clearanceOn = today < on('10-25') ? today : on('10-25');
  // The clearances' half-years: the reference's 2024-H2 and 2024-H1, where the layout puts them.
  const secondHalf = halfYearOf(date(on('10-25')));
  const firstHalf = halfYearOf(date(on('06-28')));
  // 圈而不建: allocated on signing, flagged idle by the office in the 2024-H2 clearance.
  notStarted.forEach((p, i) => {
    const plotId = `DK-${year}-X${i + 1}`;
    out.push(
      registered(plotId, p.unitId, [260, 310, 95.5][i]!, `${p.unitId} 工业园 纬${i + 1}路北`),
      office({ type: 'AllocatePlot', plotId, projectId: p.projectId, allocatedOn: p.signedOn }),
    );
    if (i < 2)
      out.push(
        office({
          type: 'FlagPlot',
          plotId,
          flag: 'idle',
          basis: 'no-construction',
          period: secondHalf,
          on: later(clearanceOn, p.signedOn),
          note: '约定开工日已过，未开工建设',
        }),
      );
  });
  // 低效: in production, output per 亩 below the standard (2024-H1 clearance); one revitalised, one taken into reserve.
  producing.forEach((p, i) => {
    const plotId = `DK-${year}-L${i + 1}`;
    const area = [180, 150, 220, 120][i]!;
    const flaggedOn = later(on('06-28'), p.signedOn);
    out.push(
      registered(plotId, p.unitId, area, `${p.unitId} 产业园 经${i + 1}路东`),
      office({ type: 'AllocatePlot', plotId, projectId: p.projectId, allocatedOn: p.signedOn }),
      office({
        type: 'FlagPlot',
        plotId,
        flag: i === 3 ? 'idle' : 'low-efficiency',
        basis: i === 3 ? 'stopped-production' : 'low-output',
        period: firstHalf,
        on: flaggedOn,
      }),
    );
    if (i === 2 && key !== undefined && key.projectId !== p.projectId)
      out.push(
        office({
          type: 'RevitalisePlot',
          plotId,
          route: 'cooperative-investment',
          area: mu(area),
          on: later(on('09-12'), flaggedOn),
          evidence: [],
          newOccupant: key.projectId,
          note: '引进新项目合作开发，盘活低效用地',
        }),
      );
    if (i === 3)
      out.push(
        office({
          type: 'RevitalisePlot',
          plotId,
          route: 'government-reserve',
          area: mu(area),
          on: later(on('08-20'), flaggedOn),
          evidence: [],
          note: '停产企业用地由政府收储',
        }),
      );
  });
  // 储备: plots awaiting projects (two listed for transfer).
  [
    ['R1', 'jingkaiqu', 85, 'listed'],
    ['R2', 'jingkaiqu', 42.5, 'unsupplied'],
    ['R3', 'gaoxinqu', 66, 'listed'],
    ['R4', 'fenghuang-town', 120, 'unsupplied'],
    ['R5', 'fenghuang-town', 58, 'listed'],
  ].forEach(([id, unitId, area, supply]) =>
    out.push(
      registered(
        `DK-${year}-${String(id)}`,
        String(unitId),
        Number(area),
        `${String(unitId)} 储备地块 ${String(id)}`,
        String(supply),
      ),
    ),
  );
  // 用地指标: 800 亩 granted, 300 亩 reserved for key projects (001 §(二) 有限指标保重点), for the
  // year the grant lands in (a year's quota).
  const grantedOn = on('03-15');
  const quotaYear = Number(grantedOn.slice(0, 4));
  out.push(
    office({
      type: 'GrantLandQuota',
      year: quotaYear,
      grantId: `ZB-${quotaYear}-1`,
      area: mu(800),
      reservedForKeyProjects: mu(300),
      grantedOn,
      basis: `${quotaYear} 年度第一批新增建设用地计划指标`,
    }),
  );
  if (key !== undefined)
    out.push(
      office({
        type: 'UseLandQuota',
        year: quotaYear,
        useId: `SY-${quotaYear}-1`,
        projectId: key.projectId,
        area: mu(120),
        usedOn: on('05-20'),
        keyProject: true,
      }),
    );
  if (small !== undefined)
    out.push(
      office({
        type: 'UseLandQuota',
        year: quotaYear,
        useId: `SY-${quotaYear}-2`,
        projectId: small.projectId,
        area: mu(60),
        usedOn: on('06-18'),
        keyProject: false,
      }),
    );
  return out;
};
