import type { Json, JsonObject, RuleReport, SecuritySchemeRule } from '../types.ts';
import { withOperation } from './examples.ts';

// What the security scheme rules share: a scheme's context, the check of a kept scheme, the examples' document.

export type SchemeContext = Parameters<SecuritySchemeRule['check']>[1];

/** A check of a scheme present on both sides with the same type (or any type, for `type`). */
export function onKept(
  check: (base: JsonObject, revision: JsonObject, context: SchemeContext) => RuleReport,
  sameType = true,
): SecuritySchemeRule['check'] {
  return ({ base, revision }, context) => {
    if (!base || !revision || (sameType && base.type !== revision.type)) return null;
    return check(base, revision, context);
  };
}

/** `GET /orders` with the given security schemes, used by the given top-level requirements. */
export const withSchemes = (securitySchemes: JsonObject, security: Json[] = []) =>
  withOperation(
    'get',
    '/orders',
    {},
    { components: { securitySchemes }, ...(security.length ? { security } : {}) },
  );
