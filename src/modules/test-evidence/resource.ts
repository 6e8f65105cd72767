import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineResource } from '../../core/resource/define.ts';
import { filterOn } from '../../core/resource/filters.ts';
import { planPermissions } from '../plan/permissions.ts';
import { testRunSchema } from './contracts.ts';
import { allureReport, runFormats, runStatuses } from './tables.ts';

const runs = allureReport;

/** Failures a run's search document carries, at most: enough to find a run by what broke in it. */
const indexedFailures = 200;

/** The full names and messages of the run's failing tests, read whenever the run is indexed. */
const failureText = sql`(select string_agg(f.full_name || ' ' || coalesce(f.status_message, ''), ' ')
  from (select s.full_name, left(s.status_message, 1000) as status_message from allure_scenarios s
    where s.run_id = ${runs.id} and s.status in ('failed', 'broken')
    order by s.full_name limit ${sql.raw(String(indexedFailures))}) f)`;

/**
 * A test run, served by the resource layer: list, get and delete. An upload creates it and its
 * import saga writes it, so it has no generic create or update.
 */
export const testRunResource = defineResource({
  name: 'test_run',
  path: 'test-runs',
  label: 'test run',
  tag: 'Test evidence',
  scope: 'project',
  table: runs,
  operations: ['list', 'get', 'delete'],
  schemas: { create: z.strictObject({}), update: z.strictObject({}), output: testRunSchema },
  filters: {
    status: filterOn.enum(runs.status, runStatuses),
    branch: filterOn.nullable(filterOn.text(runs.branch, ['eq', 'ne', 'in'])),
    commitSha: filterOn.nullable(filterOn.text(runs.commitSha, ['eq', 'in'])),
    environment: filterOn.nullable(filterOn.text(runs.environment, ['eq', 'ne', 'in'])),
    format: filterOn.enum(runs.format, runFormats),
    createdAt: filterOn.timestamp(runs.createdAt),
  },
  sortable: { createdAt: runs.createdAt },
  defaultSort: '-createdAt',
  searchable: [runs.name, runs.branch, runs.commitSha, runs.environment],
  // Global search also finds a run by its failing tests' names and messages.
  search: { body: [runs.branch, runs.commitSha, runs.environment, failureText] },
  // The run's own events (imported, failed, deleted) are its audit trail; progress is not.
  auditedFields: [
    'name',
    'format',
    'commitSha',
    'branch',
    'pipelineUrl',
    'environment',
    'status',
    'uploadBytes',
    'totals',
    'importErrors',
    'skippedFiles',
  ],
  hooks: {
    // Attachments no other run has go with the run (its scenarios, steps and links go by cascade).
    async beforeDelete(current, { tx }) {
      await tx.execute(sql`delete from test_attachments a
        where a.workspace_id = ${current.workspaceId}
          and a.sha256 in (select l.sha256 from test_run_attachments l where l.run_id = ${current.id})
          and not exists (select 1 from test_run_attachments o
            where o.workspace_id = a.workspace_id and o.sha256 = a.sha256 and o.run_id <> ${current.id})`);
    },
    toOutput: (row) => ({ progress: { filesRead: row.filesRead, filesTotal: row.filesTotal } }),
  },
  permissions: {
    read: planPermissions.read,
    create: planPermissions.contribute,
    update: planPermissions.contribute,
    delete: planPermissions.write,
  },
});
