import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type JsonBody, type TestApp } from '../../test-support/app.ts';
import {
  asJson,
  asYaml,
  contracts,
  ordersApi,
  ordersApiBroken,
  projectWithContract,
  upload,
} from './test-helpers.ts';

let t: TestApp;
let owner: Caller;

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
});
afterAll(() => t.close());

const settingsOf = (projectId: string) => `/api/v1/projects/${projectId}/contract-settings`;

describe('contract settings', () => {
  it('answer the defaults at version 0, then version and audit each change (412 when stale)', async () => {
    const admin = await t.newWorkspace();
    const { projectId } = await projectWithContract(admin);
    const initial = await admin.get(settingsOf(projectId));
    expect(initial.body).toMatchObject({
      minDeprecationDays: 90,
      disabledRules: [],
      levelOverrides: {},
      failOn: 'ERR',
      version: 0,
      isDefault: true,
    });
    const saved = await admin.put(
      settingsOf(projectId),
      { failOn: 'WARN', levelOverrides: { 'endpoint-added': 'WARN' } },
      { headers: { 'if-match': '"v0"' } },
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ failOn: 'WARN', version: 1, isDefault: false });
    expect(saved.headers.etag).toBe('"v1"');
    const stale = await admin.put(
      settingsOf(projectId),
      { failOn: 'INFO' },
      { headers: { 'if-match': '"v0"' } },
    );
    expect(stale.status).toBe(412);
    const events = await admin.get('/api/v1/audit/events', { query: { aggregateType: 'contract_settings' } });
    expect(events.body.data.map((event: JsonBody) => event.eventType)).toEqual(['contract_settings.created']);
  });

  it('refuse rule ids the catalogue lacks (400 naming them), and are changed by editors only', async () => {
    const { projectId } = await projectWithContract(owner);
    const unknown = await owner.put(settingsOf(projectId), {
      disabledRules: ['endpoint-added', 'no-such-rule'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      code: 'contracts.unknown_rule',
      errors: [{ path: 'disabledRules.1', message: 'no rule no-such-rule' }],
    });
    const badLevel = await owner.put(settingsOf(projectId), {
      levelOverrides: { 'endpoint-added': 'FATAL' },
    });
    expect(badLevel.status).toBe(400);
    expect((await (await t.newMember(owner, 'agent')).put(settingsOf(projectId), {})).status).toBe(403);
    expect((await (await t.newMember(owner, 'editor')).put(settingsOf(projectId), {})).status).toBe(200);
  });

  it('judge later uploads: rules switched off find nothing, levels raised fail the verdict', async () => {
    const { projectId } = await projectWithContract(owner);
    await owner.put(settingsOf(projectId), {
      disabledRules: ['api-removed-without-deprecation'],
      levelOverrides: { 'endpoint-added': 'WARN' },
      failOn: 'WARN',
    });
    await upload(owner, projectId, '1.0.0', ordersApi());
    const second = await upload(owner, projectId, '2.0.0', ordersApiBroken());
    const rules = second.body.diff.findings.map((finding: JsonBody) => finding.ruleId);
    expect(rules).not.toContain('api-removed-without-deprecation');
    const added = second.body.diff.findings.find((finding: JsonBody) => finding.ruleId === 'endpoint-added');
    expect(added.level).toBe('WARN');
    expect(second.body.verdict).toEqual({ outcome: 'fail', failOn: 'WARN', reviewRequired: false });
    expect(second.body.version.review.status).toBe('not-required');
  });
});

describe('POST /contracts/diff', () => {
  it('answers the diff of two documents and stores nothing', async () => {
    const agent = await t.newMember(owner, 'agent');
    const answer = await agent.post('/api/v1/contracts/diff', {
      base: { content: asYaml(ordersApi()), filename: 'openapi.yaml' },
      revision: { content: asJson(ordersApiBroken()), filename: 'openapi.json' },
      options: { today: '2030-01-01' },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({
      kind: 'openapi',
      base: { title: 'Orders API', version: '1.0.0' },
      revision: { version: '2.0.0' },
    });
    expect(answer.body.findings.map((finding: JsonBody) => finding.ruleId)).toContain(
      'api-removed-without-deprecation',
    );
    expect(answer.body.summary.ERR).toBeGreaterThan(0);
    const disabled = await agent.post('/api/v1/contracts/diff', {
      base: { content: asYaml(ordersApi()) },
      revision: { content: asYaml(ordersApiBroken()) },
      options: { disabledRules: ['api-removed-without-deprecation'] },
    });
    expect(disabled.body.summary.ERR).toBe(0);
  });

  it('answers 422 naming the side that does not load, and 400 for unknown rules', async () => {
    const broken = await owner.post('/api/v1/contracts/diff', {
      base: { content: asYaml(ordersApi()) },
      revision: { content: 'openapi: 3.0.3\npaths: [unclosed\n', filename: 'openapi.yaml' },
    });
    expect(broken.status).toBe(422);
    expect(broken.body.detail).toMatch(/^revision: /);
    expect(broken.body.side).toBe('revision');
    const unknown = await owner.post('/api/v1/contracts/diff', {
      base: { content: asYaml(ordersApi()) },
      revision: { content: asYaml(ordersApi()) },
      options: { disabledRules: ['nope'] },
    });
    expect(unknown.status).toBe(400);
  });
});

describe('GET /contracts/rules', () => {
  it('lists the OpenAPI and GraphQL catalogues in one page', async () => {
    const answer = await owner.get('/api/v1/contracts/rules');
    expect(answer.status).toBe(200);
    expect(answer.body.nextCursor).toBeNull();
    const ids = answer.body.data.map((rule: JsonBody) => rule.id);
    expect(ids).toContain('api-removed-without-deprecation');
    expect(ids.some((id: string) => id.startsWith('graphql-'))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the upload limit (CONTRACT_UPLOAD_LIMIT_BYTES)', () => {
  let small: TestApp;
  beforeAll(async () => {
    small = await createTestApp({ config: { contractUploadLimitBytes: 4096 } });
  });
  afterAll(() => small.close());

  it('answers 413 for a larger contract, in either form, and takes one within it', async () => {
    const { projectId } = await projectWithContract(small.owner);
    const big = ordersApi();
    (big.info as Record<string, unknown>).description = 'x'.repeat(5000);
    const asJsonBody = await upload(small.owner, projectId, '1.0.0', big);
    expect(asJsonBody.status).toBe(413);
    expect(asJsonBody.body).toMatchObject({ code: 'contracts.too-large' });
    expect(asJsonBody.body.detail).toContain('4096');
    const raw = await small.owner.post(contracts(projectId, 'payments', 'versions'), asYaml(big), {
      headers: { 'content-type': 'application/yaml' },
      query: { version: '1.0.0' },
    });
    expect(raw.status).toBe(413);
    const beyondTheBodyLimit = await small.owner.post(
      contracts(projectId, 'payments', 'versions'),
      'x'.repeat(2 * 4096 + 1024 * 1024 + 1),
      { headers: { 'content-type': 'application/yaml' }, query: { version: '1.0.0' } },
    );
    expect(beyondTheBodyLimit.status).toBe(413);
    expect(beyondTheBodyLimit.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await upload(small.owner, projectId, '1.0.0', ordersApi())).status).toBe(201);
  });
});
