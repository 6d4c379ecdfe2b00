// One jest run, two projects: fast unit tests, and API end-to-end tests that boot the
// real app over HTTP against a real PostgreSQL (embedded, or TEST_DATABASE_URL).
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' });
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: false }],
};

module.exports = {
  // Jest reads testTimeout from the top-level config only: inside a project entry it is
  // ignored and every test would run with the 5 s default. End-to-end tests boot the app
  // and race hundreds of requests; on a busy machine they need far longer than 5 s.
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/api/src/**/*.spec.ts', '<rootDir>/tools/**/*.spec.ts'],
      moduleNameMapper,
      transform,
    },
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/apps/api/test/**/*.e2e-spec.ts', '<rootDir>/tools/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/tools/testing/postgres-global-setup.mjs',
      globalTeardown: '<rootDir>/tools/testing/postgres-global-teardown.mjs',
      moduleNameMapper,
      transform,
      slowTestThreshold: 30,
    },
  ],
};
