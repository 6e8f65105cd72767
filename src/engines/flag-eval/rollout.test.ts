import fc from 'fast-check';
import { normalizedStrategyValue } from 'unleash-client/lib/strategy/util.js';
import { describe, expect, it } from 'vitest';
import { compileRollout, inRollout } from './rollout.ts';

const userId = fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 24 });
const groupId = fc.string({ unit: 'binary-ascii', maxLength: 12 });
const hundredths = fc.integer({ min: 0, max: 10_000 });

describe('rollouts', () => {
  it('agree with Unleash at every whole percentage', () => {
    fc.assert(
      fc.property(userId, groupId, fc.integer({ min: 0, max: 100 }), (value, group, percentage) => {
        expect(inRollout(value, group, percentage)).toBe(
          percentage > 0 && normalizedStrategyValue(value, group) <= percentage,
        );
      }),
      { seed: 20, numRuns: 3000 },
    );
  });

  it('are monotonic: in at p means in at every q above p', () => {
    fc.assert(
      fc.property(userId, groupId, hundredths, hundredths, (value, group, a, b) => {
        const [low, high] = a <= b ? [a / 100, b / 100] : [b / 100, a / 100];
        if (inRollout(value, group, low)) expect(inRollout(value, group, high)).toBe(true);
      }),
      { seed: 20, numRuns: 5000 },
    );
  });

  it('admit the share of contexts they name, down to a hundredth of a percent', () => {
    const population = Array.from({ length: 200_000 }, (_, index) => `user-${index}`);
    fc.assert(
      fc.property(fc.constantFrom(0.01, 0.05, 0.25, 1.5, 12.34, 25, 50.5, 99.99), (percentage) => {
        const admitted = population.filter((value) => inRollout(value, 'accuracy', percentage)).length;
        const expected = (population.length * percentage) / 100;
        const sigma = Math.sqrt(expected * (1 - percentage / 100));
        expect(Math.abs(admitted - expected)).toBeLessThanOrEqual(5 * sigma + 1);
      }),
      { seed: 20, numRuns: 8 },
    );
  });

  it('admit nobody at 0 % and everybody with a stickiness value at 100 %', () => {
    fc.assert(
      fc.property(userId, groupId, (value, group) => {
        expect(inRollout(value, group, 0)).toBe(false);
        expect(inRollout(value, group, 100)).toBe(true);
      }),
      { seed: 20 },
    );
  });

  it('read stickiness as Unleash: default is userId, then sessionId, then random; other fields must be present', () => {
    const byUser = compileRollout(50, 'default', 'g');
    const bySession = compileRollout(50, 'sessionId', 'g');
    const byTenant = compileRollout(100, 'tenant', 'g');
    const users = Array.from({ length: 200 }, (_, index) => `u${index}`);
    for (const id of users) {
      expect(byUser({ userId: id, sessionId: 'fixed' })).toBe(inRollout(id, 'g', 50));
      expect(byUser({ targetingKey: id })).toBe(inRollout(id, 'g', 50));
      expect(byUser({ sessionId: id })).toBe(inRollout(id, 'g', 50));
      expect(bySession({ userId: 'fixed', sessionId: id })).toBe(inRollout(id, 'g', 50));
    }
    expect(byTenant({ userId: 'u1' })).toBe(false);
    expect(byTenant({ userId: 'u1', properties: { tenant: 'acme' } })).toBe(true);
    expect(byTenant({ userId: 'u1', tenant: 'acme' })).toBe(true);
    expect(compileRollout(100, 'random', 'g')({})).toBe(true);
    expect(compileRollout(0, 'random', 'g')({})).toBe(false);
    // With neither id, default stickiness draws at random: about half of many calls are in.
    const randomIn = Array.from({ length: 2000 }, () => byUser({})).filter(Boolean).length;
    expect(randomIn).toBeGreaterThan(800);
    expect(randomIn).toBeLessThan(1200);
  });
});
