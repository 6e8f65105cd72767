// The `plan` schema's tables, for drizzle-kit (listed in drizzle.config.ts). Shipshape's own readiness
// tables live in `public` and are exported from src/db/schema.ts instead.

export * from './areas/background-jobs.ts';
export * from './areas/feature-flags.ts';
export * from './areas/third-party-apis.ts';
export { planSchema } from './fields.ts';
