import { getTableName } from 'drizzle-orm';
import type { RequestContext } from '../../core/auth/context.ts';
import { getRow, listRows } from '../../core/resource/service.ts';
import type { Executor } from '../../db/connection.ts';
import { decisionResource } from '../decision-logs/resource.ts';
import { prdResource } from '../prd-reviews/resource.ts';
import { projectResource } from '../projects/resource.ts';
import { planAreas } from './area.ts';
import { levels } from './checks.ts';
import { type CheckOutcome, evaluateReadiness, type LoadedRows, type ReachedLevel } from './readiness.ts';
import { planTableInfo } from './table.ts';

/** A row of the plan as the export shows it: a stable id (`job_types/<uuid>`) and its specified fields. */
export interface ExportedRow {
  ref: string;
  name: string;
  fields: Record<string, unknown>;
}

export interface PlanExport {
  project: { id: string; key: string; name: string };
  generatedAt: Date;
  level: ReachedLevel;
  /** Failing checks, lowest level first: what to do next. */
  gaps: CheckOutcome[];
  requirements: { id: string; title: string; revision: number; approvedAt: Date | null }[];
  decisions: { id: string; reference: string; title: string; decision: string; decisionDate: string }[];
  areas: {
    number: number;
    slug: string;
    title: string;
    summary: string;
    applicable: boolean;
    notApplicableReason: string | null;
    level: ReachedLevel | null;
    checks: CheckOutcome[];
    tables: { name: string; purpose: string; rows: ExportedRow[] }[];
  }[];
}

const maxLinked = 200;
const hidden = new Set(['id', 'workspaceId', 'projectId', 'createdAt', 'updatedAt', 'version', 'name']);

function isEmpty(value: unknown): boolean {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/**
 * The whole plan of a project, by area, with its readiness gaps first and the approved PRDs and
 * accepted decisions it rests on. References show as the stable id of the row they point to.
 */
export async function buildPlanExport(
  db: Executor,
  ctx: RequestContext,
  projectId: string,
  now: Date,
): Promise<PlanExport> {
  const scope = { workspaceId: ctx.workspaceId, projectId };
  const project = await getRow(db, projectResource, { ctx }, projectId);
  const loaded: LoadedRows = new Map();
  const scorecard = await evaluateReadiness(db, scope, { now, loaded });
  const prds = await listRows(
    db,
    prdResource,
    { ctx, projectId },
    { 'filter[status]': 'approved', limit: maxLinked },
  );
  const decisions = await listRows(
    db,
    decisionResource,
    { ctx },
    { 'filter[status]': 'accepted', 'filter[project]': projectId, limit: maxLinked },
  );

  const refs = new Map<string, string>();
  const areas: PlanExport['areas'] = [];
  for (const area of planAreas()) {
    const score = scorecard.areas.find((candidate) => candidate.slug === area.slug);
    // Areas marked not applicable were not read: the export shows their reason, not their rows.
    const rows = new Map(area.tables.map((table) => [table.table, loaded.get(table.table) ?? []]));
    for (const [table, list] of rows) {
      for (const row of list) refs.set(row.id as string, `${getTableName(table)}/${row.id}`);
    }
    areas.push({
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
        rows: (rows.get(table.table) ?? []).map((row) => exportRow(table.table, row, refs)),
      })),
    });
  }
  const gaps = scorecard.areas
    .flatMap((area) => area.failing)
    .sort((a, b) => levels.indexOf(a.level) - levels.indexOf(b.level));
  return {
    project: { id: projectId, key: String(project.key), name: String(project.name) },
    generatedAt: now,
    level: scorecard.level,
    gaps,
    requirements: prds.data.map((prd) => ({
      id: prd.id,
      title: String(prd.title),
      revision: Number(prd.currentRevision),
      approvedAt: (prd.reviewedAt as Date | null) ?? null,
    })),
    decisions: decisions.data.map((decision) => ({
      id: decision.id,
      reference: `ADR-${String(decision.number).padStart(4, '0')}`,
      title: String(decision.title),
      decision: String(decision.decision),
      decisionDate: String(decision.decisionDate),
    })),
    areas,
  };
}

function exportRow(table: object, row: Record<string, unknown>, refs: Map<string, string>): ExportedRow {
  const { fields: specs, name } = planTableInfo(table);
  const fields: Record<string, unknown> = {};
  for (const [field, spec] of Object.entries(specs)) {
    const value = row[field];
    if (hidden.has(field) || isEmpty(value)) continue;
    fields[field] = spec.references ? (refs.get(value as string) ?? value) : value;
  }
  return {
    ref: `${name}/${row.id}`,
    name: typeof row.name === 'string' ? row.name : `${name}/${row.id}`,
    fields,
  };
}
