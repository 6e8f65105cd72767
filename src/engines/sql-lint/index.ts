/** Migration safety: PostgreSQL migrations parsed by PostgreSQL's own parser, checked for locks and breakage. */

export { type DiscoveredMigration, discoverMigrations, type Framework } from './discover.ts';
export { defaultPgVersion, lintMigrations, lintMigrationsLoaded } from './lint.ts';
export { loadParser } from './parser.ts';
export { rules } from './rules/index.ts';
export type * from './types.ts';
