import { getTableConfig } from 'drizzle-orm/pg-core';
import { AppError } from '../errors/app-error.ts';
import type { AnyResource } from './define.ts';

/**
 * The resources one app serves, by name: what metadata, search, the audit trail's sensitive fields
 * and the isolation tests need to know of every resource. Built once per app from its installed
 * modules.
 */
export interface ResourceCatalog {
  get(name: string): AnyResource | undefined;
  /** The resource named `type`, or 404 naming the types that exist. */
  require(type: string): AnyResource;
  all(): readonly AnyResource[];
  /** Resources whose rows the database deletes with a row of `definition` (`on delete cascade`, any depth). */
  cascadedFrom(definition: AnyResource): readonly AnyResource[];
  /** The audited fields of an aggregate type whose values are stored encrypted. */
  sensitiveFields(aggregateType: string): readonly string[];
}

export function createResourceCatalog(definitions: readonly AnyResource[]): ResourceCatalog {
  const byName = new Map<string, AnyResource>();
  for (const definition of definitions) {
    const existing = byName.get(definition.name);
    if (existing && existing !== definition) throw new Error(`Resource ${definition.name} is declared twice`);
    byName.set(definition.name, definition);
  }
  const all = [...byName.values()];
  const cascades = new Map<string, AnyResource[]>();
  return {
    get: (name) => byName.get(name),
    require(type) {
      const definition = byName.get(type);
      if (!definition) {
        throw new AppError('not_found', `No entity type ${type}.`, {
          code: 'entity_type.not_found',
          extensions: { entityTypes: [...byName.keys()].sort() },
        });
      }
      return definition;
    },
    all: () => all,
    cascadedFrom(definition) {
      let found = cascades.get(definition.name);
      if (!found) {
        found = cascadedResources(definition, all);
        cascades.set(definition.name, found);
      }
      return found;
    },
    sensitiveFields: (aggregateType) => byName.get(aggregateType)?.sensitiveFields ?? [],
  };
}

function cascadedResources(definition: AnyResource, all: readonly AnyResource[]): AnyResource[] {
  const found = new Map<string, AnyResource>();
  const visit = (parent: AnyResource) => {
    const parentTable = getTableConfig(parent.table).name;
    for (const candidate of all) {
      if (found.has(candidate.name) || candidate.name === definition.name) continue;
      const cascades = getTableConfig(candidate.table).foreignKeys.some(
        (key) =>
          key.onDelete === 'cascade' && getTableConfig(key.reference().foreignTable).name === parentTable,
      );
      if (cascades) {
        found.set(candidate.name, candidate);
        visit(candidate);
      }
    }
  };
  visit(definition);
  return [...found.values()];
}
