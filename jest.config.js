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

module.exports = {
  projects: ['domain', 'eventstore', 'projections', 'audit', 'reports', 'api'].map(project),
};
