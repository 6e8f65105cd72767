import { pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineModule } from '../../core/app/module.ts';
import { createFieldCipher } from '../../core/events/sensitive.ts';
import { defineResource } from '../../core/resource/define.ts';
import { resourceOutputFields } from '../../core/resource/schemas.ts';
import { resourceColumns } from '../../core/tenancy/columns.ts';
import { type Caller, createTestApp, type TestApp } from '../../test-support/app.ts';
import { verify } from './test-helpers.ts';

// A resource that exists only in this test: a note whose `secret` field is sensitive.
const secretNotes = pgTable('test_secret_notes', {
  ...resourceColumns(),
  title: text('title').notNull(),
  secret: text('secret').notNull(),
});
const fields = { title: z.string().min(1).max(200), secret: z.string().max(200) };
const secretNoteResource = defineResource({
  name: 'secret_note',
  path: 'secret-notes',
  scope: 'workspace',
  table: secretNotes,
  schemas: {
    create: z.strictObject(fields),
    update: z.strictObject(fields).partial(),
    output: z.object({ ...resourceOutputFields, ...fields }),
  },
  filters: {},
  sortable: { createdAt: secretNotes.createdAt },
  defaultSort: '-createdAt',
  searchable: [secretNotes.title],
  sensitiveFields: ['secret'],
});

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({
    beforeBuild: (database) =>
      database
        .exec(`create table test_secret_notes (
          id uuid primary key, workspace_id uuid not null, created_at timestamptz(3) not null default now(),
          updated_at timestamptz(3) not null default now(), version integer not null default 1,
          title text not null, secret text not null)`)
        .then(() => undefined),
    modules: [defineModule({ name: 'secret-notes', resources: [secretNoteResource] })],
  });
});
afterAll(() => t.close());

/** A workspace with one note whose secret changed once; and an admin and a viewer of it. */
async function noteWithHistory() {
  const owner = await t.newWorkspace();
  const created = await owner.post('/api/v1/secret-notes', { title: 'Bank', secret: 'pin 1234' });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const note = created.body;
  const changed = await owner.patch(`/api/v1/secret-notes/${note.id}`, {
    secret: 'pin 9876',
    title: 'Bank 2',
  });
  expect(changed.status).toBe(200);
  return {
    owner,
    note,
    admin: await t.newMember(owner, 'admin'),
    viewer: await t.newMember(owner, 'viewer'),
    editor: await t.newMember(owner, 'editor'),
  };
}

async function history(caller: Caller, id: string) {
  const answer = await caller.get(`/api/v1/audit/aggregates/secret_note/${id}/history`);
  expect(answer.status).toBe(200);
  return answer.body.data.map((event: { eventData: { changes: object } }) => event.eventData.changes);
}

describe('sensitive fields', () => {
  it('stores their values encrypted, with the key version, and never in plain text', async () => {
    const { owner, note } = await noteWithHistory();
    const rows = await t.database.query<{
      event_data: { changes: Record<string, { after: unknown }> };
      raw: string;
    }>(
      'select event_data, event_data::text as raw from audit_events where workspace_id = $1 order by sequence',
      [owner.workspaceId],
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.raw).not.toContain('pin ');
      expect(row.event_data.changes.secret?.after).toMatchObject({
        $encrypted: 'aes-256-gcm',
        keyId: expect.stringMatching(/^[0-9a-f]{16}$/),
        iv: expect.any(String),
        tag: expect.any(String),
        data: expect.any(String),
      });
    }
    expect(rows[0]?.event_data.changes.title?.after).toBe('Bank');
    expect(note.secret).toBe('pin 1234');
  });

  it('shows them to owners and admins in events, history and time travel', async () => {
    const { owner, admin, note } = await noteWithHistory();
    for (const caller of [owner, admin]) {
      expect(await history(caller, note.id)).toEqual([
        { title: { before: null, after: 'Bank' }, secret: { before: null, after: 'pin 1234' } },
        { title: { before: 'Bank', after: 'Bank 2' }, secret: { before: 'pin 1234', after: 'pin 9876' } },
      ]);
      const now = await caller.get(`/api/v1/audit/aggregates/secret_note/${note.id}`);
      expect(now.body.state).toEqual({ title: 'Bank 2', secret: 'pin 9876' });
    }
    const listed = await admin.get('/api/v1/audit/events', { query: { aggregateType: 'secret_note' } });
    expect(listed.body.data[0].eventData.changes.secret.after).toBe('pin 9876');
  });

  it('redacts them for roles without audit.read_sensitive, everywhere else unchanged', async () => {
    const { viewer, editor, note } = await noteWithHistory();
    for (const caller of [viewer, editor]) {
      expect(await history(caller, note.id)).toEqual([
        {
          title: { before: null, after: 'Bank' },
          secret: { before: { redacted: true }, after: { redacted: true } },
        },
        {
          title: { before: 'Bank', after: 'Bank 2' },
          secret: { before: { redacted: true }, after: { redacted: true } },
        },
      ]);
      const now = await caller.get(`/api/v1/audit/aggregates/secret_note/${note.id}`);
      expect(now.body.state).toEqual({ title: 'Bank 2', secret: { redacted: true } });
    }
  });

  it('redacts them in exports unless the caller may see them', async () => {
    const { owner, viewer } = await noteWithHistory();
    const exportAs = async (caller: Caller, format: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/audit/events/export?format=${format}`,
          headers: { authorization: `Bearer ${caller.token}` },
        })
      ).body;
    for (const format of ['ndjson', 'csv']) {
      const hidden = await exportAs(viewer, format);
      expect(hidden).not.toContain('pin ');
      expect(hidden).not.toContain('$encrypted');
      expect(hidden).toContain('redacted');
      expect(await exportAs(owner, format)).toContain('pin 9876');
    }
  });

  it('keeps the chain verifiable and the replay exact', async () => {
    const { owner } = await noteWithHistory();
    expect((await verify(owner)).ok).toBe(true);
    const replay = await owner.post('/api/v1/audit/replay', { type: 'secret_note' });
    expect(replay.body).toMatchObject({ rowsReplayed: 1, rowsLive: 1, differenceCount: 0 });
  });
});

describe('key rotation', () => {
  it('reads values written with a previous key while writing with the new one', async () => {
    const oldSecret = 'o'.repeat(40);
    const newSecret = 'n'.repeat(40);
    const before = await createFieldCipher(t.database.db, oldSecret);
    const written = before.encrypt({ card: '4111' });
    const after = await createFieldCipher(t.database.db, newSecret, [oldSecret]);
    expect(after.keyId).not.toBe(before.keyId);
    expect(after.encrypt('x').keyId).toBe(after.keyId);
    expect(after.decrypt(written)).toEqual({ card: '4111' });
    const withoutOldKey = await createFieldCipher(t.database.db, newSecret);
    expect(withoutOldKey.decrypt(written)).toBeUndefined();
  });

  it('refuses a value whose ciphertext was altered', async () => {
    const cipher = await createFieldCipher(t.database.db);
    const written = cipher.encrypt('secret');
    const altered = { ...written, data: Buffer.from('SECRET!').toString('base64') };
    expect(() => cipher.decrypt(altered)).toThrow();
  });
});
