import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';

/** Liveness and readiness (store, read models, shutdown). */
@Module({ controllers: [HealthController] })
export class HealthModule {}
