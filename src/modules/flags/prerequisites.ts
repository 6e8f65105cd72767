import { AppError, type FieldError } from '../../core/errors/app-error.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible } from '../../core/resource/service.ts';
import { changeRow, createRow, deleteRow } from '../../core/resource/writes.ts';
import { cycleConflict, dependencyCycleAfter } from '../plan/areas/feature-flag-rules.ts';
import type { FlagDetail, PrerequisitesPut } from './contracts.ts';
import { readDetail } from './flags.ts';
import { dependencyResource } from './resource.ts';
import { flagByKey, flagsByKeys, prerequisitesOf, projectOf } from './store.ts';

// A flag's prerequisites are rows of plan.flag_dependencies: the flag needed and the value it must
// evaluate to. They are replaced as a whole, and never form a cycle.

/**
 * PUT /flags/{key}/prerequisites: replaces the flag's prerequisites. 422 naming unknown flags,
 * 409 naming the cycle the new set would close. Rows that stay the same are kept. Audited.
 */
export async function setPrerequisites(
  scope: Scope,
  key: string,
  input: PrerequisitesPut,
): Promise<FlagDetail> {
  return scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    const flag = await flagByKey(tx, scope, key, true);
    const wanted = input.prerequisites;
    const needed = await flagsByKeys(
      tx,
      scope,
      wanted.map((prerequisite) => prerequisite.flagKey),
    );
    const idOf = new Map(needed.map((row) => [row.name ?? '', row.id]));
    const unknown: FieldError[] = wanted.flatMap((prerequisite, index) =>
      idOf.has(prerequisite.flagKey)
        ? []
        : [
            {
              path: `prerequisites.${index}.flagKey`,
              message: `no flag ${prerequisite.flagKey} in this project`,
            },
          ],
    );
    if (unknown.length > 0)
      throw new AppError('unprocessable', 'A prerequisite names a flag this project does not have.', {
        code: 'flag.prerequisite_not_found',
        errors: unknown,
      });
    const dependsOn = wanted.map((prerequisite) => idOf.get(prerequisite.flagKey) ?? '');
    const cycle = await dependencyCycleAfter(tx, projectOf(scope), {
      flagId: flag.id,
      dependsOn,
      replaceAll: true,
    });
    if (cycle) throw cycleConflict(cycle);
    const current = await prerequisitesOf(tx, scope, flag.id);
    for (const existing of current) {
      const kept = wanted.find((prerequisite) => prerequisite.flagKey === existing.flagKey);
      if (!kept) await deleteRow(tx, dependencyResource, scope, existing.id);
      else if (kept.value !== existing.value)
        await changeRow(tx, dependencyResource, scope, existing.id, {
          values: { requiredValue: kept.value },
        });
    }
    for (const prerequisite of wanted) {
      if (current.some((existing) => existing.flagKey === prerequisite.flagKey)) continue;
      await createRow(tx, dependencyResource, scope, {
        flagId: flag.id,
        dependsOnFlagId: idOf.get(prerequisite.flagKey),
        requiredValue: prerequisite.value,
      });
    }
    return readDetail(tx, scope, flag);
  });
}
