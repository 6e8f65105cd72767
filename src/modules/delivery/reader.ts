import { and, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { gitlabClient } from './remote/gitlab-client.ts';
import { jiraClient } from './remote/jira-client.ts';
import { deliveryConnections, deliverySources } from './tables.ts';

// What a sync reads from a source, whatever the source: named listings read page by page, each
// page handing the cursor of the next, so the sync can checkpoint after every page.

export type ConnectionRow = typeof deliveryConnections.$inferSelect;
export type SourceRow = typeof deliverySources.$inferSelect;

export interface RemotePageRead {
  items: unknown[];
  next: string | null;
}

export interface SourceReader {
  /** The listings, in the order they are read: `merge_requests`, `deployments`; or `issues`. */
  phases: readonly string[];
  page(
    phase: string,
    since: string | null,
    cursor: string | null,
    signal: AbortSignal,
  ): Promise<RemotePageRead>;
  /** Who the token belongs to, and its scopes where the source tells them. */
  whoAmI(signal?: AbortSignal): Promise<{ user: string; scopes: string[] | null }>;
  /** GitLab: the numeric id of the source's project (deployments do not say it); null for Jira. */
  gitlabProjectId(signal: AbortSignal): Promise<number | null>;
}

/** The connection's token in clear, held only for the work that calls out. */
export function secretOf(scope: Scope, connection: ConnectionRow): string {
  const value = scope.app.events.cipher?.decrypt(connection.secret);
  if (typeof value !== 'string')
    throw new AppError(
      'unavailable',
      `The token of connection ${connection.name} cannot be read with this server's keys.`,
    );
  return value;
}

function jiraAuth(connection: ConnectionRow, token: string) {
  return connection.authKind === 'bearer'
    ? { kind: 'bearer' as const, token }
    : { kind: 'basic' as const, email: connection.email ?? '', token };
}

export function connectionReader(
  scope: Scope,
  connection: ConnectionRow,
  source: SourceRow | null,
): SourceReader {
  const token = secretOf(scope, connection);
  if (connection.kind === 'gitlab') {
    const client = gitlabClient({ id: connection.id, baseUrl: connection.baseUrl, token });
    const project = source?.gitlabProject ?? '';
    return {
      phases: ['merge_requests', 'deployments'],
      page: (phase, since, cursor, signal) =>
        phase === 'merge_requests'
          ? client.mergeRequestPage(project, { updatedAfter: since, cursor }, signal)
          : client.deploymentPage(project, { updatedAfter: since, cursor }, signal),
      async whoAmI(signal) {
        const user = await client.currentUser(signal);
        return { user: user.username, scopes: user.scopes };
      },
      gitlabProjectId: (signal) =>
        /^\d+$/.test(project) ? Promise.resolve(Number(project)) : client.projectId(project, signal),
    };
  }
  const client = jiraClient({
    id: connection.id,
    baseUrl: connection.baseUrl,
    auth: jiraAuth(connection, token),
    api: connection.jiraApi ?? 'cloud',
  });
  return {
    phases: ['issues'],
    page: (_phase, since, cursor, signal) =>
      client.issuePage({ jql: source?.jql ?? '', updatedSince: since, cursor }, signal),
    async whoAmI(signal) {
      const user = await client.currentUser(signal);
      return { user: user.email ?? user.displayName ?? user.accountId, scopes: null };
    },
    gitlabProjectId: () => Promise.resolve(null),
  };
}

/** The source and its connection, in the scope's workspace (404 when either is not there). */
export async function sourceWithConnection(scope: Scope, sourceId: string) {
  const [row] = await scope.db.read((db) =>
    db
      .select({ source: deliverySources, connection: deliveryConnections })
      .from(deliverySources)
      .innerJoin(deliveryConnections, eq(deliveryConnections.id, deliverySources.connectionId))
      .where(and(eq(deliverySources.id, sourceId), eq(deliverySources.workspaceId, scope.ctx.workspaceId))),
  );
  if (!row) throw new AppError('not_found', 'No such delivery source.');
  return row;
}

/** Asks the remote who the token belongs to: the exact error when it cannot. */
export async function testConnection(scope: Scope, id: string) {
  const [connection] = await scope.db.read((db) =>
    db
      .select()
      .from(deliveryConnections)
      .where(and(eq(deliveryConnections.id, id), eq(deliveryConnections.workspaceId, scope.ctx.workspaceId))),
  );
  if (!connection) throw new AppError('not_found', 'No such delivery connection.');
  try {
    const { user, scopes } = await connectionReader(scope, connection, null).whoAmI(
      AbortSignal.timeout(30_000),
    );
    return { ok: true, user, scopes, error: null };
  } catch (error) {
    return {
      ok: false,
      user: null,
      scopes: null,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}
