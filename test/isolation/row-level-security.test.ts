import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens } from '../../src/core/auth/schema.ts';
import { projects } from '../../src/core/tenancy/projects-table.ts';
import type { Transaction } from '../../src/db/connection.ts';
import { type Caller, createTestApp, type TestApp } from '../../src/test-support/app.ts';

let t: TestApp;
let a: Caller;
let b: Caller;
let projectOfB: string;
beforeAll(async () => {
  t = await createTestApp();
  a = t.owner;
  b = await t.newWorkspace();
  expect((await a.post('/api/v1/projects', { name: 'Mine', key: 'MINE' })).status).toBe(201);
  const theirs = await b.post('/api/v1/projects', { name: 'Theirs', key: 'THEIRS' });
  projectOfB = theirs.body.id;
});
afterAll(() => t.close());

/** Runs `work` the way every request does: in a transaction bound to the workspace. */
function inWorkspace<T>(workspaceId: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return t.services.tenancy.bind(workspaceId).transaction(work);
}

describe('row-level security, the second wall', () => {
  it('shows a query that forgets its workspace filter only the current workspace’s rows', async () => {
    const seen = await inWorkspace(a.workspaceId, (tx) => tx.select().from(projects));
    expect(seen.map((row) => row.key)).toEqual(['MINE']);
    const byId = await inWorkspace(a.workspaceId, (tx) =>
      tx.select().from(projects).where(eq(projects.id, projectOfB)),
    );
    expect(byId).toEqual([]);
    const events = await inWorkspace(a.workspaceId, (tx) =>
      tx.execute<{ workspaces: number }>(
        sql`select count(distinct workspace_id)::int as workspaces from audit_events`,
      ),
    );
    expect(events.rows[0]?.workspaces).toBe(1);
  });

  it('refuses to write or change another workspace’s rows from inside a workspace', async () => {
    const insert = inWorkspace(a.workspaceId, (tx) =>
      tx.insert(projects).values({ workspaceId: b.workspaceId, name: 'Planted', key: 'PLANT' }),
    );
    await expect(insert).rejects.toThrow();
    const renamed = await inWorkspace(a.workspaceId, (tx) =>
      tx.update(projects).set({ name: 'Hijacked' }).where(eq(projects.id, projectOfB)).returning(),
    );
    expect(renamed).toEqual([]);
    const revoked = await inWorkspace(a.workspaceId, (tx) =>
      tx.update(apiTokens).set({ revokedAt: new Date() }).returning(),
    );
    expect(revoked.every((token) => token.workspaceId === a.workspaceId)).toBe(true);
    expect((await b.get(`/api/v1/projects/${projectOfB}`)).body.name).toBe('Theirs');
    expect((await b.get('/api/v1/me')).status).toBe(200);
  });

  it('sees nothing at all when no workspace is set', async () => {
    const rows = await t.database.db.transaction(async (tx) => {
      await tx.execute(sql.raw('set local role shipshape_tenant'));
      return tx.select().from(projects);
    });
    expect(rows).toEqual([]);
  });

  it('protects every table that has a workspace_id column', async () => {
    const unprotected = await t.database.query<{ name: string }>(`
      select c.oid::regclass::text as name
      from pg_attribute a
      join pg_class c on c.oid = a.attrelid and c.relkind in ('r', 'p')
      join pg_namespace n on n.oid = c.relnamespace
      where a.attname = 'workspace_id' and not a.attisdropped
        and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
        and not (c.relrowsecurity and exists (
          select 1 from pg_policy p where p.polrelid = c.oid and p.polname = 'workspace_isolation'))`);
    expect(
      unprotected.map((row) => row.name),
      "call shipshape_enable_workspace_rls('<table>') in its migration",
    ).toEqual([]);
  });
});
