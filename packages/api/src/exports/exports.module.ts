import { Module } from '@nestjs/common';
import { ExportsController } from './exports.controller';
import { exportQueryHandlers } from './queries/export-queries';

/** Excel and CSV exports of the register and the bulletins. */
@Module({ controllers: [ExportsController], providers: [...exportQueryHandlers] })
export class ExportsModule {}
