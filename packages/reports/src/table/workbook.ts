import ExcelJS from 'exceljs';

/** MIME type of an .xlsx file (for the API's Content-Type). */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** MIME type of the CSV documents (UTF-8 with BOM). */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/**
 * A new workbook whose properties carry the report's own date (its as-of or publication date),
 * not the wall clock: the same figures give the same workbook content.
 */
export const newWorkbook = (title: string, on: string): ExcelJS.Workbook => {
  const wb = new ExcelJS.Workbook();
  const at = new Date(`${on}T00:00:00.000Z`);
  if (Number.isNaN(at.getTime())) throw new RangeError(`not a business date (YYYY-MM-DD): ${on}`);
  wb.creator = '招商引资项目管理系统 @zhaoshang/reports';
  wb.title = title;
  wb.created = at;
  wb.modified = at;
  return wb;
};

/** The .xlsx bytes of a workbook. */
export const xlsxBytes = async (wb: ExcelJS.Workbook): Promise<Buffer> => {
  const out = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out);
};
