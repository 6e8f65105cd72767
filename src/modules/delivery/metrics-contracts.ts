import { z } from 'zod';

// The metrics' shapes. Durations are milliseconds; percentiles interpolate between ranks
// (PostgreSQL's percentile_cont); a figure with no data is null.

export const metricsQuerySchema = z.object({
  from: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('Start of the window (inclusive); 90 days before `to` by default'),
  to: z.iso.datetime({ offset: true }).optional().describe('End of the window (exclusive); now by default'),
  interval: z
    .enum(['week', 'month'])
    .default('week')
    .describe('Buckets of the trend: ISO weeks (Monday, UTC) or calendar months'),
});

export const mergeRequestMetricsQuerySchema = metricsQuerySchema.extend({
  groupBy: z
    .enum(['none', 'label', 'author', 'team', 'targetBranch'])
    .default('none')
    .describe('Split each bucket by label, author, the author’s team, or target branch'),
});

const percentiles = z
  .object({ p50: z.number().nullable(), p75: z.number().nullable(), p90: z.number().nullable() })
  .meta({ id: 'DeliveryPercentiles' });

const mergeRequestStages = z.object({
  coding: percentiles,
  pickup: percentiles,
  review: percentiles,
  deploy: percentiles,
  lead: percentiles,
});

const window = { from: z.string(), to: z.string() };

export const mergeRequestMetricsSchema = z
  .object({
    ...window,
    interval: z.enum(['week', 'month']),
    groupBy: z.string(),
    overall: z.object({ merged: z.number().int(), stages: mergeRequestStages }),
    series: z.array(
      z.object({
        bucket: z.string().describe('YYYY-MM-DD: the week’s Monday or the month’s first day'),
        group: z.string().nullable(),
        merged: z.number().int(),
        stages: mergeRequestStages,
      }),
    ),
  })
  .meta({ id: 'DeliveryMergeRequestMetrics' });

export const jiraMetricsSchema = z
  .object({
    ...window,
    interval: z.enum(['week', 'month']),
    overall: z.object({ done: z.number().int(), lead: percentiles, cycle: percentiles }),
    throughput: z.array(
      z.object({ bucket: z.string(), done: z.number().int(), lead: percentiles, cycle: percentiles }),
    ),
    timeInStatus: z.array(
      z.object({
        status: z.string(),
        issues: z.number().int().describe('Done issues that spent time in the status'),
        meanMs: z.number().nullable().describe('Mean time in the status over those issues'),
        totalMs: z.number(),
      }),
    ),
  })
  .meta({ id: 'DeliveryJiraMetrics' });

const doraFigure = z.object({
  value: z.number().nullable(),
  tier: z.enum(['elite', 'high', 'medium', 'low']).nullable(),
  sample: z.number().int(),
  source: z.string().describe('Which data the figure came from'),
});

export const doraSchema = z
  .object({
    ...window,
    deploymentFrequency: doraFigure
      .extend({ deploysPerWeek: z.number().nullable() })
      .describe('Deploys per day'),
    leadTimeForChanges: doraFigure.describe('Median ms from first commit to production'),
    changeFailureRate: doraFigure.describe(
      'Share of production deployments that failed or led to an incident (0–1)',
    ),
    timeToRestore: doraFigure.describe('Median ms from an incident’s creation to done'),
  })
  .meta({ id: 'DeliveryDora' });

export const reviewerMetricsSchema = z
  .object({
    ...window,
    merged: z.number().int(),
    mergedWithoutReview: z.number().int(),
    reviewers: z.array(
      z.object({
        handle: z.string(),
        name: z.string().nullable(),
        reviews: z.number().int().describe('Merge requests reviewed or approved'),
        comments: z.number().int(),
        share: z.number().describe('Share of all reviews (0–1)'),
      }),
    ),
    balance: z
      .number()
      .nullable()
      .describe(
        'Gini coefficient of reviews across reviewers: 0 evenly shared, near 1 one person reviews all',
      ),
  })
  .meta({ id: 'DeliveryReviewerMetrics' });

export const deliveryChecksSchema = z
  .object({
    checks: z.array(
      z.object({
        id: z.string(),
        level: z.enum(['bronze', 'silver', 'gold']),
        title: z.string(),
        status: z.enum(['pass', 'fail', 'not_applicable']),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'DeliveryChecks' });

export const importBodySchema = z
  .strictObject({
    gitlabMergeRequests: z
      .array(z.unknown())
      .max(20_000)
      .optional()
      .describe('GitLab merge requests as the API answers them, each with `commits` and `notes` arrays'),
    gitlabDeployments: z
      .array(z.unknown())
      .max(50_000)
      .optional()
      .describe('GitLab deployments as the API answers them, each with `project_id`'),
    jiraIssues: z
      .array(z.unknown())
      .max(50_000)
      .optional()
      .describe('Jira issues as the search API answers them, with `expand=changelog`'),
  })
  .meta({ id: 'DeliveryImport' });

const counts = z.object({ created: z.number().int(), updated: z.number().int() });

export const importAnswerSchema = z
  .object({ mergeRequests: counts, deployments: counts, jiraIssues: counts })
  .meta({ id: 'DeliveryImportResult' });

export const syncBodySchema = z.strictObject({
  sourceId: z.uuid().optional().describe('One source; all enabled sources of the project by default'),
  full: z
    .boolean()
    .default(false)
    .describe('Read everything again instead of the changes since the last sync'),
});
