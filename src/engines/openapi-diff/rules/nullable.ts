import type { JsonObject, SchemaRule } from '../types.ts';
import { schemaFamily } from './family.ts';
import { isNullable } from './schema-values.ts';
import { bodyAndProperty, requestVariants, responseVariants } from './variants.ts';

/** The keyword that lets a schema take null: 3.0 `nullable`, 3.1 `type`, or `enum`. */
function nullKeyword(schema: JsonObject): string {
  if (schema.nullable === true) return '/nullable';
  return Array.isArray(schema.type) && schema.type.includes('null') ? '/type' : '/enum';
}

const text = { type: 'string' };
const nullableText = { type: ['string', 'null'] };
/** The same schema in 3.0 form: no change for a client. */
const nullableText30 = { type: 'string', nullable: true };

/** Whether null is a value: 3.0 `nullable: true`, 3.1 `type: [x, 'null']` and `null` in an enum read alike. */
export const nullableRules: SchemaRule[] = [
  ...schemaFamily({
    title: '{where} no longer takes null',
    why: 'Clients sending null (often to clear a value) will be refused. Clients must send a value, or leave the field out where that is allowed.',
    variants: requestVariants('became-not-nullable', 'ERR'),
    examples: { base: nullableText, triggers: text, nearMiss: nullableText30 },
    check: ({ base, revision }) =>
      isNullable(base) && !isNullable(revision) && { message: 'became not nullable', before: null },
  }),
  ...schemaFamily({
    title: '{where} now takes null',
    why: 'Every value clients sent before is still accepted. Nothing to do.',
    variants: requestVariants('became-nullable', 'INFO'),
    examples: { base: text, triggers: nullableText, nearMiss: { type: 'string', minLength: 1 } },
    check: ({ base, revision }) =>
      !isNullable(base) &&
      isNullable(revision) && { message: 'became nullable', at: nullKeyword(revision), after: null },
  }),
  ...schemaFamily({
    title: '{where} may now be null',
    why: 'Clients that read the value without checking for null fail on it, and generated models that declare it non-null refuse the response. Clients must handle null before the change ships.',
    variants: responseVariants('became-nullable', 'ERR', bodyAndProperty),
    examples: { base: text, triggers: nullableText, nearMiss: { type: 'string', minLength: 1 } },
    check: ({ base, revision }) =>
      !isNullable(base) &&
      isNullable(revision) && { message: 'became nullable', at: nullKeyword(revision), after: null },
  }),
  ...schemaFamily({
    title: '{where} is no longer null',
    why: 'Clients receive only values they already handle. Nothing to do; their null checks may stay.',
    variants: responseVariants('became-not-nullable', 'INFO', bodyAndProperty),
    examples: { base: nullableText, triggers: text, nearMiss: nullableText30 },
    check: ({ base, revision }) =>
      isNullable(base) && !isNullable(revision) && { message: 'became not nullable', before: null },
  }),
];
