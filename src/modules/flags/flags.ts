import { AppError } from '../../core/errors/app-error.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible } from '../../core/resource/service.ts';
import { createRow, deleteRow, updateRow } from '../../core/resource/writes.ts';
import type { Executor, Transaction } from '../../db/connection.ts';
import { checkFlag } from '../../engines/flag-eval/index.ts';
import type { FlagDefinition, FlagValue, Segment } from '../../engines/flag-eval/model.ts';
import type { FlagCreate, FlagDetail, FlagListQuery, FlagSummary, FlagUpdate } from './contracts.ts';
import {
  asFlagRow,
  configResource,
  dependencyResource,
  environmentResource,
  flagResource,
} from './resource.ts';
import { segmentsOf } from './segments.ts';
import {
  configsOf,
  environmentByKey,
  environmentsOf,
  type FlagRow,
  flagByKey,
  flagPage,
  lastEvaluations,
  prerequisitesOf,
} from './store.ts';
import type { FlagEnvironmentRow } from './tables.ts';
import { detailOf, summaryOf } from './view.ts';

// Flags as the management API shows them: a plan row (key, kind, owner, removal date, kill-switch
// decision) with a config per environment. Creating the project's first flag gives it the usual
// three environments.

const firstEnvironments = [
  { key: 'development', name: 'Development', production: false, sortOrder: 0 },
  { key: 'staging', name: 'Staging', production: false, sortOrder: 1 },
  { key: 'production', name: 'Production', production: true, sortOrder: 2 },
];

/** The engine names fields as JSON pointers (/rules/0/rollout); the API's field errors use dots. */
function dotted(pointer: string): string {
  return pointer.replace(/^\//, '').replaceAll('/', '.');
}

/** The engine's semantic problems with a definition: 422 listing each with its path. */
export function assertSound(definition: FlagDefinition, segments: readonly Segment[], prefix = ''): void {
  const problems = checkFlag(definition, segments);
  if (problems.length === 0) return;
  throw new AppError(
    'unprocessable',
    `The flag ${definition.key} cannot be served as written: ${problems.map((problem) => `${dotted(problem.path)}: ${problem.message}`).join('; ')}.`,
    {
      code: 'flag.invalid_config',
      errors: problems.map((problem) => ({
        path: `${prefix}${dotted(problem.path)}`,
        message: problem.message,
      })),
    },
  );
}

/** The project's environments, creating development, staging and production when it has none. */
async function environmentsFor(tx: Transaction, scope: Scope): Promise<FlagEnvironmentRow[]> {
  const existing = await environmentsOf(tx, scope);
  if (existing.length > 0) return existing;
  for (const environment of firstEnvironments) await createRow(tx, environmentResource, scope, environment);
  return environmentsOf(tx, scope);
}

/** The detail of a flag as it is now, read in the caller's transaction. */
export async function readDetail(db: Executor, scope: Scope, flag: FlagRow): Promise<FlagDetail> {
  const [environments, configs, prerequisites, evaluated] = [
    await environmentsOf(db, scope),
    await configsOf(db, scope, [flag.id]),
    await prerequisitesOf(db, scope, flag.id),
    await lastEvaluations(db, scope, [flag.name ?? '']),
  ];
  const facts = { environments, configs, lastEvaluatedAt: evaluated.get(flag.name ?? '') ?? null };
  return detailOf(flag, facts, prerequisites);
}

/** The value a new flag serves when off: what was asked, else false for on/off flags and null otherwise. */
function initialDefault(input: FlagCreate): FlagValue {
  if (input.defaultValue !== undefined) return input.defaultValue as FlagValue;
  return input.valueType === 'boolean' ? false : null;
}

/** POST /flags: the plan row and a disabled config per environment. 409 on a key taken. Audited. */
export async function createFlag(scope: Scope, input: FlagCreate): Promise<FlagDetail> {
  return scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    const defaultValue = initialDefault(input);
    const variants = (input.variants ?? []) as FlagDefinition['variants'];
    const definition: FlagDefinition = {
      key: input.key,
      type: input.valueType,
      enabled: false,
      rules: [],
      variants,
      defaultValue,
      prerequisites: [],
    };
    assertSound(definition, await segmentsOf(tx, scope));
    const environments = await environmentsFor(tx, scope);
    const flag = await createRow(tx, flagResource, scope, {
      name: input.key,
      kind: input.kind,
      valueType: input.valueType,
      status: 'planned',
      description: input.description ?? '',
      owner: input.owner ?? null,
      removalDate: input.removalDate ?? null,
      critical: input.critical ?? false,
      killSwitch: input.killSwitch ?? null,
      defaultValue: typeof defaultValue === 'boolean' ? defaultValue : false,
    });
    for (const environment of environments) {
      await createRow(tx, configResource, scope, {
        flagId: flag.id,
        environmentId: environment.id,
        enabled: false,
        rules: [],
        variants,
        defaultValue,
      });
    }
    return readDetail(tx, scope, asFlagRow(flag));
  });
}

/** GET /flags: a page of summaries in key order, searched by `q`, filtered by an environment's state. */
export async function listFlags(
  scope: Scope,
  query: FlagListQuery,
): Promise<{ data: FlagSummary[]; nextCursor: string | null }> {
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    const environments = await environmentsOf(db, scope);
    const filterKey = query['filter[environment]'];
    const enabled = query['filter[enabled]'];
    let enabledIn: { environmentId: string; enabled: boolean } | undefined;
    if (filterKey !== undefined || enabled !== undefined) {
      if (filterKey === undefined || enabled === undefined)
        throw new AppError('validation_failed', 'filter[environment] and filter[enabled] go together.', {
          errors: [
            { path: 'query.filter[environment]', message: 'needs filter[enabled], and the other way round' },
          ],
        });
      enabledIn = { environmentId: (await environmentByKey(db, scope, filterKey)).id, enabled };
    }
    const page = await flagPage(db, scope, {
      limit: query.limit,
      cursor: query.cursor,
      q: query.q,
      enabledIn,
    });
    const keys = page.data.map((flag) => flag.name ?? '');
    const configs = await configsOf(
      db,
      scope,
      page.data.map((flag) => flag.id),
    );
    const evaluated = await lastEvaluations(db, scope, keys);
    const now = new Date();
    const data = page.data.map((flag) =>
      summaryOf(
        flag,
        { environments, configs, lastEvaluatedAt: evaluated.get(flag.name ?? '') ?? null },
        now,
      ),
    );
    return { data, nextCursor: page.nextCursor };
  });
}

/** GET /flags/{key} */
export async function getFlag(scope: Scope, key: string): Promise<FlagDetail> {
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    return readDetail(db, scope, await flagByKey(db, scope, key));
  });
}

/** PATCH /flags/{key}: the plan fields sent change (412 on a stale version). Audited. */
export async function updateFlag(
  scope: Scope,
  key: string,
  input: FlagUpdate,
  expected?: number,
): Promise<FlagDetail> {
  return scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    const flag = await flagByKey(tx, scope, key);
    const { version: _, ...changes } = input;
    const row = await updateRow(tx, flagResource, scope, flag.id, changes, expected);
    return readDetail(tx, scope, asFlagRow(row));
  });
}

/**
 * DELETE /flags/{key}: the flag, its prerequisites and its configs. A flag others need, or that
 * other plan rows point to, stays (409 naming them). Audited.
 */
export async function deleteFlag(scope: Scope, key: string, expected?: number): Promise<void> {
  await scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    const flag = await flagByKey(tx, scope, key);
    for (const prerequisite of await prerequisitesOf(tx, scope, flag.id))
      await deleteRow(tx, dependencyResource, scope, prerequisite.id);
    for (const config of await configsOf(tx, scope, [flag.id]))
      await deleteRow(tx, configResource, scope, config.id);
    await deleteRow(tx, flagResource, scope, flag.id, expected);
  });
}
