import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { searchDocuments, searchSettings } from './schema.ts';

const tokenPattern = /"[^"]*"?|\S+/g;

/** The words and operators of what a person typed (`"a phrase"` stays one token). */
export function queryTokens(q: string): string[] {
  return q.match(tokenPattern) ?? [];
}

/**
 * The tsquery for what a person typed, websearch style (words, "phrases", OR, -exclusion), with
 * the last word also matching as a prefix while they are still typing it ("retry pol" finds
 * "retry policy"). The prefix word is reduced to letters and digits, so nothing of the user's
 * text reaches to_tsquery's own syntax. `config` is the text-search configuration (a name or an
 * expression giving one).
 */
export function tsQuery(config: string | SQL, q: string): SQL {
  const tokens = queryTokens(q);
  const last = tokens[tokens.length - 1] ?? '';
  const beforeLast = tokens[tokens.length - 2] ?? '';
  const parts = last.match(/[\p{L}\p{N}]+/gu) ?? [];
  const prefixable =
    parts.length === 1 &&
    !last.startsWith('"') &&
    !last.startsWith('-') &&
    !/^or$/i.test(last) &&
    !/^or$/i.test(beforeLast);
  const configuration = typeof config === 'string' ? sql`${config}::regconfig` : config;
  if (!prefixable) return sql`websearch_to_tsquery(${configuration}, ${q})`;
  const rest = tokens.slice(0, -1).join(' ');
  return sql`(websearch_to_tsquery(${configuration}, ${rest}) && to_tsquery(${configuration}, ${`${parts[0]}:*`}))`;
}

/** The workspace's text-search configuration (english until someone chooses another). */
export function workspaceLanguage(workspaceId: string): SQL {
  return sql`coalesce((select ${searchSettings.language} from ${searchSettings} where ${searchSettings.workspaceId} = ${workspaceId}), 'english')::regconfig`;
}

/**
 * `q=` on a list: the rows of one entity type whose search document matches the query, with the
 * same syntax and over the same fields as /search. The documents are kept in each write's own
 * transaction, so a list never disagrees with the rows it filters.
 */
export function matchesSearch(entity: { name: string; id: PgColumn }, workspaceId: string, q: string): SQL {
  return sql`${entity.id} in (select ${searchDocuments.entityId} from ${searchDocuments}
    where ${searchDocuments.workspaceId} = ${workspaceId} and ${searchDocuments.entityType} = ${entity.name}
      and ${searchDocuments.document} @@ ${tsQuery(workspaceLanguage(workspaceId), q)})`;
}
