import type { DatabaseHandle } from '../../db/connection.ts';
import { hashPassword } from './passwords.ts';
import { memberships, users, workspaces } from './schema.ts';
import { generateTokenSecret, insertToken } from './tokens.ts';

/** What the first start creates: the first workspace, its owner and the owner's credentials. */
export interface BootstrapSettings {
  adminToken?: string;
  adminEmail: string;
  adminPassword?: string;
  workspaceName: string;
}

export type BootstrapResult =
  | { created: false }
  | { created: true; workspaceId: string; ownerEmail: string; token: string; tokenFromEnvironment: boolean };

/**
 * On the very first start, creates the first workspace, its owner and an API token for the owner.
 * Does nothing when any workspace exists. Safe when several processes start at once.
 */
export async function bootstrapFirstWorkspace(
  handle: DatabaseHandle,
  bootstrap: BootstrapSettings,
): Promise<BootstrapResult> {
  return handle.withExclusiveLock('shipshape:bootstrap', async (db) =>
    db.transaction(async (tx) => {
      const existing = await tx.select({ id: workspaces.id }).from(workspaces).limit(1);
      if (existing.length > 0) return { created: false } as const;
      const [workspace] = await tx.insert(workspaces).values({ name: bootstrap.workspaceName }).returning();
      const [owner] = await tx
        .insert(users)
        .values({
          email: bootstrap.adminEmail,
          displayName: 'Owner',
          kind: 'person',
          passwordHash: bootstrap.adminPassword ? await hashPassword(bootstrap.adminPassword) : null,
        })
        .returning();
      if (!workspace || !owner) throw new Error('bootstrap inserts returned nothing');
      await tx.insert(memberships).values({ workspaceId: workspace.id, userId: owner.id, role: 'owner' });
      const token = bootstrap.adminToken ?? generateTokenSecret();
      await insertToken(tx, {
        workspaceId: workspace.id,
        userId: owner.id,
        name: 'bootstrap',
        secret: token,
      });
      return {
        created: true,
        workspaceId: workspace.id,
        ownerEmail: owner.email,
        token,
        tokenFromEnvironment: Boolean(bootstrap.adminToken),
      } as const;
    }),
  );
}
