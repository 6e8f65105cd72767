import type { BothSides, JsonObject, ReportDetail, RuleReport, SchemaRule } from '../types.ts';
import { schemaFamily } from './family.ts';
import {
  type Bound,
  bothAdmit,
  boundOf,
  isMultipleOf,
  isTighter,
  numberAt,
  shownBound,
} from './schema-values.ts';
import { requestVariants, responseVariants } from './variants.ts';

type Side = 'maximum' | 'minimum';

function boundChange(
  side: Side,
  before: Bound | undefined,
  after: Bound | undefined,
  verb: string,
): ReportDetail {
  let message = `${side} ${verb} from ${before && shownBound(before)} to ${after && shownBound(after)}`;
  if (!before && after) message = `${side} set to ${shownBound(after)}`;
  if (before && !after) message = `${side} removed (was ${shownBound(before)})`;
  return {
    message,
    at: `/${after?.keyword ?? before?.keyword ?? side}`,
    ...(before ? { before: before.value } : {}),
    ...(after ? { after: after.value } : {}),
  };
}

// Numeric keywords compare only where both sides take numbers (`integer` is admitted by either type).

/** Reports when the revision's bound admits fewer values than the base's (a new bound counts). */
function narrowed(side: Side, verb: string) {
  return ({ base, revision }: BothSides<JsonObject>): RuleReport => {
    if (!bothAdmit({ base, revision }, 'integer')) return null;
    const before = boundOf(base, side);
    const after = boundOf(revision, side);
    if (!after || (before && !isTighter(after, before, side))) return null;
    return boundChange(side, before, after, verb);
  };
}

/** Reports when the revision's bound admits more values than the base's (a removed bound counts). */
function widened(side: Side, verb: string) {
  return ({ base, revision }: BothSides<JsonObject>): RuleReport => {
    if (!bothAdmit({ base, revision }, 'integer')) return null;
    const before = boundOf(base, side);
    const after = boundOf(revision, side);
    if (!before || (after && !isTighter(before, after, side))) return null;
    return boundChange(side, before, after, verb);
  };
}

/**
 * `multipleOf` steps: the values of step `from` are all values of step `to` exactly when `from` is a
 * multiple of `to`. Reports when some value of the first step is not one of the second.
 */
function stepLost(from: number | undefined, to: number | undefined): ReportDetail | null {
  if (to === undefined || (from !== undefined && isMultipleOf(from, to))) return null;
  return {
    message: from === undefined ? `multipleOf set to ${to}` : `multipleOf changed from ${from} to ${to}`,
    at: '/multipleOf',
    ...(from !== undefined ? { before: from } : {}),
    after: to,
  };
}

const integer = (limits: JsonObject) => ({ type: 'integer', ...limits });

/** Numeric ranges and steps, with 3.0's boolean and 3.1's numeric exclusive bounds read alike. */
export const numberRules: SchemaRule[] = [
  ...schemaFamily({
    title: 'The maximum of {where} decreased',
    why: 'Numbers clients send today above the new maximum will be refused. Clients must keep to the new range, or the maximum must stay.',
    variants: requestVariants('max-decreased', 'ERR'),
    examples: {
      base: integer({ maximum: 100 }),
      triggers: integer({ maximum: 50 }),
      nearMiss: integer({ maximum: 200 }),
    },
    check: narrowed('maximum', 'decreased'),
  }),
  ...schemaFamily({
    title: 'The maximum of {where} increased or removed',
    why: 'Every number clients sent before is still accepted. Nothing to do.',
    variants: requestVariants('max-increased', 'INFO'),
    examples: {
      base: integer({ maximum: 100 }),
      triggers: integer({ maximum: 200 }),
      nearMiss: integer({ maximum: 50 }),
    },
    check: widened('maximum', 'increased'),
  }),
  ...schemaFamily({
    title: 'The minimum of {where} increased',
    why: 'Numbers clients send today below the new minimum will be refused. Clients must keep to the new range, or the minimum must stay.',
    variants: requestVariants('min-increased', 'ERR'),
    examples: {
      base: integer({ minimum: 1 }),
      triggers: integer({ minimum: 5 }),
      nearMiss: integer({ minimum: 0 }),
    },
    check: narrowed('minimum', 'increased'),
  }),
  ...schemaFamily({
    title: 'The minimum of {where} decreased or removed',
    why: 'Every number clients sent before is still accepted. Nothing to do.',
    variants: requestVariants('min-decreased', 'INFO'),
    examples: {
      base: integer({ minimum: 5 }),
      triggers: integer({ minimum: 1 }),
      nearMiss: integer({ minimum: 10 }),
    },
    check: widened('minimum', 'decreased'),
  }),
  ...schemaFamily({
    title: 'The maximum of {where} increased or removed',
    why: 'Clients may receive numbers above the maximum they were promised, which can overflow the fields or checks they sized for it. Clients must accept the wider range before the change ships.',
    variants: responseVariants('max-increased', 'ERR'),
    examples: {
      base: integer({ maximum: 100 }),
      triggers: integer({ maximum: 200 }),
      nearMiss: integer({ maximum: 50 }),
    },
    check: widened('maximum', 'increased'),
  }),
  ...schemaFamily({
    title: 'The minimum of {where} decreased or removed',
    why: 'Clients may receive numbers below the minimum they were promised (zero or negative where they expected positive). Clients must accept the wider range before the change ships.',
    variants: responseVariants('min-decreased', 'ERR'),
    examples: {
      base: integer({ minimum: 5 }),
      triggers: integer({ minimum: 1 }),
      nearMiss: integer({ minimum: 10 }),
    },
    check: widened('minimum', 'decreased'),
  }),
  ...schemaFamily({
    title: 'multipleOf of {where} changed so that values accepted before are refused',
    why: 'Numbers clients send today that are not multiples of the new step will be refused. Clients must round to the new step, or the step must stay.',
    variants: requestVariants('multiple-of-changed', 'ERR'),
    examples: {
      base: { type: 'number', multipleOf: 0.01 },
      triggers: { type: 'number', multipleOf: 0.05 },
      nearMiss: { type: 'number', multipleOf: 0.005 },
    },
    check: ({ base, revision }) =>
      bothAdmit({ base, revision }, 'integer') &&
      stepLost(numberAt(base, 'multipleOf'), numberAt(revision, 'multipleOf')),
  }),
  ...schemaFamily({
    title: 'multipleOf of {where} changed so that other values may be returned',
    why: 'Clients may receive numbers off the step they were promised (fractions of a cent where they expected whole cents). Clients that rely on the step must round or accept finer values.',
    variants: responseVariants('multiple-of-changed', 'WARN'),
    examples: {
      base: { type: 'number', multipleOf: 0.01 },
      triggers: { type: 'number', multipleOf: 0.001 },
      nearMiss: { type: 'number', multipleOf: 0.05 },
    },
    // The values now returned must all be multiples of the old step: the old step must divide the new.
    check: ({ base, revision }) => {
      if (!bothAdmit({ base, revision }, 'integer')) return null;
      const before = numberAt(base, 'multipleOf');
      const after = numberAt(revision, 'multipleOf');
      if (before === undefined || (after !== undefined && isMultipleOf(after, before))) return null;
      return {
        message:
          after === undefined
            ? `multipleOf removed (was ${before})`
            : `multipleOf changed from ${before} to ${after}`,
        at: '/multipleOf',
        before,
        ...(after !== undefined ? { after } : {}),
      };
    },
  }),
];
