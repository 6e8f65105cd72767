import { AppError } from '../../core/errors/app-error.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { lockRow } from '../../core/resource/writes.ts';
import type { Transaction } from '../../db/connection.ts';
import { databaseMigrations } from '../plan/areas/database-migrations.ts';

/** The plan's resource of one table of the database-migrations area, by the key the area gives it. */
function areaResource(key: string) {
  const table = databaseMigrations.tables.find((candidate) => candidate.key === key);
  if (!table) throw new Error(`the database-migrations area has no table ${key}`);
  return table.resource;
}

export const strategyResource = areaResource('migrationStrategies');
export const riskResource = areaResource('migrationRisks');

/**
 * A migration strategy of the project in the path, locked until the transaction ends. A strategy
 * of another project, or none, is a reference to nothing: 422 naming the field, as the plan answers.
 */
export async function lockStrategy(tx: Transaction, scope: Scope, id: string, field: string) {
  try {
    return await lockRow(tx, strategyResource, scope, id);
  } catch (error) {
    if (!(error instanceof AppError) || error.kind !== 'not_found') throw error;
    throw new AppError('unprocessable', `No migration strategy ${id} in this project.`, {
      code: 'plan.reference_not_found',
      errors: [{ path: field, message: `no migration strategy ${id} in this project` }],
    });
  }
}
