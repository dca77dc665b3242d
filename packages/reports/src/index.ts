/**
 * @zhaoshang/reports — the project register (招商引资工作台账) and the bulletin (每月通报、季度考评、
 * 年终考核) as Excel workbooks (exceljs) and CSV, laid out the way Chinese offices read them.
 * Pure: data in, bytes out (a Buffer for .xlsx, a string for CSV); the caller writes them.
 */

// Project register (台账)
export { registerXlsx, registerCsv } from './register/register-report';
export type { RegisterReportOptions } from './register/register-report';
// The register's columns, one entry per column with a stable key (R22 · DOMAIN.md §6)
export { registerColumns, PROCEDURE_COLUMNS, procedureText } from './register/register-columns';
export type { RegisterColumn, RegisterLine, RegisterNames } from './register/register-columns';

// Bulletin (通报)
export { bulletinReportOf } from './bulletin/bulletin-report';
export type {
  BulletinMeta,
  BulletinMetric,
  BulletinProgress,
  BulletinRate,
  BulletinReport,
  BulletinUnit,
} from './bulletin/bulletin-report';
export { bulletinXlsx, bulletinCsv } from './bulletin/bulletin-workbook';
export type { BulletinCsvPart } from './bulletin/bulletin-workbook';
// The 通报's prose (plain text, Word), generated from the same report
export { bulletinDocument, bulletinText, DEFAULT_ISSUER } from './bulletin/bulletin-text';
export type { BulletinDocument, BulletinSection, BulletinTextOptions } from './bulletin/bulletin-text';
export { bulletinDocx, DOCX_CONTENT_TYPE, TEXT_CONTENT_TYPE } from './bulletin/bulletin-docx';

// Enterprise requests (企业诉求台账, R17)
export { requestsXlsx, requestsCsv } from './requests/requests-report';
export type { RequestReportOptions, RequestReviewFigures } from './requests/requests-report';
// Meetings and their 交办 items (会议交办事项台账, R20)
export { meetingsXlsx, meetingsCsv } from './meetings/meetings-report';
export type { MeetingsLedger } from './meetings/meetings-report';

// The scoring policy by its name, never its id (issue #18)
export { DEFAULT_POLICY_NAME, policyTitle } from './vocabulary/labels';

// What the files are (their words are the domain's vocabulary, @zhaoshang/domain `vocabulary`)
export { XLSX_CONTENT_TYPE, CSV_CONTENT_TYPE } from './table/workbook';

// Land register (土地台账, R19)
export { landXlsx, landCsv } from './land/land-report';
export type { LandReport, LandCsvPart } from './land/land-report';
// advisors (招商顾问名册, 002 §八) and the investor directory (客商目录, 002 §一)
export { advisorsXlsx, advisorsCsv, investorsXlsx, investorsCsv } from './advisors/advisors-report';
export type { ListReportOptions } from './advisors/advisors-report';
