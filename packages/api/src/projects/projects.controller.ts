import { Controller, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import type * as t from 'io-ts';
import { Issue, Read } from '../auth/route-access';
import type { Principal } from '../auth/roles';
import { CommandGateway } from '../command-handling/command-gateway';
import { ReadScope } from '../http/read-scope';
import {
  Caller,
  CommandInput,
  Issued,
  QueryInput,
  type CommandOf,
  type RequestContext,
} from '../http/request-params';
import { QueryAnswers } from '../read-models/query-answers';
import { ProjectHistoryInput, ProjectInput, RegisterInput } from './projects.routes';
import { GetProject, GetProjectHistory, GetProjectRegister } from './queries/project-queries';

/**
 * The whole life of a project, one resource-oriented route per command (DOMAIN.md §1) — but for
 * RecordMissedMilestones: MilestoneMissed is raised by the server's clock alone (the deadline
 * watcher), so no route lets a caller say what "today" is (DOMAIN.md §5) — and the register.
 * Each command route decodes its body with the domain's codec of the command (CommandInput) and
 * hands it to the gateway, which routes it to the project's decider.
 */
@Controller('projects')
export class ProjectsController {
  constructor(
    @Inject(CommandGateway) private readonly gateway: CommandGateway,
    @Inject(QueryAnswers) private readonly answers: QueryAnswers,
    @Inject(ReadScope) private readonly scope: ReadScope,
  ) {}

  /** 招商引资工作台账 / project register; an investment officer's is their unit's. */
  @Get()
  @Read()
  register(
    @QueryInput(RegisterInput) input: t.TypeOf<typeof RegisterInput>,
    @Caller() caller: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const limit = input.limit === undefined ? undefined : Number(input.limit);
    const offset = input.offset === undefined ? undefined : Number(input.offset);
    return this.answers.sendCached(
      new GetProjectRegister(
        input.asOf ?? this.answers.today(),
        this.scope.unitOf(caller, input.unitId),
        input.stage,
        limit,
        offset,
      ),
      input,
      res,
    );
  }

  /** 项目台账条目 / one project. */
  @Get(':projectId')
  @Read()
  async project(@QueryInput(ProjectInput) input: t.TypeOf<typeof ProjectInput>, @Caller() caller: Principal) {
    await this.scope.project(caller, input.projectId);
    return this.answers.answer(new GetProject(input.projectId, input.asOf ?? this.answers.today()), input);
  }

  /** 项目全部事件及哈希链校验（审计）/ full history with hash-chain check (audit). */
  @Get(':projectId/history')
  @Read()
  async history(
    @QueryInput(ProjectHistoryInput) input: t.TypeOf<typeof ProjectHistoryInput>,
    @Caller() caller: Principal,
  ) {
    await this.scope.project(caller, input.projectId);
    return this.answers.answer(new GetProjectHistory(input.projectId), input);
  }

  /** 录入招商线索 / capture a lead */
  @Post()
  @HttpCode(201)
  @Issue('CaptureLead')
  captureLead(
    @CommandInput('CaptureLead', { generatesProjectId: true }) command: CommandOf<'CaptureLead'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 谋划项目 / plan a project */
  @Post('planned')
  @HttpCode(201)
  @Issue('PlanProject')
  planProject(
    @CommandInput('PlanProject', { generatesProjectId: true }) command: CommandOf<'PlanProject'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 研判为有效线索 / qualify the lead */
  @Post(':projectId/qualification')
  @HttpCode(200)
  @Issue('QualifyLead')
  qualifyLead(
    @CommandInput('QualifyLead') command: CommandOf<'QualifyLead'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 放弃线索 / discard the lead */
  @Post(':projectId/discarding')
  @HttpCode(200)
  @Issue('DiscardLead')
  discardLead(
    @CommandInput('DiscardLead') command: CommandOf<'DiscardLead'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 启动论证准入、征求部门意见 / open admission review (R2) */
  @Post(':projectId/consultation')
  @HttpCode(200)
  @Issue('OpenConsultation')
  openConsultation(
    @CommandInput('OpenConsultation') command: CommandOf<'OpenConsultation'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 登记部门书面意见 / record a department opinion (R2) */
  @Post(':projectId/opinions')
  @HttpCode(200)
  @Issue('RecordDepartmentOpinion')
  recordDepartmentOpinion(
    @CommandInput('RecordDepartmentOpinion') command: CommandOf<'RecordDepartmentOpinion'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 准入通过（须写明建设性质；否决部门意见须说明理由）/ approve admission (R1, R2) */
  @Post(':projectId/admission/approval')
  @HttpCode(200)
  @Issue('ApproveAdmission')
  approveAdmission(
    @CommandInput('ApproveAdmission') command: CommandOf<'ApproveAdmission'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 不予准入 / reject admission (R2) */
  @Post(':projectId/admission/rejection')
  @HttpCode(200)
  @Issue('RejectAdmission')
  rejectAdmission(
    @CommandInput('RejectAdmission') command: CommandOf<'RejectAdmission'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 完成尽职调查 / complete due diligence (R3) */
  @Post(':projectId/due-diligence')
  @HttpCode(200)
  @Issue('CompleteDueDiligence')
  completeDueDiligence(
    @CommandInput('CompleteDueDiligence') command: CommandOf<'CompleteDueDiligence'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 明确包保领导、责任人 / assign a responsible leader (R6) */
  @Post(':projectId/leaders')
  @HttpCode(200)
  @Issue('AssignLeader')
  assignLeader(
    @CommandInput('AssignLeader') command: CommandOf<'AssignLeader'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 登记走访 / record a site visit (R6) */
  @Post(':projectId/visits')
  @HttpCode(200)
  @Issue('RecordSiteVisit')
  recordSiteVisit(
    @CommandInput('RecordSiteVisit') command: CommandOf<'RecordSiteVisit'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 登记洽谈 / record a negotiation */
  @Post(':projectId/negotiations')
  @HttpCode(200)
  @Issue('HoldNegotiation')
  holdNegotiation(
    @CommandInput('HoldNegotiation') command: CommandOf<'HoldNegotiation'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 合法性审查（签约前或补充协议）/ record the legal review of the draft agreement or supplement (R4) */
  @Post(':projectId/legal-reviews')
  @HttpCode(200)
  @Issue('RecordLegalReview')
  recordLegalReview(
    @CommandInput('RecordLegalReview') command: CommandOf<'RecordLegalReview'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 签约 / sign the agreement (R1, R3–R6) */
  @Post(':projectId/agreement')
  @HttpCode(200)
  @Issue('SignAgreement')
  signAgreement(
    @CommandInput('SignAgreement') command: CommandOf<'SignAgreement'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 补充协议（跨线须重新准入、尽调、合法性审查）/ amend the agreement (R1, R3, R4, R5) */
  @Post(':projectId/agreement/amendments')
  @HttpCode(200)
  @Issue('AmendAgreement')
  amendAgreement(
    @CommandInput('AmendAgreement') command: CommandOf<'AmendAgreement'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 申请办理手续 / request a procedure (R7) */
  @Post(':projectId/procedures')
  @HttpCode(200)
  @Issue('RequestProcedure')
  requestProcedure(
    @CommandInput('RequestProcedure') command: CommandOf<'RequestProcedure'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 手续办结 / complete a procedure (R7) */
  @Post(':projectId/procedures/:procedureId/completion')
  @HttpCode(200)
  @Issue('CompleteProcedure')
  completeProcedure(
    @CommandInput('CompleteProcedure') command: CommandOf<'CompleteProcedure'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 开工 / start construction */
  @Post(':projectId/construction/start')
  @HttpCode(200)
  @Issue('StartConstruction')
  startConstruction(
    @CommandInput('StartConstruction') command: CommandOf<'StartConstruction'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 报送投资进度 / report investment progress */
  @Post(':projectId/investment-reports')
  @HttpCode(200)
  @Issue('ReportInvestmentProgress')
  reportInvestmentProgress(
    @CommandInput('ReportInvestmentProgress') command: CommandOf<'ReportInvestmentProgress'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 入库纳统 / enter the statistics */
  @Post(':projectId/statistics')
  @HttpCode(200)
  @Issue('EnterStatistics')
  enterStatistics(
    @CommandInput('EnterStatistics') command: CommandOf<'EnterStatistics'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 竣工 / complete construction */
  @Post(':projectId/construction/completion')
  @HttpCode(200)
  @Issue('CompleteConstruction')
  completeConstruction(
    @CommandInput('CompleteConstruction') command: CommandOf<'CompleteConstruction'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 投产 / start production */
  @Post(':projectId/production/start')
  @HttpCode(200)
  @Issue('StartProduction')
  startProduction(
    @CommandInput('StartProduction') command: CommandOf<'StartProduction'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 达产达效 / reach capacity */
  @Post(':projectId/capacity')
  @HttpCode(200)
  @Issue('ReachCapacity')
  reachCapacity(
    @CommandInput('ReachCapacity') command: CommandOf<'ReachCapacity'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 报送年度产出、税收、就业 / report yearly performance */
  @Post(':projectId/performance-reports')
  @HttpCode(200)
  @Issue('ReportPerformance')
  reportPerformance(
    @CommandInput('ReportPerformance') command: CommandOf<'ReportPerformance'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 履约评估 / evaluate fulfilment (R9, R10) */
  @Post(':projectId/fulfilment-evaluations')
  @HttpCode(200)
  @Issue('EvaluateFulfilment')
  evaluateFulfilment(
    @CommandInput('EvaluateFulfilment') command: CommandOf<'EvaluateFulfilment'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 政策兑现 / disburse an incentive (R10) */
  @Post(':projectId/incentives/:incentiveId/disbursements')
  @HttpCode(200)
  @Issue('DisburseIncentive')
  disburseIncentive(
    @CommandInput('DisburseIncentive') command: CommandOf<'DisburseIncentive'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 二次招商 / start secondary promotion (R10) */
  @Post(':projectId/secondary-promotion')
  @HttpCode(200)
  @Issue('StartSecondaryPromotion')
  startSecondaryPromotion(
    @CommandInput('StartSecondaryPromotion') command: CommandOf<'StartSecondaryPromotion'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 限期整改 / order rectification (R9) */
  @Post(':projectId/rectifications')
  @HttpCode(200)
  @Issue('OrderRectification')
  orderRectification(
    @CommandInput('OrderRectification') command: CommandOf<'OrderRectification'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 整改完成 / complete rectification */
  @Post(':projectId/rectifications/completion')
  @HttpCode(200)
  @Issue('CompleteRectification')
  completeRectification(
    @CommandInput('CompleteRectification') command: CommandOf<'CompleteRectification'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 追回扶持资金 / claw back a subsidy (R9, R10) */
  @Post(':projectId/incentives/:incentiveId/clawbacks')
  @HttpCode(200)
  @Issue('ClawBackSubsidy')
  clawBackSubsidy(
    @CommandInput('ClawBackSubsidy') command: CommandOf<'ClawBackSubsidy'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 收回土地 / reclaim land (R8) */
  @Post(':projectId/land-reclamation')
  @HttpCode(200)
  @Issue('ReclaimLand')
  reclaimLand(
    @CommandInput('ReclaimLand') command: CommandOf<'ReclaimLand'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 清退 / terminate the project (R8, R10) */
  @Post(':projectId/termination')
  @HttpCode(200)
  @Issue('TerminateProject')
  terminateProject(
    @CommandInput('TerminateProject') command: CommandOf<'TerminateProject'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 终止洽谈 / abandon the project */
  @Post(':projectId/abandonment')
  @HttpCode(200)
  @Issue('AbandonProject')
  abandonProject(
    @CommandInput('AbandonProject') command: CommandOf<'AbandonProject'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 标记重复项目（一炮数响）/ link a duplicate */
  @Post(':projectId/duplicate-link')
  @HttpCode(200)
  @Issue('LinkDuplicate')
  linkDuplicate(
    @CommandInput('LinkDuplicate') command: CommandOf<'LinkDuplicate'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 更正已记录的开工、竣工、投产、达产日期或统计编码（须说明原因）/ correct a recorded fact with a reason */
  @Post(':projectId/fact-corrections')
  @HttpCode(200)
  @Issue('CorrectFact')
  correctFact(
    @CommandInput('CorrectFact') command: CommandOf<'CorrectFact'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 撤销重复项目认定（附理由）/ undo a duplicate link, with a reason */
  @Post(':projectId/duplicate-link/undo')
  @HttpCode(200)
  @Issue('UnlinkDuplicate')
  unlinkDuplicate(
    @CommandInput('UnlinkDuplicate') command: CommandOf<'UnlinkDuplicate'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 登记外资实际到位（利用外资）/ record foreign capital actually received (R11) */
  @Post(':projectId/foreign-capital-receipts')
  @HttpCode(200)
  @Issue('RecordForeignCapitalReceipt')
  recordForeignCapitalReceipt(
    @CommandInput('RecordForeignCapitalReceipt') command: CommandOf<'RecordForeignCapitalReceipt'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 登记省外资金实际到位（利用省外资金）/ record funds from outside the province actually received (R11) */
  @Post(':projectId/out-of-province-funds-receipts')
  @HttpCode(200)
  @Issue('RecordOutOfProvinceFundsReceipt')
  recordOutOfProvinceFundsReceipt(
    @CommandInput('RecordOutOfProvinceFundsReceipt') command: CommandOf<'RecordOutOfProvinceFundsReceipt'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  // The project's profile: the register's columns no other fact gives (R22)
  /** 登记项目档案 / record the register profile (R22) */
  @Post(':projectId/profile')
  @HttpCode(200)
  @Issue('RecordProjectProfile')
  recordProjectProfile(
    @CommandInput('RecordProjectProfile') command: CommandOf<'RecordProjectProfile'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }
}
