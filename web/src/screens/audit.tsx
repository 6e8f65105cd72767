import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { diffLines } from 'diff';
import { type FormEvent, useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { call, type ResponseOf } from '../api/client';
import { entityHref } from '../components/activity';
import { Empty, Field, Query, When } from '../components/ui';
import { useMembers, useNameOf } from '../people';

type AuditEvent = ResponseOf<'/api/v1/audit/aggregates/{type}/{id}/history', 'get'>['data'][number];
type Change = { before?: unknown; after?: unknown };

/** /audit: the latest changes, or one entity's history (/audit/:type/:id) with time travel. */
export function AuditScreen() {
  const params = useParams<{ type?: string; id?: string }>();
  if (params.type && params.id) return <EntityHistory type={params.type} id={params.id} />;
  return (
    <main className="page">
      <h1>Audit</h1>
      <FindEntity />
      <h2>Latest changes</h2>
      <EventList />
    </main>
  );
}

const entityTypes = ['project', 'prd_review', 'decision_log', 'membership', 'invitation', 'api_token'];

/** The workspace's events, newest first, filtered by entity type, event type, person and dates. */
function EventList() {
  const nameOf = useNameOf();
  const members = useMembers();
  const [filters, setFilters] = useState({ type: '', eventType: '', actor: '', from: '', to: '' });
  const set = (name: keyof typeof filters) => (event: { target: { value: string } }) =>
    setFilters({ ...filters, [name]: event.target.value });
  const events = useInfiniteQuery({
    queryKey: ['audit-events', 'list', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call('get', '/api/v1/audit/events', {
        query: {
          aggregateType: filters.type || undefined,
          eventType: filters.eventType.trim() || undefined,
          actor: filters.actor || undefined,
          from: filters.from ? new Date(`${filters.from}T00:00:00`).toISOString() : undefined,
          to: filters.to ? new Date(`${filters.to}T23:59:59.999`).toISOString() : undefined,
          cursor: pageParam,
          limit: 50,
        },
      }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  return (
    <>
      <search className="filters" aria-label="Filter events">
        <label>
          Entity type
          <select value={filters.type} onChange={set('type')}>
            <option value="">Any</option>
            {entityTypes.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        <label>
          Event type
          <input
            value={filters.eventType}
            onChange={set('eventType')}
            placeholder="e.g. prd_review.approved"
          />
        </label>
        <label>
          Who
          <select value={filters.actor} onChange={set('actor')}>
            <option value="">Anyone</option>
            {(members.data?.data ?? []).map((member) => (
              <option key={member.user.id} value={member.user.id}>
                {member.user.displayName}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" value={filters.from} onChange={set('from')} />
        </label>
        <label>
          Until
          <input type="date" value={filters.to} onChange={set('to')} />
        </label>
      </search>
      <Query query={events} what="events">
        {(data) => {
          const rows = data.pages.flatMap((page) => page.data);
          if (rows.length === 0) return <Empty>No events match.</Empty>;
          return (
            <>
              <table className="list">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">Event</th>
                    <th scope="col">Who</th>
                    <th scope="col">When</th>
                    <th scope="col">Changed</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((event) => (
                    <tr key={event.id}>
                      <td>{event.sequence}</td>
                      <td>
                        <Link href={`/audit/${event.aggregateType}/${event.aggregateId}`}>
                          {event.eventType}
                        </Link>
                      </td>
                      <td>{nameOf(event.userId)}</td>
                      <td>
                        <When at={event.occurredAt} />
                      </td>
                      <td>{Object.keys((event.eventData.changes ?? {}) as object).join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {events.hasNextPage ? (
                <button
                  type="button"
                  onClick={() => events.fetchNextPage()}
                  disabled={events.isFetchingNextPage}
                >
                  Load more
                </button>
              ) : null}
            </>
          );
        }}
      </Query>
    </>
  );
}

function FindEntity() {
  const [, navigate] = useLocation();
  const [type, setType] = useState('project');
  const [id, setId] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (id.trim()) navigate(`/audit/${type}/${id.trim()}`);
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Find an entity's history">
      <Field label="Entity type" name="audit-type">
        <select id="audit-type" value={type} onChange={(event) => setType(event.target.value)}>
          {entityTypes.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Entity id" name="audit-id">
        <input id="audit-id" value={id} onChange={(event) => setId(event.target.value)} placeholder="UUID" />
      </Field>
      <button type="submit">Show history</button>
    </form>
  );
}

/** `datetime-local` text (local time, no zone) to an ISO instant, and back. */
function toIso(local: string): string {
  return new Date(local).toISOString();
}
function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 23);
}

function EntityHistory(props: { type: string; id: string }) {
  const nameOf = useNameOf();
  const [asOf, setAsOf] = useState('');
  const history = useQuery({
    queryKey: ['audit-history', props.type, props.id],
    queryFn: () =>
      call('get', '/api/v1/audit/aggregates/{type}/{id}/history', {
        params: props,
        query: { limit: 200 },
      }),
  });
  const state = useQuery({
    queryKey: ['audit-at', props.type, props.id, asOf],
    queryFn: () =>
      call('get', '/api/v1/audit/aggregates/{type}/{id}', {
        params: props,
        query: { at: asOf ? toIso(asOf) : undefined },
      }),
  });
  return (
    <main className="page">
      <p className="crumbs">
        <Link href="/audit">Audit</Link> ›{' '}
        <Link href={entityHref(props.type, props.id, state.data?.state)}>
          {props.type.replace(/_/g, ' ')} {String(state.data?.state.title ?? state.data?.state.name ?? '')}
        </Link>
      </p>
      <h1>History</h1>
      <div className="columns">
        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">Timeline</h2>
          <Query query={history} what="the history">
            {(page) =>
              page.data.length === 0 ? (
                <Empty>No events recorded for this entity.</Empty>
              ) : (
                <ol className="activity">
                  {page.data.map((event) => (
                    <li key={event.id} className="comment">
                      <p>
                        <strong>{event.eventType}</strong> by {nameOf(event.userId)}{' '}
                        <When at={event.occurredAt} />{' '}
                        <button type="button" onClick={() => setAsOf(toLocalInput(String(event.occurredAt)))}>
                          As of this change
                        </button>
                      </p>
                      <Changes event={event} />
                    </li>
                  ))}
                </ol>
              )
            }
          </Query>
        </section>
        <section aria-labelledby="as-of-heading">
          <h2 id="as-of-heading">As of</h2>
          <div className="inline-form">
            <Field label="Show the entity as it was at" name="as-of">
              <input
                id="as-of"
                type="datetime-local"
                step="0.001"
                value={asOf}
                onChange={(event) => setAsOf(event.target.value)}
              />
            </Field>
            <button type="button" onClick={() => setAsOf('')} disabled={!asOf}>
              Now
            </button>
          </div>
          <Query query={state} what="the entity at that time">
            {(entity) => (
              <section aria-label="Entity state">
                <p className="muted">
                  Version {entity.version} as of <When at={entity.at} />
                </p>
                <dl className="facts">
                  {Object.entries(entity.state).map(([field, value]) => (
                    <Fact key={field} field={field} value={value} />
                  ))}
                </dl>
              </section>
            )}
          </Query>
        </section>
      </div>
    </main>
  );
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 1);
}

function Fact(props: { field: string; value: unknown }) {
  const text = show(props.value);
  return (
    <>
      <dt>{props.field}</dt>
      <dd className={text.length > 120 ? 'description clamp' : undefined}>
        {text.length > 600 ? `${text.slice(0, 600)}…` : text}
      </dd>
    </>
  );
}

/** The fields an event changed, before and after; long text as a line diff. */
function Changes(props: { event: AuditEvent }) {
  const changes = (props.event.eventData.changes ?? {}) as Record<string, Change>;
  const entries = Object.entries(changes);
  if (entries.length === 0) return null;
  return (
    <dl className="facts">
      {entries.map(([field, change]) => {
        const before = show(change.before);
        const after = show(change.after);
        const long = before.length > 80 || after.length > 80 || before.includes('\n') || after.includes('\n');
        return <FieldChange key={field} field={field} before={before} after={after} long={long} />;
      })}
    </dl>
  );
}

function FieldChange(props: { field: string; before: string; after: string; long: boolean }) {
  return (
    <>
      <dt>{props.field}</dt>
      <dd>
        {props.long ? (
          <pre className="diff-inline">
            {diffLines(props.before, props.after).map((part, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: diff parts have no identity but their order
              <span key={index} className={part.added ? 'added' : part.removed ? 'removed' : undefined}>
                {part.added ? <ins>{part.value}</ins> : part.removed ? <del>{part.value}</del> : part.value}
              </span>
            ))}
          </pre>
        ) : (
          <>
            <del>{props.before}</del> → <ins>{props.after}</ins>
          </>
        )}
      </dd>
    </>
  );
}
