import { AppError } from '../../core/errors/app-error.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible } from '../../core/resource/service.ts';
import { changeRow, createRow } from '../../core/resource/writes.ts';
import type { Executor, Transaction } from '../../db/connection.ts';
import type { DiffOptions } from '../../engines/openapi-diff/index.ts';
import type { ContractSettings, SettingsRequest } from './contracts.ts';
import { ruleCatalogue } from './engine.ts';
import { settingsResource } from './resource.ts';
import { settingsRow } from './store.ts';
import type { ContractSettingsRow } from './tables.ts';

/** How a project judges changes until it sets its own: 90 days of deprecation, every rule, fail on ERR. */
const defaults = { minDeprecationDays: 90, disabledRules: [], levelOverrides: {}, failOn: 'ERR' } as const;

function settingsOf(row: ContractSettingsRow | undefined): ContractSettings {
  if (!row)
    return {
      ...defaults,
      disabledRules: [],
      levelOverrides: {},
      version: 0,
      isDefault: true,
      updatedAt: null,
    };
  const { minDeprecationDays, disabledRules, levelOverrides, failOn, version, updatedAt } = row;
  return { minDeprecationDays, disabledRules, levelOverrides, failOn, version, isDefault: false, updatedAt };
}

/** The project's settings as a service reads them (the project must be visible: 404 otherwise). */
export async function readSettings(db: Executor, scope: Scope): Promise<ContractSettings> {
  await assertProjectVisible(db, scope);
  return settingsOf(await settingsRow(db, scope));
}

/** The engine's options from a project's settings, for a diff judged on `today`. */
export function diffOptionsOf(settings: ContractSettings, today: string): DiffOptions {
  return {
    today,
    minDeprecationDays: settings.minDeprecationDays,
    disabledRules: settings.disabledRules,
    levelOverrides: settings.levelOverrides,
  };
}

/** GET …/contract-settings: the project's settings, or the defaults at version 0. */
export async function contractSettings(scope: Scope): Promise<ContractSettings> {
  return scope.db.read((db) => readSettings(db, scope));
}

/** Rule ids must name rules of the catalogues: 400 naming each unknown one. */
export function assertKnownRules(ids: readonly string[], field: string): void {
  const known = new Set(ruleCatalogue().map((rule) => rule.id));
  const unknown = ids.flatMap((id, index) => (known.has(id) ? [] : [{ id, index }]));
  if (unknown.length === 0) return;
  throw new AppError(
    'validation_failed',
    `No contract rule ${unknown.map(({ id }) => id).join(', ')} (GET /api/v1/contracts/rules lists them).`,
    {
      code: 'contracts.unknown_rule',
      errors: unknown.map(({ id, index }) => ({ path: `${field}.${index}`, message: `no rule ${id}` })),
    },
  );
}

function staleVersion(current: number, expected: number): AppError {
  return new AppError(
    'precondition_failed',
    `These contract settings are at version ${current}, not ${expected}: someone changed them since you read them. Read them again and reapply your change.`,
    { code: 'version_mismatch', extensions: { currentVersion: current } },
  );
}

/**
 * PUT …/contract-settings: replaces the project's settings (fields left out take their defaults).
 * The first save creates the row at version 1; later ones go through the versioned write, so both
 * are audited and a stale version (If-Match or `version`) answers 412.
 */
export async function saveContractSettings(
  scope: Scope,
  input: SettingsRequest,
  expectedVersion: number | undefined,
): Promise<{ settings: ContractSettings; version: number }> {
  const { version: _, ...values } = input;
  assertKnownRules(values.disabledRules, 'disabledRules');
  assertKnownRules(Object.keys(values.levelOverrides), 'levelOverrides');
  const row = await scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    return writeSettings(tx, scope, values, expectedVersion);
  });
  return { settings: settingsOf(row), version: row.version };
}

async function writeSettings(
  tx: Transaction,
  scope: Scope,
  values: Omit<SettingsRequest, 'version'>,
  expectedVersion: number | undefined,
): Promise<ContractSettingsRow> {
  const current = await settingsRow(tx, scope, true);
  const currentVersion = current?.version ?? 0;
  if (expectedVersion !== undefined && expectedVersion !== currentVersion)
    throw staleVersion(currentVersion, expectedVersion);
  if (!current) return createRow(tx, settingsResource, scope, values);
  return changeRow(tx, settingsResource, scope, current, { values });
}
