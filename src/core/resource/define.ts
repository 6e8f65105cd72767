import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Executor } from '../../db/connection.ts';
import type { RequestContext } from '../auth/context.ts';
import { definePermission } from '../auth/permissions.ts';
import type { FilterSpec } from './filters.ts';

/** A table with the columns `resourceColumns()` gives (and `project_id` for project-scoped ones). */
export type ResourceTable = PgTable & {
  id: PgColumn;
  workspaceId: PgColumn;
  createdAt: PgColumn;
  updatedAt: PgColumn;
  version: PgColumn;
  projectId?: PgColumn;
};

export type Row = Record<string, unknown> & { id: string; version: number; workspaceId: string };

/** What a hook gets to work with: the request's context and the open transaction. */
export interface HookContext {
  ctx: RequestContext;
  tx: Executor;
  /** The project in the path, for project-scoped resources. */
  projectId?: string;
}

/** Behaviour a module adds to the generic CRUD, without bypassing its scoping, audit or versioning. */
export interface ResourceHooks {
  /** Validate or complete the values of a new row (throw an AppError to refuse). */
  beforeCreate?(
    values: Record<string, unknown>,
    hook: HookContext,
  ): Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Write what depends on a new row (it exists now, in the same transaction). */
  afterCreate?(row: Row, hook: HookContext): Promise<void> | void;
  /** Validate or complete a change; `current` is the row as it is, locked for the transaction. */
  beforeUpdate?(
    changes: Record<string, unknown>,
    current: Row,
    hook: HookContext,
  ): Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Refuse a deletion (throw) or clean up what depends on the row. */
  beforeDelete?(current: Row, hook: HookContext): Promise<void> | void;
  /** Computed fields of the answer. */
  toOutput?(row: Row): Record<string, unknown>;
}

/** The parts of a resource that global search indexes. */
export interface SearchFields {
  title?: PgColumn;
  body?: PgColumn[];
  /** A text or enum column shown and counted as the status facet; null for none. */
  status?: PgColumn | null;
  /** A text[] column of tags; null for none. */
  tags?: PgColumn | null;
  /** The project the entity belongs to; null for none. */
  project?: PgColumn | null;
}

export interface ResourceDefinition {
  /** Singular snake_case name: the aggregate type in events (`project.created`) and the permission prefix. */
  name: string;
  /** Plural path segment under /api/v1 (or under /api/v1/projects/{projectId} when project-scoped). */
  path: string;
  /** Human label used in messages and docs ("project"). */
  label: string;
  /** OpenAPI tag the routes are grouped under. */
  tag: string;
  scope: 'workspace' | 'project';
  table: ResourceTable;
  schemas: {
    create: z.ZodObject;
    update: z.ZodObject;
    output: z.ZodObject;
  };
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
  hooks?: ResourceHooks;
  permissions: { read: string; create: string; update: string; delete: string };
}

export type ResourceDeclaration = Omit<ResourceDefinition, 'permissions' | 'label' | 'tag'> & {
  label?: string;
  tag?: string;
  permissions?: Partial<ResourceDefinition['permissions']>;
};

const registry = new Map<string, ResourceDefinition>();

/**
 * Declares a resource. The resource layer then serves list, get, create, update and delete for it,
 * scoped to the caller's workspace, audited, versioned and documented in OpenAPI.
 */
export function defineResource(declaration: ResourceDeclaration): ResourceDefinition {
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
  const definition: ResourceDefinition = {
    ...declaration,
    label: declaration.label ?? name.replace(/_/g, ' '),
    tag: declaration.tag ?? declaration.path,
    permissions: {
      read: definePermission(declaration.permissions?.read ?? `${name}.read`, 'read'),
      create: declaration.permissions?.create ?? definePermission(`${name}.create`, 'write'),
      update: declaration.permissions?.update ?? definePermission(`${name}.update`, 'write'),
      delete: declaration.permissions?.delete ?? definePermission(`${name}.delete`, 'write'),
    },
  };
  const existing = registry.get(name);
  if (existing && existing.table !== definition.table) throw new Error(`Resource ${name} is declared twice`);
  registry.set(name, definition);
  return definition;
}

/** Every declared resource type (for metadata, search and the isolation tests). */
export function declaredResources(): ReadonlyMap<string, ResourceDefinition> {
  return registry;
}
