import { z } from 'zod';
import { type ParseResult, parseWith } from './parse-result.ts';
import { timestamp } from './time.ts';

// Jira Cloud issues as GET /rest/api/3/search/jql?expand=changelog answers them
// (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/). Lenient:
// unknown fields pass through, only the fields used are required. Jira's times
// ("2024-01-15T10:30:00.000+0100") are read into ISO UTC.

/** Jira Cloud names people by accountId; Jira Server by name (and key). */
export const jiraUserSchema = z.looseObject({
  accountId: z.string().optional(),
  name: z.string().optional(),
  displayName: z.string().optional(),
  emailAddress: z.string().nullish(),
});

const changeItemSchema = z.looseObject({
  field: z.string(),
  fieldtype: z.string().optional(),
  from: z.string().nullish(),
  fromString: z.string().nullish(),
  to: z.string().nullish(),
  toString: z.string().nullish(),
});

const historySchema = z.looseObject({
  id: z.string(),
  created: timestamp,
  author: jiraUserSchema.nullish(),
  items: z.array(changeItemSchema),
});

export const jiraIssueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: z.looseObject({
    summary: z.string(),
    created: timestamp,
    updated: timestamp,
    resolutiondate: timestamp.nullish(),
    status: z.looseObject({
      name: z.string(),
      statusCategory: z.looseObject({ key: z.enum(['new', 'indeterminate', 'done']) }),
    }),
    issuetype: z.looseObject({ name: z.string() }),
    assignee: jiraUserSchema.nullish(),
    reporter: jiraUserSchema.nullish(),
    labels: z.array(z.string()).optional(),
  }),
  changelog: z.looseObject({ histories: z.array(historySchema) }),
});

export type JiraUser = z.infer<typeof jiraUserSchema>;
export type JiraIssue = z.infer<typeof jiraIssueSchema>;
export type JiraHistory = JiraIssue['changelog']['histories'][number];

const searchResponseSchema = z.looseObject({ issues: z.array(jiraIssueSchema) });

function isSearchResponse(json: unknown): boolean {
  return typeof json === 'object' && json !== null && !Array.isArray(json) && 'issues' in json;
}

/** An array of issues, or a search response `{ issues: [...] }`. */
export function parseJiraIssues(json: unknown): ParseResult<JiraIssue[]> {
  if (!isSearchResponse(json)) return parseWith(z.array(jiraIssueSchema), json);
  const read = parseWith(searchResponseSchema, json);
  return read.ok ? { ok: true, value: read.value.issues } : read;
}
