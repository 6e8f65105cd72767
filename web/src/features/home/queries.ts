import { useQueries } from '@tanstack/react-query';
import { prdListQuery } from '../prds/queries';
import { useRecentProjects } from '../projects/queries';

/**
 * PRDs awaiting my review, across the active projects, with their project. Composed from the
 * projects' and PRDs' own queries (and keys), so their invalidations refresh it too.
 */
export function useReviewRequests() {
  const projects = useRecentProjects();
  const awaiting = useQueries({
    queries: (projects.data?.data ?? []).map((project) =>
      prdListQuery(project.id, { 'filter[awaitingReviewBy]': 'me', limit: 20 }),
    ),
  });
  const requests = awaiting.flatMap((result, index) =>
    (result.data?.data ?? []).map((prd) => ({ prd, project: projects.data?.data[index] })),
  );
  const loading = projects.isPending || awaiting.some((result) => result.isPending);
  return { projects, requests, loading };
}
