import type { JsonObject, ParameterRule } from '../types.ts';
import { withOperation, withParameter } from './examples.ts';
import { parameterSerializationRules } from './parameter-serialization.ts';
import { isRequired, limit, onKept, where } from './parameter-support.ts';
import { removalStage } from './removal.ts';
import { isDeprecated, sunsetOf } from './sunset.ts';

/**
 * Parameters as a whole: added, removed, required or not, how they are serialised, deprecated.
 * What their schemas accept is judged by the schema rules. Parameters match by location and name
 * (path parameters by position), so one moved from query to header is one removed and one added.
 */

const noParameters = withOperation('get', '/orders', {});
const orderById = (parameter?: JsonObject) =>
  withOperation('get', '/orders/{id}', parameter ? { parameters: [parameter] } : {});

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
  ...parameterSerializationRules,
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
