import { expect } from 'vitest';
import type { Caller, JsonBody, TestApp } from '../../test-support/app.ts';

// What the migration-safety tests share: URLs, migrations to lint, and projects and strategies to record them in.

export const plan = (projectId: string, table: string) =>
  `/api/v1/projects/${projectId}/plan/database-migrations/${table}`;
export const migrations = (projectId: string, rest: string) =>
  `/api/v1/projects/${projectId}/migrations/${rest}`;

export const unsafeIndex = {
  path: 'drizzle/0007_orders.sql',
  sql: "SET lock_timeout = '2s'; SET statement_timeout = '5min'; -- orders by customer\nCREATE INDEX IF NOT EXISTS orders_customer_idx ON orders (customer_id);\nDROP INDEX IF EXISTS orders_old_idx;\n",
};
export const addColumnWithDefault = {
  path: 'drizzle/0008_flags.sql',
  sql: "SET lock_timeout = '2s'; SET statement_timeout = '5min';\nALTER TABLE orders ADD COLUMN IF NOT EXISTS flagged bigint DEFAULT 0;\n",
};
export const broken = { path: 'drizzle/0009_broken.sql', sql: 'SELECT 1;\nCREATE TABLE (\n  id int\n);\n' };

export function findingsOf(report: JsonBody): JsonBody[] {
  return report.files.flatMap((file: JsonBody) => file.findings);
}

let keys = 0;

/** Projects and strategies in the test app `app()`, made by its owner unless another caller is named. */
export function migrationSafetyKit(app: () => TestApp) {
  return {
    async newProject(caller: Caller = app().owner): Promise<string> {
      keys += 1;
      const project = await caller.post('/api/v1/projects', {
        name: `Migrations ${keys}`,
        key: `MIG${keys}`,
      });
      expect(project.status, JSON.stringify(project.body)).toBe(201);
      return project.body.id;
    },
    /** A strategy that meets every other check of the area, so the lint check decides the gold level. */
    async newStrategy(
      projectId: string,
      name = 'split amount',
      caller: Caller = app().owner,
    ): Promise<string> {
      const strategy = await caller.post(plan(projectId, 'migration-strategies'), {
        name,
        pattern: 'expand-contract',
        rollbackPlan: 'keep both columns until the contract step',
        lockTimeoutMs: 2000,
      });
      expect(strategy.status, JSON.stringify(strategy.body)).toBe(201);
      return strategy.body.id;
    },
  };
}
