import * as t from 'io-ts';
import { CountText, IdText, queryInput, StageText, textPattern } from '../http/query-inputs';
import type { QueryRoute } from '../http/routes';

/**
 * A part of an investor's name to search for: printable characters only (ASCII from the space to
 * `~`, and U+00A0 to U+FFFF but the surrogates), so no control character. Written without the u
 * flag: the pattern is also the OpenAPI document's. Characters beyond U+FFFF (rare CJK extensions)
 * are refused (400): a generator of the pattern could otherwise emit half a surrogate pair.
 */
const NamePart = textPattern(
  'NamePart',
  /^[ -~\u00a0-\ud7ff\ue000-\uffff]{1,100}$/,
  { min: 1, max: 100 },
  '新能源',
);
/** A 统一社会信用代码 (18 characters of the national standard's alphabet). */
const CreditCodeText = textPattern(
  'CreditCodeText',
  /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/,
  { min: 18, max: 18 },
  '91350902MA31KQ8P5X',
);
const Format = t.keyof({ xlsx: null, csv: null }, 'ExportFormat');

// The strict parameters first (the fuzz test breaks the first one; a name part may be any text).
const search = { creditCode: CreditCodeText, unitId: IdText, stage: StageText, name: NamePart };

/** `GET /investors`. */
export const InvestorsInput = queryInput({}, { ...search, limit: CountText, offset: CountText });
/** `GET /investors/{investorId}`. */
export const InvestorInput = queryInput({ investorId: IdText }, { unitId: IdText });
/** `GET /exports/investors`. */
export const InvestorsExportInput = queryInput({}, { ...search, format: Format });

/** 客商目录 (002 §一 "完善招商引资工作台账、客商目录"): built from the projects' investor facts. */
export const investorDirectoryQueryRoutes: ReadonlyArray<QueryRoute> = [
  {
    kind: 'query',
    name: 'SearchInvestors',
    path: '/investors',
    tag: 'investors',
    summary: '客商目录检索（名称、信用代码、单位、阶段）/ search the investor directory',
    input: InvestorsInput,
    returns:
      'Page<InvestorEntry> { items, total, offset, limit }, by name: one entry per investor (matched by credit code, else normalised name) with its projects (stage and latest activity from the register), first contact, latest activity and contacts left on enterprise requests; an investment officer sees their unit’s projects only',
  },
  {
    kind: 'query',
    name: 'GetInvestor',
    path: '/investors/:investorId',
    tag: 'investors',
    summary: '客商 / one investor of the directory',
    input: InvestorInput,
    returns: 'InvestorEntry (404 NOT_FOUND when unknown, or without a project of the unit asked for)',
  },
  {
    kind: 'query',
    name: 'ExportInvestors',
    path: '/exports/investors',
    tag: 'exports',
    summary: '导出客商目录（Excel / CSV）/ the investor directory as Excel or CSV',
    input: InvestorsExportInput,
    streamed: { contentType: 'application/octet-stream' },
    returns:
      '`format=xlsx` (default): one sheet 客商目录 with a 合计 row; `format=csv`: UTF-8 with BOM, one row per investor; the same search as GET /investors',
  },
];
