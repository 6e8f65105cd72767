import { defineArea } from '../area.ts';
import { atLeast, daysBetween, everyRow, missingOf } from '../checks.ts';
import { field } from '../fields.ts';
import { planTable } from '../table.ts';

export const analyticsEvents = planTable('analytics_events', {
  purpose: 'Events the product tracks, their properties and whether they hold personal data',
  fields: {
    name: field.name('Event name (payment_completed)'),
    description: field.text('When it fires'),
    properties: field.list('Properties it carries', 100),
    containsPersonalData: field.flag('Whether any property identifies a person'),
    schemaVersion: field.int('Version of its shape', 1, 10_000),
    owner: field.label('Who owns it'),
  },
});

export const metrics = planTable('metrics', {
  purpose: 'Product and business metrics: how each is computed and what it should be',
  fields: {
    name: field.name(),
    kind: field.enum(['counter', 'gauge', 'ratio', 'histogram'], 'What kind of measure', { required: true }),
    definition: field.text('How it is computed, from which events'),
    eventId: field.ref(() => analyticsEvents, 'The main event it is computed from'),
    target: field.label('The value it should reach'),
    owner: field.label('Who answers for it'),
  },
});

export const funnels = planTable('funnels', {
  purpose: 'Sequences of steps users go through, and the conversion expected',
  fields: {
    name: field.name(),
    steps: field.list('The events, in order', 30),
    goalMetricId: field.ref(() => metrics, 'The metric the funnel moves'),
    conversionTargetPercent: field.decimal('Expected conversion from first to last step', 0, 100),
  },
});

export const abTests = planTable('ab_tests', {
  purpose: 'Experiments: hypothesis, metric, size and outcome',
  fields: {
    name: field.name(),
    hypothesis: field.text('What is expected to change, and why'),
    primaryMetricId: field.ref(() => metrics, 'The metric that decides'),
    sampleSize: field.int('Users needed per variant for the effect to be detectable', 1, 2_000_000_000),
    status: field.enum(['planned', 'running', 'concluded'], 'Where it stands', { default: 'planned' }),
    startedOn: field.date('When it started'),
    result: field.enum(['win', 'loss', 'inconclusive'], 'How it ended'),
  },
});

export const dashboards = planTable('dashboards', {
  purpose: 'Where the metrics are looked at, and by whom',
  fields: {
    name: field.name(),
    url: field.url('Where it lives'),
    owner: field.label('Who looks at it'),
    lastReviewedAt: field.time('When someone last reviewed it with the team'),
  },
});

export const analytics = defineArea({
  number: 12,
  slug: 'analytics',
  key: 'analytics',
  title: 'Analytics and metrics',
  summary: 'Tracked events, metrics, funnels, experiments and dashboards.',
  tables: { analyticsEvents, metrics, funnels, abTests, dashboards },
  checks: [
    {
      id: 'analytics.events-planned',
      level: 'bronze',
      title: 'Tracked events are planned',
      why: 'Whether a feature works for users is only knowable if its events were designed with it.',
      evaluate: ({ analyticsEvents }) => atLeast(analyticsEvents, 'analytics events'),
    },
    {
      id: 'analytics.personal-data-flagged',
      level: 'silver',
      title: 'Every event states whether it holds personal data, and has an owner',
      why: 'Personal data in analytics needs consent, retention and deletion; it must be known per event.',
      evaluate: ({ analyticsEvents }) =>
        everyRow('analytics_events', analyticsEvents, 'events', (event) =>
          missingOf(event, { containsPersonalData: 'personal data not stated', owner: 'no owner' }),
        ),
    },
    {
      id: 'analytics.metrics-defined',
      level: 'silver',
      title: 'Every metric has a definition, a target and an owner',
      why: 'A metric without a written definition is computed three ways by three teams.',
      evaluate: ({ metrics }) =>
        everyRow('metrics', metrics, 'metrics', (metric) =>
          missingOf(metric, { definition: 'no definition', target: 'no target', owner: 'no owner' }),
        ),
    },
    {
      id: 'analytics.experiments-designed',
      level: 'silver',
      title: 'Every A/B test has a hypothesis, a primary metric and a sample size',
      why: 'Experiments designed after the fact find whatever they look for.',
      evaluate: ({ abTests }) =>
        everyRow('ab_tests', abTests, 'A/B tests', (test) =>
          missingOf(test, {
            hypothesis: 'no hypothesis',
            primaryMetricId: 'no primary metric',
            sampleSize: 'no sample size',
          }),
        ),
    },
    {
      id: 'analytics.dashboards-reviewed',
      level: 'gold',
      title: 'Every dashboard was reviewed within the last 30 days',
      why: 'Dashboards nobody looks at hide the regressions they were built to show.',
      evaluate: ({ dashboards }, { now }) =>
        everyRow('dashboards', dashboards, 'dashboards', (dashboard) =>
          dashboard.lastReviewedAt && daysBetween(dashboard.lastReviewedAt, now) <= 30
            ? null
            : 'not reviewed in 30 days',
        ),
    },
  ],
});
