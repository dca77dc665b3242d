import { Module } from '@nestjs/common';
import { InvestorDirectoryController } from './investor-directory.controller';
import { investorQueryHandlers } from './queries/investor-queries';

/** 客商目录 (002 §一): search, one investor, the export. */
@Module({ controllers: [InvestorDirectoryController], providers: [...investorQueryHandlers] })
export class InvestorDirectoryModule {}
