// The `plan` schema's tables, for drizzle-kit (listed in drizzle.config.ts). Shipshape's own readiness
// tables live in `public` and are exported from src/db/schema.ts instead.

export * from './areas/analytics.ts';
export * from './areas/audit-logging.ts';
export * from './areas/background-jobs.ts';
export * from './areas/batch-processing.ts';
export * from './areas/breaking-change-management.ts';
export * from './areas/caching.ts';
export * from './areas/code-review-automation.ts';
export * from './areas/cross-repository-dependencies.ts';
export * from './areas/database-migrations.ts';
export * from './areas/disaster-recovery.ts';
export * from './areas/distributed-tracing.ts';
export * from './areas/feature-flags.ts';
export * from './areas/file-storage.ts';
export * from './areas/incremental-adoption.ts';
export * from './areas/internationalization.ts';
export * from './areas/load-and-capacity.ts';
export * from './areas/multi-tenancy.ts';
export * from './areas/notifications.ts';
export * from './areas/real-time.ts';
export * from './areas/search.ts';
export * from './areas/secrets-and-keys.ts';
export * from './areas/technical-debt.ts';
export * from './areas/technical-documentation.ts';
export * from './areas/third-party-apis.ts';
export * from './areas/vendor-lock-in.ts';
export { planSchema } from './fields.ts';
