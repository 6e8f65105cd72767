// A deterministic delivery dataset of realistic shape, built in one pass so the benchmark can ask for
// 10,000 merge requests and 50,000 issues. Field names follow the API docs cited in gitlab-routes.ts
// and jira-routes.ts; only the fields Shipshape reads, plus a few for realism, are filled in.
import type {
  DeliveryDataset,
  Json,
  ReplayDeployment,
  ReplayIssue,
  ReplayMergeRequest,
  ReplayProject,
} from './dataset.ts';
import { gitlabUser, hour, iso, people, type Random, random, start } from './synthetic-common.ts';
import { syntheticIssue } from './synthetic-jira.ts';

export interface SyntheticOptions {
  mergeRequests: number;
  jiraIssues: number;
  seed: number;
}

export function syntheticDelivery({ mergeRequests, jiraIssues, seed }: SyntheticOptions): DeliveryDataset {
  const rng = random(seed);
  const projectCount = Math.max(1, Math.min(5, Math.ceil(mergeRequests / 2000)));
  const projects: Record<string, ReplayProject> = {};
  for (let index = 0; index < projectCount; index += 1) {
    projects[`shipshape/app-${index + 1}`] = { id: 100 + index, mergeRequests: [], deployments: [] };
  }
  const projectList = Object.values(projects);
  for (let index = 0; index < mergeRequests; index += 1) {
    const project = projectList[index % projectCount];
    if (!project) continue;
    const mergeRequest = syntheticMergeRequest(rng, project.id, project.mergeRequests.length + 1);
    project.mergeRequests.push(mergeRequest);
    project.deployments.push(...deploymentsFor(rng, project, mergeRequest));
  }
  const issues: ReplayIssue[] = [];
  for (let index = 0; index < jiraIssues; index += 1) issues.push(syntheticIssue(rng, index + 1));
  return {
    gitlab: { token: 'glpat-replay-token', projects },
    jira: { email: 'bot@example.com', token: 'jira-replay-token', issues },
  };
}

const reviewersOf = (author: string) => people.filter((person) => person !== author);

function syntheticMergeRequest(rng: Random, projectId: number, iid: number): ReplayMergeRequest {
  const author = rng.pick(people);
  const firstCommitAt = start + rng.between(0, 360 * 24) * hour;
  const commits: Json[] = [];
  for (let index = rng.between(1, 5); index > 0; index -= 1) {
    const at = iso(firstCommitAt + (commits.length * hour) / 2);
    const sha = `${projectId}${iid}${commits.length}`.padEnd(40, 'a');
    commits.unshift({
      id: sha,
      short_id: sha.slice(0, 8),
      title: `Change ${commits.length + 1}`,
      author_name: author,
      author_email: `${author}@example.com`,
      authored_date: at,
      committed_date: at,
      created_at: at,
    });
  }
  const createdAt = firstCommitAt + rng.between(1, 48) * hour;
  const notes: Json[] = [];
  let noteAt = createdAt;
  for (let index = rng.between(0, 6); index > 0; index -= 1) {
    noteAt += rng.between(1, 24) * hour;
    const approval = index === 1 && rng.next() < 0.6;
    const noteAuthor = approval ? rng.pick(reviewersOf(author)) : rng.pick(people);
    const body = approval ? 'approved this merge request' : 'Looks good, one question inline.';
    notes.push({
      id: projectId * 1_000_000 + iid * 10 + notes.length,
      body,
      author: gitlabUser(noteAuthor),
      created_at: iso(noteAt),
      updated_at: iso(noteAt),
      system: approval,
      noteable_type: 'MergeRequest',
      noteable_iid: iid,
      resolvable: !approval,
    });
  }
  const outcome = rng.next();
  const state = outcome < 0.8 ? 'merged' : outcome < 0.9 ? 'closed' : 'opened';
  const endedAt = noteAt + rng.between(1, 12) * hour;
  return {
    id: projectId * 100_000 + iid,
    iid,
    project_id: projectId,
    title: `Deliver change ${iid}`,
    state,
    created_at: iso(createdAt),
    updated_at: iso(state === 'opened' ? noteAt : endedAt),
    merged_at: state === 'merged' ? iso(endedAt) : null,
    closed_at: state === 'closed' ? iso(endedAt) : null,
    target_branch: 'main',
    source_branch: `change-${iid}`,
    author: gitlabUser(author),
    labels: rng.next() < 0.3 ? ['backend'] : [],
    draft: false,
    sha: commits[0]?.id,
    merge_commit_sha: state === 'merged' ? `m${projectId}${iid}`.padEnd(40, 'b') : null,
    web_url: `https://gitlab.example.com/shipshape/app/-/merge_requests/${iid}`,
    user_notes_count: notes.length,
    commits,
    notes,
  };
}

function deploymentsFor(
  rng: Random,
  project: ReplayProject,
  mergeRequest: ReplayMergeRequest,
): ReplayDeployment[] {
  if (typeof mergeRequest.merged_at !== 'string') return [];
  const mergedAt = Date.parse(mergeRequest.merged_at);
  const targets = [
    ...(rng.next() < 0.5 ? [{ name: 'staging', tier: 'staging', after: 1 }] : []),
    ...(rng.next() < 0.3 ? [{ name: 'production', tier: 'production', after: rng.between(2, 72) }] : []),
  ];
  return targets.map((target) => {
    const at = mergedAt + target.after * hour;
    const id = project.id * 1_000_000 + project.deployments.length + targets.indexOf(target) + 1;
    const status = rng.next() < 0.9 ? 'success' : 'failed';
    return {
      id,
      iid: id % 1_000_000,
      ref: 'main',
      sha: mergeRequest.merge_commit_sha,
      status,
      created_at: iso(at),
      updated_at: iso(at + hour / 4),
      finished_at: iso(at + hour / 4),
      user: gitlabUser(rng.pick(people)),
      environment: { id: target.tier === 'production' ? 2 : 1, name: target.name, tier: target.tier },
    };
  });
}
