import type { BothSides, JsonObject, ReportDetail, SchemaRule } from '../types.ts';
import { schemaFamily } from './family.ts';
import { admitsType, typeSet } from './schema-values.ts';
import { bodyAndProperty, requestVariants, responseVariants } from './variants.ts';

/** The keyword that closes an object to undeclared properties, or null when it is open. */
function closingKeyword(schema: JsonObject): string | null {
  if (schema.additionalProperties === false) return 'additionalProperties';
  return schema.unevaluatedProperties === false ? 'unevaluatedProperties' : null;
}

/** A check reporting an object schema that closed (`to: 'closed'`) or opened to undeclared properties. */
function became(to: 'closed' | 'open') {
  return ({ base, revision }: BothSides<JsonObject>): ReportDetail | null => {
    if (!admitsType(typeSet(revision), 'object')) return null;
    const before = closingKeyword(base);
    const after = closingKeyword(revision);
    if (to === 'closed' && before === null && after !== null) {
      return { message: 'undeclared properties no longer allowed', at: `/${after}`, after: false };
    }
    if (to === 'open' && before !== null && after === null) {
      return { message: 'undeclared properties now allowed', at: `/${before}`, before: false };
    }
    return null;
  };
}

const open = { type: 'object', properties: { id: { type: 'string' } } };
const closed = { ...open, additionalProperties: false };
const openToStrings = { ...open, additionalProperties: { type: 'string' } };

/** Whether an object takes properties it does not declare (`additionalProperties`, 3.1 `unevaluatedProperties`). */
export const additionalPropertyRules: SchemaRule[] = [
  ...schemaFamily({
    title: '{where} no longer allows undeclared properties',
    why: 'Requests from clients that send properties the schema does not declare (extra fields, map entries) will be refused. Clients must send only the declared properties.',
    variants: requestVariants('additional-properties-disallowed', 'ERR', bodyAndProperty),
    examples: { base: open, triggers: closed, nearMiss: openToStrings },
    check: became('closed'),
  }),
  ...schemaFamily({
    title: '{where} now allows undeclared properties',
    why: 'Every request clients sent before is still accepted. Nothing to do.',
    variants: requestVariants('additional-properties-allowed', 'INFO', bodyAndProperty),
    examples: { base: closed, triggers: open, nearMiss: { ...closed, maxProperties: 10 } },
    check: became('open'),
  }),
  ...schemaFamily({
    title: '{where} may now hold undeclared properties',
    why: 'Clients may receive properties the schema does not declare. Clients should ignore properties they do not know; strict deserializers must be set to.',
    variants: responseVariants('additional-properties-allowed', 'INFO', bodyAndProperty),
    examples: { base: closed, triggers: openToStrings, nearMiss: { ...closed, maxProperties: 10 } },
    check: became('open'),
  }),
  ...schemaFamily({
    title: '{where} no longer holds undeclared properties',
    why: 'Clients receive only the declared properties, which they already handle. Nothing to do.',
    variants: responseVariants('additional-properties-disallowed', 'INFO', bodyAndProperty),
    examples: { base: open, triggers: closed, nearMiss: openToStrings },
    check: became('closed'),
  }),
];
