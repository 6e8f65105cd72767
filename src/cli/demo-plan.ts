// The sample project `shipshape demo seed` creates: a payments service whose plan is complete in
// some areas and has gaps in others, so that the scorecard and the export have something to show.
// Its plan is made of the areas' own fixtures (those their tests start from), some with gaps opened.

import { backgroundJobsFixture } from '../modules/plan/areas/background-jobs.fixture.ts';
import { cachingFixture } from '../modules/plan/areas/caching.fixture.ts';
import { codeReviewAutomationFixture } from '../modules/plan/areas/code-review-automation.fixture.ts';
import { databaseMigrationsFixture } from '../modules/plan/areas/database-migrations.fixture.ts';
import { featureFlagsFixture } from '../modules/plan/areas/feature-flags.fixture.ts';
import { fixtureRow, inDays } from '../modules/plan/areas/fixture-support.ts';
import { thirdPartyApisFixture } from '../modules/plan/areas/third-party-apis.fixture.ts';
import type { AreaImport, PlanImport } from '../modules/plan/contracts.ts';

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
export function demoPlan(now: Date): PlanImport['areas'] {
  return {
    'background-jobs': backgroundJobsFixture(now),
    'third-party-apis': thirdPartyApisFixture(now),
    'code-review-automation': codeReviewAutomationFixture(now),
    'database-migrations': databaseMigrationsFixture(now),
    caching: cachingWithGaps(),
    'feature-flags': featureFlagsWithGaps(now),
  };
}

/** Caching stays at bronze: the cache has no invalidation rule and its hit rate is not measured. */
function cachingWithGaps(): AreaImport {
  const fixture = cachingFixture();
  fixture['cache-invalidation-rules'] = [];
  delete fixtureRow(fixture, 'cache-strategies').observedHitRatePercent;
  return fixture;
}

/**
 * Feature flags stay at bronze: the wallet flag has no owner and no removal date, and the new
 * checkout flag is still active past its removal date.
 */
function featureFlagsWithGaps(now: Date): AreaImport {
  const fixture = featureFlagsFixture(now);
  const wallets = fixtureRow(fixture, 'feature-flags', 1);
  delete wallets.owner;
  delete wallets.removalDate;
  fixtureRow(fixture, 'feature-flags', 0).removalDate = inDays(now, -10);
  return fixture;
}
