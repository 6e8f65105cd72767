import { isObject, operationsOf } from '../document.ts';
import type {
  Json,
  JsonObject,
  OpenApiDocument,
  ReportDetail,
  RuleReport,
  SecuritySchemeRule,
} from '../types.ts';
import { withOperation } from './examples.ts';
import { shown } from './schema-values.ts';

/**
 * The security schemes of components: how clients obtain and present credentials. A change here
 * breaks every client that authenticates with the scheme, whichever operations use it. oasdiff
 * reports all of these as INFO; here a change that makes a client’s credentials or the way it
 * gets them stop working is ERR.
 */

type SchemeContext = Parameters<SecuritySchemeRule['check']>[1];

/** Whether the document's top-level or any operation's requirements name the scheme. */
function isUsed(document: OpenApiDocument, name: string): boolean {
  const lists = [
    document.security,
    ...[...operationsOf(document).values()].map(({ operation }) => operation.security),
  ];
  return lists.some(
    (list) => Array.isArray(list) && list.some((requirement) => isObject(requirement) && name in requirement),
  );
}

function flowsOf(scheme: JsonObject): Map<string, JsonObject> {
  const flows = isObject(scheme.flows) ? Object.entries(scheme.flows) : [];
  return new Map(flows.filter((entry): entry is [string, JsonObject] => isObject(entry[1])));
}

function scopeNames(flow: JsonObject): string[] {
  return isObject(flow.scopes) ? Object.keys(flow.scopes) : [];
}

/** A check of a scheme present on both sides with the same type (or any type, for `type`). */
function onKept(
  check: (base: JsonObject, revision: JsonObject, context: SchemeContext) => RuleReport,
  sameType = true,
): SecuritySchemeRule['check'] {
  return ({ base, revision }, context) => {
    if (!base || !revision || (sameType && base.type !== revision.type)) return null;
    return check(base, revision, context);
  };
}

/** A field of a scheme that must stay as it is: reported when it was set and now differs. */
function fieldChanged(
  base: JsonObject,
  revision: JsonObject,
  field: string,
  words: string,
  context: SchemeContext,
): RuleReport {
  const before = base[field];
  const after = revision[field];
  if (before === undefined || JSON.stringify(before) === JSON.stringify(after)) return null;
  return {
    message: `security scheme ${context.name}: ${words} changed from ${shown(before)} to ${shown(after)}`,
    at: `/${field}`,
    before,
    ...(after !== undefined ? { after } : {}),
  };
}

/** A URL of each OAuth flow present on both sides that was set and now differs. */
function flowUrlChanged(
  base: JsonObject,
  revision: JsonObject,
  field: string,
  words: string,
  context: SchemeContext,
) {
  const after = flowsOf(revision);
  const changes: ReportDetail[] = [];
  for (const [flow, before] of flowsOf(base)) {
    const counterpart = after.get(flow);
    const from = before[field];
    const to = counterpart?.[field];
    if (!counterpart || typeof from !== 'string' || from === to) continue;
    changes.push({
      message: `security scheme ${context.name}: ${words} of the ${flow} flow ${typeof to === 'string' ? `changed from ${from} to ${to}` : `${from} removed`}`,
      at: `/flows/${flow}/${field}`,
      before: from,
      ...(to !== undefined ? { after: to } : {}),
    });
  }
  return changes;
}

/** The flows present in `from` and missing from `other`. */
function flowsMissing(from: JsonObject, other: JsonObject): string[] {
  const others = flowsOf(other);
  return [...flowsOf(from).keys()].filter((flow) => !others.has(flow));
}

/** The scopes of flows present on both sides that `from` defines and `other` does not. */
function scopesMissing(from: JsonObject, other: JsonObject): { flow: string; scope: string }[] {
  const others = flowsOf(other);
  const missing: { flow: string; scope: string }[] = [];
  for (const [flow, definition] of flowsOf(from)) {
    const counterpart = others.get(flow);
    if (!counterpart) continue;
    const known = scopeNames(counterpart);
    for (const scope of scopeNames(definition)) if (!known.includes(scope)) missing.push({ flow, scope });
  }
  return missing;
}

/** `GET /orders` with the given security schemes, used by the given top-level requirements. */
const withSchemes = (securitySchemes: JsonObject, security: Json[] = []) =>
  withOperation(
    'get',
    '/orders',
    {},
    { components: { securitySchemes }, ...(security.length ? { security } : {}) },
  );
const bearer = (members: JsonObject = {}) => ({ type: 'http', scheme: 'bearer', ...members });
const apiKey = (members: JsonObject = {}) => ({
  type: 'apiKey',
  in: 'header',
  name: 'X-API-Key',
  ...members,
});
const codeFlow = (members: JsonObject = {}) => ({
  authorizationUrl: 'https://auth.example.com/authorize',
  tokenUrl: 'https://auth.example.com/token',
  scopes: { 'read:orders': 'Read orders' },
  ...members,
});
const oauth = (flows: JsonObject) => withSchemes({ oauth: { type: 'oauth2', flows } });
const oidc = (url: string, members: JsonObject = {}) =>
  withSchemes({ sso: { type: 'openIdConnect', openIdConnectUrl: url, ...members } });

export const securitySchemeRules: SecuritySchemeRule[] = [
  {
    id: 'api-security-component-removed',
    level: 'ERR',
    section: 'security',
    scope: 'security-scheme',
    title: 'A security scheme in use was removed',
    why: 'Clients that authenticate with the scheme have no documented way left to do so (oasdiff says INFO; a scheme no requirement used is not reported). Keep it until clients have moved to another scheme.',
    examples: {
      triggers: {
        base: withSchemes({ bearer: bearer(), apiKey: apiKey() }, [{ bearer: [] }, { apiKey: [] }]),
        revision: withSchemes({ bearer: bearer() }, [{ bearer: [] }]),
      },
      nearMiss: {
        base: withSchemes({ bearer: bearer(), legacy: apiKey() }, [{ bearer: [] }]),
        revision: withSchemes({ bearer: bearer() }, [{ bearer: [] }]),
      },
    },
    check: ({ base, revision }, context) =>
      base && !revision && isUsed(context.documents.base, context.name)
        ? `security scheme ${context.name} removed while in use`
        : null,
  },
  {
    id: 'api-security-component-added',
    level: 'INFO',
    section: 'security',
    scope: 'security-scheme',
    title: 'A security scheme was added',
    why: 'A new way to authenticate is described; nothing changes for clients until a requirement uses it.',
    examples: {
      triggers: {
        base: withSchemes({ bearer: bearer() }),
        revision: withSchemes({ bearer: bearer(), apiKey: apiKey() }),
      },
      nearMiss: {
        base: withSchemes({ bearer: bearer() }),
        revision: withSchemes({ bearer: bearer({ bearerFormat: 'JWT' }) }),
      },
    },
    check: ({ base, revision }, context) =>
      !base && revision ? `security scheme ${context.name} added` : null,
  },
  {
    id: 'api-security-component-type-changed',
    level: 'ERR',
    section: 'security',
    scope: 'security-scheme',
    title: 'The type of a security scheme changed',
    why: 'Clients present credentials the old way (an API key, a bearer token, an OAuth token) and are refused (oasdiff says INFO). Add the new scheme beside the old one instead, as another alternative.',
    examples: {
      triggers: { base: withSchemes({ auth: apiKey() }), revision: withSchemes({ auth: bearer() }) },
      nearMiss: {
        base: withSchemes({ auth: apiKey() }),
        revision: withSchemes({ auth: apiKey({ name: 'X-Token' }) }),
      },
    },
    check: onKept((base, revision, context) => fieldChanged(base, revision, 'type', 'type', context), false),
  },
  {
    id: 'api-security-component-http-scheme-changed',
    level: 'ERR',
    section: 'security',
    scope: 'security-scheme',
    title: 'The HTTP authentication scheme of a security scheme changed',
    why: 'Clients send `Authorization: Basic …` or `Bearer …` as before and are refused. Accept both, as two schemes, while clients move.',
    examples: {
      triggers: {
        base: withSchemes({ auth: { type: 'http', scheme: 'basic' } }),
        revision: withSchemes({ auth: bearer() }),
      },
      nearMiss: {
        base: withSchemes({ auth: bearer() }),
        revision: withSchemes({ auth: { type: 'http', scheme: 'Bearer' } }),
      },
    },
    check: onKept((base, revision, context) => {
      const before = typeof base.scheme === 'string' ? base.scheme.toLowerCase() : undefined;
      const after = typeof revision.scheme === 'string' ? revision.scheme.toLowerCase() : undefined;
      if (base.type !== 'http' || before === undefined || before === after) return null;
      return fieldChanged(base, revision, 'scheme', 'HTTP scheme', context);
    }),
  },
  {
    id: 'api-security-component-bearer-format-changed',
    level: 'WARN',
    section: 'security',
    scope: 'security-scheme',
    title: 'The documented format of a bearer token changed',
    why: 'bearerFormat is documentation, but a change of it (JWT to opaque) usually means tokens are issued and checked differently: clients that read the token may break.',
    examples: {
      triggers: {
        base: withSchemes({ bearer: bearer({ bearerFormat: 'JWT' }) }),
        revision: withSchemes({ bearer: bearer({ bearerFormat: 'opaque' }) }),
      },
      nearMiss: {
        base: withSchemes({ bearer: bearer() }),
        revision: withSchemes({ bearer: bearer({ bearerFormat: 'JWT' }) }),
      },
    },
    check: onKept((base, revision, context) =>
      base.type === 'http' && revision.bearerFormat !== undefined
        ? fieldChanged(base, revision, 'bearerFormat', 'bearer format', context)
        : null,
    ),
  },
  {
    id: 'api-security-component-api-key-location-changed',
    level: 'ERR',
    section: 'security',
    scope: 'security-scheme',
    title: 'Where an API key is sent changed',
    why: 'Clients send the key where it was (a header, the query, a cookie) and are refused. Accept it in both places while clients move.',
    examples: {
      triggers: {
        base: withSchemes({ apiKey: apiKey() }),
        revision: withSchemes({ apiKey: apiKey({ in: 'query' }) }),
      },
      nearMiss: {
        base: withSchemes({ apiKey: apiKey() }),
        revision: withSchemes({ apiKey: apiKey({ description: 'Issued in the console' }) }),
      },
    },
    check: onKept((base, revision, context) =>
      base.type === 'apiKey' ? fieldChanged(base, revision, 'in', 'API key location', context) : null,
    ),
  },
  {
    id: 'api-security-component-api-key-name-changed',
    level: 'ERR',
    section: 'security',
    scope: 'security-scheme',
    title: 'The name under which an API key is sent changed',
    why: 'Clients send the key under the old header, query or cookie name (header names are compared ignoring case) and are refused. Accept both names while clients move.',
    examples: {
      triggers: {
        base: withSchemes({ apiKey: apiKey() }),
        revision: withSchemes({ apiKey: apiKey({ name: 'X-Api-Token' }) }),
      },
      nearMiss: {
        base: withSchemes({ apiKey: apiKey() }),
        revision: withSchemes({ apiKey: apiKey({ name: 'x-api-key' }) }),
      },
    },
    check: onKept((base, revision, context) => {
      if (base.type !== 'apiKey' || typeof base.name !== 'string' || typeof revision.name !== 'string')
        return null;
      const header = base.in === 'header' && revision.in === 'header';
      if (header && base.name.toLowerCase() === revision.name.toLowerCase()) return null;
      return fieldChanged(base, revision, 'name', 'API key name', context);
    }),
  },
  {
    id: 'api-security-component-openid-connect-url-changed',
    level: 'ERR',
    section: 'security',
    scope: 'security-scheme',
    title: 'The OpenID Connect discovery URL of a security scheme changed',
    why: 'Clients discover the identity provider (its endpoints and keys) at the old URL; tokens they get there may no longer be accepted. Keep the provider, or announce the move before it ships.',
    examples: {
      triggers: {
        base: oidc('https://id.example.com/.well-known/openid-configuration'),
        revision: oidc('https://login.example.com/.well-known/openid-configuration'),
      },
      nearMiss: {
        base: oidc('https://id.example.com/.well-known/openid-configuration'),
        revision: oidc('https://id.example.com/.well-known/openid-configuration', {
          description: 'Company SSO',
        }),
      },
    },
    check: onKept((base, revision, context) =>
      fieldChanged(base, revision, 'openIdConnectUrl', 'OpenID Connect URL', context),
    ),
  },
  {
    id: 'api-security-component-oauth-url-changed',
    level: 'ERR',
    section: 'security',
    scope: 'security-scheme',
    title: 'The authorization URL of an OAuth flow changed',
    why: 'Clients send users to the old authorization URL to sign in, and fail (oasdiff says INFO). Keep it working, with a redirect, until clients are updated.',
    examples: {
      triggers: {
        base: oauth({ authorizationCode: codeFlow() }),
        revision: oauth({
          authorizationCode: codeFlow({ authorizationUrl: 'https://login.example.com/authorize' }),
        }),
      },
      nearMiss: {
        base: oauth({ authorizationCode: codeFlow() }),
        revision: oauth({
          authorizationCode: codeFlow({ scopes: { 'read:orders': 'Read orders', admin: 'Everything' } }),
        }),
      },
    },
    check: onKept((base, revision, context) =>
      flowUrlChanged(base, revision, 'authorizationUrl', 'authorization URL', context),
    ),
  },
  {
    id: 'api-security-component-oauth-token-url-changed',
    level: 'ERR',
    section: 'security',
    scope: 'security-scheme',
    title: 'The token URL of an OAuth flow changed',
    why: 'Clients ask the old token URL for tokens and get none (oasdiff says INFO). Keep it working until clients are updated.',
    examples: {
      triggers: {
        base: oauth({ authorizationCode: codeFlow() }),
        revision: oauth({ authorizationCode: codeFlow({ tokenUrl: 'https://login.example.com/token' }) }),
      },
      nearMiss: {
        base: oauth({ authorizationCode: codeFlow() }),
        revision: oauth({
          authorizationCode: codeFlow({ authorizationUrl: 'https://login.example.com/authorize' }),
        }),
      },
    },
    check: onKept((base, revision, context) =>
      flowUrlChanged(base, revision, 'tokenUrl', 'token URL', context),
    ),
  },
  {
    id: 'api-security-component-oauth-refresh-url-changed',
    level: 'WARN',
    section: 'security',
    scope: 'security-scheme',
    title: 'The refresh URL of an OAuth flow changed or was removed',
    why: 'Clients refreshing tokens at the old URL fail and must sign in again: sessions end early rather than break. Keep the old URL working while clients update.',
    examples: {
      triggers: {
        base: oauth({ authorizationCode: codeFlow({ refreshUrl: 'https://auth.example.com/refresh' }) }),
        revision: oauth({ authorizationCode: codeFlow({ refreshUrl: 'https://login.example.com/refresh' }) }),
      },
      nearMiss: {
        base: oauth({ authorizationCode: codeFlow() }),
        revision: oauth({ authorizationCode: codeFlow({ refreshUrl: 'https://auth.example.com/refresh' }) }),
      },
    },
    check: onKept((base, revision, context) =>
      flowUrlChanged(base, revision, 'refreshUrl', 'refresh URL', context),
    ),
  },
  {
    id: 'api-security-component-oauth-flow-removed',
    level: 'ERR',
    section: 'security',
    scope: 'security-scheme',
    title: 'An OAuth flow was removed from a security scheme',
    why: 'Clients that get tokens through that flow (client credentials for services, authorization code for users) have no way left to get them. Keep the flow until they have moved.',
    examples: {
      triggers: {
        base: oauth({
          authorizationCode: codeFlow(),
          clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: {} },
        }),
        revision: oauth({ authorizationCode: codeFlow() }),
      },
      nearMiss: {
        base: oauth({ authorizationCode: codeFlow() }),
        revision: oauth({
          authorizationCode: codeFlow(),
          clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: {} },
        }),
      },
    },
    check: onKept((base, revision, context) =>
      flowsMissing(base, revision).map((flow) => ({
        message: `security scheme ${context.name}: ${flow} flow removed`,
        at: `/flows/${flow}`,
        before: flow,
      })),
    ),
  },
  {
    id: 'api-security-component-oauth-flow-added',
    level: 'INFO',
    section: 'security',
    scope: 'security-scheme',
    title: 'An OAuth flow was added to a security scheme',
    why: 'Clients may get tokens another way; the flows they use keep working.',
    examples: {
      triggers: {
        base: oauth({ authorizationCode: codeFlow() }),
        revision: oauth({
          authorizationCode: codeFlow(),
          clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: {} },
        }),
      },
      nearMiss: {
        base: oauth({ authorizationCode: codeFlow() }),
        revision: oauth({ authorizationCode: codeFlow({ refreshUrl: 'https://auth.example.com/refresh' }) }),
      },
    },
    check: onKept((base, revision, context) =>
      flowsMissing(revision, base).map((flow) => ({
        message: `security scheme ${context.name}: ${flow} flow added`,
        at: `/flows/${flow}`,
        after: flow,
      })),
    ),
  },
  {
    id: 'api-security-component-oauth-scope-removed',
    level: 'ERR',
    section: 'security',
    scope: 'security-scheme',
    title: 'An OAuth scope was removed from a security scheme',
    why: 'Clients that ask for the scope get an invalid_scope error and no token at all (oasdiff says INFO). Keep the scope defined until no client asks for it.',
    examples: {
      triggers: {
        base: oauth({
          authorizationCode: codeFlow({
            scopes: { 'read:orders': 'Read orders', 'write:orders': 'Change orders' },
          }),
        }),
        revision: oauth({ authorizationCode: codeFlow() }),
      },
      nearMiss: {
        base: oauth({ authorizationCode: codeFlow() }),
        revision: oauth({ authorizationCode: codeFlow({ scopes: { 'read:orders': 'Read your orders' } }) }),
      },
    },
    check: onKept((base, revision, context) =>
      scopesMissing(base, revision).map(({ flow, scope }) => ({
        message: `security scheme ${context.name}: scope ${scope} removed from the ${flow} flow`,
        at: `/flows/${flow}/scopes`,
        before: scope,
      })),
    ),
  },
  {
    id: 'api-security-component-oauth-scope-added',
    level: 'INFO',
    section: 'security',
    scope: 'security-scheme',
    title: 'An OAuth scope was added to a security scheme',
    why: 'Clients may ask for the new scope; the scopes they ask for keep working.',
    examples: {
      triggers: {
        base: oauth({ authorizationCode: codeFlow() }),
        revision: oauth({
          authorizationCode: codeFlow({
            scopes: { 'read:orders': 'Read orders', 'write:orders': 'Change orders' },
          }),
        }),
      },
      nearMiss: {
        base: oauth({ authorizationCode: codeFlow() }),
        revision: oauth({ authorizationCode: codeFlow({ scopes: { 'read:orders': 'Read your orders' } }) }),
      },
    },
    check: onKept((base, revision, context) =>
      scopesMissing(revision, base).map(({ flow, scope }) => ({
        message: `security scheme ${context.name}: scope ${scope} added to the ${flow} flow`,
        at: `/flows/${flow}/scopes`,
        after: scope,
      })),
    ),
  },
];
