import * as t from 'io-ts';
import { DateText, IdText, PeriodText, queryInput, StageText } from '../http/query-inputs';
import type { QueryRoute } from '../http/routes';

const Format = t.keyof({ xlsx: null, csv: null }, 'ExportFormat');
// The 通报's prose (print helper, issue #18 item 3): a bulletin also as Word or plain text.
const BulletinFormat = t.keyof({ xlsx: null, csv: null, docx: null, txt: null }, 'BulletinExportFormat');
const Part = t.keyof({ ranking: null, progress: null, scores: null }, 'BulletinCsvPart');
const Preview = t.keyof({ true: null, false: null }, 'Preview');
/** The answer is a file, not JSON; its content type follows `format`. */
const FILE = 'application/octet-stream';

/** `GET /exports/register`. */
export const RegisterExportInput = queryInput(
  {},
  { format: Format, unitId: IdText, stage: StageText, asOf: DateText },
);
/** `GET /exports/bulletins/{period}`. */
export const BulletinExportInput = queryInput(
  { period: PeriodText },
  { format: BulletinFormat, part: Part, preview: Preview },
);

/** Excel and CSV in the form offices file them (台账, 每月通报); see docs/reports.md. */
export const exportQueryRoutes: ReadonlyArray<QueryRoute> = [
  {
    kind: 'query',
    name: 'ExportRegister',
    path: '/exports/register',
    tag: 'exports',
    summary: '导出招商引资工作台账（Excel / CSV）/ the project register as Excel or CSV',
    input: RegisterExportInput,
    streamed: { contentType: FILE },
    returns:
      '`format=xlsx` (default): a workbook with a 汇总 sheet and one sheet per unit, amounts in 万元 / 亿元, 合计 rows; `format=csv`: UTF-8 with BOM, one row per project. Lights as of `asOf` (default today)',
  },
  {
    kind: 'query',
    name: 'ExportBulletin',
    path: '/exports/bulletins/:period',
    tag: 'exports',
    summary: '导出通报（Excel / CSV / Word / 文本）/ a bulletin as Excel, CSV, Word or text',
    input: BulletinExportInput,
    streamed: { contentType: FILE },
    returns:
      'a published bulletin laid out from the history at its position, after its figures were recomputed there and gave the published digest (409 BULLETIN_DOES_NOT_VERIFY otherwise): `format=xlsx` (default) 赛马排名, 目标进度, 得分明细 sheets with the position and digest on each; `format=csv&part=ranking|progress|scores`; `format=docx` the 通报 as an office circulates it (Word, GB/T 9704 layout: 总体情况, 赛马排名, 红黄蓝亮灯, 督查督办, 下步要求) and `format=txt` the same prose as UTF-8 text. `preview=true` lays out an unpublished period from the whole history now',
  },
];
