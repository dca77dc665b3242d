import * as t from 'io-ts';
import { NoInput, textPattern } from '../http/query-inputs';
import { XLSX_MEDIA_TYPE } from '../http/input-limits';
import type { ExchangeRoute } from '../http/routes';
import { ImportProfile, ProfileName } from './import-profile';

/** Who imports: an investment officer for their own unit, the leading-group office for any unit. */
export const IMPORT_ROLES = ['investment-officer', 'leading-group-office'] as const;

/** `PUT /imports/profiles/{name}` and `GET /imports/profiles/{name}`: the profile's name. */
export const ProfileInput = t.exact(t.type({ name: ProfileName }));
export type ProfileInput = t.TypeOf<typeof ProfileInput>;

/** `POST /imports/dry-run?profile=` and `POST /imports?profile=`: the saved profile to read the workbook with. */
export const ImportInput = t.exact(
  t.intersection([
    t.type({ profile: ProfileName }),
    t.partial({
      sheet: textPattern('ImportSheetName', /^[^\\/?*[\]:]{1,31}$/, { min: 1, max: 31 }, '项目台账'),
    }),
  ]),
);
export type ImportInput = t.TypeOf<typeof ImportInput>;

// The import routes in the OpenAPI document (issue #18 item 7)
const importers = {
  zh: '招商专员（本单位）和领导小组办公室（任何单位）可用。',
  en: 'For an investment officer (their own unit) and the leading-group office (any unit).',
};
const report = {
  mediaType: 'application/json',
  description: {
    zh: '逐行报告：每行的项目、将要（或已经）追加的命令和事件、不能读取的单元格',
    en: 'a report row by row: each row’s project, the commands and events that would be (or were) appended, every unreadable cell',
  },
};

/** The Excel import's routes, for the OpenAPI document and the role matrix. */
export const importRoutes: ReadonlyArray<ExchangeRoute> = [
  {
    kind: 'exchange',
    name: 'ListImportProfiles',
    method: 'GET',
    path: '/imports/profiles',
    tag: 'imports',
    summary: '导入映射方案列表 / The saved import profiles',
    description: {
      zh: `已保存的映射方案名称。${importers.zh}`,
      en: `The names of the saved mapping profiles. ${importers.en}`,
    },
    roles: IMPORT_ROLES,
    input: NoInput,
    status: 200,
    answer: { mediaType: 'application/json', description: { zh: '方案名称', en: 'the profiles’ names' } },
    sample: '/imports/profiles',
  },
  {
    kind: 'exchange',
    name: 'GetImportProfile',
    method: 'GET',
    path: '/imports/profiles/:name',
    tag: 'imports',
    summary: '导入映射方案 / An import profile',
    description: {
      zh: `一个映射方案：读哪个工作表、表头在哪一行、每个表头对应项目的哪个字段，以及保存人和时间。${importers.zh}`,
      en: `One mapping profile: which sheet, which row holds the headers, each header’s field of the project, who saved it and when. ${importers.en}`,
    },
    roles: IMPORT_ROLES,
    input: ProfileInput,
    status: 200,
    answer: { mediaType: 'application/json', description: { zh: '映射方案', en: 'the profile' } },
    sample: '/imports/profiles/standard',
  },
  {
    kind: 'exchange',
    name: 'SaveImportProfile',
    method: 'PUT',
    path: '/imports/profiles/:name',
    tag: 'imports',
    summary: '保存导入映射方案 / Save an import profile',
    description: {
      zh: `保存（或替换）一个映射方案：表头到项目字段的对应、金额单位、单位名称到单位编号的对应、默认值。${importers.zh}`,
      en: `Saves (or replaces) a mapping profile: the headers to the project’s fields, the unit of amounts, the register’s unit names to unit ids, default values. ${importers.en}`,
    },
    roles: IMPORT_ROLES,
    input: ProfileInput,
    body: { codec: ImportProfile },
    status: 200,
    answer: { mediaType: 'application/json', description: { zh: '保存后的方案', en: 'the saved profile' } },
    sample: '/imports/profiles/standard',
    sampleBody: {},
  },
  {
    kind: 'exchange',
    name: 'DryRunImport',
    method: 'POST',
    path: '/imports/dry-run',
    tag: 'imports',
    summary: '试导入 / Dry run of an import',
    description: {
      zh: `用保存的方案读取上传的 .xlsx 台账，逐行给出将要追加的命令和事件以及不能读取的单元格，不记录任何事实。${importers.zh}`,
      en: `Reads the uploaded .xlsx register with a saved profile and answers, row by row, the commands and events that would be appended and every unreadable cell; records nothing. ${importers.en}`,
    },
    roles: IMPORT_ROLES,
    input: ImportInput,
    body: { mediaType: XLSX_MEDIA_TYPE },
    status: 200,
    answer: report,
    sample: '/imports/dry-run?profile=standard',
  },
  {
    kind: 'exchange',
    name: 'CommitImport',
    method: 'POST',
    path: '/imports',
    tag: 'imports',
    summary: '导入 / Import a register',
    description: {
      zh: `导入台账：逐行追加事实并记录来源（文件摘要、工作表、行号）；同一文件再次导入不会重复记录。每条命令照常检查单位和业务规则。${importers.zh}`,
      en: `Imports the register: appends each row’s facts with their provenance (the file’s digest, sheet and row); the same file again appends nothing. Each command is checked for its unit and rules as any other. ${importers.en}`,
    },
    roles: IMPORT_ROLES,
    input: ImportInput,
    body: { mediaType: XLSX_MEDIA_TYPE },
    status: 200,
    answer: report,
    sample: '/imports?profile=standard',
  },
];
