import * as E from 'fp-ts/Either';
import type * as t from 'io-ts';
import { commandCodecs } from '../src/command-handling/aggregates';
import { allCommandRoutes } from '../src/http/route-table';
import { openApiPath, pathParams } from '../src/http/routes';
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

  it('tags are named and described in Chinese and English, two sentences each (issue #18 item 7)', () => {
    const used = new Set(operations.flatMap((op) => op.tags));
    for (const tag of document.tags ?? []) {
      expect(tag.name).toMatch(/^[\u4e00-\u9fff][^ ]* [A-Z][a-z]/);
      const [zh, en, ...rest] = (tag.description ?? '').split('\n\n');
      expect([tag.name, rest]).toEqual([tag.name, []]);
      expect([tag.name, zh?.match(/。/g)?.length]).toEqual([tag.name, 2]);
      expect([tag.name, en?.match(/\. |\.$/g)?.length]).toEqual([tag.name, 2]);
      used.delete(tag.name);
    }
    expect([...used]).toEqual([]);
    // Redocly's navigation groups every tag once.
    expect(document['x-tagGroups'].flatMap((g) => g.tags).sort()).toEqual(
      (document.tags ?? []).map((t) => t.name).sort(),
    );
  });

  it('no `required: []` anywhere', () => {
    expect(JSON.stringify(document)).not.toContain('"required":[]');
  });
});

/** Every property of every schema in the document, with where it is. */
const propertiesOf = (
  node: unknown,
  where: string,
): Array<{ where: string; schema: Record<string, unknown> }> => {
  if (node === null || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap((x, i) => propertiesOf(x, `${where}[${i}]`));
  const record = node as Record<string, unknown>;
  const own =
    typeof record.properties === 'object' && record.properties !== null
      ? Object.entries(record.properties as Record<string, Record<string, unknown>>).map(
          ([name, schema]) => ({
            where: `${where}.${name}`,
            schema,
          }),
        )
      : [];
  return [...own, ...Object.entries(record).flatMap(([k, v]) => propertiesOf(v, `${where}/${k}`))];
};

const BILINGUAL = (text: unknown): boolean =>
  typeof text === 'string' && /[\u4e00-\u9fff]/.test(text) && /[A-Za-z]{3}/.test(text);
const isLeaf = (s: Record<string, unknown>) =>
  s.type !== 'object' &&
  s.type !== 'array' &&
  s.oneOf === undefined &&
  s.allOf === undefined &&
  s.$ref === undefined;
/** Examples that say nothing: what a generator writes when it knows no better. */
const PLACEHOLDER = /^(string|text|example|value|x-1|x|foo|bar|test|0123.*|.*…)$/i;

describe('the OpenAPI document for people (issue #18 item 7)', () => {
  const document = openApiDocument();
  const properties = propertiesOf(document, '#');
  const operations: Array<{ operationId: string; summary?: string; description?: string }> = Object.values(
    document.paths,
  ).flatMap((item) => Object.values(item as Record<string, { operationId: string }>));

  it('documents every property in Chinese and English: 0 undocumented', () => {
    expect(properties.length).toBeGreaterThan(1000);
    expect(properties.filter((p) => !BILINGUAL(p.schema.description)).map((p) => p.where)).toEqual([]);
  });

  it('gives every value a realistic example: 0 missing, 0 placeholders', () => {
    const leaves = properties.filter((p) => isLeaf(p.schema) && Object.keys(p.schema).length > 1);
    expect(leaves.filter((p) => p.schema.example === undefined).map((p) => p.where)).toEqual([]);
    const examples = JSON.stringify(document).match(/"example":"[^"]*"/g) ?? [];
    expect(examples.filter((e) => PLACEHOLDER.test(e.slice(11, -1)))).toEqual([]);
  });

  it('an amount in 分 reads its example in 万元', () => {
    const amounts = properties.filter((p) => p.schema.title === 'Cny');
    expect(amounts.length).toBeGreaterThan(20);
    for (const { where, schema } of amounts)
      expect([where, schema.description]).toEqual([
        where,
        expect.stringContaining(`${String(schema.example)} 分 = `),
      ]);
    const investment = properties.find((p) => p.where.endsWith('CaptureLead.intendedInvestment'))!;
    expect(investment.schema.description).toContain('30000000000 分 = 30000 万元（3 亿元）');
  });

  it('enumerations list their codes with the vocabulary’s Chinese labels', () => {
    const enums = properties.filter(
      (p) => Array.isArray(p.schema.enum) && (p.schema.enum as unknown[]).length > 1,
    );
    expect(enums.length).toBeGreaterThan(30);
    for (const { where, schema } of enums) {
      const labels = schema['x-enumDescriptions'] as Record<string, string> | undefined;
      expect([where, Object.keys(labels ?? {})]).toEqual([where, schema.enum]);
      for (const code of schema.enum as string[]) expect(schema.description).toContain(`\`${code}\` `);
    }
    const channel = properties.find((p) => p.where.endsWith('CaptureLead.channel'))!;
    expect(channel.schema.description).toContain(
      '- `industrial-chain` 产业链招商 / Industrial-chain promotion',
    );
  });

  it('every operation has a summary and a description in Chinese and English, saying who may call it', () => {
    expect(operations.length).toBeGreaterThan(100);
    for (const op of operations) {
      expect([op.operationId, BILINGUAL(op.summary)]).toEqual([op.operationId, true]);
      expect([op.operationId, BILINGUAL(op.description)]).toEqual([op.operationId, true]);
      expect([op.operationId, op.description]).toEqual([
        op.operationId,
        expect.stringContaining('**调用者 / Who may call:**'),
      ]);
    }
  });
});

/** The value Swagger UI shows as a schema's "Example Value": each property's example, nested. */
const exampleOf = (schema: Record<string, unknown>): unknown => {
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.oneOf)) return exampleOf(schema.oneOf[0] as Record<string, unknown>);
  if (schema.type === 'array') return [exampleOf(schema.items as Record<string, unknown>)];
  if (schema.type === 'object')
    return Object.fromEntries(
      Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>).map(([k, v]) => [
        k,
        exampleOf(v),
      ]),
    );
  return undefined;
};

describe('the examples a person copies from Swagger UI are accepted (issue #18 item 7)', () => {
  const document = openApiDocument();
  it.each(allCommandRoutes.map((r) => [r.command, r] as const))(
    '%s: the example body decodes',
    (_name, route) => {
      const operation = (document.paths[openApiPath(route.path)] as Record<string, Record<string, unknown>>)[
        route.method === 'PUT' ? 'put' : 'post'
      ]!;
      const body = exampleOf(
        (operation.requestBody as { content: Record<string, { schema: Record<string, unknown> }> }).content[
          'application/json'
        ]!.schema,
      ) as Record<string, unknown>;
      const params = Object.fromEntries(
        (operation.parameters as Array<{ name: string; in: string; schema: Record<string, unknown> }>)
          .filter((p) => p.in === 'path')
          .map((p) => [p.name, p.schema.example]),
      );
      expect(Object.keys(params).sort()).toEqual(pathParams(route.path).sort());
      const codec = (route.request ?? commandCodecs[route.command]) as t.Mixed;
      const decoded = codec.decode({ ...body, ...params, type: route.command, projectId: 'XM-2024-017' });
      expect(
        E.isRight(decoded) ? [] : decoded.left.map((e) => e.context.map((c) => c.key).join('.')),
      ).toEqual([]);
    },
  );
});
