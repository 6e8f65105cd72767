import { describeCheckCases } from '../test-helpers.ts';
import { fixtureRow, inDays } from './fixture-support.ts';
import { technicalDebtFixture } from './technical-debt.fixture.ts';

describeCheckCases('technical-debt', {
  complete: technicalDebtFixture,
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
      fixtureRow(fixture, 'technical-debt-items', 0).dueDate = inDays(new Date(), -1);
    },
  },
});
