/** Migration guides: a contract diff written out for the API's clients, change by change. */

export { clientAction, fieldInWords } from './actions.ts';
export { counterpartPointer, excerptAt } from './excerpt.ts';
export { type GuideRule, type MigrationGuideOptions, migrationGuide } from './guide.ts';
