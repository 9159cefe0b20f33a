/**
 * Type-checking is done once by `tsc --noEmit`; jest only strips types (swc). A worker per
 * core: with jest's default, one fewer, a 2-core machine runs the whole suite in a single
 * process on one core.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }] },
  globalSetup: '<rootDir>/__tests__/support/global-setup.ts',
  globalTeardown: '<rootDir>/__tests__/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: '100%',
};
