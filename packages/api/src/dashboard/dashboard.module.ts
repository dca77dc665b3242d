import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';

/** The dashboard's page, scripts and configuration. */
@Module({ controllers: [DashboardController] })
export class DashboardModule {}
