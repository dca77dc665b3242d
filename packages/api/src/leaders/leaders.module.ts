import { Module } from '@nestjs/common';
import { LeadersController } from './leaders.controller';
import { leaderQueryHandlers } from './queries/leader-queries';

/** Leaders' outbound trips (外出招商). */
@Module({ controllers: [LeadersController], providers: [...leaderQueryHandlers] })
export class LeadersModule {}
