import { isObject } from '../document.ts';
import type { JsonObject, MediaTypeRule, ResponseRule } from '../types.ts';
import { withOperation } from './examples.ts';
import { sameEssenceOn } from './media-types.ts';

/**
 * Response statuses and media types. A status counts as success when it is 2xx (or the `2XX`
 * range); `default` stands for every status not listed. A status the revision still answers
 * through its range, or a range it now lists status by status, is not removed.
 */

type ResponseContext = Parameters<ResponseRule['check']>[1];
type StatusKind = 'success' | 'non-success' | 'default';

function kindOf(status: string): StatusKind {
  if (status === 'default') return 'default';
  return /^2(\d\d|XX)$/i.test(status) ? 'success' : 'non-success';
}

/**
 * Whether the revision still answers a removed status: through its range (`200` folded into `2XX`),
 * or, for a removed range, through statuses of it now listed one by one (`2XX` narrowed to `200`).
 */
function stillAnswered(status: string, context: ResponseContext): boolean {
  const responses = context.operations.revision?.responses;
  if (!isObject(responses)) return false;
  const range = /^(\d)XX$/i.exec(status);
  const statuses = Object.keys(responses);
  if (range) return statuses.some((other) => /^\d{3}$/.test(other) && other[0] === range[1]);
  return /^\d{3}$/.test(status) && statuses.some((other) => other.toUpperCase() === `${status[0]}XX`);
}

/** A check of a status removed from, or added to, an operation that stays. */
function statusRule(
  spec: Omit<ResponseRule, 'scope' | 'check'> & { kind: StatusKind; change: 'removed' | 'added' },
): ResponseRule {
  const { kind, change, ...rule } = spec;
  return {
    ...rule,
    scope: 'response',
    check: ({ base, revision }, context) => {
      if (kindOf(context.status) !== kind) return null;
      if (change === 'removed') {
        if (!base || revision || stillAnswered(context.status, context)) return null;
        return { message: `response ${context.status} removed`, before: context.status };
      }
      return !base && revision
        ? { message: `response ${context.status} added`, after: context.status }
        : null;
    },
  };
}

const description = (status: string) => ({ description: `Status ${status}` });
/** `GET /orders` answering the given statuses. */
const answering = (...statuses: string[]) =>
  withOperation('get', '/orders', {
    responses: Object.fromEntries(statuses.map((status) => [status, description(status)])),
  });

const order = { type: 'object', properties: { id: { type: 'string' } } };
/** `GET /orders` answering 200 with the given content. */
const returning = (content: JsonObject) =>
  withOperation('get', '/orders', { responses: { '200': { description: 'OK', content } } });
const json = { 'application/json': { schema: order } };
const jsonAndXml = { ...json, 'application/xml': { schema: order } };
const jsonUtf8 = { 'application/json; charset=utf-8': { schema: order } };

export const responseRules: (ResponseRule | MediaTypeRule)[] = [
  statusRule({
    id: 'response-success-status-removed',
    level: 'ERR',
    section: 'responses',
    title: 'A success response status was removed',
    why: 'Clients written to handle that status (its body, its meaning) now get another one they may treat as a failure. Keep answering it, or tell clients which status replaces it.',
    examples: {
      triggers: { base: answering('200', '202'), revision: answering('202') },
      nearMiss: { base: answering('200'), revision: answering('2XX') },
    },
    kind: 'success',
    change: 'removed',
  }),
  statusRule({
    id: 'response-non-success-status-removed',
    level: 'INFO',
    section: 'responses',
    title: 'An error or redirect response status was removed from the contract',
    why: 'The contract no longer documents the status; clients’ handling of it is simply not exercised. A server that still sends it sends an undocumented status.',
    examples: {
      triggers: { base: answering('200', '404'), revision: answering('200') },
      nearMiss: { base: answering('200', '404'), revision: answering('200', '4XX') },
    },
    kind: 'non-success',
    change: 'removed',
  }),
  statusRule({
    id: 'response-success-status-added',
    level: 'INFO',
    section: 'responses',
    title: 'A success response status was added',
    why: 'oasdiff counts a new success status as compatible: clients that check for 2xx handle it. Clients that compare the exact status should learn the new one.',
    examples: {
      triggers: { base: answering('200'), revision: answering('200', '202') },
      nearMiss: { base: answering('200'), revision: answering('200', '404') },
    },
    kind: 'success',
    change: 'added',
  }),
  statusRule({
    id: 'response-non-success-status-added',
    level: 'INFO',
    section: 'responses',
    title: 'An error or redirect response status was added',
    why: 'The contract documents a status clients may already receive; clients should handle it if they do not yet.',
    examples: {
      triggers: { base: answering('200'), revision: answering('200', '404') },
      nearMiss: { base: answering('200'), revision: answering('200', '202') },
    },
    kind: 'non-success',
    change: 'added',
  }),
  statusRule({
    id: 'response-default-removed',
    level: 'WARN',
    section: 'responses',
    title: 'The default response was removed',
    why: 'Clients decode every status the contract does not list with the default response’s shape (often the error format); without it they no longer know what those responses look like. List the statuses it covered, or keep it.',
    examples: {
      triggers: { base: answering('200', 'default'), revision: answering('200') },
      nearMiss: { base: answering('200', 'default'), revision: answering('200', 'default', '500') },
    },
    kind: 'default',
    change: 'removed',
  }),
  statusRule({
    id: 'response-default-added',
    level: 'INFO',
    section: 'responses',
    title: 'A default response was added',
    why: 'The contract now describes the statuses it does not list; nothing clients rely on changes.',
    examples: {
      triggers: { base: answering('200'), revision: answering('200', 'default') },
      nearMiss: { base: answering('200'), revision: answering('200', '500') },
    },
    kind: 'default',
    change: 'added',
  }),
  {
    id: 'response-media-type-removed',
    level: 'ERR',
    section: 'responses',
    scope: 'media-type',
    direction: 'response',
    title: 'A response media type was removed',
    why: 'Clients that ask for it (Accept) or parse it get 406 or a body they cannot read. Keep producing it until clients have moved to another one.',
    examples: {
      triggers: { base: returning(jsonAndXml), revision: returning(json) },
      nearMiss: { base: returning(json), revision: returning(jsonUtf8) },
    },
    check: ({ base, revision }, context) =>
      base && !revision && !sameEssenceOn(context, 'revision')
        ? {
            message: `response ${context.status} media type ${context.mediaType} removed`,
            before: context.mediaType,
          }
        : null,
  },
  {
    id: 'response-media-type-added',
    level: 'INFO',
    section: 'responses',
    scope: 'media-type',
    direction: 'response',
    title: 'A response media type was added',
    why: 'Clients keep getting the formats they ask for; they may now also ask for the new one.',
    examples: {
      triggers: { base: returning(json), revision: returning(jsonAndXml) },
      nearMiss: { base: returning(json), revision: returning(jsonUtf8) },
    },
    check: ({ base, revision }, context) =>
      !base && revision && !sameEssenceOn(context, 'base')
        ? {
            message: `response ${context.status} media type ${context.mediaType} added`,
            after: context.mediaType,
          }
        : null,
  },
  {
    id: 'response-media-type-name-changed',
    level: 'INFO',
    section: 'responses',
    scope: 'media-type',
    direction: 'response',
    title: 'The parameters of a response media type changed',
    why: 'The format is the same type (application/json); clients that match the Content-Type exactly, parameters included, should accept the new name.',
    examples: {
      triggers: { base: returning(json), revision: returning(jsonUtf8) },
      nearMiss: { base: returning(json), revision: returning({ 'application/xml': { schema: order } }) },
    },
    check: ({ base, revision }, context) => {
      const renamed = base && !revision ? sameEssenceOn(context, 'revision') : undefined;
      return renamed
        ? {
            message: `response ${context.status} media type ${context.mediaType} changed to ${renamed}`,
            before: context.mediaType,
            after: renamed,
          }
        : null;
    },
  },
  {
    id: 'response-body-media-type-schema-removed',
    level: 'ERR',
    section: 'responses',
    scope: 'media-type',
    direction: 'response',
    title: 'A response media type no longer has a schema',
    why: 'The response may now hold anything: clients that decode the documented shape cannot rely on it. Keep describing the body.',
    examples: {
      triggers: { base: returning(json), revision: returning({ 'application/json': {} }) },
      nearMiss: { base: returning({ 'application/json': {} }), revision: returning(json) },
    },
    check: ({ base, revision }, context) =>
      base && revision && base.schema !== undefined && revision.schema === undefined
        ? { message: `response ${context.status} ${context.mediaType} no longer has a schema`, at: '/schema' }
        : null,
  },
  {
    id: 'response-body-media-type-schema-added',
    level: 'INFO',
    section: 'responses',
    scope: 'media-type',
    direction: 'response',
    title: 'A response media type that could hold anything now has a schema',
    why: 'The response is described more precisely; nothing clients could rely on before changes.',
    examples: {
      triggers: { base: returning({ 'application/json': {} }), revision: returning(json) },
      nearMiss: { base: returning(json), revision: returning({ 'application/json': {} }) },
    },
    check: ({ base, revision }, context) =>
      base && revision && base.schema === undefined && revision.schema !== undefined
        ? { message: `response ${context.status} ${context.mediaType} now has a schema`, at: '/schema' }
        : null,
  },
];
