import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type JsonBody, type TestApp } from '../../test-support/app.ts';
import {
  asJson,
  asYaml,
  contracts,
  ordersApi,
  ordersApiBroken,
  ordersApiCompatible,
  plan,
  projectWithContract,
  projectWithFirstVersion,
  upload,
} from './test-helpers.ts';

let t: TestApp;
let owner: Caller;

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
});
afterAll(() => t.close());

const withFirstVersion = () => projectWithFirstVersion(owner);

describe('uploading versions', () => {
  it('stores the first version with no diff, and makes it the contract’s current version', async () => {
    const { projectId, contractId, first } = await withFirstVersion();
    expect(first).toMatchObject({
      unchanged: false,
      diff: null,
      verdict: { outcome: 'pass', failOn: 'ERR', reviewRequired: false },
      plan: { breakingChanges: [], migrationGuideId: null, deprecationSchedules: [] },
      version: {
        contractId,
        label: '1.0.0',
        kind: 'openapi',
        openapiVersion: '3.0',
        title: 'Orders API',
        declaredVersion: '1.0.0',
        previousVersionId: null,
        summary: { ERR: 0, WARN: 0, INFO: 0 },
        review: { status: 'not-required' },
        uploadedBy: owner.userId,
      },
    });
    expect(first.version.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.version).not.toHaveProperty('document');
    const contract = await owner.get(`${plan(projectId, 'api-contracts')}/${contractId}`);
    expect(contract.body.currentVersion).toBe('1.0.0');
  });

  it('diffs the next version against it, names the consumers each change affects and records the plan rows', async () => {
    const { projectId, contractId, first, mobileId } = await withFirstVersion();
    const agent = await t.newMember(owner, 'agent');
    const second = await upload(agent, projectId, '2.0.0', ordersApiBroken());
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    const { version, diff, verdict } = second.body;
    expect(version).toMatchObject({
      label: '2.0.0',
      previousVersionId: first.version.id,
      review: { status: 'pending' },
    });
    expect(second.headers.location).toBe(`${contracts(projectId, 'payments', 'versions')}/${version.id}`);
    expect(verdict).toEqual({ outcome: 'fail', failOn: 'ERR', reviewRequired: true });

    const removed = diff.findings.find(
      (finding: JsonBody) => finding.ruleId === 'api-removed-without-deprecation',
    );
    expect(removed).toMatchObject({
      level: 'ERR',
      operation: 'GET /orders',
      consumers: [{ id: mobileId, name: 'mobile app' }],
      unused: false,
    });
    const added = diff.findings.find((finding: JsonBody) => finding.ruleId === 'endpoint-added');
    expect(added).toMatchObject({ level: 'INFO', operation: 'GET /invoices', consumers: [], unused: false });
    expect(version.summary).toEqual(diff.summary);
    expect(diff.consumers).toBe(2);

    // The plan now holds what the upload broke, how to migrate, who is affected and what is deprecated.
    const changes = (await owner.get(plan(projectId, 'breaking-changes'))).body.data;
    expect(changes).toEqual([
      expect.objectContaining({
        id: second.body.plan.breakingChanges[0],
        name: 'payments 2.0.0: GET /orders',
        contractId,
        detectedBy: 'contract-diff',
        status: 'proposed',
        contractVersion: '2.0.0',
        migrationGuideId: second.body.plan.migrationGuideId,
        description: expect.stringContaining('api-removed-without-deprecation'),
      }),
    ]);
    const guide = await owner.get(
      `${plan(projectId, 'migration-guides')}/${second.body.plan.migrationGuideId}`,
    );
    expect(guide.body).toMatchObject({
      name: 'payments 1.0.0 → 2.0.0',
      body: expect.stringContaining('GET /orders'),
    });
    const affected = (await owner.get(plan(projectId, 'affected-consumers'))).body.data;
    expect(affected).toEqual([
      expect.objectContaining({
        name: 'mobile app',
        contact: 'mobile@example.test',
        breakingChangeId: changes[0].id,
        notifiedAt: null,
      }),
    ]);
    expect(second.body.plan.affectedConsumers).toBe(1);
    const schedules = (await owner.get(plan(projectId, 'deprecation-schedules'))).body.data;
    expect(schedules).toEqual([
      expect.objectContaining({
        name: 'payments: POST /orders deprecated',
        contractId,
        announcedOn: new Date().toISOString().slice(0, 10),
        sunsetOn: '2031-01-31',
      }),
    ]);
    const contract = await owner.get(`${plan(projectId, 'api-contracts')}/${contractId}`);
    expect(contract.body.currentVersion).toBe('2.0.0');
  });

  it('answers the same document again, even as JSON instead of YAML, with 200 and stores nothing', async () => {
    const { projectId, first } = await withFirstVersion();
    const again = await upload(owner, projectId, '1.0.1', asJson(ordersApi()), { filename: 'openapi.json' });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ unchanged: true, version: { id: first.version.id, label: '1.0.0' } });
    const versions = await owner.get(contracts(projectId, 'payments', 'versions'));
    expect(versions.body.data).toHaveLength(1);
  });

  it('refuses a label the contract already has, for other content, with 409', async () => {
    const { projectId } = await withFirstVersion();
    const clash = await upload(owner, projectId, '1.0.0', ordersApiCompatible());
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ code: 'contracts.version_exists', errors: [{ path: 'version' }] });
  });

  it('takes the document as a raw YAML or JSON body with the label in the query', async () => {
    const { projectId } = await withFirstVersion();
    const url = contracts(projectId, 'payments', 'versions');
    const yamlBody = await owner.post(url, asYaml(ordersApiCompatible()), {
      headers: { 'content-type': 'application/yaml' },
      query: { version: '1.1.0', commit: 'abc1234' },
    });
    expect(yamlBody.status, JSON.stringify(yamlBody.body)).toBe(201);
    expect(yamlBody.body.version).toMatchObject({ label: '1.1.0', commitSha: 'abc1234' });
    expect(yamlBody.body.verdict.outcome).toBe('pass');
    const jsonBody = await owner.post(url, asJson(ordersApiBroken()), {
      headers: { 'content-type': 'application/json' },
      query: { version: '2.0.0' },
    });
    expect(jsonBody.status, JSON.stringify(jsonBody.body)).toBe(201);
    expect(jsonBody.body.version.previousVersionId).toBe(yamlBody.body.version.id);
    const missingLabel = await owner.post(url, asYaml(ordersApi()), {
      headers: { 'content-type': 'application/yaml' },
    });
    expect(missingLabel.status).toBe(400);
    expect(missingLabel.body.errors).toEqual([{ path: 'query.version', message: expect.any(String) }]);
  });

  it('addresses the contract by id as well as by name, and answers 404 for a name the plan lacks', async () => {
    const { projectId, contractId } = await withFirstVersion();
    const byId = await owner.get(contracts(projectId, contractId, 'versions'));
    expect(byId.body.data.map((version: JsonBody) => version.label)).toEqual(['1.0.0']);
    const unknown = await upload(owner, projectId, '1.0.0', ordersApi(), { contract: 'billing' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('api_contract.not_found');
  });
});

describe('refusals', () => {
  it('answers 422 with the loader’s message for a document that does not load', async () => {
    const { projectId } = await withFirstVersion();
    const broken = await upload(owner, projectId, '2.0.0', 'openapi: 3.0.3\ninfo: [unclosed\n', {
      filename: 'openapi.yaml',
    });
    expect(broken.status).toBe(422);
    expect(broken.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(broken.body.code).toMatch(/^contracts\./);
    expect(broken.body.detail.length).toBeGreaterThan(10);
    expect(broken.body).toHaveProperty('line');
    const notAContract = await upload(owner, projectId, '2.0.0', asYaml({ hello: 'world' }), {
      filename: 'openapi.yaml',
    });
    expect(notAContract.status).toBe(422);
  });

  it('answers 422 when the upload is not of the contract’s kind, or the contract takes no uploads', async () => {
    const { projectId } = await projectWithContract(owner, { name: 'graph', kind: 'graphql' });
    const openapi = await upload(owner, projectId, '1.0.0', ordersApi(), { contract: 'graph' });
    expect(openapi.status).toBe(422);
    expect(openapi.body.code).toBe('contracts.kind_mismatch');
    const grpc = await owner.post(plan(projectId, 'api-contracts'), {
      name: 'rpc',
      kind: 'grpc',
      currentVersion: '1',
    });
    const refused = await upload(owner, projectId, '1.0.0', ordersApi(), { contract: grpc.body.id });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('contracts.kind_not_supported');
  });

  it('refuses bad input with a problem naming each field', async () => {
    const { projectId } = await projectWithContract(owner);
    const url = contracts(projectId, 'payments', 'versions');
    const cases: [object, string][] = [
      [{ content: 'openapi: 3.0.3' }, 'version'],
      [{ version: 'has space', content: 'x' }, 'version'],
      [{ version: '1.0.0', content: '' }, 'content'],
      [{ version: '1.0.0', content: 'x', extra: true }, 'extra'],
      [{ version: '1.0.0', commit: 'not-a-sha', content: 'x' }, 'commit'],
    ];
    for (const [body, path] of cases) {
      const answer = await owner.post(url, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(
        answer.body.errors.map((error: JsonBody) => error.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    const notJson = await owner.post(url, '{"version":', { headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
    const pdf = await owner.post(url, 'x', {
      headers: { 'content-type': 'application/pdf' },
      query: { version: '1' },
    });
    expect(pdf.status).toBe(415);
  });

  it('may be uploaded by agents and editors, not by viewers or reviewers', async () => {
    const { projectId } = await projectWithContract(owner);
    for (const [role, status] of [
      ['agent', 201],
      ['editor', 200],
      ['viewer', 403],
      ['reviewer', 403],
    ] as const) {
      const member = await t.newMember(owner, role);
      const answer = await upload(member, projectId, '1.0.0', ordersApi());
      expect(answer.status, role).toBe(status);
    }
  });
});

describe('reading versions', () => {
  it('lists versions newest first, page by page, and gives one with its document when asked', async () => {
    const { projectId, first } = await withFirstVersion();
    const second = await upload(owner, projectId, '1.1.0', ordersApiCompatible());
    const third = await upload(owner, projectId, '2.0.0', ordersApiBroken());
    const url = contracts(projectId, 'payments', 'versions');
    const page = await owner.get(url, { query: { limit: '2' } });
    expect(page.body.data.map((version: JsonBody) => version.label)).toEqual(['2.0.0', '1.1.0']);
    expect(page.body.data[0]).not.toHaveProperty('document');
    const next = await owner.get(url, { query: { limit: '2', cursor: page.body.nextCursor } });
    expect(next.body).toMatchObject({ data: [{ id: first.version.id }], nextCursor: null });
    const pending = await owner.get(url, { query: { 'filter[reviewStatus]': 'pending' } });
    expect(pending.body.data.map((version: JsonBody) => version.id)).toEqual([third.body.version.id]);

    const byLabel = await owner.get(`${url}/1.1.0`);
    expect(byLabel.body.id).toBe(second.body.version.id);
    expect(byLabel.headers.etag).toBe('"v1"');
    const withDocument = await owner.get(`${url}/${first.version.id}`, { query: { include: 'document' } });
    expect(withDocument.body.document).toEqual(ordersApi());
    expect((await owner.get(`${url}/9.9.9`)).status).toBe(404);
  });

  it('gives the stored diff of a version, filtered by level, and 404 for the first version', async () => {
    const { projectId, first } = await withFirstVersion();
    const second = await upload(owner, projectId, '2.0.0', ordersApiBroken());
    const url = contracts(projectId, 'payments', `versions/${second.body.version.id}/diff`);
    const all = await owner.get(url);
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(all.body).toMatchObject({
      from: { id: first.version.id, label: '1.0.0' },
      to: { id: second.body.version.id, label: '2.0.0' },
    });
    expect(all.body.diff.findings).toEqual(second.body.diff.findings);
    const errors = await owner.get(url, { query: { 'filter[level]': 'ERR' } });
    expect(errors.body.diff.findings.length).toBeGreaterThan(0);
    expect(errors.body.diff.findings.every((finding: JsonBody) => finding.level === 'ERR')).toBe(true);
    expect(errors.body.diff.summary).toEqual(all.body.diff.summary);
    expect((await owner.get(url, { query: { 'filter[level]': 'BAD' } })).status).toBe(400);
    const firstDiff = await owner.get(contracts(projectId, 'payments', `versions/${first.version.id}/diff`));
    expect(firstDiff.status).toBe(404);
  });

  it('diffs any two versions on request, in either direction, without storing anything', async () => {
    const { projectId } = await withFirstVersion();
    await upload(owner, projectId, '2.0.0', ordersApiBroken());
    const url = contracts(projectId, 'payments', 'diffs');
    const forward = await owner.get(url, { query: { from: '1.0.0', to: '2.0.0' } });
    expect(forward.status, JSON.stringify(forward.body)).toBe(200);
    expect(forward.body.diff.findings.map((finding: JsonBody) => finding.ruleId)).toContain(
      'api-removed-without-deprecation',
    );
    const backward = await owner.get(url, { query: { from: '2.0.0', to: '1.0.0' } });
    expect(backward.body.diff.findings.map((finding: JsonBody) => finding.operation)).toContain(
      'GET /orders',
    );
    expect((await owner.get(url, { query: { from: '1.0.0', to: '7.0.0' } })).status).toBe(404);
    expect((await owner.get(contracts(projectId, 'payments', 'versions'))).body.data).toHaveLength(2);
  });

  it('gives the migration guide as Markdown or JSON', async () => {
    const { projectId } = await withFirstVersion();
    const second = await upload(owner, projectId, '2.0.0', ordersApiBroken());
    const url = contracts(projectId, 'payments', `versions/${second.body.version.id}/migration-guide`);
    const markdown = await owner.get(url, { headers: { accept: 'text/markdown' } });
    expect(markdown.status).toBe(200);
    expect(markdown.headers['content-type']).toMatch(/^text\/markdown/);
    expect(markdown.body).toMatch(/^# /);
    expect(markdown.body).toContain('GET /orders');
    const json = await owner.get(url);
    expect(json.body).toMatchObject({
      from: { label: '1.0.0' },
      to: { label: '2.0.0' },
      markdown: markdown.body,
    });
  });
});

describe('reviews', () => {
  it('accepts the breaking changes of a pending version, approving them in the plan; only once', async () => {
    const { projectId } = await withFirstVersion();
    const second = await upload(owner, projectId, '2.0.0', ordersApiBroken());
    const url = contracts(projectId, 'payments', `versions/${second.body.version.id}/review`);
    for (const role of ['editor', 'agent', 'viewer'] as const) {
      const member = await t.newMember(owner, role);
      expect((await member.post(url, { decision: 'accepted' })).status, role).toBe(403);
    }
    const reviewer = await t.newMember(owner, 'reviewer');
    const accepted = await reviewer.post(url, {
      decision: 'accepted',
      note: 'mobile 5.2 no longer lists orders',
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.review).toMatchObject({
      status: 'accepted',
      reviewedBy: reviewer.userId,
      note: 'mobile 5.2 no longer lists orders',
    });
    const changes = (await owner.get(plan(projectId, 'breaking-changes'))).body.data;
    expect(changes.map((change: JsonBody) => change.status)).toEqual(['approved']);
    const again = await reviewer.post(url, { decision: 'rejected' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('contract_version.not_pending');

    const events = await owner.get('/api/v1/audit/events', {
      query: { aggregateType: 'contract_version', limit: '100' },
    });
    const reviewed = events.body.data.find(
      (event: JsonBody) =>
        event.aggregateId === second.body.version.id && event.eventType === 'contract_version.reviewed',
    );
    expect(reviewed).toMatchObject({
      metadata: { reason: 'mobile 5.2 no longer lists orders' },
      eventData: { changes: { reviewStatus: { before: 'pending', after: 'accepted' } } },
    });
  });

  it('refuses to review a version that breaks nothing', async () => {
    const { projectId, first } = await withFirstVersion();
    const answer = await owner.post(contracts(projectId, 'payments', `versions/${first.version.id}/review`), {
      decision: 'accepted',
    });
    expect(answer.status).toBe(409);
  });
});

describe('another workspace', () => {
  it('answers 404 for every contract route of another workspace’s project, and writes nothing there', async () => {
    const { projectId, first, mobileId } = await withFirstVersion();
    const stranger = await t.newWorkspace();
    const versionId = first.version.id;
    const answers = [
      await upload(stranger, projectId, '9.0.0', ordersApiBroken()),
      await stranger.get(contracts(projectId, 'payments', 'versions')),
      await stranger.get(contracts(projectId, 'payments', `versions/${versionId}`)),
      await stranger.get(contracts(projectId, 'payments', `versions/${versionId}/diff`)),
      await stranger.get(contracts(projectId, 'payments', 'diffs'), {
        query: { from: '1.0.0', to: '1.0.0' },
      }),
      await stranger.post(contracts(projectId, 'payments', `versions/${versionId}/review`), {
        decision: 'accepted',
      }),
      await stranger.get(contracts(projectId, 'payments', `versions/${versionId}/migration-guide`)),
      await stranger.get(contracts(projectId, 'payments', 'consumers')),
      await stranger.get(contracts(projectId, 'payments', `consumers/${mobileId}`)),
      await stranger.patch(contracts(projectId, 'payments', `consumers/${mobileId}`), { contact: 'x' }),
      await stranger.get(`/api/v1/projects/${projectId}/contract-settings`),
      await stranger.put(`/api/v1/projects/${projectId}/contract-settings`, { failOn: 'WARN' }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 404));
    expect((await owner.get(contracts(projectId, 'payments', 'versions'))).body.data).toHaveLength(1);
    expect((await owner.get(`/api/v1/projects/${projectId}/contract-settings`)).body.version).toBe(0);
  });
});
