/** Migration safety: PostgreSQL migrations parsed by PostgreSQL's own parser, checked for locks and breakage. */

export { type DiscoveredMigration, discoverMigrations, type Framework } from './discover.ts';
export { type FailOn, type NotAnalysedFile, runFails } from './format/common.ts';
export { formatJunit, type JunitOptions } from './format/junit.ts';
export { formatMarkdown, type MarkdownOptions } from './format/markdown.ts';
export { formatSarif, parseErrorRuleId, type SarifLog } from './format/sarif.ts';
export { formatText, type TextOptions } from './format/text.ts';
export { defaultPgVersion, lintMigrations, lintMigrationsLoaded } from './lint.ts';
export { loadParser } from './parser.ts';
export { rules } from './rules/index.ts';
export type * from './types.ts';
