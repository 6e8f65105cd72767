import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { type Caller, createTestApp, type TestApp } from '../../test-support/app.ts';
import { fromMarkdown } from './exchange.ts';
import { createProject, goodPrd, prds } from './test-helpers.ts';

describe('fromMarkdown', () => {
  it('takes the title from front matter, else from the first heading', () => {
    expect(fromMarkdown('---\ntitle: Refunds\nstatus: draft\n---\n\n## Problem\nx\n')).toEqual({
      title: 'Refunds',
      content: '## Problem\nx\n',
    });
    expect(fromMarkdown('# Refunds v2\n\n## Problem\nx\n')).toEqual({
      title: 'Refunds v2',
      content: '## Problem\nx\n',
    });
    expect(fromMarkdown('## Problem\nx\n')).toEqual({ title: null, content: '## Problem\nx\n' });
  });
});

describe('export and import', () => {
  let t: TestApp;
  let owner: Caller;
  let projectId: string;
  beforeAll(async () => {
    t = await createTestApp();
    owner = t.owner;
    projectId = await createProject(owner);
  });
  afterAll(() => t.close());

  it('exports Markdown with front matter that imports back to the same title and content', async () => {
    const api = prds(owner, projectId);
    const prd = await api.create();
    const exported = await api.sub(prd.id, 'export');
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toContain('text/markdown');
    const text = exported.body as string;
    const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
    expect(parseYaml(front?.[1] ?? '')).toMatchObject({
      id: prd.id,
      title: 'Refunds v2',
      status: 'draft',
      revision: 1,
    });
    const imported = await owner.post(`${api.base}/import`, { markdown: text });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({
      title: 'Refunds v2',
      content: goodPrd,
      status: 'draft',
      currentRevision: 1,
    });
    expect(imported.headers.location).toBe(`${api.base}/${imported.body.id}`);
  });

  it('exports a spec.md with user stories, FR and SC numbers and clarification markers', async () => {
    const api = prds(owner, projectId);
    const content = `${goodPrd}\n## User stories\n- As a customer, I want my refund within an hour.\n\nLimit: [NEEDS CLARIFICATION: per order or per day?]\n`;
    const prd = await api.create({ content });
    const spec = (await api.sub(prd.id, 'export', { format: 'spec' })).body as string;
    expect(spec).toContain('# Feature Specification: Refunds v2');
    expect(spec).toContain('### User Story 1\n\nAs a customer, I want my refund within an hour.');
    expect(spec).toContain('- **FR-001**: Refunds are sent to the provider within 5 minutes of approval.');
    expect(spec).toContain('- **FR-002**: A refund shows its status to the customer.');
    expect(spec).toContain('- **SC-001**: 95% of refunds reach customers within one hour.');
    expect(spec).toContain('- [NEEDS CLARIFICATION: per order or per day?]');
  });

  it('imports Markdown without front matter, and refuses Markdown with no title', async () => {
    const api = prds(owner, projectId);
    const imported = await owner.post(`${api.base}/import`, { markdown: '# Disputes\n\n## Problem\nx\n' });
    expect(imported.body).toMatchObject({
      title: 'Disputes',
      content: '## Problem\nx\n',
      authorId: owner.userId,
    });
    const untitled = await owner.post(`${api.base}/import`, { markdown: '## Problem\nx\n' });
    expect(untitled.status).toBe(400);
    expect(untitled.body.errors).toEqual([{ path: 'title', message: 'missing' }]);
    const badYaml = await owner.post(`${api.base}/import`, { markdown: '---\ntitle: [unclosed\n---\nx' });
    expect(badYaml.status).toBe(400);
    const viewer = await t.newMember(owner, 'viewer');
    expect((await viewer.post(`${api.base}/import`, { markdown: '# X' })).status).toBe(403);
  });

  it('finds a PRD by id alone, with its project', async () => {
    const prd = await prds(owner, projectId).create();
    const found = await owner.get(`/api/v1/prd-reviews/${prd.id}`);
    expect(found.body).toMatchObject({ id: prd.id, projectId });
  });
});
