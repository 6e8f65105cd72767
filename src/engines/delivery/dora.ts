import { type DoraMetric, type DoraTier, doraTier, median } from './metrics.ts';
import type { Deployment, MergeRequestLeadTime } from './model.ts';

// DORA's four keys over a time range [from, to), from deployments, merge requests and incidents.

const dayMs = 86_400_000;

/** A production incident: an issue of an incident type, with when it was raised and resolved. */
export interface Incident {
  createdAt: string;
  doneAt: string | null;
}

export interface DoraFigure {
  value: number | null;
  tier: DoraTier | null;
  /** How many deployments, merge requests or incidents the value is computed from. */
  sample: number;
  /** What the value is computed from, in words. */
  source: string;
}

export interface DoraKeys {
  from: string;
  to: string;
  /** Successful production deployments per day. */
  deploymentFrequency: DoraFigure & { deploysPerWeek: number | null };
  /** Median first commit (or opening) → first production deployment, in ms. */
  leadTimeForChanges: DoraFigure;
  /** Failed deployments (or followed by an incident) over finished production deployments, 0 to 1. */
  changeFailureRate: DoraFigure;
  /** Median incident raised → resolved, in ms. */
  timeToRestore: DoraFigure;
}

/** What DORA reads of a deployment and of a merge request: callers may pass no more. */
export type DoraDeployment = Pick<Deployment, 'production' | 'status' | 'finishedAt'>;
export type DoraLeadTime = Pick<MergeRequestLeadTime, 'changeLeadMs' | 'firstDeployAt'>;

export interface DoraInput {
  deployments: DoraDeployment[];
  leadTimes: DoraLeadTime[];
  incidents: Incident[];
  from: string;
  to: string;
}

function figure(metric: DoraMetric, value: number | null, sample: number, source: string): DoraFigure {
  return { value, tier: doraTier(metric, value), sample, source };
}

/** The index of the first time in the ascending list that is at or after (`strict`: after) `time`. */
function firstFrom(sorted: number[], time: number, strict: boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const value = sorted[middle] ?? Number.POSITIVE_INFINITY;
    if (strict ? value <= time : value < time) low = middle + 1;
    else high = middle;
  }
  return low;
}

const ascending = (times: number[]) => times.filter((time) => !Number.isNaN(time)).sort((a, b) => a - b);

/**
 * Whether a deployment was followed by an incident raised within 24 h after it and before the next
 * successful one. Times are sorted once, and each deployment is two binary searches, so thousands
 * of deployments and incidents cost milliseconds.
 */
function incidentFollows(
  successes: DoraDeployment[],
  incidents: Incident[],
): (deployment: DoraDeployment) => boolean {
  const successTimes = ascending(successes.map((d) => Date.parse(d.finishedAt ?? '')));
  const raisedTimes = ascending(incidents.map((incident) => Date.parse(incident.createdAt)));
  return (deployment) => {
    if (deployment.finishedAt === null) return false;
    const finished = Date.parse(deployment.finishedAt);
    const next = successTimes[firstFrom(successTimes, finished, true)] ?? Number.POSITIVE_INFINITY;
    const until = Math.min(finished + dayMs, next);
    const raised = raisedTimes[firstFrom(raisedTimes, finished, false)];
    return raised !== undefined && raised < until;
  };
}

export function doraKeys({ deployments, leadTimes, incidents, from, to }: DoraInput): DoraKeys {
  const start = Date.parse(from);
  const end = Date.parse(to);
  const inRange = (iso: string | null) => iso !== null && Date.parse(iso) >= start && Date.parse(iso) < end;
  const days = (end - start) / dayMs;

  const production = deployments.filter((d) => d.production && d.finishedAt !== null);
  const successes = production.filter((d) => d.status === 'success');
  const finishedInRange = production.filter(
    (d) => (d.status === 'success' || d.status === 'failed') && inRange(d.finishedAt),
  );
  const successesInRange = finishedInRange.filter((d) => d.status === 'success');
  const perDay = finishedInRange.length > 0 && days > 0 ? successesInRange.length / days : null;

  const followed = incidentFollows(successes, incidents);
  const failures = finishedInRange.filter((d) => d.status === 'failed' || followed(d));
  const deployed = leadTimes.filter((mr) => mr.changeLeadMs !== null && inRange(mr.firstDeployAt));
  const restored = incidents.filter((incident) => inRange(incident.doneAt));
  const restoreMs = restored.map(
    (incident) => Date.parse(incident.doneAt ?? '') - Date.parse(incident.createdAt),
  );

  return {
    from,
    to,
    deploymentFrequency: {
      ...figure(
        'deploymentFrequency',
        perDay,
        successesInRange.length,
        'successful production deployments finished in the range, per day',
      ),
      deploysPerWeek: perDay === null ? null : perDay * 7,
    },
    leadTimeForChanges: figure(
      'leadTime',
      median(deployed.map((mr) => mr.changeLeadMs ?? 0)),
      deployed.length,
      'median first commit (or opening) → first production deployment of merge requests deployed in the range',
    ),
    changeFailureRate: figure(
      'changeFailureRate',
      finishedInRange.length > 0 ? failures.length / finishedInRange.length : null,
      finishedInRange.length,
      'production deployments in the range that failed or were followed within 24 h by an incident, over all that finished (success or failed)',
    ),
    timeToRestore: figure(
      'timeToRestore',
      median(restoreMs),
      restored.length,
      'median raised → resolved of incidents resolved in the range',
    ),
  };
}
