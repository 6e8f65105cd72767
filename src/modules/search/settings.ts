import { sql } from 'drizzle-orm';
import { appendEvent } from '../../core/events/append.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { reindexWorkspace } from '../../core/search/indexer.ts';
import type { SearchLanguage } from '../../core/search/schema.ts';
import { languageOf, setDocumentsLanguage, storeLanguage } from './store.ts';

/** The workspace's search settings. */
export async function searchSettingsOf(scope: Scope): Promise<{ language: SearchLanguage }> {
  return { language: await scope.db.read((db) => languageOf(db, scope.ctx.workspaceId)) };
}

/**
 * Sets the workspace's text-search configuration. Every document of the workspace takes it in the
 * same transaction (its generated tsvector is recomputed), so search never mixes two languages.
 */
export async function saveLanguage(scope: Scope, language: SearchLanguage) {
  const { workspaceId } = scope.ctx;
  return scope.db.transaction(async (tx) => {
    const before = await languageOf(tx, workspaceId);
    await storeLanguage(tx, workspaceId, language);
    if (before !== language) {
      await setDocumentsLanguage(tx, workspaceId, language);
      await appendEvent(tx, scope, {
        eventType: 'search_settings.updated',
        aggregateType: 'search_settings',
        aggregateId: workspaceId,
        changes: { language: { before, after: language } },
      });
    }
    return { language };
  });
}

/** Rebuilds the workspace's index from the tables (after declarations changed or a bulk load), audited. */
export async function rebuildIndex(scope: Scope) {
  const { workspaceId } = scope.ctx;
  const documents = await scope.db.transaction(async (tx) => {
    const written = await reindexWorkspace(tx, workspaceId, scope.app.resources.all());
    await appendEvent(tx, scope, {
      eventType: 'search_index.rebuilt',
      aggregateType: 'search_index',
      aggregateId: workspaceId,
      changes: {},
      data: { documents: written },
    });
    return written;
  });
  // Fresh statistics for the planner: PGlite has no autovacuum to gather them after a large change.
  // Only the table's owner may gather them, not the workspace-bound role, and they describe the
  // whole table rather than one workspace's rows.
  await scope.app.systemDatabase.db.execute(sql`analyze search_documents`);
  return { documents };
}
