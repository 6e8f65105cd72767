import { definePermission } from '../../core/auth/permissions.ts';

/**
 * Download a snapshot of the whole embedded database. Its class is administer; the service also
 * requires the caller to own the instance's first workspace, since the snapshot holds every workspace.
 */
export const backupTake = definePermission('admin.backup', 'administer');
