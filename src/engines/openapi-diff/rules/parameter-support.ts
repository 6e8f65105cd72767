import type { JsonObject, ParameterRule, RuleReport } from '../types.ts';

// What the parameter rules share: a parameter's context, how a finding names it, and the examples' limit.

export type ParameterContext = Parameters<ParameterRule['check']>[1];

export const isRequired = (parameter: JsonObject) => parameter.required === true;
export const where = (context: ParameterContext) => `${context.in} parameter ${context.name}`;

/** A check of a parameter present on both sides. */
export function onKept(
  check: (base: JsonObject, revision: JsonObject, context: ParameterContext) => RuleReport,
): ParameterRule['check'] {
  return ({ base, revision }, context) => (base && revision ? check(base, revision, context) : null);
}

/** A query parameter of the examples. */
export const limit = (members: JsonObject = {}) =>
  ({ name: 'limit', in: 'query', schema: { type: 'integer' }, ...members }) satisfies JsonObject;
