import type { BothSides, Json, JsonObject, ReportDetail, SchemaRule } from '../types.ts';
import { schemaFamily } from './family.ts';
import { admitsType, stringAt, typeSet } from './schema-values.ts';
import { requestVariants, responseVariants } from './variants.ts';

/**
 * How the revision's types relate to the base's: the same values, more (generalized: integer to
 * number, a type added to a 3.1 list, the type dropped), fewer (specialized), or some of each.
 */
type Relation = 'same' | 'generalized' | 'specialized' | 'changed';

function typeRelation({ base, revision }: BothSides<JsonObject>): Relation {
  const before = typeSet(base);
  const after = typeSet(revision);
  const lost = before === null ? after !== null : before.some((type) => !admitsType(after, type));
  const gained = after === null ? before !== null : after.some((type) => !admitsType(before, type));
  if (!lost) return gained ? 'generalized' : 'same';
  return gained ? 'changed' : 'specialized';
}

function shownTypes(types: string[] | null): string {
  if (types === null) return 'any type';
  if (types.length === 0) return 'null only';
  return types.length === 1 ? (types[0] ?? '') : `[${types.join(', ')}]`;
}

function typeChange({ base, revision }: BothSides<JsonObject>, verb: string): ReportDetail {
  const value = (schema: JsonObject): Json => {
    const types = typeSet(schema);
    return types === null ? null : types.length === 1 ? (types[0] ?? null) : types;
  };
  return {
    message: `type ${verb} from ${shownTypes(typeSet(base))} to ${shownTypes(typeSet(revision))}`,
    at: '/type',
    before: value(base),
    after: value(revision),
  };
}

/** Formats whose values are all values of a wider format of the same type. */
const widerFormats: Record<string, readonly string[]> = { int32: ['int64'], float: ['double'] };

/** The format relation, compared only where the types are the same. */
function formatRelation(schemas: BothSides<JsonObject>): Relation {
  if (typeRelation(schemas) !== 'same') return 'same';
  const before = stringAt(schemas.base, 'format');
  const after = stringAt(schemas.revision, 'format');
  if (before === after) return 'same';
  if (after === undefined || (before !== undefined && widerFormats[before]?.includes(after))) {
    return 'generalized';
  }
  if (before === undefined || widerFormats[after]?.includes(before)) return 'specialized';
  return 'changed';
}

function formatChange({ base, revision }: BothSides<JsonObject>): ReportDetail {
  const before = stringAt(base, 'format');
  const after = stringAt(revision, 'format');
  let message = `format changed from ${before} to ${after}`;
  if (before === undefined) message = `format ${after} set`;
  if (after === undefined) message = `format ${before} removed`;
  return {
    message,
    at: '/format',
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
  };
}

/** JSON types and formats, 3.1 type lists included; `null` is left to the nullable rules. */
export const typeRules: SchemaRule[] = [
  ...schemaFamily({
    title: 'The type of {where} changed',
    why: 'Values of the old type are refused in requests and not what clients parse in responses. Clients must move to the new type, or it must be added as an alternative.',
    variants: [...requestVariants('type-changed', 'ERR'), ...responseVariants('type-changed', 'ERR')],
    examples: {
      base: { type: 'string' },
      triggers: { type: 'integer' },
      nearMiss: { type: ['string', 'integer'] },
    },
    check: (schemas) => typeRelation(schemas) === 'changed' && typeChange(schemas, 'changed'),
  }),
  ...schemaFamily({
    title: 'The type of {where} was generalized',
    why: 'Every value clients sent before is still accepted (an integer is a number). Nothing to do.',
    variants: requestVariants('type-generalized', 'INFO'),
    examples: { base: { type: 'integer' }, triggers: { type: 'number' }, nearMiss: { type: 'string' } },
    check: (schemas) => typeRelation(schemas) === 'generalized' && typeChange(schemas, 'generalized'),
  }),
  ...schemaFamily({
    title: 'The type of {where} was generalized',
    why: 'Clients may receive values of a type they do not parse (a fraction where they read an integer, a number where they read a string). Clients must accept the wider type before the change ships.',
    variants: responseVariants('type-generalized', 'ERR'),
    examples: { base: { type: 'integer' }, triggers: { type: 'number' }, nearMiss: { type: 'string' } },
    check: (schemas) => typeRelation(schemas) === 'generalized' && typeChange(schemas, 'generalized'),
  }),
  ...schemaFamily({
    title: 'The type of {where} was narrowed',
    why: 'Values clients send today of a type no longer accepted (a fraction where only integers remain, a type dropped from a 3.1 list) will be refused. Clients must send only the remaining types.',
    variants: requestVariants('type-specialized', 'ERR'),
    examples: {
      base: { type: ['string', 'integer'] },
      triggers: { type: 'string' },
      nearMiss: { type: ['string', 'integer', 'boolean'] },
    },
    check: (schemas) => typeRelation(schemas) === 'specialized' && typeChange(schemas, 'narrowed'),
  }),
  ...schemaFamily({
    title: 'The type of {where} was narrowed',
    why: 'Clients receive only some of the types they already handle. Nothing to do.',
    variants: responseVariants('type-specialized', 'INFO'),
    examples: {
      base: { type: ['string', 'integer'] },
      triggers: { type: 'string' },
      nearMiss: { type: ['string', 'integer', 'boolean'] },
    },
    check: (schemas) => typeRelation(schemas) === 'specialized' && typeChange(schemas, 'narrowed'),
  }),
  ...schemaFamily({
    title: 'The format of {where} was set or changed',
    why: 'Values clients send today that do not match the new format (a date where a date-time is now expected) may be refused. Clients must send the new format.',
    variants: requestVariants('format-changed', 'ERR'),
    examples: {
      base: { type: 'string', format: 'date' },
      triggers: { type: 'string', format: 'date-time' },
      nearMiss: { type: 'string' },
    },
    check: (schemas) => ['changed', 'specialized'].includes(formatRelation(schemas)) && formatChange(schemas),
  }),
  ...schemaFamily({
    title: 'The format of {where} was generalized or removed',
    why: 'Every value clients sent before is still accepted (an int32 is an int64). Nothing to do.',
    variants: requestVariants('format-generalized', 'INFO'),
    examples: {
      base: { type: 'integer', format: 'int64' },
      triggers: { type: 'integer' },
      nearMiss: { type: 'integer', format: 'int32' },
    },
    check: (schemas) => formatRelation(schemas) === 'generalized' && formatChange(schemas),
  }),
  ...schemaFamily({
    title: 'The format of {where} changed',
    why: 'Clients parse the values in the old format (a date, a UUID) and fail on the new one. Clients must parse the new format before the change ships.',
    variants: responseVariants('format-changed', 'ERR'),
    examples: {
      base: { type: 'string', format: 'date' },
      triggers: { type: 'string', format: 'date-time' },
      nearMiss: { type: 'string' },
    },
    check: (schemas) => formatRelation(schemas) === 'changed' && formatChange(schemas),
  }),
  ...schemaFamily({
    title: 'The format of {where} was generalized or removed',
    why: 'Clients may receive values outside the format they parse (an int64 where they hold an int32, any string where they parse a UUID). Clients must accept the wider values before the change ships.',
    variants: responseVariants('format-generalized', 'ERR'),
    examples: {
      base: { type: 'integer', format: 'int64' },
      triggers: { type: 'integer' },
      nearMiss: { type: 'integer', format: 'int32' },
    },
    check: (schemas) => formatRelation(schemas) === 'generalized' && formatChange(schemas),
  }),
];
