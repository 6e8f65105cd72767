import { Link } from 'wouter';
import { Empty, Loading, Query, When } from '../../components/ui';
import { useMe } from '../session/queries';
import { useActivityNames } from './activity-names';
import { describeEvent, shownInActivity } from './describe-event';
import { entityHref } from './entities';
import { useRecentEvents } from './queries';

/**
 * The workspace's latest changes in words ("Bea approved Refunds v2 in Payments"), newest first,
 * without sign-ins nor the administrative events the viewer's role may not follow.
 */
export function RecentActivity(props: { limit?: number }) {
  const limit = props.limit ?? 15;
  // A few more than shown, so hiding administrative events still leaves a full list.
  const events = useRecentEvents(limit + 10);
  const me = useMe();
  const viewer = { userId: me.data?.user.id ?? '', role: me.data?.role ?? 'viewer' };
  const visible = (events.data?.data ?? []).filter((event) => shownInActivity(event, viewer)).slice(0, limit);
  const { names, loading } = useActivityNames(visible);
  return (
    <Query query={events} what="recent activity">
      {() =>
        loading ? (
          <Loading what="names" />
        ) : visible.length === 0 ? (
          <Empty>Nothing has happened yet.</Empty>
        ) : (
          <ol className="activity">
            {visible.map((event) => {
              const projectId = names.entity(event.aggregateType, event.aggregateId)?.projectId;
              return (
                <li key={event.id}>
                  <Link href={entityHref(event.aggregateType, event.aggregateId, { projectId })}>
                    {describeEvent(event, names)}
                  </Link>{' '}
                  <When at={event.occurredAt} />
                </li>
              );
            })}
          </ol>
        )
      }
    </Query>
  );
}
