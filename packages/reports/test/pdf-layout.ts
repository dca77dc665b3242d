/**
 * Workbooks printed to PDF by LibreOffice, read back as pages of word boxes: what the PDF layout
 * test (print-layout.pdf.spec.ts) checks a printed 台账 and 通报 against.
 *
 * Needs `soffice` (Debian: libreoffice-calc-nogui) and `pdftotext` (poppler-utils), which
 * scripts/ensure-test-tools.sh installs; `SOFFICE_PATH` / `PDFTOTEXT_PATH` point elsewhere. Without
 * them `pdfTools.missing` says what is missing and the test reports itself skipped.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A word as pdftotext -bbox-layout gives it: text and box in points, y downwards from the top. */
export interface Word {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

export interface Page {
  readonly width: number;
  readonly height: number;
  readonly words: ReadonlyArray<Word>;
}

const onPath = (name: string): string | undefined =>
  (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, name))
    .find((p) => existsSync(p));

/** A tool at the path the environment names, else on PATH; undefined when it is not there. */
const tool = (variable: string, name: string): string | undefined => {
  const given = process.env[variable];
  if (given !== undefined && given !== '') return existsSync(given) ? given : undefined;
  return onPath(name);
};

const SOFFICE = tool('SOFFICE_PATH', 'soffice');
const PDFTOTEXT = tool('PDFTOTEXT_PATH', 'pdftotext');

/** The tools found, or why the PDF test cannot run. */
export const pdfTools: { readonly missing?: string } =
  SOFFICE === undefined
    ? { missing: 'soffice (LibreOffice Calc: apt-get install libreoffice-calc-nogui, or set SOFFICE_PATH)' }
    : PDFTOTEXT === undefined
      ? { missing: 'pdftotext (apt-get install poppler-utils, or set PDFTOTEXT_PATH)' }
      : {};

/** A conversion of a few workbooks by LibreOffice on a loaded 2-core machine: generous, explicit. */
const CONVERT_TIMEOUT_MS = 180_000;

const run = (file: string, args: ReadonlyArray<string>, timeout: number): Promise<void> =>
  new Promise((resolve, reject) => {
    execFile(file, [...args], { timeout, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error === null) resolve();
      else reject(new Error(`${file} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
    });
  });

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e] ?? '');

/** Pages and words of pdftotext's -bbox-layout XHTML. */
export const parseBboxLayout = (xhtml: string): ReadonlyArray<Page> =>
  xhtml
    .split(/<page /)
    .slice(1)
    .map((chunk) => {
      const size = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk);
      const words = [
        ...chunk.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: unescape(m[5] ?? ''),
      }));
      return { width: Number(size?.[1]), height: Number(size?.[2]), words };
    });

/**
 * Prints each workbook to PDF with LibreOffice (one headless run, its own profile directory, so
 * parallel runs do not share a user installation) and reads every PDF's words with
 * `pdftotext -bbox-layout`. Returns the pages by the workbook's key.
 */
export const printedPages = async (
  workbooks: Readonly<Record<string, Buffer>>,
): Promise<Readonly<Record<string, ReadonlyArray<Page>>>> => {
  if (SOFFICE === undefined || PDFTOTEXT === undefined) throw new Error(`cannot print: ${pdfTools.missing}`);
  const dir = await mkdtemp(join(tmpdir(), 'zhaoshang-print-'));
  try {
    const names = Object.keys(workbooks);
    await Promise.all(
      names.map((n, i) => writeFile(join(dir, `wb${i}.xlsx`), workbooks[n] ?? Buffer.alloc(0))),
    );
    await run(
      SOFFICE,
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...names.map((_, i) => join(dir, `wb${i}.xlsx`)),
      ],
      CONVERT_TIMEOUT_MS,
    );
    const out: Record<string, ReadonlyArray<Page>> = {};
    for (const [i, n] of names.entries()) {
      await run(PDFTOTEXT, ['-bbox-layout', join(dir, `wb${i}.pdf`), join(dir, `wb${i}.html`)], 60_000);
      out[n] = parseBboxLayout(await readFile(join(dir, `wb${i}.html`), 'utf8'));
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

/** Whether two boxes overlap by more than `tolerance` points in both directions. */
export const overlap = (a: Word, b: Word, tolerance = 0.5): boolean =>
  Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin) > tolerance &&
  Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) > tolerance;

/** Every pair of words on a page whose boxes overlap (text printed over text). */
export const overlappingWords = (page: Page): ReadonlyArray<readonly [Word, Word]> => {
  const out: Array<readonly [Word, Word]> = [];
  const ws = [...page.words].sort((a, b) => a.yMin - b.yMin);
  for (let i = 0; i < ws.length; i += 1) {
    const a = ws[i]!;
    for (let j = i + 1; j < ws.length && ws[j]!.yMin < a.yMax; j += 1)
      if (overlap(a, ws[j]!)) out.push([a, ws[j]!]);
  }
  return out;
};

/**
 * The words of a band of the page grouped by column: words whose horizontal extents overlap belong
 * to one cell (the lines of a wrapped header); each group's text top to bottom, without spaces.
 */
export const columnTexts = (words: ReadonlyArray<Word>): ReadonlyArray<string> => {
  const groups: Word[][] = [];
  for (const w of [...words].sort((a, b) => a.xMin - b.xMin)) {
    const g = groups.find((ws) => ws.some((x) => Math.min(x.xMax, w.xMax) - Math.max(x.xMin, w.xMin) > 0));
    if (g === undefined) groups.push([w]);
    else g.push(w);
  }
  return groups.map((g) =>
    g
      .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)
      .map((w) => w.text)
      .join(''),
  );
};
