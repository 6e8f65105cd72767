import { AppError } from '../errors/app-error.ts';
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

/** An action and the classes that grant it. A value: routes and services hold it, nothing looks it up. */
export interface Permission {
  readonly name: string;
  readonly classes: readonly PermissionClass[];
}

/**
 * Declares a permission. A permission usually belongs to one class; one that belongs to several
 * (commenting: `contribute` or `review`) is granted to a role holding any of them. The app lists
 * the permissions of its installed modules (docs and the role × action test read that list).
 */
export function definePermission(
  name: string,
  permissionClass: PermissionClass | readonly PermissionClass[],
): Permission {
  const classes = typeof permissionClass === 'string' ? [permissionClass] : [...permissionClass];
  return Object.freeze({ name, classes: Object.freeze(classes) });
}

/** The classes a role holds (for docs and the role × action test). */
export function classesOf(role: Role): readonly PermissionClass[] {
  return roleGrants[role];
}

/** Does this role hold this permission? The one policy question; everything else asks it. */
export function roleAllows(role: Role, permission: Permission): boolean {
  return permission.classes.some((permissionClass) => roleGrants[role].includes(permissionClass));
}

/**
 * Throws 403 unless the actor may perform the action. Read-only tokens may only read. Routes
 * declare their permission and the authentication hook asks this once; services ask it only for
 * rules that depend on state.
 */
export function authorize(actor: Actor, permission: Permission): void {
  if (actor.readOnly && !permission.classes.every((permissionClass) => permissionClass === 'read')) {
    throw new AppError(
      'forbidden',
      `This token is read-only; ${permission.name} needs a token that may write.`,
      { code: 'token.read_only' },
    );
  }
  if (!roleAllows(actor.role, permission)) {
    throw new AppError('forbidden', `The ${actor.role} role may not ${permission.name}.`, {
      code: 'permission_denied',
      extensions: { permission: permission.name },
    });
  }
}
