/**
 * The register and the bulletin as they print (issue #18, "the register and bulletin print
 * legibly"): each workbook is printed to PDF by LibreOffice and its words' boxes are checked —
 * landscape A4/A3 as the sheet intends, no type below 9 pt on paper, no text over other text, each
 * cell's text inside its row, every column header printed, nothing outside the page.
 *
 * Needs LibreOffice Calc and poppler-utils (scripts/ensure-test-tools.sh); without them it says so
 * and is reported skipped.
 */
import ExcelJS from 'exceljs';
import { date } from '@zhaoshang/domain';
import type { RegisterEntry } from '@zhaoshang/projections';
import { GOLDEN } from '@zhaoshang/projections/testing';
import { bulletinReportOf, bulletinXlsx, registerXlsx } from '../src';
import { GOLDEN_UNIT_NAMES, goldenInputs } from '../examples/golden-inputs';
import { columnTexts, overlappingWords, pdfTools, printedPages, type Page, type Word } from './pdf-layout';
import { readWorkbook, registerEntry, rowValues } from './support';

if (pdfTools.missing !== undefined)
  console.warn(
    `SKIPPED: the PDF layout test prints workbooks with LibreOffice and reads them with poppler; missing: ${pdfTools.missing}. ` +
      'Install them with scripts/ensure-test-tools.sh (runs on npm install as root with apt-get).',
  );

/** Long Chinese names, as a county's 台账 has them: every row's text is its own. */
const PLACES = [
  '福建宁德',
  '江苏常州',
  '浙江宁波',
  '广东东莞',
  '安徽合肥',
  '四川宜宾',
  '湖北襄阳',
  '山东潍坊',
];
const PRODUCTS = [
  '动力电池隔膜',
  '高镍三元正极材料',
  '汽车线束总成',
  '光伏组件边框',
  '储能变流器',
  '碳化硅功率模块',
];
const INVESTORS = ['新能源科技', '精密制造', '智能装备', '新材料', '电子信息', '汽车零部件'];

const longEntry = (unitId: string, n: number): RegisterEntry => {
  const place = PLACES[n % PLACES.length] ?? '';
  const product = PRODUCTS[n % PRODUCTS.length] ?? '';
  return registerEntry({
    projectId: `${unitId}-${String(n).padStart(3, '0')}`,
    unitId,
    name: `${place}${INVESTORS[n % INVESTORS.length] ?? ''}年产${n + 3}万套${product}及配套生产线建设项目（第${n}期）`,
    investorName: `${place}${INVESTORS[(n + 2) % INVESTORS.length] ?? ''}集团股份有限公司第${n}分公司`,
    investorCreditCode: `91350902MA31KQ${String(n).padStart(4, '0')}`,
    industryChain: `${product}产业链`,
    channel: 'industrial-chain',
    ...(n % 3 === 0
      ? { idleMonths: 2 + (n % 4), missedMilestones: ['agreed-start'], light: 'red' as const }
      : {}),
    ...(n % 5 === 0 ? { agreementAmendments: 1 + (n % 3) } : {}),
    lastVisit: { on: date('2024-06-21'), leaderId: `leader-${n}`, name: `${place}包保责任人${n}号` },
  });
};

const UNITS = { jingkai: '经开区', chengxi: '城西街道' };
const longRegister: ReadonlyArray<RegisterEntry> = [
  ...Array.from({ length: 26 }, (_, n) => longEntry('jingkai', n + 1)),
  ...Array.from({ length: 3 }, (_, n) => longEntry('chengxi', n + 40)),
];

/** A calibration workbook: 9 pt text at 100 %, to measure the box height 9 pt gets in a PDF. */
const calibration = async (): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('9pt', { pageSetup: { paperSize: 9, orientation: 'landscape', scale: 100 } });
  ws.getCell(1, 1).value = '九号字 ABC 123';
  ws.getCell(1, 1).font = { size: 9 };
  ws.getColumn(1).width = 30;
  return Buffer.from(await wb.xlsx.writeBuffer());
};

/** A4 and A3 landscape in points, and Excel's codes for them. */
const PAPER: Readonly<Record<number, { readonly width: number; readonly height: number }>> = {
  9: { width: 841.89, height: 595.28 },
  8: { width: 1190.55, height: 841.89 },
};

interface SheetFacts {
  readonly name: string;
  readonly title: string;
  readonly paperSize: number;
  readonly scale: number;
  readonly headers: ReadonlyArray<string>;
  readonly headerHeight: number;
  /** Data rows by their 序号 (sheets whose first column is 序号): the texts of their cells. */
  readonly rowsByNumber: ReadonlyMap<string, string>;
}

const squash = (s: string): string => s.replace(/\s+/g, '');

const factsOf = async (bytes: Buffer): Promise<ReadonlyArray<SheetFacts>> => {
  const wb = await readWorkbook(bytes);
  return wb.worksheets.map((ws) => {
    const title = rowValues(ws, 1).find((v) => typeof v === 'string');
    const headers = rowValues(ws, 3).map((v) => (typeof v === 'string' ? v : ''));
    const rowsByNumber = new Map<string, string>();
    if (headers[0] === '序号')
      for (let r = 4; r <= ws.rowCount; r += 1) {
        const values = rowValues(ws, r);
        if (typeof values[0] === 'number')
          rowsByNumber.set(
            String(values[0]),
            // Every value as printed text (dates ISO), so a word several rows show is seen as shared.
            squash(
              values
                .map((v) =>
                  v instanceof Date
                    ? v.toISOString().slice(0, 10)
                    : typeof v === 'object'
                      ? ''
                      : String(v ?? ''),
                )
                .join('|'),
            ),
          );
      }
    return {
      name: ws.name,
      title: typeof title === 'string' ? title : '',
      paperSize: Number(ws.pageSetup.paperSize ?? 9),
      scale: Number(ws.pageSetup.scale ?? 100),
      headers: headers.filter((h) => h !== ''),
      headerHeight: ws.getRow(3).height ?? 15,
      rowsByNumber,
    };
  });
};

/** The page header: the words above the top margin (the sheet's title). */
const pageTitle = (p: Page): string =>
  squash(
    p.words
      .filter((w) => w.yMax < 0.7 * 72)
      .map((w) => w.text)
      .join(''),
  );

interface Printed {
  readonly pages: ReadonlyArray<Page>;
  readonly sheets: ReadonlyArray<SheetFacts>;
  readonly sheetOf: (p: Page) => SheetFacts | undefined;
}

const describeWithTools = pdfTools.missing === undefined ? describe : describe.skip;

describeWithTools('the register and the bulletin printed to PDF by LibreOffice', () => {
  let ninePoint = 0;
  const printed: Record<string, Printed> = {};

  beforeAll(async () => {
    const golden = await goldenInputs('2024-12-31', { kind: 'year', year: 2024 });
    const { [GOLDEN.region]: _region, ...goldenUnits } = GOLDEN_UNIT_NAMES;
    const september = await goldenInputs('2024-09-30', { kind: 'month', year: 2024, index: 9 });
    const report = bulletinReportOf(september.review, september.progress, {
      computedAtPosition: september.position,
      unitNames: GOLDEN_UNIT_NAMES,
    });
    const workbooks: Record<string, Buffer> = {
      calibration: await calibration(),
      'register (long names)': await registerXlsx(longRegister, { asOf: '2024-06-30', unitNames: UNITS }),
      'register (golden year)': await registerXlsx(golden.entries, {
        asOf: '2024-12-31',
        unitNames: goldenUnits,
      }),
      'bulletin (September)': await bulletinXlsx(report),
    };
    const pdfs = await printedPages(workbooks);
    ninePoint = Math.min(...(pdfs.calibration?.[0]?.words ?? []).map((w) => w.yMax - w.yMin));
    for (const [name, bytes] of Object.entries(workbooks)) {
      if (name === 'calibration') continue;
      const sheets = await factsOf(bytes);
      printed[name] = {
        pages: pdfs[name] ?? [],
        sheets,
        sheetOf: (p) => sheets.find((s) => squash(s.title) === pageTitle(p)),
      };
    }
  }, 300_000);

  const each = (check: (name: string, p: Printed) => void) => () => {
    expect(Object.keys(printed)).toHaveLength(3);
    for (const [name, p] of Object.entries(printed)) {
      expect(p.pages.length).toBeGreaterThan(0);
      check(name, p);
    }
  };

  it(
    'prints every page landscape, on the paper its sheet asks for (A4, or A3 for a wide sheet)',
    each((name, { pages, sheetOf }) => {
      pages.forEach((page, i) => {
        const sheet = sheetOf(page);
        expect({ name, page: i + 1, sheet: sheet?.name ?? `no sheet titled ${pageTitle(page)}` }).toEqual({
          name,
          page: i + 1,
          sheet: expect.any(String),
        });
        const paper = PAPER[sheet?.paperSize ?? 0];
        expect([name, i + 1, Math.round(page.width), Math.round(page.height)]).toEqual([
          name,
          i + 1,
          Math.round(paper?.width ?? 0),
          Math.round(paper?.height ?? 0),
        ]);
      });
    }),
  );

  it(
    'prints no word smaller than 9 pt (its box at least as tall as 9 pt text printed at 100 %)',
    each((name, { pages }) => {
      expect(ninePoint).toBeGreaterThan(5);
      const small = pages.flatMap((p, i) =>
        p.words
          .filter((w) => w.yMax - w.yMin < ninePoint * 0.99)
          .map(
            (w) => `${name} p${i + 1} ${w.text} (${(w.yMax - w.yMin).toFixed(2)} < ${ninePoint.toFixed(2)})`,
          ),
      );
      expect(small.slice(0, 10)).toEqual([]);
    }),
  );

  it(
    'prints no text over other text (no word overlaps another)',
    each((name, { pages }) => {
      const clashes = pages.flatMap((p, i) =>
        overlappingWords(p).map(([a, b]) => `${name} p${i + 1}: “${a.text}” over “${b.text}”`),
      );
      expect(clashes.slice(0, 10)).toEqual([]);
    }),
  );

  it(
    'keeps the text of each cell between its row’s top and the next row’s',
    each((name, { pages, sheetOf }) => {
      let checked = 0;
      const strays: string[] = [];
      pages.forEach((page, i) => {
        const sheet = sheetOf(page);
        if (sheet === undefined || sheet.rowsByNumber.size === 0) return;
        const head = page.words.find((w) => w.text === '序号');
        if (head === undefined) return;
        // Rows start where their 序号 is printed (cells are top-aligned); the 合计 row ends the last.
        const inFirstColumn = (w: Word) => w.xMax <= head.xMax + 30 && w.yMin > head.yMax;
        const anchors = page.words
          .filter((w) => inFirstColumn(w) && (/^\d+$/.test(w.text) || w.text === '合计'))
          .sort((a, b) => a.yMin - b.yMin);
        const bandOf = (row: string): { top: number; bottom: number } | undefined => {
          const k = anchors.findIndex((a) => a.text === row);
          const anchor = anchors[k];
          if (anchor === undefined) return undefined;
          return { top: anchor.yMin - 4, bottom: (anchors[k + 1]?.yMin ?? page.height - 0.6 * 72) - 1 };
        };
        for (const w of page.words) {
          if (w.yMin <= head.yMax || w.text.length < 3) continue;
          const rows = [...sheet.rowsByNumber].filter(([, text]) => text.includes(squash(w.text)));
          if (rows.length !== 1) continue; // a figure or a word several rows share says nothing
          const [row] = rows[0]!;
          const band = bandOf(row);
          checked += 1;
          if (band === undefined || w.yMin < band.top || w.yMax > band.bottom)
            strays.push(
              `${name} p${i + 1} row ${row}: “${w.text}” at ${w.yMin.toFixed(1)}–${w.yMax.toFixed(1)}, row ${
                band === undefined ? 'not on this page' : `${band.top.toFixed(1)}–${band.bottom.toFixed(1)}`
              }`,
            );
        }
      });
      if (name === 'register (long names)') expect(checked).toBeGreaterThan(100);
      expect(strays.slice(0, 10)).toEqual([]);
    }),
  );

  it(
    'prints every column header of every sheet',
    each((name, { pages, sheets, sheetOf }) => {
      for (const sheet of sheets) {
        const own = pages.filter((p) => sheetOf(p) === sheet);
        const texts = own.flatMap((p) => {
          const first = p.words
            .filter((w) => w.text === squash(sheet.headers[0] ?? ''))
            .sort((a, b) => a.yMin - b.yMin)[0];
          if (first === undefined) return [];
          const middle = (first.yMin + first.yMax) / 2;
          const half = (sheet.headerHeight * sheet.scale) / 100 / 2 + 1;
          return columnTexts(p.words.filter((w) => Math.abs((w.yMin + w.yMax) / 2 - middle) <= half));
        });
        const missing = sheet.headers.filter((h) => !texts.some((t) => t.includes(squash(h))));
        expect({ name, sheet: sheet.name, missing }).toEqual({ name, sheet: sheet.name, missing: [] });
      }
    }),
  );

  it(
    'prints nothing outside the page (no column cut at the right edge)',
    each((name, { pages }) => {
      const outside = pages.flatMap((p, i) =>
        p.words
          .filter((w) => w.xMin < 0 || w.yMin < 0 || w.xMax > p.width || w.yMax > p.height)
          .map((w) => `${name} p${i + 1}: ${w.text}`),
      );
      expect(outside).toEqual([]);
    }),
  );
});
