import type { AreaImport } from '../contracts.ts';
import { daysAgo, inDays } from './fixture-support.ts';

/**
 * The complete plan of the Technical debt area: every check passes. The area's test starts from it,
 * and the demo seed can too.
 */
export function technicalDebtFixture(now = new Date()): AreaImport {
  return {
    'debt-categories': [
      { ref: 'deps', values: { name: 'dependencies', kind: 'dependency', owner: 'platform team' } },
      { ref: 'tests', values: { name: 'missing tests', kind: 'test' } },
    ],
    'debt-payment-plans': [
      {
        ref: 'q1',
        values: {
          name: 'Q1 upgrade budget',
          strategy: 'capacity-allocation',
          capacityPercent: 20,
          status: 'active',
          targetDate: inDays(now, 60),
        },
      },
    ],
    'technical-debt-items': [
      {
        values: {
          name: 'legacy card tokeniser',
          categoryId: '@deps',
          severity: 'high',
          status: 'scheduled',
          interest: 'blocks the PCI upgrade',
          location: 'src/payments/tokeniser',
          owner: 'payments team',
          paymentPlanId: '@q1',
          dueDate: inDays(now, 45),
        },
      },
      {
        values: {
          name: 'untested refunds path',
          categoryId: '@tests',
          severity: 'medium',
          interest: 'refund bugs reach production',
          location: 'src/refunds',
          owner: 'payments team',
        },
      },
      { values: { name: 'old logging helper', severity: 'low', status: 'paid', dueDate: inDays(now, -20) } },
    ],
    'debt-metrics': [
      {
        values: {
          name: 'outdated major dependencies',
          categoryId: '@deps',
          source: 'npm outdated in CI',
          direction: 'at-most',
          target: 5,
          currentValue: 3,
          measuredAt: daysAgo(now, 2),
        },
      },
    ],
  };
}
