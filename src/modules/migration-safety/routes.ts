import { commonProblemStatuses, problemResponses } from '../../core/http/problem-schema.ts';
import {
  createHeaders,
  etagOf,
  expectedVersion,
  sendStored,
  versionHeaders,
} from '../../core/http/resource-routes.ts';
import { defineRoute } from '../../core/http/route.ts';
import { pageSchema } from '../../core/resource/schemas.ts';
import { planPermissions } from '../plan/permissions.ts';
import {
  lintLimits,
  lintReportSchema,
  lintRequestSchema,
  lintRunRequestSchema,
  lintRunSchema,
  lintRunSummarySchema,
  lintSettingsRequestSchema,
  lintSettingsSchema,
  projectParams,
  recordedRunSchema,
  ruleListSchema,
  runParams,
} from './contracts.ts';
import { lintForProject } from './lint.ts';
import { lintRunListQuery } from './resource.ts';
import { listRules } from './rules.ts';
import { getLintRun, listLintRuns, recordLintRun } from './runs.ts';
import { lintSettings, saveLintSettings } from './settings.ts';

const tags = ['Migration safety'];
const base = '/projects/:projectId/migrations';
/** Room for the largest lint request (10 MiB of SQL) once escaped as JSON strings. */
const lintBodyLimit = 2 * lintLimits.totalBytes + 1024 * 1024;
const readErrors = problemResponses([...commonProblemStatuses, 404]);

export const lintRoute = defineRoute({
  method: 'POST',
  url: `${base}/lint`,
  permission: planPermissions.read,
  bodyLimit: lintBodyLimit,
  schema: {
    tags,
    operationId: 'lint_migrations',
    summary: 'Lint migration files',
    description:
      "Parses each file with PostgreSQL's parser and answers what every statement locks, what is unsafe and the safe recipe. Stores nothing, so an agent may lint before it commits. `pgVersion` and `disabledRules` default to the project's lint settings. Files that do not parse carry `parseError` with line and column. 413 `migrations.too_large` beyond 2,000 files, 1 MiB a file or 10 MiB in all; 400 `migrations.unknown_rule` for a rule id the catalogue lacks.",
    params: projectParams,
    body: lintRequestSchema,
    response: { 200: lintReportSchema, ...problemResponses([...commonProblemStatuses, 404, 413]) },
  },
  handler: ({ scope, body }) => lintForProject(scope, body),
});

export const recordRunRoute = defineRoute({
  method: 'POST',
  url: `${base}/lint-runs`,
  permission: planPermissions.contribute,
  bodyLimit: lintBodyLimit,
  schema: {
    tags,
    operationId: 'create_migration_lint_run',
    summary: 'Lint migration files and record the findings as risks',
    description:
      "Lints like POST …/migrations/lint, then in one transaction records the run with its report, records each finding as a row of the plan's migration risks (errors: likelihood and impact high; warnings: medium; the rule's recipe as mitigation) unless a risk for the same strategy, rule, file and line is still open, and sets the strategy's `lastLintedAt`. Posting the same files again adds no risk. `strategyId` defaults to the project's default strategy; one that is not in this project answers 422. Send an Idempotency-Key to make retries safe.",
    params: projectParams,
    headers: createHeaders,
    body: lintRunRequestSchema,
    response: {
      201: recordedRunSchema,
      ...problemResponses([...commonProblemStatuses, 404, 413, 422]),
    },
  },
  handler: async ({ scope, body, headers, request, reply }) => {
    const answer = await recordLintRun(scope, body, {
      path: request.url.split('?')[0] ?? '',
      idempotencyKey: headers['idempotency-key'],
    });
    return sendStored(reply, answer);
  },
});

export const listRunsRoute = defineRoute({
  method: 'GET',
  url: `${base}/lint-runs`,
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'list_migration_lint_runs',
    summary: "List a project's lint runs",
    description: 'Newest first unless sorted otherwise, without their reports (GET one run for it).',
    params: projectParams,
    querystring: lintRunListQuery,
    response: { 200: pageSchema(lintRunSummarySchema), ...readErrors },
  },
  handler: ({ scope, query }) => listLintRuns(scope, query),
});

export const getRunRoute = defineRoute({
  method: 'GET',
  url: `${base}/lint-runs/:runId`,
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'get_migration_lint_run',
    summary: 'One lint run, with its report',
    params: runParams,
    response: { 200: lintRunSchema, ...readErrors },
  },
  handler: ({ scope, params }) => getLintRun(scope, params.runId),
});

export const getSettingsRoute = defineRoute({
  method: 'GET',
  url: `${base}/lint-settings`,
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'get_migration_lint_settings',
    summary: "The project's lint settings",
    description:
      'The defaults (PostgreSQL 16, every rule, no default strategy) at version 0 until the project sets its own.',
    params: projectParams,
    response: { 200: lintSettingsSchema, ...readErrors },
  },
  handler: async ({ scope, reply }) => {
    const settings = await lintSettings(scope);
    reply.header('etag', etagOf(settings.version));
    return settings;
  },
});

export const putSettingsRoute = defineRoute({
  method: 'PUT',
  url: `${base}/lint-settings`,
  permission: planPermissions.write,
  schema: {
    tags,
    operationId: 'put_migration_lint_settings',
    summary: "Set the project's lint settings",
    description:
      'Replaces the settings; fields left out take their defaults. Send If-Match (or `version`; 0 before the first save) to refuse overwriting a newer version (412). Unknown rule ids answer 400 naming them; a default strategy not in this project answers 422. Audited.',
    params: projectParams,
    headers: versionHeaders,
    body: lintSettingsRequestSchema,
    response: {
      200: lintSettingsSchema,
      ...problemResponses([...commonProblemStatuses, 404, 409, 412, 422]),
    },
  },
  handler: async ({ scope, headers, body, reply }) => {
    const saved = await saveLintSettings(scope, body, expectedVersion(headers['if-match'], body.version));
    reply.header('etag', etagOf(saved.version));
    return saved.settings;
  },
});

export const rulesRoute = defineRoute({
  method: 'GET',
  url: '/migrations/rules',
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'list_migration_lint_rules',
    summary: 'The migration lint rules',
    description:
      'The whole catalogue, one page (a fixed list, like the readiness checks): id, severity, why, the safe recipe, the lock involved, PostgreSQL version notes and examples.',
    response: { 200: ruleListSchema, ...problemResponses(commonProblemStatuses) },
  },
  handler: async () => listRules(),
});

export const migrationSafetyRoutes = [
  lintRoute,
  recordRunRoute,
  listRunsRoute,
  getRunRoute,
  getSettingsRoute,
  putSettingsRoute,
  rulesRoute,
];
