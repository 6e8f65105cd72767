import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { onEventAppended } from '../events/append.ts';
import { cascadedResources } from '../metadata/entities.ts';
import { declaredResources, type ResourceDefinition } from '../resource/define.ts';
import { asText, indexedFieldsOf } from './fields.ts';
import { searchDocuments } from './schema.ts';

const maxTitleLength = 1000;
// to_tsvector refuses vectors over 1 MB; 200k characters of prose stay well below.
const maxBodyLength = 200_000;

/**
 * Writes (or rewrites) the search documents of the rows of `definition` that match `where`, in
 * one INSERT … SELECT: one row after a write, a whole workspace for a rebuild or a bulk load.
 * Answers the number of documents written.
 */
export async function indexRows(tx: Executor, definition: ResourceDefinition, where: SQL): Promise<number> {
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
export async function indexEntity(tx: Executor, definition: ResourceDefinition, id: string): Promise<void> {
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
 * After a row of `definition` is deleted: drops its document, the documents of rows the database
 * deleted with it (`on delete cascade`), and — for a project — re-reads the documents that named
 * it, since their rows are gone or no longer belong to a project.
 */
async function afterDelete(tx: Executor, definition: ResourceDefinition, workspaceId: string, id: string) {
  await removeDocument(tx, definition.name, id);
  for (const child of cascadedResources(definition)) {
    if (!indexedFieldsOf(child)) continue;
    await tx.execute(sql`delete from search_documents d
      where d.workspace_id = ${workspaceId} and d.entity_type = ${child.name}
        and not exists (select 1 from ${child.table} where ${child.table.id} = d.entity_id)`);
  }
  if (definition.name !== 'project') return;
  for (const candidate of declaredResources().values()) {
    if (!indexedFieldsOf(candidate)?.project) continue;
    const named = sql`${candidate.table.id} in (select entity_id from search_documents
      where workspace_id = ${workspaceId} and entity_type = ${candidate.name} and project_id = ${id})`;
    await indexRows(tx, candidate, named);
    await tx.execute(sql`delete from search_documents
      where workspace_id = ${workspaceId} and entity_type = ${candidate.name} and project_id = ${id}`);
  }
}

/** Rebuilds every document of the workspace, type by type (after a declaration changed, or a bulk load). */
export async function reindexWorkspace(tx: Executor, workspaceId: string): Promise<number> {
  let written = 0;
  for (const definition of declaredResources().values()) {
    if (!indexedFieldsOf(definition)) continue;
    written += await indexRows(tx, definition, eq(definition.table.workspaceId, workspaceId));
    await tx.execute(sql`delete from search_documents d
      where d.workspace_id = ${workspaceId} and d.entity_type = ${definition.name}
        and not exists (select 1 from ${definition.table} where ${definition.table.id} = d.entity_id)`);
  }
  return written;
}

// Every write to a resource appends its event in the write's transaction, whichever code path
// made it (the resource layer, a lifecycle action, an import); indexing on the event keeps the
// index exactly as fresh as the audit trail.
onEventAppended('search-index', async (tx, ctx, event) => {
  const definition = declaredResources().get(event.aggregateType);
  if (!definition) return;
  if (event.eventType === `${definition.name}.deleted`)
    await afterDelete(tx, definition, ctx.workspaceId, event.aggregateId);
  else await indexEntity(tx, definition, event.aggregateId);
});
