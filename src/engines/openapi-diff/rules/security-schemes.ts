import { isObject, operationsOf } from '../document.ts';
import type { JsonObject, OpenApiDocument, RuleReport, SecuritySchemeRule } from '../types.ts';
import { oauthFlowRules } from './oauth-flows.ts';
import { shown } from './schema-values.ts';
import { onKept, type SchemeContext, withSchemes } from './security-scheme-support.ts';

/**
 * The security schemes of components: how clients obtain and present credentials. A change here
 * breaks every client that authenticates with the scheme, whichever operations use it. oasdiff
 * reports all of these as INFO; here a change that makes a client’s credentials or the way it
 * gets them stop working is ERR.
 */

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

const bearer = (members: JsonObject = {}) => ({ type: 'http', scheme: 'bearer', ...members });
const apiKey = (members: JsonObject = {}) => ({
  type: 'apiKey',
  in: 'header',
  name: 'X-API-Key',
  ...members,
});
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
  ...oauthFlowRules,
];
