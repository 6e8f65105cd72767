// Every planning area. Importing an area declares its tables, resources and checks; add new areas here.

export { analytics } from './analytics.ts';
export { auditLoggingArea } from './audit-logging.ts';
export { backgroundJobs } from './background-jobs.ts';
export { batchProcessingArea } from './batch-processing.ts';
export { breakingChangeManagement } from './breaking-change-management.ts';
export { caching } from './caching.ts';
export { codeReviewAutomation } from './code-review-automation.ts';
export { crossRepositoryDependencies } from './cross-repository-dependencies.ts';
export { databaseMigrations } from './database-migrations.ts';
export { disasterRecoveryArea } from './disaster-recovery.ts';
export { distributedTracingArea } from './distributed-tracing.ts';
export { featureFlagsArea } from './feature-flags.ts';
export { fileStorageArea } from './file-storage.ts';
export { incrementalAdoptionArea } from './incremental-adoption.ts';
export { internationalization } from './internationalization.ts';
export { loadAndCapacityArea } from './load-and-capacity.ts';
export { multiTenancy } from './multi-tenancy.ts';
export { notificationsArea } from './notifications.ts';
export { realTime } from './real-time.ts';
export { searchArea } from './search.ts';
export { secretsAndKeysArea } from './secrets-and-keys.ts';
export { technicalDebtArea } from './technical-debt.ts';
export { technicalDocumentationArea } from './technical-documentation.ts';
export { thirdPartyApisArea } from './third-party-apis.ts';
export { vendorLockInArea } from './vendor-lock-in.ts';
