import { isObject } from '../document.ts';
import type { Json, JsonObject, ParameterRule } from '../types.ts';
import { withParameter } from './examples.ts';
import { limit, onKept, where } from './parameter-support.ts';
import { typesOf } from './schema-values.ts';

/**
 * How a kept parameter is written into the request: style, explode, reserved characters, empty
 * values and the media type of a parameter described by `content`. Part of the parameter rules,
 * in their catalogue order.
 */

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

const tags = (members: JsonObject) =>
  withParameter({
    name: 'tags',
    in: 'query',
    schema: { type: 'array', items: { type: 'string' } },
    ...members,
  });
const filter = (mediaType: string, schema: JsonObject = { type: 'object' }) =>
  withParameter({ name: 'filter', in: 'query', content: { [mediaType]: { schema } } });

export const parameterSerializationRules: ParameterRule[] = [
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
];
