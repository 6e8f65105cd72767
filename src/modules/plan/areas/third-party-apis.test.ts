import { describeCheckCases } from '../test-helpers.ts';
import { daysAgo, fixtureRow } from './fixture-support.ts';
import { thirdPartyApisFixture } from './third-party-apis.fixture.ts';

describeCheckCases('third-party-apis', {
  complete: thirdPartyApisFixture,
  failing: {
    'apis.apis-inventoried': (fixture) => {
      delete fixtureRow(fixture, 'third-party-apis', 1).owner;
    },
    'apis.rate-limit-breaker-fallback': (fixture) => {
      fixture['circuit-breaker-configs']?.pop();
    },
    'apis.webhooks-verified-and-idempotent': (fixture) => {
      fixtureRow(fixture, 'webhook-endpoints').signatureVerification = 'none';
    },
    'apis.costs-budgeted': (fixture) => {
      delete fixtureRow(fixture, 'api-cost-tracking').monthlyBudget;
      delete fixtureRow(fixture, 'api-cost-tracking').currentMonthSpend;
    },
    'apis.critical-fallbacks-tested': (fixture) => {
      fixtureRow(fixture, 'fallback-strategies').lastTestedAt = daysAgo(new Date(), 120);
    },
    'apis.spend-within-budget': (fixture) => {
      fixtureRow(fixture, 'api-cost-tracking').currentMonthSpend = 6100;
    },
  },
});
