import { describeCheckCases } from '../test-helpers.ts';
import { daysAgo, fixtureRow } from './fixture-support.ts';
import { searchFixture } from './search.fixture.ts';

describeCheckCases('search', {
  complete: searchFixture,
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
      fixtureRow(fixture, 'search-indexes').lastReindexTestedAt = daysAgo(new Date(), 100);
    },
  },
});
