/**
 * Builds the register (as of 31 December) and the September 2024 bulletin of the projections'
 * golden year, writes them (xlsx, CSV and the bulletin's JSON) into a directory, then reads each
 * workbook back and prints the first rows of every sheet, to see how it reads.
 *
 *   npx tsx --tsconfig tsconfig.check.json packages/reports/examples/make-reports.ts /tmp/reports-demo
 *
 * Generated files stay out of the repository: give a directory outside it.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  bulletinCsv,
  bulletinDocx,
  bulletinReportOf,
  bulletinText,
  bulletinXlsx,
  registerCsv,
  registerXlsx,
} from '../src';
import { GOLDEN } from '@zhaoshang/projections/testing';
import { GOLDEN_UNIT_NAMES, goldenInputs } from './golden-inputs';

const ROWS_SHOWN = 8;

const show = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
};

/** Prints the first rows of every sheet as the cells hold them (value, and the format where there is one). */
const printWorkbook = async (file: string, bytes: Buffer): Promise<void> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  process.stdout.write(`\n=== ${file}: ${wb.worksheets.map((w) => w.name).join(' | ')}\n`);
  for (const ws of wb.worksheets) {
    process.stdout.write(`--- ${ws.name} (${ws.rowCount} rows × ${ws.columnCount} columns)\n`);
    const last = Math.min(ws.rowCount, ROWS_SHOWN);
    for (let r = 1; r <= last; r += 1) {
      const cells: string[] = [];
      ws.getRow(r).eachCell({ includeEmpty: false }, (c) => {
        if (c.isMerged && c.master.address !== c.address) return;
        cells.push(
          c.numFmt !== undefined && c.numFmt !== 'General' ? `${show(c.value)} [${c.numFmt}]` : show(c.value),
        );
      });
      process.stdout.write(`${r}: ${cells.join(' | ')}\n`);
    }
    if (ws.rowCount > last) {
      for (let r = Math.max(last + 1, ws.rowCount - 3); r <= ws.rowCount; r += 1) {
        const cells: string[] = [];
        ws.getRow(r).eachCell((c) => {
          if (!(c.isMerged && c.master.address !== c.address)) cells.push(show(c.value));
        });
        process.stdout.write(`${r}: ${cells.join(' | ')}\n`);
      }
    }
  }
};

const main = async (): Promise<void> => {
  const dir = process.argv[2];
  if (dir === undefined) {
    process.stderr.write('usage: make-reports.ts <output directory>\n');
    process.exit(2);
  }
  mkdirSync(dir, { recursive: true });
  // The register holds each project as it stands now (lights as of `asOf`): ask for it as of the
  // end of the scenario. The bulletin's figures are dated facts: September's are September's.
  const asOf = '2024-12-31';
  const { [GOLDEN.region]: _region, ...unitNames } = GOLDEN_UNIT_NAMES;
  const year = await goldenInputs(asOf, { kind: 'year', year: 2024 });
  const register = await registerXlsx(year.entries, { asOf, unitNames });

  const inputs = await goldenInputs('2024-09-30', { kind: 'month', year: 2024, index: 9 });
  const report = bulletinReportOf(inputs.review, inputs.progress, {
    computedAtPosition: inputs.position,
    unitNames: GOLDEN_UNIT_NAMES,
  });
  const bulletin = await bulletinXlsx(report);

  const files: ReadonlyArray<readonly [string, Buffer | string]> = [
    [`台账-${asOf}.xlsx`, register],
    [`台账-${asOf}.csv`, registerCsv(year.entries, { asOf, unitNames })],
    [`通报-${report.period.label}.xlsx`, bulletin],
    [`通报-${report.period.label}-赛马排名.csv`, bulletinCsv(report, 'ranking')],
    [`通报-${report.period.label}-目标进度.csv`, bulletinCsv(report, 'progress')],
    [`通报-${report.period.label}.json`, `${JSON.stringify(report, null, 2)}\n`],
    // The 通报's prose, as an office circulates it
    [`通报-${report.period.label}.txt`, bulletinText(report)],
    [`通报-${report.period.label}.docx`, await bulletinDocx(report)],
  ];
  for (const [name, bytes] of files) {
    writeFileSync(join(dir, name), bytes);
    process.stdout.write(`wrote ${join(dir, name)} (${Buffer.byteLength(bytes)} bytes)\n`);
  }
  await printWorkbook(`台账-${asOf}.xlsx`, register);
  await printWorkbook(`通报-${report.period.label}.xlsx`, bulletin);
};

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
