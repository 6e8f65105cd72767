import type { AreaImport } from '../contracts.ts';
import { daysAgo } from './fixture-support.ts';

/**
 * The complete plan of the Code review automation area: every check passes. The area's test starts from it,
 * and the demo seed can too.
 */
export function codeReviewAutomationFixture(now = new Date()): AreaImport {
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
          lastRunAt: daysAgo(now, 1),
          lastTestRunAt: daysAgo(now, 1),
          maxFlakyRate: 5,
          flakyRate: 1.5,
          requireReviewer: true,
          maxPickupHours: 24,
          unreviewedMerged: 0,
          pickupHours: 3.5,
          deliveryCheckedAt: daysAgo(now, 1),
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
