import fc from 'fast-check';
import { excerpt, EXCERPT_LENGTH } from '../errors/api-errors';
import { bodyProblems, INPUT_LIMITS, jsonDepthExceeds, queryProblems, textProblem } from './input-limits';

/** Nesting of arrays and objects of a parsed value, counted the slow, obvious way. */
const depthOf = (v: unknown): number =>
  Array.isArray(v)
    ? 1 + Math.max(0, ...v.map(depthOf))
    : typeof v === 'object' && v !== null
      ? 1 + Math.max(0, ...Object.values(v).map(depthOf))
      : 0;

describe('the input door (issue #13 item 3)', () => {
  it('jsonDepthExceeds counts nesting as a parser would, brackets inside strings and escapes ignored', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 0, max: 8 }), (value, max) => {
        const text = JSON.stringify(value);
        expect(jsonDepthExceeds(text, max)).toBe(depthOf(value) > max);
      }),
      { numRuns: 500 },
    );
    expect(jsonDepthExceeds('["[[[\\"[[["]', 1)).toBe(false);
  });

  it('text: newline and tab pass; NUL, C0/C1 controls, DEL, lone surrogates and overlong text do not', () => {
    expect(textProblem('第一行\n\t第二行')).toBeUndefined();
    expect(textProblem('😀')).toBeUndefined();
    for (const bad of [
      '\u0000',
      '\r',
      '\u001b[31m',
      '\u007f',
      '\u0085',
      '\ud83d',
      'x\ude00',
      'x'.repeat(INPUT_LIMITS.maxTextLength + 1),
    ])
      expect(textProblem(bad)).toBeDefined();
    // U+FFFD is ordinary text unless the bytes were not UTF-8.
    expect(textProblem('\ufffd')).toBeUndefined();
    expect(textProblem('\ufffd', true)).toBe('valid UTF-8');
  });

  it('bodyProblems names every prototype key at any depth, and is iterative (a deep value costs no stack)', () => {
    const parsed = JSON.parse('{"a":[{"__proto__":1}],"b":{"constructor":{"prototype":2}}}') as unknown;
    expect(bodyProblems(parsed).map((p) => p.path)).toEqual(['a.0.__proto__', 'b.constructor']);
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(bodyProblems(deep)).toHaveLength(1);
  });

  it('queryProblems: prototype keys also as brackets, bad percent-encoding, control characters', () => {
    expect(queryProblems('unitId=jingkaiqu&limit=5')).toEqual([]);
    expect(queryProblems('a[__proto__][x]=1')).toHaveLength(1);
    expect(queryProblems('x=%ZZ')[0]?.expected).toBe('percent-encoded UTF-8');
    expect(queryProblems('x=%C3%28')[0]?.expected).toBe('percent-encoded UTF-8');
    expect(queryProblems('x=a%07')[0]?.path).toBe('query:x');
  });

  it('an excerpt is never longer than the limit and an ellipsis', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), (v) => {
        const e = excerpt(v);
        if (typeof e === 'string') expect(e.length).toBeLessThanOrEqual(EXCERPT_LENGTH + 1);
        else expect((JSON.stringify(e) ?? '').length).toBeLessThanOrEqual(EXCERPT_LENGTH);
      }),
    );
    expect(excerpt('x'.repeat(5000))).toBe(`${'x'.repeat(EXCERPT_LENGTH)}…`);
    expect(excerpt({ big: 'y'.repeat(500) })).toMatch(/^\{"big":"y+…$/);
    expect(excerpt(true)).toBe(true);
  });
});
