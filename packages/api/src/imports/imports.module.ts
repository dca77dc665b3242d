import * as path from 'node:path';
import { Module } from '@nestjs/common';
import type { ApiConfig } from '../config';
import { API_CONFIG } from '../tokens';
import { ImportProfileStore } from './import-profile';
import { ImportService } from './import.service';
import { ImportsController } from './imports.controller';

/** The Excel 台账 import (issue #17 item 5): profiles in DATA_DIR/imports.sqlite, dry run and commit. */
@Module({
  controllers: [ImportsController],
  providers: [
    {
      provide: ImportProfileStore,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => new ImportProfileStore(path.join(config.dataDir, 'imports.sqlite')),
    },
    ImportService,
  ],
})
export class ImportsModule {}
