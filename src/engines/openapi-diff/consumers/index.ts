/** Consumer impact: which clients, as their Pact files or registrations say, a contract change reaches. */

export { bodyFields } from './body-fields.ts';
export { consumerImpact } from './impact.ts';
export { operationKeyFor, Routes, registeredOperationKey, responseKeyFor } from './operation-key.ts';
export { consumerFromPact, PactFormatError, type PactIssue, parsePact } from './pact.ts';
export type * from './types.ts';
