import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type * as t from 'io-ts';
import { Read } from '../auth/route-access';
import { QueryInput } from '../http/request-params';
import { QueryAnswers } from '../read-models/query-answers';
import {
  ProjectBundleInput,
  StateAsOfInput,
  StateDiffInput,
  StoreBundleInput,
  StoreVerificationInput,
  StreamVerificationInput,
} from './audit.routes';
import {
  AuditStateAsOf,
  AuditStateDiff,
  AuditStreamVerification,
  ExportAuditBundle,
  VerifyAuditStore,
} from './queries/audit-queries';

/**
 * The auditor's reads (审计), from the event store itself: a project's state as of a date or a
 * position, the differences between two points, hash-chain verification of one stream or of the
 * whole store, and audit bundles that `zhaoshang-audit verify-bundle` checks offline. Roles:
 * permissions.ts `queryRoles`. A project's history is `GET /projects/{projectId}/history`.
 */
@Controller('audit')
export class AuditController {
  constructor(@Inject(QueryAnswers) private readonly answers: QueryAnswers) {}

  /** 项目某时点状态（时间旅行）/ a project’s state as of a business date or a position. */
  @Get('projects/:projectId/state')
  @Read('AuditStateAsOf')
  stateAsOf(@QueryInput(StateAsOfInput) input: t.TypeOf<typeof StateAsOfInput>) {
    return this.answers.answer(new AuditStateAsOf(input.projectId, input.date, input.position), {});
  }

  /** 两个时点之间的状态差异 / what changed between two points (dates or positions). */
  @Get('projects/:projectId/diff')
  @Read('AuditStateDiff')
  stateDiff(@QueryInput(StateDiffInput) input: t.TypeOf<typeof StateDiffInput>) {
    return this.answers.answer(new AuditStateDiff(input.projectId, input.from, input.to), {});
  }

  /** 校验一个事件流的哈希链 / verify one stream’s hash chain. */
  @Get('streams/:streamName/verification')
  @Read('AuditStreamVerification')
  streamVerification(@QueryInput(StreamVerificationInput) input: t.TypeOf<typeof StreamVerificationInput>) {
    return this.answers.answer(new AuditStreamVerification(input.streamName), {});
  }

  /** 校验整个事件库的哈希链（流式进度）/ verify the whole store, progress streamed as NDJSON. */
  @Get('verification')
  @Read('AuditStoreVerification')
  storeVerification(
    @QueryInput(StoreVerificationInput) _input: t.TypeOf<typeof StoreVerificationInput>,
    @Res() res: Response,
  ): Promise<void> {
    return this.answers.stream(new VerifyAuditStore(), res);
  }

  /** 导出项目审计包（单文件）/ a project’s audit bundle, one file. */
  @Get('projects/:projectId/bundle')
  @Read('AuditProjectBundle')
  projectBundle(
    @QueryInput(ProjectBundleInput) input: t.TypeOf<typeof ProjectBundleInput>,
    @Res() res: Response,
  ): Promise<void> {
    return this.answers.stream(new ExportAuditBundle(input.projectId, input.toPosition), res);
  }

  /** 导出整库审计包（单文件）/ the whole store’s audit bundle, one file. */
  @Get('bundle')
  @Read('AuditStoreBundle')
  storeBundle(
    @QueryInput(StoreBundleInput) input: t.TypeOf<typeof StoreBundleInput>,
    @Res() res: Response,
  ): Promise<void> {
    return this.answers.stream(new ExportAuditBundle(undefined, input.toPosition), res);
  }
}
