import type { BothSides, JsonObject, SchemaRule } from '../types.ts';
import { schemaFamily } from './family.ts';
import { bothAdmit, limitChange, numberAt } from './schema-values.ts';
import { bodyAndProperty, requestVariants, responseVariants } from './variants.ts';

/** The two values of a count keyword, or neither when one side is not an array. */
function counts(schemas: BothSides<JsonObject>, keyword: 'minItems' | 'maxItems') {
  if (!bothAdmit(schemas, 'array')) return { before: undefined, after: undefined };
  return { before: numberAt(schemas.base, keyword), after: numberAt(schemas.revision, keyword) };
}

const list = (limits: JsonObject) => ({ type: 'array', items: { type: 'string' }, ...limits });

/** Array sizes and uniqueness: tighter is breaking where clients write, looser where they read. */
export const arrayRules: SchemaRule[] = [
  ...schemaFamily({
    title: 'maxItems of {where} decreased',
    why: 'Lists clients send today with more items than the new maximum will be refused. Clients must send shorter lists (in several calls if need be), or the limit must stay.',
    variants: requestVariants('max-items-decreased', 'ERR'),
    examples: {
      base: list({ maxItems: 10 }),
      triggers: list({ maxItems: 5 }),
      nearMiss: list({ maxItems: 20 }),
    },
    check: (schemas) => {
      const { before, after } = counts(schemas, 'maxItems');
      if (after === undefined || (before !== undefined && after >= before)) return null;
      return limitChange('maxItems', before, after, 'decreased');
    },
  }),
  ...schemaFamily({
    title: 'maxItems of {where} increased or removed',
    why: 'Every list clients sent before is still accepted; longer ones are now accepted too. Nothing to do.',
    variants: requestVariants('max-items-increased', 'INFO'),
    examples: {
      base: list({ maxItems: 10 }),
      triggers: list({ maxItems: 20 }),
      nearMiss: list({ maxItems: 5 }),
    },
    check: (schemas) => {
      const { before, after } = counts(schemas, 'maxItems');
      if (before === undefined || (after !== undefined && after <= before)) return null;
      return limitChange('maxItems', before, after, 'increased');
    },
  }),
  ...schemaFamily({
    title: 'minItems of {where} increased',
    why: 'Lists clients send today with fewer items than the new minimum (empty lists too) will be refused. Clients must send more items, or the limit must stay.',
    variants: requestVariants('min-items-increased', 'ERR'),
    examples: {
      base: list({ minItems: 1 }),
      triggers: list({ minItems: 2 }),
      nearMiss: list({ minItems: 0 }),
    },
    check: (schemas) => {
      const { before, after } = counts(schemas, 'minItems');
      if (after === undefined || after <= (before ?? 0)) return null;
      return limitChange('minItems', before, after, 'increased');
    },
  }),
  ...schemaFamily({
    title: 'minItems of {where} decreased or removed',
    why: 'Every list clients sent before is still accepted; shorter ones are now accepted too. Nothing to do.',
    variants: requestVariants('min-items-decreased', 'INFO'),
    examples: {
      base: list({ minItems: 2 }),
      triggers: list({ minItems: 1 }),
      nearMiss: list({ minItems: 3 }),
    },
    check: (schemas) => {
      const { before, after } = counts(schemas, 'minItems');
      if (before === undefined || (after ?? 0) >= before) return null;
      return limitChange('minItems', before, after, 'decreased');
    },
  }),
  ...schemaFamily({
    title: 'Items of {where} must now be unique',
    why: 'Lists clients send today with repeated items will be refused. Clients must remove duplicates before sending.',
    variants: requestVariants('unique-items-set', 'ERR'),
    examples: {
      base: list({}),
      triggers: list({ uniqueItems: true }),
      nearMiss: list({ uniqueItems: false }),
    },
    check: ({ base, revision }) =>
      bothAdmit({ base, revision }, 'array') && revision.uniqueItems === true && base.uniqueItems !== true
        ? { message: 'items must now be unique', at: '/uniqueItems', after: true }
        : null,
  }),
  ...schemaFamily({
    title: 'maxItems of {where} increased or removed',
    why: 'Clients may receive longer lists than they were promised and overflow what they sized for the old maximum (a page, a buffer). Clients must accept the longer lists before the change ships.',
    variants: responseVariants('max-items-increased', 'ERR', bodyAndProperty),
    examples: {
      base: list({ maxItems: 10 }),
      triggers: list({ maxItems: 20 }),
      nearMiss: list({ maxItems: 5 }),
    },
    check: (schemas) => {
      const { before, after } = counts(schemas, 'maxItems');
      if (before === undefined || (after !== undefined && after <= before)) return null;
      return limitChange('maxItems', before, after, 'increased');
    },
  }),
  ...schemaFamily({
    title: 'minItems of {where} decreased',
    why: 'Clients may receive shorter lists than they were promised, and code that reads the first items unchecked fails. Clients must handle the shorter lists.',
    variants: responseVariants('min-items-decreased', 'ERR', bodyAndProperty),
    examples: {
      base: list({ minItems: 2 }),
      triggers: list({ minItems: 1 }),
      nearMiss: list({ minItems: 3 }),
    },
    check: (schemas) => {
      const { before, after } = counts(schemas, 'minItems');
      if (before === undefined || after === undefined || after >= before) return null;
      return limitChange('minItems', before, after, 'decreased');
    },
  }),
  ...schemaFamily({
    title: 'minItems of {where} removed',
    why: 'Clients may receive empty lists where they were promised at least some items. Clients must handle empty lists.',
    variants: responseVariants('min-items-unset', 'ERR', bodyAndProperty),
    examples: { base: list({ minItems: 2 }), triggers: list({}), nearMiss: list({ minItems: 1 }) },
    check: (schemas) => {
      const { before, after } = counts(schemas, 'minItems');
      if (!before || after !== undefined) return null;
      return limitChange('minItems', before, after, 'removed');
    },
  }),
  ...schemaFamily({
    title: 'Items of {where} are no longer promised to be unique',
    why: 'Clients may receive lists with repeated items where they were promised none. Clients that treat the list as a set must remove duplicates.',
    variants: responseVariants('unique-items-unset', 'WARN', bodyAndProperty),
    examples: {
      base: list({ uniqueItems: true }),
      triggers: list({ uniqueItems: false }),
      nearMiss: list({ uniqueItems: true, maxItems: 5 }),
    },
    check: ({ base, revision }) =>
      bothAdmit({ base, revision }, 'array') && base.uniqueItems === true && revision.uniqueItems !== true
        ? { message: 'items are no longer promised to be unique', at: '/uniqueItems', before: true }
        : null,
  }),
];
