import { defineArea } from '../area.ts';
import { atLeast, daysBetween, everyRow, missingOf } from '../checks.ts';
import { field } from '../fields.ts';
import { planTable } from '../table.ts';

export const thirdPartyApis = planTable('third_party_apis', {
  purpose: 'Every external API the system calls, how critical it is and who owns the relationship',
  fields: {
    name: field.name(),
    vendor: field.label('Who provides it'),
    purpose: field.text('What the system uses it for'),
    criticality: field.enum(['critical', 'important', 'optional'], 'What breaks when it is down', {
      required: true,
    }),
    baseUrl: field.url('Base URL of the API'),
    docsUrl: field.url('Where its documentation lives'),
    authMethod: field.enum(
      ['api-key', 'oauth2', 'mtls', 'basic', 'signed-request', 'none'],
      'How calls authenticate',
    ),
    timeoutMs: field.int('Timeout of one call', 1, 600_000),
    owner: field.label('Team or person who owns the integration'),
  },
});

const apiRef = (what: string) => field.ref(() => thirdPartyApis, what, { required: true });

export const rateLimitConfigs = planTable('rate_limit_configs', {
  purpose: "The API's rate limits and how the system stays within them",
  fields: {
    name: field.name(),
    apiId: apiRef('The API'),
    limit: field.int('Requests allowed per window', 1, 100_000_000, { required: true }),
    windowSeconds: field.int('Length of the window', 1, 86_400 * 31, { required: true }),
    scope: field.enum(['global', 'per-user', 'per-key', 'per-ip'], 'What the limit counts'),
    strategy: field.enum(['queue', 'throttle', 'reject', 'backoff'], 'What the system does near the limit'),
  },
});

export const circuitBreakerConfigs = planTable('circuit_breaker_configs', {
  purpose: 'When calls to the API stop for a while, and how they resume',
  fields: {
    name: field.name(),
    apiId: apiRef('The API'),
    failureRatePercent: field.int('Failure rate that opens the breaker', 1, 100, { required: true }),
    minimumCalls: field.int('Calls needed before the rate counts', 1, 100_000),
    openSeconds: field.int('How long it stays open before trying again', 1, 86_400, { required: true }),
    halfOpenCalls: field.int('Trial calls while half-open', 1, 1000),
  },
});

export const fallbackStrategies = planTable('fallback_strategies', {
  purpose: 'What the system does instead when the API fails',
  fields: {
    name: field.name(),
    apiId: apiRef('The API'),
    kind: field.enum(
      [
        'cached-response',
        'default-value',
        'alternate-provider',
        'queue-for-later',
        'degrade-feature',
        'fail-fast',
      ],
      'The fallback',
      { required: true },
    ),
    description: field.text('What users see while the fallback is in effect'),
    lastTestedAt: field.time('When the fallback was last exercised for real (game day, fault injection)'),
  },
});

export const webhookEndpoints = planTable('webhook_endpoints', {
  purpose: 'Webhooks the API sends to the system: verification, idempotency and replay',
  fields: {
    name: field.name(),
    apiId: apiRef('The API that calls it'),
    path: field.label('Path the webhook is received on', { required: true }),
    events: field.list('Event types received'),
    signatureVerification: field.enum(
      ['hmac-sha256', 'jwt', 'mtls', 'none'],
      'How its authenticity is checked',
    ),
    idempotent: field.flag('Whether a delivery received twice is handled once'),
    replayWindowSeconds: field.int('How old a delivery may be before it is refused', 1, 86_400 * 7),
  },
});

export const apiCostTracking = planTable('api_cost_tracking', {
  purpose: 'What the API costs, the budget, and when spending alerts',
  fields: {
    name: field.name(),
    apiId: apiRef('The API'),
    pricingModel: field.enum(['per-request', 'tiered', 'subscription', 'free'], 'How it is billed', {
      required: true,
    }),
    unitCost: field.decimal('Cost per unit (request, tier step)', 0, 1_000_000_000),
    currency: field.label('ISO 4217 currency of the amounts'),
    monthlyBudget: field.decimal('Budget per month', 0, 1_000_000_000),
    alertAtPercent: field.int('Share of the budget at which someone is alerted', 1, 100),
    currentMonthSpend: field.decimal('Spend so far this month (reported by billing)', 0, 1_000_000_000),
  },
});

export const thirdPartyApisArea = defineArea({
  number: 8,
  slug: 'third-party-apis',
  key: 'apis',
  title: 'Third-party APIs',
  summary: 'External APIs: limits, circuit breakers, fallbacks, webhooks and cost.',
  tables: {
    thirdPartyApis,
    rateLimitConfigs,
    circuitBreakerConfigs,
    fallbackStrategies,
    webhookEndpoints,
    apiCostTracking,
  },
  checks: [
    {
      id: 'apis.apis-inventoried',
      level: 'bronze',
      title: 'Third-party APIs are inventoried with an owner and a criticality',
      why: 'Every outage of a dependency becomes your outage; you can only prepare for the dependencies you know.',
      evaluate: ({ thirdPartyApis }) => {
        const count = atLeast(thirdPartyApis, 'third-party APIs');
        if (count.status !== 'pass') return count;
        return everyRow('third_party_apis', thirdPartyApis, 'third-party APIs', (api) =>
          missingOf(api, { owner: 'no owner' }),
        );
      },
    },
    {
      id: 'apis.rate-limit-breaker-fallback',
      level: 'silver',
      title: 'Every third-party API has a rate limit, a circuit breaker and a fallback',
      why: 'Without them one slow or failing vendor exhausts threads and retries until the whole system is down.',
      evaluate: ({ thirdPartyApis, rateLimitConfigs, circuitBreakerConfigs, fallbackStrategies }) =>
        everyRow('third_party_apis', thirdPartyApis, 'third-party APIs', (api) => {
          const problems: string[] = [];
          if (!rateLimitConfigs.some((limit) => limit.apiId === api.id)) problems.push('no rate limit');
          if (!circuitBreakerConfigs.some((breaker) => breaker.apiId === api.id))
            problems.push('no circuit breaker');
          if (!fallbackStrategies.some((fallback) => fallback.apiId === api.id)) problems.push('no fallback');
          return problems;
        }),
    },
    {
      id: 'apis.webhooks-verified-and-idempotent',
      level: 'silver',
      title: 'Every webhook verifies its signature and handles redelivery once',
      why: 'Unverified webhooks let anyone forge events; vendors redeliver, so handling twice must be harmless.',
      evaluate: ({ webhookEndpoints }) =>
        everyRow('webhook_endpoints', webhookEndpoints, 'webhook endpoints', (hook) => {
          const problems: string[] = [];
          if (!hook.signatureVerification || hook.signatureVerification === 'none') {
            problems.push('signature not verified');
          }
          if (hook.idempotent !== true) problems.push('not idempotent');
          return problems;
        }),
    },
    {
      id: 'apis.costs-budgeted',
      level: 'silver',
      title: 'Every paid API has a monthly budget and a spending alert',
      why: 'Usage-billed APIs turn a retry storm or a bug into an invoice; a budget alert catches it within days, not months.',
      evaluate: ({ thirdPartyApis, apiCostTracking }) =>
        everyRow('third_party_apis', thirdPartyApis, 'third-party APIs', (api) => {
          const cost = apiCostTracking.find((candidate) => candidate.apiId === api.id);
          if (!cost) return 'no cost tracking';
          if (cost.pricingModel === 'free') return null;
          return missingOf(cost, { monthlyBudget: 'no monthly budget', alertAtPercent: 'no spending alert' });
        }),
    },
    {
      id: 'apis.critical-fallbacks-tested',
      level: 'gold',
      title: 'The fallback of every critical API was exercised within the last 90 days',
      why: 'A fallback that has never run is a guess; exercising it is the only proof it works when the vendor is down.',
      evaluate: ({ thirdPartyApis, fallbackStrategies }, { now }) =>
        everyRow(
          'third_party_apis',
          thirdPartyApis.filter((api) => api.criticality === 'critical'),
          'critical APIs',
          (api) => {
            const tested = fallbackStrategies.filter(
              (fallback) =>
                fallback.apiId === api.id &&
                fallback.lastTestedAt &&
                daysBetween(fallback.lastTestedAt, now) <= 90,
            );
            return tested.length > 0 ? null : 'fallback not exercised in 90 days';
          },
        ),
    },
    {
      id: 'apis.spend-within-budget',
      level: 'gold',
      title: "Every paid API's spend this month is within its budget",
      why: 'The budget is a plan; billing data shows whether reality keeps to it.',
      evaluate: ({ apiCostTracking }) =>
        everyRow(
          'api_cost_tracking',
          apiCostTracking.filter((cost) => cost.pricingModel !== 'free'),
          'paid API cost records',
          (cost) => {
            if (cost.currentMonthSpend === null || cost.currentMonthSpend === undefined)
              return 'spend not reported';
            if (cost.monthlyBudget === null || cost.monthlyBudget === undefined) return 'no budget';
            return cost.currentMonthSpend > cost.monthlyBudget ? 'over budget' : null;
          },
        ),
    },
  ],
});
