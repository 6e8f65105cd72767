import { AppError } from '../../core/errors/app-error.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible } from '../../core/resource/service.ts';
import { changeRow, createRow } from '../../core/resource/writes.ts';
import type { Executor, Transaction } from '../../db/connection.ts';
import { defaultPgVersion, type LintSettings, type LintSettingsRequest } from './contracts.ts';
import { lintSettingsResource } from './resource.ts';
import { assertKnownRules } from './rules.ts';
import { settingsRow } from './store.ts';
import { lockStrategy } from './strategies.ts';
import type { LintSettingsRow } from './tables.ts';

/** What a project lints with until it sets its own: PostgreSQL 16, every rule, no default strategy. */
const defaults = { pgVersion: defaultPgVersion, disabledRules: [], defaultStrategyId: null };

function settingsOf(row: LintSettingsRow | undefined): LintSettings {
  if (!row) return { ...defaults, version: 0, isDefault: true, updatedAt: null };
  const { pgVersion, disabledRules, defaultStrategyId, version, updatedAt } = row;
  return { pgVersion, disabledRules, defaultStrategyId, version, isDefault: false, updatedAt };
}

/** The project's settings as a service reads them (the project must be visible: 404 otherwise). */
export async function readSettings(db: Executor, scope: Scope): Promise<LintSettings> {
  await assertProjectVisible(db, scope);
  return settingsOf(await settingsRow(db, scope));
}

/** GET …/migrations/lint-settings: the project's settings, or the defaults at version 0. */
export async function lintSettings(scope: Scope): Promise<LintSettings> {
  return scope.db.read((db) => readSettings(db, scope));
}

function staleVersion(current: number, expected: number): AppError {
  return new AppError(
    'precondition_failed',
    `These lint settings are at version ${current}, not ${expected}: someone changed them since you read them. Read them again and reapply your change.`,
    { code: 'version_mismatch', extensions: { currentVersion: current } },
  );
}

/**
 * PUT …/migrations/lint-settings: replaces the project's settings (fields left out take their
 * defaults). The first save creates the row at version 1; later ones go through the versioned
 * write, so both are audited and a stale version (If-Match or `version`) answers 412.
 */
export async function saveLintSettings(
  scope: Scope,
  input: LintSettingsRequest,
  expectedVersion: number | undefined,
): Promise<{ settings: LintSettings; version: number }> {
  assertKnownRules(input.disabledRules, 'disabledRules');
  const { version: _, ...values } = input;
  const row = await scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    if (values.defaultStrategyId)
      await lockStrategy(tx, scope, values.defaultStrategyId, 'defaultStrategyId');
    return writeSettings(tx, scope, values, expectedVersion);
  });
  return { settings: settingsOf(row), version: row.version };
}

async function writeSettings(
  tx: Transaction,
  scope: Scope,
  values: Omit<LintSettingsRequest, 'version'>,
  expectedVersion: number | undefined,
): Promise<LintSettingsRow> {
  const current = await settingsRow(tx, scope, true);
  const currentVersion = current?.version ?? 0;
  if (expectedVersion !== undefined && expectedVersion !== currentVersion)
    throw staleVersion(currentVersion, expectedVersion);
  if (!current) return createRow(tx, lintSettingsResource, scope, values);
  return changeRow(tx, lintSettingsResource, scope, current, { values });
}
