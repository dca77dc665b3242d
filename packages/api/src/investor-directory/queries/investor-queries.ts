import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { type InvestorEntry, type InvestorSearch, type Page } from '@zhaoshang/projections';
import { listPage } from '../../read-models/queries/review-queries';
import { investorsCsv, investorsXlsx } from '@zhaoshang/reports';
import type { ApiConfig } from '../../config';
import { NotFound } from '../../errors/api-errors';
import { file, unitNamesOf, type ExportFormat } from '../../exports/queries/export-queries';
import type { StreamedAnswer } from '../../http/streamed-answer';
import type { ReadModels } from '../../read-models/read-model.port';
import { API_CONFIG, READ_MODELS } from '../../tokens';

/** The investor directory (客商目录, 002 §一), searched. */
export class SearchInvestors extends Query<Page<InvestorEntry>> {
  constructor(
    readonly search: InvestorSearch,
    readonly limit?: number,
    readonly offset?: number,
  ) {
    super();
  }
}

/** One investor (its projects of one unit, for a unit-scoped caller). */
export class GetInvestor extends Query<InvestorEntry> {
  constructor(
    readonly investorId: string,
    readonly unitId?: string,
  ) {
    super();
  }
}

/** The directory as a workbook or CSV. */
export class ExportInvestors extends Query<StreamedAnswer> {
  constructor(
    readonly format: ExportFormat,
    readonly asOf: string,
    readonly search: InvestorSearch,
  ) {
    super();
  }
}

@QueryHandler(SearchInvestors)
export class SearchInvestorsHandler implements IQueryHandler<SearchInvestors, Page<InvestorEntry>> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  execute(q: SearchInvestors): Promise<Page<InvestorEntry>> {
    return this.readModels.queries.investorDirectory.search(q.search, listPage(q));
  }
}

@QueryHandler(GetInvestor)
export class GetInvestorHandler implements IQueryHandler<GetInvestor, InvestorEntry> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  async execute(q: GetInvestor): Promise<InvestorEntry> {
    const investor = await this.readModels.queries.investorDirectory.get(q.investorId, q.unitId);
    if (investor === undefined) throw new NotFound('NOT_FOUND', { investorId: q.investorId });
    return investor;
  }
}

@QueryHandler(ExportInvestors)
export class ExportInvestorsHandler implements IQueryHandler<ExportInvestors, StreamedAnswer> {
  private readonly unitNames: Readonly<Record<string, string>>;
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.unitNames = unitNamesOf(config);
  }
  async execute(q: ExportInvestors): Promise<StreamedAnswer> {
    const entries = await this.readModels.queries.investorDirectory.all(q.search);
    const options = { asOf: q.asOf, unitNames: this.unitNames };
    const bytes =
      q.format === 'xlsx' ? await investorsXlsx(entries, options) : investorsCsv(entries, options);
    const scope = q.search.unitId ?? 'region';
    return file(
      q.format,
      `investors-${scope}-${q.asOf}`,
      `客商目录-${this.unitNames[scope] ?? scope}-${q.asOf}`,
      bytes,
    );
  }
}

export const investorQueryHandlers = [SearchInvestorsHandler, GetInvestorHandler, ExportInvestorsHandler];
