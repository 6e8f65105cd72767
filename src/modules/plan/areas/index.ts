import { definePlan } from '../area.ts';
import { analytics } from './analytics.ts';
import { auditLoggingArea } from './audit-logging.ts';
import { backgroundJobs } from './background-jobs.ts';
import { batchProcessingArea } from './batch-processing.ts';
import { breakingChangeManagement } from './breaking-change-management.ts';
import { caching } from './caching.ts';
import { codeReviewAutomation } from './code-review-automation.ts';
import { crossRepositoryDependencies } from './cross-repository-dependencies.ts';
import { databaseMigrations } from './database-migrations.ts';
import { disasterRecoveryArea } from './disaster-recovery.ts';
import { distributedTracingArea } from './distributed-tracing.ts';
import { featureFlagsArea } from './feature-flags.ts';
import { fileStorageArea } from './file-storage.ts';
import { incrementalAdoptionArea } from './incremental-adoption.ts';
import { internationalization } from './internationalization.ts';
import { loadAndCapacityArea } from './load-and-capacity.ts';
import { multiTenancy } from './multi-tenancy.ts';
import { notificationsArea } from './notifications.ts';
import { realTime } from './real-time.ts';
import { searchArea } from './search.ts';
import { secretsAndKeysArea } from './secrets-and-keys.ts';
import { technicalDebtArea } from './technical-debt.ts';
import { technicalDocumentationArea } from './technical-documentation.ts';
import { thirdPartyApisArea } from './third-party-apis.ts';
import { vendorLockInArea } from './vendor-lock-in.ts';

/** Every planning area, in plan order. A new area is added here (and its tables in ../tables.ts). */
export const planAreas = definePlan([
  codeReviewAutomation,
  breakingChangeManagement,
  crossRepositoryDependencies,
  databaseMigrations,
  featureFlagsArea,
  caching,
  realTime,
  thirdPartyApisArea,
  backgroundJobs,
  multiTenancy,
  internationalization,
  analytics,
  searchArea,
  fileStorageArea,
  notificationsArea,
  auditLoggingArea,
  batchProcessingArea,
  disasterRecoveryArea,
  distributedTracingArea,
  secretsAndKeysArea,
  loadAndCapacityArea,
  vendorLockInArea,
  technicalDocumentationArea,
  technicalDebtArea,
  incrementalAdoptionArea,
]);
