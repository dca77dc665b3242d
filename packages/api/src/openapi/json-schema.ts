import type * as t from 'io-ts';

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

/** How branded domain types appear in the document: the brand's name and what it means. */
const BRANDS: Readonly<Record<string, JsonSchema>> = {
  Cny: {
    type: 'integer',
    minimum: 0,
    description: 'CNY in 分 (integer minor units; 1 万元 = 1000000, 1 亿元 = 10000000000)',
  },
  Usd: { type: 'integer', minimum: 0, description: 'USD in cents (integer minor units)' },
  Count: { type: 'integer', minimum: 0 },
  Mu: { type: 'number', minimum: 0, description: '亩 (mu), up to 4 decimals' },
  BasisPoints: { type: 'integer', minimum: 0, maximum: 10000, description: 'basis points, 7500 = 75 %' },
  BusinessDate: {
    type: 'string',
    format: 'date',
    description: 'business date in China (Asia/Shanghai), YYYY-MM-DD',
  },
  RecordedAt: { type: 'string', format: 'date-time' },
  Year: { type: 'integer', minimum: 1900, maximum: 2199 },
  YearMonth: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' },
  NonEmptyText: { type: 'string', minLength: 1 },
  CreditCode: {
    type: 'string',
    pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$',
    description: '统一社会信用代码 (GB 32100, with check character)',
  },
  Sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  GlobalPosition: { type: 'string', pattern: '^\\d+$' },
  YearText: { type: 'string', pattern: '^\\d{4}$' },
  PeriodText: {
    type: 'string',
    pattern: '^\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$',
    description: "'2024', '2024-Q1' or '2024-03'",
  },
  IdText: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$' },
  PositionText: {
    type: 'string',
    pattern: '^\\d{1,20}$',
    description: 'a global position (read-your-writes)',
  },
};

const ID_BRANDS = /Id$/;

/**
 * io-ts codec → JSON Schema, walking the codec's `_tag`: the OpenAPI document is generated from the
 * very codecs that validate requests, so the two cannot disagree.
 */
export const toJsonSchema = (codec: t.Mixed): JsonSchema => walk(codec as unknown as AnyCodec);

const walk = (c: AnyCodec): JsonSchema => {
  switch (c._tag) {
    case 'StringType':
      return { type: 'string' };
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
      return { type: typeof c.value, enum: [c.value] };
    case 'KeyofType':
      return { type: 'string', enum: Object.keys(c.keys ?? {}) };
    case 'RefinementType': {
      const known =
        BRANDS[c.name] ??
        (ID_BRANDS.test(c.name) ? { type: 'string', minLength: 1, description: c.name } : undefined);
      return known !== undefined ? { ...known, title: c.name } : { ...walk(c.type!), description: c.name };
    }
    case 'ReadonlyType':
    case 'ExactType':
      return walk(c.type!);
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return { type: 'array', items: walk(c.type!) };
    case 'InterfaceType':
    case 'StrictType':
      return {
        type: 'object',
        properties: Object.fromEntries(Object.entries(c.props ?? {}).map(([k, v]) => [k, walk(v)])),
        required: Object.keys(c.props ?? {}),
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
          required: parts.flatMap((p) => (p.required as string[] | undefined) ?? []),
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
      return { type: 'object', additionalProperties: walk(c.codomain!) };
    default:
      return { description: `${c.name} (${c._tag ?? 'custom codec'})` };
  }
};
