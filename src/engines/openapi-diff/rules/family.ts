import type {
  BothSides,
  Direction,
  JsonObject,
  Level,
  ReportDetail,
  RuleReport,
  SchemaContext,
  SchemaLocation,
  SchemaRule,
  Section,
} from '../types.ts';
import { schemaExample } from './examples.ts';
import { isHiddenIn } from './schema-values.ts';

/** Where a schema sits, in words, for messages: `request property items[].name`, `query parameter limit`. */
export function describeField(context: Pick<SchemaContext, 'field' | 'direction' | 'location'>): string {
  const { field } = context;
  const response = /^response\.([^.]+)\.(body|header)\.?(.*)$/.exec(field);
  if (response) {
    const [, status, kind, rest] = response;
    if (kind === 'header') return `response ${status} header ${rest}`;
    return rest ? `response ${status} property ${rest}` : `response ${status} body`;
  }
  if (field.startsWith('request.body')) {
    // `request.body.name`, or `request.body[]` for the items of a top-level array.
    const rest = field.slice('request.body'.length).replace(/^\./, '');
    return rest ? `request property ${rest}` : 'request body';
  }
  const [where, ...name] = field.split('.');
  return `${where} parameter ${name.join('.')}`;
}

/** One member of a family: the same check at one direction and location, with its own id and level. */
export interface Variant {
  id: string;
  direction: Direction;
  location: SchemaLocation;
  level: Level;
}

const placeWords: Record<string, string> = {
  'request/parameter': 'a request parameter',
  'request/body': 'the request body',
  'request/property': 'a request property',
  'response/body': 'the response body',
  'response/property': 'a response property',
  'response/header': 'a response header',
};

/** The title with the place put in; a title that starts with the place starts with a capital. */
function titleAt(title: string, variant: Variant): string {
  const place = placeWords[`${variant.direction}/${variant.location}`] ?? 'a schema';
  const shown = title.startsWith('{where}') ? place.charAt(0).toUpperCase() + place.slice(1) : place;
  return title.replace('{where}', shown);
}

function sectionOf(variant: Variant): Section {
  if (variant.location === 'parameter') return 'parameters';
  if (variant.location === 'header') return 'headers';
  return variant.direction === 'request' ? 'request-schema' : 'response-schema';
}

/**
 * A family of schema rules: one check of two schemas (a maximum lowered, an enum value removed, …)
 * reported under its own id at each direction and location where it matters, as oasdiff names them
 * (`request-parameter-max-length-decreased`, `request-property-max-length-decreased`, …). The
 * examples are schemas; each variant places them at its own spot. A read-only schema in a request
 * and a write-only one in a response are skipped: no client meets them there.
 */
export function schemaFamily(spec: {
  /** The title with `{where}` standing for the place, e.g. "maxLength of {where} decreased". */
  title: string;
  why: string;
  variants: Variant[];
  /** The base schema, a revision that triggers the rule, and a revision that must not. */
  examples: { base: JsonObject; triggers: JsonObject; nearMiss: JsonObject };
  check(schemas: BothSides<JsonObject>, context: SchemaContext): RuleReport;
}): SchemaRule[] {
  return spec.variants.map((variant) => ({
    id: variant.id,
    level: variant.level,
    section: sectionOf(variant),
    scope: 'schema',
    direction: variant.direction,
    location: variant.location,
    title: titleAt(spec.title, variant),
    why: spec.why,
    examples: {
      triggers: schemaExample(
        variant.direction,
        variant.location,
        spec.examples.base,
        spec.examples.triggers,
      ),
      nearMiss: schemaExample(
        variant.direction,
        variant.location,
        spec.examples.base,
        spec.examples.nearMiss,
      ),
    },
    check: (schemas, context) =>
      isHiddenIn(variant.direction, schemas)
        ? null
        : prefixed(spec.check(schemas, context), describeField(context)),
  }));
}

/** Messages of a schema check start with the place: `request property name: maxLength decreased …`. */
function prefixed(report: RuleReport, where: string): RuleReport {
  if (!report) return report;
  const list = Array.isArray(report) ? report : [report];
  return list.map((item): ReportDetail => {
    const detail = typeof item === 'string' ? { message: item } : item;
    return { ...detail, message: `${where}: ${detail.message}` };
  });
}
