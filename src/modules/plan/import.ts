import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../core/auth/permissions.ts';
import { AppError, type FieldError } from '../../core/http/errors.ts';
import { runIdempotentWrite } from '../../core/http/idempotency.ts';
import { commonProblemStatuses, problemResponses } from '../../core/http/problem-schema.ts';
import { contextOf } from '../../core/http/request-context.ts';
import { sendStored } from '../../core/resource/routes.ts';
import { assertProjectVisible, createRow, type Scope } from '../../core/resource/service.ts';
import type { Database, Executor } from '../../db/connection.ts';
import { type AreaTable, findArea, planAreas } from './area.ts';
import { planPermissions } from './permissions.ts';
import { planTableInfo } from './table.ts';

const maxRows = 2000;

const importRow = z.strictObject({
  ref: z
    .string()
    .regex(/^[\w.-]{1,100}$/)
    .optional()
    .describe('A name for this row within the import; other rows point to it with "@<ref>"'),
  values: z
    .record(z.string(), z.unknown())
    .describe("The row's fields, as the table's create route takes them"),
});

export const planImportSchema = z
  .strictObject({
    areas: z
      .record(z.string().max(60), z.record(z.string().max(60), z.array(importRow).max(maxRows)))
      .describe(
        'Rows by area slug and table slug; reference fields may name rows of this import as "@<ref>"',
      ),
  })
  .meta({ id: 'PlanImport' });

type PlanImport = z.infer<typeof planImportSchema>;

interface Pending {
  area: string;
  table: AreaTable;
  rows: PlanImport['areas'][string][string];
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
    const area = findArea(areaSlug);
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
  if (total > maxRows) errors.push({ path: 'areas', message: `at most ${maxRows} rows per import` });
  if (errors.length > 0)
    throw new AppError('validation_failed', 'The import names unknown areas or tables.', { errors });
  return pending;
}

/**
 * Creates every row of the import in one transaction, each through the resource layer (validated,
 * checked, audited). Any invalid row refuses the whole import, listing every problem.
 */
async function importRows(tx: Executor, scope: Scope, pending: Pending[]) {
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
      const inserted = await createRow(
        tx,
        item.table.resource,
        scope,
        parsed.data as Record<string, unknown>,
      );
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

export function registerPlanImportRoute(app: FastifyInstance, db: Database): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/projects/:projectId/plan/import',
    {
      config: { permission: planPermissions.write },
      schema: {
        tags: ['Readiness'],
        operationId: 'import_plan',
        summary: "Add many rows to a project's plan at once",
        description: `All rows or none, at most ${maxRows}. Every row is validated and audited as if created one by one. Areas: ${planAreas()
          .map((area) => area.slug)
          .join(', ')}.`,
        params: z.object({ projectId: z.uuid() }),
        headers: z.looseObject({ 'idempotency-key': z.string().max(255).optional() }),
        body: planImportSchema,
        response: {
          201: z.object({
            created: z.record(z.string(), z.array(z.object({ ref: z.string().optional(), id: z.uuid() }))),
          }),
          ...problemResponses([...commonProblemStatuses, 404, 409, 413, 422]),
        },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const scope: Scope = { ctx, projectId: request.params.projectId };
      authorize(ctx.actor, planPermissions.write);
      await assertProjectVisible(db, scope);
      const pending = resolveTables(request.body);
      for (const item of pending) authorize(ctx.actor, item.table.resource.permissions.create);
      const path = request.url.split('?')[0] ?? '';
      const answer = await runIdempotentWrite(
        db,
        ctx,
        { key: request.headers['idempotency-key'], method: 'POST', path, body: request.body },
        async (tx) => ({ status: 201, body: { created: await importRows(tx, scope, pending) }, headers: {} }),
      );
      return sendStored(reply, answer);
    },
  );
}
