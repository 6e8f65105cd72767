import type {
  Database,
  DatabaseHandle,
  Executor,
  SessionSettings,
  Transaction,
} from '../../db/connection.ts';
import { nameUniqueViolationColumns, tenantRole, tenantRoleUsable } from './row-level-security.ts';

/**
 * The database as one workspace sees it: every statement runs as the tenant role with the
 * workspace named, so row-level security shows and accepts only that workspace's rows. It is the
 * one path by which request-scoped code reaches the database; a query that forgets its workspace
 * filter still sees nothing of another workspace.
 */
export interface WorkspaceDatabase {
  readonly workspaceId: string;
  /** Runs `work` in one transaction bound to the workspace: it commits whole or not at all. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * Runs reads bound to the workspace, outside a transaction: each statement sees the data as of
   * its own start. Use `transaction` when several reads must agree with each other.
   */
  read<T>(work: (db: Executor) => Promise<T>): Promise<T>;
}

/** Binds the database to workspaces, one unit of work at a time. Built once per app. */
export interface Tenancy {
  bind(workspaceId: string): WorkspaceDatabase;
}

/** The session setting the row-level-security policies read (see the 0011 migration). */
export const workspaceSetting = 'shipshape.workspace_id';

export function createTenancy(handle: DatabaseHandle): Tenancy {
  let roleUsable: Promise<boolean> | undefined;
  const settingsFor = async (workspaceId: string): Promise<SessionSettings> => {
    // Without the tenant role (the migrating user could not create it) the application's
    // workspace filters are the only wall; the setting is still made, for the policies to come.
    roleUsable ??= tenantRoleUsable(handle.db);
    const role = (await roleUsable) ? tenantRole : undefined;
    return { role, parameters: { [workspaceSetting]: workspaceId } };
  };

  const bound = async <T>(workspaceId: string, work: (db: Database) => Promise<T>): Promise<T> => {
    const settings = await settingsFor(workspaceId);
    try {
      return await handle.withSession(settings, work);
    } catch (error) {
      if (settings.role) await nameUniqueViolationColumns(handle.db, error);
      throw error;
    }
  };

  return {
    bind: (workspaceId) => ({
      workspaceId,
      transaction: (work) => bound(workspaceId, (db) => db.transaction(work)),
      read: (work) => bound(workspaceId, work),
    }),
  };
}
