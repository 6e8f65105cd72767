import { createHash } from 'node:crypto';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { AppError } from '../../core/errors/app-error.ts';
import { appendEvent } from '../../core/events/append.ts';
import { runIdempotentWrite, type StoredAnswer } from '../../core/http/idempotency.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible, toOutput } from '../../core/resource/service.ts';
import { createRow } from '../../core/resource/writes.ts';
import { indexRows } from '../../core/search/indexer.ts';
import type { Transaction } from '../../db/connection.ts';
import { readSarif, type SarifFinding, type SarifRunRead } from '../../engines/sarif/index.ts';
import { reviewFindings } from '../plan/areas/code-review-automation.ts';
import { type SarifUploadQuery, sarifMediaTypes } from './contracts.ts';
import { dispositionJudge, type Judge } from './disposition.ts';
import { autoFixResource, findingSetResource, reviewFindingResource } from './resource.ts';
import { type FindingSetCounts, type FindingSetRow, findingSetFindings } from './tables.ts';

// A SARIF upload, in one transaction: each run becomes a finding set; its results become the plan's
// review findings, one per (project, stream, fingerprint), opened, seen again or reopened; the
// stream's open findings it no longer reports are fixed (with an auto-fix row when the tool had
// offered a fix). The findings are written in batches (a few statements per 500 results, not per
// result) and audited by one event per set naming every finding it opened, reopened or closed;
// auto-fix rows go through the plan's own writes, one event each. Search documents follow in bulk.

/** Rows per multi-row statement. */
const batchSize = 500;
/** Plan labels hold at most this many characters. */
const labelLength = 200;
const detailsLength = 9_000;

/** Refuses what is not a SARIF 2.1.0 log: 422 with each problem's path in the log. */
export function runsOfLog(log: unknown): SarifRunRead[] {
  const reading = readSarif(log);
  if (reading.ok) return reading.runs;
  const [first] = reading.problems;
  return refuse(`Not a SARIF 2.1.0 log: ${first?.path}: ${first?.message}`, reading.problems);
}

function refuse(message: string, errors: { path: string; message: string }[]): never {
  throw new AppError('unprocessable', message, { code: 'findings.invalid_sarif', errors });
}

/** The SARIF log in a request body: UTF-8 JSON, else 422. */
export function parseSarifBytes(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return refuse('The body is not JSON: a SARIF log is a JSON document.', [
      { path: '(log)', message: reason },
    ]);
  }
}

/** Uploads a SARIF log (parsed JSON) to the scope's project: one finding set per run, in one transaction. */
export async function uploadSarif(
  scope: Scope,
  log: unknown,
  options: SarifUploadQuery = {},
): Promise<FindingSetRow[]> {
  await scope.db.read((db) => assertProjectVisible(db, scope));
  const runs = runsOfLog(log);
  return scope.db.transaction((tx) => ingestRuns(tx, scope, runs, options));
}

/** Writes the runs' finding sets and findings in the caller's transaction. */
export async function ingestRuns(
  tx: Transaction,
  scope: Scope,
  runs: SarifRunRead[],
  options: SarifUploadQuery,
): Promise<FindingSetRow[]> {
  const projectId = projectOf(scope);
  await assertProjectVisible(tx, scope);
  const judge = await dispositionJudge(tx, scope, projectId);
  const sets: FindingSetRow[] = [];
  for (const run of runs) sets.push(await ingestRun(tx, scope, { projectId, run, options, judge }));
  return sets;
}

function projectOf(scope: Scope): string {
  if (!scope.projectId) throw new Error('findings are uploaded to a project');
  return scope.projectId;
}

interface RunIngest {
  projectId: string;
  run: SarifRunRead;
  options: SarifUploadQuery;
  judge: Judge;
}

interface Reported {
  finding: SarifFinding;
  occurrences: number;
}

interface Known {
  id: string;
  fingerprint: string;
  status: string;
  details: string;
}

/** The run's results by fingerprint (the first result of each speaks for it), and what it suppresses. */
function groupResults(run: SarifRunRead) {
  const reported = new Map<string, Reported>();
  const suppressed = new Set<string>();
  let suppressedCount = 0;
  for (const finding of run.results) {
    if (finding.suppressed) {
      suppressedCount += 1;
      suppressed.add(finding.fingerprint);
      continue;
    }
    const known = reported.get(finding.fingerprint);
    if (known) known.occurrences += 1;
    else reported.set(finding.fingerprint, { finding, occurrences: 1 });
  }
  for (const fingerprint of reported.keys()) suppressed.delete(fingerprint);
  return { reported, suppressed, suppressedCount };
}

/** What becomes of each finding: opened, seen again, reopened, closed (fixed), accepted (suppressed). */
function planRun(reported: Map<string, Reported>, suppressed: Set<string>, known: Known[]) {
  const byFingerprint = new Map(known.map((row) => [row.fingerprint, row]));
  const open: Reported[] = [];
  const again: { row: Known; reported: Reported }[] = [];
  const reopen: { row: Known; reported: Reported }[] = [];
  for (const [fingerprint, entry] of reported) {
    const row = byFingerprint.get(fingerprint);
    if (!row) open.push(entry);
    else if (row.status === 'fixed') reopen.push({ row, reported: entry });
    else again.push({ row, reported: entry });
  }
  const close = known.filter(
    (row) => row.status === 'open' && !reported.has(row.fingerprint) && !suppressed.has(row.fingerprint),
  );
  const accept = known.filter((row) => row.status === 'open' && suppressed.has(row.fingerprint));
  return { open, again, reopen, close, accept };
}

async function ingestRun(tx: Transaction, scope: Scope, ingest: RunIngest): Promise<FindingSetRow> {
  const { projectId, run, options } = ingest;
  const stream = clip(run.stream, labelLength);
  // Uploads of one stream take turns: each reads what the one before it left.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`findings:${projectId}:${stream}`}))`);
  const { reported, suppressed, suppressedCount } = groupResults(run);
  const known = await knownFindings(tx, scope, projectId, stream);
  const plan = planRun(reported, suppressed, known);
  const counts: FindingSetCounts = {
    results: run.results.length,
    opened: plan.open.length,
    seenAgain: plan.again.length,
    reopened: plan.reopen.length,
    closed: plan.close.length,
    suppressed: suppressedCount,
  };
  const set = await createRow(tx, findingSetResource, scope, {
    tool: clip(run.tool, labelLength),
    toolVersion: run.toolVersion ? clip(run.toolVersion, labelLength) : null,
    stream,
    commitSha: options.commit?.toLowerCase() ?? null,
    branch: options.branch ?? null,
    counts,
    createdBy: scope.ctx.actor.userId,
  });
  const row = (entry: Reported) => findingValues(entry.finding, run, ingest);
  const newRows = plan.open.map((entry) => ({ id: uuidv7(), occurrences: entry.occurrences, ...row(entry) }));
  await insertFindings(tx, scope, projectId, stream, newRows);
  const opened = newRows.map((entry) => entry.id);
  await refreshFindings(tx, [
    ...plan.again.map((item) => ({ id: item.row.id, reopen: false, ...row(item.reported) })),
    ...plan.reopen.map((item) => ({ id: item.row.id, reopen: true, ...row(item.reported) })),
  ]);
  await setStatus(tx, plan.close, 'fixed');
  await setStatus(tx, plan.accept, 'accepted');
  const links = [
    ...newRows.map((entry) => ({ findingId: entry.id, occurrences: entry.occurrences })),
    ...[...plan.again, ...plan.reopen].map((item) => ({
      findingId: item.row.id,
      occurrences: item.reported.occurrences,
    })),
  ];
  await linkFindings(tx, scope, set.id, links);
  await recordFixes(tx, scope, run.tool, plan.close);
  await indexFindings(
    tx,
    set.id,
    [...plan.close, ...plan.accept].map((item) => item.id),
  );
  await appendEvent(tx, scope, {
    eventType: 'finding_set.ingested',
    aggregateType: 'finding_set',
    aggregateId: set.id,
    aggregateVersion: set.version,
    changes: {},
    data: {
      stream,
      opened: opened,
      reopened: plan.reopen.map((item) => item.row.id),
      closed: plan.close.map((item) => item.id),
      accepted: plan.accept.map((item) => item.id),
      seenAgain: plan.again.length,
    },
  });
  return set;
}

async function knownFindings(
  tx: Transaction,
  scope: Scope,
  projectId: string,
  stream: string,
): Promise<Known[]> {
  const f = reviewFindings;
  const rows = await tx
    .select({ id: f.id, fingerprint: f.fingerprint, status: f.status, details: f.details })
    .from(f)
    .where(
      and(
        eq(f.workspaceId, scope.ctx.workspaceId),
        eq(f.projectId, projectId),
        eq(f.stream, stream),
        isNotNull(f.fingerprint),
      ),
    );
  return rows.map((row) => ({ ...row, fingerprint: row.fingerprint ?? '', status: row.status ?? 'open' }));
}

function clip(text: string, length: number): string {
  const trimmed = text.trim();
  return trimmed.length <= length ? trimmed : `${trimmed.slice(0, length - 1)}…`;
}

/** "Fix offered: <description> (2 files changed)": written into the details, read back when the finding closes. */
const fixLine = /^Fix offered(?:: .*)? \((\d+) files? changed\)$/m;

function detailsOf(finding: SarifFinding): string {
  const fixes = finding.fixes.map(
    (fix) =>
      `Fix offered${fix.description ? `: ${clip(fix.description, 500)}` : ''} (${fix.filesChanged} file${fix.filesChanged === 1 ? '' : 's'} changed)`,
  );
  return [clip(finding.message, detailsLength), ...fixes].join('\n\n');
}

function locationOf(finding: SarifFinding): string | null {
  if (!finding.path) return null;
  const place = [finding.startLine, finding.startColumn].filter((value) => value !== null).join(':');
  return clip(place ? `${finding.path}:${place}` : finding.path, labelLength);
}

/** The columns a reported finding sets, on insert and each time it is seen again. */
function findingValues(finding: SarifFinding, run: SarifRunRead, ingest: RunIngest) {
  const judgement = ingest.judge(finding.ruleId, finding.severity);
  const firstLine = finding.message.split('\n')[0]?.trim() || finding.ruleId;
  return {
    name: clip(`${finding.ruleId}: ${firstLine}`, labelLength),
    severity: finding.severity,
    disposition: judgement.disposition,
    gateId: judgement.gateId,
    checklistId: judgement.checklistId,
    location: locationOf(finding),
    source: clip(run.tool, labelLength),
    details: detailsOf(finding),
    ruleId: clip(finding.ruleId, labelLength),
    fingerprint: finding.fingerprint,
    commit: ingest.options.commit?.toLowerCase() ?? null,
  };
}

type FindingValues = ReturnType<typeof findingValues>;

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += batchSize)
    out.push(items.slice(start, start + batchSize));
  return out;
}

async function insertFindings(
  tx: Transaction,
  scope: Scope,
  projectId: string,
  stream: string,
  rows: (FindingValues & { id: string })[],
): Promise<void> {
  // The rows travel as one JSON document a batch (far cheaper to bind than thousands of parameters).
  for (const batch of batches(rows)) {
    const json = JSON.stringify(batch);
    await tx.execute(sql`insert into ${reviewFindings} (id, workspace_id, project_id, name, severity,
        disposition, gate_id, checklist_id, location, source, details, rule_id, fingerprint, stream,
        commit, status, last_seen_at)
      select x.id, ${scope.ctx.workspaceId}, ${projectId}, x.name, x.severity, x.disposition, x."gateId",
        x."checklistId", x.location, x.source, x.details, x."ruleId", x.fingerprint, ${stream}, x.commit,
        'open', now()
      from jsonb_to_recordset(${json}::jsonb) as x(id uuid, name text, severity text, disposition text,
        "gateId" uuid, "checklistId" uuid, location text, source text, details text, "ruleId" text,
        fingerprint text, commit text)`);
  }
}

/** Findings reported again: their place, message and judgement as now reported; fixed ones reopen. */
async function refreshFindings(tx: Transaction, rows: (FindingValues & { id: string; reopen: boolean })[]) {
  for (const batch of batches(rows)) {
    const json = JSON.stringify(batch);
    await tx.execute(sql`update ${reviewFindings} f set
        name = x.name, severity = x.severity, disposition = x.disposition, gate_id = x."gateId",
        checklist_id = x."checklistId", location = x.location, source = x.source, details = x.details,
        rule_id = x."ruleId", commit = x.commit, last_seen_at = now(),
        status = case when x.reopen then 'open' else f.status end,
        version = f.version + 1, updated_at = now()
      from jsonb_to_recordset(${json}::jsonb) as x(id uuid, name text, severity text, disposition text,
        "gateId" uuid, "checklistId" uuid, location text, source text, details text, "ruleId" text,
        commit text, reopen boolean)
      where f.id = x.id`);
  }
}

async function setStatus(tx: Transaction, rows: { id: string }[], status: 'fixed' | 'accepted') {
  for (const batch of batches(rows)) {
    const ids = JSON.stringify(batch.map((row) => row.id));
    await tx.execute(sql`update ${reviewFindings} set status = ${status}, version = version + 1, updated_at = now()
      where id in (select value::uuid from jsonb_array_elements_text(${ids}::jsonb))`);
  }
}

async function linkFindings(
  tx: Transaction,
  scope: Scope,
  setId: string,
  links: { findingId: string; occurrences: number }[],
) {
  for (const batch of batches(links)) {
    const json = JSON.stringify(batch);
    await tx.execute(sql`insert into ${findingSetFindings} (workspace_id, set_id, finding_id, occurrences)
      select ${scope.ctx.workspaceId}, ${setId}, x."findingId", x.occurrences
      from jsonb_to_recordset(${json}::jsonb) as x("findingId" uuid, occurrences int)`);
  }
}

/** A closed finding the tool had offered a fix for: the fix was applied, as far as the findings tell. */
async function recordFixes(tx: Transaction, scope: Scope, tool: string, closed: Known[]) {
  for (const finding of closed) {
    const offered = fixLine.exec(finding.details);
    if (!offered) continue;
    await createRow(tx, autoFixResource, scope, {
      name: clip(`Fixed: ${finding.details.split('\n')[0] ?? ''}`, labelLength),
      findingId: finding.id,
      tool: clip(tool, labelLength),
      filesChanged: Math.min(Number(offered[1]), 100_000),
      outcome: 'applied',
      appliedAt: new Date(),
    });
  }
}

/** The search documents of every finding the set reported or changed, in a statement or two. */
async function indexFindings(tx: Transaction, setId: string, changed: string[]) {
  const l = findingSetFindings;
  await indexRows(
    tx,
    reviewFindingResource,
    sql`${reviewFindings.id} in (select ${l.findingId} from ${l} where ${l.setId} = ${setId})`,
  );
  for (const batch of batches(changed))
    await indexRows(
      tx,
      reviewFindingResource,
      sql`${reviewFindings.id} in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(batch)}::jsonb))`,
    );
}

export interface SarifRequest {
  /** The body as the route received it: the log's bytes. */
  body: unknown;
  query: SarifUploadQuery;
  idempotencyKey?: string;
  /** The request's path, which an Idempotency-Key is bound to. */
  path: string;
}

/**
 * POST …/findings/sarif: the project first (404), then the log (422 with SARIF paths), then the
 * sets and findings in one transaction; a repeated Idempotency-Key answers the first upload again.
 */
export async function receiveSarif(
  scope: Scope,
  request: SarifRequest,
): Promise<StoredAnswer & { replayed: boolean }> {
  await scope.db.read((db) => assertProjectVisible(db, scope));
  if (!(request.body instanceof Uint8Array))
    throw new AppError('unsupported_media_type', `Send the SARIF log as ${sarifMediaTypes.join(' or ')}.`, {
      code: 'findings.unsupported_media_type',
    });
  const runs = runsOfLog(parseSarifBytes(request.body));
  const digest = createHash('sha256').update(request.body).digest('hex');
  return runIdempotentWrite(
    scope.db,
    {
      key: request.idempotencyKey,
      method: 'POST',
      path: request.path,
      body: { sha256: digest, ...request.query },
    },
    async (tx) => {
      const sets = await ingestRuns(tx, scope, runs, request.query);
      const data = sets.map((set) => toOutput(findingSetResource, set));
      return { status: 201, body: JSON.parse(JSON.stringify({ data })), headers: {} };
    },
  );
}
