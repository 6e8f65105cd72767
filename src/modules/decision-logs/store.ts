import { and, eq, getTableName, inArray, or, type SQL, sql } from 'drizzle-orm';
import { memberships, users } from '../../core/auth/schema.ts';
import type { ResourceCatalog } from '../../core/resource/catalog.ts';
import type { Executor } from '../../db/connection.ts';
import { defaultDecisionTypes } from './contracts.ts';
import { decisionLogSettings, decisionLogs } from './tables.ts';

/** The workspace's decision types (the defaults until someone configures them). */
export async function decisionTypesOf(db: Executor, workspaceId: string): Promise<string[]> {
  const [row] = await db
    .select({ decisionTypes: decisionLogSettings.decisionTypes })
    .from(decisionLogSettings)
    .where(eq(decisionLogSettings.workspaceId, workspaceId));
  return row?.decisionTypes ?? [...defaultDecisionTypes];
}

export async function saveDecisionTypes(
  db: Executor,
  workspaceId: string,
  types: string[],
): Promise<string[]> {
  const [row] = await db
    .insert(decisionLogSettings)
    .values({ workspaceId, decisionTypes: types })
    .onConflictDoUpdate({
      target: decisionLogSettings.workspaceId,
      set: { decisionTypes: types, updatedAt: sql`now()` },
    })
    .returning({ decisionTypes: decisionLogSettings.decisionTypes });
  return row?.decisionTypes ?? types;
}

/** The next decision number of the workspace; the counter row is locked until the transaction ends. */
export async function allocateNumber(tx: Executor, workspaceId: string): Promise<number> {
  const [row] = await tx
    .insert(decisionLogSettings)
    .values({ workspaceId, lastNumber: 1 })
    .onConflictDoUpdate({
      target: decisionLogSettings.workspaceId,
      set: { lastNumber: sql`${decisionLogSettings.lastNumber} + 1` },
    })
    .returning({ lastNumber: decisionLogSettings.lastNumber });
  if (!row) throw new Error('decision number allocation returned nothing');
  return row.lastNumber;
}

export interface Member {
  userId: string;
  displayName: string;
  email: string;
}

/** The members of the workspace among the given user ids. */
export async function membersAmong(db: Executor, workspaceId: string, userIds: string[]): Promise<Member[]> {
  if (userIds.length === 0) return [];
  return db
    .select({ userId: users.id, displayName: users.displayName, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, userIds)));
}

/** Members whose display name or email matches one of the names (case-insensitively). */
export async function membersNamed(db: Executor, workspaceId: string, names: string[]): Promise<Member[]> {
  const wanted = [...new Set(names.map((name) => name.trim().toLowerCase()).filter(Boolean))];
  if (wanted.length === 0) return [];
  const list = sql.join(
    wanted.map((name) => sql`${name}`),
    sql`, `,
  );
  return db
    .select({ userId: users.id, displayName: users.displayName, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.workspaceId, workspaceId),
        or(sql`lower(${users.displayName}) in (${list})`, sql`lower(${users.email}) in (${list})`),
      ),
    );
}

/**
 * Which of the ids exist in the workspace in the resource stored in `tableName`; `undefined` when
 * the app serves no resource with that table (its module is not installed).
 */
export async function existingIds(
  db: Executor,
  resources: ResourceCatalog,
  workspaceId: string,
  tableName: string,
  ids: string[],
): Promise<Set<string> | undefined> {
  const definition = resources.all().find((candidate) => getTableName(candidate.table) === tableName);
  if (!definition) return undefined;
  if (ids.length === 0) return new Set();
  const { table } = definition;
  const rows = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.workspaceId, workspaceId), inArray(table.id, ids)));
  return new Set(rows.map((row) => String(row.id)));
}

/** Decisions of the workspace by id, for links (few columns). */
export async function decisionsByIds(db: Executor, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: decisionLogs.id,
      number: decisionLogs.number,
      title: decisionLogs.title,
      status: decisionLogs.status,
      supersededBy: decisionLogs.supersededBy,
      supersedes: decisionLogs.supersedes,
    })
    .from(decisionLogs)
    .where(and(eq(decisionLogs.workspaceId, workspaceId), inArray(decisionLogs.id, ids)));
}

/** The supersession links of the workspace (optionally of one project): every decision that has one. */
export async function supersessionLinks(db: Executor, workspaceId: string, projectId?: string) {
  const conditions: SQL[] = [
    eq(decisionLogs.workspaceId, workspaceId),
    sql`(${decisionLogs.supersededBy} is not null or cardinality(${decisionLogs.supersedes}) > 0)`,
  ];
  if (projectId) conditions.push(eq(decisionLogs.projectId, projectId));
  return db
    .select({ id: decisionLogs.id, supersededBy: decisionLogs.supersededBy })
    .from(decisionLogs)
    .where(and(...conditions));
}
