import type { components } from '../../api/schema.d.ts';

/** A review finding: a row of the plan's review findings table, as its OpenAPI document describes it. */
export type Finding = components['schemas']['PlanReviewFindings'];
export type Severity = Finding['severity'];
export type FindingStatus = Finding['status'];

export const severities: readonly Severity[] = ['critical', 'major', 'minor', 'info'];
export const findingStatuses: readonly FindingStatus[] = ['open', 'fixed', 'accepted', 'false-positive'];

/** One SARIF run uploaded, with what it opened, saw again, reopened, closed and suppressed. */
export type FindingSet = components['schemas']['FindingSet'];
