import { authorize } from '../../core/auth/permissions.ts';
import { AppError, type FieldError } from '../../core/errors/app-error.ts';
import { runIdempotentWrite, type StoredAnswer } from '../../core/http/idempotency.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible } from '../../core/resource/service.ts';
import { createRow } from '../../core/resource/writes.ts';
import type { Transaction } from '../../db/connection.ts';
import { type AreaTable, findArea } from './area.ts';
import { planAreas } from './areas/index.ts';
import { type AreaImport, type ImportAnswer, maxImportRows, type PlanImport } from './contracts.ts';
import { planTableInfo } from './table.ts';

interface Pending {
  area: string;
  table: AreaTable;
  rows: AreaImport[string];
}

/** Orders tables so that a table comes after the tables its references point to. */
function dependencyOrder(pending: Pending[]): Pending[] {
  const ordered: Pending[] = [];
  const placed = new Set<Pending>();
  const visit = (item: Pending, path: Set<Pending>) => {
    if (placed.has(item) || path.has(item)) return;
    path.add(item);
    for (const spec of Object.values(planTableInfo(item.table.table).fields)) {
      const target = spec.references?.();
      const dependency = pending.find((candidate) => candidate.table.table === target);
      if (dependency) visit(dependency, path);
    }
    placed.add(item);
    ordered.push(item);
  };
  for (const item of pending) visit(item, new Set());
  return ordered;
}

function resolveTables(body: PlanImport): Pending[] {
  const errors: FieldError[] = [];
  const pending: Pending[] = [];
  for (const [areaSlug, tables] of Object.entries(body.areas)) {
    const area = findArea(planAreas, areaSlug);
    if (!area) {
      errors.push({ path: `areas.${areaSlug}`, message: 'no such area' });
      continue;
    }
    for (const [tableSlug, rows] of Object.entries(tables)) {
      const table = area.tables.find((candidate) => candidate.slug === tableSlug);
      if (table) pending.push({ area: areaSlug, table, rows });
      else errors.push({ path: `areas.${areaSlug}.${tableSlug}`, message: 'no such table in this area' });
    }
  }
  const total = pending.reduce((sum, item) => sum + item.rows.length, 0);
  if (total > maxImportRows)
    errors.push({ path: 'areas', message: `at most ${maxImportRows} rows per import` });
  if (errors.length > 0)
    throw new AppError('validation_failed', 'The import names unknown areas or tables.', { errors });
  return pending;
}

/**
 * Creates every row of the import in one transaction, each through the resource layer (validated,
 * checked, audited). Any invalid row refuses the whole import, listing every problem.
 */
async function importRows(
  tx: Transaction,
  scope: Scope,
  pending: Pending[],
): Promise<ImportAnswer['created']> {
  const ids = new Map<string, string>();
  const created: Record<string, { ref?: string; id: string }[]> = {};
  const errors: FieldError[] = [];
  for (const item of dependencyOrder(pending)) {
    const { fields } = planTableInfo(item.table.table);
    const key = `${item.area}/${item.table.slug}`;
    created[key] = [];
    for (const [index, row] of item.rows.entries()) {
      const path = `areas.${item.area}.${item.table.slug}.${index}`;
      const values = { ...row.values };
      for (const [field, spec] of Object.entries(fields)) {
        const value = values[field];
        if (!spec.references || typeof value !== 'string' || !value.startsWith('@')) continue;
        const id = ids.get(value.slice(1));
        if (id) values[field] = id;
        else
          errors.push({
            path: `${path}.values.${field}`,
            message: `no row with ref ${value.slice(1)} before it`,
          });
      }
      const parsed = item.table.resource.schemas.create.safeParse(values);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          errors.push({ path: [path, 'values', ...issue.path].join('.'), message: issue.message });
        }
        continue;
      }
      if (errors.length > 0) continue;
      const inserted = await createRow(tx, item.table.resource, scope, parsed.data);
      if (row.ref) {
        if (ids.has(row.ref)) errors.push({ path: `${path}.ref`, message: 'ref used twice' });
        ids.set(row.ref, inserted.id);
      }
      created[key].push({ ...(row.ref ? { ref: row.ref } : {}), id: inserted.id });
    }
  }
  if (errors.length > 0) {
    throw new AppError('validation_failed', 'Some rows of the import are not valid; nothing was imported.', {
      errors: errors.slice(0, 100),
    });
  }
  return created;
}

/** What an import request carries besides its rows: the retry key and the path it was sent to. */
export interface ImportRequest {
  idempotencyKey?: string;
  path: string;
}

/**
 * Adds many rows to a project's plan at once: all or none, each created through the resource layer
 * (validated, checked, audited). The caller needs the create permission of every table it writes
 * (some tables are written by agents, others by people). A repeated Idempotency-Key answers the
 * first answer again.
 */
export async function importPlan(
  scope: Scope,
  body: PlanImport,
  request: ImportRequest,
): Promise<StoredAnswer & { replayed: boolean }> {
  await scope.db.read((db) => assertProjectVisible(db, scope));
  const pending = resolveTables(body);
  for (const item of pending) authorize(scope.ctx.actor, item.table.resource.permissions.create);
  return runIdempotentWrite(
    scope.db,
    { key: request.idempotencyKey, method: 'POST', path: request.path, body },
    async (tx) => ({ status: 201, body: { created: await importRows(tx, scope, pending) }, headers: {} }),
  );
}
