import { is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import * as accessLog from '../access-log/tables.ts';
import * as auth from '../auth/schema.ts';
import * as events from '../events/schema.ts';
import * as idempotency from '../http/idempotency-schema.ts';
import * as metadata from '../metadata/schema.ts';
import * as sagas from '../sagas/tables.ts';
import * as search from '../search/schema.ts';
import * as tenancy from '../tenancy/projects-table.ts';

// drizzle-kit reads this file (with each module's tables.ts) to generate migrations.
export * from '../access-log/tables.ts';
export * from '../auth/schema.ts';
export * from '../events/schema.ts';
export * from '../http/idempotency-schema.ts';
export * from '../metadata/schema.ts';
export * from '../sagas/tables.ts';
export * from '../search/schema.ts';
export * from '../tenancy/projects-table.ts';

/** The tables of Shipshape's core mechanisms (modules list their own). */
export const coreTables: readonly PgTable[] = [
  accessLog,
  auth,
  events,
  idempotency,
  metadata,
  sagas,
  search,
  tenancy,
]
  .flatMap((exported) => Object.values(exported))
  .filter((value): value is PgTable => is(value, PgTable));
