/**
 * The flag evaluation engine: pure functions from an environment's snapshot and a context to answers,
 * bucketed exactly as Unleash's SDKs bucket, plus the checks and the Unleash payload built from the same
 * definitions.
 */

export type { FlagProblem } from './checks.ts';
export { checkFlag } from './checks.ts';
export type { CompiledSnapshot } from './compile.ts';
export { compileSnapshot } from './compile.ts';
export { evaluateAll, evaluateFlag } from './evaluate.ts';
export { normalizedHash } from './hash.ts';
export * from './model.ts';
export { findPrerequisiteCycle } from './prerequisites.ts';
export { toUnleashFeatures } from './unleash-payload.ts';
