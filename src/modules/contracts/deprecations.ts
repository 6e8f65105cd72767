import { operationsOf, resolveNode } from '../../engines/openapi-diff/document.ts';
import type { OpenApiDocument } from '../../engines/openapi-diff/index.ts';
import { isDeprecated, sunsetOf } from '../../engines/openapi-diff/rules/sunset.ts';

/** An operation the revision deprecates that the base did not, with the day it goes away. */
export interface NewDeprecation {
  /** `GET /users/{id}`, as the revision writes the path. */
  operation: string;
  /** YYYY-MM-DD */
  sunsetOn: string;
}

/**
 * The operations the revision newly deprecates with a readable sunset date — `x-sunset` or a
 * documented `Sunset` response header, read as the engine's deprecation rules read them. Each
 * becomes a deprecation schedule of the plan, announced the day the version is uploaded.
 */
export function newDeprecations(base: OpenApiDocument, revision: OpenApiDocument): NewDeprecation[] {
  const before = operationsOf(base);
  const resolve = (node: Parameters<typeof resolveNode>[1]) => resolveNode(revision, node)?.node;
  const found: NewDeprecation[] = [];
  for (const [key, entry] of operationsOf(revision)) {
    if (!isDeprecated(entry.operation) || isDeprecated(before.get(key)?.operation)) continue;
    const sunsetOn = sunsetOf(entry.operation, resolve)?.date;
    if (sunsetOn) found.push({ operation: `${entry.method.toUpperCase()} ${entry.path}`, sunsetOn });
  }
  return found;
}
