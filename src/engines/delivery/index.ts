export { type DoraFigure, type DoraInput, type DoraKeys, doraKeys, type Incident } from './dora.ts';
export {
  type GitLabCommit,
  type GitLabDeployment,
  type GitLabMergeRequest,
  type GitLabNote,
  type GitLabUser,
  gitlabDeploymentSchema,
  gitlabMergeRequestSchema,
  type MergeRequestBundle,
  mergeRequestBundleSchema,
  parseDeployments,
  parseMergeRequestBundles,
} from './gitlab-shapes.ts';
export { jiraHistory, jiraIdentity, jiraLeadTime } from './jira.ts';
export { type JiraIssue, type JiraUser, jiraIssueSchema, parseJiraIssues } from './jira-shapes.ts';
export {
  defaultProductionEnvironments,
  deployment,
  gitlabIdentity,
  isApproval,
  mergeRequestContributions,
  mergeRequestLeadTime,
} from './merge-requests.ts';
export {
  bucketStart,
  type DoraMetric,
  type DoraTier,
  doraBands,
  doraTier,
  median,
  monthOf,
  percentile,
} from './metrics.ts';
export type * from './model.ts';
export { type MonthlyContribution, monthlyContributions } from './monthly.ts';
export type { ParseError, ParseResult } from './parse-result.ts';
export {
  type DeliveryReport,
  type DeliveryReportInput,
  defaultPersonKey,
  deliveryReport,
  type MergeRequestStage,
  mergeRequestStages,
  type Percentiles,
  percentilesOf,
} from './report.ts';
export { toUtcIso } from './time.ts';
