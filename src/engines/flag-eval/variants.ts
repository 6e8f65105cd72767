/**
 * The weighted variant choice, as Unleash's lib/variant.js: no choice when the total weight is not
 * positive; overrides first (the first variant with an override listing the context's value); otherwise
 * the variant whose cumulative weight first reaches normalizedHash(stickiness value, groupId, total weight,
 * VARIANT_SEED). Stickiness `default` is userId, then sessionId, then remoteAddress, then random.
 */
import { resolveContextValue, userIdOf } from './context.ts';
import { normalizedHash, VARIANT_SEED } from './hash.ts';
import type { EvaluationContext, Variant } from './model.ts';

export interface VariantChooser {
  /** The variants, in order. */
  readonly variants: readonly Variant[];
  choose(context: EvaluationContext): Variant | null;
}

function randomSeed(): string {
  return String(Math.round(Math.random() * 100000));
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function variantSeed(stickiness: string): (context: EvaluationContext) => string {
  if (stickiness === 'default' || stickiness === '') {
    return (context) =>
      nonEmptyString(userIdOf(context)) ??
      nonEmptyString(context.sessionId) ??
      nonEmptyString(context.remoteAddress) ??
      randomSeed();
  }
  return (context) => resolveContextValue(context, stickiness) || randomSeed();
}

function findOverride(variants: readonly Variant[], context: EvaluationContext): Variant | undefined {
  for (const variant of variants) {
    for (const override of variant.overrides ?? []) {
      const value = resolveContextValue(context, override.contextName);
      if (value !== undefined && override.values.includes(value)) return variant;
    }
  }
  return undefined;
}

/**
 * A chooser over `variants`, bucketed within `groupId`. Stickiness: the first variant's, else
 * `fallbackStickiness` (a rule's stickiness for rule variants, `default` for the flag's own).
 */
export function compileVariants(
  variants: readonly Variant[],
  groupId: string,
  fallbackStickiness: string,
): VariantChooser {
  const totalWeight = variants.reduce((sum, variant) => sum + variant.weight, 0);
  const seedOf = variantSeed(variants[0]?.stickiness || fallbackStickiness);
  const hasOverrides = variants.some((variant) => (variant.overrides?.length ?? 0) > 0);
  const choose = (context: EvaluationContext): Variant | null => {
    if (!(totalWeight > 0)) return null;
    if (hasOverrides) {
      const pinned = findOverride(variants, context);
      if (pinned !== undefined) return pinned;
    }
    const target = normalizedHash(seedOf(context), groupId, totalWeight, VARIANT_SEED);
    let cumulative = 0;
    for (const variant of variants) {
      if (variant.weight === 0) continue;
      cumulative += variant.weight;
      if (cumulative >= target) return variant;
    }
    return null;
  };
  return { variants, choose };
}
