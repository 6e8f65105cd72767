import type { BothSides, JsonObject, ReportDetail, SchemaRule } from '../types.ts';
import { schemaFamily } from './family.ts';
import { bothAdmit, shown, stringAt } from './schema-values.ts';
import { requestVariants, responseVariants } from './variants.ts';

const matchesAnything = new Set(['.*', '^.*', '.*$', '^.*$', '[\\s\\S]*', '^[\\s\\S]*$']);

/**
 * Whether every string the old pattern matches, the new one matches too. Proving it in general is
 * hard; two cases are certain: the new pattern matches anything, or it is the old pattern with
 * another alternative beside it (`old|new`).
 */
function isWiderPattern(before: string, after: string): boolean {
  return matchesAnything.has(after) || after.startsWith(`${before}|`) || after.endsWith(`|${before}`);
}

type PatternChange = 'added' | 'removed' | 'generalized' | 'changed' | null;

function patternChange({ base, revision }: BothSides<JsonObject>): PatternChange {
  if (!bothAdmit({ base, revision }, 'string')) return null;
  const before = stringAt(base, 'pattern');
  const after = stringAt(revision, 'pattern');
  if (before === after) return null;
  if (before === undefined) return after !== undefined && matchesAnything.has(after) ? null : 'added';
  if (after === undefined) return 'removed';
  return isWiderPattern(before, after) ? 'generalized' : 'changed';
}

function patternDetail({ base, revision }: BothSides<JsonObject>, change: PatternChange): ReportDetail {
  const before = stringAt(base, 'pattern');
  const after = stringAt(revision, 'pattern');
  const messages = {
    added: `pattern ${shown(after)} added`,
    removed: `pattern ${shown(before)} removed`,
    generalized: `pattern generalized from ${shown(before)} to ${shown(after)}`,
    changed: `pattern changed from ${shown(before)} to ${shown(after)}`,
  };
  return {
    message: messages[change ?? 'changed'],
    at: '/pattern',
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
  };
}

/** A family member's check: reports the changes it names. */
function reports(...changes: PatternChange[]) {
  return (schemas: BothSides<JsonObject>) => {
    const change = patternChange(schemas);
    return changes.includes(change) && patternDetail(schemas, change);
  };
}

const text = { type: 'string' };
const lower = { type: 'string', pattern: '^[a-z]+$' };
const twoOrMoreLower = { type: 'string', pattern: '^[a-z]{2,}$' };
const lowerOrDigits = { type: 'string', pattern: '^[a-z]+$|^[0-9]+$' };

/** Regular-expression patterns on strings: a new or different pattern may refuse what clients send. */
export const patternRules: SchemaRule[] = [
  ...schemaFamily({
    title: 'A pattern was added to {where}',
    why: 'Values clients send today that do not match the new pattern will be refused. Clients must send values that match it.',
    variants: requestVariants('pattern-added', 'ERR'),
    examples: { base: text, triggers: lower, nearMiss: { type: 'string', pattern: '.*' } },
    check: reports('added'),
  }),
  ...schemaFamily({
    title: 'The pattern of {where} changed',
    why: 'Whether the new pattern accepts every value the old one did cannot be proven in general, so values clients send today may be refused. Check the new pattern against what clients send.',
    variants: requestVariants('pattern-changed', 'ERR'),
    examples: { base: lower, triggers: twoOrMoreLower, nearMiss: lowerOrDigits },
    check: reports('changed'),
  }),
  ...schemaFamily({
    title: 'The pattern of {where} was removed',
    why: 'Every value clients sent before is still accepted. Nothing to do.',
    variants: requestVariants('pattern-removed', 'INFO'),
    examples: { base: lower, triggers: text, nearMiss: twoOrMoreLower },
    check: reports('removed'),
  }),
  ...schemaFamily({
    title: 'The pattern of {where} was generalized',
    why: 'The new pattern matches everything the old one did (it matches anything, or keeps the old pattern as an alternative). Nothing to do.',
    variants: requestVariants('pattern-generalized', 'INFO'),
    examples: { base: lower, triggers: lowerOrDigits, nearMiss: twoOrMoreLower },
    check: reports('generalized'),
  }),
  ...schemaFamily({
    title: 'A pattern was added to {where}',
    why: 'Clients receive only values that match the new pattern, a subset of what they handle. Nothing to do.',
    variants: responseVariants('pattern-added', 'INFO'),
    examples: { base: text, triggers: lower, nearMiss: { type: 'string', pattern: '.*' } },
    check: reports('added'),
  }),
  ...schemaFamily({
    title: 'The pattern of {where} changed',
    why: 'Clients may receive values that do not match the pattern they were promised, and code that parses them by it fails. Clients must accept values of the new pattern.',
    variants: responseVariants('pattern-changed', 'WARN'),
    examples: { base: lower, triggers: twoOrMoreLower, nearMiss: text },
    check: reports('changed', 'generalized'),
  }),
  ...schemaFamily({
    title: 'The pattern of {where} was removed',
    why: 'Clients may receive any string where they were promised values matching a pattern. Clients that parse the values by the old pattern must accept any string.',
    variants: responseVariants('pattern-removed', 'WARN'),
    examples: { base: lower, triggers: text, nearMiss: twoOrMoreLower },
    check: reports('removed'),
  }),
];
