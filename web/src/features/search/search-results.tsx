import { Link, useSearch } from 'wouter';
import { CursorList } from '../../components/cursor-list';
import { Page } from '../../components/layout';
import { Empty, Status } from '../../components/ui';
import { entityHref } from '../audit/entities';
import { type SearchPage, useSearchResults } from './queries';

const typeNames: Record<string, string> = {
  project: 'Project',
  prd_review: 'PRD',
  decision_log: 'Decision',
};

/** Results of the header search, ranked, with the matches marked. */
export function SearchResults() {
  const q = new URLSearchParams(useSearch()).get('q') ?? '';
  const results = useSearchResults(q);
  if (!q) {
    return (
      <Page>
        <h1>Search</h1>
        <Empty>Type in the search box above.</Empty>
      </Page>
    );
  }
  return (
    <Page>
      <h1>Results for “{q}”</h1>
      <CursorList list={results} what="results" empty={(first) => <NothingMatches first={first} />}>
        {(hits, first) => (
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
          </>
        )}
      </CursorList>
    </Page>
  );
}

/** "Nothing matches", with the spellings the server suggests instead. */
function NothingMatches(props: { first: SearchPage | undefined }) {
  const alternatives = props.first?.didYouMean?.suggestions ?? [];
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
              <Link href={`/search?q=${encodeURIComponent(suggestion.text)}`}>{suggestion.text}</Link>
            </span>
          ))}
          ?
        </>
      ) : null}
    </Empty>
  );
}
