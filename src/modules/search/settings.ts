import { eq, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/auth/context.ts';
import { appendEvent } from '../../core/events/append.ts';
import { reindexWorkspace } from '../../core/search/indexer.ts';
import { type SearchLanguage, searchDocuments, searchSettings } from '../../core/search/schema.ts';
import type { Database } from '../../db/connection.ts';
import { languageOf } from './store.ts';

/**
 * Sets the workspace's text-search configuration. Every document of the workspace takes it in the
 * same transaction (its generated tsvector is recomputed), so search never mixes two languages.
 */
export async function saveLanguage(db: Database, ctx: RequestContext, language: SearchLanguage) {
  return db.transaction(async (tx) => {
    const before = await languageOf(tx, ctx.workspaceId);
    await tx
      .insert(searchSettings)
      .values({ workspaceId: ctx.workspaceId, language })
      .onConflictDoUpdate({ target: searchSettings.workspaceId, set: { language, updatedAt: sql`now()` } });
    if (before !== language) {
      await tx
        .update(searchDocuments)
        .set({ config: sql`${language}::regconfig` })
        .where(eq(searchDocuments.workspaceId, ctx.workspaceId));
      await appendEvent(tx, ctx, {
        eventType: 'search_settings.updated',
        aggregateType: 'search_settings',
        aggregateId: ctx.workspaceId,
        changes: { language: { before, after: language } },
      });
    }
    return { language };
  });
}

/** Rebuilds the workspace's index from the tables (after declarations changed or a bulk load), audited. */
export async function rebuildIndex(db: Database, ctx: RequestContext) {
  return db.transaction(async (tx) => {
    const documents = await reindexWorkspace(tx, ctx.workspaceId);
    // Fresh statistics for the planner: PGlite has no autovacuum to gather them after a large change.
    await tx.execute(sql`analyze search_documents`);
    await appendEvent(tx, ctx, {
      eventType: 'search_index.rebuilt',
      aggregateType: 'search_index',
      aggregateId: ctx.workspaceId,
      changes: {},
      data: { documents },
    });
    return { documents };
  });
}
