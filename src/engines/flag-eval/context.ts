/**
 * Reading fields from an evaluation context the way Unleash does, widened for OpenFeature (OFREP) callers:
 * Unleash's named fields first, then `properties`, then any other top-level field (OFREP sends flat
 * contexts). `targetingKey` stands in for `userId` when `userId` is absent. (Unleash's Node SDK reads a
 * top-level field before `properties`; the two orders differ only for a context that carries the same
 * field both ways.)
 */
import type { EvaluationContext } from './model.ts';

const namedFields = new Set([
  'userId',
  'sessionId',
  'remoteAddress',
  'environment',
  'appName',
  'currentTime',
]);

function asText(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

/** The context's user id: `userId`, else OpenFeature's `targetingKey`. */
export function userIdOf(context: EvaluationContext): unknown {
  return context.userId ?? context.targetingKey;
}

/** The value of a context field as text, or undefined when the context does not carry it. */
export function resolveContextValue(context: EvaluationContext, field: string): string | undefined {
  if (field === 'userId') return asText(userIdOf(context));
  if (namedFields.has(field)) return asText(context[field]);
  const fromProperties = context.properties?.[field];
  if (fromProperties !== undefined && fromProperties !== null) return String(fromProperties);
  if (field === 'properties') return undefined;
  return asText(context[field]);
}
