import type * as t from 'io-ts';
import { INPUT_LIMITS } from '../http/input-limits';
import { textPatterns } from '../http/query-inputs';

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
    description: 'CNY in 分 (integer minor units; 1 万元 = 1000000, 1 亿元 = 10000000000)',
  },
  Usd: {
    type: 'integer',
    ...SAFE_INTEGER,
    example: 500000000,
    description: 'USD in cents (integer minor units)',
  },
  Count: { type: 'integer', ...SAFE_INTEGER, example: 120 },
  Mu: { type: 'number', minimum: 0, example: 120.5, description: '亩 (mu), up to 4 decimals' },
  BasisPoints: {
    type: 'integer',
    format: 'int32',
    minimum: 0,
    maximum: 10000,
    example: 7500,
    description: 'basis points, 7500 = 75 %',
  },
  BusinessDate: {
    type: 'string',
    format: 'date',
    minLength: 10,
    maxLength: 10,
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    example: '2025-03-03',
    description: 'business date in China (Asia/Shanghai), YYYY-MM-DD, years 1900–2199',
  },
  RecordedAt: {
    type: 'string',
    format: 'date-time',
    maxLength: 35,
    pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$',
    example: '2025-03-03T08:30:00.000Z',
  },
  Year: { type: 'integer', format: 'int32', minimum: 2000, maximum: 2199, example: 2025 },
  YearMonth: {
    type: 'string',
    minLength: 7,
    maxLength: 7,
    pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
    example: '2025-03',
  },
  NonEmptyText: {
    type: 'string',
    minLength: 1,
    maxLength: 4000,
    pattern: '\\S',
    example: '建设碳纤维复合材料生产线',
    description: 'free text, not blank, at most 4000 characters',
  },
  CreditCode: {
    type: 'string',
    minLength: 18,
    maxLength: 18,
    pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$',
    example: '91350100M000100Y43',
    description: '统一社会信用代码 (GB 32100, with check character)',
  },
  Sha256: {
    type: 'string',
    minLength: 64,
    maxLength: 64,
    pattern: '^[0-9a-f]{64}$',
    example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  GlobalPosition: { type: 'string', maxLength: 20, pattern: '^(0|[1-9][0-9]{0,19})$', example: '1024' },
};

/** Every id of the domain (ProjectId, UnitId…): an opaque, URL-safe string (packages/domain/src/shared/ids.ts). */
export const ID_SCHEMA: JsonSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$',
};

const ID_BRANDS = /Id$/;
const ID_EXAMPLES: Readonly<Record<string, string>> = {
  ProjectId: 'XM-2025-001',
  UnitId: 'jingkaiqu',
  LeaderId: 'li-xiaoyan',
  AgreementId: 'XY-2025-001',
};

/** Without `required: []` (invalid in OpenAPI 3.0): the list only when something is required. */
const requiredOf = (names: ReadonlyArray<string>): { required?: string[] } =>
  names.length > 0 ? { required: [...names] } : {};

/**
 * io-ts codec → JSON Schema, walking the codec's `_tag`: the OpenAPI document is generated from the
 * very codecs that validate requests, so the two cannot disagree.
 */
export const toJsonSchema = (codec: t.Mixed): JsonSchema => walk(codec);

const walk = (c: AnyCodec): JsonSchema => {
  switch (c._tag) {
    case 'StringType':
      // Any string of a request is at most this long (checked at parse time, http/input-limits.ts).
      return { type: 'string', maxLength: INPUT_LIMITS.maxTextLength };
    case 'NumberType':
      return { type: 'number' };
    case 'BooleanType':
      return { type: 'boolean' };
    case 'NullType':
      return { type: 'null' };
    case 'UnknownType':
    case 'AnyType':
      return {};
    case 'LiteralType':
      return { type: typeof c.value, enum: [c.value], example: c.value };
    case 'KeyofType': {
      const values = Object.keys(c.keys ?? {});
      return { type: 'string', enum: values, example: values[0], description: c.name };
    }
    case 'RefinementType': {
      const known =
        BRANDS[c.name] ??
        textPatterns.get(c.name) ??
        (ID_BRANDS.test(c.name)
          ? { ...ID_SCHEMA, example: ID_EXAMPLES[c.name] ?? 'X-1', description: c.name }
          : undefined);
      return known !== undefined ? { ...known, title: c.name } : { ...walk(c.type!), description: c.name };
    }
    case 'ReadonlyType':
    case 'ExactType':
      return walk(c.type!);
    case 'ArrayType':
    case 'ReadonlyArrayType':
      // Any array of a request holds at most this many items (checked at parse time).
      return { type: 'array', maxItems: INPUT_LIMITS.maxArrayItems, items: walk(c.type!) };
    case 'InterfaceType':
    case 'StrictType':
      return {
        type: 'object',
        properties: Object.fromEntries(Object.entries(c.props ?? {}).map(([k, v]) => [k, walk(v)])),
        ...requiredOf(Object.keys(c.props ?? {})),
        additionalProperties: false,
      };
    case 'PartialType':
      return {
        type: 'object',
        properties: Object.fromEntries(Object.entries(c.props ?? {}).map(([k, v]) => [k, walk(v)])),
        additionalProperties: false,
      };
    case 'IntersectionType': {
      // Objects merge into one (additionalProperties would otherwise forbid each other's fields).
      const parts = (c.types ?? []).map(walk);
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
      return members.length === 1 ? walk(members[0]!) : { oneOf: members.map(walk), title: c.name };
    }
    case 'DictionaryType':
      return {
        type: 'object',
        maxProperties: INPUT_LIMITS.maxArrayItems,
        additionalProperties: walk(c.codomain!),
      };
    default:
      return { description: `${c.name} (${c._tag ?? 'custom codec'})` };
  }
};
