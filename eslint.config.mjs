// Lint without type information: fast enough to run inside `npm test` on a 2-core machine.
import js from '@eslint/js';
import { createRequire } from 'node:module';
import tseslint from 'typescript-eslint';

// The selectors of the opaque-positions rule, shared with its test (position-model.unit.spec.ts).
const opaquePositions = createRequire(import.meta.url)('./scripts/lint/opaque-positions.json');

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/*.d.ts', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': 'off',
    },
  },
  {
    // The bins and their launcher: plain CommonJS run before anything is compiled (packages/cli/launch.js).
    files: ['packages/*/bin/*.js', 'packages/cli/launch.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', exports: 'writable', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The dashboard's browser scripts: tsc (assets/tsconfig.json, DOM lib) checks the names they use.
    files: ['packages/api/src/dashboard/assets/**/*.js'],
    rules: { 'no-undef': 'off' },
  },
  {
    // Positions are opaque (ARCHITECTURE.md "Positions are opaque", issue #12): nothing adds to a
    // global position, subtracts from it, or pads/compares it as text. Reads take an exclusive
    // "after" checkpoint instead. Only the embedded store's position sequence computes positions.
    // Arithmetic is refused wherever positions travel (eventstore, audit, projections, api); the
    // text rules (padStart, localeCompare) only where no date or label is padded (eventstore, audit).
    files: ['packages/*/src/**/*.ts'],
    ignores: [
      '**/*.spec.ts',
      'packages/eventstore/src/position-sequence.ts',
      // Merkle tree sizes and leaf indices are counts (RFC 9162 proofs shift and compare them),
      // never store positions; positions still only travel opaquely through these folders.
      'packages/audit/src/transparency/**',
      'packages/domain/**',
      'packages/reports/**',
    ],
    rules: {
      'no-restricted-syntax': ['error', ...opaquePositions.arithmetic],
    },
  },
  {
    files: ['packages/eventstore/src/**/*.ts', 'packages/audit/src/**/*.ts'],
    ignores: [
      '**/*.spec.ts',
      'packages/eventstore/src/position-sequence.ts',
      'packages/audit/src/transparency/**',
    ],
    rules: {
      'no-restricted-syntax': ['error', ...opaquePositions.arithmetic, ...opaquePositions.text],
    },
  },
  {
    // Small public surfaces (issue #14 item 5): a package's main entry lists by name what a user
    // needs; test helpers, demo seeding and development secrets live behind a subpath ("./testing").
    files: ['packages/*/src/index.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportAllDeclaration[exported=null]',
          message: 'list by name what a user of the package needs (no export *)',
        },
        {
          selector: 'ExportSpecifier[exported.name=/^(DEV_|dev[A-Z]|demo|seed|fake|arbitrary|test[A-Z])/]',
          message:
            'test helpers, demo seeding and development secrets belong in a subpath export (./testing)',
        },
      ],
    },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['packages/domain/src/**/*.spec.ts'],
    rules: {
      // The domain is pure: time and randomness come in as arguments (see docs/domain.md).
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'process', 'fetch'],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'the domain never reads the clock' },
        { object: 'Math', property: 'random', message: 'the domain never draws random numbers' },
      ],
    },
  },
);
