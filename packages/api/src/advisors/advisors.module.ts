import { Module } from '@nestjs/common';
import { AdvisorsController } from './advisors.controller';
import { advisorQueryHandlers } from './queries/advisor-queries';

/** 招商顾问 (R21 · 002 §八): commands, the registry and its export. */
@Module({ controllers: [AdvisorsController], providers: [...advisorQueryHandlers] })
export class AdvisorsModule {}
