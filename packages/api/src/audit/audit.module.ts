import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { auditQueryHandlers } from './queries/audit-queries';
import { TransparencyController } from './transparency.controller';
import { TransparencyService } from './transparency.service';

/**
 * The auditor's reads from the event store, and the transparency log (signed checkpoints, proofs,
 * witnesses' cosignatures), whose service bulletins use to sign the events they were computed from.
 */
@Module({
  controllers: [AuditController, TransparencyController],
  providers: [TransparencyService, ...auditQueryHandlers],
  exports: [TransparencyService],
})
export class AuditModule {}
