/** What both projects share: the same tests, compiled the same way. */
const gedeeld = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/seed'],
  testMatch: ['**/*.test.ts'],
  // meilisearch and @faker-js/faker ship ESM only; swc turns them into CommonJS for jest.
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  transformIgnorePatterns: ['/node_modules/(?!(meilisearch|@faker-js/faker)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/samenvatting.reporter.js'],
  projects: [
    { ...gedeeld, displayName: 'sqlite' },
    {
      ...gedeeld,
      // The same service tests once more, every store on PostgreSQL (each test gets a database of its own). Left
      // out: tests that store nothing (pure units, the engines, config), the store suite (it runs both adapters
      // itself) and the full-disk test, which is about SQLite's file.
      displayName: 'postgres',
      setupFiles: ['<rootDir>/test/support/postgres-project.js'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/src/', '<rootDir>/seed/', '<rootDir>/test/zoeken/', '<rootDir>/test/config/',
        '<rootDir>/test/opslag/', '<rootDir>/test/instanties/', '<rootDir>/test/beveiliging/gedeelde-rate-limieten.test.ts', '<rootDir>/test/belasting/schijf-vol.test.ts'],
    },
  ],
};
