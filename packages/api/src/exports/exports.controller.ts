import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type * as t from 'io-ts';
import { Read } from '../auth/route-access';
import type { Principal } from '../auth/roles';
import { ReadScope } from '../http/read-scope';
import { Caller, QueryInput } from '../http/request-params';
import { QueryAnswers } from '../read-models/query-answers';
import { BulletinExportInput, RegisterExportInput } from './exports.routes';
import { ExportBulletin, ExportRegister } from './queries/export-queries';

/** Excel and CSV in the form offices file them (台账, 每月通报); see docs/reports.md. */
@Controller('exports')
export class ExportsController {
  constructor(
    @Inject(QueryAnswers) private readonly answers: QueryAnswers,
    @Inject(ReadScope) private readonly scope: ReadScope,
  ) {}

  /** 导出招商引资工作台账（Excel / CSV）/ the project register as Excel or CSV; an investment officer's is their unit's. */
  @Get('register')
  @Read()
  register(
    @QueryInput(RegisterExportInput) input: t.TypeOf<typeof RegisterExportInput>,
    @Caller() caller: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const query = new ExportRegister(
      input.format ?? 'xlsx',
      input.asOf ?? this.answers.today(),
      this.scope.unitOf(caller, input.unitId),
      input.stage,
    );
    return this.answers.stream(query, res);
  }

  /** 导出通报（Excel / CSV / Word / 文本）/ a bulletin as Excel, CSV, Word or text. */
  @Get('bulletins/:period')
  @Read()
  bulletin(
    @QueryInput(BulletinExportInput) input: t.TypeOf<typeof BulletinExportInput>,
    @Res() res: Response,
  ): Promise<void> {
    const query = new ExportBulletin(
      input.period,
      input.format ?? 'xlsx',
      input.part ?? 'ranking',
      input.preview === 'true',
    );
    return this.answers.stream(query, res);
  }
}
