import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type JsonBody, type TestApp } from '../../test-support/app.ts';
import { contracts, ordersApi, ordersApiBroken, projectWithContract, upload } from './test-helpers.ts';

let t: TestApp;
let owner: Caller;

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
});
afterAll(() => t.close());

/** A Pact v3 file of a consumer that lists orders and reads one user's name. */
function pactFile() {
  return {
    consumer: { name: 'mobile app' },
    provider: { name: 'payments' },
    interactions: [
      {
        description: 'a list of orders',
        request: { method: 'GET', path: '/orders' },
        response: { status: 200, body: [{ id: 'o1', total: 3 }] },
      },
      {
        description: 'a user',
        request: { method: 'GET', path: '/users/42' },
        response: { status: 200, body: { id: '42', name: 'Ada' } },
      },
    ],
    metadata: { pactSpecification: { version: '3.0.0' } },
  };
}

describe('consumers of a contract', () => {
  it('are registered, read, changed and removed, each change versioned and audited', async () => {
    const { projectId, contractId } = await projectWithContract(owner);
    const url = contracts(projectId, 'payments', 'consumers');
    const created = await owner.post(url, { name: 'web shop', uses: { operations: ['GET /users/{}'] } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      contractId,
      name: 'web shop',
      contact: null,
      source: 'manual',
      uses: { operations: ['GET /users/{}'] },
      version: 1,
    });
    expect(created.headers.location).toBe(`${url}/${created.body.id}`);
    const item = `${url}/${created.body.id}`;
    const changed = await owner.patch(
      item,
      { contact: 'web@example.test' },
      { headers: { 'if-match': '"v1"' } },
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ contact: 'web@example.test', version: 2 });
    const stale = await owner.patch(item, { contact: 'x@example.test' }, { headers: { 'if-match': '"v1"' } });
    expect(stale.status).toBe(412);
    expect((await owner.get(item)).body.contact).toBe('web@example.test');

    const taken = await owner.post(url, { name: 'web shop' });
    expect(taken.status).toBe(409);
    expect(taken.body.errors).toEqual([{ path: 'name', message: 'is already taken' }]);
    const invalid = await owner.post(url, { name: 'cli', uses: { operations: ['list users'] } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors[0].path).toBe('uses.operations.0');

    const page = await owner.get(url, { query: { limit: '1' } });
    expect(page.body.data).toHaveLength(1);
    expect((await owner.delete(item)).status).toBe(204);
    expect((await owner.get(item)).status).toBe(404);
    const events = await owner.get('/api/v1/audit/events', {
      query: { aggregateType: 'contract_consumer', aggregateId: created.body.id, order: 'asc' },
    });
    expect(events.body.data.map((event: JsonBody) => event.eventType)).toEqual([
      'contract_consumer.created',
      'contract_consumer.updated',
      'contract_consumer.deleted',
    ]);
  });

  it('are registered once for a repeated Idempotency-Key', async () => {
    const { projectId } = await projectWithContract(owner);
    const url = contracts(projectId, 'payments', 'consumers');
    const headers = { 'idempotency-key': 'register-mobile-1' };
    const first = await owner.post(url, { name: 'mobile app' }, { headers });
    const again = await owner.post(url, { name: 'mobile app' }, { headers });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await owner.get(url)).body.data).toHaveLength(1);
  });

  it('are changed by editors, not by agents or viewers', async () => {
    const { projectId } = await projectWithContract(owner);
    const url = contracts(projectId, 'payments', 'consumers');
    for (const [role, status] of [
      ['editor', 201],
      ['agent', 403],
      ['viewer', 403],
    ] as const) {
      const member = await t.newMember(owner, role);
      expect((await member.post(url, { name: `by ${role}` })).status, role).toBe(status);
    }
  });

  it('belong to their contract: another contract’s consumer is not found under this one', async () => {
    const { projectId } = await projectWithContract(owner);
    await owner.post(`/api/v1/projects/${projectId}/plan/breaking-change-management/api-contracts`, {
      name: 'billing',
      kind: 'openapi',
      currentVersion: '1',
    });
    const billing = await owner.post(contracts(projectId, 'billing', 'consumers'), { name: 'ledger' });
    const misplaced = await owner.get(contracts(projectId, 'payments', `consumers/${billing.body.id}`));
    expect(misplaced.status).toBe(404);
  });
});

describe('Pact files', () => {
  it('say what a consumer uses, and later diffs name it for what it uses', async () => {
    const { projectId } = await projectWithContract(owner);
    await upload(owner, projectId, '1.0.0', ordersApi());
    const consumer = await owner.post(contracts(projectId, 'payments', 'consumers'), { name: 'mobile app' });
    const agent = await t.newMember(owner, 'agent');
    const read = await agent.post(
      contracts(projectId, 'payments', `consumers/${consumer.body.id}/pact`),
      pactFile(),
    );
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body).toMatchObject({ source: 'pact', pactUploadedAt: expect.any(String), version: 2 });
    expect(read.body.uses.operations).toEqual(['GET /orders', 'GET /users/42']);

    const second = await upload(owner, projectId, '2.0.0', ordersApiBroken());
    const removed = second.body.diff.findings.find(
      (finding: JsonBody) => finding.operation === 'GET /orders',
    );
    expect(removed.consumers).toEqual([{ id: consumer.body.id, name: 'mobile app' }]);
  });

  it('answers 422 for a body that is not a Pact file', async () => {
    const { projectId } = await projectWithContract(owner);
    const consumer = await owner.post(contracts(projectId, 'payments', 'consumers'), { name: 'mobile app' });
    const url = contracts(projectId, 'payments', `consumers/${consumer.body.id}/pact`);
    const refused = await owner.post(url, { consumer: { name: 'x' }, interactions: 'none' });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('contracts.invalid_pact');
    expect(refused.body.detail).toMatch(/interactions/);
    expect(
      (await owner.get(contracts(projectId, 'payments', `consumers/${consumer.body.id}`))).body.version,
    ).toBe(1);
  });
});

describe('impact', () => {
  it('flags ERR and WARN changes nobody uses as unused, once consumers are registered', async () => {
    const { projectId } = await projectWithContract(owner);
    await upload(owner, projectId, '1.0.0', ordersApi());
    const before = await upload(owner, projectId, '2.0.0', ordersApiBroken());
    const removedBefore = before.body.diff.findings.find((finding: JsonBody) => finding.level === 'ERR');
    // Nobody registered: nothing is known to be unused.
    expect(removedBefore).toMatchObject({ consumers: [], unused: false });

    await owner.post(contracts(projectId, 'payments', 'consumers'), {
      name: 'web shop',
      uses: { operations: ['GET /users/{}'] },
    });
    const diff = await owner.get(contracts(projectId, 'payments', 'diffs'), {
      query: { from: '1.0.0', to: '2.0.0' },
    });
    const removed = diff.body.diff.findings.find((finding: JsonBody) => finding.level === 'ERR');
    expect(removed).toMatchObject({ operation: 'GET /orders', consumers: [], unused: true });
    expect(
      diff.body.diff.findings
        .filter((finding: JsonBody) => finding.level === 'INFO')
        .every((finding: JsonBody) => finding.unused === false),
    ).toBe(true);
  });
});
