import ExcelJS from 'exceljs';
import JSZip from 'jszip';

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

/** Print settings exceljs cannot write (it knows neither column breaks nor A3), by worksheet. */
interface PrintExtras {
  /** Excel's paper code, when not the A4 (9) exceljs wrote. */
  readonly paperSize?: number;
  /** 0-based columns a printed page starts at (`<colBreaks>`). */
  readonly breaks: ReadonlyArray<number>;
}
const printExtras = new WeakMap<ExcelJS.Worksheet, PrintExtras>();

/**
 * Prints `ws` on paper `paperSize` (Excel's code; exceljs's own `pageSetup` must say A4) with a page
 * break before each of the 0-based columns `breaks` (a print group starts a page); written into the
 * sheet's XML when the workbook is turned into bytes.
 */
export const setPrintExtras = (
  ws: ExcelJS.Worksheet,
  paperSize: number,
  breaks: ReadonlyArray<number>,
): void => {
  if (paperSize !== A4 || breaks.length > 0)
    printExtras.set(ws, { ...(paperSize !== A4 ? { paperSize } : {}), breaks });
};
const A4 = 9;

const colBreaksXml = (before: ReadonlyArray<number>): string =>
  `<colBreaks count="${before.length}" manualBreakCount="${before.length}">${before
    .map((id) => `<brk id="${id}" max="1048575" man="1"/>`)
    .join('')}</colBreaks>`;

/**
 * Adds `<colBreaks>` where CT_Worksheet wants it: after pageSetup, headerFooter and rowBreaks, before
 * everything that may follow them (drawing, tableParts, extLst …).
 */
const withColBreaks = (xml: string, before: ReadonlyArray<number>): string => {
  const anchor =
    /<rowBreaks[\s\S]*?<\/rowBreaks>|<headerFooter[\s\S]*?<\/headerFooter>|<headerFooter[^>]*\/>|<pageSetup[^>]*\/>/g;
  let end = -1;
  for (let m = anchor.exec(xml); m !== null; m = anchor.exec(xml)) end = m.index + m[0].length;
  if (end < 0) throw new RangeError('a worksheet without pageSetup cannot take column breaks');
  return `${xml.slice(0, end)}${colBreaksXml(before)}${xml.slice(end)}`;
};

/** The .xlsx bytes of a workbook (with the column page breaks of its sheets). */
export const xlsxBytes = async (wb: ExcelJS.Workbook): Promise<Buffer> => {
  const written = await wb.xlsx.writeBuffer();
  const out = Buffer.isBuffer(written) ? written : Buffer.from(written);
  const extras = wb.worksheets.flatMap((ws) => {
    const x = printExtras.get(ws);
    return x === undefined ? [] : [{ path: `xl/worksheets/sheet${ws.id}.xml`, x }];
  });
  if (extras.length === 0) return out;
  const zip = await JSZip.loadAsync(out);
  for (const { path, x } of extras) {
    const entry = zip.file(path);
    if (entry === null) throw new RangeError(`the workbook has no ${path}`);
    let xml = await entry.async('string');
    if (x.paperSize !== undefined) {
      const a4 = /(<pageSetup[^>]*\spaperSize=")9(")/;
      if (!a4.test(xml)) throw new RangeError(`${path}: no A4 pageSetup to print on paper ${x.paperSize}`);
      xml = xml.replace(a4, `$1${x.paperSize}$2`);
    }
    if (x.breaks.length > 0) xml = withColBreaks(xml, x.breaks);
    zip.file(path, xml);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
};
