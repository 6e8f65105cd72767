import { and, eq, getTableColumns, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { filterConditions } from '../../core/resource/filters.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { afterCursor, encodeCursor, orderBy, parseSort } from '../../core/resource/sorting.ts';
import type { Executor, Transaction } from '../../db/connection.ts';
import { migrationRisks } from '../plan/areas/database-migrations.ts';
import type { LintRunListQuery } from './resource.ts';
import { lintRunResource } from './resource.ts';
import { type LintSettingsRow, migrationLintRuns, migrationLintSettings } from './tables.ts';

// Queries the resource layer does not give: the one settings row of a project, pages of runs
// without their reports, the lint risks still open, and the lock that serialises a project's runs.

function projectOf(scope: Scope): string {
  if (!scope.projectId) throw new Error('a migration-safety route needs a project');
  return scope.projectId;
}

/** The project's lint settings row, if it has set any (locked for the transaction when asked). */
export async function settingsRow(
  db: Executor,
  scope: Scope,
  lock = false,
): Promise<LintSettingsRow | undefined> {
  const query = db
    .select()
    .from(migrationLintSettings)
    .where(
      and(
        eq(migrationLintSettings.workspaceId, scope.ctx.workspaceId),
        eq(migrationLintSettings.projectId, projectOf(scope)),
      ),
    )
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Every column of a run but its report: what a list shows. */
const { report: _report, ...summaryColumns } = getTableColumns(migrationLintRuns);

/** One page of a project's runs, filtered and sorted like every list, without their reports. */
export async function listRunSummaries(db: Executor, scope: Scope, query: LintRunListQuery) {
  const table = migrationLintRuns;
  const keys = parseSort(query.sort ?? lintRunResource.defaultSort, lintRunResource.sortable);
  const conditions: SQL[] = [
    eq(table.workspaceId, scope.ctx.workspaceId),
    eq(table.projectId, projectOf(scope)),
    ...filterConditions(lintRunResource.filters, query, scope.ctx),
  ];
  if (query.cursor) conditions.push(afterCursor(keys, table.id, query.cursor));
  const rows = await db
    .select(summaryColumns)
    .from(table)
    .where(and(...conditions))
    .orderBy(...orderBy(keys, table.id))
    .limit(query.limit + 1);
  const hasMore = rows.length > query.limit;
  const data = hasMore ? rows.slice(0, query.limit) : rows;
  const last = data[data.length - 1];
  return { data, nextCursor: hasMore && last ? encodeCursor(keys, last) : null };
}

/** Where a lint finding sits: the same rule on the same line of the same file is the same risk. */
export function findingKey(ruleId: string, file: string, line: number): string {
  return JSON.stringify([ruleId, file, line]);
}

/** The keys of the lint risks of a strategy (or of none) that nobody has resolved yet. */
export async function openLintRiskKeys(
  tx: Transaction,
  scope: Scope,
  strategyId: string | null,
): Promise<Set<string>> {
  const risks = migrationRisks;
  const rows = await tx
    .select({ ruleId: risks.ruleId, migrationFile: risks.migrationFile, line: risks.line })
    .from(risks)
    .where(
      and(
        eq(risks.workspaceId, scope.ctx.workspaceId),
        eq(risks.projectId, projectOf(scope)),
        strategyId ? eq(risks.strategyId, strategyId) : isNull(risks.strategyId),
        isNotNull(risks.ruleId),
        isNull(risks.resolvedAt),
      ),
    );
  return new Set(rows.map((row) => findingKey(row.ruleId ?? '', row.migrationFile ?? '', row.line ?? 0)));
}

/**
 * Serialises the lint runs of one project until the transaction ends, so that two runs posted at
 * once cannot both find a finding new and record it twice.
 */
export async function lockProjectRuns(tx: Transaction, scope: Scope): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`migration-lint:${projectOf(scope)}`}, 0))`,
  );
}
