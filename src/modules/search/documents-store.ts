import { type SQL, sql } from 'drizzle-orm';
import { escapeLike } from '../../core/resource/filters.ts';
import type { Executor, Transaction } from '../../db/connection.ts';

// The queries over the search index (search_documents) that search and autocomplete run.

const startMark = '\u27e6';
const stopMark = '\u27e7';
/** What surrounds a match in the highlights the database writes. */
export const highlightMarks = { start: startMark, stop: stopMark };
const headlineOptions = `StartSel=${startMark}, StopSel=${stopMark}, MaxFragments=2, MaxWords=24, MinWords=8, FragmentDelimiter=" … "`;
const titleHeadlineOptions = `StartSel=${startMark}, StopSel=${stopMark}, HighlightAll=true`;
const snippetSourceLength = 20_000;
const maxTagFacets = 20;
const suggestionSampleSize = 500;

/** What a search asks of the index. */
export interface MatchRequest {
  workspaceId: string;
  /** The entity types to search; none matches nothing. */
  types: readonly string[];
  query: SQL;
  project?: string;
  status?: string;
  tag?: string;
  /** The rank and id of the last entity of the previous page. */
  after: { rank: string; id: string } | null;
  limit: number;
}

export type Facet = 'type' | 'status' | 'project' | 'tag';
export type FacetRow = { facet: Facet; value: string; count: number | string };

/** One entity of a page of matches. */
export type Hit = {
  entity_type: string;
  entity_id: string;
  project_id: string | null;
  title: string;
  status: string | null;
  tags: string[];
  /** The rank as text, exactly as the cursor must repeat it. */
  rank: string;
  title_highlight: string;
  snippet: string;
};

/** A row of the statement: an entity of the page, or only the facets when the page is empty. */
type MatchRow = { facets: FacetRow[] | null } & (Hit | { [Field in keyof Hit]: null });

/** The filters a search adds to the full-text match (which `shipshape_search_matches` does). */
function filterConditions(request: MatchRequest): SQL {
  const filters: SQL[] = [sql`true`];
  if (request.project) filters.push(sql`m.project_id = ${request.project}`);
  if (request.status) filters.push(sql`m.status = ${request.status}`);
  if (request.tag) filters.push(sql`m.tags @> array[${request.tag}]::text[]`);
  return sql.join(filters, sql` and `);
}

/** A text[] of the types; an empty one matches nothing. */
function typeArray(types: readonly string[]): SQL {
  if (!types.length) return sql`'{}'::text[]`;
  return sql`array[${sql.join(
    types.map((type) => sql`${type}`),
    sql`, `,
  )}]::text[]`;
}

/**
 * One page of matches (one more than the limit, to tell whether more follow), each with its
 * highlighted title and snippet, and the facets of all matches.
 */
export async function rankedMatches(
  tx: Transaction,
  request: MatchRequest,
): Promise<{ hits: Hit[]; facets: FacetRow[] }> {
  const { after } = request;
  const afterCondition = after
    ? sql`(m.rank < ${after.rank}::real or (m.rank = ${after.rank}::real and m.entity_id > ${after.id}::uuid))`
    : sql`true`;
  // One statement: the matches are found and ranked once, then paged and counted by facet. The
  // planner tends to scan the whole table for frequent words, where the GIN bitmap is about twice
  // as fast on a cached index (bench/RESULTS.md, ## search), so the index path is preferred for
  // the rest of the transaction.
  await tx.execute(sql`select set_config('enable_seqscan', 'off', true)`);
  const result = await tx.execute<MatchRow>(
    sql`with q as (select ${request.query} as query),
    matched as materialized (
      select m.entity_type, m.entity_id, m.project_id, m.status, m.tags, m.rank
      from q, shipshape_search_matches(${request.workspaceId}::uuid, q.query, ${typeArray(request.types)}) m
      where ${filterConditions(request)}),
    page as (
      select * from matched m where ${afterCondition}
      order by m.rank desc, m.entity_id limit ${request.limit + 1}),
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
  const rows = result.rows;
  const hits = rows.filter((row): row is MatchRow & Hit => row.entity_id !== null);
  return { hits, facets: rows[0]?.facets ?? [] };
}

/**
 * Up to five titles and tags of the given types close to `text` (pg_trgm word similarity, through
 * the trigram indexes), closest first.
 */
export async function closeTitlesAndTags(
  tx: Transaction,
  workspaceId: string,
  types: readonly string[],
  text: string,
) {
  await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', '0.3', true)`);
  const result = await tx.execute<{ kind: 'title' | 'tag'; text: string; score: number }>(
    sql`select kind, text, score
      from shipshape_close_titles_and_tags(${workspaceId}::uuid, ${typeArray(types)}, ${text})`,
  );
  return result.rows;
}

type TitleRow = { title: string; entity_type: string; entity_id: string; project_id: string | null };

/**
 * Titles with a word starting with `typed` (titles starting with it first). They come from a
 * bounded sample of matching documents, so a frequent prefix costs no more than a rare one.
 */
export async function titlesStartingWith(
  db: Executor,
  workspaceId: string,
  types: readonly string[],
  typed: string,
  limit: number,
) {
  const prefix = `${escapeLike(typed)}%`;
  const wordPrefix = `% ${escapeLike(typed)}%`;
  const result = await db.execute<TitleRow>(
    sql`select title, entity_type, entity_id, project_id
      from shipshape_titles_like(${workspaceId}::uuid, ${typeArray(types)}, ${prefix}, ${wordPrefix},
        ${suggestionSampleSize}) sample
      order by (title ilike ${prefix}) desc, length(title), title limit ${limit}`,
  );
  return result.rows;
}

/** The most used tags starting with `typed`, counted over a bounded sample of matching documents. */
export async function tagsStartingWith(
  db: Executor,
  workspaceId: string,
  types: readonly string[],
  typed: string,
  limit: number,
) {
  const prefix = `${escapeLike(typed)}%`;
  const result = await db.execute<{ tag: string; count: number | string }>(
    sql`select tag, count(*) as count
      from shipshape_tags_like(${workspaceId}::uuid, ${typeArray(types)}, ${`%${escapeLike(typed)}%`},
        ${suggestionSampleSize}) sample, unnest(sample.tags) as tag
      where tag ilike ${prefix} group by tag order by count(*) desc, tag limit ${limit}`,
  );
  return result.rows;
}
