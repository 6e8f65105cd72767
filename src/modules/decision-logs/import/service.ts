import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { authorize } from '../../../core/auth/permissions.ts';
import { AppError } from '../../../core/errors/app-error.ts';
import type { Scope } from '../../../core/resource/scope.ts';
import { createRow } from '../../../core/resource/writes.ts';
import type { Executor } from '../../../db/connection.ts';
import { type ImportRequest, type importReportSchema, referenceOf } from '../contracts.ts';
import { decisionPermissions, editableStatuses } from '../lifecycle.ts';
import { decisionResource } from '../resource.ts';
import { decisionTypesOf, existingIds, type Member, membersNamed } from '../store.ts';
import { decisionLogSettings } from '../tables.ts';
import { checkReferences } from '../validation.ts';
import { baseName } from './common.ts';
import { parseDecisionFile } from './parse.ts';
import type { ParsedDecision } from './types.ts';

type Report = z.output<typeof importReportSchema>;

interface Planned {
  parsed: ParsedDecision;
  id: string;
  supersededBy?: Planned;
  supersedes: Planned[];
  values: Record<string, unknown>;
}

/** Finds the file a link points at: by file name, else by number. */
function resolver(parsed: ParsedDecision[]) {
  const byFile = new Map(parsed.map((decision) => [decision.file.toLowerCase(), decision]));
  const byNumber = new Map<number, ParsedDecision | null>();
  for (const decision of parsed) {
    if (decision.sourceNumber === undefined) continue;
    byNumber.set(decision.sourceNumber, byNumber.has(decision.sourceNumber) ? null : decision);
  }
  return (ref: string): ParsedDecision | undefined => {
    const file = baseName(ref.split('#')[0] ?? '').toLowerCase();
    const found = byFile.get(file) ?? byFile.get(`${file}.md`);
    if (found) return found;
    const number = /(\d{1,5})/.exec(ref)?.[1];
    return number ? (byNumber.get(Number(number)) ?? undefined) : undefined;
  };
}

function order(a: Planned, b: Planned): number {
  const number =
    (a.parsed.sourceNumber ?? Number.MAX_SAFE_INTEGER) - (b.parsed.sourceNumber ?? Number.MAX_SAFE_INTEGER);
  if (number) return number;
  const date = (a.parsed.decisionDate ?? '9999').localeCompare(b.parsed.decisionDate ?? '9999');
  return date || a.parsed.file.localeCompare(b.parsed.file);
}

/** Parses each file once; a name that repeats, or a file that does not parse, is an error of its own. */
function parseFiles(files: ImportRequest['files'], errors: Report['errors']): ParsedDecision[] {
  const parsed: ParsedDecision[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const name = baseName(file.name);
    if (seen.has(name.toLowerCase())) {
      errors.push({ file: name, reason: 'the same file name appears twice' });
      continue;
    }
    seen.add(name.toLowerCase());
    const outcome = parseDecisionFile(name, file.content);
    if (outcome.ok) parsed.push(outcome.decision);
    else errors.push({ file: outcome.file, reason: outcome.reason });
  }
  return parsed;
}

/** Finds the member a file names, by display name or email, case-insensitively. */
function memberFinder(people: Member[]) {
  return (name: string) =>
    people.find(
      (candidate) =>
        candidate.displayName.toLowerCase() === name.trim().toLowerCase() ||
        candidate.email.toLowerCase() === name.trim().toLowerCase(),
    );
}

/** The values a parsed decision is created with, given its resolved owner, QA and links. */
function valuesOf(
  decision: ParsedDecision,
  resolved: { decisionType: string; ownerId: string | null; qa: string[]; dropped: Set<number> },
  request: ImportRequest,
): Record<string, unknown> {
  return {
    title: decision.title,
    status: decision.status,
    decisionType: resolved.decisionType,
    decisionOwner: decision.deciders.join(', ').slice(0, 200),
    decisionOwnerId: resolved.ownerId,
    involvedQa: [...new Set(resolved.qa)],
    ...(decision.decisionDate ? { decisionDate: decision.decisionDate } : {}),
    sprintRelease: decision.sprintRelease.slice(0, 100),
    context: decision.context,
    decision: decision.decision,
    decisionDrivers: decision.decisionDrivers,
    consideredOptions: decision.consideredOptions,
    consequences: decision.consequences,
    consequencesGood: decision.consequencesGood,
    consequencesBad: decision.consequencesBad,
    confirmation: decision.confirmation,
    moreInformation: decision.moreInformation,
    impactRisk: decision.impactRisk ?? null,
    tags: [...new Set(decision.tags)],
    relatedArtifacts: decision.relatedArtifacts.filter((_, index) => !resolved.dropped.has(index)),
    projectId: request.projectId ?? null,
  };
}

/** Parses and plans an import: what would be created, and every file that cannot be. */
async function plan(db: Executor, scope: Scope, request: ImportRequest) {
  const errors: Report['errors'] = [];
  const parsed = parseFiles(request.files, errors);
  const workspaceId = scope.ctx.workspaceId;
  const types = await decisionTypesOf(db, workspaceId);
  const member = memberFinder(
    await membersNamed(
      db,
      workspaceId,
      parsed.flatMap((decision) => [...decision.deciders, ...decision.qa]),
    ),
  );
  const planned = new Map<ParsedDecision, Planned>();
  for (const decision of parsed) {
    const decisionType = decision.decisionType ?? request.decisionType ?? 'architecture';
    if (!types.includes(decisionType)) {
      errors.push({
        file: decision.file,
        reason: `decision type "${decisionType}" is not one of this workspace's (${types.join(', ')})`,
      });
      continue;
    }
    const owner = decision.deciders.length === 1 ? member(decision.deciders[0] ?? '') : undefined;
    const qa: string[] = [];
    for (const name of decision.qa) {
      const found = member(name);
      if (found) qa.push(found.userId);
      else decision.warnings.push(`involved QA "${name}" is not a member of this workspace; left out`);
    }
    const artifactErrors = await checkReferences(db, scope, { relatedArtifacts: decision.relatedArtifacts });
    const dropped = new Set(artifactErrors.map((error) => Number(error.path.split('.')[1])));
    for (const error of artifactErrors)
      decision.warnings.push(`related artifact left out: ${error.path}: ${error.message}`);
    const values = valuesOf(decision, { decisionType, ownerId: owner?.userId ?? null, qa, dropped }, request);
    planned.set(decision, { parsed: decision, id: uuidv7(), supersedes: [], values });
  }
  linkSupersessions([...planned.values()], resolver(parsed), planned);
  return { errors, planned: [...planned.values()].sort(order) };
}

function linkSupersessions(
  all: Planned[],
  resolve: ReturnType<typeof resolver>,
  planned: Map<ParsedDecision, Planned>,
) {
  const link = (older: Planned, newer: Planned) => {
    if (older === newer) return;
    if (older.supersededBy && older.supersededBy !== newer) {
      older.parsed.warnings.push(
        `also said to be superseded by ${newer.parsed.file}; kept ${older.supersededBy.parsed.file}`,
      );
      return;
    }
    if (older.supersededBy === newer) return;
    older.supersededBy = newer;
    newer.supersedes.push(older);
  };
  for (const item of all) {
    const { parsed } = item;
    if (parsed.supersededByRef) {
      const target = resolve(parsed.supersededByRef);
      const newer = target && planned.get(target);
      if (newer) link(item, newer);
      else
        parsed.warnings.push(
          `superseding decision "${parsed.supersededByRef}" is not among the imported files; link left out`,
        );
    }
    for (const ref of parsed.supersedesRefs) {
      const target = resolve(ref);
      const older = target && planned.get(target);
      if (older) link(older, item);
      else
        parsed.warnings.push(`superseded decision "${ref}" is not among the imported files; link left out`);
    }
  }
  for (const item of all) {
    if (item.supersededBy && item.parsed.status !== 'superseded') {
      item.parsed.warnings.push(
        `is superseded by ${item.supersededBy.parsed.file} but its status says ${item.parsed.status}`,
      );
    }
  }
}

function reportOf(
  dryRun: boolean,
  planned: Planned[],
  numbers: number[],
  ids: (string | null)[],
  errors: Report['errors'],
): Report {
  return {
    dryRun,
    decisions: planned.map((item, index) => ({
      file: item.parsed.file,
      format: item.parsed.format,
      id: ids[index] ?? null,
      number: numbers[index] ?? 0,
      reference: referenceOf(numbers[index] ?? 0),
      title: item.parsed.title,
      status: item.parsed.status,
      decisionDate: item.parsed.decisionDate ?? null,
      decisionOwner: item.values.decisionOwner as string,
      supersededBy: item.supersededBy?.parsed.file ?? null,
      supersedes: item.supersedes.map((older) => older.parsed.file),
      warnings: item.parsed.warnings,
    })),
    errors,
  };
}

/**
 * Imports a folder of ADR files: all of them in one transaction, or none. A dry run (or a run with
 * a file that cannot be imported) reports what would be created and why a file cannot be.
 */
export async function importDecisions(scope: Scope, request: ImportRequest): Promise<Report> {
  const { actor, workspaceId } = scope.ctx;
  // Planning reads and the import's writes see the same state: one transaction, all or nothing.
  return scope.db.transaction(async (tx) => {
    if (request.projectId) {
      const found = await existingIds(tx, scope.app.resources, workspaceId, 'projects', [request.projectId]);
      if (!found?.has(request.projectId)) {
        throw new AppError('unprocessable', 'projectId: no such project in this workspace', {
          code: 'decision_log.invalid_reference',
          errors: [{ path: 'projectId', message: 'no such project in this workspace' }],
        });
      }
    }
    const { errors, planned } = await plan(tx, scope, request);
    if (request.dryRun || errors.length) {
      const [settings] = await tx
        .select({ lastNumber: decisionLogSettings.lastNumber })
        .from(decisionLogSettings)
        .where(eq(decisionLogSettings.workspaceId, workspaceId));
      const base = settings?.lastNumber ?? 0;
      const report = reportOf(
        true,
        planned,
        planned.map((_, index) => base + index + 1),
        [],
        errors,
      );
      if (!errors.length || request.dryRun) return report;
      throw new AppError(
        'unprocessable',
        `${errors.length} file(s) cannot be imported, so nothing was: ${errors.map((error) => `${error.file}: ${error.reason}`).join('; ')}`,
        {
          code: 'decision_log.import_failed',
          errors: errors.map((error) => ({ path: `files.${error.file}`, message: error.reason })),
          extensions: { report },
        },
      );
    }
    // Importing ratified decisions records ratifications: a state-dependent permission.
    if (planned.some((item) => !editableStatuses.includes(item.parsed.status)))
      authorize(actor, decisionPermissions.ratify);
    const rows = [];
    for (const item of planned) {
      rows.push(
        await createRow(tx, decisionResource, scope, {
          ...item.values,
          id: item.id,
          supersededBy: item.supersededBy?.id ?? null,
          supersedes: item.supersedes.map((older) => older.id),
        }),
      );
    }
    return reportOf(
      false,
      planned,
      rows.map((row) => row.number),
      rows.map((row) => row.id),
      [],
    );
  });
}
