import type { AreaImport } from '../contracts.ts';
import { daysAgo } from './fixture-support.ts';

/**
 * The complete plan of the Search area: every check passes. The area's test starts from it,
 * and the demo seed can too.
 */
export function searchFixture(now = new Date()): AreaImport {
  return {
    'search-indexes': [
      {
        ref: 'payments',
        values: {
          name: 'payments lookup',
          engine: 'postgres-full-text',
          source: 'payments table',
          fields: ['reference', 'customer email', 'amount'],
          sync: 'same-transaction',
          maxStalenessSeconds: 0,
          permissionFiltered: true,
          reindexProcedure: 'rebuild the tsvector column in batches of 10 000 rows',
          lastReindexTestedAt: daysAgo(now, 30),
        },
      },
    ],
    'search-configurations': [
      {
        values: {
          name: 'english, reference first',
          searchIndexId: '@payments',
          language: 'english',
          ranking: 'exact reference match, then recency',
          typoTolerance: false,
        },
      },
    ],
    'search-analytics': [
      {
        values: {
          name: 'zero results',
          searchIndexId: '@payments',
          metric: 'zero-result-rate',
          direction: 'at-most',
          target: 5,
          currentValue: 2.5,
          measuredAt: daysAgo(now, 3),
        },
      },
    ],
    'search-suggestions': [
      {
        values: {
          name: 'merchant names',
          searchIndexId: '@payments',
          kind: 'autocomplete',
          excludedTerms: ['test merchant'],
          permissionFiltered: true,
        },
      },
    ],
  };
}
