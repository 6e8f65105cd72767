import type { AreaImport } from '../contracts.ts';
import { daysAgo, inDays } from './fixture-support.ts';

/**
 * The complete plan of the Incremental adoption area: every check passes. The area's test starts from it,
 * and the demo seed can too.
 */
export function incrementalAdoptionFixture(now = new Date()): AreaImport {
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
          plannedEnd: inDays(now, -10),
          completedAt: daysAgo(now, 12),
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
          plannedEnd: inDays(now, 30),
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
          endDate: inDays(now, 30),
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
          lastCollectedAt: daysAgo(now, 5),
        },
      },
    ],
  };
}
