import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type * as t from 'io-ts';
import { Issue, Read } from '../auth/route-access';
import { commandCodecs } from '../command-handling/aggregates';
import { CommandGateway } from '../command-handling/command-gateway';
import { decodeOrThrow } from '../http/decode';
import { BodyInput, Issued, QueryInput, type RequestContext } from '../http/request-params';
import { QueryAnswers } from '../read-models/query-answers';
import { BulletinInput, CorrectBulletinRequest, PublishBulletinRequest } from './bulletins.routes';
import { GetBulletin, VerifyBulletin } from './queries/bulletin-queries';
import { PrepareBulletinCorrection, PrepareBulletinPublication } from './queries/prepare-bulletin';

/**
 * Bulletins (通报, R14). A caller names the period (and, to correct, the reason); the server
 * computes the figures from history at the store's head and signs the checkpoint of exactly those
 * events (queries/prepare-bulletin.ts), then the command is decoded with the domain's codec like
 * any other and decided by the bulletin's decider.
 */
@Controller('bulletins')
export class BulletinsController {
  constructor(
    @Inject(CommandGateway) private readonly gateway: CommandGateway,
    @Inject(QueryBus) private readonly queryBus: QueryBus,
    @Inject(QueryAnswers) private readonly answers: QueryAnswers,
  ) {}

  /** 发布通报（数据由服务端按当前位置计算）/ publish a bulletin, figures computed by the server (R14). */
  @Post()
  @HttpCode(201)
  @Issue('PublishBulletin')
  async publishBulletin(
    @BodyInput(PublishBulletinRequest) request: t.TypeOf<typeof PublishBulletinRequest>,
    @Issued() context: RequestContext,
  ) {
    const prepared = await this.queryBus.execute(
      new PrepareBulletinPublication(
        request.period,
        context.actor,
        this.answers.today(),
        request.publishedOn,
        request.publishedBy,
      ),
    );
    const command = decodeOrThrow(commandCodecs.PublishBulletin, { ...prepared, type: 'PublishBulletin' });
    return this.gateway.execute(command, context);
  }

  /** 更正通报（按当前位置重算，附理由）/ correct a bulletin: recomputed now, with a reason (R14). */
  @Post(':period/corrections')
  @HttpCode(200)
  @Issue('CorrectBulletin')
  async correctBulletin(
    @BodyInput(CorrectBulletinRequest) request: t.TypeOf<typeof CorrectBulletinRequest>,
    @Issued() context: RequestContext,
  ) {
    const prepared = await this.queryBus.execute(
      new PrepareBulletinCorrection(
        request.period,
        request.reason,
        context.actor,
        this.answers.today(),
        request.correctedOn,
        request.correctedBy,
      ),
    );
    const command = decodeOrThrow(commandCodecs.CorrectBulletin, { ...prepared, type: 'CorrectBulletin' });
    return this.gateway.execute(command, context);
  }

  /** 已发布通报 / a published bulletin. */
  @Get(':period')
  @Read()
  bulletin(@QueryInput(BulletinInput) input: t.TypeOf<typeof BulletinInput>) {
    return this.answers.answer(new GetBulletin(input.period), input);
  }

  /** 通报重算核对（审计）/ a bulletin re-derived from history (auditors). */
  @Get(':period/verification')
  @Read('VerifyBulletin')
  verification(@QueryInput(BulletinInput) input: t.TypeOf<typeof BulletinInput>) {
    return this.answers.answer(new VerifyBulletin(input.period), input);
  }
}
