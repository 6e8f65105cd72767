import type { AreaImport } from '../contracts.ts';
import { daysAgo } from './fixture-support.ts';

/**
 * The complete plan of the Third-party APIs area: every check passes. The area's test starts from it,
 * and the demo seed can too.
 */
export function thirdPartyApisFixture(now = new Date()): AreaImport {
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
          lastTestedAt: daysAgo(now, 14),
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
