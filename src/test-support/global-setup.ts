import type { TestProject } from 'vitest/node';
import { ensurePgliteTemplate, ensurePostgresTemplate } from './template-database.ts';

/** Migrates once per run (and per version of the migrations), before any test file starts. */
export default async function setup(project: TestProject): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const [pgliteTemplate, postgresTemplate] = await Promise.all([
    ensurePgliteTemplate(),
    adminUrl ? ensurePostgresTemplate(adminUrl) : null,
  ]);
  project.provide('pgliteTemplate', pgliteTemplate);
  project.provide('postgresTemplate', postgresTemplate);
}
