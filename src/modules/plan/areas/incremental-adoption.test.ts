import { describeCheckCases, type Fixture, fixtureRow } from '../check-cases.ts';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

function complete(): Fixture {
  return {
    'release-phases': [
      {
        ref: 'staff',
        values: {
          name: 'staff dogfood',
          sequence: 1,
          stage: 'internal',
          status: 'completed',
          audience: 'payments staff',
          rolloutPercentage: 100,
          entryCriteria: 'all must-haves merged',
          exitCriteria: 'two weeks without a sev-2',
          rollbackPlan: 'turn off the new-checkout flag',
          plannedEnd: inDays(-10),
          completedAt: daysAgo(12),
        },
      },
      {
        ref: 'beta',
        values: {
          name: 'merchant beta',
          sequence: 2,
          stage: 'beta',
          status: 'in-progress',
          audience: '50 volunteer merchants',
          entryCriteria: 'staff phase completed',
          exitCriteria: 'error rate under 0.1% for 30 days',
          rollbackPlan: 'move merchants back to the old checkout',
          plannedEnd: inDays(30),
        },
      },
    ],
    'feature-priorities': [
      {
        values: {
          name: 'card payments',
          priority: 'must-have',
          releasePhaseId: '@staff',
          owner: 'payments team',
        },
      },
      { values: { name: 'saved wallets', priority: 'could-have' } },
    ],
    'beta-programs': [
      {
        ref: 'merchants',
        values: {
          name: 'early merchants',
          releasePhaseId: '@beta',
          status: 'running',
          targetParticipants: 50,
          successCriteria: '40 merchants process a live payment',
          endDate: inDays(30),
        },
      },
    ],
    'feedback-collection-plans': [
      {
        values: {
          name: 'weekly merchant survey',
          betaProgramId: '@merchants',
          channel: 'in-app-survey',
          frequency: 'weekly',
          owner: 'product manager',
          lastCollectedAt: daysAgo(5),
        },
      },
    ],
  };
}

describeCheckCases('incremental-adoption', {
  complete,
  failing: {
    'adoption.release-phases-planned': (fixture) => {
      fixture['release-phases']?.pop();
      fixture['beta-programs'] = [];
      fixture['feedback-collection-plans'] = [];
    },
    'adoption.features-prioritised': (fixture) => {
      fixture['feature-priorities'] = [];
    },
    'adoption.phase-criteria': (fixture) => {
      delete fixtureRow(fixture, 'release-phases', 1).rollbackPlan;
    },
    'adoption.must-haves-scheduled': (fixture) => {
      fixtureRow(fixture, 'feature-priorities', 1).priority = 'must-have';
    },
    'adoption.feedback-for-every-beta': (fixture) => {
      delete fixtureRow(fixture, 'feedback-collection-plans').owner;
    },
    'adoption.feedback-collected': (fixture) => {
      fixtureRow(fixture, 'feedback-collection-plans').lastCollectedAt = daysAgo(45);
    },
    'adoption.phases-on-schedule': (fixture) => {
      fixtureRow(fixture, 'release-phases', 1).plannedEnd = inDays(-1);
    },
  },
});
