/**
 * Rollout buckets. Whole percentages are Unleash's flexibleRollout exactly: a context is in when
 * normalizedHash(stickiness value, groupId, 100) <= percentage, and never at 0 %. Unleash stops at whole
 * percentages; finer steps (down to 0.01 %) split the next bucket up with a second, independent hash of
 * the same value: at 12.34 % a context is in when its bucket is 1..12, or when it is 13 and its second
 * bucket is 1..34. So every whole percentage agrees with Unleash's SDKs, each hundredth admits 1 in
 * 10,000 contexts, and ramps are monotonic: a context that is in at p stays in at every q > p.
 */
import { resolveContextValue, userIdOf } from './context.ts';
import { normalizedHash } from './hash.ts';
import type { EvaluationContext } from './model.ts';

/** Seed of the second bucket that splits a percentage into hundredths. */
export const FRACTION_SEED = 0x51f15eed;

/** The value a rollout buckets on, or undefined when the context has none (then it is not in). */
export type StickinessResolver = (context: EvaluationContext) => string | undefined;

function nonEmptyText(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '' || value === false || value === 0)
    return undefined;
  return String(value);
}

function randomValue(): string {
  return `${Math.round(Math.random() * 10000) + 1}`;
}

/** As Unleash: `default` is userId, then sessionId, then random; `random`; else the named field. */
export function rolloutStickiness(stickiness: string): StickinessResolver {
  if (stickiness === 'default' || stickiness === '') {
    return (context) => nonEmptyText(userIdOf(context)) ?? nonEmptyText(context.sessionId) ?? randomValue();
  }
  if (stickiness === 'random') return randomValue;
  return (context) => nonEmptyText(resolveContextValue(context, stickiness));
}

export type RolloutCheck = (context: EvaluationContext) => boolean;

/** Whether `value` falls within `percentage` (0..100, in hundredths) of group `groupId`. */
export function inRollout(value: string, groupId: string, percentage: number): boolean {
  const hundredths = Math.round(percentage * 100);
  if (hundredths <= 0) return false;
  const whole = Math.floor(hundredths / 100);
  const bucket = normalizedHash(value, groupId, 100);
  if (bucket <= whole) return true;
  const fraction = hundredths - whole * 100;
  return (
    fraction > 0 && bucket === whole + 1 && normalizedHash(value, groupId, 100, FRACTION_SEED) <= fraction
  );
}

export function compileRollout(percentage: number, stickiness: string, groupId: string): RolloutCheck {
  if (Math.round(percentage * 100) <= 0) return () => false;
  const resolve = rolloutStickiness(stickiness);
  return (context) => {
    const value = resolve(context);
    return value !== undefined && inRollout(value, groupId, percentage);
  };
}
