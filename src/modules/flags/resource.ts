import { and, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../core/errors/app-error.ts';
import { defineResource, type HookContext } from '../../core/resource/define.ts';
import { filterOn } from '../../core/resource/filters.ts';
import { resourceOutputFields } from '../../core/resource/schemas.ts';
import { createRow } from '../../core/resource/writes.ts';
import { featureFlags, featureFlagsArea } from '../plan/areas/feature-flags.ts';
import { planPermissions } from '../plan/permissions.ts';
import {
  environmentCreateSchema,
  environmentSchema,
  environmentUpdateSchema,
  segmentCreateSchema,
  segmentSchema,
  segmentUpdateSchema,
} from './contracts.ts';
import {
  type FlagEnvironmentRow,
  type FlagSegmentRow,
  flagConfigs,
  flagEnvironments,
  flagScheduledChanges,
  flagSdkKeys,
  flagSegments,
  scheduledChangeStatuses,
} from './tables.ts';

// The module's rows, declared as resources so that the resource layer writes, versions and audits
// them. Environments and segments get the generic five routes; configs, SDK keys, scheduled changes
// and code references are written by the services behind the routes in routes/.

const tag = 'Feature flags';
const permissions = {
  read: planPermissions.read,
  create: planPermissions.write,
  update: planPermissions.write,
  delete: planPermissions.write,
};
const noInput = { create: z.strictObject({}), update: z.strictObject({}) };

/** The plan's resource of one table of the feature-flags area, by its key there. */
function planResource(key: string) {
  const table = featureFlagsArea.tables.find((candidate) => candidate.key === key);
  if (!table) throw new Error(`the feature-flags area has no table ${key}`);
  return table.resource;
}

/** A flag is a row of plan.feature_flags; its key is the row's name. */
export const flagResource = planResource('featureFlags');
/**
 * The plan's resources are typed for any plan table; a row the flag resource wrote is a row of
 * plan.feature_flags, as the table's own type reads it.
 */
export function asFlagRow(row: { id: string }): typeof featureFlags.$inferSelect {
  return row as typeof featureFlags.$inferSelect;
}

/** A prerequisite is a row of plan.flag_dependencies. */
export const dependencyResource = planResource('flagDependencies');

const configOutput = z.object({
  ...resourceOutputFields,
  flagId: z.uuid(),
  environmentId: z.uuid(),
  enabled: z.boolean(),
  rules: z.array(z.unknown()),
  variants: z.array(z.unknown()),
  defaultValue: z.unknown(),
});

export const configResource = defineResource({
  name: 'flag_config',
  path: 'flag-configs',
  label: 'flag config',
  tag,
  scope: 'project',
  table: flagConfigs,
  schemas: { ...noInput, output: configOutput },
  filters: {},
  sortable: { createdAt: flagConfigs.createdAt },
  defaultSort: '-createdAt',
  searchable: [],
  search: false,
  auditedFields: ['flagId', 'environmentId', 'enabled', 'rules', 'variants', 'defaultValue'],
  permissions,
});

/** A new environment serves every existing flag, off, until someone turns each on. */
async function configsForExistingFlags(environment: FlagEnvironmentRow, hook: HookContext): Promise<void> {
  const flags = await hook.tx
    .select({ id: featureFlags.id, valueType: featureFlags.valueType })
    .from(featureFlags)
    .where(
      and(
        eq(featureFlags.projectId, environment.projectId),
        eq(featureFlags.workspaceId, environment.workspaceId),
      ),
    );
  for (const flag of flags) {
    await createRow(hook.tx, configResource, hook.scope, {
      flagId: flag.id,
      environmentId: environment.id,
      enabled: false,
      defaultValue: (flag.valueType ?? 'boolean') === 'boolean' ? false : null,
    });
  }
}

export const environmentResource = defineResource({
  name: 'flag_environment',
  path: 'flag-environments',
  label: 'flag environment',
  tag,
  scope: 'project',
  table: flagEnvironments,
  schemas: { create: environmentCreateSchema, update: environmentUpdateSchema, output: environmentSchema },
  filters: {
    key: filterOn.text(flagEnvironments.key, ['eq', 'in']),
    production: filterOn.boolean(flagEnvironments.production),
  },
  sortable: {
    createdAt: flagEnvironments.createdAt,
    sortOrder: flagEnvironments.sortOrder,
    key: flagEnvironments.key,
  },
  defaultSort: 'sortOrder',
  searchable: [flagEnvironments.name, flagEnvironments.key],
  search: false,
  permissions,
  hooks: { afterCreate: configsForExistingFlags },
});

/** Segments are numbered in their project from 1, as Unleash numbers them. */
async function nextSegmentNumber(hook: HookContext): Promise<number> {
  const [row] = await hook.tx
    .select({ highest: max(flagSegments.number) })
    .from(flagSegments)
    .where(
      and(
        eq(flagSegments.projectId, hook.projectId ?? ''),
        eq(flagSegments.workspaceId, hook.ctx.workspaceId),
      ),
    );
  return (row?.highest ?? 0) + 1;
}

/** A segment that rules still use cannot go: 409 naming the flags whose rules use it. */
async function refuseIfSegmentUsed(segment: FlagSegmentRow, hook: HookContext): Promise<void> {
  const configs = await hook.tx
    .select({ key: featureFlags.name, rules: flagConfigs.rules })
    .from(flagConfigs)
    .innerJoin(featureFlags, eq(featureFlags.id, flagConfigs.flagId))
    .where(eq(flagConfigs.projectId, segment.projectId));
  const users = configs
    .filter((config) => config.rules.some((rule) => rule.segments?.includes(segment.number)))
    .map((config) => config.key ?? '');
  if (users.length === 0) return;
  throw new AppError(
    'conflict',
    `Segment ${segment.name} is used by rules of ${[...new Set(users)].join(', ')}.`,
    {
      code: 'flag_segment.in_use',
      extensions: { flags: [...new Set(users)] },
    },
  );
}

export const segmentResource = defineResource({
  name: 'flag_segment',
  path: 'flag-segments',
  label: 'flag segment',
  tag,
  scope: 'project',
  table: flagSegments,
  schemas: { create: segmentCreateSchema, update: segmentUpdateSchema, output: segmentSchema },
  filters: {
    name: filterOn.text(flagSegments.name),
    number: filterOn.number(flagSegments.number),
  },
  sortable: { createdAt: flagSegments.createdAt, number: flagSegments.number, name: flagSegments.name },
  defaultSort: 'number',
  searchable: [flagSegments.name, flagSegments.description],
  search: false,
  permissions,
  hooks: {
    beforeCreate: async (values, hook) => ({ ...values, number: await nextSegmentNumber(hook) }),
    beforeDelete: refuseIfSegmentUsed,
  },
});

const sdkKeyOutput = z.object({
  ...resourceOutputFields,
  projectId: z.uuid(),
  environmentId: z.uuid(),
  name: z.string(),
  kind: z.string(),
  prefix: z.string(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

export const sdkKeyResource = defineResource({
  name: 'flag_sdk_key',
  path: 'flag-sdk-keys',
  label: 'SDK key',
  tag,
  scope: 'project',
  table: flagSdkKeys,
  schemas: { ...noInput, output: sdkKeyOutput },
  filters: {},
  sortable: { createdAt: flagSdkKeys.createdAt },
  defaultSort: '-createdAt',
  searchable: [],
  search: false,
  // The hash is kept out of the audit trail too: it identifies a working secret.
  auditedFields: ['environmentId', 'name', 'kind', 'prefix', 'revokedAt'],
  permissions,
});

const scheduledOutput = z.object({
  ...resourceOutputFields,
  flagId: z.uuid(),
  environmentId: z.uuid(),
  runAt: z.date(),
  change: z.unknown(),
  status: z.enum(scheduledChangeStatuses),
  appliedAt: z.date().nullable(),
  error: z.string().nullable(),
});

export const scheduledChangeResource = defineResource({
  name: 'flag_scheduled_change',
  path: 'flag-scheduled-changes',
  label: 'scheduled change',
  tag,
  scope: 'project',
  table: flagScheduledChanges,
  schemas: { ...noInput, output: scheduledOutput },
  filters: {
    flagId: filterOn.uuid(flagScheduledChanges.flagId, ['eq']),
    status: filterOn.enum(flagScheduledChanges.status, scheduledChangeStatuses),
  },
  sortable: { createdAt: flagScheduledChanges.createdAt, runAt: flagScheduledChanges.runAt },
  defaultSort: 'runAt',
  searchable: [],
  search: false,
  auditedFields: ['flagId', 'environmentId', 'runAt', 'change', 'status', 'appliedAt', 'error'],
  permissions,
});
