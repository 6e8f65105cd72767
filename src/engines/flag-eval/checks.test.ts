import { describe, expect, it } from 'vitest';
import { checkFlag, type FlagDefinition, type TargetingRule } from './index.ts';

function rule(id: string, extra: Partial<TargetingRule> = {}): TargetingRule {
  return { id, constraints: [], segments: [], rollout: 100, stickiness: 'default', groupId: '', ...extra };
}

function flag(extra: Partial<FlagDefinition> = {}): FlagDefinition {
  return {
    key: 'f',
    type: 'boolean',
    enabled: true,
    rules: [],
    variants: [],
    defaultValue: false,
    prerequisites: [],
    ...extra,
  };
}

const paths = (definition: FlagDefinition, segmentIds: number[] = []) =>
  checkFlag(
    definition,
    segmentIds.map((id) => ({ id, name: `s${id}`, constraints: [] })),
  ).map((problem) => problem.path);

describe('checkFlag', () => {
  it('accepts a sound flag', () => {
    const sound = flag({
      rules: [
        rule('a', {
          segments: [1],
          rollout: 12.34,
          constraints: [
            { contextName: 'email', operator: 'REGEX', value: '^a.*@corp\\.io$' },
            { contextName: 'appVersion', operator: 'SEMVER_GT', value: '1.2.3-beta.1' },
            { contextName: 'age', operator: 'NUM_GTE', value: '18' },
            { contextName: 'currentTime', operator: 'DATE_AFTER', value: '2030-01-01T00:00:00Z' },
            { contextName: 'country', operator: 'IN', values: ['NO'] },
          ],
        }),
      ],
    });
    expect(checkFlag(sound, [{ id: 1, name: 'one', constraints: [] }])).toEqual([]);
  });

  it('reports invalid constraint values with their paths', () => {
    const problems = paths(
      flag({
        rules: [
          rule('a', {
            constraints: [
              { contextName: 'email', operator: 'REGEX', value: '(' },
              { contextName: 'appVersion', operator: 'SEMVER_EQ', value: 'v1' },
              { contextName: 'age', operator: 'NUM_LT', value: 'ten' },
              { contextName: 'currentTime', operator: 'DATE_BEFORE', value: 'tomorrow' },
              { contextName: 'country', operator: 'IN', values: [' '] },
              { contextName: '', operator: 'NUM_EQ' },
              { contextName: 'email', operator: 'REGEX', value: 'a'.repeat(600) },
              { contextName: 'country', operator: 'NOT_IN', values: ['no'], caseInsensitive: true },
            ],
          }),
        ],
      }),
    );
    expect(problems).toEqual([
      '/rules/0/constraints/0/value',
      '/rules/0/constraints/1/value',
      '/rules/0/constraints/2/value',
      '/rules/0/constraints/3/value',
      '/rules/0/constraints/4/values',
      '/rules/0/constraints/5/contextName',
      '/rules/0/constraints/5/value',
      '/rules/0/constraints/6/value',
      '/rules/0/constraints/7/caseInsensitive',
    ]);
  });

  it('reports rollouts outside 0..100 or finer than 0.01, unknown segments and duplicate rule ids', () => {
    expect(
      paths(
        flag({
          rules: [rule('a', { rollout: 101 }), rule('a', { rollout: 0.001 }), rule('b', { segments: [7] })],
        }),
      ),
    ).toEqual(['/rules/0/rollout', '/rules/1/id', '/rules/1/rollout', '/rules/2/segments/0']);
    expect(paths(flag({ rules: [rule('a', { rollout: -1 })] }))).toEqual(['/rules/0/rollout']);
  });

  it('reports variants: missing on a non-boolean flag, wrong value type, bad weights, duplicate names', () => {
    expect(paths(flag({ type: 'string', defaultValue: 'x' }))).toEqual(['/variants']);
    expect(
      paths(
        flag({
          type: 'number',
          defaultValue: 'zero',
          variants: [
            { name: 'a', value: 'one', weight: 1 },
            { name: 'a', value: 2, weight: -1 },
          ],
        }),
      ),
    ).toEqual(['/variants/0/value', '/variants/1/name', '/variants/1/weight', '/defaultValue']);
    expect(paths(flag({ variants: [{ name: 'a', value: true, weight: 0 }] }))).toEqual(['/variants']);
    expect(
      paths(flag({ rules: [rule('r', { variants: [{ name: 'x', value: true, weight: 0 }] })] })),
    ).toEqual(['/rules/0/variants']);
  });

  it('reports a flag that depends on itself', () => {
    expect(paths(flag({ prerequisites: [{ flagKey: 'f', value: true }] }))).toEqual([
      '/prerequisites/0/flagKey',
    ]);
  });
});
