import type { JsonObject, OperationContext, OperationRule, ReportDetail, RuleReport } from '../types.ts';
import { withOperation } from './examples.ts';
import { stabilityOf } from './stability.ts';
import { daysBetween, isDeprecated, type Sunset, sunsetOf } from './sunset.ts';

/**
 * The deprecation policy: an operation deprecated on a stable or beta API announces its sunset date,
 * and that date leaves clients at least the project's minimum deprecation period
 * (`minDeprecationDays`, 90 by default) from the day of the diff. Draft and alpha operations owe no
 * notice, as in oasdiff.
 */

/** The notice an operation's deprecation owes its clients, in days (0 for draft and alpha operations). */
function noticeDays(operation: JsonObject, context: OperationContext): number {
  const stability = stabilityOf(operation);
  return stability === 'draft' || stability === 'alpha' ? 0 : context.options.minDeprecationDays;
}

interface SunsetPair {
  base: JsonObject;
  revision: JsonObject;
  before: Sunset | null;
  after: Sunset | null;
  /** The operation was not deprecated in the base and is in the revision. */
  newlyDeprecated: boolean;
  /** The operation is deprecated on both sides. */
  stillDeprecated: boolean;
}

/** A check of an operation deprecated in the revision, with the sunsets of both sides read. */
function onDeprecated(
  check: (pair: SunsetPair, context: OperationContext) => RuleReport,
): OperationRule['check'] {
  return ({ base, revision }, context) => {
    if (!base || !revision || !isDeprecated(revision)) return null;
    return check(
      {
        base,
        revision,
        before: sunsetOf(base, (node) => context.resolve('base', node)),
        after: sunsetOf(revision, (node) => context.resolve('revision', node)),
        newlyDeprecated: !isDeprecated(base),
        stillDeprecated: isDeprecated(base),
      },
      context,
    );
  };
}

/** The pointer suffix of a sunset: the extension, or nothing when it came from a response header. */
function sunsetAt(sunset: Sunset): Pick<ReportDetail, 'at'> {
  return sunset.source === 'x-sunset' ? { at: '/x-sunset' } : {};
}

/** The sunsets of an operation deprecated on both sides, when both are readable dates that differ. */
function movedSunset(pair: SunsetPair) {
  const before = pair.before?.date;
  const after = pair.after?.date;
  if (!pair.stillDeprecated || !before || !after || !pair.after || before === after) return null;
  return { before, after, sunset: pair.after };
}

/** Whether a sunset moved earlier leaves less than the notice owed. */
function movedTooEarly(pair: SunsetPair, context: OperationContext): boolean {
  const moved = movedSunset(pair);
  if (!moved || moved.after >= moved.before) return false;
  return daysBetween(context.options.today, moved.after) < noticeDays(pair.revision, context);
}

const listOrders = (members: JsonObject) => withOperation('get', '/orders', members);
const deprecatedUntil = (sunset: string) => listOrders({ deprecated: true, 'x-sunset': sunset });
/** `GET /orders` deprecated, announcing its sunset with the RFC 8594 response header. */
const deprecatedWithHeader = (sunset: string) =>
  listOrders({
    deprecated: true,
    responses: {
      '200': { description: 'OK', headers: { Sunset: { schema: { type: 'string', example: sunset } } } },
    },
  });

export const deprecationRules: OperationRule[] = [
  {
    id: 'api-deprecated-sunset-missing',
    level: 'ERR',
    section: 'deprecation',
    scope: 'operation',
    title: 'An operation was deprecated without a sunset date',
    why: 'Clients are told to move away but not by when, so they cannot plan, and its removal cannot be checked against the minimum deprecation period. Announce the date with x-sunset or a documented Sunset response header.',
    examples: {
      triggers: { base: listOrders({}), revision: listOrders({ deprecated: true }) },
      nearMiss: { base: listOrders({}), revision: deprecatedUntil('2027-01-01') },
    },
    check: onDeprecated((pair, context) => {
      const days = noticeDays(pair.revision, context);
      if (!pair.newlyDeprecated || pair.after || days <= 0) return null;
      return `deprecated without a sunset date; at least ${days} days of notice are required`;
    }),
  },
  {
    id: 'api-deprecated-sunset-parse',
    level: 'ERR',
    section: 'deprecation',
    scope: 'operation',
    title: 'A deprecated operation’s sunset date cannot be read',
    why: 'Neither clients nor this check can tell when the operation goes away. Write the sunset as an ISO date (2027-01-31), an RFC 3339 date-time or an HTTP-date (Sun, 31 Jan 2027 00:00:00 GMT).',
    examples: {
      triggers: { base: listOrders({}), revision: listOrders({ deprecated: true, 'x-sunset': 'end of Q1' }) },
      nearMiss: { base: listOrders({}), revision: deprecatedUntil('2027-03-31') },
    },
    check: onDeprecated(({ before, after, newlyDeprecated }) => {
      if (!after || after.date) return null;
      if (!newlyDeprecated && before?.text === after.text) return null;
      return {
        message: `sunset '${after.text}' (${after.source}) is not a date`,
        ...sunsetAt(after),
        after: after.text,
      };
    }),
  },
  {
    id: 'api-sunset-date-too-small',
    level: 'ERR',
    section: 'deprecation',
    scope: 'operation',
    title: 'An operation was deprecated with a sunset date sooner than the minimum deprecation period',
    why: 'Clients get less time to move than the project promises (minDeprecationDays from the day of the check). Set the sunset date at least that far ahead.',
    examples: {
      triggers: { base: listOrders({}), revision: deprecatedUntil('2026-06-15') },
      nearMiss: { base: listOrders({}), revision: deprecatedUntil('2026-09-15') },
    },
    check: onDeprecated((pair, context) => {
      const date = pair.after?.date;
      if (!pair.newlyDeprecated || !pair.after || !date) return null;
      const days = noticeDays(pair.revision, context);
      const left = daysBetween(context.options.today, date);
      if (left >= days) return null;
      return {
        message: `sunset ${date} is ${left} days away; a deprecation must last at least ${days} days`,
        ...sunsetAt(pair.after),
        after: date,
      };
    }),
  },
  {
    id: 'api-sunset-date-changed-too-small',
    level: 'ERR',
    section: 'deprecation',
    scope: 'operation',
    title: 'A deprecated operation’s sunset date moved earlier than the minimum deprecation period allows',
    why: 'Clients planned their move for the announced date; bringing it closer than the minimum deprecation period leaves them too little time. Keep the earlier announcement, or a date at least that far ahead.',
    examples: {
      triggers: { base: deprecatedUntil('2027-01-01'), revision: deprecatedUntil('2026-07-01') },
      nearMiss: { base: deprecatedUntil('2027-01-01'), revision: deprecatedUntil('2026-12-01') },
    },
    check: onDeprecated((pair, context) => {
      const moved = movedSunset(pair);
      if (!moved || !movedTooEarly(pair, context)) return null;
      const left = daysBetween(context.options.today, moved.after);
      return {
        message: `sunset moved earlier from ${moved.before} to ${moved.after}, ${left} days away; at least ${noticeDays(pair.revision, context)} days are required`,
        ...sunsetAt(moved.sunset),
        before: moved.before,
        after: moved.after,
      };
    }),
  },
  {
    id: 'api-sunset-date-changed',
    level: 'INFO',
    section: 'deprecation',
    scope: 'operation',
    title: 'A deprecated operation’s sunset date changed',
    why: 'The operation goes away on a different day, still within the deprecation policy. Clients should plan their move for the new date.',
    examples: {
      triggers: {
        base: deprecatedUntil('2027-01-01'),
        revision: deprecatedWithHeader('Mon, 01 Mar 2027 00:00:00 GMT'),
      },
      nearMiss: {
        base: deprecatedUntil('2027-01-01'),
        revision: deprecatedWithHeader('Fri, 01 Jan 2027 00:00:00 GMT'),
      },
    },
    check: onDeprecated((pair, context) => {
      const moved = movedSunset(pair);
      if (!moved || movedTooEarly(pair, context)) return null;
      return {
        message: `sunset moved from ${moved.before} to ${moved.after}`,
        ...sunsetAt(moved.sunset),
        before: moved.before,
        after: moved.after,
      };
    }),
  },
  {
    id: 'sunset-deleted',
    level: 'ERR',
    section: 'deprecation',
    scope: 'operation',
    title: 'A deprecated operation no longer announces its sunset date',
    why: 'Clients lose the date they were planning for, and the removal can no longer be checked against it. Keep the sunset date, or un-deprecate the operation if it is staying.',
    examples: {
      triggers: { base: deprecatedUntil('2027-01-01'), revision: listOrders({ deprecated: true }) },
      nearMiss: { base: deprecatedUntil('2027-01-01'), revision: listOrders({}) },
    },
    check: onDeprecated(({ before, after, stillDeprecated }) =>
      stillDeprecated && before && !after
        ? {
            message: `sunset ${before.date ?? before.text} removed while still deprecated`,
            before: before.text,
          }
        : null,
    ),
  },
];
