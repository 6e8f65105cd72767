import { is, type SQL, sql } from 'drizzle-orm';
import { PgColumn } from 'drizzle-orm/pg-core';
import type { ResourceDefinition } from '../resource/define.ts';

/** What global search indexes of one resource, resolved from its declaration. */
export interface IndexedFields {
  title: PgColumn;
  body: PgColumn[];
  status: PgColumn | null;
  tags: PgColumn | null;
  project: PgColumn | null;
}

function columnNamed(definition: ResourceDefinition, field: string): PgColumn | null {
  const value = (definition.table as unknown as Record<string, unknown>)[field];
  return is(value, PgColumn) ? value : null;
}

/** The declaration's field name of a column (`projectId` for project_id). */
function fieldOf(definition: ResourceDefinition, column: PgColumn): string | undefined {
  return Object.entries(definition.table as unknown as Record<string, unknown>).find(
    ([, value]) => value === column,
  )?.[0];
}

/**
 * The indexed fields of a resource, or null when it is not searchable: the declared `search`
 * parts, else the first `searchable` column as title, the others as body, and the conventional
 * `status`, `tags` and `projectId` columns when the table has them. Sensitive fields are never indexed.
 */
export function indexedFieldsOf(definition: ResourceDefinition): IndexedFields | null {
  if (definition.search === false) return null;
  const declared = definition.search ?? {};
  const [first] = definition.searchable;
  const title = declared.title ?? first;
  // Sensitive fields stay out of the index: snippets would show them to every reader.
  const sensitive = new Set(definition.sensitiveFields ?? []);
  const open = (column: PgColumn) => !sensitive.has(fieldOf(definition, column) ?? '');
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

/** A column as plain text: arrays joined by spaces, JSON as its text, NULL as ''. */
export function asText(column: PgColumn): SQL {
  if (column.dataType === 'array') return sql`coalesce(array_to_string(${column}, ' '), '')`;
  return sql`coalesce(${column}::text, '')`;
}
