import { definePermission } from '../../core/auth/permissions.ts';

/** The actions on metadata, each with its class (see core/auth/permissions.ts). */
export const metadataPermissions = {
  /** The route-level gate; reading an entity's metadata also needs that entity's read permission. */
  read: definePermission('metadata.read', 'read'),
  /** The route-level gate; changing metadata also needs the entity's update permission. */
  write: definePermission('metadata.write', 'write'),
  readSchema: definePermission('metadata_schema.read', 'read'),
  manageSchema: definePermission('metadata_schema.manage', 'administer'),
};
