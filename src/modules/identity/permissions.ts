import { definePermission } from '../../core/auth/permissions.ts';

/** The actions of identity management, each with its class (see core/auth/permissions.ts). */
export const identityPermissions = {
  /** See who you are, which workspaces you belong to. */
  accountRead: definePermission('account.read', 'read'),
  /** Sign out (here or everywhere), manage your own API tokens, create a workspace of your own. */
  accountManage: definePermission('account.manage', 'self'),
  memberRead: definePermission('member.read', 'read'),
  /** Change roles, remove members, invite people, create agents and manage their tokens. */
  memberManage: definePermission('member.manage', 'administer'),
} as const;
