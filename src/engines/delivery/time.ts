import { z } from 'zod';

// Every time the engine hands out is ISO 8601 in UTC, whatever offset the source wrote.

const compactOffset = /([+-]\d{2})(\d{2})$/;

/**
 * The instant `text` names, as ISO 8601 UTC, or null when it is not a date-time. Jira writes offsets
 * without a colon ("2024-01-15T10:30:00.000+0100"); Node parses that form today, but ECMAScript only
 * promises the `+01:00` form, so the colon is put in before parsing.
 */
export function toUtcIso(text: string): string | null {
  const withColon = text.replace(compactOffset, '$1:$2');
  const ms = Date.parse(withColon);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** A date-time string, read into ISO 8601 UTC. */
export const timestamp = z.string().transform((text, context) => {
  const iso = toUtcIso(text);
  if (iso === null) {
    context.addIssue({ code: 'custom', message: `is not a date-time: ${JSON.stringify(text)}` });
    return z.NEVER;
  }
  return iso;
});

/** Milliseconds from `start` to `end`, or null when either is unknown. */
export function msBetween(start: string | null, end: string | null): number | null {
  if (start === null || end === null) return null;
  return Date.parse(end) - Date.parse(start);
}

/** The earliest of some ISO times, or null when there are none. */
export function earliest(times: Iterable<string | null>): string | null {
  let best: string | null = null;
  for (const time of times) {
    if (time !== null && (best === null || Date.parse(time) < Date.parse(best))) best = time;
  }
  return best;
}

/** The latest of some ISO times, or null when there are none. */
export function latest(times: Iterable<string | null>): string | null {
  let best: string | null = null;
  for (const time of times) {
    if (time !== null && (best === null || Date.parse(time) > Date.parse(best))) best = time;
  }
  return best;
}
