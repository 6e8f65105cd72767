import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { call } from '../api/client';
import { Empty, Query, When } from './ui';

/** Where an audited entity is shown in the UI, when it has a page. */
export function entityHref(type: string, id: string, state?: Record<string, unknown>): string {
  if (type === 'project') return `/projects/${id}`;
  if (type === 'decision_log') return `/decisions/${id}`;
  if (type === 'prd_review' && typeof state?.projectId === 'string')
    return `/projects/${state.projectId}/prds/${id}`;
  return `/audit/${type}/${id}`;
}

/** The workspace's latest audited changes, newest first. */
export function RecentActivity(props: { limit?: number }) {
  const events = useQuery({
    queryKey: ['audit-events', 'recent', props.limit],
    queryFn: () => call('get', '/api/v1/audit/events', { query: { limit: props.limit ?? 15 } }),
  });
  return (
    <Query query={events} what="recent activity">
      {(page) =>
        page.data.length === 0 ? (
          <Empty>Nothing has happened yet.</Empty>
        ) : (
          <ol className="activity">
            {page.data.map((event) => (
              <li key={event.id}>
                <Link href={`/audit/${event.aggregateType}/${event.aggregateId}`}>{event.eventType}</Link>{' '}
                <When at={event.occurredAt} />
              </li>
            ))}
          </ol>
        )
      }
    </Query>
  );
}
