import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IRunOptions,
} from 'docx';
import type { BulletinReport } from './bulletin-report';
import { bulletinDocument, DRAFT_MARK, type BulletinTextOptions } from './bulletin-text';

/*
 * The 通报 as a Word document (the `docx` package), laid out after the national standard for
 * official documents (GB/T 9704-2012): A4 portrait, margins 37 mm top, 35 mm bottom, 28 mm left,
 * 26 mm right; the title in 小标宋 二号 (22 pt) centred; the body in 仿宋 三号 (16 pt) on a 28 pt
 * line, paragraphs indented two characters; first-level headings (一、) in 黑体; page numbers
 * "— 1 —" at the foot. Fonts a machine lacks are substituted by Word or LibreOffice.
 */

/** MIME type of a .docx file. */
export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** MIME type of the plain-text bulletin. */
export const TEXT_CONTENT_TYPE = 'text/plain; charset=utf-8';

/** Twentieths of a point per millimetre. */
const TWIPS_PER_MM = 1440 / 25.4;
const mm = (x: number): number => Math.round(x * TWIPS_PER_MM);
/** Half-points (docx run sizes). */
const pt = (x: number): number => x * 2;

const font = (name: string): IRunOptions['font'] => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });
const FANGSONG = font('仿宋_GB2312');
const HEITI = font('黑体');
const XIAOBIAOSONG = font('方正小标宋简体');
const BODY = pt(16);
/** A 28 pt line ("exactly"), as 22 lines on a page of the standard. */
const LINE = { line: 28 * 20, lineRule: LineRuleType.EXACT };
/** Two characters of 16 pt. */
const INDENT = { firstLine: 2 * 16 * 20 };

const body = (text: string, run: Partial<IRunOptions> = {}, indent = true): Paragraph =>
  new Paragraph({
    spacing: LINE,
    ...(indent ? { indent: INDENT } : {}),
    alignment: AlignmentType.JUSTIFIED,
    children: [new TextRun({ text, font: FANGSONG, size: BODY, ...run })],
  });

/** The bulletin as a .docx document (the same text as `bulletinText`). */
export const bulletinDocx = async (r: BulletinReport, options: BulletinTextOptions = {}): Promise<Buffer> => {
  const d = bulletinDocument(r, options);
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 28 * 20 },
      children: [new TextRun({ text: d.title, font: XIAOBIAOSONG, size: pt(22) })],
    }),
    ...(d.draft
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: DRAFT_MARK, font: FANGSONG, size: BODY })],
          }),
        ]
      : []),
    body(`${d.addressee}：`, {}, false),
    body(d.opening),
    ...d.sections.flatMap((s) => [body(s.heading, { font: HEITI }), ...s.paragraphs.map((p) => body(p))]),
    new Paragraph({ spacing: LINE, children: [] }),
    ...[d.issuer, d.date].map(
      (text) =>
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          spacing: LINE,
          indent: { right: 4 * 16 * 20 },
          children: [new TextRun({ text, font: FANGSONG, size: BODY })],
        }),
    ),
    new Paragraph({ spacing: LINE, children: [] }),
    ...d.notes.map(
      (n, i) =>
        new Paragraph({
          children: [new TextRun({ text: `${i === 0 ? '附注：' : ''}${n}`, font: FANGSONG, size: pt(10.5) })],
        }),
    ),
  ];
  const doc = new Document({
    creator: '招商引资项目管理系统 @zhaoshang/reports',
    title: d.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(20) },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['— ', PageNumber.CURRENT, ' —'],
                    font: font('宋体'),
                    size: pt(14),
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
};
