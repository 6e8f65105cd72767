import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../core/errors/app-error.ts';
import { defineResource, type HookContext } from '../../core/resource/define.ts';
import { filterOn } from '../../core/resource/filters.ts';
import {
  connectionCreateSchema,
  connectionSchema,
  connectionUpdateSchema,
  deliveryPermissions,
  personCreateSchema,
  personSchema,
  personUpdateSchema,
  sourceCreateSchema,
  sourceSchema,
  sourceUpdateSchema,
  syncRunSchema,
} from './contracts.ts';
import { deliveryConnections, deliveryPeople, deliverySources, deliverySyncRuns } from './tables.ts';

// What people set up: connections (workspace), the sources a project reads, the people matched
// across sources; and the sync runs, which only syncs write.

function encrypt(value: string, { scope }: HookContext) {
  const cipher = scope.app.events.cipher;
  if (!cipher) throw new AppError('unavailable', 'This server holds no key to encrypt secrets with.');
  return cipher.encrypt(value);
}

export const connectionResource = defineResource({
  name: 'delivery_connection',
  path: 'delivery-connections',
  label: 'delivery connection',
  tag: 'Delivery',
  scope: 'workspace',
  table: deliveryConnections,
  schemas: { create: connectionCreateSchema, update: connectionUpdateSchema, output: connectionSchema },
  filters: { kind: filterOn.enum(deliveryConnections.kind, ['gitlab', 'jira']) },
  sortable: { createdAt: deliveryConnections.createdAt, name: deliveryConnections.name },
  defaultSort: 'createdAt',
  searchable: [deliveryConnections.name, deliveryConnections.baseUrl],
  search: false,
  // The token is never audited, not even encrypted: rotating it shows as a change of `secretKeyId`.
  auditedFields: ['kind', 'name', 'baseUrl', 'authKind', 'email', 'jiraApi', 'syncIntervalMinutes'],
  permissions: {
    read: deliveryPermissions.read,
    create: deliveryPermissions.connect,
    update: deliveryPermissions.connect,
    delete: deliveryPermissions.connect,
  },
  hooks: {
    beforeCreate(values, hook) {
      return {
        kind: values.kind,
        name: values.name,
        baseUrl: values.baseUrl,
        authKind: values.authKind ?? (values.kind === 'gitlab' ? 'token' : 'basic'),
        email: values.email ?? null,
        jiraApi: values.kind === 'jira' ? (values.jiraApi ?? 'cloud') : null,
        secret: encrypt(values.secret, hook),
        syncIntervalMinutes: values.syncIntervalMinutes,
        createdBy: hook.ctx.actor.userId,
      };
    },
    beforeUpdate(changes, _current, hook) {
      const { secret, ...rest } = changes;
      return secret === undefined ? rest : { ...rest, secret: encrypt(secret, hook) };
    },
    toOutput: () => ({ hasSecret: true }),
  },
});

/** A source must read from a connection of the workspace, of the kind its fields are for. */
async function checkSource(
  values: { connectionId: string; gitlabProject?: string; jql?: string },
  { tx, ctx }: HookContext,
) {
  const [connection] = await tx
    .select({ kind: deliveryConnections.kind })
    .from(deliveryConnections)
    .where(
      and(
        eq(deliveryConnections.id, values.connectionId),
        eq(deliveryConnections.workspaceId, ctx.workspaceId),
      ),
    );
  if (!connection)
    throw new AppError('unprocessable', 'The source names no connection of this workspace.', {
      errors: [{ path: 'connectionId', message: 'no such connection' }],
    });
  const [wanted, unwanted] =
    connection.kind === 'gitlab' ? (['gitlabProject', 'jql'] as const) : (['jql', 'gitlabProject'] as const);
  if (values[unwanted])
    throw new AppError(
      'unprocessable',
      `A ${connection.kind} connection's source takes ${wanted}, not ${unwanted}.`,
      {
        errors: [{ path: unwanted, message: `not for a ${connection.kind} connection` }],
      },
    );
  if (!values[wanted])
    throw new AppError('unprocessable', `A ${connection.kind} connection's source needs ${wanted}.`, {
      errors: [{ path: wanted, message: `required for a ${connection.kind} connection` }],
    });
}

export const sourceResource = defineResource({
  name: 'delivery_source',
  path: 'delivery-sources',
  label: 'delivery source',
  tag: 'Delivery',
  scope: 'project',
  table: deliverySources,
  schemas: { create: sourceCreateSchema, update: sourceUpdateSchema, output: sourceSchema },
  filters: {
    connectionId: filterOn.uuid(deliverySources.connectionId),
    enabled: filterOn.boolean(deliverySources.enabled),
  },
  sortable: { createdAt: deliverySources.createdAt },
  defaultSort: 'createdAt',
  searchable: [],
  search: false,
  auditedFields: ['connectionId', 'gitlabProject', 'jql', 'enabled'],
  permissions: {
    read: deliveryPermissions.read,
    create: deliveryPermissions.write,
    update: deliveryPermissions.write,
    delete: deliveryPermissions.write,
  },
  hooks: {
    async beforeCreate(values, hook) {
      await checkSource(values, hook);
      return values;
    },
    async beforeUpdate(changes, current, hook) {
      await checkSource(
        {
          connectionId: current.connectionId,
          gitlabProject: changes.gitlabProject ?? current.gitlabProject ?? undefined,
          jql: changes.jql ?? current.jql ?? undefined,
        },
        hook,
      );
      // A changed mapping reads everything again: changes since the old watermark would miss the rest.
      const remapped = changes.gitlabProject !== undefined || changes.jql !== undefined;
      return remapped ? { ...changes, syncedUpTo: null } : changes;
    },
  },
});

export const syncRunResource = defineResource({
  name: 'delivery_sync_run',
  path: 'delivery-sync-runs',
  label: 'delivery sync run',
  tag: 'Delivery',
  scope: 'project',
  table: deliverySyncRuns,
  operations: ['list', 'get'],
  schemas: { create: z.strictObject({}), update: z.strictObject({}), output: syncRunSchema },
  filters: {
    sourceId: filterOn.uuid(deliverySyncRuns.sourceId),
    status: filterOn.enum(deliverySyncRuns.status, ['queued', 'running', 'completed', 'failed']),
    createdAt: filterOn.timestamp(deliverySyncRuns.createdAt),
  },
  sortable: { createdAt: deliverySyncRuns.createdAt },
  defaultSort: '-createdAt',
  searchable: [],
  search: false,
  permissions: {
    read: deliveryPermissions.read,
    create: deliveryPermissions.write,
    update: deliveryPermissions.write,
    delete: deliveryPermissions.write,
  },
});

export const personResource = defineResource({
  name: 'delivery_person',
  path: 'delivery-people',
  label: 'delivery person',
  tag: 'Delivery',
  scope: 'workspace',
  table: deliveryPeople,
  schemas: { create: personCreateSchema, update: personUpdateSchema, output: personSchema },
  filters: { team: filterOn.nullable(filterOn.text(deliveryPeople.team)) },
  sortable: { createdAt: deliveryPeople.createdAt, name: deliveryPeople.name },
  defaultSort: 'name',
  searchable: [deliveryPeople.name],
  search: false,
  auditedFields: ['name', 'email', 'team', 'gitlabUsernames', 'jiraAccountIds'],
  permissions: {
    read: deliveryPermissions.read,
    create: deliveryPermissions.write,
    update: deliveryPermissions.write,
    delete: deliveryPermissions.write,
  },
});
