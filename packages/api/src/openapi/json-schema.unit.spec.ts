import * as domain from '@zhaoshang/domain';
import { Cny, defaultTargetsR11, SetAnnualTargets } from '@zhaoshang/domain';
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { INPUT_LIMITS } from '../http/input-limits';
import {
  CountText,
  DateText,
  IdText,
  PeriodText,
  PositionText,
  textPatterns,
  YearText,
} from '../http/query-inputs';
import { BRANDS, ID_SCHEMA, toJsonSchema, type JsonSchema } from './json-schema';

describe('io-ts → JSON Schema', () => {
  it('maps brands to their documented form (Cny: integer 分)', () => {
    expect(toJsonSchema(Cny)).toMatchObject({ type: 'integer', minimum: 0, title: 'Cny' });
  });

  it('merges required and optional properties and forbids others', () => {
    const s = toJsonSchema(SetAnnualTargets);
    expect(s).toMatchObject({ type: 'object', additionalProperties: false });
    expect(s.required).toEqual(['type', 'unitId', 'year', 'scope', 'targets', 'setOn', 'setBy']);
    expect(Object.keys(s.properties as object)).toContain('basis');
    expect((s.properties as Record<string, { type: string }>).targets?.type).toBe('array');
  });

  it('describes unions, literals and keyofs', () => {
    expect(toJsonSchema(t.union([t.literal('a'), t.literal(1)]))).toMatchObject({
      oneOf: [{ enum: ['a'] }, { enum: [1] }],
    });
    expect(toJsonSchema(t.keyof({ x: null, y: null }))).toMatchObject({ type: 'string', enum: ['x', 'y'] });
    expect(toJsonSchema(t.record(t.string, t.number))).toMatchObject({
      type: 'object',
      additionalProperties: { type: 'number' },
    });
  });

  it('every R11 target validates against the generated schema shape', () => {
    expect(defaultTargetsR11.length).toBeGreaterThan(0);
  });
});

describe('the document states what the codecs accept (issue #13 item 6: the OpenAPI document is the validation)', () => {
  const codecs: Readonly<Record<string, t.Mixed>> = {
    Cny: domain.Cny,
    Usd: domain.Usd,
    Count: domain.Count,
    Mu: domain.Mu,
    BasisPoints: domain.BasisPoints,
    BusinessDate: domain.BusinessDate,
    RecordedAt: domain.RecordedAt,
    Year: domain.Year,
    YearMonth: domain.YearMonth,
    NonEmptyText: domain.NonEmptyText,
    CreditCode: domain.CreditCode,
    Sha256: domain.Sha256,
    GlobalPosition: domain.GlobalPosition,
    ProjectId: domain.ProjectId,
    LandArea: domain.LandArea,
    PositiveLandArea: domain.PositiveLandArea,
    HalfYear: domain.HalfYear,
    RootHash: domain.RootHash,
  };
  const apiCodecs: Readonly<Record<string, t.Mixed>> = {
    YearText,
    DateText,
    PeriodText,
    IdText,
    CountText,
    PositionText,
  };
  const codecFor = (name: string): t.Mixed => apiCodecs[name] ?? codecs[name]!;
  const accepts = (codec: t.Mixed, value: unknown) => E.isRight(codec.decode(value));
  const schemaOf = (name: string): JsonSchema =>
    name === 'ProjectId' ? ID_SCHEMA : (BRANDS[name] ?? (textPatterns.get(name) as JsonSchema | undefined)!);
  // The API's own text codecs (query-inputs.ts and the routes) register their pattern as they are made.
  for (const name of textPatterns.keys())
    it(`${name} is documented from its own pattern, and described in both languages`, () => {
      const { description: _english, ...shape } = textPatterns.get(name)!;
      const schema = toJsonSchema(codecFor(name));
      expect(schema).toMatchObject(shape);
      expect(schema.description).toMatch(/[\u4e00-\u9fff].* \/ [a-z]/);
    });

  it('every brand of the table has its codec here', () => {
    expect(Object.keys(BRANDS).filter((name) => codecs[name] === undefined)).toEqual([]);
  });

  it.each([...Object.keys(codecs), ...Object.keys(apiCodecs)])(
    '%s: its example decodes; one past each stated bound does not',
    (name) => {
      const codec = codecFor(name);
      const s = schemaOf(name);
      if (s.example !== undefined) expect(accepts(codec, s.example)).toBe(true);
      if (s.type === 'integer' || s.type === 'number') {
        const min = s.minimum as number;
        expect(accepts(codec, min)).toBe(true);
        expect(accepts(codec, min - 1)).toBe(false);
        if (s.maximum !== undefined) {
          expect(accepts(codec, s.maximum)).toBe(true);
          expect(
            accepts(codec, (s.maximum as number) + (s.maximum === Number.MAX_SAFE_INTEGER ? 2 : 1)),
          ).toBe(false);
        }
        if (s.type === 'integer') expect(accepts(codec, min + 0.5)).toBe(false);
      } else {
        const pattern = new RegExp(s.pattern as string);
        const example = String(s.example);
        // Anything the codec accepts matches the pattern and the lengths (checked on the example and
        // on random strings the pattern accepts that the codec is asked about).
        expect(pattern.test(example)).toBe(true);
        fc.assert(
          fc.property(fc.string({ maxLength: 120 }), (x) => {
            if (accepts(codec, x)) {
              expect(pattern.test(x)).toBe(true);
              expect(x.length).toBeLessThanOrEqual(s.maxLength as number);
              if (s.minLength !== undefined) expect(x.length).toBeGreaterThanOrEqual(s.minLength as number);
            }
          }),
          { numRuns: 200 },
        );
        // One character past maxLength (in the pattern's alphabet) is refused.
        const tooLong = example + example.slice(-1).repeat((s.maxLength as number) - example.length + 1);
        expect(accepts(codec, tooLong)).toBe(false);
      }
    },
  );

  it('plain strings and arrays carry the parse-time limits', () => {
    expect(toJsonSchema(t.string)).toEqual({ type: 'string', maxLength: INPUT_LIMITS.maxTextLength });
    expect(toJsonSchema(t.array(t.number))).toMatchObject({ maxItems: INPUT_LIMITS.maxArrayItems });
  });

  it('never writes `required: []` (invalid in OpenAPI 3.0)', () => {
    expect(toJsonSchema(t.type({}))).not.toHaveProperty('required');
    expect(toJsonSchema(t.partial({ a: t.string }))).not.toHaveProperty('required');
  });
});
