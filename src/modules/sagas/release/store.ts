import { and, eq } from 'drizzle-orm';
import type { Scope } from '../../../core/resource/scope.ts';
import { releaseAllowedHosts, releaseSecrets } from '../tables.ts';

// What a running release step reads of its project: the hosts it may call and its secrets, in clear.

/** The project's allowed hosts (host, host:port or *.domain), lower case. */
export async function allowedHostsOf(scope: Scope, projectId: string): Promise<string[]> {
  const rows = await scope.db.read((db) =>
    db
      .select({ host: releaseAllowedHosts.host })
      .from(releaseAllowedHosts)
      .where(
        and(
          eq(releaseAllowedHosts.workspaceId, scope.ctx.workspaceId),
          eq(releaseAllowedHosts.projectId, projectId),
        ),
      ),
  );
  return rows.map((row) => row.host);
}

/** The project's release secrets by name, decrypted (held only for the step that uses them). */
export async function secretsOf(scope: Scope, projectId: string): Promise<Record<string, string>> {
  const rows = await scope.db.read((db) =>
    db
      .select({ name: releaseSecrets.name, value: releaseSecrets.value })
      .from(releaseSecrets)
      .where(
        and(eq(releaseSecrets.workspaceId, scope.ctx.workspaceId), eq(releaseSecrets.projectId, projectId)),
      ),
  );
  const cipher = scope.app.events.cipher;
  const secrets: Record<string, string> = {};
  for (const row of rows) {
    const value = cipher?.decrypt(row.value);
    if (typeof value === 'string') secrets[row.name] = value;
  }
  return secrets;
}
