import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { FlagValue, TargetingRule, Variant } from '../../../engines/flag-eval/index.ts';
import type { Answer, Caller, JsonBody } from '../../../test-support/app.ts';

// What the SDK endpoints' tests share: a project whose flags are made through the management API,
// SDK keys, calls made with an SDK key, and a rich set of flags with contexts to evaluate them on.

export interface FlagSetup {
  key: string;
  valueType?: 'boolean' | 'string' | 'number' | 'json';
  enabled?: boolean;
  rules?: TargetingRule[];
  variants?: Variant[];
  defaultValue?: FlagValue;
  prerequisites?: { flagKey: string; value: FlagValue }[];
}

/** A project of the caller's workspace, managed the way the CLI and the UI do it. */
export async function flagProject(owner: Caller, name = 'Storefront') {
  const key = name
    .replace(/[^A-Za-z]/g, '')
    .slice(0, 6)
    .toUpperCase();
  const created = await owner.post('/api/v1/projects', { name, key });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const projectId: string = created.body.id;
  const base = `/api/v1/projects/${projectId}`;

  const configure = async (flag: FlagSetup, environment = 'production') => {
    const detail = await owner.get(`${base}/flags/${flag.key}`);
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    const current = detail.body.environments.find(
      (candidate: JsonBody) => candidate.environment === environment,
    );
    const put = await owner.put(
      `${base}/flags/${flag.key}/environments/${environment}`,
      {
        enabled: flag.enabled ?? true,
        rules: flag.rules ?? [],
        variants: flag.variants ?? [],
        defaultValue: flag.defaultValue ?? false,
      },
      { headers: { 'if-match': `"v${current.version}"` } },
    );
    expect(put.status, JSON.stringify(put.body)).toBe(200);
  };

  return {
    projectId,
    base,
    async createFlag(flag: FlagSetup, environment = 'production') {
      const created = await owner.post(`${base}/flags`, {
        key: flag.key,
        kind: 'release',
        valueType: flag.valueType ?? 'boolean',
        defaultValue: flag.defaultValue ?? false,
        ...(flag.variants?.length ? { variants: flag.variants } : {}),
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      await configure(flag, environment);
      if (flag.prerequisites?.length) {
        const set = await owner.put(`${base}/flags/${flag.key}/prerequisites`, {
          prerequisites: flag.prerequisites,
        });
        expect(set.status, JSON.stringify(set.body)).toBe(200);
      }
    },
    configure,
    async createSegment(name: string, constraints: unknown[]): Promise<number> {
      const created = await owner.post(`${base}/flag-segments`, { name, constraints });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return created.body.number;
    },
    async createSdkKey(kind: 'server' | 'client', environment = 'production') {
      const created = await owner.post(`${base}/flag-sdk-keys`, { environment, kind, name: `${kind} key` });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return { id: created.body.id as string, secret: created.body.secret as string };
    },
    async revokeSdkKey(id: string) {
      const revoked = await owner.delete(`${base}/flag-sdk-keys/${id}`);
      expect([200, 204]).toContain(revoked.status);
    },
  };
}

/** Calls an SDK endpoint in-process with the given headers (an SDK key, If-None-Match). */
export async function sdkCall(
  app: FastifyInstance,
  method: 'GET' | 'POST',
  url: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<Answer> {
  const response = await app.inject({
    method,
    url,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const type = String(response.headers['content-type'] ?? '');
  const parsed = type.includes('json') && response.body ? JSON.parse(response.body) : response.body;
  return { status: response.statusCode, body: parsed, headers: response.headers };
}

export const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

const rollout = (id: string, percentage: number, extra: Partial<TargetingRule> = {}): TargetingRule => ({
  id,
  constraints: [],
  segments: [],
  rollout: percentage,
  stickiness: 'default',
  groupId: '',
  ...extra,
});

/**
 * Flags covering what an SDK must evaluate the same way: constraints of several operators, a
 * segment, rollouts at 25 % and 100 %, weighted variants with an override, a prerequisite, a
 * disabled flag, and string and number flags.
 */
export function richFlagSet(segmentId: number): FlagSetup[] {
  const colours: Variant[] = [
    { name: 'red', value: 'red', weight: 500, stickiness: 'default' },
    { name: 'blue', value: 'blue', weight: 300, stickiness: 'default' },
    {
      name: 'green',
      value: 'green',
      weight: 200,
      stickiness: 'default',
      overrides: [{ contextName: 'userId', values: ['user-7', 'user-42'] }],
    },
  ];
  return [
    {
      key: 'checkout-v2',
      rules: [
        rollout('nordics', 100, {
          constraints: [
            { contextName: 'country', operator: 'IN', values: ['SE', 'NO', 'DK'] },
            {
              contextName: 'email',
              operator: 'STR_ENDS_WITH',
              values: ['@example.com'],
              caseInsensitive: true,
            },
          ],
        }),
        rollout('adults', 100, {
          constraints: [
            { contextName: 'age', operator: 'NUM_GTE', value: '40' },
            { contextName: 'appVersion', operator: 'SEMVER_GT', value: '2.3.0' },
          ],
        }),
      ],
    },
    { key: 'pro-reports', rules: [rollout('pro', 100, { segments: [segmentId] })] },
    { key: 'gradual-25', rules: [rollout('quarter', 25)] },
    { key: 'everyone', rules: [rollout('all', 100)] },
    {
      key: 'session-split',
      rules: [
        rollout('not-beta', 60, {
          stickiness: 'sessionId',
          groupId: 'sessions',
          constraints: [{ contextName: 'country', operator: 'NOT_IN', values: ['US'], inverted: false }],
        }),
      ],
    },
    {
      key: 'banner-colour',
      valueType: 'string',
      defaultValue: 'grey',
      variants: colours,
      rules: [rollout('all-colours', 100)],
    },
    {
      key: 'discount-percent',
      valueType: 'number',
      defaultValue: 0,
      variants: [
        { name: 'ten', value: 10, weight: 700, stickiness: 'default' },
        { name: 'twenty', value: 20, weight: 300, stickiness: 'default' },
      ],
      rules: [
        rollout('half', 50, {
          constraints: [{ contextName: 'plan', operator: 'IN', values: ['pro', 'free'] }],
        }),
      ],
    },
    {
      key: 'new-dashboard',
      rules: [rollout('dash', 50)],
      prerequisites: [{ flagKey: 'gradual-25', value: true }],
    },
    { key: 'switched-off', enabled: false, rules: [rollout('none', 100)] },
  ];
}

export const richSegment = {
  name: 'Paying customers',
  constraints: [{ contextName: 'plan', operator: 'IN', values: ['pro', 'enterprise'] }],
};

/** Deterministic varied ASCII contexts, in Unleash's shape (fields, then properties). */
export function generatedContexts(count: number) {
  const countries = ['SE', 'NO', 'DK', 'US', 'FR', 'DE'];
  const plans = ['free', 'pro', 'enterprise', 'trial'];
  return Array.from({ length: count }, (_, index) => ({
    userId: index % 13 === 0 ? `user-${index % 50}` : `u${(index * 7919) % 100_003}`,
    sessionId: `s-${(index * 104_729) % 1_000_003}`,
    properties: {
      country: countries[index % countries.length] ?? 'SE',
      plan: plans[(index >> 1) % plans.length] ?? 'free',
      email: index % 3 === 0 ? `person${index}@Example.com` : `person${index}@mail.test`,
      age: String(18 + (index % 60)),
      appVersion: `2.${index % 6}.${index % 4}`,
    },
  }));
}
