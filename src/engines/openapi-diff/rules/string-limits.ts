import type { BothSides, JsonObject, SchemaRule } from '../types.ts';
import { schemaFamily } from './family.ts';
import { bothAdmit, limitChange, numberAt } from './schema-values.ts';
import { requestVariants, responseVariants } from './variants.ts';

/**
 * The two values of a length keyword (a missing `minLength` is 0, a missing `maxLength` no limit), or
 * neither when one side is not a string.
 */
function lengths(schemas: BothSides<JsonObject>, keyword: 'minLength' | 'maxLength') {
  if (!bothAdmit(schemas, 'string')) return { before: undefined, after: undefined };
  return { before: numberAt(schemas.base, keyword), after: numberAt(schemas.revision, keyword) };
}

const string100 = { type: 'string', maxLength: 100 };
const string3 = { type: 'string', minLength: 3 };

/** String length limits: tighter is breaking where clients write, looser where they read. */
export const stringLimitRules: SchemaRule[] = [
  ...schemaFamily({
    title: 'maxLength of {where} decreased',
    why: 'Values clients send today that are longer than the new maximum will be refused. Clients must shorten what they send, or the limit must stay.',
    variants: requestVariants('max-length-decreased', 'ERR'),
    examples: {
      base: string100,
      triggers: { type: 'string', maxLength: 50 },
      nearMiss: { type: 'string', maxLength: 200 },
    },
    check: (schemas) => {
      const { before, after } = lengths(schemas, 'maxLength');
      if (after === undefined || (before !== undefined && after >= before)) return null;
      return limitChange('maxLength', before, after, 'decreased');
    },
  }),
  ...schemaFamily({
    title: 'maxLength of {where} increased or removed',
    why: 'Every value clients sent before is still accepted; longer ones are now accepted too. Nothing to do.',
    variants: requestVariants('max-length-increased', 'INFO'),
    examples: {
      base: string100,
      triggers: { type: 'string', maxLength: 200 },
      nearMiss: { type: 'string', maxLength: 50 },
    },
    check: (schemas) => {
      const { before, after } = lengths(schemas, 'maxLength');
      if (before === undefined || (after !== undefined && after <= before)) return null;
      return limitChange('maxLength', before, after, 'increased');
    },
  }),
  ...schemaFamily({
    title: 'minLength of {where} increased',
    why: 'Values clients send today that are shorter than the new minimum will be refused. Clients must send longer values, or the limit must stay.',
    variants: requestVariants('min-length-increased', 'ERR'),
    examples: {
      base: string3,
      triggers: { type: 'string', minLength: 5 },
      nearMiss: { type: 'string', minLength: 1 },
    },
    check: (schemas) => {
      const { before, after } = lengths(schemas, 'minLength');
      if (after === undefined || after <= (before ?? 0)) return null;
      return limitChange('minLength', before, after, 'increased');
    },
  }),
  ...schemaFamily({
    title: 'minLength of {where} decreased or removed',
    why: 'Every value clients sent before is still accepted; shorter ones are now accepted too. Nothing to do.',
    variants: requestVariants('min-length-decreased', 'INFO'),
    examples: {
      base: string3,
      triggers: { type: 'string', minLength: 1 },
      nearMiss: { type: 'string', minLength: 5 },
    },
    check: (schemas) => {
      const { before, after } = lengths(schemas, 'minLength');
      if (before === undefined || (after ?? 0) >= before) return null;
      return limitChange('minLength', before, after, 'decreased');
    },
  }),
  ...schemaFamily({
    title: 'maxLength of {where} increased',
    why: 'Clients may receive longer values than they were promised and store or show them in space sized for the old maximum. Clients must accept the new maximum before the change ships.',
    variants: responseVariants('max-length-increased', 'ERR'),
    examples: {
      base: string100,
      triggers: { type: 'string', maxLength: 200 },
      nearMiss: { type: 'string', maxLength: 50 },
    },
    check: (schemas) => {
      const { before, after } = lengths(schemas, 'maxLength');
      if (before === undefined || after === undefined || after <= before) return null;
      return limitChange('maxLength', before, after, 'increased');
    },
  }),
  ...schemaFamily({
    title: 'maxLength of {where} removed',
    why: 'Values of any length may now be returned where clients were promised a maximum, so space sized for it may overflow. Clients must accept values of any length.',
    variants: responseVariants('max-length-unset', 'ERR'),
    examples: { base: string100, triggers: { type: 'string' }, nearMiss: { type: 'string', maxLength: 50 } },
    check: (schemas) => {
      const { before, after } = lengths(schemas, 'maxLength');
      if (before === undefined || after !== undefined) return null;
      return limitChange('maxLength', before, after, 'removed');
    },
  }),
  ...schemaFamily({
    title: 'minLength of {where} decreased or removed',
    why: 'Clients may receive shorter values, empty strings included, where they were promised a minimum length. Clients must handle the shorter values.',
    variants: responseVariants('min-length-decreased', 'ERR'),
    examples: {
      base: string3,
      triggers: { type: 'string', minLength: 1 },
      nearMiss: { type: 'string', minLength: 5 },
    },
    check: (schemas) => {
      const { before, after } = lengths(schemas, 'minLength');
      if (before === undefined || (after ?? 0) >= before) return null;
      return limitChange('minLength', before, after, 'decreased');
    },
  }),
];
