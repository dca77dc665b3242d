import { Module } from '@nestjs/common';
import { KeyProjectCheck } from './key-project-check';
import { LandController } from './land.controller';
import { LandReserveReactor } from './land-reserve.reactor';
import { landQueryHandlers } from './queries/land-queries';

/** Land plots, the half-yearly clearance and the land-quota ledger (R19). */
@Module({
  controllers: [LandController],
  providers: [KeyProjectCheck, LandReserveReactor, ...landQueryHandlers],
  exports: [LandReserveReactor],
})
export class LandModule {}
