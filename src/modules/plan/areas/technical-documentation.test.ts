import { describeCheckCases, type Fixture, fixtureRow } from '../check-cases.ts';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

function complete(): Fixture {
  return {
    'documentation-sections': [
      {
        ref: 'api',
        values: {
          name: 'Payments API reference',
          audience: 'developers',
          kind: 'reference',
          status: 'published',
          location: 'docs/api.md',
          owner: 'payments team',
          reviewIntervalDays: 90,
          lastReviewedAt: daysAgo(20),
        },
      },
      {
        ref: 'oncall',
        values: {
          name: 'On-call runbook',
          audience: 'operators',
          kind: 'runbook',
          status: 'draft',
          location: 'docs/runbook.md',
          owner: 'platform team',
          reviewIntervalDays: 30,
        },
      },
    ],
    'diagram-definitions': [
      {
        values: {
          name: 'payment data model',
          sectionId: '@api',
          kind: 'entity-relationship',
          format: 'mermaid',
          generatedFrom: 'the database schema',
        },
      },
    ],
    'code-examples': [
      {
        values: {
          name: 'create a payment',
          sectionId: '@api',
          language: 'shell',
          code: 'curl -X POST /api/v1/payments',
          testedBy: 'test/docs-examples.test.ts',
          lastRunAt: daysAgo(1),
          lastRunStatus: 'passed',
        },
      },
    ],
    'troubleshooting-guides': [
      {
        values: {
          name: 'card declines spike',
          sectionId: '@oncall',
          symptom: 'decline rate alert fires',
          cause: 'the acquirer degraded',
          resolution: 'fail over to the secondary acquirer',
        },
      },
    ],
  };
}

describeCheckCases('technical-documentation', {
  complete,
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
      fixtureRow(fixture, 'documentation-sections', 0).lastReviewedAt = daysAgo(120);
    },
  },
});
