import { defineArea } from '../area.ts';
import { atLeast, daysBetween, everyRow, missingOf } from '../checks.ts';
import { field } from '../fields.ts';
import { planTable } from '../table.ts';

export const searchIndexes = planTable('search_indexes', {
  purpose: 'What is searchable, in which engine, and how the index stays in step with the data',
  fields: {
    name: field.name(),
    engine: field.enum(
      [
        'postgres-full-text',
        'elasticsearch',
        'opensearch',
        'meilisearch',
        'typesense',
        'algolia',
        'solr',
        'other',
      ],
      'Search engine',
      { required: true },
    ),
    source: field.label('Where the indexed records live (the source of truth)'),
    fields: field.list('Fields indexed'),
    sync: field.enum(
      ['same-transaction', 'change-data-capture', 'queue', 'periodic-reindex'],
      'How changes reach the index',
    ),
    maxStalenessSeconds: field.int('How far behind the data the index may be', 0, 604_800),
    permissionFiltered: field.flag('Whether results are filtered by what the searcher may see'),
    reindexProcedure: field.text('How the index is rebuilt from scratch without downtime'),
    lastReindexTestedAt: field.time('When a full rebuild was last run'),
  },
});

export const searchConfigurations = planTable('search_configurations', {
  purpose: 'How an index matches and ranks: language, ranking, synonyms, typos, facets',
  fields: {
    name: field.name(),
    searchIndexId: field.ref(() => searchIndexes, 'The index', { required: true }),
    language: field.label('Language for stemming and stop words'),
    ranking: field.text('How results are ordered (fields weighted, recency, popularity)'),
    synonyms: field.list('Synonym groups (e.g. "refund = chargeback reversal")'),
    typoTolerance: field.flag('Whether near misses still match'),
    facets: field.list('Fields results can be narrowed by'),
    maxResults: field.int('Most results one query returns', 1, 10_000),
  },
});

// Named apart from Shipshape's own search_analytics table, which lives in `public`.
export const planSearchAnalytics = planTable('search_analytics', {
  purpose: 'Measures of search quality, with their targets and latest values',
  fields: {
    name: field.name(),
    searchIndexId: field.ref(() => searchIndexes, 'The index measured'),
    metric: field.enum(
      ['zero-result-rate', 'click-through-rate', 'p95-latency-ms', 'queries-per-day', 'refinement-rate'],
      'What is measured',
      { required: true },
    ),
    direction: field.enum(['at-most', 'at-least'], 'Whether the target is a ceiling or a floor'),
    target: field.decimal('The value to stay within', 0, 1e12),
    currentValue: field.decimal('The last measured value', 0, 1e12),
    measuredAt: field.time('When it was last measured'),
  },
});

export const searchSuggestions = planTable('search_suggestions', {
  purpose: 'What is suggested while people type or when a search finds nothing',
  fields: {
    name: field.name(),
    searchIndexId: field.ref(() => searchIndexes, 'The index suggestions come from', { required: true }),
    kind: field.enum(['autocomplete', 'did-you-mean', 'popular-queries', 'related'], 'Kind of suggestion', {
      required: true,
    }),
    source: field.label('Where suggestions come from (indexed terms, past queries)'),
    minQueryLength: field.int('Characters typed before suggesting', 1, 50),
    maxSuggestions: field.int('Most suggestions shown', 1, 100),
    excludedTerms: field.list('Terms never suggested (offensive, confidential)'),
    permissionFiltered: field.flag('Whether suggestions leak nothing the person may not see'),
  },
});

export const searchArea = defineArea({
  number: 13,
  slug: 'search',
  key: 'search',
  title: 'Search',
  summary:
    'Search indexes and how they stay in sync, matching and ranking, quality measures and suggestions.',
  tables: { searchIndexes, searchConfigurations, searchAnalytics: planSearchAnalytics, searchSuggestions },
  checks: [
    {
      id: 'search.indexes-planned',
      level: 'bronze',
      title: 'Search indexes are planned',
      why: 'Search bolted on late becomes a LIKE query that times out once the data grows.',
      evaluate: ({ searchIndexes }) => atLeast(searchIndexes, 'search indexes'),
    },
    {
      id: 'search.indexes-specified',
      level: 'silver',
      title:
        'Every index has a source, a sync method, a staleness bound, a rebuild procedure and permission filtering',
      why: 'An index that drifts from its data, cannot be rebuilt, or shows what the searcher may not see is worse than none.',
      evaluate: ({ searchIndexes }) =>
        everyRow('search_indexes', searchIndexes, 'search indexes', (index) => {
          const problems = missingOf(index, {
            source: 'no source',
            sync: 'no sync method',
            maxStalenessSeconds: 'no staleness bound',
            reindexProcedure: 'no rebuild procedure',
          });
          if (index.permissionFiltered !== true) problems.push('results not filtered by permission');
          return problems;
        }),
    },
    {
      id: 'search.matching-configured',
      level: 'silver',
      title: 'Every index has a configuration with its language and ranking',
      why: 'Without the right language, stemming misses obvious matches; without ranking, the best result is on page three.',
      evaluate: ({ searchIndexes, searchConfigurations }) =>
        everyRow('search_indexes', searchIndexes, 'search indexes', (index) => {
          const configuration = searchConfigurations.find(
            (candidate) => candidate.searchIndexId === index.id,
          );
          if (!configuration) return 'no configuration';
          return missingOf(configuration, { language: 'no language', ranking: 'no ranking' });
        }),
    },
    {
      id: 'search.quality-measured',
      level: 'silver',
      title: 'Search quality is measured: a zero-result rate with a target, and every metric has a target',
      why: 'Searches that find nothing are silent failures; only a measured rate with a target reveals them.',
      evaluate: ({ searchAnalytics }) => {
        if (!searchAnalytics.some((metric) => metric.metric === 'zero-result-rate'))
          return atLeast([], 'zero-result rate metrics');
        return everyRow('search_analytics', searchAnalytics, 'search quality metrics', (metric) =>
          missingOf(metric, { direction: 'no direction', target: 'no target' }),
        );
      },
    },
    {
      id: 'search.suggestions-safe',
      level: 'silver',
      title: 'Every suggestion source is permission-filtered and excludes blocked terms',
      why: 'Autocomplete that completes a confidential name leaks it to anyone who types the first letters.',
      evaluate: ({ searchSuggestions }) =>
        everyRow('search_suggestions', searchSuggestions, 'suggestion sources', (suggestion) => {
          const problems = missingOf(suggestion, { excludedTerms: 'no excluded terms' });
          if (suggestion.permissionFiltered !== true) problems.push('not filtered by permission');
          return problems;
        }),
    },
    {
      id: 'search.quality-within-target',
      level: 'gold',
      title: 'Every search quality metric was measured within 30 days and meets its target',
      why: 'Relevance decays as content and queries change; recent measurements against targets catch it.',
      evaluate: ({ searchAnalytics }, { now }) =>
        everyRow('search_analytics', searchAnalytics, 'search quality metrics', (metric) => {
          const { target, currentValue } = metric;
          if (target === null) return 'no target';
          if (currentValue === null || !metric.measuredAt) return 'never measured';
          if (daysBetween(metric.measuredAt, now) > 30) return 'not measured in 30 days';
          const within = metric.direction === 'at-least' ? currentValue >= target : currentValue <= target;
          return within ? null : `at ${currentValue}, target ${target}`;
        }),
    },
    {
      id: 'search.rebuild-tested',
      level: 'gold',
      title: 'Every index was rebuilt from scratch within the last 90 days',
      why: 'Mapping changes and corruption need a full rebuild; one never tried takes hours longer than planned.',
      evaluate: ({ searchIndexes }, { now }) =>
        everyRow('search_indexes', searchIndexes, 'search indexes', (index) => {
          if (!index.lastReindexTestedAt) return 'never rebuilt';
          return daysBetween(index.lastReindexTestedAt, now) > 90 ? 'not rebuilt in 90 days' : null;
        }),
    },
  ],
});
