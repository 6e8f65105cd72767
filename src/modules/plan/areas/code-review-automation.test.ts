import { describeCheckCases, type Fixture, fixtureRow } from '../check-cases.ts';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

function complete(): Fixture {
  return {
    'code-review-checklists': [
      {
        ref: 'api',
        values: {
          name: 'API changes',
          scope: 'api',
          items: ['contract diffed', 'errors documented'],
          owner: 'platform',
        },
      },
    ],
    'quality-gates': [
      {
        ref: 'ci',
        values: {
          name: 'CI',
          stage: 'pre-merge',
          command: 'npm test',
          threshold: 'all tests pass, 0 lint errors',
          lastResult: 'passed',
          lastRunAt: daysAgo(1),
        },
      },
    ],
    'pre-commit-hooks': [
      {
        ref: 'fmt',
        values: { name: 'format', tool: 'biome', command: 'biome check --write', autoFix: true },
      },
    ],
    'review-findings': [
      {
        ref: 'f1',
        values: { name: 'unused import', gateId: '@ci', severity: 'minor', disposition: 'warns' },
      },
      {
        values: {
          name: 'SQL injection',
          gateId: '@ci',
          severity: 'critical',
          disposition: 'blocks',
          status: 'fixed',
        },
      },
    ],
    'auto-fix-history': [
      {
        values: {
          name: 'removed unused import',
          findingId: '@f1',
          hookId: '@fmt',
          tool: 'biome',
          outcome: 'applied',
        },
      },
    ],
  };
}

describeCheckCases('code-review-automation', {
  complete,
  failing: {
    'review.gates-and-checklists-planned': (fixture) => {
      fixture['code-review-checklists'] = [];
      for (const finding of fixture['review-findings'] ?? []) delete finding.values.checklistId;
    },
    'review.checklists-have-items-and-owner': (fixture) => {
      fixtureRow(fixture, 'code-review-checklists').items = [];
    },
    'review.gates-specified': (fixture) => {
      fixtureRow(fixture, 'quality-gates').blocking = false;
    },
    'review.gates-passing': (fixture) => {
      fixtureRow(fixture, 'quality-gates').lastResult = 'failed';
    },
    'review.no-open-blocking-findings': (fixture) => {
      fixtureRow(fixture, 'review-findings', 1).status = 'open';
    },
  },
});
