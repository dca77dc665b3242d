/**
 * The sample 台账 of the Excel import (docs/integration.md "Import"): a project list as a town or zone
 * office keeps it (DOMAIN.md §6, "Registers as offices keep them"), and the mapping profile for it.
 * `npx tsx scripts/generate-import-sample.ts` writes both under docs/samples/; the e2e test imports
 * the committed workbook. Fixed creation dates keep the workbook's content the same on every run.
 */
import ExcelJS from 'exceljs';
import { creditCodeCheckChar } from '../packages/domain/src/shared/credit-code';

/** A valid 统一社会信用代码 from its first 17 characters (the check character computed). */
export const creditCode = (first17: string): string => `${first17}${creditCodeCheckChar(first17) ?? ''}`;

export const SAMPLE_SHEET = '项目台账';

/** The mapping profile for the sample: its headers to the import's fields. */
export const sampleProfile = {
  sheet: SAMPLE_SHEET,
  headerRow: 2,
  amountUnit: '万元',
  columns: {
    项目代码: 'projectCode',
    项目名称: 'name',
    投资方: 'investor',
    统一社会信用代码: 'creditCode',
    投资方来源地: 'investorOrigin',
    '总投资（万元）': 'investment',
    产业类型: 'industryChain',
    项目内容: 'content',
    '所属单位/乡镇': 'unit',
    录入时间: 'capturedOn',
    签约日期: 'signedOn',
    开工日期: 'startedOn',
    投产日期: 'productionOn',
  },
  units: { 经开区: 'jingkaiqu', 高新区: 'gaoxinqu', 凤凰镇: 'fenghuang-town' },
  defaults: { channel: 'industrial-chain' },
} as const;

const HEADERS = Object.keys(sampleProfile.columns);

/** The sample's rows, in the forms offices write: numbers and 亿元/万元 text, dates as text and as date cells. */
export const sampleRows: ReadonlyArray<ReadonlyArray<string | number | Date | null>> = [
  [
    'XM-2024-001',
    '年产5万吨新型材料项目',
    '江苏某新材料科技有限公司',
    creditCode('91320500MA1XYW001'),
    '江苏省',
    15000,
    '新材料',
    '建设新型材料生产线及配套设施',
    '经开区',
    '2024-01-15',
    null,
    null,
    null,
  ],
  [
    null,
    '智能装备产业园项目',
    '浙江某智能装备有限公司',
    creditCode('91330100MA2ABC002'),
    '浙江省',
    '1.5亿元',
    '高端装备制造',
    '建设智能装备研发及生产基地',
    '高新区',
    new Date(Date.UTC(2024, 1, 20)),
    null,
    null,
    null,
  ],
  [
    'XM-2024-003',
    '冷链物流配送中心项目',
    '上海某供应链管理有限公司',
    creditCode('91310000MA3DEF003'),
    '上海市',
    '8000.5',
    '现代物流',
    '建设冷库及配送中心',
    '凤凰镇',
    '2024年3月5日',
    '2024/4/18',
    null,
    null,
  ],
];

/** The sample workbook's bytes (a title row, the headers on row 2, the rows below). */
export const sampleWorkbook = async (
  rows: ReadonlyArray<ReadonlyArray<string | number | Date | null>> = sampleRows,
  headers: ReadonlyArray<string> = HEADERS,
): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'zhaoshang';
  workbook.created = new Date(Date.UTC(2024, 5, 1));
  workbook.modified = new Date(Date.UTC(2024, 5, 1));
  const sheet = workbook.addWorksheet(SAMPLE_SHEET);
  sheet.addRow(['招商引资项目台账（样例）']);
  sheet.addRow([...headers]);
  for (const row of rows) sheet.addRow(row.map((v) => v ?? undefined));
  sheet.getColumn(10).numFmt = 'yyyy-mm-dd';
  sheet.columns.forEach((c) => (c.width = 18));
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
