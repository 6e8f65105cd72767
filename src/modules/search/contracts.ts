import { z } from 'zod';
import { searchLanguages } from '../../core/search/schema.ts';

export const searchQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .describe('Words, "phrases", OR, -excluded; the last word also matches as a prefix'),
  type: z.string().max(500).optional().describe('Only these types (comma-separated), e.g. decision_log'),
  project: z.uuid().optional().describe('Only entities of this project'),
  status: z.string().max(100).optional().describe('Only entities with this status'),
  tag: z.string().max(64).optional().describe('Only entities with this tag'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Page size (default 20, at most 100)'),
  cursor: z.string().max(500).optional().describe('The nextCursor of the previous page'),
});

const facetCounts = z.record(z.string(), z.number().int());

export const searchAnswer = z
  .object({
    data: z.array(
      z.object({
        type: z.string().describe('The resource type'),
        id: z.uuid(),
        projectId: z.uuid().nullable(),
        title: z.string(),
        titleHighlight: z.string().describe('The title, HTML-escaped, matches in <mark>'),
        snippet: z.string().describe('Matching passages of the body, HTML-escaped, matches in <mark>'),
        status: z.string().nullable(),
        tags: z.array(z.string()),
        rank: z.number().describe('Relevance in [0, 1): title matches weigh most, then tags, then body'),
        path: z.string().describe('Where the API serves the entity'),
      }),
    ),
    total: z.number().int().describe('How many entities match, over all pages'),
    facets: z
      .object({ type: facetCounts, status: facetCounts, project: facetCounts, tag: facetCounts })
      .describe('Counts of all matches by type, status, project id and tag (the 20 most frequent)'),
    didYouMean: z
      .object({
        query: z.string().nullable().describe('The query with each word replaced by the closest known word'),
        suggestions: z.array(z.object({ kind: z.enum(['title', 'tag']), text: z.string() })),
      })
      .nullable()
      .describe('When nothing matches: close titles and tags'),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'SearchResults' });

export const suggestQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).describe('What has been typed so far'),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});

export const suggestAnswer = z
  .object({
    titles: z.array(
      z.object({ text: z.string(), type: z.string(), id: z.uuid(), projectId: z.uuid().nullable() }),
    ),
    tags: z.array(z.object({ text: z.string(), count: z.number().int() })),
  })
  .meta({ id: 'SearchSuggestions' });

export const analyticsQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional().describe('Start (default: 30 days ago)'),
  to: z.iso.datetime({ offset: true }).optional().describe('End, exclusive (default: now)'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Queries per list'),
});

const queryStats = z.object({
  query: z.string().describe('Normalised: trimmed, lowercased, single-spaced'),
  count: z.number().int(),
  lastSearchedAt: z.date(),
});

export const analyticsAnswer = z
  .object({
    from: z.date(),
    to: z.date(),
    searches: z.number().int(),
    zeroResultSearches: z.number().int(),
    latencyP95Ms: z.number().nullable(),
    topQueries: z.array(queryStats.extend({ averageResults: z.number() })),
    zeroResultQueries: z.array(queryStats),
  })
  .meta({ id: 'SearchAnalytics' });

export const settingsBody = z
  .strictObject({
    language: z
      .enum(searchLanguages)
      .describe('Text-search configuration: english (default) stems English words; simple only lowercases'),
  })
  .meta({ id: 'SearchSettings' });

export const reindexAnswer = z.object({ documents: z.number().int().describe('Documents written') });

export type SearchParameters = z.output<typeof searchQuery>;
export type AnalyticsQuery = z.output<typeof analyticsQuery>;
