// The portal's own jest run (jsdom): component tests with Testing Library, the locale
// completeness test and the codegen freshness test. Run: npm test -w @civicgrid/portal
module.exports = {
  displayName: 'portal',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.spec.{ts,tsx}', '<rootDir>/test/**/*.spec.{ts,tsx}'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: false }],
  },
  moduleNameMapper: {
    '^@civicgrid/contracts$': '<rootDir>/../../libs/shared/contracts/src/index.ts',
    '\\.css$': '<rootDir>/test/style-stub.cjs',
  },
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  // Typing into antd forms takes tens of seconds when both cores are busy.
  testTimeout: 120000,
};
