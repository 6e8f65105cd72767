import { definePermission } from '../../core/auth/permissions.ts';

/** The actions of search, each with its class (see core/auth/permissions.ts). */
export const searchPermissions = {
  query: definePermission('search.query', 'read'),
  analytics: definePermission('search.analytics.read', 'administer'),
  configure: definePermission('search.configure', 'administer'),
};
