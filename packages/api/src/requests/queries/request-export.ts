import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { BusinessDate } from '@zhaoshang/domain';
import { MAX_PAGE_LIMIT, requestReview, type RequestEntry } from '@zhaoshang/projections';
import { requestsCsv, requestsXlsx } from '@zhaoshang/reports';
import type { ApiConfig } from '../../config';
import { file, unitNamesOf, type ExportFormat } from '../../exports/queries/export-queries';
import type { StreamedAnswer } from '../../http/streamed-answer';
import type { ReadModels } from '../../read-models/read-model.port';
import { API_CONFIG, READ_MODELS } from '../../tokens';

/** The enterprise requests ledger (企业诉求台账) as a workbook or CSV, as of the server's today. */
export class ExportRequests extends Query<StreamedAnswer> {
  constructor(
    readonly format: ExportFormat,
    readonly today: string,
    readonly unitId?: string,
  ) {
    super();
  }
}

/**
 * Every request (of one unit, for a unit-scoped caller), overdue as of today; the workbook adds the
 * performance review's request figures for the year so far (1 January to today) per unit and per
 * department, computed by the review's own function (`requestReview`) on the same rows.
 */
@QueryHandler(ExportRequests)
export class ExportRequestsHandler implements IQueryHandler<ExportRequests, StreamedAnswer> {
  private readonly unitNames: Readonly<Record<string, string>>;
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.unitNames = unitNamesOf(config);
  }
  async execute(q: ExportRequests): Promise<StreamedAnswer> {
    const asOf = q.today as BusinessDate;
    const entries: RequestEntry[] = [];
    for (let offset = 0; ; offset += MAX_PAGE_LIMIT) {
      const page = await this.readModels.queries.requests.list({
        asOf,
        ...(q.unitId !== undefined ? { filter: { unitId: q.unitId } } : {}),
        page: { limit: MAX_PAGE_LIMIT, offset },
      });
      entries.push(...page.items);
      if (entries.length >= page.total || page.items.length === 0) break;
    }
    const unitIds = q.unitId !== undefined ? [q.unitId] : Object.keys(this.unitNames);
    const from = `${asOf.slice(0, 4)}-01-01` as BusinessDate;
    const review = requestReview(entries, unitIds, { from, to: asOf });
    const options = {
      asOf,
      unitNames: this.unitNames,
      review: {
        period: `${from} 至 ${asOf}`,
        units: unitIds.map((unitId) => ({ unitId, requests: review.units.get(unitId)! })),
        departments: review.departments,
      },
    };
    const bytes = q.format === 'xlsx' ? await requestsXlsx(entries, options) : requestsCsv(entries, options);
    const scope = q.unitId ?? 'region';
    return file(
      q.format,
      `requests-${scope}-${asOf}`,
      `企业诉求台账-${this.unitNames[scope] ?? scope}-${asOf}`,
      bytes,
    );
  }
}
