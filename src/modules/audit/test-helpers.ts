import { expect } from 'vitest';
import type { Caller, TestApp } from '../../test-support/app.ts';

let keyCounter = 0;
/** A project key no other test uses. */
export function uniqueKey(prefix = 'A'): string {
  keyCounter += 1;
  return `${prefix}${keyCounter.toString(36).toUpperCase().padStart(4, '0')}`;
}

/** Creates a project through the API and returns its body. */
export async function createProject(caller: Caller, fields: Record<string, unknown> = {}) {
  const answer = await caller.post('/api/v1/projects', { name: 'Audited', key: uniqueKey(), ...fields });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

/**
 * A workspace whose trail holds exactly `events` events (creations, updates and a deletion),
 * with a signed checkpoint at its head.
 */
export async function workspaceWithEvents(t: TestApp, events: number): Promise<Caller> {
  const caller = await t.newWorkspace();
  let last: { id: string } | null = null;
  for (let index = 0; index < events; index += 1) {
    if (last && index % 3 === 1) {
      const answer = await caller.patch(`/api/v1/projects/${last.id}`, { description: `change ${index}` });
      expect(answer.status).toBe(200);
    } else if (last && index % 3 === 2) {
      expect((await caller.delete(`/api/v1/projects/${last.id}`)).status).toBe(204);
      last = null;
    } else {
      last = await createProject(caller);
    }
  }
  const checkpoint = await caller.post('/api/v1/audit/checkpoints', {});
  expect(checkpoint.status).toBe(201);
  return caller;
}

/** Runs raw SQL on the audit trail with its append-only triggers off: what an attacker with database access could do. */
export async function tamper(t: TestApp, statements: string[], params: unknown[] = []): Promise<void> {
  await t.database.exec('alter table audit_events disable trigger user');
  try {
    for (const statement of statements) await t.database.query(statement, params);
  } finally {
    await t.database.exec('alter table audit_events enable trigger user');
  }
}

/** The verification report of the caller's workspace. */
export async function verify(caller: Caller) {
  const answer = await caller.get('/api/v1/audit/verify');
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}
