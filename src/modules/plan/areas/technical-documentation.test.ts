import { describeCheckCases } from '../test-helpers.ts';
import { daysAgo, fixtureRow } from './fixture-support.ts';
import { technicalDocumentationFixture } from './technical-documentation.fixture.ts';

describeCheckCases('technical-documentation', {
  complete: technicalDocumentationFixture,
  failing: {
    'docs.sections-planned': (fixture) => {
      for (const table of Object.keys(fixture)) fixture[table] = [];
    },
    'docs.runbook-planned': (fixture) => {
      fixtureRow(fixture, 'documentation-sections', 1).kind = 'how-to';
      fixture['troubleshooting-guides'] = [];
    },
    'docs.sections-owned': (fixture) => {
      delete fixtureRow(fixture, 'documentation-sections', 1).owner;
    },
    'docs.examples-tested': (fixture) => {
      delete fixtureRow(fixture, 'code-examples').testedBy;
    },
    'docs.guides-resolve': (fixture) => {
      delete fixtureRow(fixture, 'troubleshooting-guides').resolution;
    },
    'docs.examples-pass': (fixture) => {
      fixtureRow(fixture, 'code-examples').lastRunStatus = 'failed';
    },
    'docs.published-sections-reviewed': (fixture) => {
      fixtureRow(fixture, 'documentation-sections', 0).lastReviewedAt = daysAgo(new Date(), 120);
    },
  },
});
