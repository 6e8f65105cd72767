import { z } from 'zod';
import { definePermission } from '../../../core/auth/permissions.ts';
import { AppError } from '../../../core/errors/app-error.ts';
import { defineResource, type HookContext } from '../../../core/resource/define.ts';
import { filterOn } from '../../../core/resource/filters.ts';
import { releaseAllowedHosts, releaseSecrets, releaseWorkflows, releaseWorkflowVersions } from '../tables.ts';
import {
  allowedHostCreateSchema,
  allowedHostSchema,
  secretCreateSchema,
  secretSchema,
  workflowSchema,
  workflowVersionSchema,
} from './contracts.ts';

/**
 * Release workflows' actions: members read workflows, hosts and secret names; people who write
 * define workflows, hosts and secrets; starting a run is `saga.start`.
 */
export const releasePermissions = {
  read: definePermission('release.read', 'read'),
  write: definePermission('release.write', 'write'),
};

const permissions = {
  read: releasePermissions.read,
  create: releasePermissions.write,
  update: releasePermissions.write,
  delete: releasePermissions.write,
};

/** Listed by the resource layer; created, changed and deleted by key through the module's routes. */
export const releaseWorkflowResource = defineResource({
  name: 'release_workflow',
  path: 'release-workflows',
  label: 'release workflow',
  tag: 'Release workflows',
  scope: 'project',
  table: releaseWorkflows,
  operations: ['list'],
  schemas: { create: z.strictObject({}), update: z.strictObject({}), output: workflowSchema },
  filters: { key: filterOn.text(releaseWorkflows.key) },
  sortable: { createdAt: releaseWorkflows.createdAt, updatedAt: releaseWorkflows.updatedAt },
  defaultSort: 'createdAt',
  searchable: [releaseWorkflows.name, releaseWorkflows.description],
  auditedFields: ['key', 'name', 'description', 'definition'],
  permissions,
});

/** Written with each save of a workflow; listed per workflow. */
export const releaseWorkflowVersionResource = defineResource({
  name: 'release_workflow_version',
  path: 'release-workflow-versions',
  label: 'release workflow version',
  tag: 'Release workflows',
  scope: 'project',
  table: releaseWorkflowVersions,
  operations: [],
  schemas: { create: z.strictObject({}), update: z.strictObject({}), output: workflowVersionSchema },
  filters: {},
  sortable: { createdAt: releaseWorkflowVersions.createdAt },
  defaultSort: 'createdAt',
  searchable: [],
  search: false,
  auditedFields: ['workflowId', 'workflowVersion', 'definition'],
  permissions,
});

export const releaseAllowedHostResource = defineResource({
  name: 'release_allowed_host',
  path: 'release-allowed-hosts',
  label: 'release allowed host',
  tag: 'Release workflows',
  scope: 'project',
  table: releaseAllowedHosts,
  operations: ['list', 'get', 'create', 'delete'],
  schemas: { create: allowedHostCreateSchema, update: z.strictObject({}), output: allowedHostSchema },
  filters: { host: filterOn.text(releaseAllowedHosts.host) },
  sortable: { createdAt: releaseAllowedHosts.createdAt },
  defaultSort: 'createdAt',
  searchable: [releaseAllowedHosts.host],
  search: false,
  auditedFields: ['host', 'note'],
  permissions,
});

function encryptSecret(values: z.output<typeof secretCreateSchema>, { scope }: HookContext) {
  const cipher = scope.app.events.cipher;
  if (!cipher) throw new AppError('unavailable', 'This server holds no key to encrypt secrets with.');
  return {
    name: values.name,
    value: cipher.encrypt(values.value),
    createdBy: scope.ctx.actor.userId,
  };
}

/** Secrets release steps put in headers: the value is stored encrypted and never answered or audited. */
export const releaseSecretResource = defineResource({
  name: 'release_secret',
  path: 'release-secrets',
  label: 'release secret',
  tag: 'Release workflows',
  scope: 'project',
  table: releaseSecrets,
  operations: ['list', 'get', 'create', 'delete'],
  schemas: { create: secretCreateSchema, update: z.strictObject({}), output: secretSchema },
  filters: { name: filterOn.text(releaseSecrets.name) },
  sortable: { createdAt: releaseSecrets.createdAt },
  defaultSort: 'createdAt',
  searchable: [releaseSecrets.name],
  search: false,
  auditedFields: ['name'],
  hooks: { beforeCreate: encryptSecret },
  permissions,
});

export const releaseResources = [
  releaseWorkflowResource,
  releaseWorkflowVersionResource,
  releaseAllowedHostResource,
  releaseSecretResource,
];
