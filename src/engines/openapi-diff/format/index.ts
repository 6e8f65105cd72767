/** Reports of a contract diff: for a terminal, a merge-request comment, CI test results and code scanning. */

export { runFails, summarise } from './common.ts';
export { formatJson } from './json.ts';
export { formatJunit, type JunitOptions } from './junit.ts';
export { createLocator, type Locator, type SourcePosition } from './locate.ts';
export { formatMarkdown, type MarkdownOptions } from './markdown.ts';
export { formatSarif, type SarifLog, type SarifOptions } from './sarif.ts';
export { formatText, type TextOptions } from './text.ts';
