import { type DoraKeys, doraKeys } from './dora.ts';
import type { GitLabDeployment, MergeRequestBundle } from './gitlab-shapes.ts';
import { jiraLeadTime } from './jira.ts';
import type { JiraIssue } from './jira-shapes.ts';
import {
  defaultProductionEnvironments,
  deployment,
  mergeRequestContributions,
  mergeRequestLeadTime,
} from './merge-requests.ts';
import { monthOf, percentile } from './metrics.ts';
import type { Identity, StatusCategories } from './model.ts';
import { type MonthlyContribution, monthlyContributions } from './monthly.ts';
import { earliest } from './time.ts';

// The offline delivery report the CLI prints from import files: no server, no database.

export interface Percentiles {
  p50: number | null;
  p75: number | null;
  p90: number | null;
  /** How many values the percentiles are taken over. */
  sample: number;
}

export const mergeRequestStages = [
  'codingMs',
  'pickupMs',
  'reviewMs',
  'deployMs',
  'leadMs',
  'changeLeadMs',
] as const;
export type MergeRequestStage = (typeof mergeRequestStages)[number];

export interface DeliveryReportInput {
  bundles: MergeRequestBundle[];
  deployments: GitLabDeployment[];
  /** The GitLab project the deployments belong to; by default the merge requests' project, when they share one. */
  gitlabProjectId?: number;
  jiraIssues: JiraIssue[];
  categories: StatusCategories;
  productionEnvironments?: string[];
  /** Jira issue types that are production incidents (case-insensitive), for DORA's failure and restore keys. */
  incidentTypes: string[];
  asOf: Date;
  /** DORA's range [from, to): by default from the earliest time in the data to `asOf`. */
  from?: string;
  to?: string;
}

export interface DeliveryReport {
  asOf: string;
  mergeRequests: { count: number; merged: number; stages: Record<MergeRequestStage, Percentiles> };
  jira: {
    count: number;
    done: number;
    leadMs: Percentiles;
    cycleMs: Percentiles;
    /** Issues done per month (`YYYY-MM`), oldest first. */
    throughput: { month: string; done: number }[];
  };
  dora: DoraKeys;
  contributions: MonthlyContribution[];
}

export function percentilesOf(values: (number | null)[]): Percentiles {
  const known = values.filter((value) => value !== null);
  return {
    p50: percentile(known, 0.5),
    p75: percentile(known, 0.75),
    p90: percentile(known, 0.9),
    sample: known.length,
  };
}

/** People are one person across sources when they share an email; otherwise per source and handle. */
export const defaultPersonKey = (identity: Identity): string =>
  identity.email ?? `${identity.source}:${identity.handle}`;

function deploymentsProject(input: DeliveryReportInput): number | null {
  if (input.gitlabProjectId !== undefined) return input.gitlabProjectId;
  const projects = [...new Set(input.bundles.map((bundle) => bundle.project_id))];
  if (input.deployments.length === 0) return projects[0] ?? null;
  if (projects.length !== 1) {
    throw new Error(
      `deployments: the merge requests belong to ${projects.length} projects (${projects.join(', ')}); say which project the deployments are of`,
    );
  }
  return projects[0] ?? null;
}

function throughput(doneAts: string[]): { month: string; done: number }[] {
  const perMonth = new Map<string, number>();
  for (const doneAt of doneAts) perMonth.set(monthOf(doneAt), (perMonth.get(monthOf(doneAt)) ?? 0) + 1);
  return [...perMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, done]) => ({ month, done }));
}

export function deliveryReport(input: DeliveryReportInput): DeliveryReport {
  const projectId = deploymentsProject(input);
  const environments = input.productionEnvironments ?? defaultProductionEnvironments;
  const deployments =
    projectId === null ? [] : input.deployments.map((d) => deployment(d, projectId, environments));
  const leadTimes = input.bundles.map((bundle) => mergeRequestLeadTime(bundle, deployments));
  const contributions = input.bundles.flatMap(mergeRequestContributions);
  const issues = input.jiraIssues.map((issue) => jiraLeadTime(issue, input.categories, input.asOf));
  const incidentTypes = new Set(input.incidentTypes.map((type) => type.toLowerCase()));
  const incidents = issues.filter((issue) => incidentTypes.has(issue.issueType.toLowerCase()));
  const to = input.to ?? input.asOf.toISOString();
  const from =
    input.from ??
    earliest([
      ...leadTimes.map((mr) => earliest([mr.firstCommitAt, mr.createdAt])),
      ...deployments.map((d) => d.createdAt),
      ...issues.map((issue) => issue.createdAt),
    ]) ??
    to;
  const done = issues.flatMap((issue) => (issue.doneAt === null ? [] : [issue.doneAt]));
  const stage = (name: MergeRequestStage) => percentilesOf(leadTimes.map((mr) => mr[name]));
  return {
    asOf: input.asOf.toISOString(),
    mergeRequests: {
      count: leadTimes.length,
      merged: leadTimes.filter((mr) => mr.mergedAt !== null).length,
      stages: {
        codingMs: stage('codingMs'),
        pickupMs: stage('pickupMs'),
        reviewMs: stage('reviewMs'),
        deployMs: stage('deployMs'),
        leadMs: stage('leadMs'),
        changeLeadMs: stage('changeLeadMs'),
      },
    },
    jira: {
      count: issues.length,
      done: done.length,
      leadMs: percentilesOf(issues.map((issue) => issue.leadMs)),
      cycleMs: percentilesOf(issues.map((issue) => issue.cycleMs)),
      throughput: throughput(done),
    },
    dora: doraKeys({ deployments, leadTimes, incidents, from, to }),
    contributions: monthlyContributions(contributions, leadTimes, issues, defaultPersonKey),
  };
}
