import { type SQL, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/auth/context.ts';
import { roleAllows } from '../../core/auth/permissions.ts';
import { AppError, invalidField } from '../../core/http/errors.ts';
import { declaredResources, type ResourceDefinition } from '../../core/resource/define.ts';
import { indexedFieldsOf } from '../../core/search/fields.ts';
import type { Database, Executor } from '../../db/connection.ts';
import { correctedQuery, plainWords, tsQuery } from './query.ts';
import { inList, languageOf, rowsOf } from './store.ts';

export interface SearchParameters {
  q: string;
  type?: string;
  project?: string;
  status?: string;
  tag?: string;
  limit: number;
  cursor?: string;
}

const startMark = '\u27e6';
const stopMark = '\u27e7';
const headlineOptions = `StartSel=${startMark}, StopSel=${stopMark}, MaxFragments=2, MaxWords=24, MinWords=8, FragmentDelimiter=" … "`;
const titleHeadlineOptions = `StartSel=${startMark}, StopSel=${stopMark}, HighlightAll=true`;
const snippetSourceLength = 20_000;
const maxTagFacets = 20;

/** Searchable resource types the caller may read. */
export function readableTypes(ctx: RequestContext): ResourceDefinition[] {
  return [...declaredResources().values()].filter(
    (definition) => indexedFieldsOf(definition) && roleAllows(ctx.actor.role, definition.permissions.read),
  );
}

/** The types to search: all readable ones, or those asked for (400 for unknown, 403 for unreadable). */
function typesFor(ctx: RequestContext, asked: string | undefined): ResourceDefinition[] {
  const readable = readableTypes(ctx);
  if (!asked) return readable;
  const searchable = [...declaredResources().values()].filter((definition) => indexedFieldsOf(definition));
  return asked.split(',').map((name) => {
    const definition = searchable.find((candidate) => candidate.name === name.trim());
    if (!definition)
      throw invalidField(
        'query.type',
        `unknown type ${name}; one of ${searchable.map((d) => d.name).join(', ')}`,
      );
    if (!readable.includes(definition))
      throw new AppError('forbidden', `The ${ctx.actor.role} role may not read ${definition.name}.`, {
        code: 'permission_denied',
      });
    return definition;
  });
}

/** HTML-escapes text and turns the headline marks into <mark> elements. */
function highlighted(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replaceAll(startMark, '<mark>')
    .replaceAll(stopMark, '</mark>');
}

function encodeCursor(rank: string, id: string): string {
  return Buffer.from(JSON.stringify([rank, id])).toString('base64url');
}

function decodeCursor(cursor: string): { rank: string; id: string } {
  try {
    const [rank, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, string];
    if (!/^[0-9.e+-]+$/i.test(rank) || !/^[0-9a-f-]{36}$/i.test(id)) throw new Error('shape');
    return { rank, id };
  } catch {
    throw invalidField('query.cursor', 'not a cursor this server issued');
  }
}

/** The path of an entity in the API. */
function pathOf(definition: ResourceDefinition, id: string, projectId: string | null): string {
  return definition.scope === 'project'
    ? `/api/v1/projects/${projectId}/${definition.path}/${id}`
    : `/api/v1/${definition.path}/${id}`;
}

type Facet = 'type' | 'status' | 'project' | 'tag';
type FacetRow = { facet: string; value: string; count: number | string };

interface Hit {
  entity_type: string;
  entity_id: string;
  project_id: string | null;
  title: string;
  status: string | null;
  tags: string[];
  rank: string;
  title_highlight: string;
  snippet: string;
}

/**
 * One ranked page across every searchable type the caller may read in their workspace, with
 * highlighted snippets, facets over all matches, and "did you mean" suggestions when nothing
 * matches.
 */
export async function search(db: Database, ctx: RequestContext, parameters: SearchParameters) {
  const types = typesFor(ctx, parameters.type);
  const config = await languageOf(db, ctx.workspaceId);
  const query = tsQuery(config, parameters.q);
  const filters: SQL[] = [sql`d.workspace_id = ${ctx.workspaceId}`, sql`d.document @@ q.query`];
  filters.push(
    types.length
      ? inList(
          sql`d.entity_type`,
          types.map((t) => t.name),
        )
      : sql`false`,
  );
  if (parameters.project) filters.push(sql`d.project_id = ${parameters.project}`);
  if (parameters.status) filters.push(sql`d.status = ${parameters.status}`);
  if (parameters.tag) filters.push(sql`d.tags @> array[${parameters.tag}]::text[]`);
  const where = sql.join(filters, sql` and `);
  const after = parameters.cursor ? decodeCursor(parameters.cursor) : null;
  const afterCondition = after
    ? sql`(m.rank < ${after.rank}::real or (m.rank = ${after.rank}::real and m.entity_id > ${after.id}::uuid))`
    : sql`true`;

  // One statement: the matches are found and ranked once, then paged and counted by facet. The
  // planner tends to scan the whole table for frequent words, where the GIN bitmap is about twice
  // as fast on a cached index (bench/RESULTS.md, ## search), so the index path is preferred here.
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('enable_seqscan', 'off', true)`);
    return rowsOf<Hit & { facets: FacetRow[] | null }>(
      tx,
      sql`with q as (select ${query} as query),
      matched as materialized (
        select d.entity_type, d.entity_id, d.project_id, d.status, d.tags,
          ts_rank_cd(d.document, q.query, 32) as rank
        from search_documents d, q where ${where}),
      page as (
        select * from matched m where ${afterCondition}
        order by m.rank desc, m.entity_id limit ${parameters.limit + 1}),
      facets as (select coalesce(json_agg(f), '[]') as facets from (
        select 'type'::text as facet, entity_type as value, count(*) as count from matched group by entity_type
        union all select 'status', status, count(*) from matched where status is not null group by status
        union all select 'project', project_id::text, count(*) from matched where project_id is not null group by project_id
        union all select * from (select 'tag'::text, tag, count(*) from matched, unnest(tags) as tag
          group by tag order by 3 desc, 2 limit ${maxTagFacets}) tags) f)
      select f.facets, p.entity_type, p.entity_id, p.project_id, d.title, p.status, p.tags, p.rank::text as rank,
        ts_headline(d.config, d.title, q.query, ${titleHeadlineOptions}) as title_highlight,
        ts_headline(d.config, left(d.body, ${snippetSourceLength}), q.query, ${headlineOptions}) as snippet
      from facets f cross join q
        left join page p on true
        left join search_documents d on d.entity_type = p.entity_type and d.entity_id = p.entity_id
      order by p.rank desc, p.entity_id`,
    );
  });
  const facetRows = rows[0]?.facets ?? [];
  const hits = rows.filter((row) => row.entity_id);
  const byName = new Map(types.map((definition) => [definition.name, definition]));
  const hasMore = hits.length > parameters.limit;
  const shown = hasMore ? hits.slice(0, parameters.limit) : hits;
  const facets = { type: {}, status: {}, project: {}, tag: {} } as Record<Facet, Record<string, number>>;
  for (const row of facetRows) {
    const group = facets[row.facet as Facet];
    if (group) group[row.value] = Number(row.count);
  }
  const total = Object.values(facets.type).reduce((sum, count) => sum + count, 0);
  const last = shown[shown.length - 1];
  return {
    data: shown.map((hit) => ({
      type: hit.entity_type,
      id: hit.entity_id,
      projectId: hit.project_id,
      title: hit.title,
      titleHighlight: highlighted(hit.title_highlight),
      snippet: highlighted(hit.snippet),
      status: hit.status,
      tags: hit.tags,
      rank: Number(hit.rank),
      path: pathOf(byName.get(hit.entity_type) as ResourceDefinition, hit.entity_id, hit.project_id),
    })),
    total,
    facets,
    didYouMean: total === 0 ? await didYouMean(db, ctx, types, parameters.q) : null,
    nextCursor: hasMore && last ? encodeCursor(last.rank, last.entity_id) : null,
  };
}

/**
 * Titles and tags close to what was typed (pg_trgm word similarity, through the trigram indexes),
 * and the query rewritten with their words.
 */
async function didYouMean(db: Database, ctx: RequestContext, types: ResourceDefinition[], q: string) {
  const words = plainWords(q);
  if (!words.length || !types.length) return null;
  const text = words.join(' ');
  const typeCondition = inList(
    sql`entity_type`,
    types.map((t) => t.name),
  );
  const suggestions = await db.transaction(async (tx: Executor) => {
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', '0.3', true)`);
    return rowsOf<{ kind: 'title' | 'tag'; text: string; score: number }>(
      tx,
      sql`select kind, text, score from (
        (select 'title'::text as kind, title as text, word_similarity(${text}, title) as score
          from search_documents where workspace_id = ${ctx.workspaceId} and ${typeCondition} and ${text} <% title
          order by score desc, title limit 5)
        union all
        (select 'tag'::text, tag, word_similarity(${text}, tag) as score
          from (select distinct unnest(tags) as tag from search_documents
            where workspace_id = ${ctx.workspaceId} and ${typeCondition} and ${text} <% tag_text) tags
          order by score desc, tag limit 5)) found
        order by score desc, text limit 5`,
    );
  });
  if (!suggestions.length) return null;
  return {
    query: correctedQuery(
      words,
      suggestions.map((suggestion) => suggestion.text),
    ),
    suggestions: suggestions.map(({ kind, text: suggestion }) => ({ kind, text: suggestion })),
  };
}
