import { definePermission } from '../../core/auth/permissions.ts';

/**
 * Tasks' actions. Everyone reads; people who plan create, change and generate tasks; whoever
 * contributes work (agents, editors, admins, owners) claims, reports evidence and completes;
 * deleting a task and overriding a failing gate are administrators' acts.
 */
export const taskPermissions = {
  read: definePermission('task.read', 'read'),
  create: definePermission('task.create', 'write'),
  update: definePermission('task.update', 'write'),
  delete: definePermission('task.delete', 'administer'),
  generate: definePermission('task.generate', 'write'),
  work: definePermission('task.work', 'contribute'),
  override: definePermission('task.override_gate', 'administer'),
};
