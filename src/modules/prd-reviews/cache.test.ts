import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobs } from '../../core/jobs/queue.ts';
import { type Caller, createTestApp, type TestApp } from '../../test-support/app.ts';
import { prdCachePurgeJob, purgeExpiredCache, renderMarkdown } from './cache.ts';
import { prdReviewCache } from './tables.ts';
import { createProject, prds } from './test-helpers.ts';

const xssPayloads = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><circle r=1></circle></svg>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](java\tscript:alert(1))',
  '<a href="javascript&colon;alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '![x](javascript:alert(1))',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<details open ontoggle=alert(1)>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
];

describe('renderMarkdown', () => {
  it('keeps ordinary Markdown', () => {
    const html = renderMarkdown('## Goals\n- **Fast** [docs](https://example.com)\n\n`code`');
    expect(html).toContain('<h2>Goals</h2>');
    expect(html).toContain('<strong>Fast</strong>');
    expect(html).toContain('<a href="https://example.com">docs</a>');
    expect(html).toContain('<code>code</code>');
  });

  it.each(xssPayloads)('leaves nothing executable of %s', (payload) => {
    const html = renderMarkdown(`Before\n\n${payload}\n\nAfter`).toLowerCase();
    expect(html).not.toMatch(/<script|<iframe|<object|<svg|<form|<style|\son\w+\s*=/);
    expect(html).not.toMatch(/(href|src|action|data)\s*=\s*"?\s*(javascript|data|vbscript):/);
    expect(html).not.toContain('javascript:alert');
    expect(html).toContain('before');
  });
});

describe('the PRD cache', () => {
  let t: TestApp;
  let owner: Caller;
  let projectId: string;
  beforeAll(async () => {
    t = await createTestApp();
    owner = t.owner;
    projectId = await createProject(owner);
  });
  afterAll(() => t.close());

  async function lookups(kind: string, result: 'hit' | 'miss'): Promise<number> {
    const metric = await t.app.inject({ method: 'GET', url: '/metrics' });
    const line = metric.body
      .split('\n')
      .find((l) =>
        l.startsWith(`shipshape_cache_lookups_total{cache="prd_review",kind="${kind}",result="${result}"}`),
      );
    return line ? Number(line.split(' ').pop()) : 0;
  }

  it('serves sanitized HTML through the API', async () => {
    const api = prds(owner, projectId);
    const prd = await api.create({ content: xssPayloads.join('\n\n') });
    const answer = await api.sub(prd.id, 'html');
    expect(answer.status).toBe(200);
    expect(answer.body.html.toLowerCase()).not.toMatch(/<script|\son\w+\s*=|javascript:/);
  });

  it('counts a miss, then serves the cached entry and counts a hit', async () => {
    const api = prds(owner, projectId);
    const prd = await api.create({ content: '# Hello' });
    const [missesBefore, hitsBefore] = [await lookups('html', 'miss'), await lookups('html', 'hit')];
    const first = await api.sub(prd.id, 'html');
    const second = await api.sub(prd.id, 'html');
    expect(second.body).toEqual(first.body);
    expect(await lookups('html', 'miss')).toBe(missesBefore + 1);
    expect(await lookups('html', 'hit')).toBe(hitsBefore + 1);
    const rows = await t.database.db.select().from(prdReviewCache).where(eq(prdReviewCache.prdId, prd.id));
    expect(rows.map((row) => [row.cacheType, row.cacheKey])).toEqual([['html', `prd:${prd.id}:html:r1`]]);
  });

  it('never serves an entry computed before an edit', async () => {
    const api = prds(owner, projectId);
    const prd = await api.create({ content: 'Old text' });
    expect((await api.sub(prd.id, 'html')).body.html).toContain('Old text');
    expect((await api.sub(prd.id, 'lint')).body.revision).toBe(1);
    await api.edit(prd.id, { content: 'New text\n\n[NEEDS CLARIFICATION: scope]' });
    const html = await api.sub(prd.id, 'html');
    expect(html.body).toMatchObject({ revision: 2 });
    expect(html.body.html).toContain('New text');
    const lint = await api.sub(prd.id, 'lint');
    expect(lint.body.revision).toBe(2);
    expect(lint.body.problems.map((p: { rule: string }) => p.rule)).toContain('needs_clarification');
  });

  it('never serves a stale entry when edits and reads run concurrently', async () => {
    const api = prds(owner, projectId);
    const prd = await api.create({ content: 'version 0' });
    const edits = 8;
    const work: Promise<unknown>[] = [];
    const reads: Promise<{ revision: number; html: string }>[] = [];
    for (let index = 1; index <= edits; index += 1) {
      work.push(api.edit(prd.id, { content: `version ${index}` }));
      reads.push(api.sub(prd.id, 'html').then((answer) => answer.body));
      reads.push(api.sub(prd.id, 'lint').then((answer) => ({ revision: answer.body.revision, html: '' })));
    }
    await Promise.all([...work, ...reads]);
    for (const read of await Promise.all(reads)) {
      if (!read.html) continue;
      const revision = await api.sub(prd.id, `revisions/${read.revision}`);
      expect(read.html).toBe(renderMarkdown(revision.body.content));
    }
    const current = (await api.get(prd.id)).body;
    expect(current.currentRevision).toBe(edits + 1);
    const html = await api.sub(prd.id, 'html');
    expect(html.body).toEqual({ revision: edits + 1, html: renderMarkdown(current.content) });
    expect((await api.sub(prd.id, 'lint')).body.revision).toBe(edits + 1);
  });

  it('purges expired entries, keeps live ones, and never serves an expired one', async () => {
    const api = prds(owner, projectId);
    const prd = await api.create({ content: 'Purge me' });
    const keep = await api.create({ content: 'Keep me' });
    await api.sub(prd.id, 'html');
    await api.sub(keep.id, 'html');
    await t.database.db
      .update(prdReviewCache)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(prdReviewCache.prdId, prd.id));
    const misses = await lookups('html', 'miss');
    await api.sub(prd.id, 'html');
    expect(await lookups('html', 'miss')).toBe(misses + 1);
    await t.database.db
      .update(prdReviewCache)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(prdReviewCache.prdId, prd.id));
    expect(await purgeExpiredCache(t.database.db)).toBeGreaterThanOrEqual(1);
    expect(await t.database.db.select().from(prdReviewCache).where(eq(prdReviewCache.prdId, prd.id))).toEqual(
      [],
    );
    expect(
      await t.database.db.select().from(prdReviewCache).where(eq(prdReviewCache.prdId, keep.id)),
    ).toHaveLength(1);
  });

  it('runs the purge as a scheduled job through the job queue', async () => {
    const api = prds(owner, projectId);
    const prd = await api.create({ content: 'Scheduled' });
    await api.sub(prd.id, 'html');
    await t.database.db
      .update(prdReviewCache)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(prdReviewCache.prdId, prd.id));
    const purge = {
      name: prdCachePurgeJob.name,
      cron: prdCachePurgeJob.schedule(t.services) ?? '*/10 * * * *',
      run: () => prdCachePurgeJob.run(t.services),
    };
    const jobs = await startJobs(t.database, [purge], (error) => {
      throw error;
    });
    try {
      await jobs.runNow('prd-review-cache-purge');
    } finally {
      await jobs.stop();
    }
    expect(await t.database.db.select().from(prdReviewCache).where(eq(prdReviewCache.prdId, prd.id))).toEqual(
      [],
    );
  });
});
