/**
 * The snapshot as Unleash's client API serves it (`GET /api/client/features`, version 2), so that any
 * Unleash server-side SDK evaluates Shipshape's flags. Every rule becomes a flexibleRollout strategy
 * (rollout as a string, as Unleash sends it: a fractional rollout like "12.34" is bucketed by Unleash's
 * SDKs as its whole part, 12 %); a flag without rules gets one `default` strategy so it is on for everyone.
 *
 * Prerequisites become Unleash `dependencies`. Unleash's SDKs evaluate one level of dependencies only: a
 * parent that has dependencies of its own counts as not satisfied there. Chains of two or more levels
 * therefore evaluate fully only through Shipshape's own endpoints (OFREP and the evaluate API).
 */
import type {
  Constraint,
  EnvironmentSnapshot,
  FlagDefinition,
  FlagValue,
  Prerequisite,
  TargetingRule,
  Variant,
} from './model.ts';
import { sameValue } from './prerequisites.ts';

function unleashConstraint(constraint: Constraint): Record<string, unknown> {
  const exported: Record<string, unknown> = {
    contextName: constraint.contextName,
    operator: constraint.operator,
    // Unleash's SDKs read `values` for every operator, so it must always be a list.
    values: constraint.values ?? [],
    inverted: constraint.inverted === true,
    caseInsensitive: constraint.caseInsensitive === true,
  };
  if (constraint.value !== undefined) exported.value = constraint.value;
  return exported;
}

function unleashPayload(flag: FlagDefinition, value: FlagValue): { type: string; value: string } | undefined {
  switch (flag.type) {
    case 'string':
      return { type: 'string', value: String(value) };
    case 'number':
      return { type: 'number', value: String(value) };
    case 'json':
      return { type: 'json', value: JSON.stringify(value) };
    default:
      return undefined;
  }
}

function unleashVariant(flag: FlagDefinition, variant: Variant, stickiness: string): Record<string, unknown> {
  const exported: Record<string, unknown> = {
    name: variant.name,
    weight: variant.weight,
    weightType: 'variable',
    stickiness: variant.stickiness || stickiness,
  };
  const payload = unleashPayload(flag, variant.value);
  if (payload !== undefined) exported.payload = payload;
  if (variant.overrides && variant.overrides.length > 0) {
    exported.overrides = variant.overrides.map((override) => ({
      contextName: override.contextName,
      values: override.values,
    }));
  }
  return exported;
}

function unleashStrategy(flag: FlagDefinition, rule: TargetingRule): Record<string, unknown> {
  const stickiness = rule.stickiness || 'default';
  const variants = rule.variants ?? [];
  // Unleash takes the variant stickiness from the first variant, else the strategy's.
  const variantStickiness = variants[0]?.stickiness || stickiness;
  return {
    id: rule.id,
    name: 'flexibleRollout',
    ...(rule.name ? { title: rule.name } : {}),
    disabled: false,
    parameters: { rollout: String(rule.rollout), stickiness, groupId: rule.groupId || flag.key },
    constraints: rule.constraints.map(unleashConstraint),
    segments: rule.segments,
    variants: variants.map((variant) => unleashVariant(flag, variant, variantStickiness)),
  };
}

function strategiesOf(flag: FlagDefinition): Record<string, unknown>[] {
  if (flag.rules.length === 0)
    return [{ name: 'default', parameters: {}, constraints: [], segments: [], variants: [] }];
  const active = flag.rules.filter((rule) => rule.disabled !== true);
  if (active.length > 0) return active.map((rule) => unleashStrategy(flag, rule));
  // Only disabled rules: nobody is selected. An empty strategy list would mean "on for everyone" to Unleash.
  const nobody = { rollout: '0', stickiness: 'default', groupId: flag.key };
  return [{ name: 'flexibleRollout', parameters: nobody, constraints: [], segments: [], variants: [] }];
}

/** Names of the parent's variants (its own and its rules') that serve `value`. */
function variantsServing(parent: FlagDefinition | undefined, value: FlagValue): string[] {
  if (parent === undefined) return [];
  const all = [...parent.variants, ...parent.rules.flatMap((rule) => rule.variants ?? [])];
  return [
    ...new Set(all.filter((variant) => sameValue(variant.value, value)).map((variant) => variant.name)),
  ];
}

function unleashDependency(
  prerequisite: Prerequisite,
  flags: ReadonlyMap<string, FlagDefinition>,
): Record<string, unknown> {
  if (typeof prerequisite.value === 'boolean')
    return { feature: prerequisite.flagKey, enabled: prerequisite.value };
  const variants = variantsServing(flags.get(prerequisite.flagKey), prerequisite.value);
  // No variant serves the value: a name no variant has keeps the dependency unsatisfied, as in Shipshape.
  return {
    feature: prerequisite.flagKey,
    enabled: true,
    variants: variants.length > 0 ? variants : ['\u0000none'],
  };
}

function unleashFeature(
  flag: FlagDefinition,
  flags: ReadonlyMap<string, FlagDefinition>,
): Record<string, unknown> {
  const flagStickiness = flag.variants[0]?.stickiness || 'default';
  return {
    name: flag.key,
    type: 'release',
    enabled: flag.enabled,
    project: 'default',
    stale: false,
    impressionData: false,
    strategies: strategiesOf(flag),
    variants: flag.variants.map((variant) => unleashVariant(flag, variant, flagStickiness)),
    dependencies: flag.prerequisites.map((prerequisite) => unleashDependency(prerequisite, flags)),
  };
}

export function toUnleashFeatures(snapshot: EnvironmentSnapshot): {
  version: 2;
  features: unknown[];
  segments: unknown[];
} {
  const flags = new Map(snapshot.flags.map((flag) => [flag.key, flag]));
  return {
    version: 2,
    features: snapshot.flags.map((flag) => unleashFeature(flag, flags)),
    segments: snapshot.segments.map((segment) => ({
      id: segment.id,
      name: segment.name,
      constraints: segment.constraints.map(unleashConstraint),
    })),
  };
}
