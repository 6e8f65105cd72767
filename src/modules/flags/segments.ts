import { and, asc, eq } from 'drizzle-orm';
import type { Scope } from '../../core/resource/scope.ts';
import type { Executor } from '../../db/connection.ts';
import type { Segment } from '../../engines/flag-eval/model.ts';
import { projectOf } from './store.ts';
import { flagSegments } from './tables.ts';

/** The project's segments as the engine reads them: the number is the id rules refer to. */
export async function segmentsOf(db: Executor, scope: Scope): Promise<Segment[]> {
  return db
    .select({ id: flagSegments.number, name: flagSegments.name, constraints: flagSegments.constraints })
    .from(flagSegments)
    .where(
      and(eq(flagSegments.workspaceId, scope.ctx.workspaceId), eq(flagSegments.projectId, projectOf(scope))),
    )
    .orderBy(asc(flagSegments.number));
}
