import type { Json, JsonObject, OperationRule } from '../types.ts';
import { withOperation } from './examples.ts';
import { shown } from './schema-values.ts';

/**
 * `x-stability-level` (oasdiff's extension): draft < alpha < beta < stable. An operation without one
 * is stable. Changes to draft and alpha operations are reported as INFO only (see report.ts); a
 * lower level is itself a change clients must hear about.
 */
const stabilityLevels = ['draft', 'alpha', 'beta', 'stable'] as const;
export type StabilityLevel = (typeof stabilityLevels)[number];

function isStabilityLevel(value: Json | undefined): value is StabilityLevel {
  return typeof value === 'string' && stabilityLevels.some((level) => level === value);
}

/** The stability an operation declares: `stable` when unset, null when the value is not a level. */
export function stabilityOf(operation: JsonObject): StabilityLevel | null {
  const value = operation['x-stability-level'];
  if (value === undefined) return 'stable';
  return isStabilityLevel(value) ? value : null;
}

function rank(level: StabilityLevel): number {
  return stabilityLevels.indexOf(level);
}

const listOrders = (level?: string) =>
  withOperation('get', '/orders', level === undefined ? {} : { 'x-stability-level': level });

function stabilityChange(base: JsonObject | undefined, revision: JsonObject | undefined) {
  if (!base || !revision) return null;
  const before = stabilityOf(base);
  const after = stabilityOf(revision);
  if (!before || !after || before === after) return null;
  return { before, after, direction: rank(after) < rank(before) ? 'decreased' : 'increased' };
}

export const stabilityRules: OperationRule[] = [
  {
    id: 'api-stability-decreased',
    level: 'ERR',
    section: 'operations',
    scope: 'operation',
    title: 'An operation became less stable',
    why: 'Clients chose the operation for the stability it promised (an operation without x-stability-level is stable); a lower level lets it change without notice. Keep the level, or offer the change as a new operation.',
    examples: {
      triggers: { base: listOrders(), revision: listOrders('beta') },
      nearMiss: { base: listOrders('beta'), revision: listOrders('stable') },
    },
    check: ({ base, revision }) => {
      const change = stabilityChange(base, revision);
      if (change?.direction !== 'decreased') return null;
      return {
        message: `stability decreased from ${change.before} to ${change.after}`,
        at: '/x-stability-level',
        before: change.before,
        after: change.after,
      };
    },
  },
  {
    id: 'api-stability-increased',
    level: 'INFO',
    section: 'operations',
    scope: 'operation',
    title: 'An operation became more stable',
    why: 'The operation now promises more: breaking changes to it will be reported at their full level from now on.',
    examples: {
      triggers: { base: listOrders('beta'), revision: listOrders('stable') },
      nearMiss: { base: listOrders(), revision: listOrders('beta') },
    },
    check: ({ base, revision }) => {
      const change = stabilityChange(base, revision);
      if (change?.direction !== 'increased') return null;
      return {
        message: `stability increased from ${change.before} to ${change.after}`,
        at: '/x-stability-level',
        before: change.before,
        after: change.after,
      };
    },
  },
  {
    id: 'api-invalid-stability-level',
    level: 'ERR',
    section: 'operations',
    scope: 'operation',
    title: 'An operation declares a stability level that is not one of draft, alpha, beta or stable',
    why: 'Tools (this one included) cannot tell how stable the operation is, so they cannot judge its changes fairly. Use one of draft, alpha, beta or stable.',
    examples: {
      triggers: { base: listOrders(), revision: listOrders('experimental') },
      nearMiss: { base: listOrders(), revision: listOrders('alpha') },
    },
    check: ({ base, revision }) => {
      if (!revision || stabilityOf(revision) !== null) return null;
      const value = revision['x-stability-level'];
      if (base && JSON.stringify(base['x-stability-level']) === JSON.stringify(value)) return null;
      return {
        message: `x-stability-level ${shown(value)} is not one of ${stabilityLevels.join(', ')}`,
        at: '/x-stability-level',
        ...(value !== undefined ? { after: value } : {}),
      };
    },
  },
];
