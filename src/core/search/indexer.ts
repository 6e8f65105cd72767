import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { asText, type IndexableResource, indexedFieldsOf } from './fields.ts';
import { searchDocuments } from './schema.ts';

const maxTitleLength = 1000;
// to_tsvector refuses vectors over 1 MB; 200k characters of prose stay well below.
const maxBodyLength = 200_000;

/**
 * Writes (or rewrites) the search documents of the rows of `definition` that match `where`, in
 * one INSERT … SELECT: one row after a write, a whole workspace for a rebuild or a bulk load.
 * Answers the number of documents written.
 */
export async function indexRows(tx: Executor, definition: IndexableResource, where: SQL): Promise<number> {
  const fields = indexedFieldsOf(definition);
  if (!fields) return 0;
  const { table } = definition;
  const body = fields.body.length ? sql.join(fields.body.map(asText), sql`, `) : sql`''`;
  const tags = fields.tags ? sql`coalesce(${fields.tags}, '{}'::text[])` : sql`'{}'::text[]`;
  const result = await tx.execute(sql`
    insert into search_documents
      (workspace_id, entity_type, entity_id, project_id, title, body, status, tags, tag_text, config, updated_at)
    select ${table.workspaceId}, ${definition.name}, ${table.id},
      ${fields.project ? sql`${fields.project}::uuid` : sql`null::uuid`},
      left(${asText(fields.title)}, ${maxTitleLength}),
      left(concat_ws(' ', ${body}), ${maxBodyLength}),
      ${fields.status ? sql`${fields.status}::text` : sql`null::text`},
      ${tags}, array_to_string(${tags}, ' '),
      coalesce((select s.language from search_settings s where s.workspace_id = ${table.workspaceId}),
        'english')::regconfig,
      now()
    from ${table} where ${where}
    on conflict (entity_type, entity_id) do update set
      workspace_id = excluded.workspace_id, project_id = excluded.project_id, title = excluded.title,
      body = excluded.body, status = excluded.status, tags = excluded.tags, tag_text = excluded.tag_text,
      config = excluded.config, updated_at = excluded.updated_at`);
  return result.rowCount ?? 0;
}

/** Brings one entity's document in line with its row: rewritten if the row exists, removed if not. */
export async function indexEntity(tx: Executor, definition: IndexableResource, id: string): Promise<void> {
  if (!indexedFieldsOf(definition)) return;
  const written = await indexRows(tx, definition, eq(definition.table.id, id));
  if (!written) await removeDocument(tx, definition.name, id);
}

async function removeDocument(tx: Executor, entityType: string, id: string): Promise<void> {
  await tx
    .delete(searchDocuments)
    .where(and(eq(searchDocuments.entityType, entityType), eq(searchDocuments.entityId, id)));
}

/**
 * After a row of `definition` is deleted: drops its document and the documents of rows the
 * database deleted with it (`cascaded`: resources whose rows go with it through `on delete
 * cascade`). When `definition` is the project resource, the documents that named the project are
 * re-read from their rows (gone, or no longer in a project) — `all` lists the candidates.
 */
export async function removeDeletedFromIndex(
  tx: Executor,
  deleted: { definition: IndexableResource; workspaceId: string; id: string; isProject: boolean },
  cascaded: readonly IndexableResource[],
  all: readonly IndexableResource[],
): Promise<void> {
  const { definition, workspaceId, id } = deleted;
  await removeDocument(tx, definition.name, id);
  for (const child of cascaded) {
    if (!indexedFieldsOf(child)) continue;
    await tx.execute(sql`delete from search_documents d
      where d.workspace_id = ${workspaceId} and d.entity_type = ${child.name}
        and not exists (select 1 from ${child.table} where ${child.table.id} = d.entity_id)`);
  }
  if (!deleted.isProject) return;
  for (const candidate of all) {
    if (!indexedFieldsOf(candidate)?.project) continue;
    const named = sql`${candidate.table.id} in (select entity_id from search_documents
      where workspace_id = ${workspaceId} and entity_type = ${candidate.name} and project_id = ${id})`;
    await indexRows(tx, candidate, named);
    await tx.execute(sql`delete from search_documents
      where workspace_id = ${workspaceId} and entity_type = ${candidate.name} and project_id = ${id}`);
  }
}

/** Rebuilds every document of the workspace, type by type (after a declaration changed, or a bulk load). */
export async function reindexWorkspace(
  tx: Executor,
  workspaceId: string,
  resources: readonly IndexableResource[],
): Promise<number> {
  let written = 0;
  for (const definition of resources) {
    if (!indexedFieldsOf(definition)) continue;
    written += await indexRows(tx, definition, eq(definition.table.workspaceId, workspaceId));
    await tx.execute(sql`delete from search_documents d
      where d.workspace_id = ${workspaceId} and d.entity_type = ${definition.name}
        and not exists (select 1 from ${definition.table} where ${definition.table.id} = d.entity_id)`);
  }
  return written;
}
