import type { JsonObject, MediaTypeRule, RequestBodyRule } from '../types.ts';
import { withOperation, withRequestSchema } from './examples.ts';
import { sameEssenceOn } from './media-types.ts';

/**
 * The request body as a whole and its media types. What a body's schema accepts is judged by the
 * schema rules.
 */

const order = { type: 'object', properties: { item: { type: 'string' } } };
const noBody = withOperation('post', '/orders', {});
const body = (content: JsonObject, required = true) =>
  withOperation('post', '/orders', { requestBody: { required, content } });
const json = { 'application/json': { schema: order } };
const jsonAndXml = { ...json, 'application/xml': { schema: order } };
const jsonUtf8 = { 'application/json; charset=utf-8': { schema: order } };

const isRequired = (requestBody: JsonObject) => requestBody.required === true;

export const requestBodyRules: (RequestBodyRule | MediaTypeRule)[] = [
  {
    id: 'request-body-added-required',
    level: 'ERR',
    section: 'request-body',
    scope: 'request-body',
    title: 'A required request body was added',
    why: 'Requests from existing clients carry no body and are refused. Make the body optional, with server-side defaults, or add it to a new operation.',
    examples: {
      triggers: { base: noBody, revision: withRequestSchema(order, true) },
      nearMiss: { base: noBody, revision: withRequestSchema(order, false) },
    },
    check: ({ base, revision }) =>
      !base && revision && isRequired(revision) ? 'required request body added' : null,
  },
  {
    id: 'request-body-added-optional',
    level: 'INFO',
    section: 'request-body',
    scope: 'request-body',
    title: 'An optional request body was added',
    why: 'Requests without a body stay valid; clients may start sending one.',
    examples: {
      triggers: { base: noBody, revision: withRequestSchema(order, false) },
      nearMiss: { base: noBody, revision: withRequestSchema(order, true) },
    },
    check: ({ base, revision }) =>
      !base && revision && !isRequired(revision) ? 'optional request body added' : null,
  },
  {
    id: 'request-body-removed',
    level: 'ERR',
    section: 'request-body',
    scope: 'request-body',
    title: 'The request body was removed',
    why: 'Clients still send the body; the server now ignores what they send or refuses it. Keep accepting the body until clients have stopped sending it.',
    examples: {
      triggers: { base: withRequestSchema(order, false), revision: noBody },
      nearMiss: { base: withRequestSchema(order, true), revision: withRequestSchema(order, false) },
    },
    check: ({ base, revision }) => (base && !revision ? 'request body removed' : null),
  },
  {
    id: 'request-body-became-required',
    level: 'ERR',
    section: 'request-body',
    scope: 'request-body',
    title: 'An optional request body became required',
    why: 'Requests from clients that send no body are now refused. Keep it optional.',
    examples: {
      triggers: { base: withRequestSchema(order, false), revision: withRequestSchema(order, true) },
      nearMiss: { base: withRequestSchema(order, true), revision: withRequestSchema(order, false) },
    },
    check: ({ base, revision }) =>
      base && revision && !isRequired(base) && isRequired(revision)
        ? { message: 'request body became required', at: '/required', before: false, after: true }
        : null,
  },
  {
    id: 'request-body-became-optional',
    level: 'INFO',
    section: 'request-body',
    scope: 'request-body',
    title: 'A required request body became optional',
    why: 'Every request with a body stays valid; clients may leave it out.',
    examples: {
      triggers: { base: withRequestSchema(order, true), revision: withRequestSchema(order, false) },
      nearMiss: { base: withRequestSchema(order, false), revision: withRequestSchema(order, true) },
    },
    check: ({ base, revision }) =>
      base && revision && isRequired(base) && !isRequired(revision)
        ? { message: 'request body became optional', at: '/required', before: true, after: false }
        : null,
  },
  {
    id: 'request-body-media-type-added',
    level: 'INFO',
    section: 'request-body',
    scope: 'media-type',
    direction: 'request',
    title: 'The request body accepts a new media type',
    why: 'Existing requests stay valid; clients may also send the new format.',
    examples: {
      triggers: { base: body(json), revision: body(jsonAndXml) },
      nearMiss: { base: body(json), revision: body(jsonUtf8) },
    },
    check: ({ base, revision }, context) =>
      !base && revision && !sameEssenceOn(context, 'base')
        ? { message: `request body media type ${context.mediaType} added`, after: context.mediaType }
        : null,
  },
  {
    id: 'request-body-media-type-removed',
    level: 'ERR',
    section: 'request-body',
    scope: 'media-type',
    direction: 'request',
    title: 'The request body no longer accepts a media type',
    why: 'Clients sending the body in that format get 415 Unsupported Media Type. Keep accepting it until clients have moved to another one.',
    examples: {
      triggers: { base: body(jsonAndXml), revision: body(json) },
      nearMiss: { base: body(json), revision: body(jsonUtf8) },
    },
    check: ({ base, revision }, context) =>
      base && !revision && !sameEssenceOn(context, 'revision')
        ? { message: `request body media type ${context.mediaType} removed`, before: context.mediaType }
        : null,
  },
  {
    id: 'request-body-media-type-name-changed',
    level: 'WARN',
    section: 'request-body',
    scope: 'media-type',
    direction: 'request',
    title: 'The parameters of a request body media type changed',
    why: 'Servers usually match on the type alone (application/json), so clients sending the old name keep working; a strict server refuses them with 415. Check that the server accepts both.',
    examples: {
      triggers: { base: body(json), revision: body(jsonUtf8) },
      nearMiss: { base: body(json), revision: body({ 'application/xml': { schema: order } }) },
    },
    check: ({ base, revision }, context) => {
      const renamed = base && !revision ? sameEssenceOn(context, 'revision') : undefined;
      return renamed
        ? {
            message: `request body media type ${context.mediaType} changed to ${renamed}`,
            before: context.mediaType,
            after: renamed,
          }
        : null;
    },
  },
  {
    id: 'request-body-media-type-schema-added',
    level: 'ERR',
    section: 'request-body',
    scope: 'media-type',
    direction: 'request',
    title: 'A request body media type that accepted anything now has a schema',
    why: 'The body was free-form; bodies clients send today that do not match the new schema are refused. Make the schema accept what clients send.',
    examples: {
      triggers: { base: body({ 'application/json': {} }), revision: body(json) },
      nearMiss: { base: body(json), revision: body({ 'application/json': {} }) },
    },
    check: ({ base, revision }, context) =>
      base && revision && base.schema === undefined && revision.schema !== undefined
        ? { message: `request body ${context.mediaType} now has a schema`, at: '/schema' }
        : null,
  },
  {
    id: 'request-body-media-type-schema-removed',
    level: 'INFO',
    section: 'request-body',
    scope: 'media-type',
    direction: 'request',
    title: 'A request body media type no longer has a schema',
    why: 'Any body is accepted now, so every request that was valid stays valid.',
    examples: {
      triggers: { base: body(json), revision: body({ 'application/json': {} }) },
      nearMiss: { base: body({ 'application/json': {} }), revision: body(json) },
    },
    check: ({ base, revision }, context) =>
      base && revision && base.schema !== undefined && revision.schema === undefined
        ? { message: `request body ${context.mediaType} no longer has a schema`, at: '/schema' }
        : null,
  },
];
