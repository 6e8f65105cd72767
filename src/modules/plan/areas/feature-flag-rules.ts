import { and, eq, ne } from 'drizzle-orm';
import { AppError } from '../../../core/errors/app-error.ts';
import type { Executor } from '../../../db/connection.ts';
import { findPrerequisiteCycle } from '../../../engines/flag-eval/index.ts';
import type { PlanRowValidator } from '../table.ts';
import { featureFlags, flagDependencies } from './feature-flags.ts';

// Rules the feature-flag tables keep whichever way they are written (the plan's generic routes,
// an import, the flags API): a flag key names one flag of the project, and prerequisites never
// form a cycle, which no evaluation could resolve.

/** A flag's key (its name) is unique in the project: 409 naming the key. */
export const flagKeyIsFree: PlanRowValidator = async ({ id, values }, { tx, projectId }) => {
  const name = values.name;
  if (typeof name !== 'string' || !projectId) return;
  const [taken] = await tx
    .select({ id: featureFlags.id })
    .from(featureFlags)
    .where(
      and(
        eq(featureFlags.projectId, projectId),
        eq(featureFlags.name, name),
        ...(id ? [ne(featureFlags.id, id)] : []),
      ),
    )
    .limit(1);
  if (!taken) return;
  throw new AppError('conflict', `The project already has a flag with the key ${name}.`, {
    code: 'flag.key_taken',
    errors: [{ path: 'name', message: 'is already the key of another flag' }],
  });
};

/** How the prerequisites of one flag are about to change. */
export interface DependencyChange {
  /** The dependent flag. */
  flagId: string;
  /** The flags it will need (added to, or replacing, what it needs now). */
  dependsOn: readonly string[];
  /** Replace every prerequisite of the flag (true), or only the dependency row `rowId` (or none: an addition). */
  replaceAll?: boolean;
  rowId?: string;
}

/**
 * The cycle the change would close, as flag keys from a flag back to itself ("a → b → a" reads
 * ['a', 'b', 'a']), or null when the prerequisites stay acyclic.
 */
export async function dependencyCycleAfter(
  db: Executor,
  projectId: string,
  change: DependencyChange,
): Promise<string[] | null> {
  const flags = await db
    .select({ id: featureFlags.id, key: featureFlags.name })
    .from(featureFlags)
    .where(eq(featureFlags.projectId, projectId));
  const edges = await db
    .select({ id: flagDependencies.id, from: flagDependencies.flagId, to: flagDependencies.dependsOnFlagId })
    .from(flagDependencies)
    .where(eq(flagDependencies.projectId, projectId));
  const kept = edges.filter(
    (edge) => edge.id !== change.rowId && !(change.replaceAll && edge.from === change.flagId),
  );
  const needs = new Map<string, string[]>();
  for (const edge of [...kept, ...change.dependsOn.map((to) => ({ from: change.flagId, to }))]) {
    if (!edge.from || !edge.to) continue;
    needs.set(edge.from, [...(needs.get(edge.from) ?? []), edge.to]);
  }
  // The engine finds cycles over keys; ids are the keys here, since only ids are sure to be unique.
  const cycle = findPrerequisiteCycle(
    flags.map((flag) => ({
      key: flag.id,
      prerequisites: (needs.get(flag.id) ?? []).map((flagKey) => ({ flagKey })),
    })),
  );
  if (!cycle) return null;
  const keyOf = new Map(flags.map((flag) => [flag.id, flag.key ?? flag.id]));
  return startingAt(cycle, change.flagId).map((id) => keyOf.get(id) ?? id);
}

/** The cycle read from the flag being changed, when it is on it: that is where the reader looks. */
function startingAt(cycle: readonly string[], start: string): string[] {
  const loop = cycle.slice(0, -1);
  const index = loop.indexOf(start);
  if (index <= 0) return [...cycle];
  const rotated = [...loop.slice(index), ...loop.slice(0, index)];
  return [...rotated, start];
}

/** 409 naming the cycle: "checkout-v2 → payments-v3 → checkout-v2". */
export function cycleConflict(cycle: readonly string[]): AppError {
  const path = cycle.join(' → ');
  return new AppError('conflict', `These prerequisites would form a cycle: ${path}.`, {
    code: 'flag.prerequisite_cycle',
    extensions: { cycle },
  });
}

/** A dependency row written through the plan may not close a cycle. */
export const dependencyIsAcyclic: PlanRowValidator = async ({ id, values }, { tx, projectId }) => {
  const { flagId, dependsOnFlagId } = values;
  if (typeof flagId !== 'string' || typeof dependsOnFlagId !== 'string' || !projectId) return;
  const cycle = await dependencyCycleAfter(tx, projectId, {
    flagId,
    dependsOn: [dependsOnFlagId],
    rowId: id,
  });
  if (cycle) throw cycleConflict(cycle);
};
