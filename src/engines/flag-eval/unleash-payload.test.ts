import { describe, expect, it } from 'vitest';
import { type EnvironmentSnapshot, toUnleashFeatures } from './index.ts';

const snapshot: EnvironmentSnapshot = {
  environment: 'production',
  segments: [
    { id: 3, name: 'norway', constraints: [{ contextName: 'country', operator: 'IN', values: ['NO'] }] },
  ],
  flags: [
    {
      key: 'simple',
      type: 'boolean',
      enabled: true,
      rules: [],
      variants: [],
      defaultValue: false,
      prerequisites: [],
    },
    {
      key: 'banner',
      type: 'string',
      enabled: false,
      rules: [
        {
          id: 'r1',
          name: 'Norway first',
          constraints: [{ contextName: 'appVersion', operator: 'SEMVER_GT', value: '1.0.0', inverted: true }],
          segments: [3],
          rollout: 12.5,
          stickiness: 'tenant',
          groupId: '',
          variants: [{ name: 'gold', value: 'gold', weight: 1 }],
        },
      ],
      variants: [
        { name: 'red', value: 'red', weight: 1000, overrides: [{ contextName: 'userId', values: ['u1'] }] },
      ],
      defaultValue: 'none',
      prerequisites: [{ flagKey: 'simple', value: true }],
    },
    {
      key: 'layout',
      type: 'json',
      enabled: true,
      rules: [],
      variants: [{ name: 'grid', value: { columns: 3 }, weight: 1, stickiness: 'sessionId' }],
      defaultValue: {},
      prerequisites: [
        { flagKey: 'banner', value: 'red' },
        { flagKey: 'simple', value: false },
      ],
    },
  ],
};

describe('toUnleashFeatures', () => {
  const payload = toUnleashFeatures(snapshot);

  it('serves version 2 with the segments', () => {
    expect(payload.version).toBe(2);
    expect(payload.segments).toEqual([
      {
        id: 3,
        name: 'norway',
        constraints: [
          { contextName: 'country', operator: 'IN', values: ['NO'], inverted: false, caseInsensitive: false },
        ],
      },
    ]);
  });

  it('gives a flag without rules one default strategy', () => {
    expect(payload.features[0]).toEqual({
      name: 'simple',
      type: 'release',
      enabled: true,
      project: 'default',
      stale: false,
      impressionData: false,
      strategies: [{ name: 'default', parameters: {}, constraints: [], segments: [], variants: [] }],
      variants: [],
      dependencies: [],
    });
  });

  it('turns rules into flexibleRollout strategies, variants with payloads, prerequisites into dependencies', () => {
    expect(payload.features[1]).toEqual({
      name: 'banner',
      type: 'release',
      enabled: false,
      project: 'default',
      stale: false,
      impressionData: false,
      strategies: [
        {
          id: 'r1',
          name: 'flexibleRollout',
          title: 'Norway first',
          disabled: false,
          parameters: { rollout: '12.5', stickiness: 'tenant', groupId: 'banner' },
          constraints: [
            {
              contextName: 'appVersion',
              operator: 'SEMVER_GT',
              values: [],
              value: '1.0.0',
              inverted: true,
              caseInsensitive: false,
            },
          ],
          segments: [3],
          variants: [
            {
              name: 'gold',
              weight: 1,
              weightType: 'variable',
              stickiness: 'tenant',
              payload: { type: 'string', value: 'gold' },
            },
          ],
        },
      ],
      variants: [
        {
          name: 'red',
          weight: 1000,
          weightType: 'variable',
          stickiness: 'default',
          payload: { type: 'string', value: 'red' },
          overrides: [{ contextName: 'userId', values: ['u1'] }],
        },
      ],
      dependencies: [{ feature: 'simple', enabled: true }],
    });
  });

  it('names the variants that serve a required value, and serialises json payloads', () => {
    expect(payload.features[2]).toMatchObject({
      variants: [
        { name: 'grid', stickiness: 'sessionId', payload: { type: 'json', value: '{"columns":3}' } },
      ],
      dependencies: [
        { feature: 'banner', enabled: true, variants: ['red'] },
        { feature: 'simple', enabled: false },
      ],
    });
  });
});
