import {
  codecGlossary,
  fieldGlossary,
  vocabulary,
  type FieldEntry,
  type Label,
  type Labels,
} from '@zhaoshang/domain';

/** io-ts codecs as data: the few fields of the classes these descriptions read. */
export interface DescribedCodec {
  readonly _tag?: string;
  readonly name: string;
  readonly type?: DescribedCodec;
  readonly types?: ReadonlyArray<DescribedCodec>;
  readonly value?: unknown;
  readonly keys?: Record<string, unknown>;
}

/**
 * The API's own fields (feed filters, webhook subscriptions, import profiles): not words of the
 * domain, so not in its glossary; never a name the domain's glossary has (a test checks).
 */
export const apiFieldGlossary: Readonly<Record<string, FieldEntry>> = {
  'RegisterSubscription.url': {
    zh: '接收地址',
    en: 'Receiver URL',
    example: 'https://crm.example.gov.cn/hooks/zhaoshang',
  },
  'RegisterSubscription.type': {
    zh: '事件类型（逗号分隔）',
    en: 'Event types (comma-separated)',
    example: 'LeadCaptured,AgreementSigned',
  },
  'RegisterSubscription.category': {
    zh: '事件流类别（逗号分隔）',
    en: 'Stream categories (comma-separated)',
    example: 'project',
  },
  'RegisterSubscription.unitId': { zh: '只推送该单位的事件', en: 'Only this unit’s events' },
  after: { zh: '从该检查点之后开始', en: 'Start after this checkpoint' },
  'RegisterSubscription.from': { zh: '无检查点时从何处开始', en: 'Where to start without a checkpoint' },
  'ReplaySubscription.from': { zh: '从头重新推送', en: 'Replay from the start' },
  'ReplaySubscription.id': { zh: '订阅编号', en: 'Subscription' },
  // The sign-in and account routes' fields (accounts/accounts.openapi.ts describes their schemas by hand)
  'Account.username': { zh: '用户名', en: 'Username', example: 'li-xiaoyan' },
  'Account.password': { zh: '密码', en: 'Password', example: 'Jingkai-Zhaoshang-2024' },
  'Account.displayName': { zh: '显示名称', en: 'Display name', example: '李晓燕（经开区投资促进局）' },
  'Account.role': { zh: '角色', en: 'Role', example: 'investment-officer' },
  'Account.unitId': { zh: '所属单位', en: 'Unit', example: 'jingkaiqu' },
  'Account.userId': { zh: '用户编号', en: 'User id', example: 'li-xiaoyan' },
  'Account.disabled': { zh: '是否已停用', en: 'Disabled', example: false },
  'Account.oidcSubject': {
    zh: '统一身份认证的主体标识',
    en: 'OpenID Connect subject',
    example: 'https://id.example.gov.cn|248289761001',
  },
  'Account.createdAt': { zh: '开设时间', en: 'Created at', example: '2024-10-15T08:30:00.000Z' },
  'Account.changedAt': { zh: '最近修改时间', en: 'Changed at', example: '2024-10-20T09:00:00.000Z' },
  'Account.data': { zh: '账号列表', en: 'The accounts' },
  'ImportProfile.columns': {
    zh: '表头到项目字段的对应（如 “项目名称”: name）',
    en: 'Each header to a field of the project (e.g. "项目名称": name)',
  },
  'ImportProfile.sheet': {
    zh: '工作表名称（默认第一个）',
    en: 'Sheet name (default: the first)',
    example: '项目台账',
  },
  'ImportProfile.headerRow': {
    zh: '表头所在行（默认第 1 行）',
    en: 'Row of the headers (default 1)',
    example: 2,
  },
  'ImportProfile.amountUnit': {
    zh: '未注明单位的金额的单位（默认万元）',
    en: 'Unit of amounts written without one (default 万元)',
  },
  'ImportProfile.units': {
    zh: '台账中的单位名称到单位编号的对应（如 经开区 → jingkaiqu）',
    en: 'The register’s unit names to unit ids (e.g. 经开区 → jingkaiqu)',
  },
  'ImportProfile.defaults': {
    zh: '台账未记载的线索字段的默认值',
    en: 'Values for the lead’s fields the register does not keep',
  },
};

/** The entry of a field, in a structure (`Investor.name`) or anywhere. */
export const fieldEntry = (container: string | undefined, field: string): FieldEntry | undefined => {
  const glossary: Readonly<Record<string, FieldEntry>> = fieldGlossary;
  const scoped = container !== undefined ? `${container}.${field}` : undefined;
  return (
    (scoped !== undefined ? (apiFieldGlossary[scoped] ?? glossary[scoped]) : undefined) ??
    apiFieldGlossary[field] ??
    glossary[field]
  );
};

/**
 * The vocabulary's section for a set of codes, found by its keys: an enumeration codec and its
 * labels are matched by what they list, so a new enumeration needs no entry here.
 */
const sectionsByKeys: ReadonlyMap<string, Labels<string>> = new Map(
  Object.values(vocabulary).map((section: Labels<string>) => [
    Object.keys(section).sort().join('\u0000'),
    section,
  ]),
);

/** Codes no section of the vocabulary lists: the few small enumerations of commands and the API. */
const OTHER_CODES: Readonly<Record<string, Label>> = {
  passed: { zh: '通过', en: 'Passed' },
  failed: { zh: '未通过', en: 'Failed' },
  now: { zh: '从现在起', en: 'From now on' },
  start: { zh: '从头开始', en: 'From the start' },
  // an import profile's unit of amounts and the fields a register's column can mean (imports/import-profile.ts)
  元: { zh: '元', en: 'yuan' },
  万元: { zh: '万元', en: '10,000 yuan' },
  亿元: { zh: '亿元', en: '100 million yuan' },
  projectCode: { zh: '项目代码', en: 'Project code' },
  name: { zh: '项目名称', en: 'Project name' },
  investor: { zh: '投资方', en: 'Investor' },
  creditCode: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  investorOrigin: { zh: '投资方来源地', en: 'Investor’s origin' },
  investment: { zh: '投资额', en: 'Investment' },
  industryChain: { zh: '产业链', en: 'Industry chain' },
  content: { zh: '建设内容', en: 'What will be built' },
  unit: { zh: '所属单位', en: 'Unit' },
  capturedOn: { zh: '录入日期', en: 'Captured on' },
  signedOn: { zh: '签约日期', en: 'Signed on' },
  startedOn: { zh: '开工日期', en: 'Construction started on' },
  completedOn: { zh: '竣工日期', en: 'Construction completed on' },
  productionOn: { zh: '投产日期', en: 'Production started on' },
  statisticsCode: { zh: '统计编码', en: 'Statistics code' },
  statisticsOn: { zh: '入统日期', en: 'Entered the statistics on' },
};

/** The labels of an enumeration's codes (the vocabulary's section that lists exactly them). */
export const enumLabels = (codes: ReadonlyArray<string>): Readonly<Record<string, Label>> | undefined => {
  const section = sectionsByKeys.get([...codes].sort().join('\u0000'));
  if (section !== undefined) return section;
  return codes.every((code) => OTHER_CODES[code] !== undefined)
    ? Object.fromEntries(codes.map((code) => [code, OTHER_CODES[code]!]))
    : undefined;
};

/** The codes of a keyof codec or a union of string literals, when it is one. */
export const codesOf = (c: DescribedCodec): ReadonlyArray<string> | undefined => {
  if (c._tag === 'KeyofType') return Object.keys(c.keys ?? {});
  if (
    c._tag === 'UnionType' &&
    (c.types ?? []).every((m) => m._tag === 'LiteralType' && typeof m.value === 'string')
  )
    return (c.types ?? []).map((m) => String(m.value));
  return undefined;
};

const ID_NAME = /^[A-Z][A-Za-z]*Id$/;
const glossary: Readonly<Record<string, Label>> = codecGlossary;

/** The API's text codecs (query strings, path parameters): what each holds, in both languages. */
const TEXT_CODECS: Readonly<Record<string, Label>> = {
  YearText: { zh: '年份（4 位数字）', en: 'a year (4 digits)' },
  DateText: glossary.BusinessDate!,
  PeriodText: { zh: '期间（2024、2024-Q1 或 2024-03）', en: "a period: '2024', '2024-Q1' or '2024-03'" },
  IdText: glossary.Id!,
  CountText: { zh: '个数（至多 6 位数字）', en: 'a count (at most 6 digits)' },
  PositionText: glossary.GlobalPosition!,
  HalfYearText: glossary.HalfYear!,
  FeedLimitText: { zh: '每页事件数（1–1000）', en: 'events per page (1–1000)' },
  DeliveriesLimit: { zh: '条数（1–1000）', en: 'entries (1–1000)' },
  SubscriptionId: { zh: '订阅编号（wh- 加 32 位十六进制）', en: 'a subscription id (wh- and 32 hex digits)' },
  ImportSheetName: {
    zh: '工作表名称（1–31 字，不含 \\ / ? * [ ] :）',
    en: 'a sheet name (1–31 characters, no \\ / ? * [ ] :)',
  },
  ImportProfileName: { zh: '方案名称', en: 'a profile name' },
  NamePart: { zh: '名称中的文字', en: 'part of a name' },
  CreditCodeText: glossary.CreditCode!,
  StreamText: { zh: '事件流名称', en: 'an event stream name' },
  EventTypeList: {
    zh: '事件类型，逗号分隔（LeadCaptured 或 cn.zhaoshang.project.LeadCaptured）',
    en: 'event types, comma-separated (LeadCaptured or cn.zhaoshang.project.LeadCaptured)',
  },
  CategoryList: {
    zh: '事件流类别，逗号分隔（project、target-plan…）',
    en: 'stream categories, comma-separated (project, target-plan…)',
  },
  WebhookUrl: { zh: 'http(s) 网址，不含用户名和密码', en: 'an http(s) URL without credentials' },
  Header: {
    zh: '表头文字（不能为空，至多 200 字）',
    en: 'a header’s text (not blank, at most 200 characters)',
  },
  HeaderRow: { zh: '行号（1–100）', en: 'a row number (1–100)' },
};

/** `a（甲）、b（乙）` / `a (A), b (B)`: codes with their labels, for a one-line answer. */
const listCodes = (codes: ReadonlyArray<string>): Label => {
  const labels = enumLabels(codes);
  return {
    zh: `以下代码之一：${codes.map((c) => (labels ? `${c}（${labels[c]!.zh}）` : c)).join('、')}`,
    en: `one of: ${codes.map((c) => (labels ? `${c} (${labels[c]!.en})` : c)).join(', ')}`,
  };
};

/**
 * What a value of a codec is, as a person reads it: from the domain's codec glossary, the API's
 * text codecs, the vocabulary's labels for an enumeration, or the shape (object, list, yes/no).
 */
export const codecLabel = (c: DescribedCodec): Label => {
  const named = glossary[c.name] ?? TEXT_CODECS[c.name];
  if (named !== undefined) return named;
  const codes = codesOf(c);
  if (codes !== undefined) return listCodes(codes);
  switch (c._tag) {
    case 'RefinementType':
      return ID_NAME.test(c.name) ? glossary.Id! : codecLabel(c.type!);
    case 'ReadonlyType':
    case 'ExactType':
      return codecLabel(c.type!);
    case 'LiteralType':
      return { zh: `固定为 ${JSON.stringify(c.value)}`, en: `exactly ${JSON.stringify(c.value)}` };
    case 'InterfaceType':
    case 'StrictType':
    case 'PartialType':
    case 'IntersectionType':
    case 'DictionaryType':
      return glossary.Object!;
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return glossary.Array!;
    case 'BooleanType':
      return glossary.Boolean!;
    case 'NumberType':
      return glossary.Number!;
    case 'StringType':
      return glossary.String!;
    default:
      return { zh: '见接口文档', en: 'see the API document' };
  }
};

/** The `expected` of a 400's failing path: what the value must be, in Chinese then English. */
export const expectedOf = (c: DescribedCodec): string => {
  const { zh, en } = codecLabel(c);
  return `${zh} ${en}`;
};
