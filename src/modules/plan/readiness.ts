import { and, eq, gt } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { type Area, planAreas } from './area.ts';
import {
  type Check,
  type CheckResult,
  type CheckStatus,
  type FaultyRow,
  type Level,
  levels,
} from './checks.ts';
import { planAreaExclusions, readinessDisabledChecks, readinessWaivers } from './readiness-schema.ts';
import type { AnyPlanTable } from './table.ts';
import { readPlanRows } from './table-resource.ts';

export type OutcomeStatus = CheckStatus | 'waived' | 'disabled';
/** `none` when not even bronze is reached. */
export type ReachedLevel = Level | 'none';

export interface CheckOutcome {
  id: string;
  area: string;
  level: Level;
  title: string;
  why: string;
  status: OutcomeStatus;
  message: string;
  rows: FaultyRow[];
  waiver?: { id: string; reason: string; expiresAt: Date };
  disabledReason?: string;
}

export interface AreaScore {
  number: number;
  slug: string;
  title: string;
  applicable: boolean;
  notApplicableReason: string | null;
  level: ReachedLevel | null;
  nextLevel: Level | null;
  passing: CheckOutcome[];
  failing: CheckOutcome[];
  disabled: CheckOutcome[];
}

export interface Scorecard {
  projectId: string;
  evaluatedAt: Date;
  level: ReachedLevel;
  passing: number;
  failing: number;
  areas: AreaScore[];
  waivers: { id: string; checkId: string; reason: string; expiresAt: Date }[];
}

const passingStatuses: readonly OutcomeStatus[] = ['pass', 'not_applicable', 'waived'];
const failingStatuses: readonly OutcomeStatus[] = ['fail', 'unknown'];

/**
 * The level reached: the highest level such that every counted check at it and below passes
 * (as in service scorecards). Disabled checks do not count.
 */
export function levelReached(outcomes: Pick<CheckOutcome, 'level' | 'status'>[]): ReachedLevel {
  let reached: ReachedLevel = 'none';
  for (const level of levels) {
    const blocking = outcomes.some(
      (outcome) => outcome.level === level && failingStatuses.includes(outcome.status),
    );
    if (blocking) break;
    reached = level;
  }
  return reached;
}

function nextLevelAfter(level: ReachedLevel): Level | null {
  if (level === 'none') return 'bronze';
  return levels[levels.indexOf(level) + 1] ?? null;
}

/** The lowest of the levels (the overall level is as high as the weakest applicable area). */
function lowest(reached: ReachedLevel[]): ReachedLevel {
  const order: ReachedLevel[] = ['none', ...levels];
  return reached.reduce<ReachedLevel>(
    (low, level) => (order.indexOf(level) < order.indexOf(low) ? level : low),
    'gold',
  );
}

function runCheck(check: Check, data: Record<string, Record<string, unknown>[]>, now: Date): CheckResult {
  try {
    return check.evaluate(data as never, { now });
  } catch (error) {
    return {
      status: 'unknown',
      message: `The check could not be evaluated: ${error instanceof Error ? error.message : String(error)}`,
      rows: [],
    };
  }
}

interface ProjectSettings {
  waivers: Map<string, { id: string; reason: string; expiresAt: Date; checkId: string }>;
  disabled: Map<string, string>;
  excluded: Map<string, string>;
}

async function settingsOf(
  db: Executor,
  workspaceId: string,
  projectId: string,
  now: Date,
): Promise<ProjectSettings> {
  const waivers = await db
    .select()
    .from(readinessWaivers)
    .where(
      and(
        eq(readinessWaivers.workspaceId, workspaceId),
        eq(readinessWaivers.projectId, projectId),
        gt(readinessWaivers.expiresAt, now),
      ),
    )
    .orderBy(readinessWaivers.expiresAt);
  const disabled = await db
    .select()
    .from(readinessDisabledChecks)
    .where(eq(readinessDisabledChecks.workspaceId, workspaceId));
  const excluded = await db
    .select()
    .from(planAreaExclusions)
    .where(and(eq(planAreaExclusions.workspaceId, workspaceId), eq(planAreaExclusions.projectId, projectId)));
  return {
    // The waiver that lasts longest wins when several cover one check.
    waivers: new Map(waivers.map((waiver) => [waiver.checkId, waiver])),
    disabled: new Map(disabled.map((row) => [row.checkId, row.reason])),
    excluded: new Map(excluded.map((row) => [row.area, row.reason])),
  };
}

function outcomeOf(check: Check, evaluated: CheckResult, settings: ProjectSettings): CheckOutcome {
  const outcome: CheckOutcome = {
    id: check.id,
    area: check.area,
    level: check.level,
    title: check.title,
    why: check.why,
    status: evaluated.status,
    message: evaluated.message,
    rows: evaluated.rows,
  };
  const disabledReason = settings.disabled.get(check.id);
  if (disabledReason !== undefined) return { ...outcome, status: 'disabled', disabledReason };
  const waiver = settings.waivers.get(check.id);
  if (waiver && failingStatuses.includes(outcome.status)) {
    return {
      ...outcome,
      status: 'waived',
      waiver: { id: waiver.id, reason: waiver.reason, expiresAt: waiver.expiresAt },
    };
  }
  return outcome;
}

/** The rows an evaluation read, by table, for callers that show them too (the export). */
export type LoadedRows = Map<AnyPlanTable, Record<string, unknown>[]>;

async function scoreArea(
  db: Executor,
  area: Area,
  scope: { workspaceId: string; projectId: string },
  settings: ProjectSettings,
  now: Date,
  loaded?: LoadedRows,
): Promise<AreaScore> {
  const reason = settings.excluded.get(area.slug);
  const base = { number: area.number, slug: area.slug, title: area.title };
  if (reason !== undefined) {
    return {
      ...base,
      applicable: false,
      notApplicableReason: reason,
      level: null,
      nextLevel: null,
      passing: [],
      failing: [],
      disabled: [],
    };
  }
  const rows = await readPlanRows(
    db,
    scope.workspaceId,
    scope.projectId,
    area.tables.map((table) => table.table),
  );
  for (const [table, list] of rows) loaded?.set(table, list);
  const data = Object.fromEntries(area.tables.map((table) => [table.key, rows.get(table.table) ?? []]));
  const outcomes = area.checks.map((check) => outcomeOf(check, runCheck(check, data, now), settings));
  const counted = outcomes.filter((outcome) => outcome.status !== 'disabled');
  const level = levelReached(counted);
  return {
    ...base,
    applicable: true,
    notApplicableReason: null,
    level,
    nextLevel: nextLevelAfter(level),
    passing: outcomes.filter((outcome) => passingStatuses.includes(outcome.status)),
    failing: outcomes.filter((outcome) => failingStatuses.includes(outcome.status)),
    disabled: outcomes.filter((outcome) => outcome.status === 'disabled'),
  };
}

/** Evaluates every check of a project's plan (or of the areas named) and the levels they reach. */
export async function evaluateReadiness(
  db: Executor,
  scope: { workspaceId: string; projectId: string },
  options: { now: Date; areas?: string[]; loaded?: LoadedRows },
): Promise<Scorecard> {
  const settings = await settingsOf(db, scope.workspaceId, scope.projectId, options.now);
  const chosen = planAreas().filter((area) => !options.areas || options.areas.includes(area.slug));
  const areas: AreaScore[] = [];
  for (const area of chosen)
    areas.push(await scoreArea(db, area, scope, settings, options.now, options.loaded));
  const applicable = areas.filter((area) => area.applicable);
  return {
    projectId: scope.projectId,
    evaluatedAt: options.now,
    level: lowest(applicable.map((area) => area.level ?? 'none')),
    passing: applicable.reduce((sum, area) => sum + area.passing.length, 0),
    failing: applicable.reduce((sum, area) => sum + area.failing.length, 0),
    areas,
    waivers: [...settings.waivers.values()].map(({ id, checkId, reason, expiresAt }) => ({
      id,
      checkId,
      reason,
      expiresAt,
    })),
  };
}
