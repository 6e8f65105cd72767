import { z } from 'zod';
import { defineResource } from '../../core/resource/define.ts';
import { filterOn, filterParameterSchemas } from '../../core/resource/filters.ts';
import { defaultPageSize, maxPageSize } from '../../core/resource/service.ts';
import { planPermissions } from '../plan/permissions.ts';
import { lintRunSchema, lintSettingsSchema } from './contracts.ts';
import { migrationLintRuns, migrationLintSettings } from './tables.ts';

// The module's rows, declared as resources so that they are written, versioned and audited by the
// resource layer. Neither is installed with the generic five routes: a run never changes, and a
// project has one settings row, served by the routes in routes.ts.

const runs = migrationLintRuns;

export const lintRunResource = defineResource({
  name: 'migration_lint_run',
  path: 'migrations/lint-runs',
  label: 'lint run',
  tag: 'Migration safety',
  scope: 'project',
  table: runs,
  schemas: { create: z.strictObject({}), update: z.strictObject({}), output: lintRunSchema },
  filters: {
    strategyId: filterOn.nullable(filterOn.uuid(runs.strategyId)),
    commitSha: filterOn.text(runs.commitSha, ['eq', 'in']),
    pgVersion: filterOn.number(runs.pgVersion),
    errors: filterOn.number(runs.errors),
    warnings: filterOn.number(runs.warnings),
    parseErrors: filterOn.number(runs.parseErrors),
    createdAt: filterOn.timestamp(runs.createdAt),
  },
  sortable: { createdAt: runs.createdAt, errors: runs.errors, warnings: runs.warnings },
  defaultSort: '-createdAt',
  searchable: [],
  search: false,
  // The report is the run's evidence, kept in its row; the audit trail records what was run and the counts.
  auditedFields: [
    'projectId',
    'strategyId',
    'commitSha',
    'pgVersion',
    'files',
    'statements',
    'errors',
    'warnings',
    'parseErrors',
  ],
  permissions: {
    read: planPermissions.read,
    create: planPermissions.contribute,
    update: planPermissions.write,
    delete: planPermissions.write,
  },
});

export const lintSettingsResource = defineResource({
  name: 'migration_lint_settings',
  path: 'migrations/lint-settings',
  label: 'lint settings',
  tag: 'Migration safety',
  scope: 'project',
  table: migrationLintSettings,
  schemas: { create: z.strictObject({}), update: z.strictObject({}), output: lintSettingsSchema },
  filters: {},
  sortable: { createdAt: migrationLintSettings.createdAt },
  defaultSort: '-createdAt',
  searchable: [],
  search: false,
  auditedFields: ['pgVersion', 'disabledRules', 'defaultStrategyId'],
  permissions: {
    read: planPermissions.read,
    create: planPermissions.write,
    update: planPermissions.write,
    delete: planPermissions.write,
  },
});

/** The query of GET …/lint-runs: paging, sort and the runs' filters, as every list takes them. */
export const lintRunListQuery = z.strictObject({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(maxPageSize)
    .default(defaultPageSize)
    .describe(`Page size (default ${defaultPageSize}, at most ${maxPageSize})`),
  cursor: z.string().max(2000).optional().describe('The nextCursor of the previous page'),
  sort: z
    .string()
    .max(200)
    .optional()
    .describe(
      `Comma-separated fields, '-' for descending. Sortable: ${Object.keys(lintRunResource.sortable).join(', ')}. Default ${lintRunResource.defaultSort}`,
    ),
  ...filterParameterSchemas(lintRunResource.filters),
});
export type LintRunListQuery = z.output<typeof lintRunListQuery>;
