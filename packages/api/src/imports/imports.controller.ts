import { Body, Controller, Get, HttpCode, Inject, Post, Put, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Read } from '../auth/route-access';
import type { Principal } from '../auth/roles';
import { ForbiddenError, InvalidInputError, NotFound } from '../errors/api-errors';
import { decodeOrThrow } from '../http/decode';
import { XLSX_MEDIA_TYPE } from '../http/input-limits';
import { NoInput } from '../http/query-inputs';
import { Caller, QueryInput } from '../http/request-params';
import { ImportProfile, ImportProfileStore, type SavedProfile } from './import-profile';
import { ImportService, type ImportReport } from './import.service';
import { IMPORT_ROLES, ImportInput, ProfileInput } from './imports.routes';
import { readSheet, UnreadableWorkbook, type ReadSheet } from './workbook';

const importer = (caller: Principal): void => {
  if (!(IMPORT_ROLES as ReadonlyArray<string>).includes(caller.role))
    throw new ForbiddenError('ROLE_NOT_ALLOWED', { role: caller.role, action: 'ImportRegister' });
};

/**
 * The Excel 台账 import (issue #17 item 5): mapping profiles (saved, reusable), a dry run that
 * answers row by row, and the commit. The routes authenticate like reads and check the role here
 * (an investment officer for their own unit, the leading-group office for any unit); the commit
 * issues its commands through the CommandGateway, which checks the unit and the rules of each one.
 */
@Controller('imports')
export class ImportsController {
  constructor(
    @Inject(ImportProfileStore) private readonly profiles: ImportProfileStore,
    @Inject(ImportService) private readonly imports: ImportService,
  ) {}

  /** 导入映射方案列表 / the saved profiles' names. */
  @Get('profiles')
  @Read()
  list(@QueryInput(NoInput) _none: NoInput, @Caller() caller: Principal) {
    importer(caller);
    return { data: this.profiles.list() };
  }

  /** 导入映射方案 / one saved profile. */
  @Get('profiles/:name')
  @Read()
  get(@QueryInput(ProfileInput) input: ProfileInput, @Caller() caller: Principal): SavedProfile {
    importer(caller);
    return this.found(input.name);
  }

  /** 保存导入映射方案 / save (or replace) a profile: the sheet's headers to the project's fields. */
  @Put('profiles/:name')
  @Read()
  @HttpCode(200)
  save(@QueryInput(ProfileInput) input: ProfileInput, @Body() body: unknown, @Caller() caller: Principal) {
    importer(caller);
    const profile = decodeOrThrow(ImportProfile, body);
    return this.profiles.save(input.name, profile, caller.userId);
  }

  /** 试导入 / dry run: row by row, the commands and events that would be appended and every unreadable cell. */
  @Post('dry-run')
  @Read()
  @HttpCode(200)
  async dryRun(
    @QueryInput(ImportInput) input: ImportInput,
    @Req() req: Request,
    @Caller() caller: Principal,
  ): Promise<ImportReport> {
    return this.run('dryRun', input, req, caller);
  }

  /** 导入 / commit: append each row's facts with their provenance; the same file again appends nothing. */
  @Post()
  @Read()
  @HttpCode(200)
  async commit(
    @QueryInput(ImportInput) input: ImportInput,
    @Req() req: Request,
    @Caller() caller: Principal,
  ): Promise<ImportReport> {
    return this.run('commit', input, req, caller);
  }

  /** The caller may import; the workbook read with the named profile; dry run or commit. */
  private async run(
    mode: 'dryRun' | 'commit',
    input: ImportInput,
    req: Request,
    caller: Principal,
  ): Promise<ImportReport> {
    importer(caller);
    const profile = this.found(input.profile).profile;
    return this.imports[mode](await this.sheetOf(req, input, profile), profile, caller);
  }

  private found(name: string): SavedProfile {
    const saved = this.profiles.get(name);
    if (saved === undefined) throw new NotFound('NOT_FOUND', { what: `import profile ${name}` });
    return saved;
  }

  private async sheetOf(req: Request, input: ImportInput, profile: ImportProfile): Promise<ReadSheet> {
    const body: unknown = req.body;
    if (!Buffer.isBuffer(body) || body.length === 0)
      throw new InvalidInputError([
        {
          path: '(body)',
          expected: `an .xlsx workbook as the body (Content-Type: ${XLSX_MEDIA_TYPE})`,
          value: null,
        },
      ]);
    try {
      return await readSheet(body, input.sheet ?? profile.sheet, profile.headerRow ?? 1);
    } catch (error) {
      if (!(error instanceof UnreadableWorkbook)) throw error;
      const expected =
        error.code === 'NO_SUCH_SHEET'
          ? `a workbook with the sheet ${error.params['sheet'] ?? ''}`
          : error.code === 'TOO_MANY_ROWS'
            ? `at most ${error.params['maxRows'] ?? ''} data rows`
            : error.code === 'TOO_LARGE_UNZIPPED'
              ? `a workbook of at most ${error.params['maxBytes'] ?? ''} bytes unzipped`
              : 'an .xlsx workbook';
      throw new InvalidInputError([{ path: '(body)', expected, value: null }]);
    }
  }
}
