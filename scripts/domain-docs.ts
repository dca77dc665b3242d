/**
 * Builds docs/domain.md from the domain's own codecs and catalogues, and the rule → test map from
 * the test names, so the document cannot drift: a test fails when the file differs from this output.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as t from 'io-ts';
import {
  domainErrors,
  eventCatalogue,
  fulfilmentFindings,
  metricCatalogue,
  projectCommands,
  vocabulary,
  workingCalendarCommands,
} from '../packages/domain/src/index';
import type { ErrorMessage } from '../packages/domain/src/index';

const ROOT = join(__dirname, '..');

/** Field list of an io-ts object codec: `name: Type`, optional fields marked with `?`. */
export const fieldsOf = (codec: t.Mixed, optional = false): string[] => {
  const c = codec as t.Mixed & { _tag?: string; props?: t.Props; types?: t.Mixed[]; type?: t.Mixed };
  switch (c._tag) {
    case 'ReadonlyType':
    case 'ExactType':
      return fieldsOf(c.type!, optional);
    case 'InterfaceType':
      return Object.entries(c.props!).map(([k, v]) => `${k}${optional ? '?' : ''}: ${typeName(v)}`);
    case 'PartialType':
      return Object.entries(c.props!).map(([k, v]) => `${k}?: ${typeName(v)}`);
    case 'IntersectionType':
      return c.types!.flatMap((x, i) =>
        fieldsOf(x, optional || (i > 0 && (x as { _tag?: string })._tag === 'PartialType')),
      );
    default:
      return [];
  }
};

const typeName = (codec: t.Mixed): string => {
  const c = codec as t.Mixed & { _tag?: string; type?: t.Mixed; keys?: Record<string, unknown> };
  if (c._tag === 'KeyofType' && c.keys !== undefined && !/^[A-Z]/.test(c.name))
    return Object.keys(c.keys)
      .map((k) => `'${k}'`)
      .join(' \\| ');
  if (c._tag === 'ReadonlyArrayType' || c._tag === 'ArrayType') return `${typeName(c.type!)}[]`;
  return c.name.replace(/\|/g, '\\|').replace(/^Readonly<(.*)>$/, '$1');
};

const specFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (f === 'node_modules' || f === 'dist') return [];
    return statSync(p).isDirectory() ? specFiles(p) : f.endsWith('.spec.ts') ? [p] : [];
  });

/** Every test whose name cites a rule ("… (R7)"), by rule. */
export const testsByRule = (): Map<string, Array<{ file: string; name: string }>> => {
  const byRule = new Map<string, Array<{ file: string; name: string }>>();
  const files = specFiles(join(ROOT, 'packages')).sort();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:it|test)\(\s*(['"`])(.*?)\1/g)) {
      const name = m[2]!;
      for (const r of name.matchAll(/\bR(\d{1,2})\b/g)) {
        const rule = `R${r[1]}`;
        const list = byRule.get(rule) ?? [];
        list.push({ file: relative(ROOT, file), name });
        byRule.set(rule, list);
      }
    }
  }
  return byRule;
};

const RULES: ReadonlyArray<readonly [string, string, string]> = [
  [
    'R1',
    '固定资产投资 ≥ 1000 万元的项目签约前须论证准入，补充协议跨过该线亦同 / admission review before signing (or amending across) 10 million CNY',
    '`requireAdmission`, `requireAmendmentAdmission`',
  ],
  [
    'R2',
    '部门书面意见、领导小组决策（否决部门意见须说明理由），负面清单、淘汰类与限制类新建项目不得准入 / department opinions, leading group decides with stated reasons, negative list, eliminated class and new restricted projects barred',
    '`requireAllOpinions`, `requireAdmissible`, `admissionBar`, `requireOverrulingReason`',
  ],
  [
    'R3',
    '单独供地项目签约前（或补充协议改为单独供地前）须尽职调查 / due diligence for stand-alone land supply',
    '`requireDueDiligence`, `requireAmendmentDueDiligence`',
  ],
  [
    'R4',
    '以区政府名义签约须司法局审查，管委会签约须法务审查，报领导小组审议；补充协议变更审查所及条款亦同 / legal review by the right reviewer, also of supplementary agreements',
    '`requireLegalReview`, `requiredReviewer`, `requireAmendmentLegalReview`, `reviewedTermsChanged`',
  ],
  [
    'R5',
    '协议须约定投资强度、进度、贡献与扶持及约束条款 / complete agreement terms with clawback clauses',
    '`requireCompleteTerms`, `requireCommitments`',
  ],
  [
    'R6',
    '一个项目、一个包保领导、一个包保责任人；重点项目配项目经理、项目秘书 / responsible leaders',
    '`requireResponsibleLeaders`, `requiredRoles`',
  ],
  [
    'R7',
    '属本区审批的事项 3 个工作日内办结，特殊情况 10 个工作日；上报审批的跟踪办结；法定节假日与调休，未采用的年度不推算 / district procedures: time limits in working days; higher-level ones followed up; a year without an adopted schedule is never guessed',
    '`addWorkingDays`, `workingDaysBetween`, `procedureDueOn`, `workingDayCalendarOf`, `requireValidSchedule`',
  ],
  [
    'R8',
    '三个月不开工、两年不投产、三年不见效予以清理并收回土地 / exit rule',
    '`detectMissedMilestones`, `withdrawnMisses`, `exitRuleApplies`',
  ],
  [
    'R9',
    '建设期满后约定与实际对比，不达标则督促、收租或返还扶持资金 / fulfilment review',
    '`assessFulfilment`, `evaluationAsOf`, `requireConstructionPeriodOver`, `requireShortfall`',
  ],
  [
    'R10',
    '严格履约兑现政策，未达经济指标二次招商，严重违约清退；以最近评估年度为准 / verdicts and their consequences; the latest evaluated year governs',
    '`assessFulfilment`, `requireCompliance`, `requireUnderperformance`, `requireSeriousBreach`, `requireEvaluationYear`, `governingVerdict`',
  ],
  [
    'R11',
    '年度目标：线索、谋划、签约、开工、投产、固投、外资（实际到位）；各指标口径见指标目录 / annual targets per unit, each metric saying what it counts',
    'target-plan decider, `defaultTargetsR11`, `zoneTargets003`, `metricCatalogue`; money received: `ForeignCapitalReceived`, `OutOfProvinceFundsReceived`',
  ],
  [
    'R12',
    '区级 2024 目标与签约开工率、开工纳统率 / district targets and the two rates',
    '`districtTargets2024R12`',
  ],
  [
    'R13',
    '六个更加突出：有效线索、新签约、新开工、新纳统、实际投资、新竣工投产；避免包装项目（一炮数响只计一次） / the six counts, no padded projects',
    'projections (performance review); each group of duplicates counts once: `countedMembers`, `requireLinkableCanonical`, `DuplicateUnlinked`',
  ],
  ['R14', '每月通报、季度考评、年终考核，序时进度 / bulletins and assessment', 'bulletin decider'],
  ['R15', '领导外出招商的最低次数与天数 / leaders’ trip minimums', '`meetsTripMinimum`, `tripMinimumsR15`'],
  ['R16', '招商渠道：产业链、以商招商、委托、基金、驻点、商协会、网络 / promotion channels', '`Channel`'],
];

const LIFECYCLE = `\`\`\`mermaid
stateDiagram-v2
    [*] --> lead: LeadCaptured
    [*] --> planned: ProjectPlanned (谋划)
    lead --> qualified: LeadQualified
    planned --> qualified: LeadQualified (with investor)
    lead --> discarded: LeadDiscarded
    planned --> discarded: LeadDiscarded
    qualified --> discarded: LeadDiscarded
    qualified --> under_review: ConsultationOpened
    under_review --> under_review: DepartmentOpinionRecorded
    under_review --> admitted: AdmissionApproved
    under_review --> rejected: AdmissionRejected
    qualified --> signed: AgreementSigned (< 1000万, R1)
    admitted --> signed: AgreementSigned (R3 R4 R5)
    signed --> signed: AgreementAmended / ProcedureRequested / ProcedureCompleted
    signed --> under_construction: ConstructionStarted (R6)
    under_construction --> under_construction: InvestmentProgressReported / EnteredStatistics
    under_construction --> completed: ConstructionCompleted
    completed --> in_production: ProductionStarted
    in_production --> at_capacity: CapacityReached
    in_production --> in_production: PerformanceReported / FulfilmentEvaluated / IncentiveDisbursed
    at_capacity --> at_capacity: PerformanceReported / FulfilmentEvaluated / IncentiveDisbursed
    signed --> terminated: ProjectTerminated (R8 exit rule, R10 breach)
    under_construction --> terminated: ProjectTerminated
    completed --> terminated: ProjectTerminated
    in_production --> terminated: ProjectTerminated
    terminated --> terminated: SubsidyClawedBack / LandReclaimed
    lead --> abandoned: ProjectAbandoned
    qualified --> abandoned: ProjectAbandoned
    under_review --> abandoned: ProjectAbandoned
    admitted --> abandoned: ProjectAbandoned
    discarded --> [*]
    rejected --> [*]
    abandoned --> [*]
    terminated --> [*]
\`\`\`

After signing, the deadline watcher raises **MilestoneMissed** (agreement schedule, the R8 exit rule,
procedures past their R7 limit, rectification deadlines) once per deadline. A fact dated on or before
a raised deadline but entered afterwards (补录) is recorded with **MilestoneWithdrawn**
(\`reason: 'late-entry'\`, \`withdrawnMisses\`): the miss no longer stands, and the review counts a late
entry instead (DOMAIN.md §5). Repeating \`StartConstruction\`, \`CompleteConstruction\`,
\`StartProduction\`, \`ReachCapacity\` or \`EnterStatistics\` with another date or 统计编码 is refused
(\`FACT_ALREADY_RECORDED\`); \`CorrectFact\` records **FactCorrected** with the previous and corrected
value and the reason, keeps the timeline's order, withdraws a miss it shows was met
(\`reason: 'correction'\`) and reinstates a withdrawn one it shows was not. Fulfilment evaluation
leads to **IncentiveDisbursed** (compliant), **SecondaryPromotionStarted** / **RectificationOrdered**
(underperforming) or **SubsidyClawedBack**, **ProjectTerminated** and **LandReclaimed** (serious breach).`;

const VERDICTS = `Each \`EvaluateFulfilment\` judges one year as of its last day (or the evaluation day, if earlier:
\`evaluationAsOf\`), once the construction period is over (R9: 000 §三.4), and records
**FulfilmentEvaluated** with ratios (actual ÷ committed, four decimals, \`null\` where not applicable),
per-mu figures in 万元/亩 (committed and actual: 亩均投资, 亩均税收, 亩均产值/效益) and findings that say why:

- **serious breach** only for what the seeds name (002 §七 严重违约; 001 §(四) 圈而不建、签而不建、建而不产):
  not started by the start deadline — 圈而不建 if the land was supplied (a completed \`land\` procedure),
  else 签而不建; started but not producing by the production deadline (建而不产); fixed-asset investment
  below the policy threshold (default half) of the agreement; or a breach the agreement defines, stated
  in the command (\`definedBreach\`: clause and description). A deadline is the agreed date or the exit
  rule's months after signing (R8: 三个月不开工、两年不投产), whichever comes first;
- **underperforming** when any applicable ratio is below the agreement: missed economic targets alone
  never make a serious breach (002 §七: 已完成投资但未能达到协议约定经济指标 → 二次招商; 001 §(四) 履约差 → 限期整改);
- **compliant** otherwise.

Output, tax and jobs are not applicable before production while the production deadline has not passed;
per-mu figures are not applicable without land; a ratio over nothing is not applicable, never 100 %.
The state keeps every year's evaluation (\`evaluations\`) and the evaluation of the latest evaluated
year (\`governingEvaluation\`): evaluating an earlier year afterwards is recorded but does not overturn it,
and the rules that depend on the verdict (payment, secondary promotion, clawback, termination for breach)
read the governing one.`;

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The whole of docs/domain.md. */
export const renderDomainDoc = (): string => {
  const out: string[] = [];
  out.push('# The domain: investment-attraction projects (招商引资项目)');
  out.push('');
  out.push(
    '<!-- Generated by `npm run docs:domain` from the codecs, the error catalogue and the test names. Do not edit by hand: a test fails when this file is stale. -->',
  );
  out.push('');
  out.push(
    'The package `@zhaoshang/domain` models each project as an event-sourced aggregate (a decider: `initialState`, `evolve`, `decide`), plus annual target plans, leader activity and published bulletins. It is pure: no I/O, no clock, no randomness — time and ids come in with the commands. See `packages/domain/README.md` for how to use it; the business and its sources are in `shared/DOMAIN.md` and the seeds.',
  );
  out.push('');
  out.push('## Conventions');
  out.push('');
  out.push(
    '- **Money** is exact: integers of 分 (CNY, `Cny`) or cents (USD, `Usd`); 1 万元 = 1,000,000 分, 1 亿元 = 10,000,000,000 分. Ratios are reported, never stored as money.',
  );
  out.push(
    '- **Business dates** (`BusinessDate`, `YYYY-MM-DD`) are dates in China (Asia/Shanghai) on which a fact happened; the time an event was recorded is metadata of the store.',
  );
  out.push(
    '- **Land** is in 亩 (`Mu`); **working days** follow the official calendar (holidays and adjusted workdays, 调休): the `chinese-days` package for 2004–2026, then each year an office adopts on the `working-calendar` stream (国务院办公厅关于20XX年部分节假日安排的通知, with its source). A count that reaches a year not covered is `pending-calendar`, never guessed (R7).',
    '- **Procedures** have an approval level: `district` (属本区审批, 3/10 working days) or `higher-level` (上报审批, 跟踪办结, no limit); a district deadline is `due` or `pending-calendar` (R7, 001 §(三)2).',
  );
  out.push(
    '- **Evidence** (`EvidenceRef`: SHA-256, name, kind) is carried by the events a document supports.',
  );
  out.push(
    '- **Errors** are values `{ code, params }` with a message in 中文 and English; codes are stable and never reused.',
  );
  out.push('');
  out.push('## Lifecycle of a project');
  out.push('');
  out.push(LIFECYCLE);
  out.push('');
  out.push('## Fulfilment verdicts (R9, R10)');
  out.push('');
  out.push(VERDICTS);
  out.push('');
  out.push('| finding | weighs as | 中文 | English |');
  out.push('|---|---|---|---|');
  for (const [code, f] of Object.entries(fulfilmentFindings)) {
    out.push(`| \`${code}\` | ${f.weight} | ${cell(f.zh)} | ${cell(f.en)} |`);
  }
  out.push('');
  out.push('## Rules and where they are enforced and tested');
  out.push('');
  const tests = testsByRule();
  for (const [rule, text, where] of RULES) {
    const codes = Object.entries(domainErrors as Record<string, ErrorMessage>)
      .filter(([, m]) => m.rule === rule)
      .map(([code]) => `\`${code}\``);
    out.push(`### ${rule} — ${text}`);
    out.push('');
    out.push(`- Enforced by: ${where}${codes.length > 0 ? `; error codes ${codes.join(', ')}` : ''}`);
    const list = tests.get(rule) ?? [];
    if (list.length === 0) out.push('- Tests: none yet');
    else {
      out.push(`- Tests (${list.length}):`);
      for (const x of list) out.push(`  - \`${x.file}\`: ${x.name}`);
    }
    out.push('');
  }
  out.push('## Metric catalogue (what each target counts)');
  out.push('');
  out.push(
    "A region's target plan (`AnnualTargetsSet`) lists the metrics it uses by key, each with its target and, for counts of agreements, a size threshold. Similar words count different things in different regions (R11): each metric says what it counts. Money metrics count money actually received, by the day it arrived, never the amount an agreement promises.",
  );
  out.push('');
  out.push('| key | kind | 指标 | metric | unit | 计数口径 | what it counts | seeds |');
  out.push('|---|---|---|---|---|---|---|---|');
  for (const [key, m] of Object.entries(metricCatalogue)) {
    out.push(
      `| \`${key}\` | ${m.kind} | ${cell(m.zh)} | ${cell(m.en)} | ${m.unitZh} | ${cell(m.countsZh)} | ${cell(m.countsEn)} | ${cell(m.seeds.join('；'))} |`,
    );
  }
  out.push('');
  out.push('## Glossary (the vocabulary)');
  out.push('');
  out.push(
    "Every business term a person reads has one label in Chinese and English, in `vocabulary` (`packages/domain/src/vocabulary/`); projections, reports, the dashboard and error messages take their words from it. Event types are described in the event catalogue below and metrics in the catalogue above. The exit rule's milestones (`exit-no-start`, …) carry no figure: a person reads them with the policy's term, e.g. 三个月不开工 for `exitRule.startMonths = 3` (`milestoneLabel`).",
  );
  out.push('');
  for (const [section, labels] of Object.entries(vocabulary)) {
    if (section === 'eventTypes' || section === 'metrics') continue;
    out.push(`### \`${section}\``);
    out.push('');
    out.push('| key | 中文 | English |');
    out.push('|---|---|---|');
    for (const [key, l] of Object.entries<{ readonly zh: string; readonly en: string }>(labels))
      out.push(`| \`${key}\` | ${cell(l.zh)} | ${cell(l.en)} |`);
    out.push('');
  }
  out.push('## Event catalogue');
  out.push('');
  out.push(
    'Each event is `{ type, data }`; the store keeps its schema version in the metadata and older versions are upcast on read (`makeEventReader`; examples: `LeadCaptured` v1 → v2, `FulfilmentEvaluated` v1 → v2).',
  );
  out.push('');
  let aggregate = '';
  for (const { aggregate: agg, definition } of eventCatalogue) {
    if (agg !== aggregate) {
      aggregate = agg;
      out.push(`### Aggregate \`${agg}\``);
      out.push('');
      out.push('| event | v | 中文 | English | rules | data fields |');
      out.push('|---|---|---|---|---|---|');
    }
    const fields = fieldsOf(definition.data)
      .map((f) => `\`${f}\``)
      .join(', ');
    out.push(
      `| **${definition.type}** | ${definition.version} | ${cell(definition.zh)} | ${cell(definition.en)} | ${definition.rules.join(' ')} | ${fields} |`,
    );
    const next = eventCatalogue[eventCatalogue.findIndex((e) => e.definition === definition) + 1];
    if (next === undefined || next.aggregate !== agg) out.push('');
  }
  const commandTable = (heading: string, codecs: Readonly<Record<string, t.Mixed>>) => {
    out.push(`## ${heading}`);
    out.push('');
    out.push('| command | fields |');
    out.push('|---|---|');
    for (const codec of Object.values(codecs)) {
      const fields = fieldsOf(codec)
        .filter((f) => !f.startsWith('type'))
        .map((f) => `\`${f}\``)
        .join(', ');
      out.push(`| **${codec.name}** | ${fields} |`);
    }
    out.push('');
  };
  commandTable('Project commands', projectCommands);
  commandTable('Working-calendar commands', workingCalendarCommands);
  out.push('## Error codes');
  out.push('');
  out.push('| code | rule | 中文 | English |');
  out.push('|---|---|---|---|');
  for (const [code, m] of Object.entries(domainErrors as Record<string, ErrorMessage>)) {
    out.push(`| \`${code}\` | ${m.rule ?? ''} | ${cell(m.zh)} | ${cell(m.en)} |`);
  }
  out.push('');
  return out.join('\n');
};
