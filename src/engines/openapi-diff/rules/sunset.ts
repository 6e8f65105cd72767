import { isObject } from '../document.ts';
import type { Json, JsonObject } from '../types.ts';

/**
 * Deprecation and sunset dates. An operation announces the day it goes away with `x-sunset` (an ISO
 * date, an RFC 3339 date-time or an HTTP-date) or by documenting the RFC 8594 `Sunset` response
 * header with an example or default value; the rules on deprecation, removal and stability all read
 * it here.
 */

/** Follows a `$ref` on one side of the comparison (the target itself, not a copy). */
export type Resolve = (node: Json | undefined) => Json | undefined;

export interface Sunset {
  /** The value as written in the contract. */
  text: string;
  /** The day it names (YYYY-MM-DD, UTC), or null when it is not a date in a format this engine reads. */
  date: string | null;
  /** Where it was found. */
  source: 'x-sunset' | 'Sunset header';
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTime = /^(\d{4})-(\d{2})-(\d{2})[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const httpDate = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) \d{2}:\d{2}:\d{2} GMT$/;

/** The UTC day of a calendar date, or null when the date does not exist (2026-02-30). */
function calendarDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}

/** The day a sunset value names: `2027-01-31`, `2027-01-31T00:00:00Z` or `Sun, 31 Jan 2027 00:00:00 GMT`. */
export function parseSunsetDate(text: string): string | null {
  const value = text.trim();
  const iso = isoDate.exec(value);
  if (iso) return calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const stamp = dateTime.exec(value);
  if (stamp) {
    if (!calendarDay(Number(stamp[1]), Number(stamp[2]), Number(stamp[3]))) return null;
    const time = Date.parse(value.replace(' ', 'T'));
    return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
  }
  const http = httpDate.exec(value);
  if (http) {
    const month = months.indexOf(http[3] ?? '');
    return month < 0 ? null : calendarDay(Number(http[4]), month + 1, Number(http[2]));
  }
  return null;
}

/** Whole days from one YYYY-MM-DD day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function sunsetFrom(value: Json | undefined, source: Sunset['source']): Sunset | null {
  if (value === undefined || value === null) return null;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return { text, date: typeof value === 'string' ? parseSunsetDate(value) : null, source };
}

/** The value a header documents: its example, first named example, or its schema's example or default. */
function documentedValue(header: JsonObject, resolve: Resolve): Json | undefined {
  if (header.example !== undefined) return header.example;
  if (isObject(header.examples)) {
    for (const raw of Object.values(header.examples)) {
      const example = resolve(raw);
      if (isObject(example) && example.value !== undefined) return example.value;
    }
  }
  const schema = resolve(header.schema);
  if (!isObject(schema)) return undefined;
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  return schema.default ?? schema.const;
}

function sunsetHeaderOf(operation: JsonObject, resolve: Resolve): Sunset | null {
  const responses = isObject(operation.responses) ? Object.values(operation.responses) : [];
  for (const raw of responses) {
    const response = resolve(raw);
    if (!isObject(response) || !isObject(response.headers)) continue;
    for (const [name, rawHeader] of Object.entries(response.headers)) {
      if (name.toLowerCase() !== 'sunset') continue;
      const header = resolve(rawHeader);
      const sunset = isObject(header) ? sunsetFrom(documentedValue(header, resolve), 'Sunset header') : null;
      if (sunset) return sunset;
    }
  }
  return null;
}

/**
 * The sunset an operation announces: `x-sunset` first, then a documented `Sunset` response header
 * with a value. Null when neither gives one (a `Sunset` header documented without a value names no
 * day the contract can be checked against).
 */
export function sunsetOf(operation: JsonObject, resolve: Resolve): Sunset | null {
  return sunsetFrom(operation['x-sunset'], 'x-sunset') ?? sunsetHeaderOf(operation, resolve);
}

/** Whether a node (operation, parameter, header) is marked deprecated. */
export function isDeprecated(node: JsonObject | undefined): boolean {
  return node?.deprecated === true;
}
