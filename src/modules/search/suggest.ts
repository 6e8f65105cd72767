import type { Scope } from '../../core/resource/scope.ts';
import { tagsStartingWith, titlesStartingWith } from './documents-store.ts';
import { readableTypes } from './service.ts';

/**
 * Autocomplete: titles with a word starting with what was typed (titles starting with it first),
 * and the most used tags starting with it (counted over up to 500 matching documents). Both go
 * through the trigram indexes.
 */
export async function suggest(scope: Scope, q: string, limit: number) {
  const types = readableTypes(scope).map((definition) => definition.name);
  const typed = q.trim().toLowerCase();
  if (!typed || !types.length) return { titles: [], tags: [] };
  const { workspaceId } = scope.ctx;
  const { titles, tags } = await scope.db.read(async (db) => ({
    titles: await titlesStartingWith(db, workspaceId, types, typed, limit),
    tags: await tagsStartingWith(db, workspaceId, types, typed, limit),
  }));
  return {
    titles: titles.map((row) => ({
      text: row.title,
      type: row.entity_type,
      id: row.entity_id,
      projectId: row.project_id,
    })),
    tags: tags.map((row) => ({ text: row.tag, count: Number(row.count) })),
  };
}
