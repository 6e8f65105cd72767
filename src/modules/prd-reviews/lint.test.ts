import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../test-support/app.ts';
import { lintPrd } from './lint.ts';
import { createProject, goodPrd, prds } from './test-helpers.ts';

describe('lintPrd', () => {
  it('finds nothing wrong with a complete PRD', () => {
    expect(lintPrd(goodPrd)).toEqual([]);
  });

  it('names each missing section, accepting common synonyms', () => {
    const problems = lintPrd('## Problem statement\nx\n## Out of scope\nx\n## Success criteria\nx\n');
    expect(problems.map((p) => p.message)).toEqual([
      'Missing section: Goals',
      'Missing section: Requirements',
      'Missing section: Open questions',
    ]);
  });

  it('uses the configured section list', () => {
    expect(lintPrd('## Context\n', { requiredSections: ['Context', 'Rollout'] })).toEqual([
      { rule: 'missing_section', message: 'Missing section: Rollout', line: null },
    ]);
  });

  it('flags vague words and missing acceptance criteria in requirements, with their lines', () => {
    const content = [
      '## Requirements',
      '- The page loads fast and is user-friendly.',
      '- Exports CSV, PDF, etc. Acceptance: each format opens in its viewer.',
      '- Search by order id',
      '  - Given an order id, when searched, then the order shows.',
      '## Notes',
      '- This is fast but not a requirement.',
    ].join('\n');
    const problems = lintPrd(content, { requiredSections: [] });
    expect(problems).toEqual([
      expect.objectContaining({
        rule: 'vague_word',
        line: 2,
        message: expect.stringContaining('"fast", "user-friendly"'),
      }),
      expect.objectContaining({ rule: 'missing_acceptance_criterion', line: 2 }),
      expect.objectContaining({ rule: 'vague_word', line: 3, message: expect.stringContaining('"etc."') }),
    ]);
  });

  it('does not mistake words that merely contain a vague word', () => {
    const content = '## Requirements\n- Breakfast orders are steadfast. Acceptance: they are stored.\n';
    expect(lintPrd(content, { requiredSections: [] })).toEqual([]);
  });

  it('reports open clarification markers and unresolved comments, ignoring code blocks', () => {
    const content =
      'Limit is [NEEDS CLARIFICATION: per day or per month?].\n```\n[NEEDS CLARIFICATION]\n## Goals\n```\n';
    const problems = lintPrd(content, {
      requiredSections: ['Goals'],
      unresolvedComments: [{ id: 'c1', body: 'Why?' }],
    });
    expect(problems).toEqual([
      { rule: 'missing_section', message: 'Missing section: Goals', line: null },
      { rule: 'needs_clarification', message: 'Open clarification: per day or per month?', line: 1 },
      { rule: 'unresolved_comment', message: 'Unresolved comment c1: "Why?"', line: null },
    ]);
  });
});

describe('GET …/lint and the clean-lint rule', () => {
  let t: TestApp;
  let owner: Caller;
  beforeAll(async () => {
    t = await createTestApp();
    owner = t.owner;
  });
  afterAll(() => t.close());

  it('reports the problems of the current revision, including unresolved comments', async () => {
    const projectId = await createProject(owner);
    const api = prds(owner, projectId);
    const prd = await api.create();
    expect((await api.sub(prd.id, 'lint')).body).toEqual({ revision: 1, clean: true, problems: [] });
    const comment = await owner.post(`${api.base}/${prd.id}/comments`, { body: 'Which provider?' });
    const lint = await api.sub(prd.id, 'lint');
    expect(lint.body.clean).toBe(false);
    expect(lint.body.problems).toEqual([expect.objectContaining({ rule: 'unresolved_comment' })]);
    await owner.post(`${api.base}/${prd.id}/comments/${comment.body.id}/resolve`);
    expect((await api.sub(prd.id, 'lint')).body.clean).toBe(true);
  });

  it('refuses to submit a PRD with lint problems when the project requires a clean lint', async () => {
    const projectId = await createProject(owner);
    await owner.patch(`/api/v1/projects/${projectId}/prd-review-settings`, {
      requireCleanLint: true,
      requiredSections: ['Problem', 'Requirements'],
    });
    const api = prds(owner, projectId);
    const prd = await api.create({ content: '## Problem\nSlow refunds [NEEDS CLARIFICATION: how slow?]\n' });
    const refused = await api.act(prd.id, 'submit');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('prd_review.lint_failed');
    expect(refused.body.problems.map((p: { rule: string }) => p.rule)).toEqual([
      'missing_section',
      'needs_clarification',
    ]);
    expect((await api.get(prd.id)).body.status).toBe('draft');
    await api.edit(prd.id, {
      content: '## Problem\nRefunds take 3 days.\n## Requirements\n- Refund in 1h. Acceptance: p95 < 1h.\n',
    });
    expect((await api.expectAct(prd.id, 'submit')).status).toBe('in_review');
  });
});
