import type { Scope } from '../../core/resource/scope.ts';
import {
  assertProjectVisible,
  getRow,
  type ListParameters,
  listRows,
  toOutput,
} from '../../core/resource/service.ts';
import { findingSetResource, findingsOfSetResource, reviewFindingResource } from './resource.ts';

/** GET …/finding-sets/{id}/findings: a page of the review findings the set reported, as the plan serves them. */
export async function findingsOfSet(scope: Scope, setId: string, query: ListParameters) {
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    await getRow(db, findingSetResource, scope, setId);
    const page = await listRows(db, findingsOfSetResource, scope, { ...query, 'filter[findingSet]': setId });
    return {
      data: page.data.map((row) => toOutput(reviewFindingResource, row)),
      nextCursor: page.nextCursor,
    };
  });
}
