import type { Level, SchemaLocation } from '../types.ts';
import type { Variant } from './family.ts';

/**
 * The usual members of a family, named as oasdiff names them: `request-parameter-<change>`,
 * `request-body-<change>`, `request-property-<change>`, and the same for responses with
 * `response-header-<change>` where a header can show the change.
 */
export function requestVariants(
  change: string,
  level: Level,
  locations: readonly SchemaLocation[] = ['parameter', 'body', 'property'],
): Variant[] {
  return locations.map((location) => ({
    id: `request-${location}-${change}`,
    direction: 'request',
    location,
    level,
  }));
}

export function responseVariants(
  change: string,
  level: Level,
  locations: readonly SchemaLocation[] = ['body', 'property', 'header'],
): Variant[] {
  return locations.map((location) => ({
    id: `response-${location}-${change}`,
    direction: 'response',
    location,
    level,
  }));
}

/** Where request bodies and responses have a shape but parameters and headers rarely do. */
export const bodyAndProperty: readonly SchemaLocation[] = ['body', 'property'];
