import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import tseslint from 'typescript-eslint';
import { Linter } from 'eslint';
import opaquePositions from '../../../scripts/lint/opaque-positions.json';

/**
 * Issue #12 "Done when": no position arithmetic or text comparison of positions remains in the
 * event store and the audit. The lint rule (eslint.config.mjs, selectors in
 * scripts/lint/opaque-positions.json, run by `npm test`'s lint step) is what enforces it; this
 * test shows the rule catches the shapes the old code had, and that the sources pass it.
 */
const root = join(__dirname, '..', '..', '..');
const linter = new Linter({ configType: 'flat' });
const config: Linter.Config[] = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    rules: { 'no-restricted-syntax': ['error', ...opaquePositions.arithmetic, ...opaquePositions.text] },
  },
];
const problems = (code: string, rules = config): string[] =>
  linter.verify(code, rules, 'example.ts').map((m) => `${m.line}: ${m.message}`);
const arithmeticOnly: Linter.Config[] = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    rules: { 'no-restricted-syntax': ['error', ...opaquePositions.arithmetic] },
  },
];

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });

describe('positions are opaque (issue #12 item 1)', () => {
  it.each([
    ['the old copy paging', 'from = last.globalPosition + 1n;'],
    ['the old verifier', 'const next = this.lastPosition + 1n;'],
    ['the old runner', 'let from = lowest + 1n;'],
    ['a backwards bound', 'const before = position - 1n;'],
    ['a checkpoint bumped in place', 'checkpoint.position += 1n;'],
    ['zero-padded text of 24 digits', "const text = position.toString(10).padStart(24, '0');"],
    ['a text comparison helper', 'const order = a.localeCompare(b);'],
  ])('the lint rule refuses %s', (_, code) => {
    expect(problems(code)).not.toEqual([]);
  });

  it('the lint rule lets revisions, counts and numeric comparison of positions through', () => {
    expect(
      problems(
        [
          'const next = head.revision + 1;',
          'checked += 1;',
          'if (e.globalPosition > upTo) stop();',
          'const page = await store.readAll({ after: last.globalPosition, maxCount: 100 });',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('every source file of eventstore and audit passes it (only the position sequence computes positions)', () => {
    const files = [
      ...sources(join(root, 'packages', 'eventstore', 'src')),
      ...sources(join(root, 'packages', 'audit', 'src')),
    ]
      .filter((f) => !f.endsWith('position-sequence.ts'))
      // Merkle tree sizes and leaf indices are counts that RFC 9162 proofs shift and subtract,
      // never store positions: the auditor's verifier (the same exception as eslint.config.mjs).
      .filter((f) => !/[\\/]audit[\\/]src[\\/]transparency[\\/]/.test(f));
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((f) =>
      problems(readFileSync(f, 'utf8')).map((p) => `${relative(root, f)}:${p}`),
    );
    expect(found).toEqual([]);
  });

  it('projections and api sources do no arithmetic on positions either (lag is counted in events, not units)', () => {
    const files = [
      ...sources(join(root, 'packages', 'projections', 'src')),
      ...sources(join(root, 'packages', 'api', 'src')),
    ];
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((f) =>
      problems(readFileSync(f, 'utf8'), arithmeticOnly).map((p) => `${relative(root, f)}:${p}`),
    );
    expect(found).toEqual([]);
  });
});
