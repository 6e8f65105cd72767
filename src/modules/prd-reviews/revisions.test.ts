import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../test-support/app.ts';
import { createProject, prds } from './test-helpers.ts';

let t: TestApp;
let owner: Caller;
let projectId: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
  projectId = await createProject(owner);
});
afterAll(() => t.close());

describe('revisions', () => {
  it('records a revision for every content change, with its number, author and time', async () => {
    const editor = await t.newMember(owner, 'editor');
    const api = prds(owner, projectId);
    const prd = await api.create({ content: 'one\n' });
    await prds(editor, projectId).edit(prd.id, { content: 'one\ntwo\n' });
    const unchanged = await api.edit(prd.id, { content: 'one\ntwo\n' });
    expect(unchanged.body).toMatchObject({ version: 2, currentRevision: 2 });
    await api.edit(prd.id, { title: 'Renamed' });
    const list = await api.sub(prd.id, 'revisions');
    expect(list.body.data.map((r: { number: number; authorId: string }) => [r.number, r.authorId])).toEqual([
      [3, owner.userId],
      [2, editor.userId],
      [1, owner.userId],
    ]);
    expect(list.body.data[0]).not.toHaveProperty('content');
    const page = await api.sub(prd.id, 'revisions', { limit: '2' });
    expect(page.body.nextCursor).toBe('2');
    const next = await api.sub(prd.id, 'revisions', { limit: '2', cursor: page.body.nextCursor });
    expect(next.body).toMatchObject({ data: [{ number: 1 }], nextCursor: null });
    const second = await api.sub(prd.id, 'revisions/2');
    expect(second.body).toMatchObject({ number: 2, content: 'one\ntwo\n', title: 'Refunds v2' });
    expect(new Date(second.body.createdAt).toISOString()).toBe(second.body.createdAt);
    expect((await api.sub(prd.id, 'revisions/9')).status).toBe(404);
    expect((await api.sub(prd.id, 'revisions/zero')).status).toBe(400);
  });

  it('diffs any two revisions at line and word level, structured and unified', async () => {
    const api = prds(owner, projectId);
    const prd = await api.create({ content: 'Refunds are slow.\nKeep this line.\n' });
    await api.edit(prd.id, { content: 'Refunds are fast.\nKeep this line.\n' });
    await api.edit(prd.id, { content: 'Refunds are fast.\nKeep this line.\nA new line.\n' });
    const diff = await api.sub(prd.id, 'diff', { from: '1', to: '3' });
    expect(diff.status).toBe(200);
    const removedLines = diff.body.lines
      .filter((c: { type: string }) => c.type === 'removed')
      .map((c: { value: string }) => c.value);
    const addedLines = diff.body.lines
      .filter((c: { type: string }) => c.type === 'added')
      .map((c: { value: string }) => c.value)
      .join('');
    expect(removedLines.join('')).toBe('Refunds are slow.\n');
    expect(addedLines).toBe('Refunds are fast.\nA new line.\n');
    const words = diff.body.words
      .filter((c: { type: string }) => c.type !== 'unchanged')
      .map((c: { type: string; value: string }) => `${c.type}:${c.value.trim()}`);
    expect(words).toContain('removed:slow');
    expect(words).toContain('added:fast');
    expect(diff.body.unified).toContain('--- revision 1');
    expect(diff.body.unified).toContain('+++ revision 3');
    expect(diff.body.unified).toContain('-Refunds are slow.');
    expect(diff.body.unified).toContain('+A new line.');
    const toCurrent = await api.sub(prd.id, 'diff', { from: '2' });
    expect(toCurrent.body).toMatchObject({ from: 2, to: 3 });
    expect((await api.sub(prd.id, 'diff', { from: '1', to: '7' })).status).toBe(404);
    expect((await api.sub(prd.id, 'diff', {})).status).toBe(400);
  });

  it('shows the title once when the content has its own heading, and a renaming when it has none', async () => {
    const api = prds(owner, projectId);
    const headed = await api.create({ title: 'Refunds v2', content: '# Refunds v2\n\nRefunds are slow.\n' });
    await api.edit(headed.id, { content: '# Refunds v2\n\nRefunds are fast.\n' });
    const diff = await api.sub(headed.id, 'diff', { from: '1', to: '2' });
    const text = diff.body.lines.map((c: { value: string }) => c.value).join('');
    expect(text.match(/Refunds v2/g)).toHaveLength(1);
    expect(diff.body.unified.match(/Refunds v2/g)).toHaveLength(1);
    const bare = await api.create({ title: 'Chargebacks', content: 'Chargebacks are slow.\n' });
    await api.edit(bare.id, { title: 'Disputes' });
    const renamed = await api.sub(bare.id, 'diff', { from: '1', to: '2' });
    expect(renamed.body.lines).toEqual(
      expect.arrayContaining([
        { type: 'removed', value: '# Chargebacks\n' },
        { type: 'added', value: '# Disputes\n' },
      ]),
    );
  });
});

describe('comments', () => {
  it('threads replies under a comment, resolves and reopens the thread', async () => {
    const reviewer = await t.newMember(owner, 'reviewer');
    const api = prds(owner, projectId);
    const prd = await api.create();
    const base = `${api.base}/${prd.id}/comments`;
    const first = await reviewer.post(base, { body: 'Who approves refunds?' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      parentId: null,
      anchor: null,
      authorId: reviewer.userId,
      resolvedAt: null,
    });
    const reply = await owner.post(base, { body: 'Support leads.', parentId: first.body.id });
    expect(reply.body.parentId).toBe(first.body.id);
    const nested = await owner.post(base, { body: 'deeper', parentId: reply.body.id });
    expect(nested.status).toBe(422);

    const resolved = await owner.post(`${base}/${first.body.id}/resolve`);
    expect(resolved.body).toMatchObject({ resolvedBy: owner.userId });
    expect((await owner.post(`${base}/${first.body.id}/resolve`)).body).toMatchObject({
      status: 409,
      allowed: ['reopen'],
    });
    expect((await api.sub(prd.id, 'comments', { unresolved: 'true' })).body.data).toEqual([]);
    const reopened = await reviewer.post(`${base}/${first.body.id}/reopen`);
    expect(reopened.body.resolvedAt).toBeNull();
    const all = await api.sub(prd.id, 'comments');
    expect(all.body.data.map((c: { id: string }) => c.id)).toEqual([first.body.id, reply.body.id]);
  });

  it('refuses comments from viewers, and bad bodies with every field path', async () => {
    const api = prds(owner, projectId);
    const prd = await api.create();
    const base = `${api.base}/${prd.id}/comments`;
    const viewer = await t.newMember(owner, 'viewer');
    expect((await viewer.post(base, { body: 'hi' })).status).toBe(403);
    const bad = await owner.post(base, { body: '', anchor: { quote: '', start: -1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'anchor.end',
      'anchor.quote',
      'anchor.start',
      'body',
    ]);
    expect((await api.sub(prd.id, 'comments')).body.data).toEqual([]);
  });

  it('records @email mentions of members and refuses mentions of strangers', async () => {
    const api = prds(owner, projectId);
    const prd = await api.create();
    const base = `${api.base}/${prd.id}/comments`;
    const reviewer = await t.newMember(owner, 'reviewer');
    const [user] = await t.database.query<{ email: string }>('select email from users where id = $1', [
      reviewer.userId,
    ]);
    const comment = await owner.post(base, { body: `@${user?.email} can you check the limits?` });
    expect(comment.status).toBe(201);
    expect(comment.body.mentions).toEqual([reviewer.userId]);
    const stranger = await owner.post(base, { body: 'cc @nobody@example.test' });
    expect(stranger.status).toBe(422);
    expect(stranger.body.code).toBe('prd_review.unknown_member');
  });

  it('anchors a comment to a quote, follows it through edits, and marks it outdated when the quote is gone', async () => {
    const api = prds(owner, projectId);
    const content = 'Intro.\nRefunds must be fast.\nOutro.\n';
    const prd = await api.create({ content });
    const base = `${api.base}/${prd.id}/comments`;
    const quote = 'must be fast';
    const start = content.indexOf(quote);
    const wrong = await owner.post(base, {
      body: 'vague',
      anchor: { quote, start: start + 1, end: start + 1 + quote.length },
    });
    expect(wrong.status).toBe(400);
    const anchored = await owner.post(base, {
      body: 'How fast?',
      anchor: { quote, start, end: start + quote.length },
    });
    expect(anchored.status).toBe(201);

    const moved = `A new first paragraph.\n\n${content}`;
    await api.edit(prd.id, { content: moved });
    const [afterMove] = (await api.sub(prd.id, 'comments')).body.data;
    expect(afterMove).toMatchObject({
      outdated: false,
      revision: 2,
      anchor: { quote, start: moved.indexOf(quote) },
    });

    await api.edit(prd.id, { content: 'Intro.\nRefunds complete within one hour.\nOutro.\n' });
    const [afterRewrite] = (await api.sub(prd.id, 'comments')).body.data;
    expect(afterRewrite).toMatchObject({ outdated: true, revision: 2 });
  });

  it('prefers the occurrence of the quote nearest to where the anchor was', async () => {
    const api = prds(owner, projectId);
    const content = 'TODO first\nmiddle\nTODO second\n';
    const prd = await api.create({ content });
    const base = `${api.base}/${prd.id}/comments`;
    const start = content.lastIndexOf('TODO');
    await owner.post(base, { body: 'the second one', anchor: { quote: 'TODO', start, end: start + 4 } });
    const edited = `TODO first\nmiddle\nmore\nTODO second\n`;
    await api.edit(prd.id, { content: edited });
    const [comment] = (await api.sub(prd.id, 'comments')).body.data;
    expect(comment.anchor.start).toBe(edited.lastIndexOf('TODO'));
  });
});
