import { z } from 'zod';
import { type ParseResult, parseWith } from './parse-result.ts';
import { timestamp } from './time.ts';

// The GitLab REST API payloads the engine reads, as GitLab documents them. Lenient: unknown fields
// pass through and only the fields the engine uses are required. Times are read into ISO UTC.
// Merge requests, commits and notes: https://docs.gitlab.com/api/merge_requests/ and
// https://docs.gitlab.com/api/notes/; deployments: https://docs.gitlab.com/api/deployments/

const gitlabUser = z.looseObject({ id: z.number().int(), username: z.string(), name: z.string() });

export const gitlabMergeRequestSchema = z.looseObject({
  id: z.number().int(),
  iid: z.number().int(),
  project_id: z.number().int(),
  title: z.string(),
  state: z.enum(['opened', 'closed', 'merged', 'locked']),
  created_at: timestamp,
  updated_at: timestamp,
  merged_at: timestamp.nullable(),
  closed_at: timestamp.nullish(),
  target_branch: z.string(),
  labels: z.array(z.string()),
  author: gitlabUser,
  web_url: z.string().nullish(),
  merge_commit_sha: z.string().nullish(),
  squash_commit_sha: z.string().nullish(),
});

export const gitlabCommitSchema = z.looseObject({
  id: z.string(),
  authored_date: timestamp.nullish(),
  committed_date: timestamp.nullish(),
  created_at: timestamp,
  author_name: z.string(),
  author_email: z.string(),
});

/** A comment, or a system note GitLab writes for an event (an approval reads "approved this merge request"). */
export const gitlabNoteSchema = z.looseObject({
  id: z.number().int(),
  body: z.string(),
  author: gitlabUser,
  created_at: timestamp,
  system: z.boolean(),
});

export const gitlabDeploymentStatuses = [
  'created',
  'running',
  'success',
  'failed',
  'canceled',
  'skipped',
  'blocked',
] as const;

export const gitlabDeploymentSchema = z.looseObject({
  id: z.number().int(),
  iid: z.number().int(),
  ref: z.string(),
  sha: z.string(),
  created_at: timestamp,
  updated_at: timestamp,
  finished_at: timestamp.nullish(),
  status: z.enum(gitlabDeploymentStatuses),
  environment: z.looseObject({ name: z.string(), tier: z.string().nullish() }),
});

/** One line of the offline import file: a merge request with its commits and notes. */
export const mergeRequestBundleSchema = gitlabMergeRequestSchema.extend({
  commits: z.array(gitlabCommitSchema).optional(),
  notes: z.array(gitlabNoteSchema).optional(),
});

export type GitLabUser = z.infer<typeof gitlabUser>;
export type GitLabMergeRequest = z.infer<typeof gitlabMergeRequestSchema>;
export type GitLabCommit = z.infer<typeof gitlabCommitSchema>;
export type GitLabNote = z.infer<typeof gitlabNoteSchema>;
export type GitLabDeployment = z.infer<typeof gitlabDeploymentSchema>;
export type MergeRequestBundle = z.infer<typeof mergeRequestBundleSchema>;

/** An array of merge requests, each with optional `commits` and `notes` arrays. */
export function parseMergeRequestBundles(json: unknown): ParseResult<MergeRequestBundle[]> {
  return parseWith(z.array(mergeRequestBundleSchema), json);
}

/** An array of deployments as GET /projects/:id/deployments answers them. */
export function parseDeployments(json: unknown): ParseResult<GitLabDeployment[]> {
  return parseWith(z.array(gitlabDeploymentSchema), json);
}
