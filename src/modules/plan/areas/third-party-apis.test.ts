import { describeCheckCases, type Fixture, fixtureRow } from '../check-cases.ts';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

function complete(): Fixture {
  return {
    'third-party-apis': [
      {
        ref: 'psp',
        values: { name: 'Card processor', criticality: 'critical', owner: 'payments team', timeoutMs: 3000 },
      },
      {
        ref: 'fx',
        values: { name: 'FX rates', criticality: 'important', owner: 'treasury', timeoutMs: 2000 },
      },
    ],
    'rate-limit-configs': [
      { values: { name: 'psp limit', apiId: '@psp', limit: 100, windowSeconds: 1, strategy: 'queue' } },
      { values: { name: 'fx limit', apiId: '@fx', limit: 1000, windowSeconds: 3600, strategy: 'reject' } },
    ],
    'circuit-breaker-configs': [
      { values: { name: 'psp breaker', apiId: '@psp', failureRatePercent: 50, openSeconds: 30 } },
      { values: { name: 'fx breaker', apiId: '@fx', failureRatePercent: 50, openSeconds: 60 } },
    ],
    'fallback-strategies': [
      {
        values: {
          name: 'second acquirer',
          apiId: '@psp',
          kind: 'alternate-provider',
          lastTestedAt: daysAgo(14),
        },
      },
      { values: { name: 'yesterday rates', apiId: '@fx', kind: 'cached-response' } },
    ],
    'webhook-endpoints': [
      {
        values: {
          name: 'payment events',
          apiId: '@psp',
          path: '/webhooks/psp',
          signatureVerification: 'hmac-sha256',
          idempotent: true,
        },
      },
    ],
    'api-cost-tracking': [
      {
        values: {
          name: 'psp fees',
          apiId: '@psp',
          pricingModel: 'per-request',
          unitCost: 0.02,
          monthlyBudget: 5000,
          alertAtPercent: 80,
          currentMonthSpend: 1200,
        },
      },
      { values: { name: 'fx', apiId: '@fx', pricingModel: 'free' } },
    ],
  };
}

describeCheckCases('third-party-apis', {
  complete,
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
      fixtureRow(fixture, 'fallback-strategies').lastTestedAt = daysAgo(120);
    },
    'apis.spend-within-budget': (fixture) => {
      fixtureRow(fixture, 'api-cost-tracking').currentMonthSpend = 6100;
    },
  },
});
