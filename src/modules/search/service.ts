import { roleAllows } from '../../core/auth/permissions.ts';
import { AppError, invalidField } from '../../core/errors/app-error.ts';
import type { AnyResource } from '../../core/resource/define.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { indexedFieldsOf } from '../../core/search/fields.ts';
import { tsQuery } from '../../core/search/query.ts';
import { recordSearch } from './analytics.ts';
import type { SearchParameters } from './contracts.ts';
import { closeTitlesAndTags, rankedMatches } from './documents-store.ts';
import { correctedQuery, plainWords } from './query.ts';
import { decodeCursor, encodeCursor, facetsOf, resultOf } from './results.ts';
import { languageOf } from './store.ts';

/** Searchable resource types the caller may read: search shows nothing else. */
export function readableTypes(scope: Scope): AnyResource[] {
  return scope.app.resources
    .all()
    .filter(
      (definition) =>
        indexedFieldsOf(definition) && roleAllows(scope.ctx.actor.role, definition.permissions.read),
    );
}

/** The types to search: all readable ones, or those asked for (400 for unknown, 403 for unreadable). */
function typesFor(scope: Scope, asked: string | undefined): AnyResource[] {
  const readable = readableTypes(scope);
  if (!asked) return readable;
  const searchable = scope.app.resources.all().filter((definition) => indexedFieldsOf(definition));
  return asked.split(',').map((name) => {
    const definition = searchable.find((candidate) => candidate.name === name.trim());
    if (!definition)
      throw invalidField(
        'query.type',
        `unknown type ${name}; one of ${searchable.map((d) => d.name).join(', ')}`,
      );
    if (!readable.includes(definition))
      throw new AppError('forbidden', `The ${scope.ctx.actor.role} role may not read ${definition.name}.`, {
        code: 'permission_denied',
      });
    return definition;
  });
}

/**
 * One ranked page across every searchable type the caller may read in their workspace, with
 * highlighted snippets, facets over all matches, and "did you mean" suggestions when nothing
 * matches. A first page is recorded for the search analytics.
 */
export async function search(scope: Scope, parameters: SearchParameters) {
  const started = performance.now();
  const types = typesFor(scope, parameters.type);
  const after = parameters.cursor ? decodeCursor(parameters.cursor) : null;
  const { workspaceId } = scope.ctx;
  const { hits, facets: facetRows } = await scope.db.transaction(async (tx) =>
    rankedMatches(tx, {
      workspaceId,
      types: types.map((definition) => definition.name),
      query: tsQuery(await languageOf(tx, workspaceId), parameters.q),
      project: parameters.project,
      status: parameters.status,
      tag: parameters.tag,
      after,
      limit: parameters.limit,
    }),
  );
  const shown = hits.slice(0, parameters.limit);
  const last = shown[shown.length - 1];
  const facets = facetsOf(facetRows);
  const total = Object.values(facets.type).reduce((sum, count) => sum + count, 0);
  const answer = {
    data: shown.map((hit) => resultOf(hit, types)),
    total,
    facets,
    didYouMean: total === 0 ? await didYouMean(scope, types, parameters.q) : null,
    nextCursor: hits.length > parameters.limit && last ? encodeCursor(last) : null,
  };
  if (!parameters.cursor) {
    await recordSearch(scope, {
      q: parameters.q,
      resultCount: total,
      latencyMs: performance.now() - started,
    });
  }
  return answer;
}

/** Titles and tags close to what was typed, and the query rewritten with their words. */
async function didYouMean(scope: Scope, types: readonly AnyResource[], q: string) {
  const words = plainWords(q);
  if (!words.length || !types.length) return null;
  const names = types.map((definition) => definition.name);
  const suggestions = await scope.db.transaction((tx) =>
    closeTitlesAndTags(tx, scope.ctx.workspaceId, names, words.join(' ')),
  );
  if (!suggestions.length) return null;
  return {
    query: correctedQuery(
      words,
      suggestions.map((suggestion) => suggestion.text),
    ),
    suggestions: suggestions.map(({ kind, text }) => ({ kind, text })),
  };
}
