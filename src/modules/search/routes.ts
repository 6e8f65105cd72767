import { commonProblemStatuses, problemResponses } from '../../core/http/problem-schema.ts';
import { defineRoute } from '../../core/http/route.ts';
import { searchReport } from './analytics.ts';
import {
  analyticsAnswer,
  analyticsQuery,
  reindexAnswer,
  searchAnswer,
  searchQuery,
  settingsBody,
  suggestAnswer,
  suggestQuery,
} from './contracts.ts';
import { searchPermissions } from './permissions.ts';
import { search } from './service.ts';
import { rebuildIndex, saveLanguage, searchSettingsOf } from './settings.ts';
import { suggest } from './suggest.ts';

const tags = ['Search'];
const errors = problemResponses(commonProblemStatuses);

const searchRoute = defineRoute({
  method: 'GET',
  url: '/search',
  permission: searchPermissions.query,
  schema: {
    tags,
    operationId: 'search',
    summary: 'Search everything in the workspace',
    description:
      'One ranked list across every searchable type you may read, with highlighted snippets, facets and cursor pagination. Syntax: words (all must match), "a phrase", a OR b, -excluded; the last word matches as a prefix. When nothing matches, `didYouMean` proposes close titles and tags.',
    querystring: searchQuery,
    response: { 200: searchAnswer, ...errors },
  },
  handler: ({ scope, query }) => search(scope, query),
});

const suggestRoute = defineRoute({
  method: 'GET',
  url: '/search/suggest',
  permission: searchPermissions.query,
  schema: {
    tags,
    operationId: 'search_suggest',
    summary: 'Autocomplete titles and tags',
    querystring: suggestQuery,
    response: { 200: suggestAnswer, ...errors },
  },
  handler: ({ scope, query }) => suggest(scope, query.q, query.limit),
});

const analyticsRoute = defineRoute({
  method: 'GET',
  url: '/search/analytics',
  permission: searchPermissions.analytics,
  schema: {
    tags,
    operationId: 'search_analytics',
    summary: 'Top queries and zero-result queries over a period',
    description: 'Needs an administrator. Queries are normalised (trimmed, lowercased, single-spaced).',
    querystring: analyticsQuery,
    response: { 200: analyticsAnswer, ...errors },
  },
  handler: ({ scope, query }) => searchReport(scope, query),
});

const getSettingsRoute = defineRoute({
  method: 'GET',
  url: '/search/settings',
  permission: searchPermissions.query,
  schema: {
    tags,
    operationId: 'get_search_settings',
    summary: "The workspace's search settings",
    response: { 200: settingsBody, ...errors },
  },
  handler: ({ scope }) => searchSettingsOf(scope),
});

const putSettingsRoute = defineRoute({
  method: 'PUT',
  url: '/search/settings',
  permission: searchPermissions.configure,
  schema: {
    tags,
    operationId: 'put_search_settings',
    summary: 'Choose the text-search language',
    description: 'Re-indexes the workspace in the same transaction. Needs an administrator.',
    body: settingsBody,
    response: { 200: settingsBody, ...errors },
  },
  handler: ({ scope, body }) => saveLanguage(scope, body.language),
});

const reindexRoute = defineRoute({
  method: 'POST',
  url: '/search/reindex',
  permission: searchPermissions.configure,
  schema: {
    tags,
    operationId: 'search_reindex',
    summary: "Rebuild the workspace's search index from its tables",
    description:
      'Writes keep the index current by themselves; this is for after a resource became searchable or changed what it indexes. Needs an administrator.',
    response: { 200: reindexAnswer, ...errors },
  },
  handler: ({ scope }) => rebuildIndex(scope),
});

/** Search across every searchable resource, autocomplete, analytics and settings. */
export const searchRoutes = [
  searchRoute,
  suggestRoute,
  analyticsRoute,
  getSettingsRoute,
  putSettingsRoute,
  reindexRoute,
];
