import { Link } from 'wouter';
import { Empty, Query, When } from '../../components/ui';
import { useRecentEvents } from './queries';

/** The workspace's latest audited changes, newest first. */
export function RecentActivity(props: { limit?: number }) {
  const events = useRecentEvents(props.limit ?? 15);
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
