import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type * as t from 'io-ts';
import type { InvestorSearch } from '@zhaoshang/projections';
import { Read } from '../auth/route-access';
import type { Principal } from '../auth/roles';
import { ReadScope } from '../http/read-scope';
import { Caller, QueryInput } from '../http/request-params';
import { QueryAnswers } from '../read-models/query-answers';
import { InvestorInput, InvestorsExportInput, InvestorsInput } from './investor-directory.routes';
import { ExportInvestors, GetInvestor, SearchInvestors } from './queries/investor-queries';

/** The search conditions given, with the unit a unit-scoped caller reads. */
const searchOf = (
  input: { name?: string; creditCode?: string; stage?: InvestorSearch['stage'] },
  unitId: string | undefined,
): InvestorSearch => ({
  ...(input.name !== undefined ? { name: input.name } : {}),
  ...(input.creditCode !== undefined ? { creditCode: input.creditCode } : {}),
  ...(unitId !== undefined ? { unitId } : {}),
  ...(input.stage !== undefined ? { stage: input.stage } : {}),
});

/**
 * 客商目录 (002 §一): the investors of the projects, searched and exported. An investment officer
 * reads the investors of their own unit's projects, and only those projects (permissions.ts).
 */
@Controller()
export class InvestorDirectoryController {
  constructor(
    @Inject(QueryAnswers) private readonly answers: QueryAnswers,
    @Inject(ReadScope) private readonly scope: ReadScope,
  ) {}

  /** 客商目录检索 / search the directory. */
  @Get('investors')
  @Read()
  search(@QueryInput(InvestorsInput) input: t.TypeOf<typeof InvestorsInput>, @Caller() caller: Principal) {
    return this.answers.answer(
      new SearchInvestors(
        searchOf(input, this.scope.unitOf(caller, input.unitId)),
        input.limit === undefined ? undefined : Number(input.limit),
        input.offset === undefined ? undefined : Number(input.offset),
      ),
      input,
    );
  }

  /** 客商 / one investor. */
  @Get('investors/:investorId')
  @Read()
  one(@QueryInput(InvestorInput) input: t.TypeOf<typeof InvestorInput>, @Caller() caller: Principal) {
    return this.answers.answer(
      new GetInvestor(input.investorId, this.scope.unitOf(caller, input.unitId)),
      input,
    );
  }

  /** 导出客商目录（Excel / CSV）/ the directory as Excel or CSV. */
  @Get('exports/investors')
  @Read()
  export(
    @QueryInput(InvestorsExportInput) input: t.TypeOf<typeof InvestorsExportInput>,
    @Caller() caller: Principal,
    @Res() res: Response,
  ): Promise<void> {
    return this.answers.stream(
      new ExportInvestors(
        input.format ?? 'xlsx',
        this.answers.today(),
        searchOf(input, this.scope.unitOf(caller, input.unitId)),
      ),
      res,
    );
  }
}
