import { describeCheckCases, type Fixture, fixtureRow } from '../check-cases.ts';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

function complete(): Fixture {
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
          lastReindexTestedAt: daysAgo(30),
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
          measuredAt: daysAgo(3),
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

describeCheckCases('search', {
  complete,
  failing: {
    'search.indexes-planned': (fixture) => {
      for (const table of Object.keys(fixture)) fixture[table] = [];
    },
    'search.indexes-specified': (fixture) => {
      fixtureRow(fixture, 'search-indexes').permissionFiltered = false;
    },
    'search.matching-configured': (fixture) => {
      delete fixtureRow(fixture, 'search-configurations').language;
    },
    'search.quality-measured': (fixture) => {
      fixtureRow(fixture, 'search-analytics').metric = 'click-through-rate';
    },
    'search.suggestions-safe': (fixture) => {
      fixtureRow(fixture, 'search-suggestions').permissionFiltered = false;
    },
    'search.quality-within-target': (fixture) => {
      fixtureRow(fixture, 'search-analytics').currentValue = 12;
    },
    'search.rebuild-tested': (fixture) => {
      fixtureRow(fixture, 'search-indexes').lastReindexTestedAt = daysAgo(100);
    },
  },
});
