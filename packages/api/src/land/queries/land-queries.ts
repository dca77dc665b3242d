import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { halfYearOf, type BusinessDate, type HalfYear, type PlotStatus } from '@zhaoshang/domain';
import {
  pageOf,
  type ClearanceList,
  type IdleLand,
  type Page,
  type PlotEntry,
  type QuotaView,
  type RevitalisedLand,
} from '@zhaoshang/projections';
import { landCsv, landXlsx, type LandCsvPart } from '@zhaoshang/reports';
import type { ApiConfig } from '../../config';
import { NotFound } from '../../errors/api-errors';
import { file, unitNamesOf, type ExportFormat } from '../../exports/queries/export-queries';
import type { StreamedAnswer } from '../../http/streamed-answer';
import type { ReadModels } from '../../read-models/read-model.port';
import { listPage, type PageInput } from '../../read-models/queries/review-queries';
import { API_CONFIG, READ_MODELS } from '../../tokens';

/** The plot register (地块台账) with 亩均 figures, of a unit and a status. */
export class GetPlots extends Query<Page<PlotEntry>> {
  constructor(
    readonly unitId?: string,
    readonly status?: PlotStatus,
    readonly page: PageInput = {},
  ) {
    super();
  }
}

/** One plot. */
export class GetPlot extends Query<PlotEntry> {
  constructor(readonly plotId: string) {
    super();
  }
}

/** The half-year's land clearance list (每半年土地清理), as of its end or `asOf` (default: the half-year of `asOf`). */
export class GetLandClearance extends Query<ClearanceList> {
  constructor(
    readonly asOf: string,
    readonly unitId?: string,
    readonly period?: string,
  ) {
    super();
  }
}

/** Idle and low-efficiency land with area totals. */
export class GetIdleLand extends Query<IdleLand> {
  constructor(readonly unitId?: string) {
    super();
  }
}

/** Revitalised and freed land by year and route. */
export class GetRevitalisedLand extends Query<RevitalisedLand> {
  constructor(readonly unitId?: string) {
    super();
  }
}

/** The land-quota ledgers (of one year, or every year). */
export class GetLandQuota extends Query<ReadonlyArray<QuotaView>> {
  constructor(readonly year?: number) {
    super();
  }
}

/** The land register (土地台账) as a workbook or one of its tables as CSV. */
export class ExportLand extends Query<StreamedAnswer> {
  constructor(
    readonly format: ExportFormat,
    readonly part: LandCsvPart,
    readonly asOf: string,
    readonly period?: string,
    readonly unitId?: string,
  ) {
    super();
  }
}

const unitFilter = (unitId: string | undefined) => (unitId !== undefined ? { unitId } : {});

@QueryHandler(GetPlots)
export class GetPlotsHandler implements IQueryHandler<GetPlots, Page<PlotEntry>> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  async execute(q: GetPlots): Promise<Page<PlotEntry>> {
    const plots = await this.readModels.queries.land.plots({
      ...unitFilter(q.unitId),
      ...(q.status !== undefined ? { status: q.status } : {}),
    });
    return pageOf(plots, listPage(q.page));
  }
}

@QueryHandler(GetPlot)
export class GetPlotHandler implements IQueryHandler<GetPlot, PlotEntry> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  async execute(q: GetPlot): Promise<PlotEntry> {
    const plot = await this.readModels.queries.land.plot(q.plotId);
    if (plot === undefined) throw new NotFound('NOT_FOUND', { plotId: q.plotId });
    return plot;
  }
}

@QueryHandler(GetLandClearance)
export class GetLandClearanceHandler implements IQueryHandler<GetLandClearance, ClearanceList> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  execute(q: GetLandClearance): Promise<ClearanceList> {
    const asOf = q.asOf as BusinessDate;
    return this.readModels.queries.land.clearance(
      (q.period ?? halfYearOf(asOf)) as HalfYear,
      asOf,
      unitFilter(q.unitId),
    );
  }
}

@QueryHandler(GetIdleLand)
export class GetIdleLandHandler implements IQueryHandler<GetIdleLand, IdleLand> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  execute(q: GetIdleLand): Promise<IdleLand> {
    return this.readModels.queries.land.idleLand(unitFilter(q.unitId));
  }
}

@QueryHandler(GetRevitalisedLand)
export class GetRevitalisedLandHandler implements IQueryHandler<GetRevitalisedLand, RevitalisedLand> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  execute(q: GetRevitalisedLand): Promise<RevitalisedLand> {
    return this.readModels.queries.land.revitalised(unitFilter(q.unitId));
  }
}

@QueryHandler(GetLandQuota)
export class GetLandQuotaHandler implements IQueryHandler<GetLandQuota, ReadonlyArray<QuotaView>> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  execute(q: GetLandQuota): Promise<ReadonlyArray<QuotaView>> {
    return this.readModels.queries.land.quota(q.year);
  }
}

@QueryHandler(ExportLand)
export class ExportLandHandler implements IQueryHandler<ExportLand, StreamedAnswer> {
  private readonly unitNames: Readonly<Record<string, string>>;
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.unitNames = unitNamesOf(config);
  }
  async execute(q: ExportLand): Promise<StreamedAnswer> {
    const asOf = q.asOf as BusinessDate;
    const period = (q.period ?? halfYearOf(asOf)) as HalfYear;
    const land = this.readModels.queries.land;
    const report = {
      asOf,
      plots: await land.plots(unitFilter(q.unitId)),
      clearance: await land.clearance(period, asOf, unitFilter(q.unitId)),
      quota: await land.quota(),
      unitNames: this.unitNames,
    };
    const bytes = q.format === 'xlsx' ? await landXlsx(report) : landCsv(report, q.part);
    const scope = q.unitId ?? 'region';
    const part = q.format === 'csv' ? `-${q.part}` : '';
    return file(
      q.format,
      `land-${scope}${part}-${asOf}`,
      `土地台账-${this.unitNames[scope] ?? scope}${part}-${asOf}`,
      bytes,
    );
  }
}

export const landQueryHandlers = [
  GetPlotsHandler,
  GetPlotHandler,
  GetLandClearanceHandler,
  GetIdleLandHandler,
  GetRevitalisedLandHandler,
  GetLandQuotaHandler,
  ExportLandHandler,
];
