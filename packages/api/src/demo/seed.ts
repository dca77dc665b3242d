import type { INestApplication } from '@nestjs/common';
import { addDays, commandFactDates, type AnyCommand, type FactDates } from '@zhaoshang/domain';
import { QueryBus } from '@nestjs/cqrs';
import type { CommandType } from '../auth/permissions';
import { PrepareBulletinPublication } from '../bulletins/queries/prepare-bulletin';
import { commandCodecs, decodeCommand } from '../command-handling/aggregates';
import { businessTimeOf } from '../command-handling/business-time';
import { CommandGateway, type CommandResult } from '../command-handling/command-gateway';
import { DEMO_UNITS } from '../units';
// The project's profile (R22)
import { withProfile } from './profiles';
// advisors (招商顾问, R21 · 002 §八)
import { demoAdvisorSteps } from '../advisors/advisors.demo';
import type { Clock } from '../clock';
import { CLOCK, READ_MODELS } from '../tokens';
import { ProjectHolds } from '../imports/project-holds';
import { DeadlineWatcher } from '../watcher/deadline-watcher';
import type { ReadModels } from '../read-models/read-model.port';
// land plots and the land-quota ledger (R19)
import { demoLandSteps } from '../land/land.demo';
import {
  LIFE_STAGES,
  lifeUntil,
  regionTargets,
  unitTargets,
  type LifeStage,
  type ProjectSpec,
  type ScriptStep,
} from './project-life';
import { demoVisits } from './visits';
// demo lights (issue #18 item 6)
import { demoFollowUps } from './follow-ups';
import {
  DEMO_TODAY,
  demoBulletin,
  demoLayout,
  layoutYear,
  noLaterThan,
  placedOn,
  planYears,
  type DemoLayout,
} from './layout';
// enterprise requests (R17)
import { demoRequestSteps } from './requests';
// Leading-group meetings and their 交办 items (R20)
import { demoMeetingSteps } from '../meetings/meetings.demo';

/** The demo region's units (configured in development: `UNITS` defaults to them). */
export { DEMO_UNITS };

const CATALOGUE: ReadonlyArray<Omit<ProjectSpec, 'projectId' | 'unitId' | 'capturedOn'>> = [
  {
    name: '年产 5 万吨锂电池正极材料项目',
    investor: '福建宁川新能源材料有限公司',
    industryChain: '新能源电池',
    content: '建设磷酸铁锂正极材料生产线 4 条及研发中心',
    totalYi: 5,
  },
  {
    name: '新能源汽车电驱动系统零部件项目',
    investor: '苏州某新能源科技有限公司',
    industryChain: '新能源汽车',
    content: '建设电驱动系统零部件生产线，购置数控设备 200 台套',
    totalYi: 3,
  },
  {
    name: '高性能碳纤维复合材料项目',
    investor: '江苏某新材料有限公司',
    industryChain: '新材料',
    content: '建设碳纤维复合材料生产线',
    totalYi: 2.5,
  },
  {
    name: '智能家居电器生产基地',
    investor: '广东某电器股份有限公司',
    industryChain: '智能家电',
    content: '建设智能小家电总装线 6 条',
    totalYi: 1.2,
    channel: 'by-investors',
  },
  {
    name: '生物医药原料药项目',
    investor: '浙江某药业有限公司',
    industryChain: '生物医药',
    content: '建设原料药及中间体车间',
    totalYi: 4,
    channel: 'fund',
  },
  {
    name: '光伏组件智能工厂',
    investor: '安徽某光能科技有限公司',
    industryChain: '光伏',
    content: '建设 2GW 光伏组件生产线',
    totalYi: 8,
    channel: 'leader-trip',
  },
  {
    name: '精密模具加工项目',
    investor: '宁波某模具有限公司',
    industryChain: '装备制造',
    content: '建设精密注塑模具生产线',
    totalYi: 0.6,
    channel: 'resident-office',
  },
  {
    name: '冷链物流园项目',
    investor: '上海某供应链管理有限公司',
    industryChain: '现代物流',
    content: '建设冷库 5 万立方米及配送中心',
    totalYi: 1.5,
    channel: 'commissioned',
  },
  {
    name: '工业机器人减速器项目',
    investor: '深圳某精密传动有限公司',
    industryChain: '智能装备',
    content: '建设 RV 减速器生产线',
    totalYi: 2,
    channel: 'association',
  },
  {
    name: '绿色食品精深加工项目',
    investor: '山东某食品集团有限公司',
    industryChain: '绿色食品',
    content: '建设烘焙及预制菜生产线',
    totalYi: 0.8,
    channel: 'online',
  },
];

/** The units that capture projects (the district itself sets region targets only). */
export const DEMO_PROJECT_UNITS = ['jingkaiqu', 'gaoxinqu', 'fenghuang-town'] as const;

/** Stages the demo projects stop at: every stage of the life appears in every unit. */
export const DEMO_STAGES: ReadonlyArray<LifeStage> = [
  'lead',
  'qualified',
  'under-review',
  'admitted',
  'ready-to-sign',
  'signed',
  'under-construction',
  'in-statistics',
  'in-production',
  'clawed-back',
];

/**
 * The day the reference layout stands at (layout.ts): seeded on it (a pinned `TODAY=2024-10-31`), the
 * demo is exactly the region the docs and tests quote, its September bulletin published on 8 October.
 * The browser test and the export test pin the server's `TODAY` to it.
 */
export { DEMO_TODAY, demoLayout, type DemoLayout };

const isCommandType = (type: string): type is CommandType => Object.hasOwn(commandCodecs, type);

/** A demo step's command, decoded with the domain's codec of its type (as a request's would be). */
const commandOf = (step: ScriptStep): AnyCommand => {
  const type = step.command.type;
  if (!isCommandType(type)) throw new Error(`the demo names no command ${type}`);
  return decodeCommand(type, step.command);
};

/** The dates a demo step states as facts (the domain knows which fields: `commandFactDates`). */
export const factDatesOfStep = (step: ScriptStep): FactDates => commandFactDates(commandOf(step));

/** Whether every fact of a step is dated on or before `today`. */
const reached = (step: ScriptStep, today: string): boolean =>
  factDatesOfStep(step).every((d) => d.date <= today);

/**
 * A project's life up to a stage, with every fact on or before `today`: a project whose stage lies
 * beyond today in the demo year was captured a year earlier (or two, three …), as a region's
 * projects in production were captured years before. Its capture day and month stay as they are.
 */
const lifeBy = (spec: ProjectSpec, stage: LifeStage, today: string): ReadonlyArray<ScriptStep> => {
  for (let back = 0; back <= 5; back += 1) {
    const capturedOn = `${Number(spec.capturedOn.slice(0, 4)) - back}${spec.capturedOn.slice(4)}`;
    const life = lifeUntil({ ...spec, capturedOn }, stage);
    if (life.every((step) => reached(step, today))) return life;
  }
  throw new Error(`demo: ${spec.projectId} cannot reach ${stage} by ${today}`);
};

/** Options of the demo region's script. */
export interface DemoRegionOptions {
  /** The day the region is laid out for and stands at: no step is dated after it (default DEMO_TODAY). */
  readonly anchor?: string;
}

/**
 * The demo region's script for an anchor (layout.ts): targets, 30 projects at every stage, a few
 * refusals and closures, trips, visits, requests, land, meetings, advisors — every fact dated on or
 * before the anchor (steps that would fall after it are left out). The same anchor gives the same
 * script, byte for byte.
 */
export const demoRegionScript = ({
  anchor = DEMO_TODAY,
}: DemoRegionOptions = {}): ReadonlyArray<ScriptStep> => {
  const layout = demoLayout(anchor);
  const { today } = layout;
  const year = layoutYear(layout);
  const on = placedOn(layout);
  const units = DEMO_PROJECT_UNITS;
  // Plans per calendar year (R11, R12), for every year the history lies in: set by mid-January
  // (the region's by early February), or on the anchor when it comes earlier.
  const steps: ScriptStep[] = planYears(layout).flatMap((y) => [
    regionTargets('xiangshan-district', y, noLaterThan(`${y}-02-07`, today)),
    ...units.map((u) => unitTargets(u, y, noLaterThan(`${y}-01-15`, today))),
  ]);
  units.forEach((unitId, ui) => {
    CATALOGUE.forEach((spec, i) => {
      const projectId = `XM-${year}-${String(ui * 100 + i + 1).padStart(4, '0')}`;
      const capturedOn = on(
        `${String(1 + ((i + ui) % 9)).padStart(2, '0')}-${String(5 + ui * 3).padStart(2, '0')}`,
      );
      const stage = DEMO_STAGES[(i + ui * 3) % DEMO_STAGES.length]!;
      // The project's profile (R22): 项目类别, 园区/镇街, 项目代码, 备案证号, 用地类型, 供地进度
      steps.push(...withProfile(lifeBy({ ...spec, projectId, unitId, capturedOn }, stage, today)));
    });
    // Closures: a discarded lead and an abandoned negotiation per unit.
    const discarded = `XM-${year}-${String(ui * 100 + 90).padStart(4, '0')}`;
    steps.push(
      ...lifeUntil(
        {
          ...CATALOGUE[ui]!,
          name: `${CATALOGUE[ui]!.name}（重复信息）`,
          projectId: discarded,
          unitId,
          capturedOn: on('03-01'),
        },
        'lead',
      ),
      {
        role: 'investment-officer',
        unitId,
        command: {
          type: 'DiscardLead',
          projectId: discarded,
          on: on('03-20'),
          reason: '投资方意向不明确，经研判放弃',
        },
      },
    );
    const abandoned = `XM-${year}-${String(ui * 100 + 91).padStart(4, '0')}`;
    steps.push(
      ...lifeUntil(
        {
          ...CATALOGUE[ui + 3]!,
          name: `${CATALOGUE[ui + 3]!.name}（二期）`,
          projectId: abandoned,
          unitId,
          capturedOn: on('04-01'),
        },
        'qualified',
      ),
      {
        role: 'investment-officer',
        unitId,
        command: {
          type: 'AbandonProject',
          projectId: abandoned,
          on: on('05-30'),
          reason: '投资方战略调整，终止洽谈',
        },
      },
    );
    // R15: the unit principal's outbound trips.
    [0, 1, 2].forEach((m) => {
      const from = on(`${String(3 + m * 2).padStart(2, '0')}-10`);
      steps.push({
        role: 'investment-officer',
        unitId,
        command: {
          type: 'RecordOutboundTrip',
          tripId: `TRIP-${unitId}-${from.slice(0, 7)}`,
          leaderId: `LD-${unitId}-1`,
          unitId,
          delegation: `${DEMO_UNITS[unitId as keyof typeof DEMO_UNITS]}赴长三角招商小分队`,
          members: ['主要负责人', '招商专员'],
          destination: ['苏州', '深圳', '宁波'][m]!,
          from,
          to: addDays(from, 4),
          companiesMet: ['某新能源科技有限公司', '某精密制造有限公司'],
          leadsProduced: [],
          results: '达成初步投资意向 2 个',
          nextSteps: '邀请企业来区实地考察',
        },
      });
    });
  });
  // demo lights (issue #18 item 6): the office's recent follow-ups on its idle leads, after DEMO_TODAY only
  steps.push(...demoFollowUps(steps, layout, (step) => factDatesOfStep(step).map((d) => d.date)));
  // Weekly 包保 visits (R18, 000 §五.2): the responsible persons visit most weeks (a few missed).
  steps.push(...demoVisits(steps, layout));
  // enterprise requests (R17): a few in every state of the loop, two past their 交办 limit
  steps.push(...demoRequestSteps(layout));
  // Land plots and the land-quota ledger (R19): a dozen plots on the script's own projects.
  steps.push(
    ...demoLandSteps(
      steps.filter((step) => reached(step, today)),
      layout,
    ),
  );
  // Leading-group meetings and their 交办 items (R20)
  steps.push(...demoMeetingSteps(layout));
  // advisors (招商顾问, R21 · 002 §八): after the projects, whose signing a reward is checked against
  steps.push(...demoAdvisorSteps(steps, layout));
  return steps.filter((step) => reached(step, today));
};

/** What the seed did. */
export interface SeedReport {
  /** The day the region was laid out for (layout.ts): the server's today at seeding. */
  readonly anchor: string;
  readonly commands: number;
  readonly events: number;
  readonly projects: number;
  readonly position: string;
}

/**
 * Lays the demo region out for the server's today — its anchor (layout.ts) — and runs its script
 * through the command gateway (the same path as HTTP: decoded with the command's codec, checked by
 * the rules and against the server's today), then publishes last month's bulletin (demoBulletin) if
 * its day has come. Command ids are `demo:<n>` and `demo:bulletin-<period>`, so a re-run appends
 * nothing; every event carries the anchor in its correlation id, `demo-region@<anchor>`.
 */
export const seedDemoRegion = async (
  app: INestApplication,
  script?: ReadonlyArray<ScriptStep>,
): Promise<SeedReport> => {
  const anchor = app.get<Clock>(CLOCK).today();
  const layout = demoLayout(anchor);
  script ??= demoRegionScript({ anchor });
  const correlationId = `demo-region@${anchor}`;
  const gateway = app.get(CommandGateway);
  // The watcher leaves the demo's projects alone while their history is entered (a pass in the
  // middle would find signed projects without their weekly visits yet, and raise hundreds of
  // missed weeks), and passes once the region is in.
  const release = await app.get(ProjectHolds).hold(projectIdsOf(script));
  try {
    return await runScript(app, gateway, script, layout, correlationId);
  } finally {
    release();
    app.get(DeadlineWatcher).requestPass();
  }
};

/** The projects a script names. */
const projectIdsOf = (script: ReadonlyArray<ScriptStep>): ReadonlyArray<string> => [
  ...new Set(
    script.flatMap((step) => (typeof step.command.projectId === 'string' ? [step.command.projectId] : [])),
  ),
];

/** Runs the script's steps and publishes the bulletin (seedDemoRegion). */
const runScript = async (
  app: INestApplication,
  gateway: CommandGateway,
  script: ReadonlyArray<ScriptStep>,
  layout: DemoLayout,
  correlationId: string,
): Promise<SeedReport> => {
  const anchor = layout.today;
  let events = 0;
  let position = '0';
  const projects = new Set<string>();
  for (const [n, step] of script.entries()) {
    const command = commandOf(step);
    const commandId = `demo:${n}`;
    const result: CommandResult = await gateway.execute(command, {
      actor: { userId: `demo:${step.role}`, role: step.role, unitId: step.unitId, via: 'token' },
      commandId,
      correlationId,
      causationId: commandId,
      businessTime: businessTimeOf(command),
    });
    events += result.events.length;
    position = result.position;
    if (typeof step.command.projectId === 'string') projects.add(step.command.projectId);
  }
  const bulletin = demoBulletin(layout);
  if (bulletin.publishedOn > layout.today) {
    await app.get<ReadModels>(READ_MODELS).waitFor(BigInt(position), 10_000);
    return { anchor, commands: script.length, events, projects: projects.size, position };
  }
  // The leading group's office publishes last month's bulletin (每月通报): the server computes its
  // figures from the history, exactly as POST /bulletins does.
  const office = {
    userId: 'demo:leading-group-office',
    role: 'leading-group-office' as const,
    unitId: 'region',
    via: 'token' as const,
  };
  const prepared = await app
    .get(QueryBus)
    .execute(new PrepareBulletinPublication(bulletin.period, office, bulletin.publishedOn));
  const publish = decodeCommand('PublishBulletin', { ...prepared, type: 'PublishBulletin' });
  const published: CommandResult = await gateway.execute(publish, {
    actor: office,
    commandId: `demo:bulletin-${bulletin.period}`,
    correlationId,
    causationId: `demo:bulletin-${bulletin.period}`,
    businessTime: businessTimeOf(publish),
  });
  events += published.events.length;
  position = published.position;
  await app.get<ReadModels>(READ_MODELS).waitFor(BigInt(position), 10_000);
  return { anchor, commands: script.length + 1, events, projects: projects.size, position };
};

export { demoBulletin };
export { LIFE_STAGES };
