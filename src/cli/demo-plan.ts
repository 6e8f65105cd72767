// The sample project `shipshape demo seed` creates: a payments service whose plan is complete in
// some areas and has gaps in others, so that the scorecard and the export have something to show.

type Rows = { ref?: string; values: Record<string, unknown> }[];
export type DemoPlan = Record<string, Record<string, Rows>>;

const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
const inDays = (now: Date, days: number) =>
  new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

export const demoProject = {
  name: 'Payments service',
  key: 'PAY',
  description:
    'Takes card and wallet payments for merchants, settles them nightly and posts them to the ledger.',
  tags: ['payments', 'demo'],
};

export const demoNotApplicable = [
  { area: 'real-time', reason: 'No live UI: merchants receive webhooks and poll the API.' },
];

export const demoDecisions = [
  {
    title: 'Use PostgreSQL advisory-locked jobs (pg-boss) for settlement',
    decisionType: 'architecture',
    context: 'Settlement must run exactly once per night even with several instances.',
    decision: 'Run settlement as a pg-boss job on the database we already operate.',
  },
  {
    title: 'Store amounts as integer minor units',
    decisionType: 'architecture',
    context: 'Floating-point amounts produced rounding differences with the ledger.',
    decision: 'Every amount is an integer number of minor units with an ISO 4217 currency.',
  },
];

export const demoPrd = {
  title: 'Refunds v2',
  content: [
    '# Refunds v2',
    '',
    '## Problem',
    'Refunds take up to five days and support cannot see where a refund stands.',
    '',
    '## Goals',
    '- 95% of refunds reach the card network within one hour.',
    '- Support sees the state of every refund.',
    '',
    '## Non-goals',
    '- Partial captures.',
    '',
    '## Requirements',
    '- A refund is a job of its own, retried with the standard policy and idempotent by refund id.',
    '- Every state change of a refund writes an audit event.',
    '',
    '## Success metrics',
    '- Median time from request to network submission under 10 minutes.',
    '',
    '## Open questions',
    '- Do merchants want a webhook per state change or only at the end?',
    '',
  ].join('\n'),
};

/** The plan, by area and table; dates are relative to `now` so the gold checks stay meaningful. */
export function demoPlan(now: Date): DemoPlan {
  return {
    'background-jobs': {
      'job-queues': [
        { ref: 'default', values: { name: 'default', system: 'pg-boss', concurrency: 8, owner: 'payments' } },
      ],
      'retry-policies': [
        {
          ref: 'backoff',
          values: { name: 'exponential x5', strategy: 'exponential', maxAttempts: 5, jitter: true },
        },
      ],
      'dead-letter-handling': [
        {
          ref: 'dlq',
          values: {
            name: 'failed jobs',
            destination: 'pgboss.archive',
            alertChannel: '#payments-alerts',
            replayable: true,
            lastReplayTestedAt: daysAgo(now, 21),
          },
        },
      ],
      'job-types': [
        {
          ref: 'settle',
          values: {
            name: 'settle-merchant-batch',
            queueId: '@default',
            priority: 'high',
            idempotency: 'naturally-idempotent',
            retryPolicyId: '@backoff',
            deadLetterHandlingId: '@dlq',
            owner: 'payments',
          },
        },
        {
          values: {
            name: 'send-receipt-email',
            queueId: '@default',
            idempotency: 'idempotency-key',
            idempotencyKey: 'payment id',
            retryPolicyId: '@backoff',
            deadLetterHandlingId: '@dlq',
          },
        },
      ],
      'scheduled-jobs': [
        {
          values: {
            name: 'nightly settlement',
            jobTypeId: '@settle',
            cron: '0 2 * * *',
            timezone: 'Europe/Paris',
            overlapPolicy: 'skip',
            missedRunAlert: true,
            lastRunAt: daysAgo(now, 1),
            lastRunStatus: 'succeeded',
          },
        },
      ],
    },
    'third-party-apis': {
      'third-party-apis': [
        {
          ref: 'psp',
          values: {
            name: 'Card processor',
            vendor: 'Acquirer Ltd',
            criticality: 'critical',
            owner: 'payments',
            timeoutMs: 3000,
          },
        },
        {
          ref: 'fx',
          values: {
            name: 'FX rates',
            vendor: 'Rates Inc',
            criticality: 'important',
            owner: 'treasury',
            timeoutMs: 2000,
          },
        },
      ],
      'rate-limit-configs': [
        {
          values: { name: 'processor limit', apiId: '@psp', limit: 100, windowSeconds: 1, strategy: 'queue' },
        },
        {
          values: { name: 'rates limit', apiId: '@fx', limit: 1000, windowSeconds: 3600, strategy: 'reject' },
        },
      ],
      'circuit-breaker-configs': [
        { values: { name: 'processor breaker', apiId: '@psp', failureRatePercent: 50, openSeconds: 30 } },
        { values: { name: 'rates breaker', apiId: '@fx', failureRatePercent: 50, openSeconds: 60 } },
      ],
      'fallback-strategies': [
        {
          values: {
            name: 'second acquirer',
            apiId: '@psp',
            kind: 'alternate-provider',
            lastTestedAt: daysAgo(now, 30),
          },
        },
        { values: { name: "yesterday's rates", apiId: '@fx', kind: 'cached-response' } },
      ],
      'webhook-endpoints': [
        {
          values: {
            name: 'payment events',
            apiId: '@psp',
            path: '/webhooks/processor',
            events: ['payment.captured', 'payment.refunded'],
            signatureVerification: 'hmac-sha256',
            idempotent: true,
          },
        },
      ],
      'api-cost-tracking': [
        {
          values: {
            name: 'processing fees',
            apiId: '@psp',
            pricingModel: 'per-request',
            unitCost: 0.02,
            currency: 'EUR',
            monthlyBudget: 5000,
            alertAtPercent: 80,
            currentMonthSpend: 3100,
          },
        },
        { values: { name: 'rates', apiId: '@fx', pricingModel: 'free' } },
      ],
    },
    'code-review-automation': {
      'code-review-checklists': [
        {
          values: {
            name: 'Money-moving changes',
            scope: 'all-changes',
            items: ['amounts in minor units', 'idempotency key on every write', 'audit event written'],
            owner: 'payments',
          },
        },
      ],
      'quality-gates': [
        {
          values: {
            name: 'CI',
            stage: 'pre-merge',
            command: 'npm test && npm run lint',
            threshold: 'all tests pass, 0 lint errors',
            lastResult: 'passed',
            lastRunAt: daysAgo(now, 0),
          },
        },
      ],
    },
    'database-migrations': {
      'migration-strategies': [
        {
          ref: 'minor',
          values: {
            name: 'amounts to minor units',
            pattern: 'expand-contract',
            rollbackPlan: 'keep writing both columns until the contract step',
            lockTimeoutMs: 2000,
          },
        },
      ],
      'data-transformations': [
        {
          values: {
            name: 'backfill amount_minor',
            strategyId: '@minor',
            estimatedRows: 40_000_000,
            batchSize: 10_000,
          },
        },
      ],
      'production-test-plans': [
        {
          values: {
            name: 'rehearse on last night’s snapshot',
            strategyId: '@minor',
            environment: 'staging-copy',
            lastRunAt: daysAgo(now, 3),
            result: 'passed',
          },
        },
      ],
    },
    // Gap: the merchant cache has no invalidation rule and its hit rate is not measured.
    caching: {
      'cache-strategies': [
        {
          values: {
            name: 'merchant settings',
            layer: 'application',
            ttlSeconds: 300,
            consistency: 'eventual',
          },
        },
      ],
    },
    // Gaps: the wallet flag has no owner and no removal date; the overdue flag is still active.
    'feature-flags': {
      'feature-flags': [
        {
          ref: 'checkout',
          values: {
            name: 'new-checkout',
            kind: 'release',
            status: 'active',
            owner: 'checkout team',
            killSwitch: true,
            removalDate: inDays(now, -10),
          },
        },
        { values: { name: 'wallet-payments', kind: 'release', status: 'planned' } },
      ],
      'flag-targeting-rules': [
        {
          values: {
            name: 'staff first',
            flagId: '@checkout',
            segment: 'staff',
            rolloutPercentage: 100,
            variation: 'on',
          },
        },
      ],
      'flag-monitoring-config': [
        {
          values: {
            flagId: '@checkout',
            metric: 'checkout error rate',
            alertThreshold: '> 1% for 5 minutes',
          },
        },
      ],
    },
  };
}
