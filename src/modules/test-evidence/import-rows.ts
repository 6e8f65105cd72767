import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Scope } from '../../core/resource/scope.ts';
import { categorize } from '../../engines/test-results/index.ts';
import type {
  AttachmentRef,
  Category,
  Fixture,
  Label,
  Step,
  TestResult,
} from '../../engines/test-results/model.ts';
import type { StepKind, StoredAttachment } from './tables.ts';

// Test results become scenario rows and step rows, written in batches: one multi-row INSERT per
// table per batch (the rows travel as one JSON document, unpacked by jsonb_to_recordset), so an
// import of 100,000 results costs a few hundred statements, and only one batch is in memory.

/** What rows are written for, and what results are resolved against. */
export interface RowContext {
  workspaceId: string;
  projectId: string;
  runId: string;
  categories: readonly Category[];
  /** The stored attachment a result's `source` names, once its file was read. */
  attachment(source: string): StoredAttachment | undefined;
  /** The setup and teardown fixtures of the containers that list this result. */
  fixturesOf(resultUuid: string): Fixture[];
}

/** Results a batch holds, and the JSON it may reach, before it is written. */
const batchResults = 500;
const batchJsonBytes = 8 * 1024 * 1024;

const quarantineNames = new Set(['quarantine', 'quarantined']);

function labelValue(labels: readonly Label[], name: string): string | null {
  return labels.find((label) => label.name === name)?.value ?? null;
}

function at(epochMs: number | undefined): string | null {
  return epochMs === undefined || !Number.isFinite(epochMs) ? null : new Date(epochMs).toISOString();
}

function duration(start: number | undefined, stop: number | undefined): number | null {
  return start === undefined || stop === undefined ? null : Math.max(0, Math.round(stop - start));
}

// In unicode mode a surrogate pair is one code point, so only a lone surrogate matches.
const loneSurrogates = /\p{Surrogate}/gu;

/** PostgreSQL stores no NUL in text or jsonb, nor a lone surrogate: test output may hold either. */
function storable(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.replace(loneSurrogates, '\uFFFD').replaceAll('\u0000', '') : value;
}

/** JSON.stringify writes both as `\u` escapes; only then does a record need cleaning, key by key. */
const escapedUnstorable = /\\u(?:0000|d[89a-f])/i;

/** A record as JSON PostgreSQL stores, cleaning strings only when one holds what it refuses. */
function storableJson(record: Record<string, unknown>): string {
  const json = JSON.stringify(record);
  return escapedUnstorable.test(json) ? JSON.stringify(record, storable) : json;
}

function scenarioRecord(result: TestResult, id: string, context: RowContext): Record<string, unknown> {
  const { labels, statusDetails } = result;
  const tags = labels.filter((label) => label.name === 'tag').map((label) => label.value);
  return {
    id,
    result_uuid: result.uuid,
    history_id: result.historyId,
    test_case_id: result.testCaseId ?? null,
    full_name: result.fullName,
    name: result.name,
    status: result.status,
    status_message: statusDetails.message ?? null,
    status_trace: statusDetails.trace ?? null,
    category: categorize(result, context.categories) ?? null,
    started_at: at(result.start),
    stopped_at: at(result.stop),
    duration_ms: duration(result.start, result.stop),
    labels,
    epic: labelValue(labels, 'epic'),
    feature: labelValue(labels, 'feature'),
    story: labelValue(labels, 'story'),
    suite: labelValue(labels, 'suite') ?? labelValue(labels, 'parentSuite'),
    severity: labelValue(labels, 'severity'),
    owner: labelValue(labels, 'owner'),
    tags,
    parameters: result.parameters,
    links: result.links,
    attachments: storedAttachments(result.attachments, context),
    flaky: statusDetails.flaky === true,
    known: statusDetails.known === true,
    muted: statusDetails.muted === true,
    quarantined:
      labels.some((label) => quarantineNames.has(label.name)) ||
      tags.some((tag) => quarantineNames.has(tag.toLowerCase())),
  };
}

function storedAttachments(refs: readonly AttachmentRef[], context: RowContext): StoredAttachment[] {
  return refs.flatMap((ref) => {
    const stored = context.attachment(ref.source);
    return stored ? [{ ...stored, name: ref.name, mediaType: ref.type ?? stored.mediaType }] : [];
  });
}

/** A result's fixtures and steps, depth first, each with its parent and its place in the scenario. */
function stepRecords(result: TestResult, scenarioId: string, context: RowContext): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [];
  const visit = (step: Step, kind: StepKind, parentId: string | null) => {
    const id = uuidv7();
    records.push({
      id,
      scenario_id: scenarioId,
      parent_id: parentId,
      position: records.length,
      kind,
      name: step.name,
      status: step.status,
      status_message: step.statusDetails.message ?? null,
      duration_ms: duration(step.start, step.stop),
      parameters: step.parameters,
      attachments: storedAttachments(step.attachments, context),
    });
    for (const child of step.steps) visit(child, 'step', id);
  };
  const fixtures = [...result.fixtures, ...context.fixturesOf(result.uuid)];
  for (const fixture of fixtures) if (fixture.kind === 'before') visit(fixture, 'before', null);
  for (const step of result.steps) visit(step, 'step', null);
  for (const fixture of fixtures) if (fixture.kind === 'after') visit(fixture, 'after', null);
  return records;
}

export interface RowBatcher {
  add(result: TestResult): Promise<void>;
  /** Writes what is pending; answers the number of results written in all. */
  flush(): Promise<number>;
}

export function createRowBatcher(scope: Pick<Scope, 'db'>, context: RowContext): RowBatcher {
  let scenarios: string[] = [];
  let steps: string[] = [];
  let pendingBytes = 0;
  let written = 0;
  const flush = async () => {
    if (scenarios.length === 0) return written;
    const scenarioJson = `[${scenarios.join(',')}]`;
    const stepJson = `[${steps.join(',')}]`;
    written += scenarios.length;
    scenarios = [];
    steps = [];
    pendingBytes = 0;
    await scope.db.transaction(async (tx) => {
      await tx.execute(insertScenarios(context, scenarioJson));
      await tx.execute(insertSteps(context, stepJson));
    });
    return written;
  };
  return {
    async add(result) {
      const id = uuidv7();
      const scenario = storableJson(scenarioRecord(result, id, context));
      scenarios.push(scenario);
      pendingBytes += scenario.length;
      for (const record of stepRecords(result, id, context)) {
        const step = storableJson(record);
        steps.push(step);
        pendingBytes += step.length;
      }
      if (scenarios.length >= batchResults || pendingBytes >= batchJsonBytes) await flush();
    },
    flush,
  };
}

function insertScenarios(context: RowContext, json: string) {
  return sql`insert into allure_scenarios (id, workspace_id, project_id, run_id, result_uuid, history_id,
      test_case_id, full_name, name, status, status_message, status_trace, category, started_at, stopped_at,
      duration_ms, labels, epic, feature, story, suite, severity, owner, tags, parameters, links, attachments,
      flaky, known, muted, quarantined)
    select id, ${context.workspaceId}::uuid, ${context.projectId}::uuid, ${context.runId}::uuid, result_uuid,
      history_id, test_case_id, full_name, name, status, status_message, status_trace, category, started_at,
      stopped_at, duration_ms, labels, epic, feature, story, suite, severity, owner, coalesce(tags, '{}'),
      parameters, links, coalesce(attachments, '[]'), flaky, known, muted, quarantined
    from jsonb_to_recordset(${json}::jsonb) as x(id uuid, result_uuid text, history_id text,
      test_case_id text, full_name text, name text, status text, status_message text, status_trace text,
      category text, started_at timestamptz, stopped_at timestamptz, duration_ms bigint, labels jsonb,
      epic text, feature text, story text, suite text, severity text, owner text, tags text[],
      parameters jsonb, links jsonb, attachments jsonb, flaky boolean, known boolean, muted boolean,
      quarantined boolean)`;
}

function insertSteps(context: RowContext, json: string) {
  return sql`insert into allure_steps (id, workspace_id, run_id, scenario_id, parent_id, position, kind,
      name, status, status_message, duration_ms, parameters, attachments)
    select id, ${context.workspaceId}::uuid, ${context.runId}::uuid, scenario_id, parent_id, position, kind,
      name, status, status_message, duration_ms, parameters, attachments
    from jsonb_to_recordset(${json}::jsonb) as x(id uuid, scenario_id uuid, parent_id uuid,
      position integer, kind text, name text, status text, status_message text, duration_ms bigint,
      parameters jsonb, attachments jsonb)`;
}
