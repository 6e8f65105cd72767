import { isObject } from '../document.ts';
import type { JsonObject, ReportDetail, SecuritySchemeRule } from '../types.ts';
import { onKept, type SchemeContext, withSchemes } from './security-scheme-support.ts';

/**
 * The OAuth 2 flows of a security scheme: their URLs, the flows offered and their scopes. Part of
 * the security scheme rules, in their catalogue order.
 */

function flowsOf(scheme: JsonObject): Map<string, JsonObject> {
  const flows = isObject(scheme.flows) ? Object.entries(scheme.flows) : [];
  return new Map(flows.filter((entry): entry is [string, JsonObject] => isObject(entry[1])));
}

function scopeNames(flow: JsonObject): string[] {
  return isObject(flow.scopes) ? Object.keys(flow.scopes) : [];
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

const codeFlow = (members: JsonObject = {}) => ({
  authorizationUrl: 'https://auth.example.com/authorize',
  tokenUrl: 'https://auth.example.com/token',
  scopes: { 'read:orders': 'Read orders' },
  ...members,
});
const oauth = (flows: JsonObject) => withSchemes({ oauth: { type: 'oauth2', flows } });

export const oauthFlowRules: SecuritySchemeRule[] = [
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
