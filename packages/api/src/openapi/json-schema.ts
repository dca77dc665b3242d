import { cny, type Cny, type Label } from '@zhaoshang/domain';
import type * as t from 'io-ts';
import { INPUT_LIMITS } from '../http/input-limits';
import { textPatterns } from '../http/query-inputs';
import { codecLabel, codesOf, enumLabels, fieldEntry } from './codec-descriptions';

/** A JSON Schema (OpenAPI 3.0 dialect) object. */
export type JsonSchema = { readonly [k: string]: unknown };

interface AnyCodec {
  readonly _tag?: string;
  readonly name: string;
  readonly props?: Record<string, AnyCodec>;
  readonly type?: AnyCodec;
  readonly types?: ReadonlyArray<AnyCodec>;
  readonly value?: unknown;
  readonly keys?: Record<string, unknown>;
  readonly domain?: AnyCodec;
  readonly codomain?: AnyCodec;
  is: (u: unknown) => boolean;
}

const SAFE_INTEGER = { minimum: 0, maximum: Number.MAX_SAFE_INTEGER, format: 'int64' } as const;

/**
 * How branded domain types appear in the document: what each codec accepts (pattern, length,
 * range, format), an example it accepts, and what it means. json-schema.unit.spec.ts checks every
 * entry against its codec (the example decodes; one past each bound does not), so the two cannot
 * drift apart.
 */
export const BRANDS: Readonly<Record<string, JsonSchema>> = {
  Cny: {
    type: 'integer',
    ...SAFE_INTEGER,
    example: 30000000000,
  },
  Usd: {
    type: 'integer',
    ...SAFE_INTEGER,
    example: 500000000,
  },
  Count: { type: 'integer', ...SAFE_INTEGER, example: 120 },
  Mu: { type: 'number', minimum: 0, example: 120.5 },
  BasisPoints: {
    type: 'integer',
    format: 'int32',
    minimum: 0,
    maximum: 10000,
    example: 7500,
  },
  BusinessDate: {
    type: 'string',
    format: 'date',
    minLength: 10,
    maxLength: 10,
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    example: '2024-10-15',
  },
  RecordedAt: {
    type: 'string',
    format: 'date-time',
    maxLength: 35,
    pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$',
    example: '2024-10-15T08:30:00.000Z',
  },
  Year: { type: 'integer', format: 'int32', minimum: 2000, maximum: 2199, example: 2024 },
  YearMonth: {
    type: 'string',
    minLength: 7,
    maxLength: 7,
    pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
    example: '2024-09',
  },
  NonEmptyText: {
    type: 'string',
    minLength: 1,
    maxLength: 4000,
    pattern: '\\S',
    example: '建设年产 2 万吨碳纤维复合材料生产线',
  },
  CreditCode: {
    type: 'string',
    minLength: 18,
    maxLength: 18,
    pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$',
    example: '91350100M000100Y43',
  },
  Sha256: {
    type: 'string',
    minLength: 64,
    maxLength: 64,
    pattern: '^[0-9a-f]{64}$',
    example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  GlobalPosition: { type: 'string', maxLength: 20, pattern: '^(0|[1-9][0-9]{0,19})$', example: '1024' },
  // Land areas are whole hundredths of a 亩 (land.area.ts): 1002.50 亩 = 100250.
  LandArea: { type: 'integer', ...SAFE_INTEGER, example: 100250 },
  PositiveLandArea: {
    type: 'integer',
    format: 'int64',
    minimum: 1,
    maximum: Number.MAX_SAFE_INTEGER,
    example: 100250,
  },
  HalfYear: {
    type: 'string',
    minLength: 7,
    maxLength: 7,
    pattern: '^(20\\d\\d|21\\d\\d)-H[12]$',
    example: '2024-H1',
  },
  RootHash: {
    type: 'string',
    minLength: 44,
    maxLength: 44,
    pattern: '^[A-Za-z0-9+/]{43}=$',
    example: 'P0hqeSsBiip654F0tK06024KTjE62YgiAtkEKwarod8=',
  },
};

/** Every id of the domain (ProjectId, UnitId…): an opaque, URL-safe string (packages/domain/src/shared/ids.ts). */
export const ID_SCHEMA: JsonSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$',
};

const ID_BRANDS = /Id$/;
/** A realistic id of each kind (the demo region's forms). */
const ID_EXAMPLES: Readonly<Record<string, string>> = {
  ProjectId: 'XM-2024-017',
  UnitId: 'jingkaiqu',
  LeaderId: 'li-xiaoyan',
  AgreementId: 'XY-2024-017',
  IncentiveId: 'JL-2024-017-1',
  ProcedureId: 'SX-2024-017-HP',
  TripId: 'WC-2024-006',
  BulletinId: 'TB-2024-09',
  RequestId: 'SQ-2024-031',
  MeetingId: 'HY-2024-07',
  MeetingItemId: 'HY-2024-07-3',
  PlotId: 'DK-2024-012',
  QuotaEntryId: 'ZB-2024-003',
  AdvisorId: 'GW-2024-002',
};

/** Without `required: []` (invalid in OpenAPI 3.0): the list only when something is required. */
const requiredOf = (names: ReadonlyArray<string>): { required?: string[] } =>
  names.length > 0 ? { required: [...names] } : {};

/** `中文 / English`: one description in both languages. */
export const bilingual = ({ zh, en }: Label): string => `${zh} / ${en}`;

/** An amount of 分 as a person reads it: `30000000000 分 = 30000 万元（3 亿元）`. */
const cnyReading = (fen: number): Label => {
  const trim = (decimal: string) => decimal.replace(/\.?0+$/, '');
  const wan = `${trim(cny.toWan(fen as Cny))} 万元`;
  const reading = fen >= 10_000_000_000 ? `${wan}（${trim(cny.toYi(fen as Cny))} 亿元）` : wan;
  return { zh: `；例：${fen} 分 = ${reading}`, en: `; e.g. ${fen} 分 = ${reading}` };
};

/** A codec's name when someone gave it one (`Investor`, `CaptureLead`), not io-ts's generated one. */
const givenName = (c: AnyCodec): string | undefined =>
  /^[A-Z][A-Za-z0-9]*$/.test(c.name) ? c.name : undefined;

/** What a leaf of this codec looks like when the field's entry gives no example. */
const isLeaf = (schema: JsonSchema): boolean =>
  schema.type !== 'object' &&
  schema.type !== 'array' &&
  schema.oneOf === undefined &&
  schema.allOf === undefined;

/**
 * A property of a structure, described from the field glossary (its label, an example where the
 * type's would not fit) and the codec glossary (what a value of its type is); an enumeration lists
 * its codes with the vocabulary's labels, an amount in 分 its reading in 万元.
 */
const property = (codec: AnyCodec, container: string | undefined, field: string): JsonSchema => {
  const schema = walk(codec);
  const entry = fieldEntry(container, field);
  if (entry === undefined) return schema;
  const type = codecLabel(codec);
  const leaf = isLeaf(schema);
  // The field's example where the codec accepts it (a basis is free text in one command, a code in another).
  const fits = (value: unknown): boolean =>
    schema.type === 'array' ? (codec.type?.is(value) ?? false) : codec.is(value);
  const ownExample = entry.example !== undefined && fits(entry.example) ? entry.example : undefined;
  const example = ownExample ?? schema.example;
  const codes = codesOf(unwrapped(codec));
  const labels = codes !== undefined ? enumLabels(codes) : undefined;
  const money =
    leaf && typeof example === 'number' && (schema.title === 'Cny' || schema.title === 'Usd')
      ? schema.title === 'Cny'
        ? cnyReading(example)
        : {
            zh: `；例：${example} 美分 = ${example / 1_000_000} 万美元`,
            en: `; e.g. ${example} cents = USD ${example / 100}`,
          }
      : { zh: '', en: '' };
  const line = leaf
    ? `${entry.zh}：${type.zh}${money.zh} / ${entry.en}: ${type.en}${money.en}`
    : bilingual(entry);
  const table =
    codes !== undefined && labels !== undefined
      ? `\n\n${codes.map((code) => `- \`${code}\` ${labels[code]!.zh} / ${labels[code]!.en}`).join('\n')}`
      : '';
  const items =
    schema.type === 'array' && ownExample !== undefined && typeof schema.items === 'object'
      ? { items: { ...(schema.items as JsonSchema), example: ownExample } }
      : {};
  return {
    ...schema,
    ...items,
    description: `${line}${table}`,
    ...(leaf && example !== undefined ? { example } : {}),
    ...(labels !== undefined && codes !== undefined
      ? { 'x-enumDescriptions': Object.fromEntries(codes.map((code) => [code, bilingual(labels[code]!)])) }
      : {}),
  };
};

/** Through readonly and exact wrappers (an enumeration's codes are on the codec they wrap). */
const unwrapped = (c: AnyCodec): AnyCodec =>
  (c._tag === 'ReadonlyType' || c._tag === 'ExactType') && c.type !== undefined ? unwrapped(c.type) : c;

const properties = (c: AnyCodec, container: string | undefined): Record<string, JsonSchema> =>
  Object.fromEntries(Object.entries(c.props ?? {}).map(([k, v]) => [k, property(v, container, k)]));

/**
 * io-ts codec → JSON Schema, walking the codec's `_tag`: the OpenAPI document is generated from the
 * very codecs that validate requests, so the two cannot disagree. Properties are described from
 * the domain's field glossary; `container` is the name of the structure they belong to.
 */
export const toJsonSchema = (codec: t.Mixed): JsonSchema => walk(codec);

const walk = (c: AnyCodec, container: string | undefined = givenName(c)): JsonSchema => {
  switch (c._tag) {
    case 'StringType':
      // Any string of a request is at most this long (checked at parse time, http/input-limits.ts).
      return { type: 'string', maxLength: INPUT_LIMITS.maxTextLength };
    case 'NumberType':
      return { type: 'number' };
    case 'BooleanType':
      return { type: 'boolean', example: true };
    case 'NullType':
      return { type: 'null' };
    case 'UnknownType':
    case 'AnyType':
      return {};
    case 'LiteralType':
      return { type: typeof c.value, enum: [c.value], example: c.value };
    case 'KeyofType': {
      const values = Object.keys(c.keys ?? {});
      return { type: 'string', enum: values, example: values[0], description: bilingual(codecLabel(c)) };
    }
    case 'RefinementType': {
      const known =
        BRANDS[c.name] ??
        textPatterns.get(c.name) ??
        (ID_BRANDS.test(c.name) ? { ...ID_SCHEMA, example: ID_EXAMPLES[c.name] ?? 'X-1' } : undefined);
      return known !== undefined
        ? { ...known, title: c.name, description: bilingual(codecLabel(c)) }
        : { ...walk(c.type!), description: bilingual(codecLabel(c)) };
    }
    case 'ReadonlyType':
    case 'ExactType':
      return walk(c.type!, givenName(c) ?? container);
    case 'ArrayType':
    case 'ReadonlyArrayType':
      // Any array of a request holds at most this many items (checked at parse time).
      return { type: 'array', maxItems: INPUT_LIMITS.maxArrayItems, items: walk(c.type!) };
    case 'InterfaceType':
    case 'StrictType':
      return {
        type: 'object',
        properties: properties(c, givenName(c) ?? container),
        ...requiredOf(Object.keys(c.props ?? {})),
        additionalProperties: false,
      };
    case 'PartialType':
      return {
        type: 'object',
        properties: properties(c, givenName(c) ?? container),
        additionalProperties: false,
      };
    case 'IntersectionType': {
      // Objects merge into one (additionalProperties would otherwise forbid each other's fields).
      const parts = (c.types ?? []).map((part) => walk(part, givenName(c) ?? container));
      if (parts.every((p) => p.type === 'object')) {
        return {
          type: 'object',
          properties: Object.assign({}, ...parts.map((p) => p.properties)),
          ...requiredOf(parts.flatMap((p) => (p.required as string[] | undefined) ?? [])),
          additionalProperties: false,
        };
      }
      return { allOf: parts };
    }
    case 'UnionType': {
      const members = (c.types ?? []).filter((m) => m._tag !== 'UndefinedType');
      if (members.length === 1) return walk(members[0]!, container);
      const codes = codesOf(c);
      return codes !== undefined
        ? { type: 'string', enum: [...codes], example: codes[0], description: bilingual(codecLabel(c)) }
        : { oneOf: members.map((m) => walk(m)), title: c.name };
    }
    case 'DictionaryType':
      return {
        type: 'object',
        maxProperties: INPUT_LIMITS.maxArrayItems,
        additionalProperties: walk(c.codomain!),
      };
    default: {
      // A custom codec documents itself in textPatterns (the feed's comma-separated lists).
      const known = textPatterns.get(c.name);
      return known !== undefined
        ? { ...known, title: c.name, description: bilingual(codecLabel(c)) }
        : { description: `${c.name} (${c._tag ?? 'custom codec'})` };
    }
  }
};
