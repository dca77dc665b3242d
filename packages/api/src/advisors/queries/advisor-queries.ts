import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AdvisorCategory, AdvisorStatus } from '@zhaoshang/domain';
import { MAX_PAGE_LIMIT, type AdvisorEntry, type Page } from '@zhaoshang/projections';
import { listPage } from '../../read-models/queries/review-queries';
import { advisorsCsv, advisorsXlsx } from '@zhaoshang/reports';
import type { ApiConfig } from '../../config';
import { NotFound } from '../../errors/api-errors';
import { file, unitNamesOf, type ExportFormat } from '../../exports/queries/export-queries';
import type { StreamedAnswer } from '../../http/streamed-answer';
import type { ReadModels } from '../../read-models/read-model.port';
import { API_CONFIG, READ_MODELS } from '../../tokens';

/** The advisor registry (招商顾问名册, 002 §八), optionally of one status, category or unit. */
export class ListAdvisors extends Query<Page<AdvisorEntry>> {
  constructor(
    readonly filter: {
      readonly status?: AdvisorStatus;
      readonly category?: AdvisorCategory;
      readonly unitId?: string;
    },
    readonly limit?: number,
    readonly offset?: number,
  ) {
    super();
  }
}

/** One advisor. */
export class GetAdvisor extends Query<AdvisorEntry> {
  constructor(readonly advisorId: string) {
    super();
  }
}

/** The advisor registry as a workbook or CSV. */
export class ExportAdvisors extends Query<StreamedAnswer> {
  constructor(
    readonly format: ExportFormat,
    readonly asOf: string,
    readonly status?: AdvisorStatus,
  ) {
    super();
  }
}

@QueryHandler(ListAdvisors)
export class ListAdvisorsHandler implements IQueryHandler<ListAdvisors, Page<AdvisorEntry>> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  execute(q: ListAdvisors): Promise<Page<AdvisorEntry>> {
    return this.readModels.queries.advisors.list(q.filter, listPage(q));
  }
}

@QueryHandler(GetAdvisor)
export class GetAdvisorHandler implements IQueryHandler<GetAdvisor, AdvisorEntry> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  async execute(q: GetAdvisor): Promise<AdvisorEntry> {
    const advisor = await this.readModels.queries.advisors.get(q.advisorId);
    if (advisor === undefined) throw new NotFound('NOT_FOUND', { advisorId: q.advisorId });
    return advisor;
  }
}

@QueryHandler(ExportAdvisors)
export class ExportAdvisorsHandler implements IQueryHandler<ExportAdvisors, StreamedAnswer> {
  private readonly unitNames: Readonly<Record<string, string>>;
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.unitNames = unitNamesOf(config);
  }
  async execute(q: ExportAdvisors): Promise<StreamedAnswer> {
    const filter = q.status !== undefined ? { status: q.status } : {};
    const entries: AdvisorEntry[] = [];
    for (let offset = 0; ; offset += MAX_PAGE_LIMIT) {
      const page = await this.readModels.queries.advisors.list(filter, { limit: MAX_PAGE_LIMIT, offset });
      entries.push(...page.items);
      if (entries.length >= page.total || page.items.length === 0) break;
    }
    const options = { asOf: q.asOf, unitNames: this.unitNames };
    const bytes = q.format === 'xlsx' ? await advisorsXlsx(entries, options) : advisorsCsv(entries, options);
    return file(q.format, `advisors-${q.asOf}`, `招商顾问名册-${q.asOf}`, bytes);
  }
}

export const advisorQueryHandlers = [ListAdvisorsHandler, GetAdvisorHandler, ExportAdvisorsHandler];
