import type { BothSides, Json, JsonObject, ReportDetail, SchemaRule } from '../types.ts';
import { schemaFamily } from './family.ts';
import {
  enumValuesWithoutNull,
  extensibleEnumValues,
  missingFrom,
  shown,
  shownList,
} from './schema-values.ts';
import { bodyAndProperty, requestVariants, responseVariants } from './variants.ts';

/** Where a schema's closed list of values lives: `enum`, or `const` as a list of one. */
function enumPointer(schema: JsonObject): string {
  return Array.isArray(schema.enum) ? '/enum' : '/const';
}

/** The values one side lists and the other does not, each a finding of its own. */
function valuesOnlyIn(
  { base, revision }: BothSides<JsonObject>,
  listOf: (schema: JsonObject) => Json[] | null,
  change: { side: 'base' | 'revision'; at: (schemas: BothSides<JsonObject>) => string; words: string },
): ReportDetail[] | null {
  const before = listOf(base);
  const after = listOf(revision);
  if (before === null || after === null) return null;
  const values = change.side === 'base' ? missingFrom(before, after) : missingFrom(after, before);
  return values.map((value) => ({
    message: `${change.words} ${shown(value)} ${change.side === 'base' ? 'removed' : 'added'}`,
    at: change.at({ base, revision }),
    ...(change.side === 'base' ? { before: value } : { after: value }),
  }));
}

const removedEnumValues = (schemas: BothSides<JsonObject>) =>
  valuesOnlyIn(schemas, enumValuesWithoutNull, {
    side: 'base',
    at: ({ base }) => enumPointer(base),
    words: 'enum value',
  });
const addedEnumValues = (schemas: BothSides<JsonObject>) =>
  valuesOnlyIn(schemas, enumValuesWithoutNull, {
    side: 'revision',
    at: ({ revision }) => enumPointer(revision),
    words: 'enum value',
  });
const extensible = (side: 'base' | 'revision') => (schemas: BothSides<JsonObject>) =>
  valuesOnlyIn(schemas, extensibleEnumValues, {
    side,
    at: () => '/x-extensible-enum',
    words: 'x-extensible-enum value',
  });

const abc = { type: 'string', enum: ['a', 'b', 'c'] };
const letters = (...values: string[]) => ({ type: 'string', enum: values });
const openLetters = (...values: string[]) => ({ type: 'string', 'x-extensible-enum': values });

/** Closed enums (`enum`, `const`) and Zalando's open `x-extensible-enum`; `null` is left to the nullable rules. */
export const enumRules: SchemaRule[] = [
  ...schemaFamily({
    title: 'An enum value of {where} was removed',
    why: 'Clients sending the removed value will be refused. Clients must stop sending it; deprecate the value in its description first.',
    variants: requestVariants('enum-value-removed', 'ERR'),
    examples: { base: abc, triggers: letters('a', 'b'), nearMiss: letters('a', 'b', 'c', 'd') },
    check: removedEnumValues,
  }),
  ...schemaFamily({
    title: 'An enum value was added to {where}',
    why: 'Every value clients sent before is still accepted. Nothing to do.',
    variants: requestVariants('enum-value-added', 'INFO'),
    examples: { base: abc, triggers: letters('a', 'b', 'c', 'd'), nearMiss: letters('a', 'b') },
    check: addedEnumValues,
  }),
  ...schemaFamily({
    title: '{where} was restricted to a list of values',
    why: 'Clients sending any value outside the new list will be refused. Clients must send only the listed values.',
    variants: requestVariants('became-enum', 'ERR'),
    examples: { base: { type: 'string' }, triggers: letters('a', 'b'), nearMiss: openLetters('a', 'b') },
    check: ({ base, revision }) => {
      const after = enumValuesWithoutNull(revision);
      if (enumValuesWithoutNull(base) !== null || after === null) return null;
      return { message: `restricted to ${shownList(after)}`, at: enumPointer(revision), after };
    },
  }),
  ...schemaFamily({
    title: 'An enum value was added to {where}',
    why: 'Clients that switch over the listed values meet one they do not know, and generated enums fail to parse it. Clients must handle unknown values (or the contract should use x-extensible-enum).',
    variants: responseVariants('enum-value-added', 'WARN'),
    examples: { base: letters('a', 'b'), triggers: letters('a', 'b', 'c'), nearMiss: letters('a') },
    check: addedEnumValues,
  }),
  ...schemaFamily({
    title: 'An enum value of {where} was removed',
    why: 'Clients receive fewer of the values they already handle. Nothing to do; code for the removed value can go once no stored data holds it.',
    variants: [
      { id: 'response-mediatype-enum-value-removed', direction: 'response', location: 'body', level: 'INFO' },
      ...responseVariants('enum-value-removed', 'INFO', ['property', 'header']),
    ],
    examples: { base: abc, triggers: letters('a', 'b'), nearMiss: letters('a', 'b', 'c', 'd') },
    check: removedEnumValues,
  }),
  ...schemaFamily({
    title: '{where} is no longer restricted to a list of values',
    why: 'Clients that switch over the listed values may receive any value of the type. Clients must handle values outside the old list.',
    variants: responseVariants('enum-removed', 'WARN'),
    examples: { base: letters('a', 'b'), triggers: { type: 'string' }, nearMiss: letters('a', 'b', 'c') },
    check: ({ base, revision }) => {
      const before = enumValuesWithoutNull(base);
      if (before === null || enumValuesWithoutNull(revision) !== null) return null;
      return { message: `no longer restricted to ${shownList(before)}`, at: enumPointer(base), before };
    },
  }),
  ...schemaFamily({
    title: 'An x-extensible-enum value of {where} was removed',
    why: 'The server no longer accepts a value it listed, so clients sending it will be refused. Clients must stop sending it.',
    variants: requestVariants('x-extensible-enum-value-removed', 'ERR'),
    examples: {
      base: openLetters('a', 'b'),
      triggers: openLetters('a'),
      nearMiss: openLetters('a', 'b', 'c'),
    },
    check: extensible('base'),
  }),
  ...schemaFamily({
    title: 'An x-extensible-enum value was added to {where}',
    why: 'Every value clients sent before is still accepted. Nothing to do.',
    variants: requestVariants('x-extensible-enum-value-added', 'INFO'),
    examples: {
      base: openLetters('a', 'b'),
      triggers: openLetters('a', 'b', 'c'),
      nearMiss: openLetters('a'),
    },
    check: extensible('revision'),
  }),
  ...schemaFamily({
    title: 'An x-extensible-enum value was added to {where}',
    why: 'An extensible enum tells clients to expect values it does not list, so a new one breaks no correct client. Clients may add handling for it.',
    variants: responseVariants('x-extensible-enum-value-added', 'INFO', bodyAndProperty),
    examples: {
      base: openLetters('a', 'b'),
      triggers: openLetters('a', 'b', 'c'),
      nearMiss: openLetters('a'),
    },
    check: extensible('revision'),
  }),
];
