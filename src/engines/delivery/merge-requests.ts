import type { GitLabDeployment, GitLabNote, GitLabUser, MergeRequestBundle } from './gitlab-shapes.ts';
import type { Deployment, Identity, MergeRequestContribution, MergeRequestLeadTime } from './model.ts';
import { earliest, msBetween } from './time.ts';

// A merge request's stages from first commit to production, and who took part in it. The
// definitions are the ones the docs quote; keep the comments and the docs in step.

/** Environments counted as production when GitLab's tier does not say (exact names, case-insensitive). */
export const defaultProductionEnvironments = ['production', 'prod'];

/** Deployment statuses after which GitLab no longer changes the deployment. */
const finishedStatuses = new Set<Deployment['status']>(['success', 'failed', 'canceled']);

export function gitlabIdentity(user: GitLabUser): Identity {
  return { handle: user.username, source: 'gitlab', name: user.name, email: null };
}

/** GitLab records an approval as a system note reading "approved this merge request". */
export function isApproval(note: GitLabNote): boolean {
  return note.system && note.body.trim().toLowerCase().startsWith('approved this merge request');
}

/** When a commit was written: its authored date, else its created date. */
function commitTime(commit: { authored_date?: string | null; created_at: string }): string {
  return commit.authored_date ?? commit.created_at;
}

/** Notes that count as review: comments, or approvals, by someone other than the author. */
function reviewNotes(bundle: MergeRequestBundle): GitLabNote[] {
  return (bundle.notes ?? []).filter(
    (note) => note.author.id !== bundle.author.id && (!note.system || isApproval(note)),
  );
}

/**
 * The first successful production deployment of the merge request's project and target branch that
 * finished (or, without a finish time, was created) at or after the merge.
 */
function firstDeployAfter(bundle: MergeRequestBundle, deployments: Deployment[]): string | null {
  const mergedAt = bundle.merged_at;
  if (mergedAt === null) return null;
  const merged = Date.parse(mergedAt);
  const times = deployments
    .filter(
      (d) =>
        d.production &&
        d.status === 'success' &&
        d.gitlabProjectId === bundle.project_id &&
        d.ref === bundle.target_branch,
    )
    .map((d) => d.finishedAt ?? d.createdAt)
    .filter((time) => Date.parse(time) >= merged);
  return earliest(times);
}

export function mergeRequestLeadTime(
  bundle: MergeRequestBundle,
  deployments: Deployment[],
): MergeRequestLeadTime {
  const commits = bundle.commits ?? [];
  const notes = bundle.notes ?? [];
  const reviews = reviewNotes(bundle);
  const createdAt = bundle.created_at;
  const mergedAt = bundle.merged_at;
  const firstCommitAt = earliest(commits.map(commitTime));
  const firstReviewAt = earliest(reviews.map((note) => note.created_at));
  const approvedAt = earliest(notes.filter(isApproval).map((note) => note.created_at));
  const firstDeployAt = firstDeployAfter(bundle, deployments);
  // Work starts at the first commit, or at opening when the branch's commits came later.
  const workStart = earliest([firstCommitAt, createdAt]);
  const coding = msBetween(firstCommitAt, createdAt);
  return {
    mrKey: `${bundle.project_id}!${bundle.iid}`,
    gitlabProjectId: bundle.project_id,
    iid: bundle.iid,
    title: bundle.title,
    webUrl: bundle.web_url ?? null,
    state: bundle.state,
    author: gitlabIdentity(bundle.author),
    targetBranch: bundle.target_branch,
    labels: bundle.labels,
    createdAt,
    updatedAt: bundle.updated_at,
    firstCommitAt,
    firstReviewAt,
    approvedAt,
    mergedAt,
    firstDeployAt,
    codingMs: coding === null ? null : Math.max(0, coding),
    pickupMs: msBetween(createdAt, firstReviewAt),
    reviewMs: msBetween(firstReviewAt, mergedAt),
    deployMs: msBetween(mergedAt, firstDeployAt),
    leadMs: msBetween(workStart, mergedAt),
    changeLeadMs: msBetween(workStart, firstDeployAt),
    reviewerCount: new Set(reviews.map((note) => note.author.id)).size,
    commitCount: commits.length,
    noteCount: notes.filter((note) => !note.system).length,
  };
}

interface Tally {
  person: Identity;
  count: number;
  firstAt: string;
}

/** Counts items per person (by `key`), keeping the person's first time; in order of first appearance. */
function tally<T>(
  items: T[],
  key: (item: T) => string,
  person: (item: T) => Identity,
  time: (item: T) => string,
) {
  const byKey = new Map<string, Tally>();
  for (const item of items) {
    const seen = byKey.get(key(item));
    if (seen === undefined) {
      byKey.set(key(item), { person: person(item), count: 1, firstAt: time(item) });
      continue;
    }
    seen.count += 1;
    if (Date.parse(time(item)) < Date.parse(seen.firstAt)) seen.firstAt = time(item);
  }
  return [...byKey.values()];
}

export function mergeRequestContributions(bundle: MergeRequestBundle): MergeRequestContribution[] {
  const mrKey = `${bundle.project_id}!${bundle.iid}`;
  const notes = bundle.notes ?? [];
  const comments = notes.filter((note) => !note.system);
  const byUser = (note: GitLabNote) => String(note.author.id);
  const noteAuthor = (note: GitLabNote) => gitlabIdentity(note.author);
  const noteTime = (note: GitLabNote) => note.created_at;
  const isAuthor = (note: GitLabNote) => note.author.id === bundle.author.id;
  const parts = (role: MergeRequestContribution['role'], tallies: Tally[], countOne = false) =>
    tallies.map((t) => ({
      mrKey,
      person: t.person,
      role,
      count: countOne ? 1 : t.count,
      firstAt: t.firstAt,
    }));
  return [
    { mrKey, person: gitlabIdentity(bundle.author), role: 'author', count: 1, firstAt: bundle.created_at },
    ...parts('approver', tally(notes.filter(isApproval), byUser, noteAuthor, noteTime), true),
    ...parts(
      'reviewer',
      tally(
        comments.filter((note) => !isAuthor(note)),
        byUser,
        noteAuthor,
        noteTime,
      ),
    ),
    ...parts('commenter', tally(comments.filter(isAuthor), byUser, noteAuthor, noteTime)),
    ...parts(
      'committer',
      tally(
        bundle.commits ?? [],
        (commit) => commit.author_email,
        (commit) => ({
          handle: commit.author_email,
          source: 'gitlab',
          name: commit.author_name,
          email: commit.author_email,
        }),
        commitTime,
      ),
    ),
  ];
}

/** A GitLab deployment of project `gitlabProjectId`, with whether it reached production. */
export function deployment(
  d: GitLabDeployment,
  gitlabProjectId: number,
  productionEnvironments: string[] = defaultProductionEnvironments,
): Deployment {
  const name = d.environment.name.toLowerCase();
  const production =
    d.environment.tier === 'production' || productionEnvironments.some((env) => env.toLowerCase() === name);
  const finishedAt = d.finished_at ?? (finishedStatuses.has(d.status) ? d.updated_at : null);
  return {
    deploymentKey: `${gitlabProjectId}#${d.id}`,
    gitlabProjectId,
    environment: d.environment.name,
    production,
    status: d.status,
    ref: d.ref,
    sha: d.sha,
    createdAt: d.created_at,
    finishedAt,
  };
}
