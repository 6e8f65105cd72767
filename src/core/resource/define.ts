import type { InferInsertModel, InferSelectModel } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Transaction } from '../../db/connection.ts';
import type { RequestContext } from '../auth/context.ts';
import { definePermission, type Permission } from '../auth/permissions.ts';
import type { SearchFields } from '../search/fields.ts';
import type { FilterSpec } from './filters.ts';
import type { Scope } from './scope.ts';

/** A table with the columns `resourceColumns()` gives (and `project_id` for project-scoped ones). */
export type ResourceTable = PgTable & {
  id: PgColumn;
  workspaceId: PgColumn;
  createdAt: PgColumn;
  updatedAt: PgColumn;
  version: PgColumn;
  projectId?: PgColumn;
};

/** What every resource row has, whatever its table. */
export interface BaseRow {
  id: string;
  workspaceId: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** A row of the table, as Drizzle reads it. */
export type RowOf<TTable extends ResourceTable> = InferSelectModel<TTable> & BaseRow;

/** Values for the table's columns (the layer fills workspace, project, id and timestamps). */
export type ValuesOf<TTable extends ResourceTable> = Partial<InferInsertModel<TTable>>;

/** What a hook gets to work with: the request's scope and the open transaction. */
export interface HookContext {
  scope: Scope;
  ctx: RequestContext;
  tx: Transaction;
  /** The project in the path, for project-scoped resources. */
  projectId?: string;
}

/**
 * Behaviour a module adds to the generic CRUD, without bypassing its scoping, audit or versioning.
 * Written as methods so that a resource of one table is usable wherever any resource is.
 */
export interface ResourceHooks<TTable extends ResourceTable, TCreate, TUpdate> {
  /** Validate or complete the values of a new row (throw an AppError to refuse). */
  beforeCreate?(values: TCreate, hook: HookContext): Promise<ValuesOf<TTable>> | ValuesOf<TTable>;
  /** Write what depends on a new row (it exists now, in the same transaction). */
  afterCreate?(row: RowOf<TTable>, hook: HookContext): Promise<void> | void;
  /** Validate or complete a change; `current` is the row as it is, locked for the transaction. */
  beforeUpdate?(
    changes: TUpdate,
    current: RowOf<TTable>,
    hook: HookContext,
  ): Promise<ValuesOf<TTable>> | ValuesOf<TTable>;
  /** Refuse a deletion (throw) or clean up what depends on the row. */
  beforeDelete?(current: RowOf<TTable>, hook: HookContext): Promise<void> | void;
  /** Computed fields of the answer. */
  toOutput?(row: RowOf<TTable>): Record<string, unknown>;
}

export interface ResourcePermissions {
  read: Permission;
  create: Permission;
  update: Permission;
  delete: Permission;
}

export interface ResourceDefinition<
  TTable extends ResourceTable = ResourceTable,
  TCreate extends z.ZodObject = z.ZodObject,
  TUpdate extends z.ZodObject = z.ZodObject,
  TOutput extends z.ZodObject = z.ZodObject,
> {
  /** Singular snake_case name: the aggregate type in events (`project.created`) and the permission prefix. */
  name: string;
  /** Plural path segment under /api/v1 (or under /api/v1/projects/{projectId} when project-scoped). */
  path: string;
  /** Human label used in messages and docs ("project"). */
  label: string;
  /** OpenAPI tag the routes are grouped under. */
  tag: string;
  scope: 'workspace' | 'project';
  table: TTable;
  schemas: { create: TCreate; update: TUpdate; output: TOutput };
  filters: Record<string, FilterSpec>;
  /** Fields a list may sort by; their columns must be NOT NULL, so that keyset pagination is exact. */
  sortable: Record<string, PgColumn>;
  defaultSort: string;
  /** Text columns that `q` searches. The first is the title in global search, the rest its body. */
  searchable: PgColumn[];
  /**
   * How the resource appears in global search (/api/v1/search). By default: the title and body
   * from `searchable`, and the `status`, `tags` and `projectId` columns when the table has them.
   * Override any part here, or `false` to keep the resource out of global search.
   */
  search?: SearchFields | false;
  /** Fields that count as the resource's content in audit diffs (by default: the output schema's fields). */
  auditedFields?: readonly string[];
  /**
   * Audited fields whose values the audit trail stores encrypted and shows only to roles holding
   * `audit.read_sensitive` (docs/audit.md, Sensitive fields).
   */
  sensitiveFields?: readonly string[];
  hooks?: ResourceHooks<TTable, z.output<TCreate>, z.output<TUpdate>>;
  permissions: ResourcePermissions;
  /**
   * The generic routes the resource gets (default: all five). A resource whose rows only its own
   * routes or jobs create or change (an upload, an import) leaves out `create` and `update`.
   */
  operations?: readonly ResourceOperation[];
}

export const resourceOperations = ['list', 'get', 'create', 'update', 'delete'] as const;
export type ResourceOperation = (typeof resourceOperations)[number];

/** Any resource, whatever its table and schemas. */
// biome-ignore lint/suspicious/noExplicitAny: the widest resource type; each definition keeps its own precise types
export type AnyResource = ResourceDefinition<any, any, any, any>;

/** The row type of a resource definition. */
export type RowOfResource<D extends AnyResource> = D extends ResourceDefinition<infer T> ? RowOf<T> : never;

/** The answer type of a resource definition (what its output schema accepts). */
export type OutputOfResource<D extends AnyResource> = z.input<D['schemas']['output']>;

export type ResourceDeclaration<
  TTable extends ResourceTable,
  TCreate extends z.ZodObject,
  TUpdate extends z.ZodObject,
  TOutput extends z.ZodObject,
> = Omit<ResourceDefinition<TTable, TCreate, TUpdate, TOutput>, 'permissions' | 'label' | 'tag'> & {
  label?: string;
  tag?: string;
  permissions?: Partial<ResourcePermissions>;
};

/**
 * Declares a resource: a value the module lists and the app installs. The resource layer then
 * serves list, get, create, update and delete for it, scoped to the caller's workspace, audited,
 * versioned and documented in OpenAPI. Nothing is registered anywhere by declaring.
 */
export function defineResource<
  TTable extends ResourceTable,
  TCreate extends z.ZodObject,
  TUpdate extends z.ZodObject,
  TOutput extends z.ZodObject,
>(
  declaration: ResourceDeclaration<TTable, TCreate, TUpdate, TOutput>,
): ResourceDefinition<TTable, TCreate, TUpdate, TOutput> {
  for (const [field, column] of Object.entries(declaration.sortable)) {
    if (!column.notNull) throw new Error(`${declaration.name}: sortable field ${field} must be NOT NULL`);
  }
  if (!declaration.sortable[declaration.defaultSort.replace(/^-/, '')]) {
    throw new Error(`${declaration.name}: default sort ${declaration.defaultSort} is not a sortable field`);
  }
  if (declaration.scope === 'project' && !declaration.table.projectId) {
    throw new Error(`${declaration.name}: a project-scoped table needs a project_id column`);
  }
  const name = declaration.name;
  return {
    ...declaration,
    label: declaration.label ?? name.replace(/_/g, ' '),
    tag: declaration.tag ?? declaration.path,
    permissions: {
      read: declaration.permissions?.read ?? definePermission(`${name}.read`, 'read'),
      create: declaration.permissions?.create ?? definePermission(`${name}.create`, 'write'),
      update: declaration.permissions?.update ?? definePermission(`${name}.update`, 'write'),
      delete: declaration.permissions?.delete ?? definePermission(`${name}.delete`, 'write'),
    },
  };
}

/**
 * The rows Drizzle read from a resource's table. Drizzle types the rows of a table known only by
 * its constraint loosely; the definition's own row type is what that table holds. The one place
 * the resource layer asserts a type.
 */
export function rowsOf<D extends AnyResource>(_definition: D, rows: unknown): RowOfResource<D>[] {
  return rows as RowOfResource<D>[];
}
