import type { components } from '../../api/schema';

/** The shapes of the delivery API, as its OpenAPI document describes them. */
type Schemas = components['schemas'];

export type Dora = Schemas['DeliveryDora'];
export type DoraFigure = Dora['timeToRestore'];
export type DoraTier = NonNullable<DoraFigure['tier']>;
export type MergeRequestMetrics = Schemas['DeliveryMergeRequestMetrics'];
export type Stages = MergeRequestMetrics['overall']['stages'];
export type Percentiles = Stages['lead'];
export type JiraMetrics = Schemas['DeliveryJiraMetrics'];
export type ReviewerMetrics = Schemas['DeliveryReviewerMetrics'];
export type JiraIssue = Schemas['DeliveryJiraIssue'];
export type Contribution = Schemas['DeliveryMonthlyContribution'];
export type Connection = Schemas['DeliveryConnection'];
export type ConnectionTest = Schemas['DeliveryConnectionTest'];
export type Source = Schemas['DeliverySource'];
export type SyncRun = Schemas['DeliverySyncRun'];
export type DeliverySettings = Schemas['DeliverySettings'];

/** How far back the dashboard looks, and how it buckets the trend. */
export type WindowDays = 30 | 90 | 180;
export type Interval = 'week' | 'month';
