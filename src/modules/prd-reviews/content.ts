import { AppError, notFound } from '../../core/errors/app-error.ts';
import type { Metrics } from '../../core/observability/metrics.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { getRow } from '../../core/resource/service.ts';
import { cached, renderMarkdown } from './cache.ts';
import { commentActivity, unresolvedComments } from './comment-store.ts';
import type { PageQuery } from './contracts.ts';
import { lintPrd } from './lint.ts';
import { prdResource } from './resource.ts';
import { diffFormat, diffRevisions, getRevision, listRevisions } from './revisions.ts';
import { prdById, settingsOf } from './store.ts';
import type { PrdRow } from './tables.ts';

/** A PRD by id alone, whatever its project. */
export async function findPrd(scope: Scope, id: string): Promise<PrdRow> {
  const row = await scope.db.read((db) => prdById(db, scope.ctx.workspaceId, id));
  if (!row) throw notFound('PRD', id);
  return row;
}

/** A page of the PRD's revisions, newest first, without their content. */
export async function revisionsOf(scope: Scope, id: string, page: PageQuery) {
  const { cursor, limit } = page;
  return scope.db.read(async (db) => {
    const prd = await getRow(db, prdResource, scope, id);
    // The cursor is the last revision number of the previous page.
    if (cursor !== undefined && !/^\d{1,7}$/.test(cursor)) {
      throw new AppError('validation_failed', 'cursor: not one this server issued', {
        errors: [{ path: 'query.cursor', message: 'not one this server issued' }],
      });
    }
    const revisions = await listRevisions(
      db,
      prd.id,
      limit,
      cursor === undefined ? undefined : Number(cursor),
    );
    return {
      data: revisions.data.map(({ content: _, ...summary }) => summary),
      nextCursor: revisions.nextCursor,
    };
  });
}

/** One revision of the PRD. */
export async function revisionOf(scope: Scope, id: string, number: number) {
  return scope.db.read(async (db) => {
    const prd = await getRow(db, prdResource, scope, id);
    return getRevision(db, prd.id, number);
  });
}

/** The diff of two revisions (the newer one by default the current one), cached. */
export async function diffOf(
  scope: Scope,
  metrics: Metrics,
  id: string,
  range: { from: number; to?: number },
) {
  return scope.db.transaction(async (tx) => {
    const prd = await getRow(tx, prdResource, scope, id);
    const { from } = range;
    const to = range.to ?? prd.currentRevision;
    const before = await getRevision(tx, prd.id, from);
    const after = await getRevision(tx, prd.id, to);
    const key = `prd:${prd.id}:diff:f${diffFormat}:r${from}:r${to}`;
    return cached(tx, metrics, { workspaceId: prd.workspaceId, prdId: prd.id, kind: 'diff', key }, () =>
      diffRevisions(before, after),
    );
  });
}

/** The PRD (or one revision of it) as sanitized HTML, cached. */
export async function htmlOf(scope: Scope, metrics: Metrics, id: string, revision?: number) {
  return scope.db.transaction(async (tx) => {
    const prd = await getRow(tx, prdResource, scope, id);
    const number = revision ?? prd.currentRevision;
    const key = `prd:${prd.id}:html:r${number}`;
    return cached(
      tx,
      metrics,
      { workspaceId: prd.workspaceId, prdId: prd.id, kind: 'html', key },
      async () => {
        const { content } = await getRevision(tx, prd.id, number);
        return { revision: number, html: renderMarkdown(content) };
      },
    );
  });
}

/**
 * What the PRD lacks, cached under everything the answer depends on: the PRD's version, its
 * comments and the project's review rules.
 */
export async function lintOf(scope: Scope, metrics: Metrics, id: string) {
  return scope.db.transaction(async (tx) => {
    const prd = await getRow(tx, prdResource, scope, id);
    const settings = await settingsOf(tx, prd.projectId);
    const comments = await commentActivity(tx, prd.id);
    const key = [
      `prd:${prd.id}:lint:v${prd.version}`,
      `c${comments.total}-${comments.latest?.getTime() ?? 0}`,
      `s${settings.updatedAt?.getTime() ?? 0}`,
    ].join(':');
    return cached(
      tx,
      metrics,
      { workspaceId: prd.workspaceId, prdId: prd.id, kind: 'lint', key },
      async () => {
        const problems = lintPrd(prd.content, {
          requiredSections: settings.requiredSections,
          unresolvedComments: await unresolvedComments(tx, prd.id),
        });
        return { revision: prd.currentRevision, clean: problems.length === 0, problems };
      },
    );
  });
}
