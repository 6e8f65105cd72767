import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../test-support/app.ts';

let t: TestApp;
let owner: Caller;

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
});
afterAll(() => t.close());

const base = '/api/v1/decision-logs';

async function createDecision(caller: Caller, fields: Record<string, unknown> = {}, expectedStatus = 201) {
  const answer = await caller.post(base, {
    title: 'Use PostgreSQL',
    decisionType: 'architecture',
    context: 'We need a database.',
    decision: 'We use PostgreSQL.',
    ...fields,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(expectedStatus);
  return answer.body;
}

async function act(caller: Caller, id: string, action: string, body: Record<string, unknown> = {}) {
  return caller.post(`${base}/${id}/${action}`, body);
}

async function accepted(caller: Caller, fields: Record<string, unknown> = {}) {
  const decision = await createDecision(caller, { ...fields, status: 'proposed' });
  const answer = await act(caller, decision.id, 'accept');
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

describe('finding decisions', () => {
  let finder: Caller;
  let qa: Caller;
  let projectId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    finder = await t.newWorkspace();
    qa = await t.newMember(finder, 'reviewer');
    projectId = (await finder.post('/api/v1/projects', { name: 'Payments', key: 'PAY' })).body.id;
    const specs = [
      [
        'cache',
        {
          decisionType: 'technology',
          tags: ['perf', 'redis'],
          decisionDate: '2024-01-10',
          sprintRelease: 'S1',
        },
      ],
      [
        'retry',
        {
          decisionType: 'architecture',
          tags: ['perf'],
          decisionDate: '2024-02-10',
          involvedQa: [qa.userId],
          projectId,
          context: 'Card payments fail under load',
        },
      ],
      [
        'review',
        {
          decisionType: 'process',
          tags: ['team'],
          decisionDate: '2024-03-10',
          decisionOwnerId: qa.userId,
          sprintRelease: 'S2',
        },
      ],
      [
        'audit',
        {
          decisionType: 'security',
          tags: ['redis', 'team'],
          decisionDate: '2024-04-10',
          projectId,
          consequencesGood: ['tamper-evident ledger'],
          status: 'proposed',
        },
      ],
    ] as const;
    for (const [name, fields] of specs)
      ids[name] = (await createDecision(finder, { title: `Decide ${name}`, ...fields })).id;
  });

  const find = async (query: Record<string, string>) => {
    const answer = await finder.get(base, { query: { sort: 'decisionDate', ...query } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body.data.map((decision: { title: string }) => decision.title.replace('Decide ', ''));
  };

  it('filters by type, status, owner, QA member, sprint, project and date range', async () => {
    expect(await find({ 'filter[decisionType][in]': 'process,security' })).toEqual(['review', 'audit']);
    expect(await find({ 'filter[status]': 'proposed' })).toEqual(['audit']);
    expect(await find({ 'filter[owner]': qa.userId })).toEqual(['review']);
    expect(await find({ 'filter[involvedQa][contains]': qa.userId })).toEqual(['retry']);
    expect(await find({ 'filter[sprintRelease]': 'S2' })).toEqual(['review']);
    expect(await find({ 'filter[project]': projectId })).toEqual(['retry', 'audit']);
    expect(await find({ 'filter[project][isNull]': 'true' })).toEqual(['cache', 'review']);
    expect(
      await find({ 'filter[decisionDate][gte]': '2024-02-10', 'filter[decisionDate][lte]': '2024-03-10' }),
    ).toEqual(['retry', 'review']);
  });

  it('filters by tags, any or all', async () => {
    expect(await find({ 'filter[tags][any]': 'redis,team' })).toEqual(['cache', 'review', 'audit']);
    expect(await find({ 'filter[tags][all]': 'redis,team' })).toEqual(['audit']);
    expect(await find({ 'filter[tags][contains]': 'perf' })).toEqual(['cache', 'retry']);
  });

  it('combines filters and full-text search', async () => {
    expect(await find({ 'filter[tags][any]': 'perf,redis', 'filter[project]': projectId })).toEqual([
      'retry',
      'audit',
    ]);
    expect(await find({ q: 'card payments' })).toEqual(['retry']);
    expect(await find({ q: 'tamper' })).toEqual(['audit']);
    expect(await find({ q: 'decide', 'filter[status]': 'draft' })).toEqual(['cache', 'retry', 'review']);
  });

  it('finds the same decisions through q= on the list as through /search, with the same syntax', async () => {
    const created = await owner.post('/api/v1/decision-logs', {
      title: 'Idempotent payment retries',
      decisionType: 'architecture',
      decisionDrivers: ['No double charges'],
    });
    expect(created.status).toBe(201);
    const listed = async (q: string) =>
      (await owner.get('/api/v1/decision-logs', { query: { q } })).body.data.map((d: { id: string }) => d.id);
    const searched = async (q: string) =>
      (await owner.get('/api/v1/search', { query: { q, type: 'decision_log' } })).body.data.map(
        (hit: { id: string }) => hit.id,
      );
    for (const q of ['double charges', 'charge', 'doub', '"double charges"', 'double -refunds']) {
      expect(await listed(q), q).toEqual([created.body.id]);
      expect(await searched(q), q).toEqual([created.body.id]);
    }
    for (const q of ['"charges double"', 'double -charges']) {
      expect(await listed(q), q).toEqual([]);
      expect(await searched(q), q).toEqual([]);
    }
  });

  it('sorts by date both ways and pages through', async () => {
    const newest = await finder.get(base, { query: { sort: '-decisionDate', limit: '3' } });
    expect(newest.body.data.map((d: { title: string }) => d.title)).toEqual([
      'Decide audit',
      'Decide review',
      'Decide retry',
    ]);
    const rest = await finder.get(base, {
      query: { sort: '-decisionDate', limit: '3', cursor: newest.body.nextCursor },
    });
    expect(rest.body.data.map((d: { title: string }) => d.title)).toEqual(['Decide cache']);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('answers 400 to malformed filter values', async () => {
    const answer = await finder.get(base, {
      query: { 'filter[decisionDate][gte]': '10/02/2024', 'filter[involvedQa][any]': 'x' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'query.filter[decisionDate][gte]',
      'query.filter[involvedQa][any]',
    ]);
  });

  it('shows the timeline with supersession chains', async () => {
    const first = await accepted(finder, { title: 'Chain one', decisionDate: '2023-01-01' });
    const second = await accepted(finder, { title: 'Chain two', decisionDate: '2023-02-01' });
    const third = await accepted(finder, { title: 'Chain three', decisionDate: '2023-03-01' });
    await act(finder, first.id, 'supersede', { supersededBy: second.id });
    await act(finder, second.id, 'supersede', { supersededBy: third.id });
    const answer = await finder.get(`${base}/timeline`, { query: { to: '2023-12-31' } });
    expect(answer.status).toBe(200);
    expect(answer.body.data.map((entry: { title: string }) => entry.title)).toEqual([
      'Chain one',
      'Chain two',
      'Chain three',
    ]);
    for (const entry of answer.body.data) {
      expect(entry.chain).toEqual([first.id, second.id, third.id]);
      expect(entry.current).toBe(third.id);
    }
    expect(answer.body.data[1]).toMatchObject({
      supersedes: [first.id],
      supersededBy: third.id,
      status: 'superseded',
    });
  });
});

describe('history', () => {
  it('records every change and transition in the audit trail', async () => {
    const { auditEvents } = await import('../../core/events/schema.ts');
    const { eq } = await import('drizzle-orm');
    const decision = await createDecision(owner);
    await owner.patch(`${base}/${decision.id}`, { title: 'Renamed' });
    await act(owner, decision.id, 'propose', { reason: 'ready for review' });
    await act(owner, decision.id, 'accept');
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.aggregateId, decision.id))
      .orderBy(auditEvents.sequence);
    expect(events.map((event) => event.eventType)).toEqual([
      'decision_log.created',
      'decision_log.updated',
      'decision_log.proposed',
      'decision_log.accepted',
    ]);
    expect(events[2]?.metadata.reason).toBe('ready for review');
    expect(events[3]?.eventData.changes).toEqual({ status: { before: 'proposed', after: 'accepted' } });
  });
});
