import { and, asc, eq, ilike, inArray, max, or, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { escapeLike } from '../../core/resource/filters.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { afterCursor, encodeCursor, type SortKey } from '../../core/resource/sorting.ts';
import type { Executor } from '../../db/connection.ts';
import type { FlagValue } from '../../engines/flag-eval/model.ts';
import { featureFlags, flagDependencies } from '../plan/areas/feature-flags.ts';
import {
  type FlagConfigRow,
  type FlagEnvironmentRow,
  flagCodeReferences,
  flagConfigs,
  flagEnvironments,
  flagEvaluationCounts,
} from './tables.ts';

// Queries the resource layer does not give: flags by key, a project's environments in order, the
// configs of many flags at once, prerequisites by key, the last evaluation of each flag.

export type FlagRow = typeof featureFlags.$inferSelect;

export function projectOf(scope: Scope): string {
  if (!scope.projectId) throw new Error('a flags route needs a project');
  return scope.projectId;
}

const inProject = (scope: Scope) =>
  and(eq(featureFlags.workspaceId, scope.ctx.workspaceId), eq(featureFlags.projectId, projectOf(scope)));

/** The project's flag with this key, or 404 (also for another workspace's). */
export async function flagByKey(db: Executor, scope: Scope, key: string, lock = false): Promise<FlagRow> {
  const query = db
    .select()
    .from(featureFlags)
    .where(and(inProject(scope), eq(featureFlags.name, key)))
    .orderBy(asc(featureFlags.createdAt))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found', `This project has no flag ${key}.`, { code: 'flag.not_found' });
  return row;
}

/** The project's flags with these keys. */
export async function flagsByKeys(db: Executor, scope: Scope, keys: readonly string[]): Promise<FlagRow[]> {
  if (keys.length === 0) return [];
  return db
    .select()
    .from(featureFlags)
    .where(and(inProject(scope), inArray(featureFlags.name, [...keys])));
}

/** The project's environments, in their display order. */
export async function environmentsOf(db: Executor, scope: Scope): Promise<FlagEnvironmentRow[]> {
  return db
    .select()
    .from(flagEnvironments)
    .where(
      and(
        eq(flagEnvironments.workspaceId, scope.ctx.workspaceId),
        eq(flagEnvironments.projectId, projectOf(scope)),
      ),
    )
    .orderBy(asc(flagEnvironments.sortOrder), asc(flagEnvironments.key));
}

/** The environment of the project with this key, or 404 naming it. */
export async function environmentByKey(db: Executor, scope: Scope, key: string): Promise<FlagEnvironmentRow> {
  const found = (await environmentsOf(db, scope)).find((environment) => environment.key === key);
  if (!found)
    throw new AppError('not_found', `This project has no flag environment ${key}.`, {
      code: 'flag_environment.not_found',
    });
  return found;
}

/** The configs of these flags in every environment. */
export async function configsOf(
  db: Executor,
  scope: Scope,
  flagIds: readonly string[],
): Promise<FlagConfigRow[]> {
  if (flagIds.length === 0) return [];
  return db
    .select()
    .from(flagConfigs)
    .where(
      and(eq(flagConfigs.workspaceId, scope.ctx.workspaceId), inArray(flagConfigs.flagId, [...flagIds])),
    );
}

/** The config of one flag in one environment, locked when asked. */
export async function configOf(
  db: Executor,
  scope: Scope,
  flagId: string,
  environmentId: string,
  lock = false,
): Promise<FlagConfigRow | undefined> {
  const query = db
    .select()
    .from(flagConfigs)
    .where(
      and(
        eq(flagConfigs.workspaceId, scope.ctx.workspaceId),
        eq(flagConfigs.flagId, flagId),
        eq(flagConfigs.environmentId, environmentId),
      ),
    )
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** A flag's prerequisites, by the key of the flag needed. */
export async function prerequisitesOf(db: Executor, scope: Scope, flagId: string) {
  const rows = await db
    .select({ id: flagDependencies.id, flagKey: featureFlags.name, value: flagDependencies.requiredValue })
    .from(flagDependencies)
    .innerJoin(featureFlags, eq(featureFlags.id, flagDependencies.dependsOnFlagId))
    .where(and(eq(flagDependencies.workspaceId, scope.ctx.workspaceId), eq(flagDependencies.flagId, flagId)))
    .orderBy(asc(flagDependencies.createdAt), asc(flagDependencies.id));
  return rows.map((row) => ({
    id: row.id,
    flagKey: row.flagKey ?? '',
    value: (row.value ?? true) as FlagValue,
  }));
}

/** When each of the project's flags (by key) was last evaluated, in any environment. */
export async function lastEvaluations(
  db: Executor,
  scope: Scope,
  keys?: readonly string[],
): Promise<Map<string, Date>> {
  const conditions: SQL[] = [
    eq(flagEvaluationCounts.workspaceId, scope.ctx.workspaceId),
    eq(flagEvaluationCounts.projectId, projectOf(scope)),
  ];
  if (keys) conditions.push(keys.length > 0 ? inArray(flagEvaluationCounts.flagKey, [...keys]) : sql`false`);
  const rows = await db
    .select({ key: flagEvaluationCounts.flagKey, last: max(flagEvaluationCounts.lastEvaluatedAt) })
    .from(flagEvaluationCounts)
    .where(and(...conditions))
    .groupBy(flagEvaluationCounts.flagKey);
  return new Map(rows.flatMap((row) => (row.last ? [[row.key, new Date(row.last)] as const] : [])));
}

/** Where the code reads these flags, by key. */
export async function codeReferencesOf(db: Executor, scope: Scope, keys: readonly string[]) {
  if (keys.length === 0) return new Map<string, { path: string; line: number; excerpt: string | null }[]>();
  const rows = await db
    .select({
      key: flagCodeReferences.flagKey,
      path: flagCodeReferences.path,
      line: flagCodeReferences.line,
      excerpt: flagCodeReferences.excerpt,
    })
    .from(flagCodeReferences)
    .where(
      and(
        eq(flagCodeReferences.workspaceId, scope.ctx.workspaceId),
        eq(flagCodeReferences.projectId, projectOf(scope)),
        inArray(flagCodeReferences.flagKey, [...keys]),
      ),
    )
    .orderBy(asc(flagCodeReferences.path), asc(flagCodeReferences.line));
  const byKey = new Map<string, { path: string; line: number; excerpt: string | null }[]>();
  for (const { key, ...reference } of rows) byKey.set(key, [...(byKey.get(key) ?? []), reference]);
  return byKey;
}

export interface FlagPageQuery {
  limit: number;
  cursor?: string;
  q?: string;
  /** Only flags whose config in this environment is (or is not) enabled. */
  enabledIn?: { environmentId: string; enabled: boolean };
}

/** Flags are paged in key order, with the resource layer's cursors (a forged one answers 400). */
const byKey: SortKey[] = [{ field: 'name', column: featureFlags.name, descending: false }];

/** The cursor that continues after this flag, in key order. */
export function flagKeyCursor(flag: { id: string; name: string | null }): string {
  return encodeCursor(byKey, flag);
}

/** The condition "comes after the cursor's flag", in key order. */
export function afterFlagKeyCursor(cursor: string): SQL {
  return afterCursor(byKey, featureFlags.id, cursor);
}

/** A page of the project's flags in key order. */
export async function flagPage(db: Executor, scope: Scope, query: FlagPageQuery) {
  const conditions: (SQL | undefined)[] = [inProject(scope)];
  for (const word of (query.q ?? '').split(/\s+/).filter(Boolean).slice(0, 10)) {
    const pattern = `%${escapeLike(word)}%`;
    conditions.push(or(ilike(featureFlags.name, pattern), ilike(featureFlags.description, pattern)));
  }
  if (query.cursor) conditions.push(afterFlagKeyCursor(query.cursor));
  if (query.enabledIn) {
    const { environmentId, enabled } = query.enabledIn;
    conditions.push(
      sql`exists (select 1 from ${flagConfigs} where ${flagConfigs.flagId} = ${featureFlags.id} and ${flagConfigs.environmentId} = ${environmentId} and ${flagConfigs.enabled} = ${enabled})`,
    );
  }
  const rows = await db
    .select()
    .from(featureFlags)
    .where(and(...conditions))
    .orderBy(asc(featureFlags.name), asc(featureFlags.id))
    .limit(query.limit + 1);
  const hasMore = rows.length > query.limit;
  const data = hasMore ? rows.slice(0, query.limit) : rows;
  const last = data[data.length - 1];
  return { data, nextCursor: hasMore && last ? flagKeyCursor(last) : null };
}
