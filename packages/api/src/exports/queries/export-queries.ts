import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { bulletinFiguresOf, bulletinViewsAt } from '@zhaoshang/audit';
import { aggregates, bulletinStream, periodLabel, type BusinessDate, type Stage } from '@zhaoshang/domain';
import type { EventStore } from '@zhaoshang/eventstore';
import { MAX_PAGE_LIMIT, headPosition, type RegisterEntry } from '@zhaoshang/projections';
import {
  bulletinCsv,
  bulletinDocx,
  bulletinReportOf,
  bulletinText,
  bulletinXlsx,
  CSV_CONTENT_TYPE,
  DOCX_CONTENT_TYPE,
  TEXT_CONTENT_TYPE,
  registerCsv,
  registerXlsx,
  XLSX_CONTENT_TYPE,
  type BulletinCsvPart,
  type BulletinReport,
} from '@zhaoshang/reports';
import { bulletinPeriodOf } from '../../bulletins/bulletin-period';
import type { ApiConfig } from '../../config';
import { CodedApiError, NotFound } from '../../errors/api-errors';
import type { StreamedAnswer } from '../../http/streamed-answer';
import type { ReadModels } from '../../read-models/read-model.port';
import { foldStream } from '../../read-models/stream-state';
import { API_CONFIG, EVENT_STORE, READ_MODELS } from '../../tokens';
import { districtNameOf, REGION_UNIT, registerUnits } from '../../units';
// The leaders registry: people by name, never by id
import { leaderNamesOf } from '../../leaders/leader-registry';

export type ExportFormat = 'xlsx' | 'csv';
/** A bulletin also prints as the 通报's prose: Word or plain text. */
export type BulletinExportFormat = ExportFormat | 'docx' | 'txt';

const CONTENT_TYPES: { readonly [F in BulletinExportFormat]: string } = {
  xlsx: XLSX_CONTENT_TYPE,
  csv: CSV_CONTENT_TYPE,
  docx: DOCX_CONTENT_TYPE,
  txt: TEXT_CONTENT_TYPE,
};

/**
 * Display names of units in the exported sheets: the deployment's units (`UNITS`; the demo
 * region's in development). The whole region is shown by its id, as the reports name it.
 */
export const unitNamesOf = (config: ApiConfig): Readonly<Record<string, string>> =>
  Object.fromEntries(
    config.units.filter((u) => u.unitId !== REGION_UNIT.unitId).map((u) => [u.unitId, u.name]),
  );

/** `Content-Disposition` for a Chinese file name, with an ASCII fallback (RFC 6266 / 5987). */
const attachment = (ascii: string, name: string): string =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const file = (
  format: BulletinExportFormat,
  ascii: string,
  name: string,
  bytes: Uint8Array | string,
): StreamedAnswer => ({
  kind: 'streamed',
  contentType: CONTENT_TYPES[format],
  headers: { 'Content-Disposition': attachment(`${ascii}.${format}`, `${name}.${format}`) },
  body: (write) => write(bytes),
});

/** The project register (招商引资工作台账) as a workbook (汇总 + a sheet per unit) or CSV. */
export class ExportRegister extends Query<StreamedAnswer> {
  constructor(
    readonly format: ExportFormat,
    readonly asOf: string,
    readonly unitId?: string,
    readonly stage?: Stage,
  ) {
    super();
  }
}

/**
 * The names a register prints (R22, issue #18): a sheet per unit but not the district — the district
 * is the 合计, the total of its units —, parks and towns by the units registry's names, people by
 * the leaders registry's.
 */
export const registerNamesOf = (config: ApiConfig) => {
  const districtName = districtNameOf(config.units);
  return {
    unitNames: Object.fromEntries(registerUnits(config.units).map((u) => [u.unitId, u.name])),
    placeNames: unitNamesOf(config),
    leaderNames: leaderNamesOf(config.leaders),
    ...(districtName !== undefined ? { districtName } : {}),
  };
};

@QueryHandler(ExportRegister)
export class ExportRegisterHandler implements IQueryHandler<ExportRegister, StreamedAnswer> {
  private readonly unitNames: Readonly<Record<string, string>>;
  private readonly names: ReturnType<typeof registerNamesOf>;
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.unitNames = unitNamesOf(config);
    this.names = registerNamesOf(config);
  }
  async execute(q: ExportRegister): Promise<StreamedAnswer> {
    const asOf = q.asOf as BusinessDate;
    const entries: RegisterEntry[] = [];
    for (let offset = 0; ; offset += MAX_PAGE_LIMIT) {
      const page = await this.readModels.queries.register.list({
        asOf,
        filter: {
          ...(q.unitId !== undefined ? { unitId: q.unitId } : {}),
          ...(q.stage !== undefined ? { stage: q.stage } : {}),
          includeDropped: true,
        },
        sort: [{ field: 'projectId', direction: 'asc' }],
        page: { limit: MAX_PAGE_LIMIT, offset },
      });
      entries.push(...page.items);
      if (entries.length >= page.total || page.items.length === 0) break;
    }
    const options = { asOf, ...this.names };
    const bytes = q.format === 'xlsx' ? await registerXlsx(entries, options) : registerCsv(entries, options);
    const scope = q.unitId ?? 'region';
    return file(
      q.format,
      `register-${scope}-${asOf}`,
      `招商引资工作台账-${this.unitNames[scope] ?? scope}-${asOf}`,
      bytes,
    );
  }
}

/** A bulletin's report in the format asked for. */
const bulletinBytes = async (
  report: BulletinReport,
  format: BulletinExportFormat,
  part: BulletinCsvPart,
): Promise<Uint8Array | string> => {
  switch (format) {
    case 'xlsx':
      return bulletinXlsx(report);
    case 'csv':
      return bulletinCsv(report, part);
    case 'docx':
      return bulletinDocx(report);
    case 'txt':
      return bulletinText(report);
    default: {
      const unknown: never = format;
      return unknown;
    }
  }
};

/**
 * A bulletin (通报) as a workbook (赛马排名, 目标进度, 得分明细), one of its parts as CSV, or its
 * prose as Word or plain text (总体情况, 赛马排名, 红黄蓝亮灯, 督查督办, 下步要求). A
 * published bulletin is laid out from the history at the position its edition in force names, and
 * only after the figures recomputed there give the published digest; `preview` lays out a period not
 * yet published from the whole history now (marked 未发布（预览）).
 */
export class ExportBulletin extends Query<StreamedAnswer> {
  constructor(
    readonly period: string,
    readonly format: BulletinExportFormat,
    readonly part: BulletinCsvPart,
    readonly preview: boolean,
  ) {
    super();
  }
}

@QueryHandler(ExportBulletin)
export class ExportBulletinHandler implements IQueryHandler<ExportBulletin, StreamedAnswer> {
  private readonly unitNames: Readonly<Record<string, string>>;
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.unitNames = unitNamesOf(config);
  }
  async execute(q: ExportBulletin): Promise<StreamedAnswer> {
    const period = bulletinPeriodOf(q.period);
    const label = periodLabel(period);
    const state = await foldStream(this.store, aggregates.bulletin, bulletinStream(period));
    let meta;
    let upTo: bigint;
    if (state.status === 'published') {
      const edition = state.current;
      upTo = BigInt(edition.computedAtPosition);
      meta = {
        computedAtPosition: edition.computedAtPosition,
        figuresDigest: edition.figuresDigest,
        bulletinId: edition.bulletinId,
        publishedOn: edition.on,
      };
    } else if (q.preview) {
      upTo = await headPosition(this.store);
      if (upTo < 0n) upTo = 0n;
      meta = { computedAtPosition: upTo };
    } else {
      throw new NotFound('NOT_FOUND', { bulletin: label });
    }
    const views = await bulletinViewsAt(this.store, period, { upTo });
    if (meta.figuresDigest !== undefined) {
      const recomputed = bulletinFiguresOf(views, upTo).digest;
      if (recomputed !== meta.figuresDigest)
        throw new CodedApiError(409, 'BULLETIN_DOES_NOT_VERIFY', {
          period: label,
          published: meta.figuresDigest,
          recomputed,
        });
    }
    const report = bulletinReportOf(views.review, [...views.units, ...(views.region ? [views.region] : [])], {
      ...meta,
      unitNames: this.unitNames,
      asOf: views.asOf,
    });
    const bytes = await bulletinBytes(report, q.format, q.part);
    const suffix = q.format === 'csv' ? `-${q.part}` : '';
    const draft = state.status === 'published' ? '' : '-preview';
    return file(
      q.format,
      `bulletin-${label}${draft}${suffix}`,
      `招商引资工作通报-${label}${draft === '' ? '' : '（预览）'}${suffix}`,
      bytes,
    );
  }
}

export const exportQueryHandlers = [ExportRegisterHandler, ExportBulletinHandler];
