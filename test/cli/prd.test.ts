// Two people take a PRD from draft to approved, with one round of requested changes, using only
// the `shipshape prd` command against a running server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../src/test-support/app.ts';
import { emailOf, listen, runCli } from './cli-support.ts';

const firstDraft = `---
title: Refunds v2
---
## Problem
Refunds take three days to reach customers.

## Goals
- Refund within one hour.

## Requirements
- Refunds are fast.
`;

const secondDraft = `# Refunds v2

## Problem
Refunds take three days to reach customers.

## Goals
- Refund within one hour.

## Requirements
- Refunds are sent to the provider within 5 minutes of approval. Acceptance: p95 under 5 minutes in staging.

## Success metrics
- 95% of refunds reach customers within one hour.
`;

let t: TestApp;
let url: string;
let author: Caller;
let reviewer: Caller;
let folder: string;
let prdId: string;
const projectKey = 'PAY';

beforeAll(async () => {
  t = await createTestApp();
  url = await listen(t);
  author = await t.newMember(t.owner, 'editor');
  reviewer = await t.newMember(t.owner, 'reviewer');
  const project = await t.owner.post('/api/v1/projects', { name: 'Payments', key: projectKey });
  expect(project.status).toBe(201);
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-prd-cli-'));
  fs.writeFileSync(path.join(folder, 'v1.md'), firstDraft);
  fs.writeFileSync(path.join(folder, 'v2.md'), secondDraft);
});

afterAll(async () => {
  await t?.close();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

const file = (name: string) => path.join(folder, name);

describe('shipshape prd', () => {
  it('takes a PRD from draft to approved with one round of requested changes', async () => {
    const created = await runCli(url, author, [
      'prd',
      'create',
      '--project',
      projectKey,
      '--file',
      file('v1.md'),
      '--json',
    ]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.json).toMatchObject({ title: 'Refunds v2', status: 'draft', currentRevision: 1 });
    expect(created.json.content).not.toContain('title:');
    prdId = created.json.id;

    const asked = await runCli(url, author, [
      'prd',
      'request-review',
      prdId,
      '--reviewer',
      await emailOf(t, reviewer),
      '--json',
    ]);
    expect(asked.code, asked.stderr).toBe(0);
    expect(asked.json.map((entry: { reviewerId: string }) => entry.reviewerId)).toEqual([reviewer.userId]);

    const submitted = await runCli(url, author, ['prd', 'submit', prdId, '--json']);
    expect(submitted.json).toMatchObject({ status: 'in_review', reviewRound: 1 });

    const waiting = await runCli(url, reviewer, [
      'prd',
      'list',
      '--project',
      projectKey,
      '--awaiting-me',
      '--json',
    ]);
    expect(waiting.json.map((prd: { id: string }) => prd.id)).toEqual([prdId]);

    const changes = await runCli(url, reviewer, [
      'prd',
      'review',
      prdId,
      '--request-changes',
      '-m',
      'Say how fast, and how we measure it.',
      '--json',
    ]);
    expect(changes.code, changes.stderr).toBe(0);
    expect(changes.json.status).toBe('changes_requested');
    const nothingWaiting = await runCli(url, reviewer, [
      'prd',
      'list',
      '--project',
      projectKey,
      '--awaiting-me',
      '--json',
    ]);
    expect(nothingWaiting.json).toEqual([]);

    const updated = await runCli(url, author, ['prd', 'update', prdId, '--file', file('v2.md'), '--json']);
    expect(updated.code, updated.stderr).toBe(0);
    expect(updated.json).toMatchObject({
      currentRevision: 2,
      title: 'Refunds v2',
      status: 'changes_requested',
    });
    expect(updated.json.content.startsWith('## Problem')).toBe(true);

    expect((await runCli(url, author, ['prd', 'submit', prdId, '--json'])).json.status).toBe('in_review');
    const approved = await runCli(url, reviewer, [
      'prd',
      'review',
      prdId,
      '--approve',
      '-m',
      'Clear now.',
      '--json',
    ]);
    expect(approved.code, approved.stderr).toBe(0);
    expect(approved.json).toMatchObject({
      status: 'approved',
      reviewedBy: reviewer.userId,
      approvedRevision: 2,
    });

    const shown = await runCli(url, author, ['prd', 'show', prdId]);
    expect(shown.stdout).toContain(
      `revision:  2, review round 2, approved revision 2 by Test reviewer <${await emailOf(t, reviewer)}>`,
    );
    expect(shown.stdout).toContain('## Success metrics');

    const decisions = await t.owner.get(
      `/api/v1/projects/${approved.json.projectId}/prd-reviews/${prdId}/reviews`,
    );
    expect(
      decisions.body.data.map((entry: { decision: string; comment: string; revision: number }) => [
        entry.decision,
        entry.comment,
        entry.revision,
      ]),
    ).toEqual([
      ['request_changes', 'Say how fast, and how we measure it.', 1],
      ['approve', 'Clear now.', 2],
    ]);
  }, 180_000);

  it('shows the diff between revisions as unified text, and as JSON', async () => {
    const text = await runCli(url, reviewer, ['prd', 'diff', prdId, '--from', '1', '--to', '2']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('-- Refunds are fast.');
    expect(text.stdout).toContain('+## Success metrics');
    const json = await runCli(url, reviewer, ['prd', 'diff', prdId, '--from', '1', '--to', '2', '--json']);
    expect(json.json).toMatchObject({ from: 1, to: 2 });
    expect(json.json.lines).toContainEqual({ type: 'removed', value: '- Refunds are fast.\n' });
    expect(json.json.unified).toBe(text.stdout);
  }, 180_000);

  it('exports the approved PRD as a spec.md, to a file or stdout', async () => {
    const out = file('spec.md');
    const written = await runCli(url, reviewer, [
      'prd',
      'export',
      prdId,
      '--format',
      'spec',
      '--out',
      out,
      '--json',
    ]);
    expect(written.code, written.stderr).toBe(0);
    expect(written.json).toMatchObject({ id: prdId, format: 'spec', out });
    const spec = fs.readFileSync(out, 'utf8');
    expect(spec).toContain('# Feature Specification: Refunds v2');
    expect(spec).toContain('**Approved revision**: 2');
    expect(spec).toMatch(/- \*\*FR-001\*\*: Refunds are sent to the provider within 5 minutes/);
    expect(spec).toMatch(/- \*\*SC-001\*\*: 95% of refunds reach customers within one hour\./);
    const markdown = await runCli(url, reviewer, ['prd', 'export', prdId]);
    expect(markdown.stdout).toMatch(/^---\nid: /);
    expect(markdown.stdout).toContain('status: approved');
  }, 180_000);

  it('lints and imports, exiting 2 while lint finds problems', async () => {
    fs.writeFileSync(file('vague.md'), '# Checkout\n\n## Requirements\n- Checkout is easy.\n');
    const imported = await runCli(url, author, [
      'prd',
      'import',
      '--project',
      projectKey,
      '--file',
      file('vague.md'),
      '--json',
    ]);
    expect(imported.json).toMatchObject({ title: 'Checkout', status: 'draft' });
    const lint = await runCli(url, author, ['prd', 'lint', imported.json.id, '--json']);
    expect(lint.code).toBe(2);
    expect(lint.json.clean).toBe(false);
    expect(lint.json.problems.map((problem: { rule: string }) => problem.rule)).toContain('vague_word');
  }, 180_000);

  it('fails with a non-zero exit and a one-line reason', async () => {
    const unknown = await runCli(url, author, [
      'prd',
      'show',
      '0190a000-0000-7000-8000-000000000000',
      '--json',
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^shipshape: 404 .+\n$/);

    const notAnId = await runCli(url, author, ['prd', 'submit', 'refunds']);
    expect(notAnId.code).toBe(1);
    expect(notAnId.stderr).toBe('shipshape: not a PRD id: refunds\n');

    // Approved: submitting again is illegal, and the answer names what is allowed.
    const illegal = await runCli(url, author, ['prd', 'submit', prdId, '--json']);
    expect(illegal.code).toBe(1);
    expect(illegal.stderr).toMatch(/^shipshape: 409 .*allowed: supersede, archive.*\n$/);

    const noProject = await runCli(url, author, ['prd', 'list', '--project', 'NOPE']);
    expect(noProject.stderr).toBe('shipshape: no project with key NOPE in this workspace\n');

    const stranger = await t.newWorkspace();
    const hidden = await runCli(url, stranger, ['prd', 'show', prdId]);
    expect(hidden.code).toBe(1);
    expect(hidden.stderr).toMatch(/^shipshape: 404 /);
  }, 180_000);
});
