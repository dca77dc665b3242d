import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { BulletinsController } from './bulletins.controller';
import { bulletinQueryHandlers } from './queries/bulletin-queries';

/** Bulletins (通报): published with figures the server computes and a signed checkpoint (AuditModule's log). */
@Module({ imports: [AuditModule], controllers: [BulletinsController], providers: [...bulletinQueryHandlers] })
export class BulletinsModule {}
