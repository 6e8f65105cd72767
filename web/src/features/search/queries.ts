import { useQuery } from '@tanstack/react-query';
import { call, type ResponseOf } from '../../api/client';
import { useCursorList } from '../../components/cursor-list';

export type SearchPage = ResponseOf<'/api/v1/search', 'get'>;

export const searchKeys = {
  all: ['search'] as const,
  results: (q: string) => [...searchKeys.all, 'results', q] as const,
  suggestions: (typed: string) => [...searchKeys.all, 'suggestions', typed] as const,
};

/** Ranked results for `q`, page by page (nothing is asked while `q` is empty). */
export function useSearchResults(q: string) {
  return useCursorList({
    queryKey: searchKeys.results(q),
    fetchPage: (cursor) => call('get', '/api/v1/search', { query: { q, cursor, limit: 20 } }),
    enabled: q.length > 0,
  });
}

/** Titles and tags that start like `typed`, once it has two characters. */
export function useSuggestions(typed: string) {
  return useQuery({
    queryKey: searchKeys.suggestions(typed),
    queryFn: () => call('get', '/api/v1/search/suggest', { query: { q: typed, limit: 8 } }),
    enabled: typed.length >= 2,
    staleTime: 30_000,
  });
}
