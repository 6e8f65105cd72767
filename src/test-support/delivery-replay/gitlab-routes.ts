// GitLab REST v4 as the replay server serves it. Shapes follow the docs' example responses:
// https://docs.gitlab.com/api/users/#get-the-current-user
// https://docs.gitlab.com/api/personal_access_tokens/#get-details-on-a-personal-access-token
// https://docs.gitlab.com/api/merge_requests/#list-project-merge-requests
// https://docs.gitlab.com/api/merge_requests/#get-single-merge-request-commits
// https://docs.gitlab.com/api/notes/#list-all-merge-request-notes
// https://docs.gitlab.com/api/deployments/#list-project-deployments
// Pagination headers: https://docs.gitlab.com/api/rest/#pagination
import {
  byUpdated,
  type DeliveryDataset,
  type Json,
  notFound,
  type ReplayProject,
  type ReplayResponse,
} from './dataset.ts';

export function gitlabRoute(dataset: DeliveryDataset, segments: string[], url: URL): ReplayResponse {
  const [resource, projectKey, collection, iid, subCollection] = segments;
  if (resource === 'user' && segments.length === 1) {
    return { status: 200, body: { id: 1, username: 'replay-bot', name: 'Replay Bot', state: 'active' } };
  }
  if (resource === 'personal_access_tokens' && projectKey === 'self') {
    return {
      status: 200,
      body: { id: 7, name: 'shipshape', revoked: false, active: true, scopes: ['read_api'] },
    };
  }
  const project =
    resource === 'projects' && projectKey !== undefined ? findProject(dataset, projectKey) : undefined;
  if (!project) return notFound('404 Project Not Found');
  // GET /projects/:id (https://docs.gitlab.com/api/projects/#get-a-single-project), the fields read.
  if (collection === undefined)
    return { status: 200, body: { id: project.id, path_with_namespace: projectKey, default_branch: 'main' } };
  if (collection === 'merge_requests' && iid === undefined) {
    const list = project.mergeRequests.map(
      ({ commits: _commits, notes: _notes, ...mergeRequest }) => mergeRequest,
    );
    return paginate(url, sinceFilter(list, url));
  }
  if (collection === 'merge_requests' && (subCollection === 'commits' || subCollection === 'notes')) {
    const mergeRequest = project.mergeRequests.find((candidate) => String(candidate.iid) === iid);
    if (!mergeRequest) return notFound();
    return paginate(url, subCollection === 'commits' ? mergeRequest.commits : mergeRequest.notes);
  }
  if (collection === 'deployments' && iid === undefined)
    return paginate(url, sinceFilter(project.deployments, url));
  return notFound();
}

function findProject(dataset: DeliveryDataset, key: string): ReplayProject | undefined {
  const { projects } = dataset.gitlab;
  return projects[key] ?? Object.values(projects).find((project) => String(project.id) === key);
}

function sinceFilter(items: Json[], url: URL): Json[] {
  const after = url.searchParams.get('updated_after');
  const sorted = byUpdated(items, (item) => String(item.updated_at));
  if (!after) return sorted;
  const since = Date.parse(after);
  return sorted.filter((item) => Date.parse(String(item.updated_at)) >= since);
}

function paginate(url: URL, items: Json[]): ReplayResponse {
  const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 20));
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const next = page < totalPages ? String(page + 1) : '';
  const linkTo = (target: number) => {
    const link = new URL(url);
    link.searchParams.set('page', String(target));
    return link.toString();
  };
  const links = [
    ...(next ? [`<${linkTo(page + 1)}>; rel="next"`] : []),
    `<${linkTo(1)}>; rel="first"`,
    `<${linkTo(totalPages)}>; rel="last"`,
  ];
  const headers = {
    'x-page': String(page),
    'x-per-page': String(perPage),
    'x-next-page': next,
    'x-prev-page': page > 1 ? String(page - 1) : '',
    'x-total': String(items.length),
    'x-total-pages': String(totalPages),
    link: links.join(', '),
  };
  return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers };
}
