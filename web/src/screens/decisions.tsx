import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { call } from '../api/client';
import { TimelineChart } from '../components/timeline-chart';
import { Empty, Query, Status } from '../components/ui';
import { useMembers, useNameOf } from '../people';

const statuses = ['draft', 'proposed', 'accepted', 'rejected', 'deprecated', 'superseded'];

/** The decision log: filters (type, status, owner, tag, date range), search, and a timeline. */
export function DecisionList() {
  const nameOf = useNameOf();
  const members = useMembers();
  const [filters, setFilters] = useState({
    q: '',
    type: '',
    status: '',
    owner: '',
    tag: '',
    from: '',
    to: '',
  });
  const set = (name: keyof typeof filters) => (event: { target: { value: string } }) =>
    setFilters({ ...filters, [name]: event.target.value });
  const settings = useQuery({
    queryKey: ['decision-settings'],
    queryFn: () => call('get', '/api/v1/decision-logs/settings'),
  });
  const decisions = useInfiniteQuery({
    queryKey: ['decisions', 'list', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call('get', '/api/v1/decision-logs', {
        query: {
          q: filters.q || undefined,
          'filter[decisionType]': filters.type || undefined,
          'filter[status]': filters.status || undefined,
          'filter[owner]': filters.owner || undefined,
          'filter[tags][contains]': filters.tag || undefined,
          'filter[decisionDate][gte]': filters.from || undefined,
          'filter[decisionDate][lte]': filters.to || undefined,
          cursor: pageParam,
          limit: 50,
        },
      }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const timeline = useQuery({
    queryKey: ['decisions', 'timeline'],
    queryFn: () => call('get', '/api/v1/decision-logs/timeline', { query: { limit: 200 } }),
  });
  return (
    <main className="page">
      <div className="title-row">
        <h1>Decisions</h1>
        <Link className="button primary-link" href="/decisions/new">
          New decision
        </Link>
      </div>
      <search className="filters" aria-label="Filter decisions">
        <label>
          Search decisions
          <input type="search" value={filters.q} onChange={set('q')} placeholder="Title, context…" />
        </label>
        <label>
          Type
          <select value={filters.type} onChange={set('type')}>
            <option value="">Any</option>
            {(settings.data?.decisionTypes ?? []).map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select value={filters.status} onChange={set('status')}>
            <option value="">Any</option>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </label>
        <label>
          Owner
          <select value={filters.owner} onChange={set('owner')}>
            <option value="">Anyone</option>
            {(members.data?.data ?? []).map((member) => (
              <option key={member.user.id} value={member.user.id}>
                {member.user.displayName}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tag
          <input value={filters.tag} onChange={set('tag')} />
        </label>
        <label>
          Decided from
          <input type="date" value={filters.from} onChange={set('from')} />
        </label>
        <label>
          Decided until
          <input type="date" value={filters.to} onChange={set('to')} />
        </label>
      </search>
      <Query query={decisions} what="decisions">
        {(data) => {
          const rows = data.pages.flatMap((page) => page.data);
          if (rows.length === 0) return <Empty>No decisions match.</Empty>;
          return (
            <>
              <table className="list">
                <thead>
                  <tr>
                    <th scope="col">Reference</th>
                    <th scope="col">Title</th>
                    <th scope="col">Type</th>
                    <th scope="col">Status</th>
                    <th scope="col">Owner</th>
                    <th scope="col">Decided</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((decision) => (
                    <tr key={decision.id}>
                      <td>{decision.reference}</td>
                      <td>
                        <Link href={`/decisions/${decision.id}`}>{decision.title}</Link>
                      </td>
                      <td>{decision.decisionType}</td>
                      <td>
                        <Status value={decision.status} />
                      </td>
                      <td>
                        {decision.decisionOwnerId
                          ? nameOf(decision.decisionOwnerId)
                          : decision.decisionOwner || '—'}
                      </td>
                      <td>{decision.decisionDate}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {decisions.hasNextPage ? (
                <button
                  type="button"
                  onClick={() => decisions.fetchNextPage()}
                  disabled={decisions.isFetchingNextPage}
                >
                  Load more
                </button>
              ) : null}
            </>
          );
        }}
      </Query>
      <h2>Timeline</h2>
      <Query query={timeline} what="the timeline">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No decisions to chart yet.</Empty>
          ) : (
            <TimelineChart
              label={`Running count of ${page.data.length} decisions by status over time`}
              points={page.data.map((item) => ({ date: item.decisionDate, status: item.status }))}
            />
          )
        }
      </Query>
    </main>
  );
}
