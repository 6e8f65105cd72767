import { isObject, pointerJoin } from '../document.ts';
import type { BothSides, JsonObject, ReportDetail, SchemaRule } from '../types.ts';
import { schemaFamily } from './family.ts';
import { shown } from './schema-values.ts';
import { bodyAndProperty, requestVariants, responseVariants } from './variants.ts';

function discriminatorOf(schema: JsonObject): JsonObject | undefined {
  return isObject(schema.discriminator) ? schema.discriminator : undefined;
}

function propertyNameOf(discriminator: JsonObject): string | undefined {
  return typeof discriminator.propertyName === 'string' ? discriminator.propertyName : undefined;
}

function mappingOf(discriminator: JsonObject): Map<string, string> {
  const mapping = isObject(discriminator.mapping) ? discriminator.mapping : {};
  return new Map(
    Object.entries(mapping).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

type MappingChange = 'added' | 'deleted' | 'changed';

/** A check reporting one kind of change to the discriminator's explicit mapping, a finding per key. */
function mappingChanged(change: MappingChange) {
  return ({ base, revision }: BothSides<JsonObject>): ReportDetail[] | null => {
    const before = discriminatorOf(base);
    const after = discriminatorOf(revision);
    if (!before || !after) return null;
    const oldMapping = mappingOf(before);
    const newMapping = mappingOf(after);
    const keys = [...new Set([...oldMapping.keys(), ...newMapping.keys()])];
    return keys.flatMap((key): ReportDetail[] => {
      const from = oldMapping.get(key);
      const to = newMapping.get(key);
      const at = pointerJoin('/discriminator/mapping', key);
      if (change === 'added' && from === undefined && to !== undefined) {
        return [{ message: `discriminator mapping ${shown(key)} added`, at, after: to }];
      }
      if (change === 'deleted' && from !== undefined && to === undefined) {
        return [{ message: `discriminator mapping ${shown(key)} removed`, at, before: from }];
      }
      if (change === 'changed' && from !== undefined && to !== undefined && from !== to) {
        const message = `discriminator mapping ${shown(key)} changed from ${shown(from)} to ${shown(to)}`;
        return [{ message, at, before: from, after: to }];
      }
      return [];
    });
  };
}

const pet = (title: string) => ({ title, type: 'object', properties: { kind: { type: 'string' } } });
const pets = (discriminator?: JsonObject) => ({
  oneOf: [pet('Cat'), pet('Dog')],
  ...(discriminator ? { discriminator } : {}),
});
const byKind = (mapping: Record<string, string>, propertyName = 'kind') => pets({ propertyName, mapping });
const catAndDog = { cat: 'Cat', dog: 'Dog' };
const withBird = { ...catAndDog, bird: 'Bird' };

const both = (change: string, level: 'INFO' | 'WARN' | 'ERR') => [
  ...requestVariants(change, level, bodyAndProperty),
  ...responseVariants(change, level, bodyAndProperty),
];

/** The discriminator that tells the alternatives of a oneOf or anyOf apart. */
export const discriminatorRules: SchemaRule[] = [
  ...schemaFamily({
    title: 'A discriminator was added to {where}',
    why: 'The contract now names the property that tells the alternatives apart; the values themselves do not change. Nothing to do; generated clients can pick the alternative by it.',
    variants: both('discriminator-added', 'INFO'),
    examples: { base: pets(), triggers: byKind(catAndDog), nearMiss: { ...pets(), description: 'A pet' } },
    check: ({ base, revision }) => {
      const after = discriminatorOf(revision);
      if (discriminatorOf(base) || !after) return null;
      return { message: `discriminator on ${shown(propertyNameOf(after))} added`, at: '/discriminator' };
    },
  }),
  ...schemaFamily({
    title: 'The discriminator of {where} was removed',
    why: 'The server no longer picks the alternative by a property; it matches each alternative in turn, so what clients send is still accepted. Nothing to do.',
    variants: requestVariants('discriminator-removed', 'INFO', bodyAndProperty),
    examples: { base: byKind(catAndDog), triggers: pets(), nearMiss: byKind({ cat: 'Feline', dog: 'Dog' }) },
    check: ({ base, revision }) => discriminatorRemoved(base, revision),
  }),
  ...schemaFamily({
    title: 'The discriminator of {where} was removed',
    why: 'Generated clients pick the class to read a value into by the discriminator; without it they may fail to tell the alternatives apart. Clients must choose the alternative another way.',
    variants: responseVariants('discriminator-removed', 'WARN', bodyAndProperty),
    examples: { base: byKind(catAndDog), triggers: pets(), nearMiss: byKind({ cat: 'Feline', dog: 'Dog' }) },
    check: ({ base, revision }) => discriminatorRemoved(base, revision),
  }),
  ...schemaFamily({
    title: 'The discriminator property of {where} changed',
    why: 'Clients name the alternative in the old property: the server can no longer tell what they send apart, and clients can no longer tell what they receive apart. Clients must move to the new property.',
    variants: both('discriminator-property-name-changed', 'ERR'),
    examples: { base: byKind(catAndDog), triggers: byKind(catAndDog, 'type'), nearMiss: byKind(withBird) },
    check: ({ base, revision }) => {
      const before = discriminatorOf(base);
      const after = discriminatorOf(revision);
      if (!before || !after || propertyNameOf(before) === propertyNameOf(after)) return null;
      return {
        message: `discriminator property changed from ${shown(propertyNameOf(before))} to ${shown(propertyNameOf(after))}`,
        at: '/discriminator/propertyName',
        ...(propertyNameOf(before) !== undefined ? { before: propertyNameOf(before) } : {}),
        ...(propertyNameOf(after) !== undefined ? { after: propertyNameOf(after) } : {}),
      };
    },
  }),
  ...schemaFamily({
    title: 'A discriminator mapping was added to {where}',
    why: 'Clients may send a new kind of value; every kind they sent before is still accepted. Nothing to do.',
    variants: requestVariants('discriminator-mapping-added', 'INFO', bodyAndProperty),
    examples: { base: byKind(catAndDog), triggers: byKind(withBird), nearMiss: byKind({ cat: 'Cat' }) },
    check: mappingChanged('added'),
  }),
  ...schemaFamily({
    title: 'A discriminator mapping was added to {where}',
    why: 'Clients may receive a discriminator value they do not know, and generated clients fail to read it. Clients must handle unknown kinds before the change ships.',
    variants: responseVariants('discriminator-mapping-added', 'WARN', bodyAndProperty),
    examples: { base: byKind(catAndDog), triggers: byKind(withBird), nearMiss: byKind({ cat: 'Cat' }) },
    check: mappingChanged('added'),
  }),
  ...schemaFamily({
    title: 'A discriminator mapping of {where} was removed',
    why: 'Clients sending the removed discriminator value will be refused. Clients must stop sending that kind of value.',
    variants: requestVariants('discriminator-mapping-deleted', 'ERR', bodyAndProperty),
    examples: { base: byKind(catAndDog), triggers: byKind({ cat: 'Cat' }), nearMiss: byKind(withBird) },
    check: mappingChanged('deleted'),
  }),
  ...schemaFamily({
    title: 'A discriminator mapping of {where} was removed',
    why: 'Clients receive only kinds they already handle. Nothing to do.',
    variants: responseVariants('discriminator-mapping-deleted', 'INFO', bodyAndProperty),
    examples: { base: byKind(catAndDog), triggers: byKind({ cat: 'Cat' }), nearMiss: byKind(withBird) },
    check: mappingChanged('deleted'),
  }),
  ...schemaFamily({
    title: 'A discriminator mapping of {where} points to another schema',
    why: 'The same discriminator value now stands for another schema, so values read or sent under it may no longer fit. Check that the new schema accepts what the old one did.',
    variants: both('discriminator-mapping-changed', 'WARN'),
    examples: {
      base: byKind(catAndDog),
      triggers: byKind({ cat: 'Feline', dog: 'Dog' }),
      nearMiss: byKind(withBird),
    },
    check: mappingChanged('changed'),
  }),
];

function discriminatorRemoved(base: JsonObject, revision: JsonObject): ReportDetail | null {
  const before = discriminatorOf(base);
  if (!before || discriminatorOf(revision)) return null;
  return { message: `discriminator on ${shown(propertyNameOf(before))} removed`, at: '/discriminator' };
}
