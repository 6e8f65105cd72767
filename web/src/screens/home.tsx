import { useQueries, useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { call } from '../api/client';
import { RecentActivity } from '../components/activity';
import { Empty, Loading, Query, Status, When } from '../components/ui';

/** My open review requests (PRDs awaiting my review, across active projects) and recent activity. */
export function Home() {
  const projects = useQuery({
    queryKey: ['projects', 'active-for-home'],
    queryFn: () =>
      call('get', '/api/v1/projects', {
        query: { limit: 50, 'filter[status]': 'active', sort: '-updatedAt' },
      }),
  });
  const awaiting = useQueries({
    queries: (projects.data?.data ?? []).map((project) => ({
      queryKey: ['prd-reviews', project.id, 'awaiting-me'],
      queryFn: () =>
        call('get', '/api/v1/projects/{projectId}/prd-reviews', {
          params: { projectId: project.id },
          query: { 'filter[awaitingReviewBy]': 'me', limit: 20 },
        }),
    })),
  });
  const requests = awaiting.flatMap((result, index) =>
    (result.data?.data ?? []).map((prd) => ({ prd, project: projects.data?.data[index] })),
  );
  const loading = projects.isPending || awaiting.some((result) => result.isPending);
  return (
    <main className="page">
      <h1>Home</h1>
      <div className="columns">
        <section aria-labelledby="requests-heading">
          <h2 id="requests-heading">My open review requests</h2>
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
        </section>
        <section aria-labelledby="activity-heading">
          <h2 id="activity-heading">Recent activity</h2>
          <RecentActivity />
        </section>
      </div>
    </main>
  );
}
