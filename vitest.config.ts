import { defineConfig } from 'vitest/config';

// The same suite runs against the embedded database and, when TEST_DATABASE_URL is set, against
// PostgreSQL: one Vitest project per database, each with its own SHIPSHAPE_TEST_DATABASE.
// The browser suite (test/e2e) starts its own server on a fresh embedded database, so it runs once,
// in a project of its own; it skips itself when no chromium is installed.
const databases = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    projects: [
      ...databases.map((database) => ({
        extends: true as const,
        test: { name: database, env: { SHIPSHAPE_TEST_DATABASE: database } },
      })),
      {
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 120_000 },
      },
    ],
  },
});
