import { Link } from 'wouter';
import { Page, Section } from '../../components/layout';
import { Empty, Loading, Query, Status, When } from '../../components/ui';
import { RecentActivity } from '../audit/recent-activity';
import { useReviewRequests } from './queries';

/** My open review requests (PRDs awaiting my review, across active projects) and recent activity. */
export function Home() {
  const { projects, requests, loading } = useReviewRequests();
  return (
    <Page>
      <h1>Home</h1>
      <div className="columns">
        <Section id="requests" title="My open review requests">
          <Query query={projects} what="projects">
            {() =>
              loading ? (
                <Loading what="review requests" />
              ) : requests.length === 0 ? (
                <Empty>No PRD is waiting for your review.</Empty>
              ) : (
                <ul className="cards">
                  {requests.map(({ prd, project }) => (
                    <li key={prd.id}>
                      <Link href={`/projects/${prd.projectId}/prds/${prd.id}`}>{prd.title}</Link>
                      <span className="muted"> in {project?.name}</span> <Status value={prd.status} />{' '}
                      <When at={prd.updatedAt} />
                    </li>
                  ))}
                </ul>
              )
            }
          </Query>
        </Section>
        <Section id="activity" title="Recent activity">
          <RecentActivity />
        </Section>
      </div>
    </Page>
  );
}
