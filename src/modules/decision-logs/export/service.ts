import { strToU8, zipSync } from 'fflate';
import type { Download } from '../../../core/http/download.ts';
import type { Scope } from '../../../core/resource/scope.ts';
import { getRow } from '../../../core/resource/service.ts';
import type { DecisionStatus } from '../contracts.ts';
import { decisionResource } from '../resource.ts';
import { decisionsByIds } from '../store.ts';
import { renderCsv } from './csv.ts';
import { loadForExport } from './load.ts';
import { fileNameOf, namerFor, renderMadr } from './madr.ts';

/**
 * The workspace's decisions (optionally of one project or status) as a zip of numbered MADR files
 * that import reads back, or as CSV.
 */
export async function exportDecisions(
  scope: Scope,
  query: { format: 'zip' | 'csv'; project?: string; status?: DecisionStatus },
): Promise<Download> {
  const { workspaceId } = scope.ctx;
  return scope.db.transaction(async (tx) => {
    const decisions = await loadForExport(tx, workspaceId, {
      projectId: query.project,
      status: query.status,
    });
    // A filtered export still names the decisions its decisions link to: by reference alone,
    // since their files are not in it.
    const exported = new Set(decisions.map((decision) => decision.id));
    const outside = decisions
      .flatMap((decision) => [
        ...(decision.supersededBy ? [decision.supersededBy] : []),
        ...decision.supersedes,
      ])
      .filter((id) => !exported.has(id));
    const inside = namerFor(decisions, true);
    const linked = namerFor(await decisionsByIds(tx, workspaceId, [...new Set(outside)]), false);
    const name = (id: string) => (exported.has(id) ? inside(id) : linked(id));
    if (query.format === 'csv') {
      return {
        contentType: 'text/csv; charset=utf-8',
        fileName: 'decisions.csv',
        body: renderCsv(decisions, (id) => name(id).reference),
      };
    }
    const files: Record<string, Uint8Array> = {};
    for (const decision of decisions) {
      files[fileNameOf(decision.number, decision.title)] = strToU8(renderMadr(decision, name));
    }
    return {
      contentType: 'application/zip',
      fileName: 'decisions.zip',
      body: Buffer.from(zipSync(files, { level: 6 })),
    };
  });
}

/** One decision as MADR Markdown. */
export async function exportDecision(scope: Scope, id: string): Promise<Download> {
  return scope.db.transaction(async (tx) => {
    await getRow(tx, decisionResource, scope, id);
    const [decision] = await loadForExport(tx, scope.ctx.workspaceId, { ids: [id] });
    if (!decision) throw new Error('decision vanished between two reads');
    const linked = await decisionsByIds(tx, scope.ctx.workspaceId, [
      ...(decision.supersededBy ? [decision.supersededBy] : []),
      ...decision.supersedes,
    ]);
    return {
      contentType: 'text/markdown; charset=utf-8',
      fileName: fileNameOf(decision.number, decision.title),
      body: renderMadr(decision, namerFor(linked, true)),
    };
  });
}
