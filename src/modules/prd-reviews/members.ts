import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { memberships, type Role, users } from '../../core/auth/schema.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { Executor } from '../../db/connection.ts';

export interface Member {
  userId: string;
  email: string;
  kind: 'person' | 'agent';
  role: Role;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The workspace members named by id or email. Names that are not members of the workspace answer
 * 422 listing them, so that a typo never silently drops a reviewer or a mention.
 */
export async function findMembers(
  db: Executor,
  workspaceId: string,
  references: string[],
  path: string,
): Promise<Member[]> {
  if (references.length === 0) return [];
  const ids = references.filter((reference) => uuidPattern.test(reference));
  const emails = references.filter((reference) => !uuidPattern.test(reference)).map((e) => e.toLowerCase());
  const byId = ids.length ? inArray(users.id, ids) : undefined;
  const byEmail = emails.length ? inArray(sql`lower(${users.email})`, emails) : undefined;
  const rows = await db
    .select({ userId: users.id, email: users.email, kind: users.kind, role: memberships.role })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.workspaceId, workspaceId)))
    .where(or(byId, byEmail));
  const missing = references.filter(
    (reference) =>
      !rows.some((row) => row.userId === reference || row.email.toLowerCase() === reference.toLowerCase()),
  );
  if (missing.length) {
    throw new AppError('unprocessable', `Not members of this workspace: ${missing.join(', ')}.`, {
      code: 'prd_review.unknown_member',
      errors: missing.map((reference) => ({
        path: `${path}.${references.indexOf(reference)}`,
        message: 'not a member of this workspace',
      })),
    });
  }
  return rows;
}
