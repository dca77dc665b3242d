/** One jest run for every package: TypeScript through swc (type checking is `tsc -b`, run before). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

/** Tests import packages by name; point them at the sources so a test never runs stale build output. */
const moduleNameMapper = {
  '^@zhaoshang/cli$': '<rootDir>/../cli/src/index.ts',
  '^@zhaoshang/domain$': '<rootDir>/../domain/src/index.ts',
  '^@zhaoshang/domain/testing$': '<rootDir>/../domain/src/testing/index.ts',
  '^@zhaoshang/eventstore$': '<rootDir>/../eventstore/src/index.ts',
  '^@zhaoshang/eventstore/testing$': '<rootDir>/../eventstore/src/testing/index.ts',
  '^@zhaoshang/projections$': '<rootDir>/../projections/src/index.ts',
  '^@zhaoshang/projections/testing$': '<rootDir>/../projections/src/testing/index.ts',
  '^@zhaoshang/audit$': '<rootDir>/../audit/src/index.ts',
  '^@zhaoshang/reports$': '<rootDir>/../reports/src/index.ts',
};

const project = (name) => ({
  displayName: name,
  rootDir: `packages/${name}`,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  testEnvironment: 'node',
});

/**
 * The same tests again with the embedded store handing out sparse positions beyond 2^53
 * (`EVENTSTORE_TEST_POSITIONS=sparse`, read by `testPositions()` in @zhaoshang/eventstore/testing):
 * a caller that adds to a position or takes positions for small consecutive integers fails here
 * (issue #12 item 5). The eventstore contract suite runs sparse in its own spec already; here the
 * copy tests and the command handler, all of audit, and the projections' integration tests (the
 * runner, the golden read models, the CLI, the MongoDB double).
 */
const sparse = (name, testMatch) => ({
  ...project(name),
  displayName: `${name} · sparse positions`,
  setupFiles: ['<rootDir>/../../scripts/jest/sparse-positions.ts'],
  ...(testMatch === undefined ? {} : { testMatch }),
});

module.exports = {
  // Jest's 5 s default fails hooks and tests that start a server or seed the demo when the 2-core CI
  // machine is busy; 30 s is the floor, and slow set-ups still state their own, larger limits.
  testTimeout: 30_000,
  projects: [
    ...['cli', 'domain', 'eventstore', 'projections', 'audit', 'reports', 'api'].map(project),
    sparse('eventstore', [
      '<rootDir>/test/copy-store.int.spec.ts',
      '<rootDir>/src/command-handler.int.spec.ts',
    ]),
    sparse('audit'),
    sparse('projections', ['<rootDir>/test/**/*.int.spec.ts']),
    // The workbench (issue #18 item 1): its pure modules (money, forms); the browser test is the API's.
    project('workbench'),
  ],
};
