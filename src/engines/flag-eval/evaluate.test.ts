import { describe, expect, it } from 'vitest';
import {
  compileSnapshot,
  type EnvironmentSnapshot,
  evaluateAll,
  evaluateFlag,
  type FlagDefinition,
  findPrerequisiteCycle,
  type TargetingRule,
} from './index.ts';
import { inRollout } from './rollout.ts';

function rule(id: string, extra: Partial<TargetingRule> = {}): TargetingRule {
  return { id, constraints: [], segments: [], rollout: 100, stickiness: 'default', groupId: '', ...extra };
}

function flag(key: string, extra: Partial<FlagDefinition> = {}): FlagDefinition {
  return {
    key,
    type: 'boolean',
    enabled: true,
    rules: [],
    variants: [],
    defaultValue: false,
    prerequisites: [],
    ...extra,
  };
}

function compile(flags: FlagDefinition[], segments: EnvironmentSnapshot['segments'] = []) {
  return compileSnapshot({ environment: 'production', flags, segments });
}

const fromNorway = { contextName: 'country', operator: 'IN' as const, values: ['NO'] };
const norwegian = { userId: 'u1', properties: { country: 'NO' } };

describe('reasons', () => {
  it('DISABLED: a flag that is off serves its default value', () => {
    const compiled = compile([flag('f', { enabled: false, defaultValue: false })]);
    expect(evaluateFlag(compiled, 'f', norwegian)).toEqual({
      key: 'f',
      value: false,
      variant: 'off',
      reason: 'DISABLED',
    });
  });

  it('STATIC: a flag without rules is on for everyone', () => {
    const compiled = compile([flag('f')]);
    expect(evaluateFlag(compiled, 'f', {})).toEqual({
      key: 'f',
      value: true,
      variant: 'on',
      reason: 'STATIC',
    });
  });

  it('TARGETING_MATCH at 100 %, SPLIT below, naming the rule; DEFAULT when no rule selects', () => {
    const compiled = compile([
      flag('f', { rules: [rule('norway', { constraints: [fromNorway] }), rule('some', { rollout: 50 })] }),
    ]);
    expect(evaluateFlag(compiled, 'f', norwegian)).toMatchObject({
      value: true,
      reason: 'TARGETING_MATCH',
      ruleId: 'norway',
    });
    const users = Array.from({ length: 100 }, (_, index) => `user-${index}`);
    const inHalf = users.find((userId) => inRollout(userId, 'f', 50));
    const outOfHalf = users.find((userId) => !inRollout(userId, 'f', 50));
    expect(evaluateFlag(compiled, 'f', { userId: inHalf })).toMatchObject({
      value: true,
      reason: 'SPLIT',
      ruleId: 'some',
    });
    expect(evaluateFlag(compiled, 'f', { userId: outOfHalf })).toEqual({
      key: 'f',
      value: false,
      variant: 'off',
      reason: 'DEFAULT',
    });
  });

  it('ERROR FLAG_NOT_FOUND for an unknown key', () => {
    expect(evaluateFlag(compile([]), 'nope', {})).toMatchObject({
      value: null,
      reason: 'ERROR',
      errorCode: 'FLAG_NOT_FOUND',
    });
  });

  it('skips disabled rules; only disabled rules select nobody', () => {
    const compiled = compile([
      flag('f', { rules: [rule('off', { disabled: true }), rule('norway', { constraints: [fromNorway] })] }),
      flag('g', { rules: [rule('off', { disabled: true })] }),
    ]);
    expect(evaluateFlag(compiled, 'f', norwegian)).toMatchObject({
      reason: 'TARGETING_MATCH',
      ruleId: 'norway',
    });
    expect(evaluateFlag(compiled, 'g', norwegian)).toMatchObject({ reason: 'DEFAULT' });
  });

  it('a rule naming a missing segment or an invalid regex never selects, and compiling does not throw', () => {
    const compiled = compile([
      flag('f', {
        rules: [
          rule('ghost', { segments: [99] }),
          rule('bad', { constraints: [{ contextName: 'userId', operator: 'REGEX', value: '(' }] }),
        ],
      }),
    ]);
    expect(evaluateFlag(compiled, 'f', { userId: '(' })).toMatchObject({ reason: 'DEFAULT' });
  });

  it('segments: every segment of a rule must hold, with the rule constraints', () => {
    const segments = [
      { id: 1, name: 'norway', constraints: [fromNorway] },
      {
        id: 2,
        name: 'pro',
        constraints: [{ contextName: 'plan', operator: 'IN' as const, values: ['pro'] }],
      },
    ];
    const compiled = compile([flag('f', { rules: [rule('r', { segments: [1, 2] })] })], segments);
    expect(evaluateFlag(compiled, 'f', { properties: { country: 'NO', plan: 'pro' } }).reason).toBe(
      'TARGETING_MATCH',
    );
    expect(evaluateFlag(compiled, 'f', { properties: { country: 'NO', plan: 'free' } }).reason).toBe(
      'DEFAULT',
    );
  });
});

describe('variants', () => {
  const colours = [
    { name: 'red', value: 'red', weight: 1, overrides: [{ contextName: 'userId', values: ['vip'] }] },
    { name: 'blue', value: 'blue', weight: 1 },
  ];

  it('a string flag serves its chosen variant value, its default when unmatched', () => {
    const compiled = compile([
      flag('f', {
        type: 'string',
        defaultValue: 'none',
        variants: colours,
        rules: [rule('r', { constraints: [fromNorway] })],
      }),
    ]);
    const served = evaluateFlag(compiled, 'f', norwegian);
    expect(['red', 'blue']).toContain(served.value);
    expect(served.variant).toBe(served.value);
    expect(evaluateFlag(compiled, 'f', { userId: 'u1' })).toEqual({
      key: 'f',
      value: 'none',
      reason: 'DEFAULT',
    });
  });

  it('overrides pin a variant ahead of the weighted choice', () => {
    const compiled = compile([flag('f', { type: 'string', defaultValue: 'none', variants: colours })]);
    expect(evaluateFlag(compiled, 'f', { userId: 'vip' })).toMatchObject({ value: 'red', reason: 'STATIC' });
  });

  it('a rule with variants serves them; a rule without serves the flag variants', () => {
    const ruleVariants = [{ name: 'gold', value: 'gold', weight: 1 }];
    const compiled = compile([
      flag('f', {
        type: 'string',
        defaultValue: 'none',
        variants: [{ name: 'plain', value: 'plain', weight: 1 }],
        rules: [rule('norway', { constraints: [fromNorway], variants: ruleVariants }), rule('rest')],
      }),
    ]);
    expect(evaluateFlag(compiled, 'f', norwegian)).toMatchObject({
      value: 'gold',
      variant: 'gold',
      ruleId: 'norway',
    });
    expect(evaluateFlag(compiled, 'f', { userId: 'u2' })).toMatchObject({
      value: 'plain',
      variant: 'plain',
      ruleId: 'rest',
    });
  });

  it('a boolean flag is true or false, and names the variant when it has variants', () => {
    const compiled = compile([
      flag('f', { variants: [{ name: 'treatment', value: true, weight: 1 }] }),
      flag('g', { enabled: false, variants: [{ name: 'treatment', value: true, weight: 1 }] }),
    ]);
    expect(evaluateFlag(compiled, 'f', { userId: 'u1' })).toMatchObject({
      value: true,
      variant: 'treatment',
    });
    expect(evaluateFlag(compiled, 'g', { userId: 'u1' })).toMatchObject({ value: false, variant: 'off' });
  });

  it('number and json flags serve their values; the choice is sticky', () => {
    const compiled = compile([
      flag('n', { type: 'number', defaultValue: 0, variants: [{ name: 'ten', value: 10, weight: 1 }] }),
      flag('j', {
        type: 'json',
        defaultValue: {},
        variants: [
          { name: 'a', value: { size: 1 }, weight: 1 },
          { name: 'b', value: [1, 2], weight: 1 },
        ],
      }),
    ]);
    expect(evaluateFlag(compiled, 'n', {})).toMatchObject({ value: 10, variant: 'ten' });
    const first = evaluateFlag(compiled, 'j', { userId: 'u7' });
    for (let round = 0; round < 5; round++)
      expect(evaluateFlag(compiled, 'j', { userId: 'u7' })).toEqual(first);
  });
});

describe('prerequisites', () => {
  it('PREREQUISITE_FAILED names the prerequisite that is not met', () => {
    const compiled = compile([
      flag('parent', { rules: [rule('norway', { constraints: [fromNorway] })] }),
      flag('child', { prerequisites: [{ flagKey: 'parent', value: true }] }),
      flag('opposite', { prerequisites: [{ flagKey: 'parent', value: false }] }),
    ]);
    expect(evaluateFlag(compiled, 'child', norwegian)).toMatchObject({ value: true, reason: 'STATIC' });
    expect(evaluateFlag(compiled, 'child', { userId: 'u1' })).toEqual({
      key: 'child',
      value: false,
      variant: 'off',
      reason: 'PREREQUISITE_FAILED',
      failedPrerequisite: 'parent',
    });
    expect(evaluateFlag(compiled, 'opposite', { userId: 'u1' }).reason).toBe('STATIC');
    expect(evaluateFlag(compiled, 'opposite', norwegian).reason).toBe('PREREQUISITE_FAILED');
  });

  it('evaluate to any depth, and compare variant values', () => {
    const compiled = compile([
      flag('a', { rules: [rule('norway', { constraints: [fromNorway] })] }),
      flag('b', {
        type: 'string',
        defaultValue: 'x',
        variants: [{ name: 'v', value: 'v', weight: 1 }],
        prerequisites: [{ flagKey: 'a', value: true }],
      }),
      flag('c', { prerequisites: [{ flagKey: 'b', value: 'v' }] }),
      flag('d', { prerequisites: [{ flagKey: 'c', value: true }] }),
      flag('e', { prerequisites: [{ flagKey: 'missing', value: true }] }),
    ]);
    expect(evaluateFlag(compiled, 'd', norwegian).reason).toBe('STATIC');
    expect(evaluateFlag(compiled, 'd', { userId: 'u1' })).toMatchObject({
      reason: 'PREREQUISITE_FAILED',
      failedPrerequisite: 'c',
    });
    expect(evaluateFlag(compiled, 'e', {})).toMatchObject({
      reason: 'PREREQUISITE_FAILED',
      failedPrerequisite: 'missing',
    });
  });

  it('a cycle at evaluation time is an ERROR for every flag that reaches it', () => {
    const compiled = compile([
      flag('a', { prerequisites: [{ flagKey: 'b', value: true }] }),
      flag('b', { prerequisites: [{ flagKey: 'a', value: true }] }),
      flag('c', { prerequisites: [{ flagKey: 'a', value: true }] }),
      flag('self', { prerequisites: [{ flagKey: 'self', value: true }] }),
    ]);
    expect(evaluateFlag(compiled, 'a', {})).toMatchObject({
      reason: 'ERROR',
      errorCode: 'GENERAL',
      value: false,
    });
    expect(evaluateFlag(compiled, 'a', {}).errorMessage).toContain('a → b → a');
    expect(evaluateFlag(compiled, 'c', {}).reason).toBe('ERROR');
    expect(evaluateFlag(compiled, 'self', {}).reason).toBe('ERROR');
    expect(evaluateAll(compiled, {}).map((evaluation) => evaluation.reason)).toEqual([
      'ERROR',
      'ERROR',
      'ERROR',
      'ERROR',
    ]);
  });

  it('findPrerequisiteCycle returns the path that closes a cycle', () => {
    const edges = (key: string, ...on: string[]) => ({
      key,
      prerequisites: on.map((flagKey) => ({ flagKey })),
    });
    expect(findPrerequisiteCycle([edges('a', 'b'), edges('b', 'c'), edges('c')])).toBeNull();
    expect(findPrerequisiteCycle([edges('a', 'b'), edges('b', 'a')])).toEqual(['a', 'b', 'a']);
    expect(
      findPrerequisiteCycle([edges('x', 'a'), edges('a', 'b'), edges('b', 'c'), edges('c', 'a')]),
    ).toEqual(['a', 'b', 'c', 'a']);
    expect(findPrerequisiteCycle([edges('s', 's')])).toEqual(['s', 's']);
    expect(findPrerequisiteCycle([edges('a', 'gone')])).toBeNull();
  });
});

describe('evaluateAll', () => {
  it('answers every flag in snapshot order', () => {
    const compiled = compile([flag('b'), flag('a', { enabled: false })]);
    expect(compiled.keys).toEqual(['b', 'a']);
    expect(compiled.environment).toBe('production');
    expect(evaluateAll(compiled, {}).map((evaluation) => [evaluation.key, evaluation.reason])).toEqual([
      ['b', 'STATIC'],
      ['a', 'DISABLED'],
    ]);
  });
});
