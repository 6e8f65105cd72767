import { and, asc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { invalidField } from '../../core/errors/app-error.ts';
import { appendEvent } from '../../core/events/append.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible } from '../../core/resource/service.ts';
import { compileSnapshot, evaluateAll, evaluateFlag } from '../../engines/flag-eval/index.ts';
import type { EvaluationContext } from '../../engines/flag-eval/model.ts';
import { featureFlags } from '../plan/areas/feature-flags.ts';
import type {
  CodeReferencesPut,
  EvaluateInput,
  MetricsOutput,
  MetricsQuery,
  StaleFlag,
  StaleQuery,
} from './operations-contracts.ts';
import { loadSnapshot } from './snapshot.ts';
import {
  afterFlagKeyCursor,
  codeReferencesOf,
  configsOf,
  environmentByKey,
  environmentsOf,
  flagByKey,
  flagKeyCursor,
  lastEvaluations,
  projectOf,
} from './store.ts';
import { flagCodeReferences, flagEvaluationCounts } from './tables.ts';
import { staleReasonsOf } from './view.ts';

// What the flags tell about themselves: preview evaluations from the live snapshot, evaluation
// metrics, the flags that have done their job, and where the code still reads them.

const day = 86_400_000;
const defaultMetricsDays = 7;
const maxMetricsDays = 366;

/** POST /flags/{key}/evaluate: what the environment serves this context now. */
export async function previewFlag(scope: Scope, key: string, input: EvaluateInput) {
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    await flagByKey(db, scope, key);
    const environment = await environmentByKey(db, scope, input.environment);
    const compiled = compileSnapshot(await loadSnapshot(db, environment.id));
    return evaluateFlag(compiled, key, input.context as EvaluationContext);
  });
}

/** POST /flags/evaluate: every flag of the environment for this context. */
export async function previewAll(scope: Scope, input: EvaluateInput) {
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    const environment = await environmentByKey(db, scope, input.environment);
    const compiled = compileSnapshot(await loadSnapshot(db, environment.id));
    return { data: evaluateAll(compiled, input.context as EvaluationContext) };
  });
}

function metricsWindow(query: MetricsQuery): { from: Date; to: Date } {
  const to = query.to ? new Date(query.to) : new Date();
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - defaultMetricsDays * day);
  if (from > to) throw invalidField('query.from', 'must be before `to`');
  if (to.getTime() - from.getTime() > maxMetricsDays * day)
    throw invalidField('query.from', `at most ${maxMetricsDays} days before \`to\``);
  return { from, to };
}

/** The start of the bucket an hour falls in. */
function bucketOf(hour: Date, bucket: MetricsQuery['bucket']): Date {
  if (bucket === 'hour') return hour;
  return new Date(Date.UTC(hour.getUTCFullYear(), hour.getUTCMonth(), hour.getUTCDate()));
}

/** GET /flags/{key}/metrics: evaluations per bucket and variant, and the totals of the window. */
export async function flagMetrics(scope: Scope, key: string, query: MetricsQuery): Promise<MetricsOutput> {
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    await flagByKey(db, scope, key);
    const { from, to } = metricsWindow(query);
    const conditions: SQL[] = [
      eq(flagEvaluationCounts.workspaceId, scope.ctx.workspaceId),
      eq(flagEvaluationCounts.projectId, projectOf(scope)),
      eq(flagEvaluationCounts.flagKey, key),
      gte(flagEvaluationCounts.hour, new Date(Math.floor(from.getTime() / 3_600_000) * 3_600_000)),
      lte(flagEvaluationCounts.hour, to),
    ];
    if (query.environment)
      conditions.push(
        eq(flagEvaluationCounts.environmentId, (await environmentByKey(db, scope, query.environment)).id),
      );
    const rows = await db
      .select()
      .from(flagEvaluationCounts)
      .where(and(...conditions))
      .orderBy(asc(flagEvaluationCounts.hour), asc(flagEvaluationCounts.variant));
    const series = new Map<string, { time: Date; variant: string; yes: number; no: number }>();
    const totals = new Map<string, { variant: string; yes: number; no: number }>();
    let lastEvaluatedAt: Date | null = null;
    for (const row of rows) {
      const time = bucketOf(row.hour, query.bucket);
      const point = series.get(`${time.toISOString()}|${row.variant}`) ?? {
        time,
        variant: row.variant,
        yes: 0,
        no: 0,
      };
      const total = totals.get(row.variant) ?? { variant: row.variant, yes: 0, no: 0 };
      point.yes += row.yes;
      point.no += row.no;
      total.yes += row.yes;
      total.no += row.no;
      series.set(`${time.toISOString()}|${row.variant}`, point);
      totals.set(row.variant, total);
      if (!lastEvaluatedAt || row.lastEvaluatedAt > lastEvaluatedAt) lastEvaluatedAt = row.lastEvaluatedAt;
    }
    return { series: [...series.values()], totals: [...totals.values()], lastEvaluatedAt };
  });
}

/** GET /flags/stale: the flags that have done their job (or were forgotten), in key order. */
export async function staleFlags(
  scope: Scope,
  query: StaleQuery,
): Promise<{ data: StaleFlag[]; nextCursor: string | null }> {
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    const flags = await db
      .select()
      .from(featureFlags)
      .where(
        and(
          eq(featureFlags.workspaceId, scope.ctx.workspaceId),
          eq(featureFlags.projectId, projectOf(scope)),
          query.cursor ? afterFlagKeyCursor(query.cursor) : undefined,
        ),
      )
      .orderBy(asc(featureFlags.name), asc(featureFlags.id));
    const environments = await environmentsOf(db, scope);
    const configs = await configsOf(
      db,
      scope,
      flags.map((flag) => flag.id),
    );
    const evaluated = await lastEvaluations(db, scope);
    const now = new Date();
    const stale = flags
      .map((flag) => {
        const lastEvaluatedAt = evaluated.get(flag.name ?? '') ?? null;
        const reasons = staleReasonsOf(
          flag,
          { environments, configs, lastEvaluatedAt },
          now,
          query.unusedDays,
        );
        return { flag, reasons, lastEvaluatedAt };
      })
      .filter((entry) => entry.reasons.length > 0);
    const page = stale.slice(0, query.limit);
    const references = await codeReferencesOf(
      db,
      scope,
      page.map((entry) => entry.flag.name ?? ''),
    );
    const last = page[page.length - 1]?.flag;
    return {
      data: page.map(({ flag, reasons, lastEvaluatedAt }) => ({
        key: flag.name ?? '',
        reasons,
        removalDate: flag.removalDate ?? null,
        lastEvaluatedAt,
        codeReferences: references.get(flag.name ?? '') ?? [],
      })),
      nextCursor: stale.length > query.limit && last ? flagKeyCursor(last) : null,
    };
  });
}

/**
 * PUT /flags/code-references: replaces the project's code references with a new scan. Audited as
 * one event (the scan's commit and count), not a row per reference: a scan is one observation.
 */
export async function replaceCodeReferences(
  scope: Scope,
  input: CodeReferencesPut,
): Promise<{ count: number }> {
  return scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    const projectId = projectOf(scope);
    await tx
      .delete(flagCodeReferences)
      .where(
        and(
          eq(flagCodeReferences.workspaceId, scope.ctx.workspaceId),
          eq(flagCodeReferences.projectId, projectId),
        ),
      );
    const rows = input.references.map((reference) => ({
      workspaceId: scope.ctx.workspaceId,
      projectId,
      flagKey: reference.flagKey,
      path: reference.path,
      line: reference.line,
      excerpt: reference.excerpt ?? null,
      commitSha: input.commitSha ?? null,
    }));
    for (let start = 0; start < rows.length; start += 1000)
      await tx.insert(flagCodeReferences).values(rows.slice(start, start + 1000));
    await appendEvent(tx, scope, {
      eventType: 'flag_code_references.replaced',
      aggregateType: 'flag_code_references',
      aggregateId: projectId,
      changes: {},
      data: { count: rows.length, commitSha: input.commitSha ?? null },
    });
    return { count: rows.length };
  });
}
