/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/seed'],
  testMatch: ['**/*.test.ts'],
  // meilisearch and @faker-js/faker ship ESM only; swc turns them into CommonJS for jest.
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  transformIgnorePatterns: ['/node_modules/(?!(meilisearch|@faker-js/faker)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/samenvatting.reporter.js'],
};
