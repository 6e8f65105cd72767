import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app.ts';
import { bearer, flagProject, sdkCall } from './test-helpers.ts';

let t: TestApp;
let project: Awaited<ReturnType<typeof flagProject>>;
let server: { id: string; secret: string };
let client: { id: string; secret: string };

const quarter = {
  id: 'quarter',
  constraints: [],
  segments: [],
  rollout: 25,
  stickiness: 'default',
  groupId: '',
};

beforeAll(async () => {
  t = await createTestApp();
  project = await flagProject(t.owner);
  await project.createFlag({ key: 'new-checkout' });
  await project.createFlag({ key: 'gradual', rules: [quarter] });
  await project.createFlag({ key: 'dark', enabled: false });
  await project.createFlag({
    key: 'banner',
    valueType: 'string',
    defaultValue: 'grey',
    variants: [{ name: 'red', value: 'red', weight: 1000, stickiness: 'default' }],
  });
  server = await project.createSdkKey('server');
  client = await project.createSdkKey('client');
});

afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

const evaluate = (key: string, headers: Record<string, string>, body: unknown = { context: {} }) =>
  sdkCall(t.app, 'POST', `/ofrep/v1/evaluate/flags/${key}`, headers, body);

describe('SDK key authentication', () => {
  it('answers 401 problems without a key, with an unknown key and with a revoked key', async () => {
    const missing = await evaluate('new-checkout', {});
    expect(missing.status).toBe(401);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.body.code).toBe('flags.sdk_key_invalid');
    expect((await evaluate('new-checkout', bearer('shp_srv_nope'))).status).toBe(401);
    const revoked = await project.createSdkKey('server');
    await project.revokeSdkKey(revoked.id);
    expect((await evaluate('new-checkout', bearer(revoked.secret))).status).toBe(401);
  });

  it('takes the key as a bearer token, bare as Unleash SDKs send it, or as X-API-Key', async () => {
    for (const headers of [
      bearer(server.secret),
      { authorization: server.secret },
      { 'x-api-key': server.secret },
    ])
      expect((await evaluate('new-checkout', headers)).status).toBe(200);
  });

  it('lets a client-side key evaluate but not read the rules', async () => {
    expect((await evaluate('new-checkout', bearer(client.secret))).body.value).toBe(true);
    const features = await sdkCall(t.app, 'GET', '/api/client/features', { authorization: client.secret });
    expect(features.status).toBe(403);
    expect(features.body.code).toBe('flags.sdk_key_client_side');
  });

  it('binds a key to its own project: another workspace’s key does not see these flags', async () => {
    const other = await t.newWorkspace();
    const theirs = await flagProject(other, 'Elsewhere');
    await theirs.createFlag({ key: 'their-flag' });
    const theirKey = await theirs.createSdkKey('server');
    const answer = await evaluate('new-checkout', bearer(theirKey.secret));
    expect(answer.status).toBe(404);
    expect(answer.body.errorCode).toBe('FLAG_NOT_FOUND');
    const features = await sdkCall(t.app, 'GET', '/api/client/features', { authorization: theirKey.secret });
    expect(features.body.features.map((feature: { name: string }) => feature.name)).toEqual(['their-flag']);
  });
});

describe('OFREP', () => {
  it('evaluates one flag with OpenFeature reasons and the rule in metadata', async () => {
    const on = await evaluate('new-checkout', bearer(server.secret), { context: { targetingKey: 'user-1' } });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ key: 'new-checkout', value: true, reason: 'STATIC' });
    const off = await evaluate('dark', bearer(server.secret));
    expect(off.body).toMatchObject({ key: 'dark', value: false, reason: 'DISABLED' });
    const banner = await evaluate('banner', bearer(server.secret), { context: { targetingKey: 'u' } });
    expect(banner.body).toMatchObject({ value: 'red', variant: 'red' });
    const reasons = new Set<string>();
    for (let user = 0; user < 40; user++) {
      const split = await evaluate('gradual', bearer(server.secret), {
        context: { targetingKey: `u${user}` },
      });
      reasons.add(split.body.reason);
      if (split.body.reason === 'SPLIT') expect(split.body.metadata.ruleId).toBe('quarter');
    }
    expect([...reasons].sort()).toEqual(['DEFAULT', 'SPLIT']);
  });

  it('answers 404 FLAG_NOT_FOUND and 400 PARSE_ERROR / INVALID_CONTEXT in OFREP’s shape', async () => {
    const missing = await evaluate('no-such-flag', bearer(server.secret));
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ key: 'no-such-flag', errorCode: 'FLAG_NOT_FOUND' });
    expect(missing.body.errorDetails).toContain('no-such-flag');
    const malformed = await evaluate('new-checkout', bearer(server.secret), '{"context": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ key: 'new-checkout', errorCode: 'PARSE_ERROR' });
    const notAnObject = await evaluate('new-checkout', bearer(server.secret), { context: 5 });
    expect(notAnObject.status).toBe(400);
    expect(notAnObject.body.errorCode).toBe('INVALID_CONTEXT');
  });

  it('evaluates every flag in bulk, with an ETag that changes with the context and the flags', async () => {
    const body = { context: { targetingKey: 'user-9' } };
    const bulk = await sdkCall(t.app, 'POST', '/ofrep/v1/evaluate/flags', bearer(server.secret), body);
    expect(bulk.status).toBe(200);
    const keys = bulk.body.flags.map((flag: { key: string }) => flag.key).sort();
    expect(keys).toEqual(['banner', 'dark', 'gradual', 'new-checkout']);
    const etag = String(bulk.headers.etag);
    const again = await sdkCall(
      t.app,
      'POST',
      '/ofrep/v1/evaluate/flags',
      { ...bearer(server.secret), 'if-none-match': etag },
      body,
    );
    expect(again.status).toBe(304);
    const otherContext = await sdkCall(
      t.app,
      'POST',
      '/ofrep/v1/evaluate/flags',
      { ...bearer(server.secret), 'if-none-match': etag },
      { context: { targetingKey: 'user-10' } },
    );
    expect(otherContext.status).toBe(200);
    expect(otherContext.headers.etag).not.toBe(etag);

    await project.configure({ key: 'dark', enabled: true });
    // A snapshot unchecked for over a second is checked before answering: move the clock on (twice,
    // so that a background check that read the stamp before the change cannot answer for it).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 2_000);
    await sdkCall(t.app, 'POST', '/ofrep/v1/evaluate/flags', bearer(server.secret), body);
    vi.setSystemTime(Date.now() + 2_000);
    const changed = await sdkCall(
      t.app,
      'POST',
      '/ofrep/v1/evaluate/flags',
      { ...bearer(server.secret), 'if-none-match': etag },
      body,
    );
    vi.useRealTimers();
    expect(changed.status).toBe(200);
    expect(changed.body.flags.find((flag: { key: string }) => flag.key === 'dark')).toMatchObject({
      value: true,
    });
  });

  it('counts evaluations into the flag’s metrics', async () => {
    for (let call = 0; call < 3; call++) await evaluate('new-checkout', bearer(server.secret));
    await vi.waitFor(
      async () => {
        const metrics = await t.owner.get(`${project.base}/flags/new-checkout/metrics`, {
          query: { environment: 'production' },
        });
        expect(metrics.status).toBe(200);
        const yes = metrics.body.totals.reduce((sum: number, total: { yes: number }) => sum + total.yes, 0);
        expect(yes).toBeGreaterThanOrEqual(3);
      },
      { timeout: 10_000, interval: 200 },
    );
  });
});

describe('Unleash client API', () => {
  it('serves the flags with an ETag, and 304 while nothing changed', async () => {
    const features = await sdkCall(t.app, 'GET', '/api/client/features', {
      authorization: server.secret,
      'unleash-appname': 'checkout',
    });
    expect(features.status).toBe(200);
    expect(features.body.version).toBe(2);
    expect(features.body.query.environment).toBe('production');
    expect(features.body.features.map((feature: { name: string }) => feature.name).sort()).toEqual([
      'banner',
      'dark',
      'gradual',
      'new-checkout',
    ]);
    const etag = String(features.headers.etag);
    const unchanged = await sdkCall(t.app, 'GET', '/api/client/features', {
      authorization: server.secret,
      'if-none-match': etag,
    });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body).toBe('');
  });

  it('accepts registrations, and adds reported metrics to the flag’s counts', async () => {
    // A flag no evaluation in these tests touches, so that its counts are the report's alone.
    await project.createFlag({
      key: 'reported',
      valueType: 'string',
      defaultValue: 'grey',
      variants: [{ name: 'red', value: 'red', weight: 1000, stickiness: 'default' }],
    });
    const registered = await sdkCall(
      t.app,
      'POST',
      '/api/client/register',
      { authorization: server.secret },
      {
        appName: 'checkout',
        instanceId: 'i-1',
        sdkVersion: 'unleash-client-node:6.12.2',
        strategies: ['default', 'flexibleRollout'],
        started: new Date().toISOString(),
        interval: 15_000,
      },
    );
    expect(registered.status).toBe(202);
    const reported = await sdkCall(
      t.app,
      'POST',
      '/api/client/metrics',
      { authorization: server.secret },
      {
        appName: 'checkout',
        instanceId: 'i-1',
        bucket: {
          start: new Date(Date.now() - 60_000).toISOString(),
          stop: new Date().toISOString(),
          toggles: { reported: { yes: 7, no: 2, variants: { red: 5, disabled: 2 } } },
        },
      },
    );
    expect(reported.status).toBe(202);
    const metrics = await t.owner.get(`${project.base}/flags/reported/metrics`, {
      query: { environment: 'production' },
    });
    expect(metrics.status).toBe(200);
    const totals = metrics.body.totals as { variant: string; yes: number; no: number }[];
    expect(totals.reduce((sum, total) => sum + total.yes, 0)).toBe(7);
    expect(totals.reduce((sum, total) => sum + total.no, 0)).toBe(2);
    expect(totals.find((total) => total.variant === 'red')?.yes).toBe(5);
  });

  it('refuses metrics that are not Unleash’s shape', async () => {
    const refused = await sdkCall(
      t.app,
      'POST',
      '/api/client/metrics',
      { authorization: server.secret },
      {
        appName: 'checkout',
        bucket: { toggles: { banner: { yes: -1, no: 0 } } },
      },
    );
    expect(refused.status).toBe(400);
  });
});

describe('the OpenAPI document', () => {
  it('lists the SDK endpoints under their own tag and security scheme', async () => {
    const document = (await t.anonymous.get('/openapi.json')).body;
    expect(document.components.securitySchemes.sdkKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const [path, method] of [
      ['/ofrep/v1/evaluate/flags/{key}', 'post'],
      ['/ofrep/v1/evaluate/flags', 'post'],
      ['/api/client/features', 'get'],
      ['/api/client/register', 'post'],
      ['/api/client/metrics', 'post'],
    ] as const) {
      const operation = document.paths[path]?.[method];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(operation.tags).toEqual(['Feature flags: SDK endpoints']);
      expect(operation.security).toEqual([{ sdkKey: [] }]);
    }
  });
});
