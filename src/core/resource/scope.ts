import type { DatabaseHandle } from '../../db/connection.ts';
import { type RequestContext, systemContext } from '../auth/context.ts';
import type { CredentialCache } from '../auth/credential-cache.ts';
import type { EventLog } from '../events/append.ts';
import type { Tenancy, WorkspaceDatabase } from '../tenancy/workspace-database.ts';
import type { ResourceCatalog } from './catalog.ts';

/** What request-scoped code may reach of the app it runs in. Built once per app. */
export interface AppContext {
  /** The resources the app serves. */
  resources: ResourceCatalog;
  /** How the app appends audit events (sensitive fields, cipher, in-transaction listeners). */
  events: EventLog;
  /** Binds the database to a workspace; `Scope.db` comes from here. */
  tenancy: Tenancy;
  /**
   * Resolved tokens and sessions kept in memory. A service that revokes a credential or changes a
   * role announces it in its transaction (other processes hear it) and forgets it here once committed.
   */
  credentials: CredentialCache;
  /**
   * The database with no workspace bound: only for work that must cross workspaces (signing in,
   * listing a user's workspaces, bootstrap, jobs). Code that uses it says why.
   */
  systemDatabase: DatabaseHandle;
}

/**
 * Everything a service needs for one request: who asks, the database bound to their workspace,
 * the project in the path, and the app. Services take a scope and own their transactions.
 */
export interface Scope {
  ctx: RequestContext;
  db: WorkspaceDatabase;
  app: AppContext;
  /** The project in the path, for project-scoped routes. */
  projectId?: string;
}

export function scopeOf(app: AppContext, ctx: RequestContext, projectId?: string): Scope {
  return { ctx, db: app.tenancy.bind(ctx.workspaceId), app, projectId };
}

/** A scope for work the system does on a workspace's behalf (jobs, imports from the CLI). */
export function systemScope(app: AppContext, workspaceId: string, userId: string, projectId?: string): Scope {
  return scopeOf(app, systemContext(workspaceId, userId), projectId);
}

/** The same request, addressing another project of the workspace. */
export function inProject(scope: Scope, projectId: string): Scope {
  return { ...scope, projectId };
}
