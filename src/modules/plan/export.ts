import { getTableName } from 'drizzle-orm';
import { authorize } from '../../core/auth/permissions.ts';
import { inProject, type Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible, getRow, listRows } from '../../core/resource/service.ts';
import type { Executor } from '../../db/connection.ts';
import { decisionResource } from '../decision-logs/resource.ts';
import { prdResource } from '../prd-reviews/resource.ts';
import { projectResource } from '../projects/resource.ts';
import { planAreas } from './areas/index.ts';
import { levels, type PlanRow } from './checks.ts';
import type { CheckOutcome, ExportFormat, ReachedLevel, Scorecard } from './contracts.ts';
import { planToMarkdown } from './export-markdown.ts';
import { planPermissions } from './permissions.ts';
import { evaluateReadiness, type LoadedRows } from './readiness.ts';
import { type AnyPlanTable, planTableInfo } from './table.ts';

/** A row of the plan as the export shows it: a stable id (`job_types/<uuid>`) and its specified fields. */
export interface ExportedRow {
  ref: string;
  name: string;
  fields: Record<string, unknown>;
}

export interface ExportedArea {
  number: number;
  slug: string;
  title: string;
  summary: string;
  applicable: boolean;
  notApplicableReason: string | null;
  level: ReachedLevel | null;
  checks: CheckOutcome[];
  tables: { name: string; purpose: string; rows: ExportedRow[] }[];
}

export interface PlanExport {
  project: { id: string; key: string; name: string };
  generatedAt: Date;
  level: ReachedLevel;
  /** Failing checks, lowest level first: what to do next. */
  gaps: CheckOutcome[];
  requirements: { id: string; title: string; revision: number; approvedAt: Date | null }[];
  decisions: { id: string; reference: string; title: string; decision: string; decisionDate: string }[];
  areas: ExportedArea[];
}

/** The export as it is sent: its media type and its text. */
export interface PlanDocument {
  contentType: string;
  body: string;
}

const maxLinked = 200;
const hidden = new Set(['id', 'workspaceId', 'projectId', 'createdAt', 'updatedAt', 'version', 'name']);

function isEmpty(value: unknown): boolean {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/** The whole plan of the project in the path, as JSON or as Markdown for agents. */
export async function exportPlan(scope: Scope, format: ExportFormat): Promise<PlanDocument> {
  // The export carries the project's scorecard, so reading it takes the readiness permission too.
  authorize(scope.ctx.actor, planPermissions.readinessRead);
  const plan = await scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    return buildPlanExport(tx, scope, new Date());
  });
  if (format === 'md') return { contentType: 'text/markdown; charset=utf-8', body: planToMarkdown(plan) };
  return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(plan) };
}

/**
 * The whole plan of a project, by area, with its readiness gaps first and the approved PRDs and
 * accepted decisions it rests on. References show as the stable id of the row they point to.
 */
async function buildPlanExport(db: Executor, scope: Scope, now: Date): Promise<PlanExport> {
  if (!scope.projectId) throw new Error('the plan export needs a project');
  const projectId = scope.projectId;
  const project = await getRow(db, projectResource, scope, projectId);
  const loaded: LoadedRows = new Map();
  const scorecard = await evaluateReadiness(
    db,
    { workspaceId: scope.ctx.workspaceId, projectId },
    { now, loaded },
  );
  const gaps = scorecard.areas
    .flatMap((area) => area.failing)
    .sort((a, b) => levels.indexOf(a.level) - levels.indexOf(b.level));
  return {
    project: { id: projectId, key: project.key, name: project.name },
    generatedAt: now,
    level: scorecard.level,
    gaps,
    ...(await linkedRecords(db, scope, projectId)),
    areas: exportedAreas(scorecard, loaded),
  };
}

/** The approved PRDs of the project and the accepted decisions about it. */
async function linkedRecords(
  db: Executor,
  scope: Scope,
  projectId: string,
): Promise<Pick<PlanExport, 'requirements' | 'decisions'>> {
  const prds = await listRows(db, prdResource, inProject(scope, projectId), {
    'filter[status]': 'approved',
    limit: maxLinked,
  });
  const decisions = await listRows(db, decisionResource, scope, {
    'filter[status]': 'accepted',
    'filter[project]': projectId,
    limit: maxLinked,
  });
  return {
    requirements: prds.data.map((prd) => ({
      id: prd.id,
      title: prd.title,
      revision: prd.currentRevision,
      approvedAt: prd.reviewedAt ?? null,
    })),
    decisions: decisions.data.map((decision) => ({
      id: decision.id,
      reference: `ADR-${String(decision.number).padStart(4, '0')}`,
      title: decision.title,
      decision: decision.decision,
      decisionDate: decision.decisionDate,
    })),
  };
}

/** Every area with its checks and rows; areas marked not applicable were not read and show their reason. */
function exportedAreas(scorecard: Scorecard, loaded: LoadedRows): ExportedArea[] {
  const refs = new Map<string, string>();
  for (const [table, rows] of loaded) {
    for (const row of rows) refs.set(row.id, `${getTableName(table)}/${row.id}`);
  }
  return planAreas.map((area) => {
    const score = scorecard.areas.find((candidate) => candidate.slug === area.slug);
    return {
      number: area.number,
      slug: area.slug,
      title: area.title,
      summary: area.summary,
      applicable: score?.applicable ?? true,
      notApplicableReason: score?.notApplicableReason ?? null,
      level: score?.level ?? null,
      checks: score ? [...score.failing, ...score.passing, ...score.disabled] : [],
      tables: area.tables.map((table) => ({
        name: table.name,
        purpose: table.purpose,
        rows: (loaded.get(table.table) ?? []).map((row) => exportRow(table.table, row, refs)),
      })),
    };
  });
}

function exportRow(table: AnyPlanTable, row: PlanRow, refs: Map<string, string>): ExportedRow {
  const { fields: specs, name } = planTableInfo(table);
  const fields: Record<string, unknown> = {};
  for (const [field, spec] of Object.entries(specs)) {
    const value = row[field];
    if (hidden.has(field) || isEmpty(value)) continue;
    fields[field] = spec.references && typeof value === 'string' ? (refs.get(value) ?? value) : value;
  }
  return {
    ref: `${name}/${row.id}`,
    name: typeof row.name === 'string' ? row.name : `${name}/${row.id}`,
    fields,
  };
}
