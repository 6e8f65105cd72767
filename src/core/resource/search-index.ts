import type { AppendListener } from '../events/append.ts';
import { indexEntity, removeDeletedFromIndex } from '../search/indexer.ts';
import type { ResourceCatalog } from './catalog.ts';

/**
 * Keeps the search index current. Every write to a resource appends its event in the write's
 * transaction, whichever code path made it (the resource layer, a lifecycle action, an import);
 * indexing on the event keeps the index exactly as fresh as the audit trail.
 */
export function searchIndexListener(resources: ResourceCatalog): AppendListener {
  return {
    name: 'search-index',
    async onAppended(tx, ctx, event) {
      const definition = resources.get(event.aggregateType);
      if (!definition) return;
      if (event.eventType === `${definition.name}.deleted`) {
        await removeDeletedFromIndex(
          tx,
          {
            definition,
            workspaceId: ctx.workspaceId,
            id: event.aggregateId,
            isProject: definition.name === 'project',
          },
          resources.cascadedFrom(definition),
          resources.all(),
        );
      } else await indexEntity(tx, definition, event.aggregateId);
    },
  };
}
