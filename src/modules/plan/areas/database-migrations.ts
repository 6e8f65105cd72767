import { defineArea } from '../area.ts';
import {
  atLeast,
  type CheckResult,
  daysBetween,
  everyRow,
  type FaultyRow,
  missingOf,
  result,
} from '../checks.ts';
import { field } from '../fields.ts';
import { planTable } from '../table.ts';

export const migrationStrategies = planTable('migration_strategies', {
  purpose: 'How schema changes reach production without downtime (expand/contract, blue-green, …)',
  fields: {
    name: field.name(),
    pattern: field.enum(
      ['expand-contract', 'zero-downtime', 'blue-green', 'online-schema-change', 'maintenance-window'],
      'The pattern',
      { required: true },
    ),
    description: field.text('The steps, in order, and what each deploy contains'),
    rollbackPlan: field.text('How to go back at each step'),
    lockTimeoutMs: field.int(
      'Lock timeout the migration runs with, so it never queues behind long locks',
      1,
      600_000,
    ),
    owner: field.label('Who runs and watches it'),
    lastLintedAt: field.time('When its migrations were last linted (POST …/migrations/lint-runs sets it)'),
  },
});

export const dataTransformations = planTable('data_transformations', {
  purpose: 'Changes to existing data that a migration needs (backfills, splits, re-encodings)',
  fields: {
    name: field.name(),
    strategyId: field.ref(() => migrationStrategies, 'The migration it belongs to'),
    targetTable: field.label('The table it changes'),
    description: field.text('What changes in each row'),
    estimatedRows: field.int('Rows it touches', 0, 2_000_000_000),
    batchSize: field.int('Rows per batch', 1, 10_000_000),
    reversible: field.flag('Whether it can be undone'),
  },
});

export const migrationRisks = planTable('migration_risks', {
  purpose: 'What could go wrong, how likely and how bad, and what reduces it',
  fields: {
    name: field.name(),
    strategyId: field.ref(() => migrationStrategies, 'The migration it concerns'),
    likelihood: field.enum(['low', 'medium', 'high'], 'How likely', { required: true }),
    impact: field.enum(['low', 'medium', 'high', 'critical'], 'How bad', { required: true }),
    mitigation: field.text('What reduces the risk or its impact'),
    // Set when the risk is a finding of the migration linter; hand-written risks leave them empty.
    ruleId: field.label('The lint rule that found it (GET /migrations/rules lists them)'),
    severity: field.enum(['error', 'warning'], 'How the lint rule rates it'),
    migrationFile: field.label('The migration file the finding is in'),
    line: field.int('The line of the statement in that file', 1, 10_000_000),
    detectedAt: field.time('When the linter first reported it'),
    resolvedAt: field.time('When it was dealt with (fixed, or accepted with a reason)'),
  },
});

export const productionTestPlans = planTable('production_test_plans', {
  purpose: 'How the migration is rehearsed on production-like data before it runs for real',
  fields: {
    name: field.name(),
    strategyId: field.ref(() => migrationStrategies, 'The migration it rehearses', { required: true }),
    environment: field.enum(['staging-copy', 'shadow', 'canary', 'production'], 'Where it is rehearsed', {
      required: true,
    }),
    dataVolume: field.label('How much data the rehearsal uses'),
    lastRunAt: field.time('When it was last rehearsed'),
    result: field.enum(['passed', 'failed'], 'How the last rehearsal went'),
  },
});

const batchingThreshold = 100_000;
const lintWindowDays = 30;

type StrategyRow = typeof migrationStrategies.$inferSelect;
type RiskRow = typeof migrationRisks.$inferSelect;

/**
 * The gold check fed by the migration linter: each strategy's migrations were linted recently, and
 * no error the linter reported in that window is still open. Hand-written risks (no rule id) and
 * warnings are judged by the silver checks, not here.
 */
function lintClean(strategies: StrategyRow[], risks: RiskRow[], now: Date): CheckResult {
  if (strategies.length === 0)
    return result.notApplicable('No migration strategies planned, so nothing to lint.');
  const stale = strategies.filter(
    (strategy) => !strategy.lastLintedAt || daysBetween(strategy.lastLintedAt, now) > lintWindowDays,
  );
  const open = risks.filter(
    (risk) =>
      risk.ruleId &&
      risk.severity === 'error' &&
      !risk.resolvedAt &&
      daysBetween(risk.detectedAt ?? risk.createdAt, now) <= lintWindowDays,
  );
  if (stale.length === 0 && open.length === 0)
    return result.pass(
      `${strategies.length === 1 ? 'The migration strategy was' : `All ${strategies.length} migration strategies were`} linted within ${lintWindowDays} days, with no open error.`,
    );
  const problems = [
    stale.length > 0
      ? `Not linted in ${lintWindowDays} days: ${stale.map((strategy) => strategy.name).join(', ')}`
      : '',
    open.length > 0
      ? `${stale.length > 0 ? 'and ' : ''}${open.length} unresolved lint error${open.length === 1 ? '' : 's'}: ${open
          .slice(0, 10)
          .map((risk) => risk.name)
          .join('; ')}`
      : '',
  ].filter(Boolean);
  const rows: FaultyRow[] = [
    ...stale.map((strategy) => ({ table: 'migration_strategies', id: strategy.id, name: strategy.name })),
    ...open.map((risk) => ({ table: 'migration_risks', id: risk.id, name: risk.name })),
  ];
  return result.fail(`${problems.join('; ')}.`, rows);
}

export const databaseMigrations = defineArea({
  number: 4,
  slug: 'database-migrations',
  key: 'migrations',
  title: 'Database migration complexity',
  summary: 'Migration strategies, data transformations, risks and rehearsals on production-like data.',
  tables: { dataTransformations, migrationStrategies, migrationRisks, productionTestPlans },
  checks: [
    {
      id: 'migrations.strategies-planned',
      level: 'bronze',
      title: 'Migration strategies are planned',
      why: 'Schema changes under live traffic need a chosen pattern, not improvisation on release day.',
      evaluate: ({ migrationStrategies }) => atLeast(migrationStrategies, 'migration strategies'),
    },
    {
      id: 'migrations.strategies-have-rollback-and-lock-timeout',
      level: 'silver',
      title: 'Every migration strategy has a rollback plan and a lock timeout',
      why: 'A migration that cannot be undone, or that waits on a lock while every query queues behind it, takes production down.',
      evaluate: ({ migrationStrategies }) =>
        everyRow('migration_strategies', migrationStrategies, 'migration strategies', (strategy) =>
          missingOf(strategy, { rollbackPlan: 'no rollback plan', lockTimeoutMs: 'no lock timeout' }),
        ),
    },
    {
      id: 'migrations.large-transformations-batched',
      level: 'silver',
      title: `Every data transformation has a row estimate, and those over ${batchingThreshold} rows run in batches`,
      why: 'Updating millions of rows in one transaction holds locks and bloats the database for its whole duration.',
      evaluate: ({ dataTransformations }) =>
        everyRow('data_transformations', dataTransformations, 'data transformations', (transformation) => {
          if (transformation.estimatedRows === null || transformation.estimatedRows === undefined)
            return 'no row estimate';
          return transformation.estimatedRows > batchingThreshold && !transformation.batchSize
            ? 'not batched'
            : null;
        }),
    },
    {
      id: 'migrations.serious-risks-mitigated',
      level: 'silver',
      title: 'Every high-likelihood or high-impact risk has a mitigation',
      why: 'Named risks without a mitigation are only a list of the ways the release will fail.',
      evaluate: ({ migrationRisks }) =>
        everyRow(
          'migration_risks',
          migrationRisks.filter(
            (risk) => risk.likelihood === 'high' || risk.impact === 'high' || risk.impact === 'critical',
          ),
          'serious risks',
          (risk) => missingOf(risk, { mitigation: 'no mitigation' }),
        ),
    },
    {
      id: 'migrations.rehearsed-on-production-like-data',
      level: 'gold',
      title: 'Every migration strategy passed a rehearsal on production-like data within 30 days',
      why: 'Only a rehearsal at production volume shows how long locks are held and whether the backfill finishes.',
      evaluate: ({ migrationStrategies, productionTestPlans }, { now }) =>
        everyRow('migration_strategies', migrationStrategies, 'migration strategies', (strategy) => {
          const passed = productionTestPlans.some(
            (plan) =>
              plan.strategyId === strategy.id &&
              plan.result === 'passed' &&
              plan.lastRunAt &&
              daysBetween(plan.lastRunAt, now) <= 30,
          );
          return passed ? null : 'no passed rehearsal in 30 days';
        }),
    },
    {
      id: 'migrations.lint-clean',
      level: 'gold',
      title: `Every migration strategy was linted within ${lintWindowDays} days, and no lint error of that window is unresolved`,
      why: 'Only the real SQL shows which statement locks a busy table or breaks the running application; an error left open ships that outage.',
      evaluate: ({ migrationStrategies, migrationRisks }, { now }) =>
        lintClean(migrationStrategies, migrationRisks, now),
    },
  ],
});
