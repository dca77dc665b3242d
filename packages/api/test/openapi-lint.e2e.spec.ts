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
    for (const reason of [...Object.values(spectralRulesSwitchedOff), ...Object.values(redoclyRulesSwitchedOff)])
      expect(reason.length).toBeGreaterThan(20);
  });
});
