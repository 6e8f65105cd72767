import { sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/auth/context.ts';
import { escapeLike } from '../../core/resource/filters.ts';
import type { Database } from '../../db/connection.ts';
import { readableTypes } from './service.ts';
import { inList, rowsOf } from './store.ts';

const sampleSize = 500;

/**
 * Autocomplete: titles with a word starting with what was typed (titles starting with it first),
 * and the most used tags starting with it (counted over up to 500 matching documents). Both go
 * through the trigram indexes.
 */
export async function suggest(db: Database, ctx: RequestContext, q: string, limit: number) {
  const types = readableTypes(ctx).map((definition) => definition.name);
  const typed = q.trim().toLowerCase();
  if (!typed || !types.length) return { titles: [], tags: [] };
  const prefix = `${escapeLike(typed)}%`;
  const wordPrefix = `% ${escapeLike(typed)}%`;
  const scope = sql`workspace_id = ${ctx.workspaceId} and ${inList(sql`entity_type`, types)}`;
  // Both lists come from a bounded sample of matching documents, so a frequent prefix costs no
  // more than a rare one; the sample is then ordered (titles starting with the text first).
  const titles = await rowsOf<{
    title: string;
    entity_type: string;
    entity_id: string;
    project_id: string | null;
  }>(
    db,
    sql`select title, entity_type, entity_id, project_id from (
        select title, entity_type, entity_id, project_id from search_documents
        where ${scope} and (title ilike ${prefix} or title ilike ${wordPrefix}) limit ${sampleSize}) sample
      order by (title ilike ${prefix}) desc, length(title), title limit ${limit}`,
  );
  const tags = await rowsOf<{ tag: string; count: number | string }>(
    db,
    sql`select tag, count(*) as count from (
        select tags from search_documents where ${scope} and tag_text ilike ${`%${escapeLike(typed)}%`}
        limit ${sampleSize}) sample, unnest(tags) as tag
      where tag ilike ${prefix} group by tag order by count(*) desc, tag limit ${limit}`,
  );
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
