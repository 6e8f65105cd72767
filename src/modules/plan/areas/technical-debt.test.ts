import { describeCheckCases, type Fixture, fixtureRow } from '../check-cases.ts';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

function complete(): Fixture {
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
          targetDate: inDays(60),
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
          dueDate: inDays(45),
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
      { values: { name: 'old logging helper', severity: 'low', status: 'paid', dueDate: inDays(-20) } },
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
          measuredAt: daysAgo(2),
        },
      },
    ],
  };
}

describeCheckCases('technical-debt', {
  complete,
  failing: {
    'debt.items-recorded': (fixture) => {
      fixture['technical-debt-items'] = [];
    },
    'debt.open-items-described': (fixture) => {
      delete fixtureRow(fixture, 'technical-debt-items', 1).owner;
    },
    'debt.urgent-items-scheduled': (fixture) => {
      fixtureRow(fixture, 'technical-debt-items', 1).severity = 'critical';
    },
    'debt.metrics-with-targets': (fixture) => {
      fixture['debt-metrics'] = [];
    },
    'debt.metrics-within-target': (fixture) => {
      fixtureRow(fixture, 'debt-metrics').currentValue = 9;
    },
    'debt.no-overdue-items': (fixture) => {
      fixtureRow(fixture, 'technical-debt-items', 0).dueDate = inDays(-1);
    },
  },
});
