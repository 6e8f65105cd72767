import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useSearch } from 'wouter';
import { call } from '../api/client';
import { entityHref } from '../components/activity';
import { Empty, Query, Status } from '../components/ui';

const typeNames: Record<string, string> = {
  project: 'Project',
  prd_review: 'PRD',
  decision_log: 'Decision',
};

/** Results of the header search, ranked, with the matches marked. */
export function SearchResults() {
  const q = new URLSearchParams(useSearch()).get('q') ?? '';
  const results = useInfiniteQuery({
    queryKey: ['search', q],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => call('get', '/api/v1/search', { query: { q, cursor: pageParam, limit: 20 } }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: q.length > 0,
  });
  if (!q) {
    return (
      <main className="page">
        <h1>Search</h1>
        <Empty>Type in the search box above.</Empty>
      </main>
    );
  }
  return (
    <main className="page">
      <h1>Results for “{q}”</h1>
      <Query query={results} what="results">
        {(data) => {
          const first = data.pages[0];
          const hits = data.pages.flatMap((page) => page.data);
          if (hits.length === 0) {
            const alternatives = first?.didYouMean?.suggestions ?? [];
            return (
              <Empty>
                Nothing matches.
                {alternatives.length ? (
                  <>
                    {' '}
                    Did you mean{' '}
                    {alternatives.map((suggestion, index) => (
                      <span key={suggestion.text}>
                        {index ? ', ' : ''}
                        <Link href={`/search?q=${encodeURIComponent(suggestion.text)}`}>
                          {suggestion.text}
                        </Link>
                      </span>
                    ))}
                    ?
                  </>
                ) : null}
              </Empty>
            );
          }
          return (
            <>
              <p className="muted">{first?.total} found</p>
              <ul className="cards">
                {hits.map((hit) => (
                  <li key={`${hit.type}-${hit.id}`}>
                    <span className="muted">{typeNames[hit.type] ?? hit.type}</span>{' '}
                    <Link href={entityHref(hit.type, hit.id, { projectId: hit.projectId })}>
                      {/* The server escapes the text and marks matches with <mark> only. */}
                      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: escaped server-side */}
                      <span dangerouslySetInnerHTML={{ __html: hit.titleHighlight }} />
                    </Link>{' '}
                    {hit.status ? <Status value={hit.status} /> : null}
                    {hit.snippet ? (
                      // biome-ignore lint/security/noDangerouslySetInnerHtml: escaped server-side
                      <p className="muted" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
                    ) : null}
                  </li>
                ))}
              </ul>
              {results.hasNextPage ? (
                <button
                  type="button"
                  onClick={() => results.fetchNextPage()}
                  disabled={results.isFetchingNextPage}
                >
                  Load more
                </button>
              ) : null}
            </>
          );
        }}
      </Query>
    </main>
  );
}
