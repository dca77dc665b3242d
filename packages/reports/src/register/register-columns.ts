import type { RegisterEntry, RegisterProcedure } from '@zhaoshang/projections';
import { vocabulary, type ProcedureKind } from '@zhaoshang/domain';
import { date, empty, integer, light, money, text, type Cell, type Column } from '../table/cell';
import { channelName, missedMilestoneName, stageNames } from '../vocabulary/labels';

/*
 * The columns of the register (招商引资工作台账) as offices keep it (DOMAIN.md §6: the project list
 * 投资方, 项目名称, 项目类别, 投资额, 项目内容, 园区, 镇街, 录入时间, 洽谈进度; the procedures sheet 项目代码,
 * 批准部门, 备案证号, 统一社会信用代码, 用地类型, 供地进度, 环评, 安评, 能评, 施工图审查, 施工许可, 开工日期,
 * 是否列统, 统计编码, 竣工日期). One entry per column with a stable `key`: layouts (column groups per
 * printed sheet, widths) refer to the keys, never to positions or headers.
 *
 * Every cell a person reads is a name: units, parks and towns by the registry's names, people by
 * their names (the assignment's, else the leaders registry's), enumerations in the vocabulary's words.
 */

/** What a column's cell may need besides the row: names from the registries. */
export interface RegisterNames {
  /** Units, parks and towns (unitId → name), for 园区 and 镇街. */
  readonly places: Readonly<Record<string, string>>;
  /** People (leaderId → name), for those the row names only by id (最近走访人). */
  readonly leaders: Readonly<Record<string, string>>;
}

/** One project row of a unit's sheet: the entry, its 序号 within the unit, and the names it may print. */
export interface RegisterLine {
  readonly entry: RegisterEntry;
  /** 序号 within the unit. */
  readonly index: number;
  readonly names: RegisterNames;
}

/** A register column: a stable key and its header, cell and widest width. */
export interface RegisterColumn extends Column<RegisterLine> {
  readonly key: string;
}

/** 固定资产投资, in the vocabulary's words (a column in 万元 per unit, in 亿元 in the summary). */
export const FIXED_ASSETS = vocabulary.fulfilmentFigures.fixedAssetInvestment.zh;

/** The procedures with a column of their own on the procedures sheet (DOMAIN.md §6), in its order. */
export const PROCEDURE_COLUMNS: ReadonlyArray<ProcedureKind> = [
  'environmental-assessment', // 环评
  'safety-assessment', // 安评
  'energy-assessment', // 能评
  'drawing-review', // 施工图审查
  'construction-permit', // 施工许可
];

const nextNode = (e: RegisterEntry): string | undefined => {
  if (e.closed || e.nextDeadline === undefined) return undefined; // a closed project waits for nothing
  const due = e.nodes.filter((n) => n.doneOn === undefined && n.dueOn === e.nextDeadline).map((n) => n.label);
  return `${due.length > 0 ? due.join('、') : '节点'}（${e.nextDeadline}）`;
};

const missedNodes = (e: RegisterEntry): string | undefined => {
  if (e.missedMilestones.length === 0) return undefined;
  const label = (key: string) => e.nodes.find((n) => n.key === key)?.label;
  return e.missedMilestones.map((k) => missedMilestoneName(k, label, e.exitRuleTerms)).join('；');
};

const remarks = (e: RegisterEntry): string | undefined => {
  const out: string[] = [];
  if (e.duplicateOf !== undefined) out.push(`重复项目（与 ${e.duplicateOf} 为同一项目），不计入统计与合计`);
  else if (!e.counted) out.push('不计入统计与合计');
  if (e.closed && e.closedOn !== undefined) out.push(`${e.closedOn} ${stageNames[e.stage] ?? e.stage}`);
  if (e.dropped === true) out.push(`${e.idleMonths ?? ''} 个月无进展，已移出在谈清单`);
  else if (e.idleMonths !== undefined && e.idleMonths > 0) out.push(`${e.idleMonths} 个月无进展`);
  if (e.statisticsLight === 'yellow' || e.statisticsLight === 'red') out.push('开工后尚未入库纳统');
  // R7: a deadline counted into a year whose holiday schedule is not adopted is shown as pending, never guessed.
  if (!e.closed) {
    for (const n of e.nodes) {
      if (n.deadlineStatus === 'pending-calendar' && n.doneOn === undefined)
        out.push(`${n.label}办结时限待定（${n.pendingCalendarYear ?? ''} 年节假日安排尚未采用）`);
    }
  }
  if (e.agreementAmendments !== undefined && e.agreementAmendments > 0)
    out.push(`协议变更 ${e.agreementAmendments} 次`);
  return out.length > 0 ? out.join('；') : undefined;
};

/** Land in 亩 (up to four decimals) as an exact decimal. */
const landCell = (mu: number | undefined): Cell =>
  mu === undefined ? empty : { kind: 'decimal', units: Math.round(mu * 10_000), scale: 4, decimals: 2 };

/** A place (园区, 镇街) by the registry's name; an id the registry does not know, as it is. */
const placeCell = (id: string | undefined, names: RegisterNames): Cell =>
  text(id === undefined ? undefined : (names.places[id] ?? id));

/** A procedure's state and date, as the procedures sheet writes it: 办结（2024-05-23） / 在办（2024-05-20 申报）. */
export const procedureText = (p: RegisterProcedure | undefined): string | undefined =>
  p === undefined
    ? undefined
    : p.completedOn !== undefined
      ? `办结（${p.completedOn}）`
      : `在办（${p.requestedOn} 申报）`;

/** 批准部门: who approves the project's filing (立项备案/核准): the authority reported to, else the department. */
const approvalDepartment = (e: RegisterEntry): string | undefined => {
  const filing = e.procedures?.['project-filing'];
  if (filing === undefined) return undefined;
  return filing.authority ?? vocabulary.departments[filing.department].zh;
};

const procedureColumn = (kind: ProcedureKind): RegisterColumn => ({
  key: `procedure:${kind}`,
  header: vocabulary.procedures[kind].zh,
  cell: (l) => text(procedureText(l.entry.procedures?.[kind])),
  maxWidth: 16,
});

/** The columns of a unit's sheet (and of the register CSV, after 单位), in the order an office keeps them. */
export const registerColumns: ReadonlyArray<RegisterColumn> = [
  { key: 'index', header: '序号', cell: (l) => integer(l.index) },
  { key: 'projectId', header: '项目编号', cell: (l) => text(l.entry.projectId) },
  { key: 'name', header: '项目名称', cell: (l) => text(l.entry.name), maxWidth: 24 },
  {
    key: 'investor',
    header: '投资方',
    cell: (l) => text(l.entry.investorName),
    maxWidth: 24,
    group: '基本信息',
  },
  { key: 'creditCode', header: '统一社会信用代码', cell: (l) => text(l.entry.investorCreditCode) },
  // 项目清单 (DOMAIN.md §6): 项目类别, 园区, 镇街 (R22 profile)
  {
    key: 'category',
    header: '项目类别',
    cell: (l) =>
      text(l.entry.category === undefined ? undefined : vocabulary.projectCategories[l.entry.category].zh),
  },
  { key: 'park', header: '园区', cell: (l) => placeCell(l.entry.parkId, l.names), maxWidth: 20 },
  { key: 'town', header: '镇街', cell: (l) => placeCell(l.entry.townId, l.names), maxWidth: 20 },
  { key: 'industryChain', header: '产业链', cell: (l) => text(l.entry.industryChain), maxWidth: 20 },
  {
    key: 'channel',
    header: '招商方式',
    cell: (l) => text(l.entry.channel === undefined ? undefined : channelName(l.entry.channel)),
  },
  { key: 'investment', header: '计划/协议总投资（万元）', cell: (l) => money(l.entry.investment, 'wan') },
  {
    key: 'fixedAssets',
    header: `${FIXED_ASSETS}（万元）`,
    cell: (l) => money(l.entry.fixedAssetInvestment, 'wan'),
  },
  {
    key: 'cumulativeInvestment',
    header: '累计完成投资（万元）',
    cell: (l) => money(l.entry.cumulativeInvestment, 'wan'),
  },
  { key: 'landArea', header: '用地面积（亩）', cell: (l) => landCell(l.entry.landArea) },
  // 用地类型, 供地进度: the allocated plot's (R19) first, else the profile's (R22)
  {
    key: 'landUse',
    header: '用地类型',
    cell: (l) =>
      text(l.entry.land?.landUse === undefined ? undefined : vocabulary.landUses[l.entry.land.landUse].zh),
  },
  {
    key: 'landSupply',
    header: '供地进度',
    cell: (l) =>
      text(
        l.entry.land?.supply === undefined ? undefined : vocabulary.supplyStatuses[l.entry.land.supply].zh,
      ),
  },
  {
    key: 'stage',
    header: '所处阶段',
    cell: (l) => text(stageNames[l.entry.stage] ?? l.entry.stage),
    group: '推进情况',
  },
  {
    key: 'responsibleLeader',
    header: vocabulary.leaderRoles['responsible-leader'].zh,
    cell: (l) => text(l.entry.leaders['responsible-leader']?.name ?? l.entry.responsibleLeader),
  },
  {
    key: 'responsiblePerson',
    header: vocabulary.leaderRoles['responsible-person'].zh,
    cell: (l) => text(l.entry.leaders['responsible-person']?.name),
  },
  { key: 'capturedOn', header: '录入日期', cell: (l) => date(l.entry.capturedOn) },
  { key: 'signedOn', header: '签约日期', cell: (l) => date(l.entry.signedOn) },
  // 手续台账 (DOMAIN.md §6): 项目代码, 批准部门, 备案证号 (R22 profile), a column per procedure
  {
    key: 'projectCode',
    header: '项目代码',
    cell: (l) => text(l.entry.projectCode),
    maxWidth: 26,
    group: vocabulary.historyPhases.procedures.zh,
  },
  {
    key: 'approvalDepartment',
    header: '批准部门',
    cell: (l) => text(approvalDepartment(l.entry)),
    maxWidth: 20,
  },
  { key: 'filingNo', header: '备案证号', cell: (l) => text(l.entry.filingNo), maxWidth: 24 },
  ...PROCEDURE_COLUMNS.map(procedureColumn),
  {
    key: 'startedOn',
    header: vocabulary.correctableFacts['construction-started'].zh,
    cell: (l) => date(l.entry.startedOn),
  },
  // 是否列统, 统计编码 (入库纳统)
  {
    key: 'inStatistics',
    header: '是否列统',
    cell: (l) =>
      text(l.entry.startedOn === undefined ? undefined : l.entry.statisticsOn !== undefined ? '是' : '否'),
  },
  { key: 'statisticsCode', header: '统计编码', cell: (l) => text(l.entry.statisticsCode), maxWidth: 24 },
  { key: 'statisticsOn', header: '纳统日期', cell: (l) => date(l.entry.statisticsOn) },
  {
    key: 'completedOn',
    header: vocabulary.correctableFacts['construction-completed'].zh,
    cell: (l) => date(l.entry.completedOn),
  },
  {
    key: 'productionOn',
    header: vocabulary.correctableFacts['production-started'].zh,
    cell: (l) => date(l.entry.productionOn),
  },
  { key: 'nextNode', header: '下一节点', cell: (l) => text(nextNode(l.entry)), maxWidth: 28 },
  { key: 'missedNodes', header: '逾期节点', cell: (l) => text(missedNodes(l.entry)), maxWidth: 28 },
  { key: 'light', header: '状态灯', cell: (l) => light(l.entry.light) },
  { key: 'remarks', header: '备注', cell: (l) => text(remarks(l.entry)), maxWidth: 36 },
  // Weekly 包保 visits (R18, 000 §五.2): 最近走访 (date, who) and the weeks raised without the
  // responsible person's visit (blank before signing: no 包保 period yet).
  {
    key: 'lastVisitOn',
    header: '最近走访日期',
    cell: (l) => date(l.entry.lastVisit?.on),
    group: '包保走访',
  },
  {
    key: 'lastVisitBy',
    header: '最近走访人',
    // A person's name: the assignment's, else the leaders registry's; an id only when neither knows them.
    cell: (l) => {
      const v = l.entry.lastVisit;
      return text(v === undefined ? undefined : (v.name ?? l.names.leaders[v.leaderId] ?? v.leaderId));
    },
    maxWidth: 30,
  },
  {
    key: 'visitWeeksMissed',
    header: '缺访周数',
    cell: (l) => integer(l.entry.signedOn === undefined ? undefined : (l.entry.visitWeeksMissed ?? 0)),
  },
];

/** Index of a column by its key (for the 合计 row). */
export const columnAt = (key: string): number => registerColumns.findIndex((c) => c.key === key);
