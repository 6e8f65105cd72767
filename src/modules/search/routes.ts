import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authorize, definePermission } from '../../core/auth/permissions.ts';
import { commonProblemStatuses, problemResponses } from '../../core/http/problem-schema.ts';
import { contextOf } from '../../core/http/request-context.ts';
import type { Database } from '../../db/connection.ts';
import { recordSearch, searchReport } from './analytics.ts';
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
import { search } from './service.ts';
import { rebuildIndex, saveLanguage } from './settings.ts';
import { languageOf } from './store.ts';
import { suggest } from './suggest.ts';

export const searchPermissions = {
  query: definePermission('search.query', 'read'),
  analytics: definePermission('search.analytics.read', 'administer'),
  configure: definePermission('search.configure', 'administer'),
};

const tags = ['Search'];
const dayMs = 24 * 60 * 60 * 1000;

/** Search across every searchable resource, autocomplete, analytics and settings. */
export function registerSearchRoutes(app: FastifyInstance, db: Database): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/search',
    {
      config: { permission: searchPermissions.query },
      schema: {
        tags,
        operationId: 'search',
        summary: 'Search everything in the workspace',
        description:
          'One ranked list across every searchable type you may read, with highlighted snippets, facets and cursor pagination. Syntax: words (all must match), "a phrase", a OR b, -excluded; the last word matches as a prefix. When nothing matches, `didYouMean` proposes close titles and tags.',
        querystring: searchQuery,
        response: { 200: searchAnswer, ...problemResponses(commonProblemStatuses) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      authorize(ctx.actor, searchPermissions.query);
      const started = performance.now();
      const answer = await search(db, ctx, request.query);
      if (!request.query.cursor) {
        await recordSearch(db, {
          workspaceId: ctx.workspaceId,
          userId: ctx.actor.userId,
          q: request.query.q,
          resultCount: answer.total,
          latencyMs: performance.now() - started,
        });
      }
      return answer;
    },
  );

  api.get(
    '/search/suggest',
    {
      config: { permission: searchPermissions.query },
      schema: {
        tags,
        operationId: 'search_suggest',
        summary: 'Autocomplete titles and tags',
        querystring: suggestQuery,
        response: { 200: suggestAnswer, ...problemResponses(commonProblemStatuses) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      authorize(ctx.actor, searchPermissions.query);
      return suggest(db, ctx, request.query.q, request.query.limit);
    },
  );

  api.get(
    '/search/analytics',
    {
      config: { permission: searchPermissions.analytics },
      schema: {
        tags,
        operationId: 'search_analytics',
        summary: 'Top queries and zero-result queries over a period',
        description: 'Needs an administrator. Queries are normalised (trimmed, lowercased, single-spaced).',
        querystring: analyticsQuery,
        response: { 200: analyticsAnswer, ...problemResponses(commonProblemStatuses) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      authorize(ctx.actor, searchPermissions.analytics);
      // The default end includes this very millisecond.
      const to = request.query.to ? new Date(request.query.to) : new Date(Date.now() + 1);
      const from = request.query.from ? new Date(request.query.from) : new Date(to.getTime() - 30 * dayMs);
      return searchReport(db, ctx.workspaceId, from, to, request.query.limit);
    },
  );

  api.get(
    '/search/settings',
    {
      config: { permission: searchPermissions.query },
      schema: {
        tags,
        operationId: 'get_search_settings',
        summary: "The workspace's search settings",
        response: { 200: settingsBody, ...problemResponses(commonProblemStatuses) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      authorize(ctx.actor, searchPermissions.query);
      return { language: (await languageOf(db, ctx.workspaceId)) as never };
    },
  );

  api.put(
    '/search/settings',
    {
      config: { permission: searchPermissions.configure },
      schema: {
        tags,
        operationId: 'put_search_settings',
        summary: 'Choose the text-search language',
        description: 'Re-indexes the workspace in the same transaction. Needs an administrator.',
        body: settingsBody,
        response: { 200: settingsBody, ...problemResponses(commonProblemStatuses) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      authorize(ctx.actor, searchPermissions.configure);
      return saveLanguage(db, ctx, request.body.language);
    },
  );

  api.post(
    '/search/reindex',
    {
      config: { permission: searchPermissions.configure },
      schema: {
        tags,
        operationId: 'search_reindex',
        summary: "Rebuild the workspace's search index from its tables",
        description:
          'Writes keep the index current by themselves; this is for after a resource became searchable or changed what it indexes. Needs an administrator.',
        response: { 200: reindexAnswer, ...problemResponses(commonProblemStatuses) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      authorize(ctx.actor, searchPermissions.configure);
      return rebuildIndex(db, ctx);
    },
  );
}
