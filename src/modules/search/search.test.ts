import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../test-support/app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let sequence = 0;
async function newProject(caller: Caller, fields: Record<string, unknown> = {}) {
  sequence += 1;
  const answer = await caller.post('/api/v1/projects', {
    name: `Project ${sequence}`,
    key: `S${sequence}X`,
    ...fields,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as { id: string; version: number };
}
async function newDecision(caller: Caller, fields: Record<string, unknown>) {
  const answer = await caller.post('/api/v1/decision-logs', { decisionType: 'technology', ...fields });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as { id: string };
}
async function search(caller: Caller, q: string, query: Record<string, string> = {}) {
  const answer = await caller.get('/api/v1/search', { query: { q, ...query } });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}
const idsOf = (body: { data: { id: string }[] }) => body.data.map((hit) => hit.id);

describe('the index follows every write', () => {
  it('finds an entity once created, by its new words after an update and not its old ones, and never after deletion', async () => {
    const caller = await t.newWorkspace();
    const project = await newProject(caller, { name: 'Ledger reconciliation', description: 'Nightly batch' });
    expect(idsOf(await search(caller, 'reconciliation'))).toEqual([project.id]);

    const renamed = await caller.patch(`/api/v1/projects/${project.id}`, {
      name: 'Invoice matching',
      description: 'Streams events',
    });
    expect(renamed.status).toBe(200);
    expect(idsOf(await search(caller, 'invoice'))).toEqual([project.id]);
    expect(idsOf(await search(caller, 'streams'))).toEqual([project.id]);
    expect(idsOf(await search(caller, 'reconciliation'))).toEqual([]);
    expect(idsOf(await search(caller, 'nightly'))).toEqual([]);

    expect((await caller.delete(`/api/v1/projects/${project.id}`)).status).toBe(204);
    expect(idsOf(await search(caller, 'invoice'))).toEqual([]);
  });

  it('indexes decisions and PRDs, and follows status changes made by lifecycle actions', async () => {
    const caller = await t.newWorkspace();
    const project = await newProject(caller, { name: 'Payments' });
    const decision = await newDecision(caller, {
      title: 'Adopt an outbox for webhooks',
      projectId: project.id,
    });
    const prd = await caller.post(`/api/v1/projects/${project.id}/prd-reviews`, {
      title: 'Webhook delivery guarantees',
      content: 'Every webhook is delivered at least once.',
    });
    expect(prd.status).toBe(201);
    const found = await search(caller, 'webhooks');
    expect(found.data.map((hit: { type: string }) => hit.type).sort()).toEqual([
      'decision_log',
      'prd_review',
    ]);
    const prdHit = found.data.find((hit: { type: string }) => hit.type === 'prd_review');
    expect(prdHit.path).toBe(`/api/v1/projects/${project.id}/prd-reviews/${prd.body.id}`);
    expect(found.facets.status).toEqual({ draft: 2 });

    expect((await caller.post(`/api/v1/decision-logs/${decision.id}/propose`, {})).status).toBe(200);
    expect((await search(caller, 'outbox')).data[0].status).toBe('proposed');
  });

  it('forgets what a project deletion takes with it, and unlinks what it leaves', async () => {
    const caller = await t.newWorkspace();
    const project = await newProject(caller, { name: 'Doomed' });
    await caller.post(`/api/v1/projects/${project.id}/prd-reviews`, { title: 'Quarantine flow' });
    const decision = await newDecision(caller, { title: 'Quarantine via queues', projectId: project.id });
    expect((await search(caller, 'quarantine')).total).toBe(2);
    expect((await caller.delete(`/api/v1/projects/${project.id}`)).status).toBe(204);
    const after = await search(caller, 'quarantine');
    expect(idsOf(after)).toEqual([decision.id]);
    expect(after.data[0].projectId).toBeNull();
  });
});

describe('searching', () => {
  let caller: Caller;
  let payments: { id: string };
  let retry: { id: string };
  let retryBudget: { id: string };
  let cache: { id: string };

  beforeAll(async () => {
    caller = await t.newWorkspace();
    payments = await newProject(caller, { name: 'Payments', tags: ['money', 'core'] });
    retry = await newDecision(caller, {
      title: 'Retry policy for card payments',
      context: 'Card networks time out; we retry with exponential backoff and jitter.',
      tags: ['resilience', 'payments'],
      projectId: payments.id,
    });
    retryBudget = await newDecision(caller, {
      title: 'Budget for retries across services',
      context: 'A retry budget caps amplification during outages.',
      tags: ['resilience'],
    });
    cache = await newDecision(caller, {
      title: 'Cache invalidation by events',
      context: 'Entries are evicted when the source changes. Policy: no TTL.',
      tags: ['caching'],
      projectId: payments.id,
    });
  });

  it('ranks title matches first and highlights matches in escaped HTML', async () => {
    const found = await search(caller, 'retry');
    expect(idsOf(found)).toEqual([retry.id, retryBudget.id]);
    expect(found.data[0].titleHighlight).toBe('<mark>Retry</mark> policy for card payments');
    expect(found.data[0].snippet).toContain('<mark>retry</mark>');
    expect(found.data[0].rank).toBeGreaterThan(0);
  });

  it('accepts phrases, OR, exclusion, and a prefix for the last word', async () => {
    expect(idsOf(await search(caller, '"retry policy"'))).toEqual([retry.id]);
    expect(idsOf(await search(caller, 'retry -card'))).toEqual([retryBudget.id]);
    expect(idsOf(await search(caller, 'invalidation OR amplification')).sort()).toEqual(
      [cache.id, retryBudget.id].sort(),
    );
    expect(idsOf(await search(caller, 'retry pol'))).toEqual([retry.id]);
    expect(idsOf(await search(caller, 'invalid'))).toEqual([cache.id]);
  });

  it('counts every match by type, status, project and tag', async () => {
    const found = await search(caller, 'payments OR retry OR cache');
    expect(found.total).toBe(4);
    expect(found.facets.type).toEqual({ project: 1, decision_log: 3 });
    expect(found.facets.status).toEqual({ active: 1, draft: 3 });
    expect(found.facets.project).toEqual({ [payments.id]: 2 });
    expect(found.facets.tag).toMatchObject({ resilience: 2, payments: 1, caching: 1, money: 1, core: 1 });
  });

  it('narrows by type, project, status and tag', async () => {
    expect(idsOf(await search(caller, 'payments', { type: 'project' }))).toEqual([payments.id]);
    expect(idsOf(await search(caller, 'policy', { project: payments.id })).sort()).toEqual(
      [retry.id, cache.id].sort(),
    );
    expect(idsOf(await search(caller, 'retry', { tag: 'payments' }))).toEqual([retry.id]);
    expect(idsOf(await search(caller, 'payments', { status: 'active' }))).toEqual([payments.id]);
    const unknown = await caller.get('/api/v1/search', { query: { q: 'x', type: 'spaceship' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toBe('query.type');
  });

  it('pages through results with a cursor, without repeats or gaps', async () => {
    const all = idsOf(await search(caller, 'payments OR retry OR cache'));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search(caller, 'payments OR retry OR cache', {
        limit: '1',
        ...(cursor ? { cursor } : {}),
      });
      expect(page.data.length).toBeLessThanOrEqual(1);
      seen.push(...idsOf(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(seen).toHaveLength(4);
    const bad = await caller.get('/api/v1/search', { query: { q: 'retry', cursor: 'nonsense' } });
    expect(bad.status).toBe(400);
  });

  it('proposes close titles, tags and a corrected query when nothing matches', async () => {
    const found = await search(caller, 'retyr polcy');
    expect(found.total).toBe(0);
    expect(found.data).toEqual([]);
    expect(found.didYouMean.query).toBe('retry policy');
    expect(found.didYouMean.suggestions[0]).toEqual({
      kind: 'title',
      text: 'Retry policy for card payments',
    });
    const tag = await search(caller, 'reslience');
    expect(tag.didYouMean.suggestions).toContainEqual({ kind: 'tag', text: 'resilience' });
    expect((await search(caller, 'retry')).didYouMean).toBeNull();
  });

  it('autocompletes titles and tags', async () => {
    const answer = await caller.get('/api/v1/search/suggest', { query: { q: 'pay' } });
    expect(answer.status).toBe(200);
    expect(answer.body.titles.map((title: { text: string }) => title.text)).toEqual([
      'Payments',
      'Retry policy for card payments',
    ]);
    expect(answer.body.tags).toEqual([{ text: 'payments', count: 1 }]);
    const tags = await caller.get('/api/v1/search/suggest', { query: { q: 'res' } });
    expect(tags.body.tags).toEqual([{ text: 'resilience', count: 2 }]);
  });

  it("never shows another workspace's entities", async () => {
    const stranger = await t.newWorkspace();
    await newProject(stranger, { name: 'Retry dashboards' });
    expect((await search(stranger, 'payments')).total).toBe(0);
    expect(idsOf(await search(stranger, 'retry'))).toHaveLength(1);
    expect(idsOf(await search(caller, 'retry'))).toEqual([retry.id, retryBudget.id]);
    const suggestions = await stranger.get('/api/v1/search/suggest', { query: { q: 'pay' } });
    expect(suggestions.body).toEqual({ titles: [], tags: [] });
    const misspelt = await search(stranger, 'retyr polcy');
    expect(JSON.stringify(misspelt.didYouMean)).not.toContain('card payments');
  });

  it('escapes markup from the content itself', async () => {
    const other = await t.newWorkspace();
    await newProject(other, { name: 'Widget <b>bold</b>' });
    const found = await search(other, 'widget');
    expect(found.data[0].titleHighlight).toBe('<mark>Widget</mark> &lt;b&gt;bold&lt;/b&gt;');
  });
});

describe('search settings and analytics', () => {
  it('switches the text-search configuration and re-indexes the workspace', async () => {
    const caller = await t.newWorkspace();
    await newDecision(caller, { title: 'Retry policies everywhere' });
    expect((await caller.get('/api/v1/search/settings')).body).toEqual({ language: 'english' });
    expect((await search(caller, 'policy')).total).toBe(1);
    const changed = await caller.put('/api/v1/search/settings', { language: 'simple' });
    expect(changed.status).toBe(200);
    expect((await search(caller, 'policy')).total).toBe(0);
    expect((await search(caller, 'policies')).total).toBe(1);
    await newDecision(caller, { title: 'Policies for caches' });
    expect((await search(caller, 'policies')).total).toBe(2);
    const editor = await t.newMember(caller, 'editor');
    expect((await editor.put('/api/v1/search/settings', { language: 'english' })).status).toBe(403);
  });

  it('reports top queries and zero-result queries of a period', async () => {
    const caller = await t.newWorkspace();
    await newProject(caller, { name: 'Checkout' });
    await search(caller, 'Checkout');
    await search(caller, '  checkout ');
    await search(caller, 'refunds');
    const report = await caller.get('/api/v1/search/analytics');
    expect(report.status).toBe(200);
    expect(report.body.searches).toBe(3);
    expect(report.body.zeroResultSearches).toBe(1);
    expect(report.body.topQueries[0]).toMatchObject({ query: 'checkout', count: 2, averageResults: 1 });
    expect(report.body.zeroResultQueries).toEqual([expect.objectContaining({ query: 'refunds', count: 1 })]);
    const future = await caller.get('/api/v1/search/analytics', {
      query: { from: '2999-01-01T00:00:00Z', to: '2999-02-01T00:00:00Z' },
    });
    expect(future.body.searches).toBe(0);
    const viewer = await t.newMember(caller, 'viewer');
    expect((await viewer.get('/api/v1/search/analytics')).status).toBe(403);
  });

  it('rebuilds the index on request', async () => {
    const caller = await t.newWorkspace();
    await newProject(caller, { name: 'Rebuild me' });
    const answer = await caller.post('/api/v1/search/reindex');
    expect(answer.status).toBe(200);
    expect(answer.body.documents).toBe(1);
    expect((await search(caller, 'rebuild')).total).toBe(1);
  });
});

describe('resources declared by other modules', () => {
  it('indexes plan tables and takes their metadata, with nothing written for them', async () => {
    const caller = await t.newWorkspace();
    const project = await newProject(caller, { name: 'Storefront' });
    const flags = `/api/v1/projects/${project.id}/plan/feature-flags/feature-flags`;
    const flag = await caller.post(flags, {
      name: 'checkout-redesign',
      kind: 'release',
      description: 'Guards the redesigned checkout flow',
    });
    expect(flag.status, JSON.stringify(flag.body)).toBe(201);
    const found = await search(caller, 'redesigned checkout', { type: 'plan_feature_flags' });
    expect(found.data).toEqual([
      expect.objectContaining({
        id: flag.body.id,
        type: 'plan_feature_flags',
        status: 'planned',
        projectId: project.id,
        path: `${flags}/${flag.body.id}`,
      }),
    ]);
    const metadata = await caller.put(`/api/v1/entities/plan_feature_flags/${flag.body.id}/metadata`, {
      squad: 'web',
    });
    expect(metadata.status).toBe(200);
    const listed = await caller.get(flags, { query: { 'filter[meta.squad]': 'web', include: 'metadata' } });
    expect(listed.body.data.map((row: { id: string; metadata: unknown }) => [row.id, row.metadata])).toEqual([
      [flag.body.id, { squad: 'web' }],
    ]);
    expect((await caller.delete(`${flags}/${flag.body.id}`)).status).toBe(204);
    expect((await search(caller, 'redesigned checkout')).total).toBe(0);
  });
});

describe('the index functions that run as the table owner', () => {
  // Matching, "did you mean" and autocomplete run in functions that bypass row-level security so the indexes can
  // be used; they must still answer nothing of a workspace other than the session's own.
  it('answer rows of the bound workspace only, whatever workspace they are asked for', async () => {
    const mine = await t.newWorkspace();
    const theirs = await t.newWorkspace();
    await newProject(mine, { name: 'Quasar telemetry' });
    await newProject(theirs, { name: 'Quasar telemetry' });
    const ask = (workspaceId: string) =>
      t.services.tenancy.bind(mine.workspaceId).read(async (db) => ({
        matches: (
          await db.execute(
            sql`select entity_id from shipshape_search_matches(${workspaceId}::uuid,
              to_tsquery('english', 'quasar'), array['project']::text[])`,
          )
        ).rows.length,
        close: (
          await db.execute(
            sql`select text from shipshape_close_titles_and_tags(${workspaceId}::uuid,
              array['project']::text[], 'quasr')`,
          )
        ).rows.length,
        titles: (
          await db.execute(
            sql`select title from shipshape_titles_like(${workspaceId}::uuid, array['project']::text[],
              'quasar%', '% quasar%', 10)`,
          )
        ).rows.length,
      }));
    expect(await ask(mine.workspaceId)).toEqual({ matches: 1, close: 1, titles: 1 });
    expect(await ask(theirs.workspaceId)).toEqual({ matches: 0, close: 0, titles: 0 });
  });
});
