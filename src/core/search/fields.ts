import { getTableColumns, is, type SQL, sql } from 'drizzle-orm';
import { PgColumn, type PgTable } from 'drizzle-orm/pg-core';

/** The parts of a resource that global search indexes. */
export interface SearchFields {
  title?: PgColumn;
  /**
   * Text columns, or SQL expressions over the row (e.g. a bounded subquery of rows it owns, such as
   * a test run's failure messages). An expression is evaluated whenever the row is indexed.
   */
  body?: (PgColumn | SQL)[];
  /** A text or enum column shown and counted as the status facet; null for none. */
  status?: PgColumn | null;
  /** A text[] column of tags; null for none. */
  tags?: PgColumn | null;
  /** The project the entity belongs to; null for none. */
  project?: PgColumn | null;
}

/** What search needs to know of a resource (a resource definition is one). */
export interface IndexableResource {
  /** The entity type in the index. */
  name: string;
  table: PgTable & { id: PgColumn; workspaceId: PgColumn };
  /** Text columns searched; the first is the title unless `search` names one. */
  searchable: readonly PgColumn[];
  search?: SearchFields | false;
  sensitiveFields?: readonly string[];
}

/** What global search indexes of one resource, resolved from its declaration. */
export interface IndexedFields {
  title: PgColumn;
  body: (PgColumn | SQL)[];
  status: PgColumn | null;
  tags: PgColumn | null;
  project: PgColumn | null;
}

function columnNamed(definition: IndexableResource, field: string): PgColumn | null {
  const value = getTableColumns(definition.table)[field];
  return is(value, PgColumn) ? value : null;
}

/** The declaration's field name of a column (`projectId` for project_id). */
function fieldOf(definition: IndexableResource, column: PgColumn): string | undefined {
  return Object.entries(getTableColumns(definition.table)).find(([, value]) => value === column)?.[0];
}

/**
 * The indexed fields of a resource, or null when it is not searchable: the declared `search`
 * parts, else the first `searchable` column as title, the others as body, and the conventional
 * `status`, `tags` and `projectId` columns when the table has them. Sensitive fields are never indexed.
 */
export function indexedFieldsOf(definition: IndexableResource): IndexedFields | null {
  if (definition.search === false) return null;
  const declared = definition.search ?? {};
  const [first] = definition.searchable;
  const title = declared.title ?? first;
  // Sensitive fields stay out of the index: snippets would show them to every reader.
  const sensitive = new Set(definition.sensitiveFields ?? []);
  const open = (column: PgColumn | SQL) =>
    !is(column, PgColumn) || !sensitive.has(fieldOf(definition, column) ?? '');
  if (!title || !open(title)) return null;
  const tags = declared.tags !== undefined ? declared.tags : columnNamed(definition, 'tags');
  return {
    title,
    body: (declared.body ?? definition.searchable.filter((column) => column !== title)).filter(open),
    status: declared.status !== undefined ? declared.status : columnNamed(definition, 'status'),
    tags: tags && tags.dataType === 'array' ? tags : null,
    project: declared.project !== undefined ? declared.project : columnNamed(definition, 'projectId'),
  };
}

/** A column (or an expression) as plain text: arrays joined by spaces, JSON as its text, NULL as ''. */
export function asText(column: PgColumn | SQL): SQL {
  if (!is(column, PgColumn)) return sql`coalesce((${column})::text, '')`;
  if (column.dataType === 'array') return sql`coalesce(array_to_string(${column}, ' '), '')`;
  return sql`coalesce(${column}::text, '')`;
}
