// Every table, for Drizzle's relational queries and for drizzle-kit's migration generator.
export * from '../core/auth/schema.ts';
export * from '../core/events/schema.ts';
export * from '../core/http/idempotency-schema.ts';
export * from '../core/metadata/schema.ts';
export * from '../core/search/schema.ts';
export * from '../modules/audit/tables.ts';
export * from '../modules/decision-logs/schema.ts';
export * from '../modules/plan/readiness-schema.ts';
export * from '../modules/prd-reviews/schema.ts';
export * from '../modules/projects/schema.ts';
