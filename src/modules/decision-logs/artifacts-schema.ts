import { z } from 'zod';

const title = z.string().trim().max(300).optional().describe('How the link reads to people');
const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .describe('An http(s) URL');

/** A Jira issue key: project key, dash, number (PAY-123). */
export const jiraKeyPattern = /^[A-Z][A-Z0-9_]{0,49}-[1-9]\d{0,9}$/;
/** A GitLab merge request: its web URL, or the short reference group/project!123. */
export const gitlabMergeRequestPattern =
  /^(?:https?:\/\/[^\s/]+\/[\w.-]+(?:\/[\w.-]+)+\/-\/merge_requests\/\d+\/?|[\w.-]+(?:\/[\w.-]+)+![1-9]\d{0,9})$/;
/** An API contract: a URL, or a path to an OpenAPI/AsyncAPI document in a repository. */
export const apiContractPattern = /^(?:https?:\/\/\S+|[\w.@-]+(?:\/[\w.@-]+)*\.(?:ya?ml|json))$/;

/** Typed links: internal ones name a record of the workspace by id, external ones are checked by shape. */
export const relatedArtifactSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('prd'), id: z.uuid().describe('A PRD of the workspace'), title }),
    z.strictObject({ type: z.literal('decision'), id: z.uuid().describe('Another decision'), title }),
    z.strictObject({
      type: z.literal('project'),
      id: z.uuid().describe('A project of the workspace'),
      title,
    }),
    z.strictObject({ type: z.literal('url'), url: httpUrl, title }),
    z.strictObject({
      type: z.literal('jira'),
      key: z.string().regex(jiraKeyPattern, 'a Jira issue key such as PAY-123'),
      title,
    }),
    z.strictObject({
      type: z.literal('gitlab_mr'),
      ref: z
        .string()
        .max(2000)
        .regex(gitlabMergeRequestPattern, 'a merge request URL or a reference such as group/project!123'),
      title,
    }),
    z.strictObject({
      type: z.literal('api_contract'),
      ref: z
        .string()
        .max(2000)
        .regex(apiContractPattern, 'a URL or a path to a .yaml, .yml or .json contract'),
      title,
    }),
  ])
  .meta({ id: 'DecisionRelatedArtifact' });

export type RelatedArtifact = z.output<typeof relatedArtifactSchema>;

/** Artifact types that point at a record of the workspace, and the table that holds them. */
export const internalArtifactTables = {
  prd: 'prd_reviews',
  decision: 'decision_logs',
  project: 'projects',
} as const;
