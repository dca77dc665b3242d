import type { ErrorMessage } from '../shared/errors';

/**
 * Error codes of the investment-project aggregate. Stable, documented in docs/domain.md,
 * never reused. `{name}` in a message is filled from the error's params.
 */
export const projectErrors = {
  PROJECT_NOT_FOUND: { zh: '项目 {projectId} 不存在', en: 'Project {projectId} does not exist' },
  PROJECT_ALREADY_EXISTS: {
    zh: '项目 {projectId} 已存在，内容不同',
    en: 'Project {projectId} already exists with different content',
  },
  PROJECT_CLOSED: {
    zh: '项目 {projectId} 已{stage}，不再受理',
    en: 'Project {projectId} is {stage} and accepts no further changes',
  },
  WRONG_STAGE: {
    zh: '项目当前阶段为「{stage}」，不能{action}',
    en: 'The project is at stage "{stage}": cannot {action}',
  },
  DATE_OUT_OF_ORDER: {
    zh: '日期 {on} 早于其所依据的事实日期 {after}',
    en: 'Date {on} is earlier than the fact it follows ({after})',
  },
  INVESTOR_REQUIRED: {
    zh: '谋划项目转为有效线索时须明确投资方',
    en: 'A planned project needs an investor to become a qualified lead',
  },
  ADMISSION_REQUIRED: {
    zh: '固定资产投资 {fixedAssetInvestmentWan} 万元，达到 {thresholdWan} 万元，须经论证准入后方可签约',
    en: 'Fixed-asset investment of {fixedAssetInvestmentWan} 万元 reaches {thresholdWan} 万元: admission review must approve it before signing',
    rule: 'R1',
  },
  CONSULTATION_NOT_OPEN: {
    zh: '尚未启动论证准入、征求部门意见',
    en: 'Admission review has not been opened',
    rule: 'R2',
  },
  CONSULTATION_ALREADY_OPEN: {
    zh: '论证准入已启动',
    en: 'Admission review is already open',
    rule: 'R2',
  },
  NO_DEPARTMENTS_CONSULTED: {
    zh: '论证准入须至少征求一个部门的意见',
    en: 'Admission review must consult at least one department',
    rule: 'R2',
  },
  DEPARTMENT_NOT_CONSULTED: {
    zh: '未向 {department} 征求意见',
    en: 'Department {department} was not consulted',
    rule: 'R2',
  },
  OPINIONS_MISSING: {
    zh: '尚缺部门书面意见：{missing}',
    en: 'Written opinions still missing from: {missing}',
    rule: 'R2',
  },
  ADMISSION_BARRED: {
    zh: '项目属于{groundZh}，不得准入',
    en: 'The project is {groundEn} ({ground}) and cannot be admitted',
    rule: 'R2',
  },
  OVERRULING_REASON_REQUIRED: {
    zh: '{departments} 出具了不同意准入的意见，领导小组准入通过须写明理由',
    en: '{departments} gave an unfavourable opinion: the leading group must state why it admits the project nonetheless',
    rule: 'R2',
  },
  NOTHING_TO_OVERRULE: {
    zh: '没有部门出具不同意准入的意见，无需说明否决理由',
    en: 'No department gave an unfavourable opinion: there is nothing to overrule',
    rule: 'R2',
  },
  ADMISSION_ALREADY_DECIDED: {
    zh: '准入已有结论：{decision}',
    en: 'Admission was already decided: {decision}',
    rule: 'R2',
  },
  DUE_DILIGENCE_REQUIRED: {
    zh: '单独供地项目签约前须完成尽职调查',
    en: 'A project with stand-alone land supply needs due diligence before signing',
    rule: 'R3',
  },
  LEGAL_REVIEW_REQUIRED: {
    zh: '以{signatoryZh}名义签订的协议须经{reviewerZh}合法性审查通过',
    en: 'An agreement signed by the {signatory} must pass legal review by the {reviewer}',
    rule: 'R4',
  },
  AMENDMENT_ADMISSION_REQUIRED: {
    zh: '补充协议将固定资产投资由 {fromWan} 万元调整为 {toWan} 万元，达到 {thresholdWan} 万元，须经论证准入通过',
    en: 'The supplementary agreement raises fixed-asset investment from {fromWan} to {toWan} 万元, reaching {thresholdWan} 万元: admission review must approve it first',
    rule: 'R1',
  },
  AMENDMENT_DUE_DILIGENCE_REQUIRED: {
    zh: '补充协议改为单独供地，须先完成尽职调查',
    en: 'The supplementary agreement switches to stand-alone land supply: due diligence must be completed first',
    rule: 'R3',
  },
  AMENDMENT_LEGAL_REVIEW_REQUIRED: {
    zh: '补充协议变更了{termsZh}，须在 {since} 签订或变更之后经{reviewerZh}合法性审查通过',
    en: 'The supplementary agreement changes {termsEn}: it must pass legal review by the {reviewer} after {since}, the last signing or amendment',
    rule: 'R4',
  },
  AMENDMENT_APPROVAL_REQUIRED: {
    zh: '补充协议变更了{termsZh}，须报领导小组会议审议通过（注明会议纪要）',
    en: 'The supplementary agreement changes {termsEn}: the leading group must approve it (give its minutes)',
    rule: 'R4',
  },
  AGREEMENT_TERMS_INVALID: {
    zh: '协议条款不完整或不一致：{field} {problem}',
    en: 'Agreement terms incomplete or inconsistent: {field} {problem}',
    rule: 'R5',
  },
  CLAWBACK_CLAUSE_REQUIRED: {
    zh: '约定扶持政策的协议须含扶持资金扣减、追回的约束条款',
    en: 'An agreement that grants incentives must contain clauses to withhold or claw them back',
    rule: 'R5',
  },
  COMMITMENTS_REQUIRED: {
    zh: '协议须约定企业的{fieldZh}责任（年度数额大于零），方可据以履约评估',
    en: 'The agreement must commit the investor to {fieldEn} (a yearly figure above zero) so that fulfilment can be evaluated',
    rule: 'R5',
  },
  AGREEMENT_NOT_SIGNED: {
    zh: '项目尚未签约',
    en: 'The project has no signed agreement',
  },
  AGREEMENT_ID_MISMATCH: {
    zh: '协议编号 {agreementId} 与已签协议 {signed} 不符',
    en: 'Agreement {agreementId} is not the signed agreement {signed}',
  },
  RESPONSIBLE_LEADER_REQUIRED: {
    zh: '开工建设前须明确{roleZh}',
    en: 'A {role} must be assigned before construction starts',
    rule: 'R6',
  },
  ROLE_ALREADY_FILLED: {
    zh: '{roleZh}已由 {leaderId} 担任，更换须注明被替换人',
    en: 'The {role} is already {leaderId}; name whom a new assignment replaces',
    rule: 'R6',
  },
  REPLACED_LEADER_MISMATCH: {
    zh: '被替换人 {replaces} 并非现任{roleZh}（{current}）',
    en: '{replaces} is not the current {role} ({current})',
    rule: 'R6',
  },
  PROCEDURE_NOT_FOUND: {
    zh: '手续 {procedureId} 不存在',
    en: 'Procedure {procedureId} does not exist',
    rule: 'R7',
  },
  PROCEDURE_ID_CONFLICT: {
    zh: '手续编号 {procedureId} 已用于另一项申报',
    en: 'Procedure id {procedureId} is already used for another application',
    rule: 'R7',
  },
  AUTHORITY_FOR_DISTRICT_PROCEDURE: {
    zh: '手续 {procedureId} 属本区审批，不填写上报审批机关',
    en: 'Procedure {procedureId} is approved by the district: no higher authority is named',
    rule: 'R7',
  },
  PROCEDURE_ALREADY_COMPLETED: {
    zh: '手续 {procedureId} 已于 {on} 办结',
    en: 'Procedure {procedureId} was already completed on {on}',
    rule: 'R7',
  },
  EXIT_RULE_NOT_MET: {
    zh: '未出现“{noStartZh}、{noProductionZh}、{noResultsZh}”情形，不能按退出规则清退',
    en: 'None of the exit-rule deadlines was missed ({noStartEn}; {noProductionEn}; {noResultsEn})',
    rule: 'R8',
  },
  LAND_RECLAIM_NOT_ALLOWED: {
    zh: '项目未被清退，不能收回土地',
    en: 'Land can be reclaimed only from a terminated project',
    rule: 'R8',
  },
  LAND_RECLAIM_EXCEEDS_AREA: {
    zh: '收回面积 {area} 亩超过协议用地 {landArea} 亩',
    en: 'Reclaimed area {area} mu exceeds the agreement land {landArea} mu',
    rule: 'R8',
  },
  PERIOD_ALREADY_REPORTED: {
    zh: '{period} 已报送，更正须说明原因',
    en: '{period} was already reported; a correction must give its reason',
  },
  NOTHING_TO_CORRECT: {
    zh: '{period} 尚未报送，无可更正',
    en: '{period} has not been reported: there is nothing to correct',
  },
  FULFILMENT_NOT_DUE: {
    zh: '建设期未满（未竣工且未到约定竣工日 {completeBy}），暂不能履约评估',
    en: 'The construction period is not over (not completed, agreed completion {completeBy}): fulfilment cannot be evaluated yet',
    rule: 'R9',
  },
  EVALUATION_YEAR_OUT_OF_RANGE: {
    zh: '评估年度 {year} 不在 {from}（签约年度）至 {to}（评估日所在年度）之间',
    en: 'Evaluation year {year} is outside {from} (the year of signing) to {to} (the year of the evaluation)',
    rule: 'R10',
  },
  PERFORMANCE_NOT_REPORTED: {
    zh: '{year} 年度产出尚未报送',
    en: 'Output for {year} has not been reported',
    rule: 'R9',
  },
  INCENTIVE_NOT_FOUND: {
    zh: '协议未约定扶持政策 {incentiveId}',
    en: 'The agreement grants no incentive {incentiveId}',
    rule: 'R10',
  },
  INCENTIVE_REQUIRES_COMPLIANCE: {
    zh: '现行履约评估结论（最近评估年度）为「{verdict}」，不予兑现政策',
    en: 'Incentives are honoured only for compliant projects; the governing verdict (latest evaluated year) is "{verdict}"',
    rule: 'R10',
  },
  DISBURSEMENT_EXCEEDS_CEILING: {
    zh: '兑现 {amount} 分将超过该项政策上限 {ceiling} 分（已兑现 {disbursed} 分）',
    en: 'Paying {amount} fen would exceed the incentive ceiling {ceiling} fen ({disbursed} fen already paid)',
    rule: 'R10',
  },
  CLAWBACK_EXCEEDS_DISBURSED: {
    zh: '追回 {amount} 分超过该项政策已拨付未追回金额（已拨付 {disbursed} 分，已追回 {clawedBack} 分）',
    en: 'Clawing back {amount} fen exceeds what is outstanding for this incentive ({disbursed} fen paid, {clawedBack} fen already clawed back)',
    rule: 'R10',
  },
  CLAWBACK_REQUIRES_SHORTFALL: {
    zh: '追回扶持资金须有未达约定的履约评估结论或项目已清退',
    en: 'A clawback needs a fulfilment verdict short of the agreement, or a terminated project',
    rule: 'R9',
  },
  SECONDARY_PROMOTION_REQUIRES_UNDERPERFORMANCE: {
    zh: '二次招商适用于已投资但未达经济指标的项目，现行评估结论（最近评估年度）为「{verdict}」',
    en: 'Secondary promotion is for projects that invested but missed economic targets; the governing verdict (latest evaluated year) is "{verdict}"',
    rule: 'R10',
  },
  TERMINATION_REQUIRES_BREACH: {
    zh: '以严重违约清退须有“严重违约”的现行履约评估结论（最近评估年度）',
    en: 'Termination for serious breach needs a governing fulfilment verdict (latest evaluated year) of serious breach',
    rule: 'R10',
  },
  RECTIFICATION_ITEMS_REQUIRED: { zh: '整改须列明事项', en: 'A rectification order must list its items' },
  RECTIFICATION_NOT_OPEN: {
    zh: '没有未完成的整改事项',
    en: 'There is no open rectification',
  },
  RECTIFICATION_DEADLINE_INVALID: {
    zh: '整改期限 {dueBy} 须晚于下达日期 {on}',
    en: 'The rectification deadline {dueBy} must be after the order date {on}',
  },
  AMOUNT_MUST_BE_POSITIVE: { zh: '金额必须大于零', en: 'The amount must be greater than zero' },
  AMOUNT_OUT_OF_RANGE: {
    zh: '{fieldZh}超出可精确计算的金额范围（最多 {maxFen} 分），请核对金额',
    en: 'The {field} is beyond the range of amounts that can be computed exactly (at most {maxFen} fen): check the amount',
  },
  DUPLICATE_OF_ITSELF: { zh: '项目不能认定为自身的重复', en: 'A project cannot be a duplicate of itself' },
  ALREADY_LINKED_AS_DUPLICATE: {
    zh: '项目已认定为 {canonicalProjectId} 的重复项目',
    en: 'The project is already linked as a duplicate of {canonicalProjectId}',
  },
  FACT_ALREADY_RECORDED: {
    zh: '{factZh}已记录为 {recorded}，本次为 {requested}；如原记录有误，请以更正（说明原因）办理',
    en: 'The {fact} is already recorded as {recorded}, not {requested}; if the record is wrong, correct it with a reason',
  },
  FACT_NOT_RECORDED: {
    zh: '{factZh}尚未记录，无可更正',
    en: 'No {fact} is recorded: there is nothing to correct',
  },
  CORRECTION_INVALID: {
    zh: '更正{factZh}：{problemZh}',
    en: 'Correction of the {fact}: {problem}',
  },
  CANONICAL_PROJECT_NOT_FOUND: {
    zh: '所认定的原项目 {canonicalProjectId} 不存在',
    en: 'The project {canonicalProjectId} named as the original does not exist',
  },
  DUPLICATE_LINK_CYCLE: {
    zh: '项目 {canonicalProjectId} 已认定为本项目的重复项目，不能互相认定（否则该项目一次也不计）',
    en: 'Project {canonicalProjectId} is already linked as a duplicate of this one: linking both ways would count the project zero times',
  },
  CANONICAL_IS_DUPLICATE: {
    zh: '项目 {canonicalProjectId} 本身已认定为 {linkedTo} 的重复项目，请认定为 {linkedTo} 的重复',
    en: 'Project {canonicalProjectId} is itself a duplicate of {linkedTo}: link to {linkedTo} instead',
  },
  CANONICAL_CLOSED: {
    zh: '项目 {canonicalProjectId} 已{stage}，不能作为计数的原项目',
    en: 'Project {canonicalProjectId} is {stage}: it cannot be the project that counts',
  },
  NOT_LINKED_AS_DUPLICATE: {
    zh: '项目未认定为 {canonicalProjectId} 的重复项目（当前：{current}），无可撤销',
    en: 'The project is not linked as a duplicate of {canonicalProjectId} (currently: {current}): nothing to undo',
  },
  RECEIPT_ID_CONFLICT: {
    zh: '到位资金凭证 {receiptId} 已登记，内容不同；如需更正，请附更正理由（correction）',
    en: 'Receipt {receiptId} is already recorded with different content; to correct it, give the reason (correction)',
    rule: 'R11',
  },
  RECEIPT_NOT_RECORDED: {
    zh: '到位资金凭证 {receiptId} 尚未登记，无可更正',
    en: 'Receipt {receiptId} has not been recorded: there is nothing to correct',
    rule: 'R11',
  },
  // The project's profile (R22, DOMAIN.md §6 register columns)
  PROJECT_CODE_MALFORMED: {
    zh: '项目代码「{projectCode}」格式不符：应为 年份-行政区划代码-行业代码-项目类型(01审批/02核准/03备案)-流水号，如 2024-340603-04-03-512345',
    en: 'Project code "{projectCode}" is malformed: expected year-division-industry-type (01/02/03)-serial, e.g. 2024-340603-04-03-512345',
    rule: 'R22',
  },
  PROJECT_CODE_AFTER_RECORD: {
    zh: '项目代码年份 {codeYear} 晚于登记日期 {on}',
    en: 'The project code is of {codeYear}, later than the day it is recorded ({on})',
    rule: 'R22',
  },
  PROJECT_PROFILE_EMPTY: {
    zh: '项目档案未填写任何字段',
    en: 'The project profile names no field to record',
    rule: 'R22',
  },
} as const satisfies Record<string, ErrorMessage>;

export type ProjectErrorCode = keyof typeof projectErrors;
