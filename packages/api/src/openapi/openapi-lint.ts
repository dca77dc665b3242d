import { createConfig, lintFromString } from '@redocly/openapi-core';
import {
  Document,
  Spectral,
  type ISpectralDiagnostic,
  type RulesetDefinition,
} from '@stoplight/spectral-core';
import { Json } from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import owasp from '@stoplight/spectral-owasp-ruleset';

/**
 * The ruleset the generated OpenAPI document is linted with inside `npm test`
 * (test/openapi-lint.e2e.spec.ts): Spectral's `spectral:oas` (all rules) plus the OWASP API
 * Security ruleset, and Redocly's `recommended`. Everything runs in-process and offline: the
 * rulesets are the installed packages, nothing is fetched.
 *
 * Every rule switched off is listed here with the reason; nothing else is.
 */
export const spectralRulesSwitchedOff: Readonly<Record<string, string>> = {
  'owasp:api8:2023-define-cors-origin':
    'The API sends no CORS headers on purpose: no browser page of another origin may call it (the dashboard is served by the API itself, same origin). ' +
    'Declaring Access-Control-Allow-Origin on every answer would document a header that is never sent.',
};

/** Redocly rules switched off, with the reason. */
export const redoclyRulesSwitchedOff: Readonly<Record<string, string>> = {};

export const spectralRuleset: RulesetDefinition = {
  extends: [
    [oas as RulesetDefinition, 'all'],
    [owasp as unknown as RulesetDefinition, 'all'],
  ],
  rules: Object.fromEntries(Object.keys(spectralRulesSwitchedOff).map((rule) => [rule, 'off'])),
};

/** One finding of either linter, in one shape. */
export interface LintFinding {
  readonly linter: 'spectral' | 'redocly';
  readonly rule: string;
  readonly severity: 'error' | 'warning' | 'info' | 'hint';
  readonly message: string;
  readonly path: string;
}

const SPECTRAL_SEVERITY = ['error', 'warning', 'info', 'hint'] as const;

export const lintWithSpectral = (document: object): Promise<LintFinding[]> =>
  spectralFindings(document, spectralRuleset, 'openapi.json');

/** The findings of Spectral with a ruleset on a document (OpenAPI here, AsyncAPI in asyncapi-lint.ts). */
export const spectralFindings = async (
  document: object,
  ruleset: RulesetDefinition,
  fileName: string,
): Promise<LintFinding[]> => {
  const spectral = new Spectral();
  spectral.setRuleset(ruleset);
  const results: ISpectralDiagnostic[] = await spectral.run(
    new Document(JSON.stringify(document, null, 2), Json, fileName),
  );
  return results.map((r) => ({
    linter: 'spectral',
    rule: String(r.code),
    severity: SPECTRAL_SEVERITY[r.severity] ?? 'error',
    message: r.message,
    path: r.path.join('.'),
  }));
};

export const lintWithRedocly = async (document: object): Promise<LintFinding[]> => {
  const config = await createConfig({
    extends: ['recommended'],
    rules: Object.fromEntries(Object.keys(redoclyRulesSwitchedOff).map((rule) => [rule, 'off'])),
  });
  const problems = await lintFromString({
    source: JSON.stringify(document, null, 2),
    absoluteRef: 'openapi.json',
    config,
  });
  return problems.map((p) => ({
    linter: 'redocly',
    rule: p.ruleId,
    severity: p.severity === 'error' ? 'error' : 'warning',
    message: p.message,
    path: p.location[0]?.pointer ?? '',
  }));
};
