import { and, asc, eq, gt } from 'drizzle-orm';
import type { RequestContext } from '../../core/auth/context.ts';
import { memberships, workspaces } from '../../core/auth/schema.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppServices } from '../../core/http/route.ts';
import { recordIdentityEvent } from './audit.ts';
import { type PageQuery, pageOf } from './contracts.ts';

/**
 * The workspaces the caller belongs to, with their role in each. Crosses workspaces by nature, so
 * it reads the unbound database, filtered to the caller's own memberships.
 */
export async function listWorkspaces(app: AppServices, ctx: RequestContext, { limit, cursor }: PageQuery) {
  const rows = await app.systemDatabase.db
    .select({
      id: workspaces.id,
      name: workspaces.name,
      role: memberships.role,
      createdAt: workspaces.createdAt,
    })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.userId, ctx.actor.userId), cursor ? gt(workspaces.id, cursor) : undefined))
    .orderBy(asc(workspaces.id))
    .limit(limit + 1);
  return pageOf(rows, limit, (row) => row.id);
}

/**
 * Creates a workspace with the caller as its owner. The new workspace is not the one the request
 * is bound to, so this writes through the unbound database; the event goes to the new workspace.
 */
export async function createWorkspace(app: AppServices, ctx: RequestContext, name: string) {
  if (ctx.actor.kind === 'agent') {
    throw new AppError(
      'forbidden',
      'Agents act inside the workspace they belong to; they cannot create one.',
      {
        code: 'workspace.agents_cannot_create',
      },
    );
  }
  const created = await app.systemDatabase.db.transaction(async (tx) => {
    const [workspace] = await tx.insert(workspaces).values({ name }).returning();
    if (!workspace) throw new Error('workspace insert returned nothing');
    await tx
      .insert(memberships)
      .values({ workspaceId: workspace.id, userId: ctx.actor.userId, role: 'owner' });
    const ownerCtx = { ...ctx, workspaceId: workspace.id, actor: { ...ctx.actor, role: 'owner' as const } };
    await recordIdentityEvent(
      tx,
      { ctx: ownerCtx, app },
      {
        eventType: 'workspace.created',
        aggregateType: 'workspace',
        aggregateId: workspace.id,
        data: { name: workspace.name, createdFrom: ctx.workspaceId },
      },
    );
    return workspace;
  });
  return { id: created.id, name: created.name, role: 'owner' as const, createdAt: created.createdAt };
}
