import { Module } from '@nestjs/common';
import { WorkbenchController } from './workbench.controller';

/** The officers' workbench (packages/workbench), served as built files at /workbench/. */
@Module({ controllers: [WorkbenchController] })
export class WorkbenchModule {}
