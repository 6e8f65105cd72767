import { isObject, sameJson } from '../document.ts';
import type { BothSides, Json, JsonObject, Level, ReportDetail, SchemaRule } from '../types.ts';
import { schemaFamily } from './family.ts';
import { bodyAndProperty, requestVariants, responseVariants } from './variants.ts';

type Keyword = 'oneOf' | 'anyOf' | 'allOf';

function refOf(member: Json | undefined): string | null {
  return isObject(member) && typeof member.$ref === 'string' ? member.$ref : null;
}

/** A member for a message: its component name, its title, or its position. */
function memberName(member: Json | undefined, index: number): string {
  const ref = refOf(member);
  if (ref !== null) return `'${ref.slice(ref.lastIndexOf('/') + 1)}'`;
  if (isObject(member) && typeof member.title === 'string') return `'${member.title}'`;
  return `inline schema ${index}`;
}

/**
 * The members only one side lists. Members match by `$ref`; inline members by equal content, then
 * by position, so an inline member that was edited is the same member (its changes are compared
 * below it), not one removed and one added.
 */
function unmatchedMembers(base: Json[], revision: Json[]): { removed: number[]; added: number[] } {
  const matchedRevision = new Set<number>();
  const removed: number[] = [];
  const unmatchedInline: number[] = [];
  base.forEach((member, index) => {
    const ref = refOf(member);
    const match = revision.findIndex(
      (other, at) =>
        !matchedRevision.has(at) &&
        (ref === null ? refOf(other) === null && sameJson(other, member) : refOf(other) === ref),
    );
    if (match >= 0) matchedRevision.add(match);
    else if (ref === null) unmatchedInline.push(index);
    else removed.push(index);
  });
  for (const index of unmatchedInline) {
    const samePlace =
      index < revision.length && !matchedRevision.has(index) && refOf(revision[index]) === null;
    if (samePlace) matchedRevision.add(index);
    else removed.push(index);
  }
  const added = revision.map((_, index) => index).filter((index) => !matchedRevision.has(index));
  return { removed, added };
}

/** A check reporting members added to, or removed from, a composition both sides have. */
function membersChanged(keyword: Keyword, change: 'added' | 'removed') {
  return ({ base, revision }: BothSides<JsonObject>): ReportDetail[] | null => {
    const before = base[keyword];
    const after = revision[keyword];
    if (!Array.isArray(before) || !Array.isArray(after)) return null;
    const { removed, added } = unmatchedMembers(before, after);
    if (change === 'removed') {
      return removed.map((index) => ({
        message: `${memberName(before[index], index)} removed from ${keyword}`,
        at: `/${keyword}`,
      }));
    }
    return added.map((index) => ({
      message: `${memberName(after[index], index)} added to ${keyword}`,
      at: `/${keyword}/${index}`,
    }));
  };
}

const shape = (title: string) => ({ title, type: 'object', properties: { id: { type: 'string' } } });
const composed = (keyword: Keyword, ...titles: string[]) => ({ [keyword]: titles.map(shape) });

/** Members added and removed, for one keyword and one direction: its two families. */
function compositionFamilies(
  keyword: Keyword,
  direction: 'request' | 'response',
  levels: { added: Level; removed: Level },
  why: { added: string; removed: string },
): SchemaRule[] {
  const variants = direction === 'request' ? requestVariants : responseVariants;
  const kebab = { oneOf: 'one-of', anyOf: 'any-of', allOf: 'all-of' }[keyword];
  const two = composed(keyword, 'Card', 'Transfer');
  const three = composed(keyword, 'Card', 'Transfer', 'Voucher');
  const edited = { [keyword]: [shape('Card'), { ...shape('Transfer'), description: 'A bank transfer' }] };
  return [
    ...schemaFamily({
      title: `A schema was added to the ${keyword} of {where}`,
      why: why.added,
      variants: variants(`${kebab}-added`, levels.added, bodyAndProperty),
      examples: { base: two, triggers: three, nearMiss: edited },
      check: membersChanged(keyword, 'added'),
    }),
    ...schemaFamily({
      title: `A schema was removed from the ${keyword} of {where}`,
      why: why.removed,
      variants: variants(`${kebab}-removed`, levels.removed, bodyAndProperty),
      examples: {
        base: three,
        triggers: two,
        nearMiss: composed(keyword, 'Card', 'Transfer', 'Voucher', 'Cash'),
      },
      check: membersChanged(keyword, 'removed'),
    }),
  ];
}

const alternativeWhy = {
  requestAdded:
    'Clients may send one more kind of value; every value they sent before is still accepted. Nothing to do.',
  requestRemoved:
    'Clients sending values of the removed alternative will be refused. Clients must send one of the remaining alternatives.',
  responseAdded:
    'Clients may receive values of an alternative they do not know, and code that picks among the known ones fails. Clients must handle the new alternative (or ignore it safely) before the change ships.',
  responseRemoved: 'Clients receive only alternatives they already handle. Nothing to do.',
};

const allOfWhy =
  'allOf members are folded into one schema before comparing, so what a member adds or takes away (a required property, a limit) is reported by its own rule. This finding only records the change in structure.';

/** oneOf, anyOf and allOf members added and removed, by direction. */
export const compositionRules: SchemaRule[] = [
  ...compositionFamilies(
    'oneOf',
    'request',
    { added: 'INFO', removed: 'ERR' },
    {
      added: alternativeWhy.requestAdded,
      removed: alternativeWhy.requestRemoved,
    },
  ),
  ...compositionFamilies(
    'oneOf',
    'response',
    { added: 'ERR', removed: 'INFO' },
    {
      added: alternativeWhy.responseAdded,
      removed: alternativeWhy.responseRemoved,
    },
  ),
  ...compositionFamilies(
    'anyOf',
    'request',
    { added: 'INFO', removed: 'ERR' },
    {
      added: alternativeWhy.requestAdded,
      removed: alternativeWhy.requestRemoved,
    },
  ),
  ...compositionFamilies(
    'anyOf',
    'response',
    { added: 'ERR', removed: 'INFO' },
    {
      added: alternativeWhy.responseAdded,
      removed: alternativeWhy.responseRemoved,
    },
  ),
  ...compositionFamilies(
    'allOf',
    'request',
    { added: 'INFO', removed: 'INFO' },
    { added: allOfWhy, removed: allOfWhy },
  ),
  ...compositionFamilies(
    'allOf',
    'response',
    { added: 'INFO', removed: 'INFO' },
    { added: allOfWhy, removed: allOfWhy },
  ),
];
