/** Fixtures and readers shared by the reports' tests. */
import { date, type BusinessDate } from '@zhaoshang/domain';
import type {
  MetricProgress,
  PerformanceReview,
  RegisterEntry,
  TargetProgressView,
  UnitReview,
} from '@zhaoshang/projections';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';

export const AS_OF: BusinessDate = date('2024-06-30');

/** A register row with plain defaults: a signed project of 1亿元, nothing overdue. */
export const registerEntry = (
  o: Partial<RegisterEntry> & Pick<RegisterEntry, 'projectId' | 'unitId'>,
): RegisterEntry => ({
  name: `项目 ${o.projectId}`,
  origin: 'lead',
  stage: 'signed',
  closed: false,
  industryChain: '新能源汽车',
  content: '年产 10 万套汽车零部件',
  intendedInvestment: 10_000_000_000,
  investment: 10_000_000_000,
  capturedOn: date('2024-01-10'),
  lastActivityOn: date('2024-03-01'),
  signedOn: date('2024-03-01'),
  leaders: {},
  cumulativeInvestment: 0,
  nodes: [],
  missedMilestones: [],
  counted: true,
  asOf: AS_OF,
  light: 'blue',
  nodeLights: [],
  ...o,
});

/** Reads .xlsx bytes back with exceljs. */
export const readWorkbook = async (bytes: Buffer): Promise<ExcelJS.Workbook> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
};

export const sheet = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(name);
  if (ws === undefined)
    throw new Error(`no sheet ${name}; sheets: ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
};

/** The values of a row, from column 1 (exceljs rows are 1-based). */
export const rowValues = (ws: ExcelJS.Worksheet, row: number): ReadonlyArray<ExcelJS.CellValue> => {
  const values = ws.getRow(row).values;
  return Array.isArray(values) ? values.slice(1) : [];
};

/**
 * The text a row shows: its first text value. A title, subtitle or note is merged across the first
 * printed page's columns after the key columns when the sheet prints on several pages across.
 */
export const rowText = (ws: ExcelJS.Worksheet, row: number): string =>
  String(rowValues(ws, row).find((v) => typeof v === 'string') ?? '');

/** Column index (1-based) of a header in row 3. */
export const columnOf = (ws: ExcelJS.Worksheet, header: string): number => {
  const i = rowValues(ws, 3).indexOf(header);
  if (i < 0) throw new Error(`no column ${header} in ${ws.name}`);
  return i + 1;
};

/** Parses a CSV document with exceljs's reader (fast-csv, RFC 4180), keeping every field as text. */
export const parseCsv = async (text: string): Promise<ReadonlyArray<ReadonlyArray<string>>> => {
  const wb = new ExcelJS.Workbook();
  const ws = await wb.csv.read(Readable.from([text]), { map: (v: unknown) => v } as never);
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (r) => {
    const values = Array.isArray(r.values) ? r.values.slice(1) : [];
    rows.push(values.map((v) => (v === null || v === undefined ? '' : String(v))));
  });
  return rows;
};

/** A metric of a target-progress view with the projections' shape (no series). */
export const metric = (
  m: Partial<MetricProgress> & Pick<MetricProgress, 'metric' | 'kind' | 'target' | 'actual'>,
): MetricProgress => ({
  percent: 0,
  expected: 0,
  gap: 0,
  lagPoints: 0,
  light: 'blue',
  series: [],
  ...m,
});

/** 8 of 50 leads at mid-year: 16 %, 33.73 points behind a 序时 of 49.73 % — red under the default policy (lag > 30). */
export const leadsFarBehind: MetricProgress = metric({
  metric: 'leads',
  kind: 'count',
  target: 50,
  actual: 8,
  percent: 16,
  expected: 24.86,
  gap: -16.86,
  lagPoints: 33.73,
  light: 'red',
});

export const progressView = (
  unitId: string,
  metrics: ReadonlyArray<MetricProgress>,
  o: Partial<TargetProgressView> = {},
): TargetProgressView => ({
  unitId,
  year: 2024,
  scope: 'unit',
  asOf: AS_OF,
  elapsedDays: 182,
  daysInYear: 366,
  elapsedFraction: 182 / 366,
  metrics,
  light: 'blue',
  projectsCounted: 3,
  duplicatesExcluded: 0,
  ...o,
});

export const unitReview = (unitId: string, o: Partial<UnitReview> = {}): UnitReview => ({
  unitId,
  counts: {
    effectiveLeads: 4,
    newSignings: 2,
    newStarts: 1,
    newStatisticsEntries: 1,
    investmentCompleted: 123_456_789,
    newCompletions: 0,
    newProduction: 1,
  },
  rates: {
    signedToStarted: { numerator: 2, denominator: 3, basisPoints: 6667 },
    startedToStatistics: { numerator: 1, denominator: 2, basisPoints: 5000 },
  },
  missedMilestones: 1,
  lateEntries: 0,
  factCorrections: 0,
  openMissedMilestones: 1,
  overdueProcedures: 0,
  terminations: 0,
  duplicates: 0,
  missedInvestmentReports: 0,
  tripDays: 5,
  trips: [],
  tripShortfalls: 0,
  score: 50,
  breakdown: [{ rule: 'leads', label: '有效线索', points: 8 }],
  vetoed: false,
  rank: 1,
  ...o,
});

export const review = (units: ReadonlyArray<UnitReview>): PerformanceReview => ({
  period: { kind: 'quarter', year: 2024, index: 2 },
  from: date('2024-04-01'),
  to: date('2024-06-30'),
  policy: 'default-R12-R15',
  units,
});
