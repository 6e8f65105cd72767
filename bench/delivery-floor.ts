// The transport floor of a delivery sync: the same listings read page by page with the same clients
// (their default policy and 8 sub-requests in flight), keeping nothing. What a sync takes beyond this
// is the cost of deriving and writing.
import { gitlabClient } from '../src/modules/delivery/remote/gitlab-client.ts';
import { jiraClient } from '../src/modules/delivery/remote/jira-client.ts';
import type { RemotePage } from '../src/modules/delivery/remote/paging.ts';
import type { DeliveryDataset } from '../src/test-support/delivery-replay/index.ts';

export interface ReadFigures {
  seconds: number;
  /** Listing pages (merge requests, deployments, issue searches), as a sync run counts them. */
  pages: number;
  items: number;
}

/** Reads every page of one listing from the start; counts pages and items. */
async function readListing(page: (cursor: string | null) => Promise<RemotePage>) {
  let pages = 0;
  let items = 0;
  let cursor: string | null = null;
  do {
    const read: RemotePage = await page(cursor);
    pages += 1;
    items += read.items.length;
    cursor = read.next;
  } while (cursor !== null);
  return { pages, items };
}

/** At most `limit` at a time, as the app's saga drivers sync at most that many sources at once. */
async function inPool<T>(work: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = [];
  const queue = work.entries();
  const worker = async () => {
    for (const [index, task] of queue) results[index] = await task();
  };
  await Promise.all(Array.from({ length: Math.min(limit, work.length) }, worker));
  return results;
}

const timed = async (read: () => Promise<{ pages: number; items: number }[]>): Promise<ReadFigures> => {
  const started = performance.now();
  const counts = await read();
  return {
    seconds: (performance.now() - started) / 1000,
    pages: counts.reduce((sum, count) => sum + count.pages, 0),
    items: counts.reduce((sum, count) => sum + count.items, 0),
  };
};

/** Every GitLab project's merge requests (with commits and notes) then deployments, `parallel` projects at a time. */
export function readGitlabFloor(dataset: DeliveryDataset, url: string, parallel: number) {
  const projects = Object.keys(dataset.gitlab.projects);
  return timed(() =>
    inPool(
      projects.map((project) => async () => {
        const client = gitlabClient({
          id: `floor-gitlab-${project}`,
          baseUrl: url,
          token: dataset.gitlab.token,
        });
        const query = (cursor: string | null) => ({ updatedAfter: null, cursor });
        const mergeRequests = await readListing((cursor) => client.mergeRequestPage(project, query(cursor)));
        const deployments = await readListing((cursor) => client.deploymentPage(project, query(cursor)));
        return {
          pages: mergeRequests.pages + deployments.pages,
          items: mergeRequests.items + deployments.items,
        };
      }),
      parallel,
    ),
  );
}

/** Every issue matching the source's JQL, each with its whole changelog. */
export function readJiraFloor(dataset: DeliveryDataset, url: string, jql: string) {
  const client = jiraClient({
    id: 'floor-jira',
    baseUrl: url,
    auth: { kind: 'basic', email: dataset.jira.email ?? '', token: dataset.jira.token },
    api: 'cloud',
  });
  return timed(async () => [
    await readListing((cursor) => client.issuePage({ jql, updatedSince: null, cursor })),
  ]);
}
