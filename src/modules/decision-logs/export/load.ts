import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/connection.ts';
import type { DecisionStatus } from '../contracts.ts';
import { membersAmong } from '../store.ts';
import { decisionLogs } from '../tables.ts';
import type { ExportedDecision } from './madr.ts';

export const maxExported = 5000;

/** Decisions of the workspace for export, in number order, with their QA members' emails. */
export async function loadForExport(
  db: Executor,
  workspaceId: string,
  options: { ids?: string[]; projectId?: string; status?: DecisionStatus },
): Promise<ExportedDecision[]> {
  const conditions: SQL[] = [eq(decisionLogs.workspaceId, workspaceId)];
  if (options.ids) conditions.push(inArray(decisionLogs.id, options.ids));
  if (options.projectId) conditions.push(eq(decisionLogs.projectId, options.projectId));
  if (options.status) conditions.push(eq(decisionLogs.status, options.status));
  const rows = await db
    .select()
    .from(decisionLogs)
    .where(and(...conditions))
    .orderBy(asc(decisionLogs.number))
    .limit(maxExported);
  const qaIds = [...new Set(rows.flatMap((row) => row.involvedQa))];
  const emails = new Map(
    (await membersAmong(db, workspaceId, qaIds)).map((member) => [member.userId, member.email]),
  );
  return rows.map((row) => ({
    ...row,
    impactRiskLevel: row.impactRiskLevel ?? null,
    qaEmails: row.involvedQa.flatMap((id) => emails.get(id) ?? []),
  }));
}
