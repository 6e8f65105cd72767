// The shapes of the delivery answers the CLI reads, as the API describes them. Durations are ms.

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface DeliveryConnection {
  id: string;
  kind: 'gitlab' | 'jira';
  name: string;
  baseUrl: string;
  authKind: 'token' | 'basic' | 'bearer';
  email: string | null;
  jiraApi: 'cloud' | 'server' | null;
  syncIntervalMinutes: number;
  hasSecret: boolean;
}

export interface ConnectionTest {
  ok: boolean;
  user: string | null;
  scopes: string[] | null;
  error: string | null;
}

export interface DeliverySource {
  id: string;
  connectionId: string;
  gitlabProject: string | null;
  jql: string | null;
  enabled: boolean;
  lastSyncAt: string | null;
  lastSyncStatus: string | null;
}

export type SyncStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface SyncRun {
  id: string;
  projectId: string;
  sourceId: string;
  status: SyncStatus;
  phase: string | null;
  pages: number;
  created: number;
  updated: number;
  errors: { at: string; message: string }[];
  durationMs: number | null;
  sagaId: string | null;
}

export interface ImportCounts {
  created: number;
  updated: number;
}

export interface ImportAnswer {
  mergeRequests: ImportCounts;
  deployments: ImportCounts;
  jiraIssues: ImportCounts;
}

export interface DeliverySettings {
  inProgressStatuses: string[];
  doneStatuses: string[];
  incidentIssueTypes: string[];
  productionEnvironments: string[];
  pickupTargetHours: number | null;
  historyRetentionDays: number | null;
}

export interface Percentiles {
  p50: number | null;
  p75: number | null;
  p90: number | null;
}

export const stageNames = ['coding', 'pickup', 'review', 'deploy', 'lead'] as const;
export type Stages = Record<(typeof stageNames)[number], Percentiles>;

export interface MergeRequestMetrics {
  from: string;
  to: string;
  interval: 'week' | 'month';
  groupBy: string;
  overall: { merged: number; stages: Stages };
  series: { bucket: string; group: string | null; merged: number; stages: Stages }[];
}

export interface JiraMetrics {
  from: string;
  to: string;
  interval: 'week' | 'month';
  overall: { done: number; lead: Percentiles; cycle: Percentiles };
  throughput: { bucket: string; done: number; lead: Percentiles; cycle: Percentiles }[];
  timeInStatus: { status: string; issues: number; meanMs: number | null; totalMs: number }[];
}

export interface DoraFigure {
  value: number | null;
  tier: 'elite' | 'high' | 'medium' | 'low' | null;
  sample: number;
  source: string;
}

export interface DoraMetrics {
  from: string;
  to: string;
  deploymentFrequency: DoraFigure & { deploysPerWeek: number | null };
  leadTimeForChanges: DoraFigure;
  changeFailureRate: DoraFigure;
  timeToRestore: DoraFigure;
}

export interface ReviewerMetrics {
  from: string;
  to: string;
  merged: number;
  mergedWithoutReview: number;
  reviewers: { handle: string; name: string | null; reviews: number; comments: number; share: number }[];
  balance: number | null;
}
