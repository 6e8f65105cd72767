/** Contract checks: two versions of an API contract compared, every change judged for its clients. */

export { diffOpenApi } from './diff.ts';
export { normalisePath } from './document.ts';
export { rules } from './rules/index.ts';
export type * from './types.ts';
export { levels, sections } from './types.ts';
