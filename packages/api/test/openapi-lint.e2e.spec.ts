import { openApiDocument } from '../src/openapi/openapi-document';
import {
  lintWithRedocly,
  lintWithSpectral,
  redoclyRulesSwitchedOff,
  spectralRulesSwitchedOff,
  type LintFinding,
} from '../src/openapi/openapi-lint';

/** Findings grouped by rule: one line per rule with a count and the first place, readable in a failure. */
const summary = (findings: ReadonlyArray<LintFinding>): string[] => {
  const byRule = new Map<string, { count: number; first: LintFinding }>();
  for (const f of findings) {
    const key = `${f.linter} ${f.rule}`;
    const seen = byRule.get(key);
    if (seen === undefined) byRule.set(key, { count: 1, first: f });
    else seen.count += 1;
  }
  return [...byRule].map(([key, { count, first }]) => `${count}× ${key} at ${first.path}: ${first.message}`);
};

describe('the generated OpenAPI document passes the linters (issue #13 item 6)', () => {
  const document = openApiDocument();

  it('Spectral (spectral:oas + OWASP API ruleset): zero errors', async () => {
    const errors = (await lintWithSpectral(document)).filter((f) => f.severity === 'error');
    expect(summary(errors)).toEqual([]);
  }, 60_000);

  it('Redocly (recommended): zero errors', async () => {
    const errors = (await lintWithRedocly(document)).filter((f) => f.severity === 'error');
    expect(summary(errors)).toEqual([]);
  }, 60_000);

  it('every rule switched off says why', () => {
    for (const reason of [
      ...Object.values(spectralRulesSwitchedOff),
      ...Object.values(redoclyRulesSwitchedOff),
    ])
      expect(reason.length).toBeGreaterThan(20);
  });
});

type Operation = {
  operationId: string;
  tags: string[];
  parameters?: Array<{ name: string; in: string; schema: Record<string, unknown> }>;
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};

describe('the generated OpenAPI document documents every answer (issue #13 item 6)', () => {
  const document = openApiDocument();
  const operations: Operation[] = Object.values(document.paths).flatMap((item) =>
    Object.values(item as Record<string, Operation>),
  );

  it('every route documents its success schema and its 4xx/5xx answers with the error body schema', () => {
    expect(operations.length).toBeGreaterThan(50);
    for (const op of operations) {
      const statuses = Object.keys(op.responses);
      const success = statuses.filter((s) => s.startsWith('2'));
      expect([op.operationId, success.length]).toEqual([op.operationId, 1]);
      expect(Object.values(op.responses[success[0]!]!.content ?? {})[0]?.schema).toBeDefined();
      const expected =
        op.requestBody !== undefined
          ? ['400', '401', '403', '404', '409', '413', '415', '422', '429', '500', '503']
          : ['400', '401', '429', '500', '503'];
      expect([op.operationId, statuses]).toEqual([op.operationId, expect.arrayContaining(expected)]);
      for (const s of statuses.filter((x) => !x.startsWith('2')))
        expect(op.responses[s]!.content?.['application/json']?.schema).toEqual({
          $ref: '#/components/schemas/Error',
        });
    }
  });

  it('path and query parameters carry the codecs’ patterns, lengths or enums', () => {
    const bounded = (s: Record<string, unknown>, header: boolean): boolean =>
      Array.isArray(s.oneOf)
        ? (s.oneOf as Array<Record<string, unknown>>).every((m) => bounded(m, header))
        : (s.type === 'string' &&
            (s.enum !== undefined || (s.maxLength !== undefined && (header || s.pattern !== undefined)))) ||
          (s.type === 'integer' && s.minimum !== undefined && s.maximum !== undefined);
    for (const op of operations)
      for (const p of op.parameters ?? [])
        expect([op.operationId, p.name, bounded(p.schema, p.in === 'header')]).toEqual([
          op.operationId,
          p.name,
          true,
        ]);
  });

  it('tags are described in Chinese and English', () => {
    const used = new Set(operations.flatMap((op) => op.tags));
    for (const tag of document.tags ?? []) {
      expect(tag.description).toMatch(/[\u4e00-\u9fff].* \/ [A-Z][a-z]/);
      used.delete(tag.name);
    }
    expect([...used]).toEqual([]);
  });

  it('no `required: []` anywhere', () => {
    expect(JSON.stringify(document)).not.toContain('"required":[]');
  });
});
