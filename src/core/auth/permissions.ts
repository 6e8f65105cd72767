import { AppError } from '../http/errors.ts';
import type { Actor } from './context.ts';
import type { Role } from './schema.ts';

/**
 * Every action is a named permission (`project.create`) that belongs to one class. Roles grant
 * classes, so the matrix stays small and a new module only names its actions and their class.
 */
export const permissionClasses = {
  self: 'Manage your own account: sessions and your own tokens',
  read: 'See the workspace content',
  write: 'Create, change and delete content',
  contribute: 'Write findings, results and other agent output',
  review: 'Approve or request changes',
  administer: 'Manage members, roles, tokens and settings',
} as const;
export type PermissionClass = keyof typeof permissionClasses;

const roleGrants: Record<Role, readonly PermissionClass[]> = {
  owner: ['self', 'read', 'write', 'contribute', 'review', 'administer'],
  admin: ['self', 'read', 'write', 'contribute', 'review', 'administer'],
  editor: ['self', 'read', 'write', 'contribute'],
  reviewer: ['self', 'read', 'review'],
  viewer: ['self', 'read'],
  agent: ['self', 'read', 'contribute'],
};

const registry = new Map<string, readonly PermissionClass[]>();

/**
 * Declares a permission. Modules call this once per action, at import time. A permission usually
 * belongs to one class; one that belongs to several (commenting: `contribute` or `review`) is
 * granted to a role holding any of them.
 */
export function definePermission(
  name: string,
  permissionClass: PermissionClass | readonly PermissionClass[],
): string {
  const classes = typeof permissionClass === 'string' ? [permissionClass] : [...permissionClass];
  const existing = registry.get(name);
  if (existing && existing.join() !== classes.join()) {
    throw new Error(`Permission ${name} is declared twice with different classes`);
  }
  registry.set(name, classes);
  return name;
}

/** The classes a role holds (for docs and the role × action test). */
export function classesOf(role: Role): readonly PermissionClass[] {
  return roleGrants[role];
}

/** Every declared permission and its classes (for docs and the role × action test). */
export function declaredPermissions(): ReadonlyMap<string, readonly PermissionClass[]> {
  return registry;
}

function classesOfPermission(permission: string): readonly PermissionClass[] {
  const classes = registry.get(permission);
  if (!classes) throw new Error(`Unknown permission ${permission}`);
  return classes;
}

/** Does this role hold this permission? The one policy question; everything else asks it. */
export function roleAllows(role: Role, permission: string): boolean {
  return classesOfPermission(permission).some((permissionClass) =>
    roleGrants[role].includes(permissionClass),
  );
}

/** Throws 403 unless the actor may perform the action. Read-only tokens may only read. */
export function authorize(actor: Actor, permission: string): void {
  const classes = classesOfPermission(permission);
  if (actor.readOnly && !classes.every((permissionClass) => permissionClass === 'read')) {
    throw new AppError('forbidden', `This token is read-only; ${permission} needs a token that may write.`, {
      code: 'token.read_only',
    });
  }
  if (!roleAllows(actor.role, permission)) {
    throw new AppError('forbidden', `The ${actor.role} role may not ${permission}.`, {
      code: 'permission_denied',
      extensions: { permission },
    });
  }
}
