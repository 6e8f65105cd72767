import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { workspaces } from '../../core/auth/schema.ts';
import { resourceColumns } from '../../core/tenancy/columns.ts';
import { projects } from '../../core/tenancy/projects-table.ts';

// Every table of the plan module, for drizzle-kit and the module's table list: the plan's own tables
// (in the `plan` schema, declared by each area) and Shipshape's readiness tables (in `public`):
// waivers, disabled checks, areas marked not applicable, and the daily scores behind the trend.

export {
  abTests,
  analyticsEvents,
  dashboards,
  funnels,
  metrics,
} from './areas/analytics.ts';
export {
  auditSearchIndexes,
  planAuditEvents,
  planAuditLogs,
  planAuditRetentionPolicies,
} from './areas/audit-logging.ts';
export {
  deadLetterHandling,
  jobQueues,
  jobTypes,
  retryPolicies,
  scheduledJobs,
} from './areas/background-jobs.ts';
export {
  batchCheckpoints,
  batchJobs,
  batchSchedules,
  dataPipelines,
  dataQualityRules,
} from './areas/batch-processing.ts';
export {
  affectedConsumers,
  apiContracts,
  breakingChanges,
  deprecationSchedules,
  migrationGuides,
} from './areas/breaking-change-management.ts';
export {
  cacheInvalidationRules,
  cacheKeys,
  cacheStrategies,
  cacheWarmingPlans,
} from './areas/caching.ts';
export {
  autoFixHistory,
  codeReviewChecklists,
  preCommitHooks,
  qualityGates,
  reviewFindings,
} from './areas/code-review-automation.ts';
export {
  coordinatedDeployments,
  crossRepoDependencies,
  externalRepositories,
  sharedLibraries,
  versionCompatibilityMatrix,
} from './areas/cross-repository-dependencies.ts';
export {
  dataTransformations,
  migrationRisks,
  migrationStrategies,
  productionTestPlans,
} from './areas/database-migrations.ts';
export {
  backupSchedules,
  backupStrategies,
  backupTestPlans,
  recoveryObjectives,
} from './areas/disaster-recovery.ts';
export {
  instrumentationPoints,
  samplingStrategies,
  serviceDependencies,
  traceConfigurations,
} from './areas/distributed-tracing.ts';
export {
  featureFlags,
  flagDependencies,
  flagLifecycle,
  flagMonitoringConfig,
  flagTargetingRules,
} from './areas/feature-flags.ts';
export {
  fileLifecyclePolicies,
  fileStorageConfigs,
  fileUploadPolicies,
  imageProcessingRules,
} from './areas/file-storage.ts';
export {
  betaPrograms,
  featurePriorities,
  feedbackCollectionPlans,
  releasePhases,
} from './areas/incremental-adoption.ts';
export {
  localeConfigurations,
  translationKeys,
  translationMemory,
  translations,
  translationWorkflow,
} from './areas/internationalization.ts';
export {
  autoscalingConfigs,
  capacityThresholds,
  loadProfiles,
  loadTestScenarios,
  performanceBaselines,
} from './areas/load-and-capacity.ts';
export {
  dataIsolationRules,
  tenantConfigurations,
  tenantLimits,
  tenants,
} from './areas/multi-tenancy.ts';
export {
  deliveryTracking,
  notificationChannels,
  notificationPreferences,
  notificationQueue,
  notificationTemplates,
} from './areas/notifications.ts';
export {
  connectionManagementConfig,
  eventChannels,
  stateSyncRules,
  websocketEndpoints,
} from './areas/real-time.ts';
export {
  planSearchAnalytics,
  searchConfigurations,
  searchIndexes,
  searchSuggestions,
} from './areas/search.ts';
export {
  keyAccessLogs,
  keyVersions,
  rotationSchedules,
  secretsInventory,
} from './areas/secrets-and-keys.ts';
export {
  debtCategories,
  debtMetrics,
  debtPaymentPlans,
  technicalDebtItems,
} from './areas/technical-debt.ts';
export {
  codeExamples,
  diagramDefinitions,
  documentationSections,
  troubleshootingGuides,
} from './areas/technical-documentation.ts';
export {
  apiCostTracking,
  circuitBreakerConfigs,
  fallbackStrategies,
  rateLimitConfigs,
  thirdPartyApis,
  webhookEndpoints,
} from './areas/third-party-apis.ts';
export {
  dataExportFormats,
  migrationPlans,
  vendorAbstractions,
  vendorDependencies,
} from './areas/vendor-lock-in.ts';
export { planSchema } from './fields.ts';

export const readinessWaivers = pgTable(
  'readiness_waivers',
  {
    ...resourceColumns(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    checkId: text('check_id').notNull(),
    reason: text('reason').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (table) => [index('readiness_waivers_project_idx').on(table.projectId, table.createdAt, table.id)],
);

export const readinessDisabledChecks = pgTable(
  'readiness_disabled_checks',
  {
    ...resourceColumns(),
    checkId: text('check_id').notNull(),
    reason: text('reason').notNull(),
  },
  (table) => [uniqueIndex('readiness_disabled_checks_unique').on(table.workspaceId, table.checkId)],
);

export const planAreaExclusions = pgTable(
  'plan_area_exclusions',
  {
    ...resourceColumns(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    area: text('area').notNull(),
    reason: text('reason').notNull(),
  },
  (table) => [uniqueIndex('plan_area_exclusions_unique').on(table.projectId, table.area)],
);

/** Per area: its level and how many checks pass and fail. */
export type AreaScores = Record<string, { level: string; passing: number; failing: number }>;

/** One row per project and day: the readiness that day, kept for the trend. */
export const readinessScores = pgTable(
  'readiness_scores',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    level: text('level').$type<'none' | 'bronze' | 'silver' | 'gold'>().notNull(),
    passing: integer('passing').notNull(),
    failing: integer('failing').notNull(),
    areas: jsonb('areas').$type<AreaScores>().notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('readiness_scores_project_day').on(table.projectId, table.day)],
);
