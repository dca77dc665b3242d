import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import type * as t from 'io-ts';
import { Issue, Read } from '../auth/route-access';
import { CommandGateway } from '../command-handling/command-gateway';
import {
  CommandInput,
  Issued,
  QueryInput,
  type CommandOf,
  type RequestContext,
} from '../http/request-params';
import { QueryAnswers } from '../read-models/query-answers';
import { LeaderTripsInput } from './leaders.routes';
import { GetLeaderTrips } from './queries/leader-queries';

/** Leaders' outbound trips (外出招商, R15). */
@Controller('leaders')
export class LeadersController {
  constructor(
    @Inject(CommandGateway) private readonly gateway: CommandGateway,
    @Inject(QueryAnswers) private readonly answers: QueryAnswers,
  ) {}

  /** 登记外出招商 / record an outbound trip (R15). */
  @Post(':leaderId/trips')
  @HttpCode(201)
  @Issue('RecordOutboundTrip')
  recordOutboundTrip(
    @CommandInput('RecordOutboundTrip') command: CommandOf<'RecordOutboundTrip'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 更正外出招商记录 / correct a trip. */
  @Post(':leaderId/trips/:tripId/corrections')
  @HttpCode(200)
  @Issue('CorrectOutboundTrip')
  correctOutboundTrip(
    @CommandInput('CorrectOutboundTrip') command: CommandOf<'CorrectOutboundTrip'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 领导外出招商记录 / a leader’s trips. */
  @Get(':leaderId/trips')
  @Read()
  trips(@QueryInput(LeaderTripsInput) input: t.TypeOf<typeof LeaderTripsInput>) {
    return this.answers.answer(new GetLeaderTrips(input.leaderId), input);
  }
}
