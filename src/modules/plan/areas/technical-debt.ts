import { defineArea } from '../area.ts';
import { atLeast, daysBetween, everyRow, missingOf } from '../checks.ts';
import { field } from '../fields.ts';
import { planTable } from '../table.ts';

export const debtCategories = planTable('debt_categories', {
  purpose: 'Kinds of debt the project tracks, and the share of capacity each may take',
  fields: {
    name: field.name(),
    kind: field.enum(
      ['code', 'architecture', 'test', 'documentation', 'infrastructure', 'dependency', 'security', 'design'],
      'What the debt is in',
      { required: true },
    ),
    description: field.text('What belongs in the category'),
    owner: field.label('Team or person who watches the category'),
  },
});

export const debtPaymentPlans = planTable('debt_payment_plans', {
  purpose: 'How and when debt is paid down',
  fields: {
    name: field.name(),
    strategy: field.enum(
      ['dedicated-sprint', 'capacity-allocation', 'boy-scout', 'rewrite', 'opportunistic'],
      'How the work is funded',
      { required: true },
    ),
    description: field.text('What the plan pays down and how'),
    capacityPercent: field.int('Share of team capacity set aside', 0, 100),
    status: field.enum(['planned', 'active', 'completed', 'abandoned'], 'Where the plan stands', {
      default: 'planned',
    }),
    owner: field.label('Team or person accountable for the plan'),
    targetDate: field.date('When the plan should be done'),
  },
});

export const technicalDebtItems = planTable('technical_debt_items', {
  purpose: 'Each known shortcut or decay: where it is, what it costs, and when it is paid',
  fields: {
    name: field.name(),
    description: field.text('What the debt is and how it came about'),
    categoryId: field.ref(() => debtCategories, 'Its category'),
    severity: field.enum(['critical', 'high', 'medium', 'low'], 'How much it hurts', { required: true }),
    status: field.enum(
      ['identified', 'accepted', 'scheduled', 'in-progress', 'paid', 'wont-fix'],
      'Where the item stands',
      { default: 'identified' },
    ),
    interest: field.text('What it costs while it stays (slower changes, incidents, risk)'),
    location: field.label('Where it lives (a path, a service, a table)'),
    estimateDays: field.decimal('Work needed to pay it, in person-days', 0, 10_000),
    owner: field.label('Team or person who owns it'),
    paymentPlanId: field.ref(() => debtPaymentPlans, 'The plan that pays it'),
    dueDate: field.date('When it must be paid by'),
    ticket: field.label('Work item that tracks it'),
  },
});

export const debtMetrics = planTable('debt_metrics', {
  purpose: 'Measures that show whether debt grows or shrinks, with their targets',
  fields: {
    name: field.name('Metric (e.g. lint suppressions, outdated major dependencies)'),
    categoryId: field.ref(() => debtCategories, 'The category it measures'),
    source: field.label('Tool or query that produces it'),
    unit: field.label('Unit of the value'),
    direction: field.enum(['at-most', 'at-least'], 'Whether the target is a ceiling or a floor'),
    target: field.decimal('The value to stay within', -1e12, 1e12),
    currentValue: field.decimal('The last measured value', -1e12, 1e12),
    measuredAt: field.time('When it was last measured (reported by the tool)'),
  },
});

const open = (item: { status: string | null }) => item.status !== 'paid' && item.status !== 'wont-fix';
const urgent: readonly string[] = ['critical', 'high'];

export const technicalDebtArea = defineArea({
  number: 24,
  slug: 'technical-debt',
  key: 'debt',
  title: 'Technical debt',
  summary: 'Known debt, its categories, the metrics that track it and the plans that pay it down.',
  tables: { debtCategories, debtPaymentPlans, technicalDebtItems, debtMetrics },
  checks: [
    {
      id: 'debt.items-recorded',
      level: 'bronze',
      title: 'Technical debt is recorded',
      why: 'Every project has debt; unrecorded debt is only found when it causes an incident or blocks a change.',
      evaluate: ({ technicalDebtItems }) => atLeast(technicalDebtItems, 'technical debt items'),
    },
    {
      id: 'debt.open-items-described',
      level: 'silver',
      title: 'Every open debt item has a category, an owner, a location and its interest',
      why: 'Debt with no owner or stated cost cannot be weighed against features, so it is never paid.',
      evaluate: ({ technicalDebtItems }) =>
        everyRow('technical_debt_items', technicalDebtItems.filter(open), 'open debt items', (item) =>
          missingOf(item, {
            categoryId: 'no category',
            owner: 'no owner',
            location: 'no location',
            interest: 'no interest stated',
          }),
        ),
    },
    {
      id: 'debt.urgent-items-scheduled',
      level: 'silver',
      title: 'Every open critical or high debt item is in a payment plan with a target date',
      why: 'Severe debt left to "some day" is the debt that turns into an outage; it needs a funded plan.',
      evaluate: ({ technicalDebtItems, debtPaymentPlans }) =>
        everyRow(
          'technical_debt_items',
          technicalDebtItems.filter((item) => open(item) && urgent.includes(item.severity ?? '')),
          'open critical or high debt items',
          (item) => {
            const plan = debtPaymentPlans.find((candidate) => candidate.id === item.paymentPlanId);
            if (!plan) return 'no payment plan';
            if (plan.status === 'abandoned') return 'its payment plan was abandoned';
            return plan.targetDate ? null : 'its payment plan has no target date';
          },
        ),
    },
    {
      id: 'debt.metrics-with-targets',
      level: 'silver',
      title: 'Debt is measured: at least one metric, each with a source and a target',
      why: 'Without a measure and a target nobody can tell whether debt is being paid or piling up.',
      evaluate: ({ debtMetrics }) => {
        const planned = atLeast(debtMetrics, 'debt metrics');
        if (planned.status !== 'pass') return planned;
        return everyRow('debt_metrics', debtMetrics, 'debt metrics', (metric) =>
          missingOf(metric, { source: 'no source', direction: 'no direction', target: 'no target' }),
        );
      },
    },
    {
      id: 'debt.metrics-within-target',
      level: 'gold',
      title: 'Every debt metric was measured within 30 days and is within its target',
      why: 'Targets only matter if the tool reports against them; a measured regression is the signal to pay down.',
      evaluate: ({ debtMetrics }, { now }) =>
        everyRow('debt_metrics', debtMetrics, 'debt metrics', (metric) => {
          if (!metric.measuredAt || metric.currentValue === null) return 'never measured';
          if (daysBetween(metric.measuredAt, now) > 30) return 'last measured over 30 days ago';
          if (metric.target === null) return 'no target';
          const within =
            metric.direction === 'at-least'
              ? metric.currentValue >= metric.target
              : metric.currentValue <= metric.target;
          return within ? null : `at ${metric.currentValue}, target ${metric.target}`;
        }),
    },
    {
      id: 'debt.no-overdue-items',
      level: 'gold',
      title: 'No open debt item is past its due date',
      why: 'A due date that passes without payment shows the plan is not being followed.',
      evaluate: ({ technicalDebtItems }, { now }) => {
        const today = now.toISOString().slice(0, 10);
        return everyRow(
          'technical_debt_items',
          technicalDebtItems.filter((item) => item.dueDate),
          'debt items with a due date',
          (item) => (open(item) && item.dueDate && item.dueDate < today ? 'past its due date' : null),
        );
      },
    },
  ],
});
