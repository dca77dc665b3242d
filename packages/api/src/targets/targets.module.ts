import { Module } from '@nestjs/common';
import { targetQueryHandlers } from './queries/target-queries';
import { TargetsController } from './targets.controller';

/** Annual targets (目标) and their progress. */
@Module({ controllers: [TargetsController], providers: [...targetQueryHandlers] })
export class TargetsModule {}
