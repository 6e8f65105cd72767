import os from 'node:os';
import { defineConfig } from 'vitest/config';

// The same suite runs against the embedded database and, when TEST_DATABASE_URL is set, against
// PostgreSQL: one Vitest project per database, each with its own SHIPSHAPE_TEST_DATABASE.
// The browser suite (test/e2e) starts its own server on a fresh embedded database, so it runs once,
// in a project of its own; it skips itself when no chromium is installed.
const databases = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Much of a test file's time is spent waiting on its database; two workers keep both CPUs busy
    // even on a 2-core machine, where Vitest would otherwise start one.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    hookTimeout: 60_000,
    // Migrates once per run into a template each test file's database is copied from.
    globalSetup: ['src/test-support/global-setup.ts'],
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    projects: [
      ...databases.map((database) => ({
        extends: true as const,
        // Test files share their worker's loaded modules instead of importing the app afresh (a second
        // each): modules keep no process-global state, and every file still builds its own app on its
        // own database.
        test: { name: database, env: { SHIPSHAPE_TEST_DATABASE: database }, isolate: false },
      })),
      {
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 120_000 },
      },
    ],
  },
});
