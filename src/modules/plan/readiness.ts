import type { Executor } from '../../db/connection.ts';
import type { Area, AreaRows } from './area.ts';
import { planAreas } from './areas/index.ts';
import { type Check, type CheckResult, type Level, levels, type PlanRow } from './checks.ts';
import type { AreaScore, CheckOutcome, OutcomeStatus, ReachedLevel, Scorecard } from './contracts.ts';
import { activeWaivers, disabledChecks, excludedAreas, type ProjectRef, readPlanRows } from './store.ts';
import type { AnyPlanTable } from './table.ts';

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

function runCheck(check: Check, data: AreaRows, now: Date): CheckResult {
  try {
    return check.evaluate(data, { now });
  } catch (error) {
    return {
      status: 'unknown',
      message: `The check could not be evaluated: ${error instanceof Error ? error.message : String(error)}`,
      rows: [],
    };
  }
}

/** What the workspace and the project decided about checks and areas: waivers, disabled checks, exclusions. */
interface ProjectSettings {
  waivers: Map<string, { id: string; reason: string; expiresAt: Date; checkId: string }>;
  disabled: Map<string, string>;
  excluded: Map<string, string>;
}

async function settingsOf(db: Executor, project: ProjectRef, now: Date): Promise<ProjectSettings> {
  const waivers = await activeWaivers(db, project, now);
  const disabled = await disabledChecks(db, project.workspaceId);
  const excluded = await excludedAreas(db, project);
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
export type LoadedRows = Map<AnyPlanTable, PlanRow[]>;

function notApplicable(area: Area, reason: string): AreaScore {
  return {
    number: area.number,
    slug: area.slug,
    title: area.title,
    applicable: false,
    notApplicableReason: reason,
    level: null,
    nextLevel: null,
    passing: [],
    failing: [],
    disabled: [],
  };
}

async function scoreArea(
  db: Executor,
  area: Area,
  project: ProjectRef,
  settings: ProjectSettings,
  now: Date,
  loaded?: LoadedRows,
): Promise<AreaScore> {
  const reason = settings.excluded.get(area.slug);
  if (reason !== undefined) return notApplicable(area, reason);
  const rows = await readPlanRows(
    db,
    project,
    area.tables.map((table) => table.table),
  );
  for (const [table, list] of rows) loaded?.set(table, list);
  const data = Object.fromEntries(area.tables.map((table) => [table.key, rows.get(table.table) ?? []]));
  const outcomes = area.checks.map((check) => outcomeOf(check, runCheck(check, data, now), settings));
  const counted = outcomes.filter((outcome) => outcome.status !== 'disabled');
  const level = levelReached(counted);
  return {
    number: area.number,
    slug: area.slug,
    title: area.title,
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
  project: ProjectRef,
  options: { now: Date; areas?: string[]; loaded?: LoadedRows },
): Promise<Scorecard> {
  const settings = await settingsOf(db, project, options.now);
  const chosen = planAreas.filter((area) => !options.areas || options.areas.includes(area.slug));
  const areas: AreaScore[] = [];
  for (const area of chosen)
    areas.push(await scoreArea(db, area, project, settings, options.now, options.loaded));
  const applicable = areas.filter((area) => area.applicable);
  return {
    projectId: project.projectId,
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
