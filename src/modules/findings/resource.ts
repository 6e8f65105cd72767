import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineResource } from '../../core/resource/define.ts';
import { filterOn } from '../../core/resource/filters.ts';
import { codeReviewAutomation, reviewFindings } from '../plan/areas/code-review-automation.ts';
import { planPermissions } from '../plan/permissions.ts';
import { findingSetSchema } from './contracts.ts';
import { findingSetFindings, findingSets } from './tables.ts';

/**
 * A finding set, served by the resource layer: list and get. The SARIF upload creates it (with its
 * counts), so it has no generic create or update.
 */
export const findingSetResource = defineResource({
  name: 'finding_set',
  path: 'finding-sets',
  label: 'finding set',
  tag: 'Findings',
  scope: 'project',
  table: findingSets,
  operations: ['list', 'get'],
  schemas: { create: z.strictObject({}), update: z.strictObject({}), output: findingSetSchema },
  filters: {
    tool: filterOn.text(findingSets.tool, ['eq', 'ne', 'in']),
    stream: filterOn.text(findingSets.stream, ['eq', 'ne', 'in']),
    commitSha: filterOn.nullable(filterOn.text(findingSets.commitSha, ['eq', 'in'])),
    branch: filterOn.nullable(filterOn.text(findingSets.branch, ['eq', 'ne', 'in'])),
    createdAt: filterOn.timestamp(findingSets.createdAt),
  },
  sortable: { createdAt: findingSets.createdAt },
  defaultSort: '-createdAt',
  searchable: [findingSets.tool, findingSets.stream, findingSets.commitSha, findingSets.branch],
  search: false,
  auditedFields: ['tool', 'toolVersion', 'stream', 'commitSha', 'branch', 'counts'],
  permissions: {
    read: planPermissions.read,
    create: planPermissions.contribute,
    update: planPermissions.contribute,
    delete: planPermissions.write,
  },
});

function planResource(key: 'reviewFindings' | 'autoFixHistory') {
  const table = codeReviewAutomation.tables.find((candidate) => candidate.key === key);
  if (!table) throw new Error(`the code review area has no ${key} table`);
  return table.resource;
}

/** The plan's review findings and auto-fix history, as the plan serves and audits them. */
export const reviewFindingResource = planResource('reviewFindings');
export const autoFixResource = planResource('autoFixHistory');

/**
 * The review findings with one more filter, `findingSet`: those the set reported. What
 * GET …/finding-sets/{id}/findings lists, with the plan's own filters, sorts and JSON.
 */
export const findingsOfSetResource = {
  ...reviewFindingResource,
  filters: {
    ...reviewFindingResource.filters,
    findingSet: {
      column: reviewFindings.id,
      type: 'uuid' as const,
      operators: ['eq' as const],
      custom: (_operator: unknown, setId: string) =>
        sql`${reviewFindings.id} in (select ${findingSetFindings.findingId} from ${findingSetFindings}
          where ${findingSetFindings.setId} = ${setId})`,
    },
  },
};
