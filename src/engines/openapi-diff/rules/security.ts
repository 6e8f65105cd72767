import { isObject, operationsOf } from '../document.ts';
import type {
  DocumentRule,
  Json,
  JsonObject,
  Level,
  OpenApiDocument,
  OperationRule,
  ReportDetail,
} from '../types.ts';
import { withOperation } from './examples.ts';

/**
 * Security requirements, for the whole API (`security` at the top) and per operation (its own
 * `security`, which replaces the top one). A requirement list is a choice: any one alternative
 * (`{ bearer: [] }`, `{ apiKey: [], oauth: [read] }`) lets a request in, and an empty one (`{}`) or
 * an empty list lets anonymous requests in. So adding an alternative widens what is accepted and
 * removing one narrows it, while the list going from open to closed is what requires clients to
 * authenticate. oasdiff reports every added alternative as api-security-added and every removed
 * one as api-security-removed; here those ids keep the meaning the project's readers expect
 * (authentication became required, or stopped being required) and alternatives have their own.
 */

function requirementsOf(list: Json | undefined): JsonObject[] {
  return Array.isArray(list) ? list.filter(isObject) : [];
}

/** Whether a requirement list lets anonymous requests in. */
function allowsAnonymous(list: Json | undefined): boolean {
  const requirements = requirementsOf(list);
  return (
    requirements.length === 0 || requirements.some((requirement) => Object.keys(requirement).length === 0)
  );
}

/** The alternatives of a list by the schemes they combine (`apiKey + oauth`). */
function alternativesOf(list: Json | undefined): Map<string, JsonObject> {
  const alternatives = new Map<string, JsonObject>();
  for (const requirement of requirementsOf(list)) {
    const schemes = Object.keys(requirement).sort();
    if (schemes.length > 0) alternatives.set(schemes.join(' + '), requirement);
  }
  return alternatives;
}

function scopesOf(requirement: JsonObject, scheme: string): string[] {
  const scopes = requirement[scheme];
  return Array.isArray(scopes) ? scopes.filter((scope): scope is string => typeof scope === 'string') : [];
}

/** What one concept reports about two requirement lists, with the words for where they apply. */
type Compare = (before: Json | undefined, after: Json | undefined, where: string) => ReportDetail[];

/** The alternatives of a list, for messages: `bearer or apiKey + oauth`. */
const named = (list: Json | undefined) => [...alternativesOf(list).keys()].join(' or ');

const becameRequired: Compare = (before, after, where) =>
  allowsAnonymous(before) && !allowsAnonymous(after)
    ? [{ message: `${where}: authentication now required (${named(after)})`, at: '/security' }]
    : [];

const stoppedBeingRequired: Compare = (before, after, where) =>
  !allowsAnonymous(before) && allowsAnonymous(after)
    ? [{ message: `${where}: authentication no longer required (was ${named(before)})`, at: '/security' }]
    : [];

/** Alternatives in `from` missing from `other`, when `other` has alternatives of its own. */
function alternativesMissing(from: Json | undefined, other: Json | undefined): string[] {
  const others = alternativesOf(other);
  if (others.size === 0) return [];
  return [...alternativesOf(from).keys()].filter((key) => !others.has(key));
}

const alternativeAdded: Compare = (before, after, where) =>
  alternativesMissing(after, before).map((key) => ({
    message: `${where}: alternative ${key} added`,
    at: '/security',
    after: key,
  }));

const alternativeRemoved: Compare = (before, after, where) =>
  alternativesMissing(before, after).map((key) => ({
    message: `${where}: alternative ${key} removed`,
    at: '/security',
    before: key,
  }));

/** Scopes one side's alternative asks for that the other side's same alternative does not. */
function scopesMissing(from: Json | undefined, other: Json | undefined): { scheme: string; scope: string }[] {
  const others = alternativesOf(other);
  const missing: { scheme: string; scope: string }[] = [];
  for (const [key, requirement] of alternativesOf(from)) {
    const counterpart = others.get(key);
    if (!counterpart) continue;
    for (const scheme of Object.keys(requirement)) {
      const known = scopesOf(counterpart, scheme);
      for (const scope of scopesOf(requirement, scheme))
        if (!known.includes(scope)) missing.push({ scheme, scope });
    }
  }
  return missing;
}

const scopeAdded: Compare = (before, after, where) =>
  scopesMissing(after, before).map(({ scheme, scope }) => ({
    message: `${where}: scope ${scope} now required for ${scheme}`,
    at: '/security',
    after: scope,
  }));

const scopeRemoved: Compare = (before, after, where) =>
  scopesMissing(before, after).map(({ scheme, scope }) => ({
    message: `${where}: scope ${scope} no longer required for ${scheme}`,
    at: '/security',
    before: scope,
  }));

/** Whether some operation of the document falls back on the top-level requirements. */
function inheritsTopLevel(document: OpenApiDocument): boolean {
  return [...operationsOf(document).values()].some(({ operation }) => !Array.isArray(operation.security));
}

const components = {
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer' },
      apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      oauth: {
        type: 'oauth2',
        flows: {
          clientCredentials: {
            tokenUrl: 'https://auth.example.com/token',
            scopes: { 'read:orders': 'Read orders', 'write:orders': 'Change orders' },
          },
        },
      },
    },
  },
};

/** `GET /orders` under the given top-level requirements (none when null). */
const globally = (list: Json[] | null) =>
  withOperation('get', '/orders', {}, { ...components, ...(list ? { security: list } : {}) });
/** `GET /orders` with its own requirements (none when null). */
const perOperation = (list: Json[] | null) =>
  withOperation('get', '/orders', list ? { security: list } : {}, components);

interface Concept {
  /** The id's ending: `api-global-security-<change>` and `api-security-<change>`. */
  change: string;
  level: Level;
  titles: { global: string; operation: string };
  why: string;
  /** Requirement lists: the base, a revision that triggers the rule, one that must not. */
  lists: { base: Json[] | null; triggers: Json[] | null; nearMiss: Json[] | null };
  compare: Compare;
}

/** A concept reported for the top-level requirements and for an operation’s own. */
function securityRules(concept: Concept): [DocumentRule, OperationRule] {
  const { base, triggers, nearMiss } = concept.lists;
  const global: DocumentRule = {
    id: `api-global-security-${concept.change}`,
    level: concept.level,
    section: 'security',
    scope: 'document',
    title: concept.titles.global,
    why: concept.why,
    examples: {
      triggers: { base: globally(base), revision: globally(triggers) },
      nearMiss: { base: globally(base), revision: globally(nearMiss) },
    },
    check: (documents) => {
      const found = concept.compare(documents.base.security, documents.revision.security, 'global security');
      if (found.length === 0) return null;
      return inheritsTopLevel(documents.base) || inheritsTopLevel(documents.revision) ? found : null;
    },
  };
  const operation: OperationRule = {
    id: `api-security-${concept.change}`,
    level: concept.level,
    section: 'security',
    scope: 'operation',
    title: concept.titles.operation,
    why: concept.why,
    examples: {
      triggers: { base: perOperation(base), revision: perOperation(triggers) },
      nearMiss: { base: perOperation(base), revision: perOperation(nearMiss) },
    },
    check: (operations, context) => {
      const { base: before, revision: after } = operations;
      if (!before || !after || (!Array.isArray(before.security) && !Array.isArray(after.security)))
        return null;
      const effective = (own: Json | undefined, document: OpenApiDocument) =>
        Array.isArray(own) ? own : document.security;
      return concept.compare(
        effective(before.security, context.documents.base),
        effective(after.security, context.documents.revision),
        'security',
      );
    },
  };
  return [global, operation];
}

const bearer = { bearer: [] };
const apiKey = { apiKey: [] };
const reading = { oauth: ['read:orders'] };
const readingAndWriting = { oauth: ['read:orders', 'write:orders'] };

export const securityRequirementRules: (DocumentRule | OperationRule)[] = [
  ...securityRules({
    change: 'added',
    level: 'ERR',
    titles: {
      global: 'The API now requires authentication',
      operation: 'An operation now requires authentication',
    },
    why: 'Anonymous requests were accepted and are now refused with 401 (oasdiff files any added alternative under this id, at INFO; added alternatives have a rule of their own here). Clients must obtain and send credentials; keep an anonymous alternative (`{}`) until they do.',
    lists: { base: null, triggers: [bearer], nearMiss: [{}, bearer] },
    compare: becameRequired,
  }),
  ...securityRules({
    change: 'removed',
    level: 'INFO',
    titles: {
      global: 'The API no longer requires authentication',
      operation: 'An operation no longer requires authentication',
    },
    why: 'Anonymous requests are accepted too, and requests with credentials keep working (oasdiff files any removed alternative under this id, at ERR; removed alternatives have a rule of their own here).',
    lists: { base: [bearer], triggers: [bearer, {}], nearMiss: [apiKey] },
    compare: stoppedBeingRequired,
  }),
  ...securityRules({
    change: 'alternative-added',
    level: 'INFO',
    titles: {
      global: 'The API accepts another way to authenticate',
      operation: 'An operation accepts another way to authenticate',
    },
    why: 'Clients may authenticate the new way, and the ways they use keep working (oasdiff reports this as api-security-added).',
    lists: { base: [bearer], triggers: [bearer, apiKey], nearMiss: null },
    compare: alternativeAdded,
  }),
  ...securityRules({
    change: 'alternative-removed',
    level: 'ERR',
    titles: {
      global: 'The API no longer accepts a way to authenticate',
      operation: 'An operation no longer accepts a way to authenticate',
    },
    why: 'Clients authenticating that way are refused with 401 (oasdiff reports this as api-security-removed). They must switch to a remaining alternative first.',
    lists: { base: [bearer, apiKey], triggers: [bearer], nearMiss: [bearer, apiKey, reading] },
    compare: alternativeRemoved,
  }),
  ...securityRules({
    change: 'scope-added',
    level: 'ERR',
    titles: {
      global: 'The API requires another OAuth scope',
      operation: 'An operation requires another OAuth scope',
    },
    why: 'Tokens issued without the scope are refused with 403. Clients must request the scope and users consent to it again before this ships.',
    lists: { base: [reading], triggers: [readingAndWriting], nearMiss: [{ oauth: [] }] },
    compare: scopeAdded,
  }),
  ...securityRules({
    change: 'scope-removed',
    level: 'INFO',
    titles: {
      global: 'The API requires one OAuth scope less',
      operation: 'An operation requires one OAuth scope less',
    },
    why: 'Tokens that carry the scope keep working; clients may stop asking for it.',
    lists: {
      base: [readingAndWriting],
      triggers: [reading],
      nearMiss: [{ oauth: ['read:orders', 'write:orders', 'admin'] }],
    },
    compare: scopeRemoved,
  }),
];
