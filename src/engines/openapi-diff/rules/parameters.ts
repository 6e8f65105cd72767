import { isObject } from '../document.ts';
import type { Json, JsonObject, ParameterRule, RuleReport } from '../types.ts';
import { withOperation, withParameter } from './examples.ts';
import { removalStage } from './removal.ts';
import { typesOf } from './schema-values.ts';
import { isDeprecated, sunsetOf } from './sunset.ts';

/**
 * Parameters as a whole: added, removed, required or not, how they are serialised, deprecated.
 * What their schemas accept is judged by the schema rules. Parameters match by location and name
 * (path parameters by position), so one moved from query to header is one removed and one added.
 */

type ParameterContext = Parameters<ParameterRule['check']>[1];

const isRequired = (parameter: JsonObject) => parameter.required === true;
const where = (context: ParameterContext) => `${context.in} parameter ${context.name}`;

/** A check of a parameter present on both sides. */
function onKept(
  check: (base: JsonObject, revision: JsonObject, context: ParameterContext) => RuleReport,
): ParameterRule['check'] {
  return ({ base, revision }, context) => (base && revision ? check(base, revision, context) : null);
}

/** How a parameter is written into the request: its style, and explode, with OpenAPI's defaults. */
function serialization(parameter: JsonObject): { style: string; explode: boolean } {
  const inQueryOrCookie = parameter.in === 'query' || parameter.in === 'cookie';
  const style = typeof parameter.style === 'string' ? parameter.style : inQueryOrCookie ? 'form' : 'simple';
  const explode = typeof parameter.explode === 'boolean' ? parameter.explode : style === 'form';
  return { style, explode };
}

/** Whether every value a schema allows is a single value, for which explode changes nothing. */
function isScalar(schema: Json | undefined): boolean {
  if (!isObject(schema) || schema.oneOf || schema.anyOf || schema.allOf) return false;
  const types = typesOf(schema);
  return types.length > 0 && types.every((type) => ['string', 'number', 'integer', 'boolean'].includes(type));
}

/** The media type of a parameter described by `content` rather than `schema`. */
function contentType(parameter: JsonObject): string | undefined {
  return isObject(parameter.content) ? Object.keys(parameter.content)[0] : undefined;
}

const limit = (members: JsonObject = {}) =>
  ({ name: 'limit', in: 'query', schema: { type: 'integer' }, ...members }) satisfies JsonObject;
const noParameters = withOperation('get', '/orders', {});
const tags = (members: JsonObject) =>
  withParameter({
    name: 'tags',
    in: 'query',
    schema: { type: 'array', items: { type: 'string' } },
    ...members,
  });
const orderById = (parameter?: JsonObject) =>
  withOperation('get', '/orders/{id}', parameter ? { parameters: [parameter] } : {});
const filter = (mediaType: string, schema: JsonObject = { type: 'object' }) =>
  withParameter({ name: 'filter', in: 'query', content: { [mediaType]: { schema } } });

export const parameterRules: ParameterRule[] = [
  {
    id: 'new-required-request-parameter',
    level: 'ERR',
    section: 'parameters',
    scope: 'parameter',
    title: 'A new required parameter was added',
    why: 'Requests from existing clients lack it and are refused. Make it optional with a server-side default, or add it to a new operation.',
    examples: {
      triggers: { base: noParameters, revision: withParameter(limit({ required: true })) },
      nearMiss: { base: noParameters, revision: withParameter(limit()) },
    },
    check: ({ base, revision }, context) =>
      !base && revision && revision.in !== 'path' && isRequired(revision)
        ? `new required ${where(context)}`
        : null,
  },
  {
    id: 'new-optional-request-parameter',
    level: 'INFO',
    section: 'parameters',
    scope: 'parameter',
    title: 'A new optional parameter was added',
    why: 'Existing requests stay valid; clients may start sending it.',
    examples: {
      triggers: { base: noParameters, revision: withParameter(limit()) },
      nearMiss: { base: noParameters, revision: withParameter(limit({ required: true })) },
    },
    check: ({ base, revision }, context) =>
      !base && revision && revision.in !== 'path' && !isRequired(revision)
        ? `new optional ${where(context)}`
        : null,
  },
  {
    id: 'new-request-path-parameter',
    level: 'INFO',
    section: 'parameters',
    scope: 'parameter',
    title: 'A path parameter the path already had is now declared',
    why: 'Operations match by the shape of their path, so the segment was already in every request: only its declaration is new. oasdiff reports a new path parameter as ERR because it matches paths by their text.',
    examples: {
      triggers: {
        base: orderById(),
        revision: orderById({ name: 'id', in: 'path', required: true, schema: { type: 'string' } }),
      },
      nearMiss: { base: orderById(), revision: orderById(limit()) },
    },
    check: ({ base, revision }, context) =>
      !base && revision?.in === 'path' ? `path parameter ${context.name} declared` : null,
  },
  {
    id: 'request-parameter-removed',
    level: 'WARN',
    section: 'parameters',
    scope: 'parameter',
    title: 'A parameter was removed without being deprecated first',
    why: 'Most servers ignore a parameter they do not know, so requests keep working, but what clients send with it no longer has any effect, and a strict server refuses it. Deprecate it first.',
    examples: {
      triggers: { base: withParameter(limit()), revision: noParameters },
      nearMiss: { base: withParameter(limit({ deprecated: true })), revision: noParameters },
    },
    check: ({ base, revision }, context) =>
      base && !revision && base.in !== 'path' && !isDeprecated(base) ? `${where(context)} removed` : null,
  },
  {
    id: 'request-parameter-removed-with-deprecation',
    level: 'INFO',
    section: 'parameters',
    scope: 'parameter',
    title: 'A deprecated parameter was removed',
    why: 'Clients were told to stop sending it; a server that ignores unknown parameters keeps accepting requests that still do.',
    examples: {
      triggers: { base: withParameter(limit({ deprecated: true })), revision: noParameters },
      nearMiss: {
        base: withParameter(limit({ deprecated: true, 'x-sunset': '2027-01-01' })),
        revision: noParameters,
      },
    },
    check: ({ base, revision }, context) => {
      if (!base || revision || base.in === 'path') return null;
      const { stage } = removalStage(base, context);
      return stage === 'no-sunset' || stage === 'after-sunset'
        ? `deprecated ${where(context)} removed`
        : null;
    },
  },
  {
    id: 'request-parameter-removed-before-sunset',
    level: 'ERR',
    section: 'parameters',
    scope: 'parameter',
    title: 'A deprecated parameter was removed before its sunset date',
    why: 'Clients were promised the parameter until its sunset date (x-sunset) and may still rely on it. Keep it until the date has passed.',
    examples: {
      triggers: {
        base: withParameter(limit({ deprecated: true, 'x-sunset': '2027-01-01' })),
        revision: noParameters,
      },
      nearMiss: {
        base: withParameter(limit({ deprecated: true, 'x-sunset': '2026-01-01' })),
        revision: noParameters,
      },
    },
    check: ({ base, revision }, context) => {
      if (!base || revision) return null;
      const { stage, sunset } = removalStage(base, context);
      return stage === 'before-sunset'
        ? `${where(context)} removed before its sunset date ${sunset?.date}`
        : null;
    },
  },
  {
    id: 'request-parameter-sunset-parse',
    level: 'ERR',
    section: 'parameters',
    scope: 'parameter',
    title: 'A deprecated parameter was removed but its sunset date cannot be read',
    why: 'Whether the removal respects the announced sunset cannot be told. Write x-sunset as an ISO date (2027-01-31), an RFC 3339 date-time or an HTTP-date.',
    examples: {
      triggers: {
        base: withParameter(limit({ deprecated: true, 'x-sunset': 'soon' })),
        revision: noParameters,
      },
      nearMiss: {
        base: withParameter(limit({ deprecated: true, 'x-sunset': '2026-01-01' })),
        revision: noParameters,
      },
    },
    check: ({ base, revision }, context) => {
      if (!base || revision) return null;
      const { stage, sunset } = removalStage(base, context);
      return stage === 'unreadable-sunset'
        ? `${where(context)} removed, but its sunset '${sunset?.text}' is not a date`
        : null;
    },
  },
  {
    id: 'request-parameter-became-required',
    level: 'ERR',
    section: 'parameters',
    scope: 'parameter',
    title: 'An optional parameter became required',
    why: 'Requests from clients that leave it out are now refused. Keep it optional with a server-side default.',
    examples: {
      triggers: { base: withParameter(limit()), revision: withParameter(limit({ required: true })) },
      nearMiss: { base: withParameter(limit({ required: true })), revision: withParameter(limit()) },
    },
    check: onKept((base, revision, context) =>
      base.in !== 'path' && !isRequired(base) && isRequired(revision)
        ? { message: `${where(context)} became required`, at: '/required', before: false, after: true }
        : null,
    ),
  },
  {
    id: 'request-parameter-became-optional',
    level: 'INFO',
    section: 'parameters',
    scope: 'parameter',
    title: 'A required parameter became optional',
    why: 'Every request that sends it stays valid; clients may leave it out.',
    examples: {
      triggers: { base: withParameter(limit({ required: true })), revision: withParameter(limit()) },
      nearMiss: { base: withParameter(limit()), revision: withParameter(limit({ required: true })) },
    },
    check: onKept((base, revision, context) =>
      base.in !== 'path' && isRequired(base) && !isRequired(revision)
        ? { message: `${where(context)} became optional`, at: '/required', before: true, after: false }
        : null,
    ),
  },
  {
    id: 'request-parameter-style-changed',
    level: 'ERR',
    section: 'parameters',
    scope: 'parameter',
    title: 'A parameter’s serialisation style changed',
    why: 'Clients write the value the old way (`tags=a,b` for form, `tags=a%20b` for spaceDelimited…), which the server now reads differently or refuses. Keep the style, or accept both.',
    examples: {
      triggers: { base: tags({}), revision: tags({ style: 'spaceDelimited' }) },
      nearMiss: { base: tags({}), revision: tags({ style: 'form' }) },
    },
    check: onKept((base, revision, context) => {
      if (base.content || revision.content) return null;
      const before = serialization(base).style;
      const after = serialization(revision).style;
      return before === after
        ? null
        : {
            message: `${where(context)}: style changed from ${before} to ${after}`,
            at: '/style',
            before,
            after,
          };
    }),
  },
  {
    id: 'request-parameter-explode-changed',
    level: 'ERR',
    section: 'parameters',
    scope: 'parameter',
    title: 'Whether a parameter’s array or object values are exploded changed',
    why: 'Clients send `tags=a&tags=b` (exploded) or `tags=a,b` (not); the server now expects the other and reads a different value. Keep explode as it was.',
    examples: {
      triggers: { base: tags({}), revision: tags({ explode: false }) },
      nearMiss: {
        base: withParameter(limit()),
        revision: withParameter(limit({ explode: false })),
      },
    },
    check: onKept((base, revision, context) => {
      if (base.content || revision.content) return null;
      const before = serialization(base);
      const after = serialization(revision);
      if (before.style !== after.style || before.explode === after.explode) return null;
      const scalar =
        isScalar(context.resolve('base', base.schema)) &&
        isScalar(context.resolve('revision', revision.schema));
      if (scalar) return null;
      return {
        message: `${where(context)}: explode changed from ${before.explode} to ${after.explode}`,
        at: '/explode',
        before: before.explode,
        after: after.explode,
      };
    }),
  },
  {
    id: 'request-parameter-became-allow-reserved',
    level: 'INFO',
    section: 'parameters',
    scope: 'parameter',
    title: 'A query parameter now accepts reserved characters unencoded',
    why: 'Percent-encoded values stay valid; clients may now also send characters such as `/` and `?` as they are.',
    examples: {
      triggers: { base: withParameter(limit()), revision: withParameter(limit({ allowReserved: true })) },
      nearMiss: {
        base: withParameter({ name: 'x-trace', in: 'header', schema: { type: 'string' } }),
        revision: withParameter({
          name: 'x-trace',
          in: 'header',
          schema: { type: 'string' },
          allowReserved: true,
        }),
      },
    },
    check: onKept((base, revision, context) =>
      revision.in === 'query' && base.allowReserved !== true && revision.allowReserved === true
        ? { message: `${where(context)} now allows reserved characters`, at: '/allowReserved', after: true }
        : null,
    ),
  },
  {
    id: 'request-parameter-became-not-allow-reserved',
    level: 'ERR',
    section: 'parameters',
    scope: 'parameter',
    title: 'A query parameter no longer accepts reserved characters unencoded',
    why: 'Clients that send characters such as `/` or `?` as they are now have them read as part of the URL or refused. Keep allowReserved, or make sure every client percent-encodes the value.',
    examples: {
      triggers: { base: withParameter(limit({ allowReserved: true })), revision: withParameter(limit()) },
      nearMiss: { base: withParameter(limit()), revision: withParameter(limit({ allowReserved: true })) },
    },
    check: onKept((base, revision, context) =>
      revision.in === 'query' && base.allowReserved === true && revision.allowReserved !== true
        ? {
            message: `${where(context)} no longer allows reserved characters`,
            at: '/allowReserved',
            before: true,
          }
        : null,
    ),
  },
  {
    id: 'request-parameter-allow-empty-value-removed',
    level: 'ERR',
    section: 'parameters',
    scope: 'parameter',
    title: 'A query parameter no longer accepts an empty value',
    why: 'Clients that send it empty (`?flag=` or `?flag`) are now refused. Keep allowEmptyValue, or have clients leave the parameter out instead.',
    examples: {
      triggers: { base: withParameter(limit({ allowEmptyValue: true })), revision: withParameter(limit()) },
      nearMiss: { base: withParameter(limit()), revision: withParameter(limit({ allowEmptyValue: true })) },
    },
    check: onKept((base, revision, context) =>
      revision.in === 'query' && base.allowEmptyValue === true && revision.allowEmptyValue !== true
        ? {
            message: `${where(context)} no longer accepts an empty value`,
            at: '/allowEmptyValue',
            before: true,
          }
        : null,
    ),
  },
  {
    id: 'request-parameter-content-media-type-changed',
    level: 'ERR',
    section: 'parameters',
    scope: 'parameter',
    title: 'The media type of a parameter described by content changed',
    why: 'Clients encode the value in the old media type (JSON in a query string, say), which the server now parses differently. Keep the media type.',
    examples: {
      triggers: { base: filter('application/json'), revision: filter('text/plain', { type: 'string' }) },
      nearMiss: {
        base: filter('application/json'),
        revision: filter('application/json', { type: 'object', properties: { status: { type: 'string' } } }),
      },
    },
    check: onKept((base, revision, context) => {
      const before = contentType(base);
      const after = contentType(revision);
      if (!before || !after || before === after) return null;
      return {
        message: `${where(context)}: media type changed from ${before} to ${after}`,
        at: '/content',
        before,
        after,
      };
    }),
  },
  {
    id: 'request-path-parameter-renamed',
    level: 'INFO',
    section: 'parameters',
    scope: 'parameter',
    title: 'A path parameter was renamed',
    why: 'The URL clients send is the same; only the name in the template changed. Generated clients rename the argument when they regenerate.',
    examples: {
      triggers: {
        base: orderById({ name: 'id', in: 'path', required: true, schema: { type: 'string' } }),
        revision: withOperation('get', '/orders/{orderId}', {
          parameters: [{ name: 'orderId', in: 'path', required: true, schema: { type: 'string' } }],
        }),
      },
      nearMiss: {
        base: orderById({ name: 'id', in: 'path', required: true, schema: { type: 'string' } }),
        revision: orderById({
          name: 'id',
          in: 'path',
          required: true,
          schema: { type: 'string' },
          description: 'Order id',
        }),
      },
    },
    check: onKept((base, revision) =>
      base.in === 'path' && revision.in === 'path' && base.name !== revision.name
        ? {
            message: `path parameter ${base.name} renamed to ${revision.name}`,
            at: '/name',
            before: base.name ?? null,
            after: revision.name ?? null,
          }
        : null,
    ),
  },
  {
    id: 'request-parameter-deprecated',
    level: 'INFO',
    section: 'parameters',
    scope: 'parameter',
    title: 'A parameter was deprecated',
    why: 'Requests that send it still work. Clients should stop sending it before its sunset date.',
    examples: {
      triggers: {
        base: withParameter(limit()),
        revision: withParameter(limit({ deprecated: true, 'x-sunset': '2027-01-01' })),
      },
      nearMiss: { base: withParameter(limit({ deprecated: true })), revision: withParameter(limit()) },
    },
    check: onKept((base, revision, context) => {
      if (isDeprecated(base) || !isDeprecated(revision)) return null;
      const sunset = sunsetOf(revision, (node) => context.resolve('revision', node))?.date;
      return {
        message: sunset ? `${where(context)} deprecated, sunset ${sunset}` : `${where(context)} deprecated`,
        at: '/deprecated',
        before: false,
        after: sunset ?? null,
      };
    }),
  },
  {
    id: 'request-parameter-reactivated',
    level: 'INFO',
    section: 'parameters',
    scope: 'parameter',
    title: 'A deprecated parameter is no longer deprecated',
    why: 'The parameter stays: clients may keep sending it.',
    examples: {
      triggers: { base: withParameter(limit({ deprecated: true })), revision: withParameter(limit()) },
      nearMiss: { base: withParameter(limit()), revision: withParameter(limit({ deprecated: true })) },
    },
    check: onKept((base, revision, context) =>
      isDeprecated(base) && !isDeprecated(revision)
        ? { message: `${where(context)} no longer deprecated`, at: '/deprecated', before: true, after: false }
        : null,
    ),
  },
  {
    id: 'request-parameter-deprecated-sunset-missing',
    level: 'ERR',
    section: 'parameters',
    scope: 'parameter',
    title: 'A parameter was deprecated without a sunset date',
    why: 'Clients are told to stop sending it but not by when, and its removal cannot be checked against the minimum deprecation period. Give the parameter an x-sunset date.',
    examples: {
      triggers: { base: withParameter(limit()), revision: withParameter(limit({ deprecated: true })) },
      nearMiss: {
        base: withParameter(limit()),
        revision: withParameter(limit({ deprecated: true, 'x-sunset': '2027-01-01' })),
      },
    },
    check: onKept((base, revision, context) => {
      if (isDeprecated(base) || !isDeprecated(revision) || context.options.minDeprecationDays <= 0)
        return null;
      if (sunsetOf(revision, (node) => context.resolve('revision', node))) return null;
      return `${where(context)} deprecated without a sunset date`;
    }),
  },
];
