/** Contract checks: two versions of an API contract compared, every change judged for its clients. */

export * from './consumers/index.ts';
export { diffContracts } from './contracts.ts';
export { diffOpenApi } from './diff.ts';
export { normalisePath } from './document.ts';
export * from './graphql/index.ts';
export * from './guide/index.ts';
export * from './load/index.ts';
export { rules } from './rules/index.ts';
export type * from './types.ts';
export { levels, sections } from './types.ts';
