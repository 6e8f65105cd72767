import { useQueries, useQuery } from '@tanstack/react-query';
import { call, type ResponseOf } from '../../api/client';
import { prdListQuery } from '../prds/queries';
import { useRecentProjects } from '../projects/queries';
import { readinessKeys } from '../readiness/queries';
import { useMe } from '../session/queries';

/**
 * The home page looks at most at this many active projects (the most recently changed), so it
 * makes a bounded number of requests, all in parallel: one for the projects, then per project its
 * scorecard, the PRDs awaiting my review and my PRDs in review (3 × 12), plus my proposed
 * decisions, the recent activity and the members' names: at most 40.
 */
export const portfolioSize = 12;

export type ProjectScorecard = ResponseOf<'/api/v1/projects/{projectId}/readiness', 'get'>;

export const homeKeys = {
  all: ['home'] as const,
  proposedTo: (userId: string) => ['decisions', 'proposed-to', userId] as const,
};

/** The active projects the home page covers, and how many more there are. */
export function usePortfolioProjects() {
  const projects = useRecentProjects();
  const all = projects.data?.data ?? [];
  return {
    query: projects,
    projects: all.slice(0, portfolioSize),
    more: Math.max(0, all.length - portfolioSize),
  };
}

/**
 * Each covered project's readiness scorecard, fetched in parallel under the readiness pages' own key,
 * so a waiver or a not-applicable mark refreshes the home page too.
 */
export function useScorecards() {
  const { query, projects, more } = usePortfolioProjects();
  const scorecards = useQueries({
    queries: projects.map((project) => ({
      queryKey: readinessKeys.scorecard(project.id),
      queryFn: () =>
        call('get', '/api/v1/projects/{projectId}/readiness', { params: { projectId: project.id } }),
      staleTime: 60_000,
    })),
  });
  const rows = projects.flatMap((project, index) => {
    const scorecard = scorecards[index];
    return scorecard ? [{ project, scorecard }] : [];
  });
  return { query, more, rows };
}

/** PRDs of the covered projects that match `filter`, with their project. */
function usePrdsAcross(filter: Record<string, string>) {
  const { query, projects } = usePortfolioProjects();
  const lists = useQueries({
    queries: projects.map((project) => prdListQuery(project.id, { ...filter, limit: 20 })),
  });
  const prds = lists.flatMap((result, index) =>
    (result.data?.data ?? []).map((prd) => ({ prd, project: projects[index] })),
  );
  const failed = lists.find((result) => result.error);
  return {
    projects: query,
    prds,
    loading: query.isPending || lists.some((result) => result.isPending),
    error: failed?.error,
    retry: () => {
      for (const result of lists) if (result.error) void result.refetch();
    },
  };
}

/** PRDs in review in which I was asked and have not decided this round. */
export function useReviewRequests() {
  return usePrdsAcross({ 'filter[awaitingReviewBy]': 'me' });
}

/** PRDs I wrote that are in review: they wait for others. */
export function useMyPrdsInReview() {
  return usePrdsAcross({ 'filter[authorId]': 'me', 'filter[status]': 'in_review' });
}

/** Decisions proposed with me as their owner: mine to accept or reject. */
export function useDecisionsProposedToMe() {
  const me = useMe();
  const userId = me.data?.user.id ?? '';
  return useQuery({
    queryKey: homeKeys.proposedTo(userId),
    queryFn: () =>
      call('get', '/api/v1/decision-logs', {
        query: { 'filter[status]': 'proposed', 'filter[owner]': userId, limit: 10, sort: '-updatedAt' },
      }),
    enabled: Boolean(userId),
  });
}
