import { z } from 'zod';
import { definePermission } from '../../core/auth/permissions.ts';
import { defineResource } from '../../core/resource/define.ts';
import { filterOn, filterParameterSchemas } from '../../core/resource/filters.ts';
import { defaultPageSize, maxPageSize } from '../../core/resource/service.ts';
import { breakingChangeManagement } from '../plan/areas/breaking-change-management.ts';
import { planPermissions } from '../plan/permissions.ts';
import { consumerSchema, contractVersionSchema, settingsSchema } from './contracts.ts';
import { contractConsumers, contractSettings, contractVersions, reviewStatuses } from './tables.ts';

// The module's rows, declared as resources so that the resource layer writes, versions and audits
// them. None is installed with the generic five routes: they live under a contract addressed by id
// or name, served by the routes in routes/.

/** Accepting or rejecting the breaking changes of a version is a review, as approving a PRD is. */
export const reviewPermission = definePermission('contract_version.review', 'review');

const versions = contractVersions;

export const versionResource = defineResource({
  name: 'contract_version',
  path: 'contracts/versions',
  label: 'contract version',
  tag: 'Contract checks',
  scope: 'project',
  table: versions,
  schemas: { create: z.strictObject({}), update: z.strictObject({}), output: contractVersionSchema },
  filters: {
    label: filterOn.text(versions.label, ['eq', 'in']),
    commitSha: filterOn.text(versions.commitSha, ['eq', 'in']),
    reviewStatus: filterOn.enum(versions.reviewStatus, reviewStatuses),
    errors: filterOn.number(versions.errors),
    warnings: filterOn.number(versions.warnings),
    createdAt: filterOn.timestamp(versions.createdAt),
  },
  sortable: { createdAt: versions.createdAt, label: versions.label, errors: versions.errors },
  defaultSort: '-createdAt',
  searchable: [],
  search: false,
  // The document and the diff are the version's evidence, kept in its row; the audit trail records
  // what was uploaded (its hash), what the diff counted and how it was reviewed.
  auditedFields: [
    'contractId',
    'label',
    'commitSha',
    'kind',
    'contentHash',
    'previousVersionId',
    'errors',
    'warnings',
    'infos',
    'reviewStatus',
    'reviewNote',
  ],
  permissions: {
    read: planPermissions.read,
    create: planPermissions.contribute,
    update: reviewPermission,
    delete: planPermissions.write,
  },
});

export const consumerResource = defineResource({
  name: 'contract_consumer',
  path: 'contracts/consumers',
  label: 'contract consumer',
  tag: 'Contract checks',
  scope: 'project',
  table: contractConsumers,
  schemas: { create: z.strictObject({}), update: z.strictObject({}), output: consumerSchema },
  filters: {
    name: filterOn.text(contractConsumers.name),
    source: filterOn.enum(contractConsumers.source, ['manual', 'pact']),
    createdAt: filterOn.timestamp(contractConsumers.createdAt),
  },
  sortable: { createdAt: contractConsumers.createdAt, name: contractConsumers.name },
  defaultSort: '-createdAt',
  searchable: [],
  search: false,
  auditedFields: ['contractId', 'name', 'contact', 'uses', 'source', 'pactUploadedAt'],
  permissions: {
    read: planPermissions.read,
    create: planPermissions.write,
    update: planPermissions.write,
    delete: planPermissions.write,
  },
});

export const settingsResource = defineResource({
  name: 'contract_settings',
  path: 'contract-settings',
  label: 'contract settings',
  tag: 'Contract checks',
  scope: 'project',
  table: contractSettings,
  schemas: { create: z.strictObject({}), update: z.strictObject({}), output: settingsSchema },
  filters: {},
  sortable: { createdAt: contractSettings.createdAt },
  defaultSort: '-createdAt',
  searchable: [],
  search: false,
  auditedFields: ['minDeprecationDays', 'disabledRules', 'levelOverrides', 'failOn'],
  permissions: {
    read: planPermissions.read,
    create: planPermissions.write,
    update: planPermissions.write,
    delete: planPermissions.write,
  },
});

/** The plan's resource of one table of the breaking-change-management area, by its key there. */
function planResource(key: string) {
  const table = breakingChangeManagement.tables.find((candidate) => candidate.key === key);
  if (!table) throw new Error(`the breaking-change-management area has no table ${key}`);
  return table.resource;
}

export const contractResource = planResource('apiContracts');
export const breakingChangeResource = planResource('breakingChanges');
export const migrationGuideResource = planResource('migrationGuides');
export const affectedConsumerResource = planResource('affectedConsumers');
export const deprecationScheduleResource = planResource('deprecationSchedules');

/** Paging and sort as every list takes them, plus the list's own filters. */
function listQuery(resource: typeof versionResource | typeof consumerResource) {
  return z.strictObject({
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
        `Comma-separated fields, '-' for descending. Sortable: ${Object.keys(resource.sortable).join(', ')}. Default ${resource.defaultSort}`,
      ),
    ...filterParameterSchemas(resource.filters),
  });
}

export const versionListQuery = listQuery(versionResource);
export type VersionListQuery = z.output<typeof versionListQuery>;
export const consumerListQuery = listQuery(consumerResource);
export type ConsumerListQuery = z.output<typeof consumerListQuery>;
